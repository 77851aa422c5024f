import { z } from "zod";
import { missingDayText } from "./vietnam-day.ts";

/**
 * The schema refusals an admin or reviewer reads, Vietnamese first (decimal commas), then
 * " / " and the English, as every other refusal of the API (API5-7, round 6): zod's own
 * sentences ("Invalid ISO date", "Invalid input: expected number, received NaN", "(root):
 * Invalid input") were English only. Installed once for the Worker's zod (index.ts); a message
 * a schema gives itself wins over these, so those are written in both languages where they are.
 */
export const bilingual = (vi: string, en: string): string => `${vi} / ${en}`;

/** A message's Vietnamese and English halves (the whole for both when it has no " / "). */
export function halves(message: string): [string, string] {
  const at = message.indexOf(" / ");
  return at < 0 ? [message, message] : [message.slice(0, at), message.slice(at + 3)];
}

/** A number as written in Vietnamese: decimal comma. */
export const viNumber = (n: number | bigint): string => String(n).replace(".", ",");

const TYPE_VI: Record<string, string> = {
  string: "chuỗi văn bản",
  number: "số",
  int: "số nguyên",
  boolean: "true hoặc false",
  object: "đối tượng JSON {…}",
  array: "danh sách […]",
  null: "null",
};

const MAX_SHOWN = 40;

/** Input shown in a refusal, cut to MAX_SHOWN characters. */
const shorten = (text: string): string => (Array.from(text).length > MAX_SHOWN ? `${Array.from(text).slice(0, MAX_SHOWN - 1).join("")}…` : text);

/**
 * What was sent, as the "not …" of a type refusal: a text or a number is quoted as sent
 * ("abc", 1,5 / 1.5), anything else named by its kind. A query value that did not read as a
 * number (NaN) is quoted by the query's hook, which has the text (validation.ts).
 */
function kind(input: unknown): [string, string] {
  if (input === undefined) return ["không có", "nothing"];
  if (input === null) return ["null", "null"];
  if (Array.isArray(input)) return ["danh sách", "an array"];
  if (typeof input === "string") {
    const shown = JSON.stringify(shorten(input));
    return [shown, shown];
  }
  if (typeof input === "number") return [viNumber(input), String(input)];
  const type = typeof input;
  return [TYPE_VI[type] ?? type, type === "object" ? "an object" : type];
}

/** "must be a number / a whole number, not …" — for a value that is not one, quoted (API7-3). */
export function numberRefusal(expected: "number" | "int", input: unknown): string {
  const [vi, en] = kind(input);
  const whole = expected === "int";
  if (typeof input === "number" && Number.isNaN(input)) return whole ? bilingual("phải là số nguyên (1, 2, 3 …)", "must be a whole number") : bilingual("phải là một số", "must be a number");
  return whole ? bilingual(`phải là số nguyên (1, 2, 3 …), không phải ${vi}`, `must be a whole number, not ${en}`) : bilingual(`phải là một số, không phải ${vi}`, `must be a number, not ${en}`);
}

const SIZE_UNIT: Record<string, [string, string]> = { string: ["ký tự", "characters"], array: ["phần tử", "items"], set: ["phần tử", "items"], file: ["byte", "bytes"] };

function bound(iss: { origin?: string; inclusive?: boolean }, limit: number | bigint, big: boolean): string {
  const unit = SIZE_UNIT[iss.origin ?? ""];
  if (unit) return bilingual(`${big ? "tối đa" : "tối thiểu"} ${viNumber(limit)} ${unit[0]}`, `${big ? "at most" : "at least"} ${limit} ${unit[1]}`);
  if (iss.inclusive === false) return bilingual(`phải ${big ? "nhỏ" : "lớn"} hơn ${viNumber(limit)}`, `must be ${big ? "less" : "greater"} than ${limit}`);
  return bilingual(`${big ? "tối đa" : "tối thiểu"} ${viNumber(limit)}`, `must be ${big ? "at most" : "at least"} ${limit}`);
}

const DMY = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const two = (n: number | string) => String(n).padStart(2, "0");

