import type { MiddlewareHandler } from "hono";
import { z } from "zod";
import type { AppEnv } from "./env.ts";
import { ApiError, quote, type Issue } from "./errors.ts";

/** The keys of an object schema (a query's parameters, a body's fields); none for another schema. */
export const schemaKeys = (schema: unknown): string[] => (schema instanceof z.ZodObject ? Object.keys(schema.shape) : []);

/**
 * A write (POST, PUT, PATCH, DELETE) refuses a query parameter it does not declare, as it
 * refuses an unknown body key (API7-2): `?dryRun=true` had been ignored, so a units sheet's
 * "preview" created the units, accept-unchanged wrote the appraisal and a merge "preview"
 * closed two communes for good. A parameter that is one of the body's fields (the import's
 * `dryRun`) is pointed to the body. A GET still ignores what it does not read: nothing is written.
 */
export function refuseUndeclaredQuery(queryNames: readonly string[], bodyNames: readonly string[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const params = new URL(c.req.url).searchParams;
    const unknown = [...new Set(params.keys())].filter((name) => !queryNames.includes(name));
    if (unknown.length > 0) throw new ApiError(400, "VALIDATION_FAILED", ...queryRefusal(unknown, params, queryNames, bodyNames));
    await next();
  };
}

function queryRefusal(unknown: string[], params: URLSearchParams, queryNames: readonly string[], bodyNames: readonly string[]): [string, Issue[]] {
  const sent = (name: string) => `?${quote(name)}${params.get(name) ? `=${quote(params.get(name)!)}` : ""}`;
  const inBody = (name: string) => `{"${quote(name)}": ${bodyValue(params.get(name) ?? "")}}`;
  const issues = unknown.map((name): Issue =>
    bodyNames.includes(name)
      ? { path: name, message: `${name} đặt trong nội dung (body), vd ${inBody(name)}, không trên địa chỉ (query) / ${name} goes in the body, e.g. ${inBody(name)}, not in the query` }
      : { path: name, message: `tham số query không dùng ở thao tác này (bỏ đi hoặc sửa tên) / query parameter not taken by this operation (remove it or fix its name)` },
  );
  const listed = unknown.map(sent).join(", ");
  const declared = queryNames.length > 0 ? queryNames.map((n) => `?${n}=`).join(", ") : "";
  const moved = unknown.filter((name) => bodyNames.includes(name));
  const vi = `tham số ${listed} không dùng ở thao tác này, bị từ chối thay vì bị bỏ qua${moved.length ? `: ${moved.join(", ")} đặt trong nội dung (body)` : ""}${declared ? `; thao tác nhận ${declared}` : "; thao tác không nhận tham số query nào"}`;
  const en = `${listed} is not taken by this operation, refused rather than ignored${moved.length ? `: ${moved.join(", ")} goes in the body` : ""}${declared ? `; it takes ${declared}` : "; it takes no query parameter"}`;
  return [`Dữ liệu không hợp lệ: ${vi} / invalid query — ${en}`, issues];
}

/** A query value as it would be written in JSON: true, false and numbers as they are, else a string. */
function bodyValue(text: string): string {
  if (/^(true|false|-?\d+(\.\d+)?)$/.test(text)) return text;
  return JSON.stringify(quote(text));
}
