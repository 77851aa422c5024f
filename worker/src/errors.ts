import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import { localiseIssue, type SchemaIssue } from "../../shared/criteria-issues.ts";

/** One error envelope for every failure (API-NOTES.md): `{ error: { code, message, issues? } }`. */
export interface Issue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: string,
    message: string,
    readonly issues?: Issue[],
  ) {
    super(message);
  }
}

/** An answer stays small whatever the input (issue 15, item 5): at most this many issues … */
export const MAX_ISSUES = 100;
/** … and input echoed in a message at most this long (quote()); longer texts are cut as a last resort. */
export const MAX_QUOTED = 80;
const MAX_MESSAGE = 1_000;
const MAX_PATH = 200;

const clip = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join("")}…`;
};

/** Input echoed in a message (a cell, a code, a name): at most MAX_QUOTED characters. */
export const quote = (text: string): string => clip(text, MAX_QUOTED);

function cappedIssues(issues: Issue[]): Issue[] {
  const listed = issues.length > MAX_ISSUES ? issues.slice(0, MAX_ISSUES - 1) : issues;
  const capped = listed.map((i) => ({ path: clip(i.path, MAX_PATH), message: clip(i.message, MAX_MESSAGE) }));
  const more = issues.length - listed.length;
  return more > 0 ? [...capped, { path: "…", message: `còn ${more} lỗi nữa không liệt kê / ${more} more not listed` }] : capped;
}

export function errorBody(code: string, message: string, issues?: Issue[]): { error: { code: string; message: string; issues?: Issue[] } } {
  const text = clip(message, MAX_MESSAGE);
  return { error: issues ? { code, message: text, issues: cappedIssues(issues) } : { code, message: text } };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string, issues?: Issue[]): Response {
  // API-NOTES: a 400 carries its issues; one raised without any names the request as a whole.
  return c.json(errorBody(code, message, status === 400 && !issues?.length ? [{ path: "", message }] : issues), status);
}

export function zodIssues(error: z.ZodError): Issue[] {
  return reportedIssues(error).map(toIssue);
}

export const toIssue = (i: z.core.$ZodIssue): Issue => ({ path: i.path.map(String).join("."), message: bothLanguages(i as SchemaIssue) });

/**
 * The issues said to the caller. A whole number is also checked against the safe integers
 * (`.int()`): past them (?limit=99999999999999999999) zod refuses it twice, "at most
 * 9007199254740991" and the schema's own "at most 200" — only the schema's bound is said when
 * it has one on that side (A3-2).
 */
export function reportedIssues(error: z.ZodError): z.core.$ZodIssue[] {
  const key = (i: z.core.$ZodIssue) => `${i.code} ${i.path.map(String).join(".")}`;
  const own = new Set(error.issues.filter((i) => !isSafeIntegerBound(i)).map(key));
  return error.issues.filter((i) => !isSafeIntegerBound(i) || !own.has(key(i)));
}

const isSafeIntegerBound = (i: z.core.$ZodIssue): boolean => (i.code === "too_big" || i.code === "too_small") && i.origin === "int";

/**
 * An issue a shared schema words in English for every edge (a criteria set's structure:
 * "maxPoints is 0 but the top-level items sum to 1", its id's or a code's form) is said
 * Vietnamese first here, from the catalogue the CLI and add-in read it in (API7-1).
 */
function bothLanguages(issue: SchemaIssue): string {
  const own = issue.message;
  const known = typeof issue.params?.key === "string" || issue.code === "invalid_format";
  if (!known || own.includes(" / ") || localiseIssue(issue, "en") !== own) return own;
  const vi = localiseIssue(issue, "vi");
  return vi === own ? own : `${vi} / ${own}`;
}

/** Each resource a 404 names, in both languages: "Không tìm thấy 2099-xa" never said what was not found (A3-3). */
const RESOURCE = {
  unit: ["đơn vị", "unit"],
  period: ["kỳ đánh giá", "period"],
  criteria_set: ["bộ tiêu chí", "criteria set"],
  submission: ["hồ sơ", "submission"],
  file: ["tệp", "file"],
} as const satisfies Record<string, readonly [string, string]>;

export const notFound = (what: keyof typeof RESOURCE, id: string): ApiError => {
  const [vi, en] = RESOURCE[what];
  return new ApiError(404, `${what.toUpperCase()}_NOT_FOUND`, `Không tìm thấy ${vi} ${id} / ${en} ${id} not found`);
};
export const forbidden = (message = "Mã truy cập không có quyền với tài nguyên này / this token may not access this resource"): ApiError =>
  new ApiError(403, "FORBIDDEN", message);
