import { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { cors } from "hono/cors";
import { HTTPException } from "hono/http-exception";
import { requireToken } from "./auth.ts";
import type { AppEnv } from "./env.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { openApiDocument } from "./openapi.ts";
import { bench } from "./routes/bench.ts";
import { criteriaSets } from "./routes/criteria-sets.ts";
import { periods } from "./routes/periods.ts";
import { submissions } from "./routes/submissions.ts";
import { units } from "./routes/units.ts";
import { appraisal } from "./routes/appraisal.ts";
import { archive } from "./routes/archive.ts";
import { periodReports } from "./routes/period-reports.ts";
import { analysisRoute } from "./cycle/analysis.ts";
import { unitHistoryRoute } from "./cycle/unit-history.ts";
import { trendRoute } from "./cycle/trend.ts";
import { planRoute } from "./cycle/plan.ts";
import { getUnit } from "./repositories/unit-repository.ts";

const DEFAULT_MAX_BODY_BYTES = 2 * 1024 * 1024;
/**
 * The add-in's dev server. A deployment serves the built add-in itself (wrangler.toml
 * [env.production.assets], run_worker_first for /v1/*, /health, /openapi.json), so its pane
 * calls its own origin and ALLOWED_ORIGINS is empty there.
 */
const DEFAULT_ALLOWED_ORIGINS = "https://localhost:3000";

// Only the default export: workerd treats every named export of the main module as an entrypoint.
const app = new Hono<AppEnv>();

// A browser page on another origin (a developer's pane before the dev proxy, a tool) calls
// the API cross-origin with a bearer token (no cookies): only listed origins are allowed,
// credentials are not.
app.use("*", async (c, next) => {
  const allowed = (c.env.ALLOWED_ORIGINS ?? DEFAULT_ALLOWED_ORIGINS).split(",").map((o) => o.trim()).filter(Boolean);
  return cors({
    origin: (origin) => (allowed.includes(origin) ? origin : null),
    allowMethods: ["GET", "POST", "PUT", "OPTIONS"],
    allowHeaders: ["Authorization", "Content-Type", "Idempotency-Key"],
    exposeHeaders: ["Content-Length"],
    maxAge: 600,
  })(c, next);
});

app.use("*", async (c, next) => {
  const maxSize = Number(c.env.MAX_BODY_BYTES ?? DEFAULT_MAX_BODY_BYTES) || DEFAULT_MAX_BODY_BYTES;
  return bodyLimit({
    maxSize,
    onError: (c) => errorResponse(c, 413, "PAYLOAD_TOO_LARGE", `Nội dung vượt quá ${maxSize} byte / the body exceeds ${maxSize} bytes`),
  })(c, next);
});

app.get("/health", async (c) => {
  await c.env.DB.prepare("SELECT 1").first();
  return c.json({ status: "ok", database: "ok", time: new Date().toISOString() });
});
app.get("/openapi.json", (c) => c.json(openApiDocument()));

app.use("/v1/*", requireToken);
/** Who the token is: the add-in shows a unit token its own history. */
app.get("/v1/me", async (c) => {
  const p = c.get("principal");
  const unit = p.unitId ? await getUnit(c.env.DB, p.unitId) : null;
  return c.json({ role: p.role, unit: unit ? { id: unit.id, name: unit.name } : null });
});
app.route("/v1/criteria-sets", criteriaSets);
app.get("/v1/units/:id/history", unitHistoryRoute);
app.route("/v1/units", units);
app.route("/v1/periods", periods);
app.route("/v1/periods", appraisal);
app.route("/v1/periods", periodReports);
app.get("/v1/periods/:id/analysis", analysisRoute);
app.get("/v1/periods/:id/trend", trendRoute);
app.get("/v1/periods/:id/units/:unit/plan", planRoute);
app.route("/v1/submissions", submissions);
app.route("/v1", archive);
app.use("/v1/bench/*", async (c, next) => {
  if (c.env.BENCH_RAW_INSERT !== "1") return errorResponse(c, 404, "NOT_FOUND", `Không có đường dẫn ${c.req.path} / no route ${c.req.method} ${c.req.path}`);
  await next();
});
app.route("/v1/bench", bench);

app.notFound((c) => errorResponse(c, 404, "NOT_FOUND", `Không có đường dẫn ${c.req.path} / no route ${c.req.method} ${c.req.path}`));

app.onError((err, c) => {
  if (err instanceof ApiError) return errorResponse(c, err.status, err.code, err.message, err.issues);
  if (err instanceof HTTPException) return errorResponse(c, err.status, err.status === 413 ? "PAYLOAD_TOO_LARGE" : "HTTP_ERROR", err.message || "request refused");
  console.error("unhandled", err);
  return errorResponse(c, 500, "INTERNAL_ERROR", "Lỗi máy chủ, vui lòng thử lại / internal error, please retry");
});

export default app;
