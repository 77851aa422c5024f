import type { Context, MiddlewareHandler, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { JSONParsed } from "hono/utils/types";
import type { z } from "zod";
import { IdempotencyKeySchema } from "./api-schemas.ts";
import { bearerPrincipal, sha256Hex } from "./auth.ts";
import type { AppEnv } from "./env.ts";
import { ApiError } from "./errors.ts";
import { findIdempotentAnswer, insertAnswerStatement, isIdempotencyConflict, type StoredAnswer } from "./repositories/idempotency-repository.ts";
import { jsonDepth, MAX_JSON_DEPTH, validate } from "./validation.ts";

/**
 * `Idempotency-Key` on every create route (API-NOTES): the same key with the same body gets
 * the first answer (status and bytes); the same key with another body → 409
 * IDEMPOTENCY_KEY_REUSED. "The same body" is the same meaning: JSON is compared parsed and
 * written canonically (requestFingerprints), so spacing and key order never make a retry a conflict. Keys are per token, and a request is its method, path, query and
 * body: the same key and body sent to another unit's path is another request (409), never a
 * replay of the first unit's answer.
 * - "optional" (admin creates): a known key is answered from its record before anything
 *   runs; otherwise the record joins the create's own batch, so a concurrent twin fails
 *   that batch and is answered from the winner's record.
 * - "batched" (submissions, the hot path): optional too (API-NOTES: creates *accept* a key),
 *   but no lookup first: the submission's batch itself detects a used key (submit.ts). A
 *   submission sent without one is stored as a new version each time (the add-in and the web
 *   checker always send one).
 * - "sealed" (activation codes, and redeeming one): optional too, but the route replays
 *   itself, because its answer is stored sealed rather than as plain JSON
 *   (onboarding/sealed-answer.ts, onboarding/redeem.ts).
 * Review steps (routes/appraisal.ts) are "optional" but answer a view read after their write,
 * so their record is written as pending with the step and completed with the answer
 * (`stepOnce`); a pending record found first lets the route finish it.
 */
export type IdempotencyMode = "optional" | "batched" | "sealed";

export interface IdempotentRequest {
  key: string;
  /**
   * SHA-256 of the method, path, query and the body's meaning: a JSON body parsed and written
   * again canonically (keys sorted, no spaces), so a retry built by another serializer, spaced
   * or ordered otherwise, is the same request; any other body as its bytes. The query likewise
   * (canonicalQuery): as the route reads it, so its order and a default spelled out or left
   * out do not make a retry another request (API6-3).
   */
  requestHash: string;
  /**
   * The forms records were kept in before: the raw bytes with the query as sent, and the
   * canonical body with the query as sent (before API6-3). Such records still replay.
   */
  legacyHashes?: readonly string[] | undefined;
  /**
   * A "batched" request's legacy fingerprints, left uncomputed by its middleware: its route
   * compares them only when the key turns out to be taken (withLegacyHashes).
   */
  laterLegacyHashes?: (() => Promise<string[]>) | undefined;
}

const JSON_TYPE = /^application\/([\w.+-]*\+)?json\b/i;

/**
 * A JSON value written one way only: object keys sorted, no whitespace (RFC 8785's idea, for
 * comparing). Built by concatenation rather than map/join: it runs over every submitted grid
 * (the hot path). An array element JSON cannot write (undefined) is written as join wrote it: "".
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += (canonicalJson(value[i]) as string | undefined) ?? "";
    }
    return `${out}]`;
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o).sort();
  let out = "{";
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i]!;
    if (i > 0) out += ",";
    out += `${JSON.stringify(k)}:${canonicalJson(o[k])}`;
  }
  return `${out}}`;
}

/** decode() without { stream } keeps no state between calls: one decoder serves every request. */
const UTF8 = new TextDecoder();

/**
 * The body as compared between a request and its retry: a JSON body's canonical text, else
 * null (compare bytes). `parsed` is the body as the route's boundedJsonBody already parsed it
 * (the same text: it passed only if strict UTF-8 decoding, which this one's replacing decoder
 * then matches, and the depth bound held), so it is not decoded and parsed again.
 */
function canonicalBody(bytes: Uint8Array, type: string | undefined, parsed?: { value: unknown }): string | null {
  if (!type || !JSON_TYPE.test(type)) return null;
  if (parsed) return `json\n${canonicalJson(parsed.value)}`;
  const text = UTF8.decode(bytes);
  if (jsonDepth(text) > MAX_JSON_DEPTH) return null;
  try {
    return `json\n${canonicalJson(JSON.parse(text))}`;
  } catch {
    return null;
  }
}

/**
 * The query as the route reads it: parsed by its schema (defaults applied, "03" read as 3) and
 * written canonically, keys sorted; without a schema, or one it fails (the route refuses it
 * anyway), its parameters sorted by name. A repeated parameter keeps its values' order.
 */
export function canonicalQuery(url: URL, schema?: z.ZodType): string {
  const raw: Record<string, string | string[]> = {};
  for (const name of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(name);
    raw[name] = values.length === 1 ? values[0]! : values;
  }
  const parsed = schema?.safeParse(raw);
  return canonicalJson(parsed?.success ? parsed.data : raw);
}

/**
 * The current fingerprint of a request, and its legacy ones on demand: those need a hash of
 * the raw bytes that the current one (of a JSON body) does not, and two more digests — work
 * that only a request whose key is already taken ever uses.
 */
async function fingerprintsOf(
  method: string,
  url: URL,
  bytes: Uint8Array,
  type: string | undefined,
  querySchema?: z.ZodType,
  parsed?: { value: unknown },
): Promise<{ requestHash: string; legacyHashes: () => Promise<string[]> }> {
  const target = `${method} ${url.pathname}\nquery ${canonicalQuery(url, querySchema)}`;
  let bodyHash: Promise<string> | undefined;
  const hashOfBytes = () => (bodyHash ??= sha256Hex(bytes));
  const canonical = canonicalBody(bytes, type, parsed);
  const meaning = await (canonical === null ? hashOfBytes() : sha256Hex(canonical));
  const asSent = `${method} ${url.pathname}${url.search}`;
  const legacyHashes = async () => [await sha256Hex(`${asSent}\n${await hashOfBytes()}`), await sha256Hex(`${asSent}\n${meaning}`)];
  return { requestHash: await sha256Hex(`${target}\n${meaning}`), legacyHashes };
}

/** The fingerprints of this request (IdempotentRequest). */
export async function requestFingerprints(
  method: string,
  url: URL,
  bytes: Uint8Array,
  type: string | undefined,
  querySchema?: z.ZodType,
  parsed?: { value: unknown },
): Promise<{ requestHash: string; legacyHashes: string[] }> {
  const { requestHash, legacyHashes } = await fingerprintsOf(method, url, bytes, type, querySchema, parsed);
  return { requestHash, legacyHashes: await legacyHashes() };
}

/**
 * The request with its legacy fingerprints, computed now when its middleware deferred them.
 * (Carried on the request itself, not in a WeakMap keyed by it: V8's minor GC keeps a WeakMap
 * value alive while its key is young, and this one holds the body's bytes.)
 */
export async function withLegacyHashes(request: Fingerprints | string): Promise<Fingerprints | string> {
  if (typeof request === "string" || !request.laterLegacyHashes) return request;
  return { ...request, legacyHashes: await request.laterLegacyHashes() };
}

type Fingerprints = Pick<IdempotentRequest, "requestHash" | "legacyHashes" | "laterLegacyHashes">;

/** Was this record kept for a request that means what this one does? */
export const matchesRequest = (answer: Pick<StoredAnswer, "requestHash">, request: Fingerprints | string): boolean =>
  typeof request === "string" ? answer.requestHash === request : answer.requestHash === request.requestHash || (request.legacyHashes ?? []).includes(answer.requestHash);

/**
 * A write that takes no body: no body, blanks or `{}` (all it lets through, no-body.ts) are one
 * call, so its fingerprint holds no body (API7-5) — a retry layer adding `{}` after a first call
 * without one got 409, and for a code that meant issuing again. Records kept with the body
 * as sent still replay (legacy).
 */
export function idempotency(mode: IdempotencyMode, querySchema?: z.ZodType, takesNoBody = false): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Idempotency-Key");
    if (header === undefined) return next();
    const key = validate(header, IdempotencyKeySchema, "Idempotency-Key");
    const bytes = new Uint8Array(await c.req.arrayBuffer());
    const url = new URL(c.req.url);
    const type = c.req.header("Content-Type");
    if (mode === "batched" && !takesNoBody) {
      // The hot path: no lookup here (the batch detects a used key), so the legacy
      // fingerprints wait until a taken key makes them worth computing.
      const { requestHash, legacyHashes } = await fingerprintsOf(c.req.method, url, bytes, type, querySchema, c.get("jsonBody"));
      c.set("idempotency", { key, requestHash, laterLegacyHashes: legacyHashes });
      return next();
    }
    const asSent = await requestFingerprints(c.req.method, url, bytes, type, querySchema, c.get("jsonBody"));
    const fingerprints = takesNoBody
      ? await requestFingerprints(c.req.method, url, new Uint8Array(), undefined, querySchema).then((f) => ({
          requestHash: f.requestHash,
          legacyHashes: [...f.legacyHashes, asSent.requestHash, ...asSent.legacyHashes],
        }))
      : asSent;
    const request = { key, ...fingerprints };
    c.set("idempotency", request);
    if (mode === "optional") {
      const first = await findIdempotentAnswer(c.env.DB, c.get("principal").tokenId, key);
      // A pending record (a step written, its answer not yet kept) is finished by the route.
      if (first && !isPending(sameRequest(first, request))) return storedResponse(first);
    }
    await next();
  };
}