function formatMessage(iss: { format: string; input?: unknown }): string | undefined {
  const input = typeof iss.input === "string" ? iss.input : "";
  if (iss.format === "date") {
    // A day that does not exist (31/02/2027) is named with its month's length, as a deadline's is (API7-4).
    const missing = missingDayText(input);
    if (missing) return missing;
    const dmy = DMY.exec(input);
    if (dmy) {
      const iso = `${dmy[3]}-${two(dmy[2]!)}-${two(dmy[1]!)}`;
      return bilingual(`ngày viết yyyy-mm-dd: "${input}" viết là ${iso}`, `a day is written yyyy-mm-dd: "${input}" is ${iso}`);
    }
    return bilingual("ngày viết yyyy-mm-dd, vd 2025-12-31 (và phải là một ngày có thật)", "a day is written yyyy-mm-dd, e.g. 2025-12-31 (and must exist)");
  }
  if (iss.format === "datetime") {
    return bilingual("thời điểm viết theo ISO 8601 có múi giờ, vd 2026-01-31T17:00:00+07:00", "an ISO 8601 date-time with an offset, e.g. 2026-01-31T17:00:00+07:00");
  }
  return undefined;
}

/** The first refusal of each branch of a union, in one language (0: Vietnamese, 1: English). */
function branches(errors: readonly (readonly { path: PropertyKey[]; message: string }[])[], half: 0 | 1): string {
  return errors
    .map((issues, i) => {
      const first = issues[0];
      const text = first ? `${first.path.length ? `${first.path.map(String).join(".")}: ` : ""}${halves(first.message)[half]}` : "";
      return `${half === 0 ? "dạng" : "form"} ${i + 1}: ${text}`;
    })
    .join("; ");
}

/**
 * The unknown keys a refusal names: the first SHOWN_KEYS, each shortened, within KEYS_BUDGET
 * characters, and how many more. 300 keys listed whole ran past the message's 1,000
 * characters, cutting its English half away (A3-3); both halves now always fit.
 */
const SHOWN_KEYS = 10;
const KEYS_BUDGET = 250;

function someKeys(keys: readonly string[]): { listed: string; more: number } {
  const shown: string[] = [];
  let length = 0;
  for (const key of keys.slice(0, SHOWN_KEYS)) {
    const text = `"${shorten(key)}"`;
    if (shown.length > 0 && length + text.length > KEYS_BUDGET) break;
    shown.push(text);
    length += text.length + 2;
  }
  return { listed: shown.join(", "), more: keys.length - shown.length };
}

/** zod's issue (before it is finalised) → the bilingual message, or undefined for zod's own in both languages. */
function message(iss: z.core.$ZodRawIssue): string | undefined {
  switch (iss.code) {
    case "invalid_type": {
      if (iss.input === undefined) return bilingual("bắt buộc, chưa có", "required");
      if (iss.expected === "number" || iss.expected === "int") return numberRefusal(iss.expected === "int" ? "int" : "number", iss.input);
      const [vi, en] = kind(iss.input);
      return bilingual(`phải là ${TYPE_VI[iss.expected] ?? iss.expected}, không phải ${vi}`, `expected ${iss.expected}, received ${en}`);
    }
    case "too_big":
      return bound(iss, iss.maximum as number | bigint, true);
    case "too_small":
      if (iss.origin === "string" && Number(iss.minimum) === 1) return bilingual("không được để trống", "must not be empty");
      return bound(iss, iss.minimum as number | bigint, false);
    case "invalid_format":
      return formatMessage(iss);
    case "not_multiple_of":
      return bilingual(`phải là bội số của ${viNumber(iss.divisor as number)}`, `must be a multiple of ${iss.divisor}`);
    case "unrecognized_keys": {
      const { listed, more } = someKeys(iss.keys);
      return bilingual(
        `khóa ${listed}${more ? ` và ${more} khóa khác` : ""} không dùng ở đây (bỏ đi hoặc sửa tên)`,
        `unrecognized key${iss.keys.length > 1 ? "s" : ""} ${listed}${more ? ` and ${more} more` : ""}`,
      );
    }
    case "invalid_value": {
      const values = iss.values.map((v) => JSON.stringify(v));
      return bilingual(`phải là một trong: ${values.join("; ")}`, `expected one of ${values.join(", ")}`);
    }
    case "invalid_union": {
      const errors = (iss as { errors?: { path: PropertyKey[]; message: string }[][] }).errors ?? [];
      if (errors.length === 0) return undefined;
      return bilingual(`không khớp dạng nào được nhận — ${branches(errors, 0)}`, `matches none of the accepted forms — ${branches(errors, 1)}`);
    }
    default:
      return undefined;
  }
}

const VI = z.locales.vi().localeError;
const EN = z.locales.en().localeError;
const text = (m: unknown): string => (typeof m === "string" ? m : ((m as { message?: string } | undefined)?.message ?? ""));

/** The Worker's zod speaks both languages (a schema's own message still wins). */
export function installBilingualMessages(): void {
  z.config({ customError: (iss) => message(iss) ?? bilingual(text(VI(iss)), text(EN(iss))) });
}
