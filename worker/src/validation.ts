import type { Context, MiddlewareHandler } from "hono";
import type { z } from "zod";
import type { AppEnv } from "./env.ts";
import { ApiError, quote, reportedIssues, toIssue, zodIssues, type Issue } from "./errors.ts";
import { loneSurrogateIssues } from "./lone-surrogates.ts";
import { halves, numberRefusal } from "./validation-messages.ts";

/** Zod at every boundary: bad JSON → 400 INVALID_JSON, schema errors → 400 VALIDATION_FAILED with issues. */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw invalidJson((e as Error).message);
  }
  return validate(json, schema, "body");
}

export const invalidJson = (detail: string): ApiError =>
  new ApiError(400, "INVALID_JSON", `Nội dung không phải JSON hợp lệ / the body is not valid JSON (${detail})`, [{ path: "", message: detail }]);

const WHAT_VI: Record<string, string> = { body: "nội dung", query: "tham số query", path: "đường dẫn", header: "tiêu đề", "Idempotency-Key": "Idempotency-Key" };

export function validationError(error: z.ZodError, what: string): ApiError {
  return issuesError(zodIssues(error), what);
}

/** 400 VALIDATION_FAILED for these issues: the first one said Vietnamese first, then " / " and the English (API5-7). */
function issuesError(issues: Issue[], what: string): ApiError {
  const first = issues[0];
  if (!first) return new ApiError(400, "VALIDATION_FAILED", `Dữ liệu không hợp lệ / invalid ${what}`, issues);
  const [vi, en] = halves(first.message);
  const viWhere = first.path ? `${first.path}: ${vi}` : `${WHAT_VI[what] ?? what}: ${vi}`;
  // A value that is not a part of the request (a header such as Idempotency-Key) is named, not "(root)".
  const enWhere = first.path || (what in TARGETS ? "(root)" : what);
  return new ApiError(400, "VALIDATION_FAILED", `Dữ liệu không hợp lệ: ${viWhere} / invalid ${what} — ${enWhere}: ${en}`, issues);
}

export function validate<S extends z.ZodType>(value: unknown, schema: S, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw validationError(parsed.error, what);
  return parsed.data;
}

const TARGET_NAMES: Record<string, string> = { json: "body", param: "path", query: "query", header: "header" };
const TARGETS: Record<string, true> = { body: true, path: true, query: true, header: true };

/**
 * The routers' defaultHook: a failed schema check of any part of the request becomes the 400
 * envelope. A query parameter given more than once (?limit=2&limit=3, ?format=csv&format=csv)
 * is said so, whatever its schema made of the list (a "NaN", "not one of json, csv, xlsx"):
 * no query parameter of the API takes several values (A3-2).
 */
export function validationHook(result: { success: boolean; error?: z.ZodError; target: string; data?: unknown }): void {
  if (result.success || !result.error) return;
  const what = TARGET_NAMES[result.target] ?? result.target;
  const raw = (result.target === "query" && typeof result.data === "object" && result.data !== null ? result.data : {}) as Record<string, unknown>;
  const issues = reportedIssues(result.error).map((zodIssue): Issue => {
    const issue = toIssue(zodIssue);
    const values = raw[issue.path];
    if (Array.isArray(values)) return repeated(issue.path, values);
    // A text that did not read as a number (NaN to the schema) is quoted as sent (API7-3).
    if (zodIssue.code === "invalid_type" && typeof values === "string" && Number.isNaN(Number(values)) && (zodIssue.expected === "number" || zodIssue.expected === "int")) {
      return { path: issue.path, message: numberRefusal(zodIssue.expected === "int" ? "int" : "number", values) };
    }
    return issue;
  });
  // One issue per repeated parameter, however many checks its list failed.
  throw issuesError(issues.filter((issue, i) => issues.findIndex((o) => o.path === issue.path && o.message === issue.message) === i), what);
}

const SHOWN_VALUES = 5;

/** "?format ghi 2 lần (csv, csv): chỉ ghi một lần": the values as sent, the first few. */
function repeated(name: string, values: unknown[]): Issue {
  const shown = values.slice(0, SHOWN_VALUES).map((v) => quote(String(v)));
  const listed = `${shown.join(", ")}${values.length > SHOWN_VALUES ? ", …" : ""}`;
  return { path: name, message: `?${name} ghi ${values.length} lần (${listed}): chỉ ghi một lần / ?${name} is given ${values.length} times (${listed}): give it once` };
}

const JSON_MEDIA_TYPE = /^application\/([\w.+-]*\+)?json\b/i;

/** 415: the body is not JSON by its Content-Type (or has none). */
export const notJson = (): ApiError => new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Chỉ nhận JSON (application/json) / send application/json");

/**
 * The Content-Types a JSON route takes, as @hono/zod-openapi's media-type check reads them
 * (its jsonRequestRegex): application/json or application/…+json, with parameters.
 */
const JSON_REQUEST_TYPE = /^application\/([a-z-.]+\+)?json(;\s*[a-zA-Z0-9-]+=([^;]+))*$/i;

