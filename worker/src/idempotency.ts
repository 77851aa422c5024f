import type { Context, MiddlewareHandler, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import { IdempotencyKeySchema } from "./api-schemas.ts";
import { sha256Hex } from "./auth.ts";
import type { AppEnv } from "./env.ts";
import { ApiError } from "./errors.ts";
import { findIdempotentAnswer, insertAnswerStatement, isIdempotencyConflict, type StoredAnswer } from "./repositories/idempotency-repository.ts";
import { validate } from "./validation.ts";

/**
 * `Idempotency-Key` on every create route (API-NOTES): the same key with the same body gets
 * the first answer (status and bytes); the same key with another body → 409
 * IDEMPOTENCY_KEY_REUSED. Keys are per token, and a request is its method, path, query and
 * body: the same key and body sent to another unit's path is another request (409), never a
 * replay of the first unit's answer.
 * - "optional" (admin creates): a known key is answered from its record before anything
 *   runs; otherwise the record joins the create's own batch, so a concurrent twin fails
 *   that batch and is answered from the winner's record.
 * - "required" (submissions, the hot path): no lookup first; the submission's batch itself
 *   detects a used key (submit.ts).
 * - "sealed" (activation codes): optional too, but the route replays itself, because its
 *   answer is stored sealed rather than as plain JSON (onboarding/sealed-answer.ts).
 */
export type IdempotencyMode = "optional" | "required" | "sealed";

export interface IdempotentRequest {
  key: string;
  /** SHA-256 of the method, path, query and raw body: a retry must send the same request. */
  requestHash: string;
}

export function idempotency(mode: IdempotencyMode): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Idempotency-Key");
    if (header === undefined) {
      if (mode === "required") throw new ApiError(400, "IDEMPOTENCY_KEY_REQUIRED", "Thiếu header Idempotency-Key / send an Idempotency-Key header");
      return next();
    }
    const key = validate(header, IdempotencyKeySchema, "Idempotency-Key");
    const url = new URL(c.req.url);
    const bodyHash = await sha256Hex(new Uint8Array(await c.req.arrayBuffer()));
    const requestHash = await sha256Hex(`${c.req.method} ${url.pathname}${url.search}\n${bodyHash}`);
    c.set("idempotency", { key, requestHash });
    if (mode === "optional") {
      const first = await findIdempotentAnswer(c.env.DB, c.get("principal").tokenId, key);
      if (first) return storedResponse(sameRequest(first, requestHash));
    }
    await next();
  };
}

/** The first answer for this key, or 409 when the key came with another body. */
export function sameRequest(answer: StoredAnswer, requestHash: string): StoredAnswer {
  if (answer.requestHash !== requestHash) {
    throw new ApiError(409, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key này đã dùng cho một nội dung khác / this Idempotency-Key was used with a different body");
  }
  return answer;
}

const JSON_HEADERS = { "Content-Type": "application/json; charset=utf-8" };

/** A stored JSON answer as first sent. */
export const storedResponse = (a: StoredAnswer): Response => new Response(a.response, { status: a.status, headers: JSON_HEADERS });

/**
 * A stored answer typed as the route's own JSON answer: it was built to the route's schema
 * when first sent, and a replay must repeat its bytes, so it is not parsed and re-serialised.
 */
export function storedJson<T, S extends ContentfulStatusCode>(a: StoredAnswer, status: S): Response & TypedResponse<JSONParsed<T>, S, "json"> {
  if (a.status !== status) throw new Error(`stored answer has status ${a.status}, not ${status}`);
  return storedResponse(a) as Response & TypedResponse<JSONParsed<T>, S, "json">;
}

export interface Create<T> {
  statements: D1PreparedStatement[];
  /** The 201 answer, built before the write so that a replay repeats it exactly. */
  answer: T;
  at: string;
  /** What a UNIQUE failure of the statements means (the thing exists already), e.g. 409 UNIT_EXISTS. */
  taken?: () => ApiError;
}

const isUniqueFailure = (e: unknown) => /UNIQUE|PRIMARY KEY/i.test(String(e));

/**
 * Runs a create's statements in one batch, with the answer's idempotency record first when
 * the request has a key, and answers 201 — or, when a concurrent request with the same key
 * won, with that request's answer (nothing of this one is kept).
 */
export async function createOnce<T>(c: Context<AppEnv>, create: Create<T>): Promise<Response & TypedResponse<JSONParsed<T>, 201, "json">> {
  const request = c.get("idempotency");
  const { tokenId } = c.get("principal");
  const response = JSON.stringify(create.answer);
  const record = request ? [insertAnswerStatement(c.env.DB, { tokenId, key: request.key, requestHash: request.requestHash, status: 201, response, createdAt: create.at })] : [];
  try {
    await c.env.DB.batch([...record, ...create.statements]);
  } catch (e) {
    if (request && isIdempotencyConflict(e)) {
      const first = await findIdempotentAnswer(c.env.DB, tokenId, request.key);
      if (first) return storedJson<T, 201>(sameRequest(first, request.requestHash), 201);
    }
    if (create.taken && isUniqueFailure(e)) throw create.taken();
    throw e;
  }
  return storedJson<T, 201>({ requestHash: request?.requestHash ?? "", status: 201, response }, 201);
}
