import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { Context, MiddlewareHandler } from "hono";
import { z } from "zod";
import { ErrorEnvelopeSchema, IdempotencyKeySchema } from "./api-schemas.ts";
import { canAccessUnit, requireRoles } from "./auth.ts";
import type { AppEnv, Role } from "./env.ts";
import { refuseUndeclaredQuery, schemaKeys } from "./declared-query.ts";
import { earlierAnswerOf, idempotency, type IdempotencyMode } from "./idempotency.ts";
import { refuseLocked } from "./period-checks.ts";
import { NO_BODY_NOTE, refuseBody } from "./no-body.ts";
import { boundedJsonBody } from "./validation.ts";

/**
 * One definition per route (issue 15): method, path, request schemas, the roles allowed and
 * every status it answers. `@hono/zod-openapi` validates with these schemas and generates
 * `/openapi.json` from them, so the document cannot drift from the code. The statuses every
 * route of a kind shares are added here, from what the definition says it needs:
 *   401 (a token is needed), 403 (not every role may call it), 400 (anything to validate),
 *   413 (a body, or a write that takes none: the limit is global), 415 (a body, or a write that
 *   takes none and is sent one that is not JSON), 409 (an Idempotency-Key: the same key with another body).
 * A write without a body of its own refuses one with content (no-body.ts): 400, or 415.
 * A route lists in `errors` only what its own logic answers (404, 409, 422, 503 …).
 */
export const ALL_ROLES = ["unit", "reviewer", "admin"] as const satisfies readonly Role[];

export type RouteStatus = 400 | 401 | 403 | 404 | 409 | 410 | 422 | 429 | 503;

type Responses = NonNullable<RouteConfig["responses"]>;

export interface ApiRouteSpec extends Omit<RouteConfig, "responses" | "middleware" | "security"> {
  /** A stable name for clients and the document, e.g. "listPeriods". */
  operationId: string;
  summary: string;
  /** Token roles allowed (others get 403 before the body is read), or "public": no token. */
  roles: readonly Role[] | "public";
  /**
   * Every create route and review step accepts a key (API-NOTES): "batched" for submissions
   * (the batch detects a used key), "optional" elsewhere, "sealed" where the answer holds a
   * secret (activation codes, a redeemed token).
   */
  idempotent?: IdempotencyMode;
  /** The success answer(s): `ok(schema)`, `media(...)`. */
  responses: Responses;
  /** What this route's own logic answers besides the shared statuses above. */
  errors?: readonly RouteStatus[];
  /** The answer's media type is chosen by the Accept header: every answer says `Vary: Accept`. */
  variesOnAccept?: boolean;
  /**
   * A write to the results of the period its path's `{id}` names (deadline exceptions, survey
   * scores, every appraisal step and score): 409 PERIOD_LOCKED while that period is locked
   * (refuseWriteToLockedPeriod). Listed as `x-period-lock` in the document.
   */
  periodLock?: true;
}

const envelope = (description: string) => ({ description, content: { "application/json": { schema: ErrorEnvelopeSchema } } });

/**
 * Response headers a client needs, declared where they are sent (API6-4), so a generated
 * client can read them: the wait of a 429, the scheme of a 401 (RFC 6750 §3), a file's name,
 * the media choice of a negotiated answer, and that an answer holding a secret is not stored.
 */
const header = (description: string, type: "string" | "integer" = "string") => ({ description, schema: { type } });
const HEADERS = {
  retryAfter: { "Retry-After": header("Seconds to wait before trying again (900 or 3600)", "integer") },
  wwwAuthenticate: {
    "WWW-Authenticate": header('Bearer realm="parindex", with error="invalid_token" when the token sent is unknown, revoked or expired (RFC 6750 §3)'),
  },
  contentDisposition: { "Content-Disposition": header('For a file (CSV, XLSX, ZIP, a workbook): attachment; filename="…"; filename*=UTF-8\'\'… (RFC 6266)') },
  vary: { Vary: header("Accept (the media type is chosen by the Accept header), and Origin") },
  noStore: { "Cache-Control": header("no-store: the answer holds a token or activation codes") },
};

/** A success answer in media other than JSON is a file, named in Content-Disposition. */
const sendsFile = (response: Responses[string]): boolean =>
  "content" in response && Object.keys(response.content ?? {}).some((type) => !/^application\/json\b/.test(type));