/**
 * Has this very request (its key, and a body meaning the same, as the route's own middleware
 * reads it) been answered or written before? For a check that runs before the route's
 * idempotency middleware and would refuse a retry the route replays (the period lock, after
 * the token and role: api-route.ts, refuseWriteToLockedPeriod; API8-2): the answer
 * kept, "pending" when a step was written and its answer not yet kept (the route finishes
 * it), or null (no key, a free key, or one used with another request: the route decides).
 * Covers the routes with no query of their own (every write refuses an undeclared one).
 */
export async function earlierAnswerOf(c: Context<AppEnv>): Promise<Response | "pending" | null> {
  const header = c.req.header("Idempotency-Key");
  if (header === undefined || !IdempotencyKeySchema.safeParse(header).success) return null;
  // The token is read as the route's middleware reads it (refused → the route refuses it).
  const read = await bearerPrincipal(c);
  if ("refused" in read) return null;
  const tokenId = read.principal.tokenId;
  const first = await findIdempotentAnswer(c.env.DB, tokenId, header);
  if (!first) return null;
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  const url = new URL(c.req.url);
  const asSent = await requestFingerprints(c.req.method, url, bytes, c.req.header("Content-Type"));
  const noBody = await requestFingerprints(c.req.method, url, new Uint8Array(), undefined);
  const request = { requestHash: asSent.requestHash, legacyHashes: [...asSent.legacyHashes, noBody.requestHash, ...noBody.legacyHashes] };
  if (!matchesRequest(first, request)) return null;
  return isPending(first) ? "pending" : storedResponse(first);
}

