import { Hono } from "hono";
import { z } from "zod";
import { sha256Hex } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { storeSubmission } from "../submit.ts";
import { parseJsonText, readText } from "../validation.ts";

/**
 * Benchmark baseline, mounted only when BENCH_RAW_INSERT=1 (bench/submissions.bench.ts):
 * the same three rows as POST /v1/submissions (version, idempotency record, audit) with a
 * report the caller supplies — no period checks, no validation of the grid, no scoring.
 */
export const bench = new Hono<AppEnv>();

const RawSchema = z.object({ period: z.string(), unit: z.string(), grid: z.unknown(), report: z.object({ total: z.number(), percent: z.number() }).loose() });

bench.post("/raw-submissions", async (c) => {
  const principal = c.get("principal");
  const key = c.req.header("Idempotency-Key");
  if (!key) throw new ApiError(400, "IDEMPOTENCY_KEY_REQUIRED", "send an Idempotency-Key header");
  const text = await readText(c);
  const body = parseJsonText(text, RawSchema);
  const at = new Date().toISOString();
  const stored = await storeSubmission(
    c.env.DB,
    {
      id: crypto.randomUUID(),
      unitId: body.unit,
      periodId: body.period,
      tokenId: principal.tokenId,
      source: "raw",
      gridJson: JSON.stringify(body.grid),
      reportJson: JSON.stringify(body.report),
      clientReportJson: null,
      acceptedWarningsJson: "[]",
      total: body.report.total,
      percent: body.report.percent,
      band: null,
      errors: 0,
      warnings: 0,
      createdAt: at,
    },
    key,
    await sha256Hex(text),
  );
  return new Response(stored.response, { status: stored.status, headers: { "Content-Type": "application/json; charset=utf-8" } });
});