/** The success answers with the headers they are sent with. */
function withHeaders(responses: Responses, spec: Pick<ApiRouteSpec, "idempotent" | "variesOnAccept">): Responses {
  return Object.fromEntries(
    Object.entries(responses).map(([status, response]) => {
      const headers = {
        ...(sendsFile(response) ? HEADERS.contentDisposition : {}),
        ...(spec.variesOnAccept ? HEADERS.vary : {}),
        ...(spec.idempotent === "sealed" ? HEADERS.noStore : {}),
      };
      return [status, Object.keys(headers).length > 0 ? { ...response, headers: { ...("headers" in response ? response.headers : {}), ...headers } } : response];
    }),
  ) as Responses;
}

const WHY: Record<number, string> = {
  400: "Invalid input (VALIDATION_FAILED, INVALID_JSON …; a write's query parameter it does not declare is VALIDATION_FAILED too), or a body that is not the gzip or deflate data its Content-Encoding names (INVALID_CONTENT_ENCODING), in the error envelope",
  401: "No token, an unknown, revoked or expired one (UNAUTHENTICATED, TOKEN_EXPIRED); on /v1/activate an unknown or expired code (ACTIVATION_INVALID)",
  403: "The token's role or scope does not allow this (FORBIDDEN)",
  404: "Not found, or outside the token's scope (existence does not leak)",
  409: "Conflict with the current state (or IDEMPOTENCY_KEY_REUSED)",
  410: "Gone: used once already",
  413: "The body exceeds the size limit, counted on the decoded bytes when it has a Content-Encoding (PAYLOAD_TOO_LARGE)",
  415: "The body's Content-Type is not one this route accepts, or its Content-Encoding is not gzip or deflate (UNSUPPORTED_MEDIA_TYPE)",
  422: "Well-formed but not acceptable (e.g. an unknown unit, a workbook without a criteria table)",
  429: "Too many failed attempts from this address or in all; wait the Retry-After seconds (ACTIVATION_RATE_LIMITED)",
  503: "A storage the route needs does not answer or is not bound (DATABASE_UNAVAILABLE, ARCHIVE_UNAVAILABLE)",
};

/** Statuses a definition implies, plus its own; sorted, without repeats. */
export function documentedStatuses(spec: Pick<ApiRouteSpec, "method" | "roles" | "request" | "idempotent" | "errors">): number[] {
  const out = new Set<number>(spec.errors ?? []);
  const { params, query, headers, body } = spec.request ?? {};
  if (spec.roles !== "public") out.add(401);
  if (spec.roles !== "public" && ALL_ROLES.some((r) => !spec.roles.includes(r))) out.add(403);
  // A write refuses a query parameter it does not declare (declared-query.ts).
  if (params || query || headers || body || spec.idempotent || writes(spec)) out.add(400);
  if (body) (out.add(413), out.add(415));
  // The body limit is global (index.ts): a write with no body of its own still refuses an
  // oversized one, and one with content (400, or 415 when not JSON: no-body.ts).
  if (takesNoBody(spec)) (out.add(400), out.add(413), out.add(415));
  if (spec.idempotent) out.add(409);
  return [...out].sort((a, b) => a - b);
}

/** A write (POST, PUT, PATCH) whose definition declares no request body. */
const takesNoBody = (spec: Pick<ApiRouteSpec, "method" | "request">): boolean => ["post", "put", "patch"].includes(spec.method) && !spec.request?.body;

/** A write: it refuses a query parameter it does not declare (declared-query.ts). */
const writes = (spec: Pick<ApiRouteSpec, "method">): boolean => ["post", "put", "patch", "delete"].includes(spec.method);

function middlewareFor(spec: ApiRouteSpec): MiddlewareHandler<AppEnv>[] {
  const out: MiddlewareHandler<AppEnv>[] = [];
  if (spec.roles !== "public") out.push(requireRoles(spec.roles));
  if (spec.periodLock) out.push(refuseWriteToLockedPeriod);
  const json = spec.request?.body?.content["application/json"];
  if (writes(spec)) out.push(refuseUndeclaredQuery(schemaKeys(spec.request?.query), schemaKeys(json && "schema" in json ? json.schema : undefined)));
  if (json) out.push(boundedJsonBody);
  if (takesNoBody(spec)) out.push(refuseBody(schemaKeys(spec.request?.query)));
  if (spec.idempotent) out.push(idempotency(spec.idempotent, spec.request?.query, takesNoBody(spec)));
  if (spec.variesOnAccept) out.push(appendHeader("Vary", "Accept"));
  // A token or codes in the answer: no cache on the way keeps them (RFC 6749 §5.1).
  if (spec.idempotent === "sealed") out.push(setHeader("Cache-Control", "no-store"));
  return out;
}