/** The raw body, refusing anything that says it is not JSON (routes outside the OpenAPI definitions). */
export async function readText(c: Context): Promise<string> {
  const type = c.req.header("Content-Type");
  if (type && !JSON_MEDIA_TYPE.test(type)) {
    throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Chỉ nhận JSON / send application/json");
  }
  refuseOtherCharset(type);
  return c.req.text();
}

/** The charset a Content-Type declares, unquoted ("" when empty), or null when it declares none. */
function declaredCharset(type: string): string | null {
  const m = /;\s*charset\s*=\s*(?:"([^"]*)"|([^;\s]*))/i.exec(type);
  return m ? (m[1] ?? m[2] ?? "").trim() : null;
}

/** A label the Encoding standard reads as UTF-8 ("utf-8", "UTF8", "unicode-1-1-utf-8" …). */
function namesUtf8(label: string): boolean {
  try {
    return new TextDecoder(label).encoding === "utf-8";
  } catch {
    return false; // no encoding of that name
  }
}

/**
 * API-NOTES: JSON in is UTF-8. A JSON body that declares another charset (utf-16, latin1,
 * windows-1258, a name no encoding has) is refused with 415 rather than read as UTF-8 anyway:
 * its sender encodes it otherwise, and a body that happens to decode would store what it did
 * not mean. No charset, or any name of UTF-8, is read as UTF-8.
 */
function refuseOtherCharset(type: string | undefined): void {
  if (!type || !JSON_MEDIA_TYPE.test(type)) return;
  const charset = declaredCharset(type);
  if (charset === null || namesUtf8(charset)) return;
  const named = `"${quote(charset)}"`;
  throw new ApiError(
    415,
    "UNSUPPORTED_MEDIA_TYPE",
    `Nội dung JSON phải mã hóa UTF-8, không nhận bảng mã ${named}: gửi "Content-Type: application/json" hoặc "application/json; charset=utf-8" / JSON must be UTF-8, charset ${named} is not accepted: send "Content-Type: application/json" or "application/json; charset=utf-8"`,
  );
}

/**
 * No request body is legitimately nested deeper than this (a criteria set is a handful of
 * levels, a grid five). Recursive schema checks of deeper input could exhaust the stack.
 */
export const MAX_JSON_DEPTH = 64;

/** Deepest nesting of arrays and objects in JSON text, scanned without parsing (strings skipped). */
export function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 0x5c) i++; // backslash: skip the escaped character
      else if (ch === 0x22) inString = false;
    } else if (ch === 0x22) inString = true;
    else if (ch === 0x5b || ch === 0x7b) deepest = Math.max(deepest, ++depth);
    else if (ch === 0x5d || ch === 0x7d) depth--;
  }
  return deepest;
}

/** UTF-8 as JSON must be (RFC 8259): a bad byte is refused, never stored replaced by U+FFFD. */
const STRICT_UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });

/** Before the schema check of a JSON body: refuse a media type other than JSON, a declared charset other than UTF-8, bytes that are not UTF-8, nesting deeper than MAX_JSON_DEPTH, and a text holding a lone UTF-16 surrogate. */
export const boundedJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  // The media type decides first (CF4-1): an .xlsx, a form or an image posted as such is not
  // "invalid JSON" but another media type, refused as the route definition would refuse it
  // had its bytes been text — a body without a Content-Type as well.
  const type = c.req.header("Content-Type");
  const bytes = await c.req.arrayBuffer();
  if (type ? !JSON_MEDIA_TYPE.test(type) : bytes.byteLength > 0) throw notJson();
  refuseOtherCharset(type);
  if (type && !JSON_REQUEST_TYPE.test(type)) throw notJson();
  // The strict decoding is the text checked below (it drops a BOM as Response.text() does): the
  // body is not decoded a second time for it, 1.5 MB for the largest workbook posted as JSON.
  let text: string;
  try {
    text = STRICT_UTF8.decode(bytes);
  } catch {
    throw invalidJson("not UTF-8");
  }
  if (jsonDepth(text) > MAX_JSON_DEPTH) {
    throw new ApiError(400, "VALIDATION_FAILED", `Dữ liệu lồng quá ${MAX_JSON_DEPTH} cấp / the body is nested deeper than ${MAX_JSON_DEPTH} levels`, [
      { path: "", message: `nested deeper than ${MAX_JSON_DEPTH} levels` },
    ]);
  }
  const lone = loneSurrogateIssues(text);
  if (lone.length > 0) throw issuesError(lone, "body");
  shareParsedBody(c, text);
  await next();
};

/**
 * The body parsed here once, for the idempotency fingerprint (`jsonBody`) and for the route's
 * schema check, whose validator asks `c.req.json()`: Hono 4 would decode the cached bytes and
 * parse them again on every call. A 1.5 MB workbook posted as JSON was decoded three times and
 * parsed twice per request (issue 17). Text that is not JSON is left to the validator, whose
 * refusal stays the one the API documents. The idempotency middleware reads the value before
 * the route's schema check and handler get it, so whatever they do with it cannot change the
 * request's fingerprint.
 */
function shareParsedBody(c: Context<AppEnv>, text: string): void {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return;
  }
  c.set("jsonBody", { value });
  c.req.json = <T>() => Promise.resolve(value as T);
}