/** The first answer for this key, or 409 when the key came with a request that means something else. */
export function sameRequest(answer: StoredAnswer, request: Fingerprints | string): StoredAnswer {
  if (!matchesRequest(answer, request)) {
    throw new ApiError(
      409,
      "IDEMPOTENCY_KEY_REUSED",
      "Idempotency-Key này đã dùng cho một yêu cầu khác (khác nội dung, hoặc khác đường dẫn hay tham số query) / this Idempotency-Key was used with a different request (another body, or another URL or query)",
    );
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

/**
 * A step's record before its answer is kept (status 0 is no HTTP status): written in the
 * step's own batch, so a step never happens without its key being taken.
 */
const PENDING = { status: 0, response: "" } as const;
const isPending = (a: StoredAnswer) => a.status === PENDING.status;

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
      if (first) return storedJson<T, 201>(sameRequest(first, request), 201);
    }
    if (create.taken && isUniqueFailure(e)) throw create.taken();
    throw e;
  }
  return storedJson<T, 201>({ requestHash: request?.requestHash ?? "", status: 201, response }, 201);
}

export interface Step<T> {
  /** The step's checks and statements (it may refuse: 403, 404, 409 …). */
  prepare: () => Promise<D1PreparedStatement[]>;
  /** Runs the batch, the record first (e.g. turning a trigger's refusal into 409). */
  run: (batch: D1PreparedStatement[]) => Promise<void>;
  /** The 200 answer, read once the step is written. */
  answer: () => Promise<T>;
  at: string;
}