/**
 * 409 PERIOD_LOCKED for a write to a locked period's results — only once the caller's token and
 * role were checked: a caller without a valid token gets 401, a role the route does not allow
 * 403, and neither learns that the period is locked, when, by whom or why (the refusal names
 * them). A retry of a write answered before the lock gets its first answer (API-NOTES), not 409
 * (API8-2); a step written and not yet answered is finished by the route.
 */
const refuseWriteToLockedPeriod: MiddlewareHandler<AppEnv> = async (c, next) => {
  const earlier = await earlierAnswerOf(c);
  if (earlier instanceof Response) return earlier;
  if (earlier === null && (await seesUnitOfPath(c))) await refuseLocked(c.env.DB, c.req.param("id") ?? "");
  await next();
};

/**
 * A route on one unit (`{unit}` in its path) answers a unit outside the caller's scope first —
 * 404 as one that does not exist, or 403 to another unit's own token (API-NOTES): the lock is not the first thing it tells a
 * reviewer of another district, or a commune writing for its neighbour. The route refuses
 * them; the database refuses any write to a locked period whatever the route does.
 */
async function seesUnitOfPath(c: Context<AppEnv>): Promise<boolean> {
  const unit = c.req.param("unit");
  return unit === undefined || canAccessUnit(c.env.DB, c.get("principal"), unit);
}

const appendHeader = (name: string, value: string): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next();
  c.res.headers.append(name, value);
};

const setHeader = (name: string, value: string): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next();
  c.res.headers.set(name, value);
};

/** Every mode takes the key as optional (API-NOTES: creates accept one). */
const IDEMPOTENCY_HEADER = z.object({ "idempotency-key": IdempotencyKeySchema.optional() });

/** The route for `app.openapi(route, handler)`: the library's config, with our conventions added. */
export function apiRoute<const S extends ApiRouteSpec>(spec: S) {
  const { roles, idempotent, errors: _errors, variesOnAccept: _varies, periodLock, responses, ...route } = spec;
  const errors = Object.fromEntries(
    documentedStatuses(spec).map((s) => {
      const headers = s === 429 ? HEADERS.retryAfter : s === 401 && roles !== "public" ? HEADERS.wwwAuthenticate : undefined;
      return [s, { ...envelope(WHY[s] ?? "Error envelope"), ...(headers ? { headers } : {}) }];
    }),
  );
  // The key is read by the idempotency middleware; it is declared here so the document shows it.
  const request = idempotent ? { ...route.request, headers: IDEMPOTENCY_HEADER } : route.request;
  const xRoles: string[] = roles === "public" ? [] : [...roles];
  const description: string | undefined = takesNoBody(spec) ? [route.description, NO_BODY_NOTE].filter(Boolean).join("\n\n") : route.description;
  return createRoute({
    ...route,
    ...(description === undefined ? {} : { description }),
    ...(request ? { request } : {}),
    ...(roles === "public" ? { security: [] } : {}),
    "x-roles": xRoles,
    ...(idempotent ? { "x-idempotency": idempotent } : {}),
    ...(periodLock ? { "x-period-lock": true } : {}),
    middleware: middlewareFor(spec),
    responses: { ...errors, ...withHeaders(responses, spec) } as S["responses"],
  });
}

/** A required JSON body, to spread into `request`. */
export const jsonBody = <T extends z.ZodType>(schema: T) => ({ body: { required: true, content: { "application/json": { schema } } } });

/** A JSON success answer. */
export const ok = <T extends z.ZodType>(schema: T, description = "OK") => ({ description, content: { "application/json": { schema } } });

/** A success answer in media other than JSON (CSV, XLSX, ZIP, the original file). */
export const BINARY = { type: "string", format: "binary" } as const;
export const TEXT = { type: "string" } as const;
