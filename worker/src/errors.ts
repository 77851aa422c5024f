import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";

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

export function errorBody(code: string, message: string, issues?: Issue[]): { error: { code: string; message: string; issues?: Issue[] } } {
  return { error: issues ? { code, message, issues } : { code, message } };
}

export function errorResponse(c: Context, status: ContentfulStatusCode, code: string, message: string, issues?: Issue[]): Response {
  return c.json(errorBody(code, message, issues), status);
}

export function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.map((i) => ({ path: i.path.map(String).join("."), message: i.message }));
}

export const notFound = (what: string, id: string): ApiError => new ApiError(404, `${what.toUpperCase()}_NOT_FOUND`, `Không tìm thấy ${id} / ${what.toLowerCase()} ${id} not found`);
export const forbidden = (message = "Mã truy cập không có quyền với tài nguyên này / this token may not access this resource"): ApiError =>
  new ApiError(403, "FORBIDDEN", message);