/**
 * A state-changing step that answers 200 with a view read after its write (a review step:
 * the view cannot be built before the write, as a create's answer is). With an
 * Idempotency-Key, the record is written as pending in the step's own batch and completed
 * with the answer right after; the answer kept is the one every later request with that key
 * gets. A request that finds the key taken — by a concurrent twin, or by a first request whose
 * step was written but whose answer was never kept — writes nothing: it answers the record,
 * completing a pending one with the view as it is now.
 */
export async function stepOnce<T>(c: Context<AppEnv>, step: Step<T>): Promise<Response & TypedResponse<JSONParsed<T>, 200, "json">> {
  const request = c.get("idempotency");
  if (!request) {
    await step.run(await step.prepare());
    return storedJson<T, 200>({ requestHash: "", status: 200, response: JSON.stringify(await step.answer()) }, 200);
  }
  const db = c.env.DB;
  const { tokenId } = c.get("principal");
  const record = { tokenId, key: request.key, requestHash: request.requestHash };
  /** The answer of the request that took the key, or null when the key is free. */
  const earlier = async () => {
    const first = await findIdempotentAnswer(db, tokenId, request.key);
    if (!first) return null;
    return isPending(sameRequest(first, request)) ? complete() : storedJson<T, 200>(first, 200);
  };
  const complete = async () => {
    const response = JSON.stringify(await step.answer());
    const kept = await db
      .prepare("UPDATE idempotency_keys SET status = 200, response = ?3 WHERE token_id = ?1 AND key = ?2 AND status = ?4")
      .bind(tokenId, request.key, response, PENDING.status)
      .run();
    if (kept.meta.changes === 1) return storedJson<T, 200>({ requestHash: request.requestHash, status: 200, response }, 200);
    // A twin completed it first: every request with the key gets that one answer.
    const first = await findIdempotentAnswer(db, tokenId, request.key);
    if (!first || isPending(first)) throw new Error("idempotency record vanished while completing it");
    return storedJson<T, 200>(sameRequest(first, request), 200);
  };

  let statements: D1PreparedStatement[];
  try {
    statements = await step.prepare();
  } catch (e) {
    // The step may be refused because a twin with this key has just taken it (explain after explain).
    if (e instanceof ApiError) {
      const first = await earlier();
      if (first) return first;
    }
    throw e;
  }
  try {
    await step.run([insertAnswerStatement(db, { ...record, ...PENDING, createdAt: step.at }), ...statements]);
  } catch (e) {
    if (!isIdempotencyConflict(e)) throw e;
    const first = await earlier();
    if (first) return first;
    throw e;
  }
  return complete();
}
