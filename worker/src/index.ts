import { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { Context } from "hono";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { HealthSchema } from "./api-schemas.ts";
import { allowedMethods } from "./allowed-methods.ts";
import { apiRoute, ok, TEXT } from "./api-route.ts";
import { requireToken } from "./auth.ts";
import type { AppEnv } from "./env.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { periodLockedError } from "./period-checks.ts";
import { decodedBody } from "./content-encoding.ts";
import { limitedBody } from "./body-limit.ts";
import { openApiDocument } from "./openapi.ts";
import { bench } from "./routes/bench.ts";
import { criteriaSets } from "./routes/criteria-sets.ts";
import { periods } from "./routes/periods.ts";
import { submissions } from "./routes/submissions.ts";
import { units } from "./routes/units.ts";
import { appraisal } from "./routes/appraisal.ts";
import { archive } from "./routes/archive.ts";
import { insights } from "./routes/insights.ts";
import { periodReports } from "./routes/period-reports.ts";
import { activation } from "./routes/activation.ts";
import { unitImport } from "./routes/unit-import.ts";
import { invalidJson, notJson, validationHook } from "./validation.ts";
import { DEFAULT_MAX_BODY_BYTES } from "./body-size.ts";
import { installBilingualMessages } from "./validation-messages.ts";

// Schema refusals in Vietnamese first, then English (validation-messages.ts), before any route runs.
installBilingualMessages();

const JSON_CONTENT_TYPE = "application/json; charset=utf-8";
/**
 * The add-in's dev server. A deployment serves the built add-in itself (wrangler.toml
 * [env.production.assets], run_worker_first for /v1/*, /health, /openapi.json), so its pane
 * calls its own origin and ALLOWED_ORIGINS is empty there.
 */
const DEFAULT_ALLOWED_ORIGINS = "https://localhost:3000";

// Only the default export: workerd treats every named export of the main module as an entrypoint.
// Every route is defined with its schemas, roles and statuses (api-route.ts); a failed schema check becomes the 400 envelope.
const app = new OpenAPIHono<AppEnv>({ defaultHook: validationHook });

// API-NOTES: JSON answers are "application/json; charset=utf-8". Hono's c.json (every error
// envelope, most answers) says only "application/json", so it is completed here, in one place.
app.use("*", async (c, next) => {
  await next();
  if (c.res.headers.get("Content-Type") === "application/json") c.header("Content-Type", JSON_CONTENT_TYPE);
});

// A browser page on another origin (a developer's pane before the dev proxy, a tool) calls
// the API cross-origin with a bearer token (no cookies): only listed origins are allowed,
// credentials are not.
app.use("*", async (c, next) => {
  const allowed = (c.env.ALLOWED_ORIGINS ?? DEFAULT_ALLOWED_ORIGINS).split(",").map((o) => o.trim()).filter(Boolean);
  return cors({
    origin: (origin) => (allowed.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
    // A page reads the wait of a 429 and the name of an exported file (API6-4).
    exposeHeaders: ["Content-Length", "Retry-After", "Content-Disposition"],
    maxAge: 600,
  })(c, next);
});

const maxBodyBytes = (c: Context<AppEnv>): number => Number(c.env.MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES;

app.use("*", limitedBody(maxBodyBytes));

// A gzip or deflate body is decoded, the limit above applying to the decoded size too; other codings are 415.
app.use("*", decodedBody(maxBodyBytes));

const health = apiRoute({
  operationId: "getHealth",
  method: "get",
  path: "/health",
  summary: "Liveness and database check",
  roles: "public",
  responses: { 200: ok(HealthSchema) },
  errors: [503],
});
app.openapi(health, async (c) => {
  try {
    await c.env.DB.prepare("SELECT 1").first();
  } catch {
    throw new ApiError(503, "DATABASE_UNAVAILABLE", "Cơ sở dữ liệu chưa sẵn sàng / the database does not answer");
  }
  return c.json({ status: "ok" as const, database: "ok" as const, time: new Date().toISOString() }, 200);
});
const openApi = apiRoute({
  operationId: "getOpenApi",
  method: "get",
  path: "/openapi.json",
  summary: "This document: every route, from the zod schemas the code uses",
  roles: "public",
  responses: { 200: ok(z.record(z.string(), z.unknown())) },
});
app.openapi(openApi, (c) => c.json(openApiDocument(app) as Record<string, never>, 200));

/**
 * The web checker (API-NOTES "One origin"): the deployed Worker's root is the pane in a page
 * for offices whose Excel cannot run add-ins, built as index.html among the assets. Pages
 * keep their .html names there (html_handling "none"), so "/" is answered here. npm start's
 * Worker serves the page before it reaches the Worker (assets first); a Worker without the
 * built add-in (the tests') says so in the envelope.
 */
const webChecker = apiRoute({
  operationId: "getWebChecker",
  method: "get",
  path: "/",
  summary: "The web checker: the pane in a page, for offices whose Excel cannot run add-ins (HTML)",
  roles: "public",
  responses: { 200: { description: "The page", content: { "text/html": { schema: TEXT } } } },
  errors: [404],
});
app.openapi(webChecker, (c) => (c.env.ASSETS ? c.env.ASSETS.fetch(new URL("/index.html", c.req.url)) : c.notFound()));

app.route("/v1/criteria-sets", criteriaSets);
app.route("/v1/units", units);
app.route("/v1/units", unitImport);
app.route("/v1/periods", periods);
app.route("/v1/periods", appraisal);
app.route("/v1/periods", periodReports);
app.route("/v1/submissions", submissions);
app.route("/v1", archive);
app.route("/v1", insights);
app.route("/v1", activation);
app.use("/v1/bench/*", async (c, next) => {
  if (c.env.BENCH_RAW_INSERT !== "1") return errorResponse(c, 404, "NOT_FOUND", `Không có đường dẫn ${c.req.path} / no route ${c.req.method} ${c.req.path}`);
  await next();
}, requireToken);
app.route("/v1/bench", bench);

const methodsOf = allowedMethods(() => app.routes);
// A 405 is no operation's answer (it is the answer to a method no operation has), so it is
// declared once, with the Allow header it carries, among the document's shared responses.
app.openAPIRegistry.registerComponent("responses", "MethodNotAllowed", {
  description: "A known path asked with a method it does not answer (METHOD_NOT_ALLOWED, RFC 9110 §15.5.6)",
  headers: { Allow: { description: "The methods the path answers, e.g. GET, POST", schema: { type: "string" } } },
  content: { "application/json": { schema: { $ref: "#/components/schemas/ErrorEnvelope" } } },
});
app.notFound((c) => {
  // A known path asked with a method it does not answer: 405 and what it does answer (RFC 9110 §15.5.6).
  const allowed = methodsOf(c.req.path);
  if (allowed.length > 0 && !allowed.includes(c.req.method)) {
    c.header("Allow", allowed.join(", "));
    return errorResponse(c, 405, "METHOD_NOT_ALLOWED", `Đường dẫn ${c.req.path} không nhận ${c.req.method} (chỉ ${allowed.join(", ")}) / ${c.req.method} is not allowed on ${c.req.path} (allowed: ${allowed.join(", ")})`);
  }
  return errorResponse(c, 404, "NOT_FOUND", `Không có đường dẫn ${c.req.path} / no route ${c.req.method} ${c.req.path}`);
});

app.onError(async (err, c) => {
  if (err instanceof ApiError) return errorResponse(c, err.status, err.code, err.message, err.issues);
  // The database refused a write to a period locked after the route's own check (migration 0022):
  // the same 409 as that check, naming the period when the path does.
  if (String(err).includes("PERIOD_LOCKED")) {
    const period = /^\/v1\/periods\/([^/]+)\//.exec(c.req.path)?.[1];
    const locked = period ? await periodLockedError(c.env.DB, decodeURIComponent(period)) : null;
    return locked ? errorResponse(c, 409, locked.code, locked.message) : errorResponse(c, 409, "PERIOD_LOCKED", "Kỳ đánh giá đã khóa: không nhận thay đổi kết quả / the period is locked: its results take no changes");
  }
  if (err instanceof HTTPException) return httpExceptionResponse(c, err);
  console.error("unhandled", err);
  return errorResponse(c, 500, "INTERNAL_ERROR", "Lỗi máy chủ, vui lòng thử lại / internal error, please retry");
});

/** Refusals raised by Hono and the validator before our code runs, in the same envelope. */
function httpExceptionResponse(c: Context, err: HTTPException): Response {
  if (err.status === 400) {
    const e = invalidJson(err.message);
    return errorResponse(c, 400, e.code, e.message, e.issues);
  }
  if (err.status === 415) return errorResponse(c, 415, notJson().code, notJson().message);
  if (err.status === 413) return errorResponse(c, 413, "PAYLOAD_TOO_LARGE", err.message || "the body is too large");
  return errorResponse(c, err.status, "HTTP_ERROR", err.message || "request refused");
}

export default app;
