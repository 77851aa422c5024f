import type { Issue } from "./errors.ts";

/**
 * A JSON string may escape half of a UTF-16 surrogate pair alone ("\ud800": valid JSON, what a
 * client writes after cutting a name through an emoji), which is no character: D1 stored it as
 * U+FFFD, so the 201 showed one text and every read another (contract tester CF4-5). Such a
 * body is refused with the fields named, as a body that is not UTF-8 is.
 */
const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F]/;
/** With the u flag a pair is one code point: only a surrogate standing alone matches. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** The fields (and keys) of a JSON body holding a lone surrogate; none when the text escapes none. */
export function loneSurrogateIssues(text: string): Issue[] {
  if (!SURROGATE_ESCAPE.test(text)) return []; // the usual body: no parse twice
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return []; // not JSON: the schema check says so
  }
  const issues: Issue[] = [];
  const visit = (v: unknown, path: string[]): void => {
    if (typeof v === "string") {
      const found = LONE_SURROGATE.exec(v);
      if (found) issues.push({ path: path.join("."), message: refusal(found[0]) });
    } else if (Array.isArray(v)) v.forEach((item, i) => visit(item, [...path, String(i)]));
    else if (v !== null && typeof v === "object") {
      for (const [key, item] of Object.entries(v)) {
        const found = LONE_SURROGATE.exec(key);
        if (found) issues.push({ path: [...path, key].join("."), message: refusal(found[0], true) });
        else visit(item, [...path, key]);
      }
    }
  };
  visit(value, []);
  return issues;
}

/** "chứa \ud800 … / holds \ud800 …", said of the field's name when `key`. */
function refusal(unit: string, key = false): string {
  const escaped = `\\u${unit.charCodeAt(0).toString(16).padStart(4, "0")}`;
  return (
    `${key ? "tên trường " : ""}chứa ${escaped}, một nửa cặp thay thế UTF-16 đứng riêng, không phải ký tự nào: gửi lại văn bản nguyên vẹn` +
    ` / ${key ? "the field name " : ""}holds ${escaped}, half of a UTF-16 surrogate pair standing alone, no character: send the text whole`
  );
}
