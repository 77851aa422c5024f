import type { Context } from "hono";
import type { z } from "zod";
import { ApiError, zodIssues } from "./errors.ts";

/** Zod at every boundary: bad JSON → 400 INVALID_JSON, schema errors → 400 VALIDATION_FAILED with issues. */
export function parseJsonText<S extends z.ZodType>(text: string, schema: S): z.infer<S> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ApiError(400, "INVALID_JSON", `Nội dung không phải JSON hợp lệ / the body is not valid JSON (${(e as Error).message})`);
  }
  return validate(json, schema, "body");
}

export function validate<S extends z.ZodType>(value: unknown, schema: S, what: string): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = zodIssues(parsed.error);
    const first = issues[0];
    const where = first ? `${first.path || "(root)"}: ${first.message}` : "invalid";
    throw new ApiError(400, "VALIDATION_FAILED", `Dữ liệu không hợp lệ / invalid ${what} — ${where}`, issues);
  }
  return parsed.data;
}

export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  return parseJsonText(await readText(c), schema);
}

/** The raw body, refusing anything that says it is not JSON. */
export async function readText(c: Context): Promise<string> {
  const type = c.req.header("Content-Type");
  if (type && !/^application\/([\w.+-]*\+)?json\b/i.test(type)) {
    throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "Chỉ nhận JSON / send application/json");
  }
  return c.req.text();
}

export const query = <S extends z.ZodType>(c: Context, schema: S): z.infer<S> => validate(c.req.query(), schema, "query");
export const params = <S extends z.ZodType>(c: Context, schema: S): z.infer<S> => validate(c.req.param(), schema, "path");
