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

/**
 * Ranking baseline (bench/ranking.bench.ts): a hand-written aggregation of the same
 * submission_items rows — latest version per unit, points over max, RANK() in SQL — with
 * no survey, appraisal, fields, status or year-over-year.
 */
bench.get("/ranking-sql/:period", async (c) => {
  const { results } = await c.env.DB.prepare(
    `WITH latest AS (SELECT unit_id, MAX(version) AS version FROM submissions WHERE period_id = ?1 GROUP BY unit_id),
     sums AS (SELECT i.unit_id, SUM(i.score_cents) AS score, SUM(CASE WHEN i.adjustment = 0 AND i.not_applicable = 0 THEN i.max_cents ELSE 0 END) AS max
              FROM latest l JOIN submission_items i ON i.period_id = ?1 AND i.unit_id = l.unit_id AND i.version = l.version GROUP BY i.unit_id)
     SELECT s.unit_id AS unit, u.name AS unitName, ROUND(s.score * 100.0 / s.max, 2) AS percent,
            RANK() OVER (ORDER BY ROUND(s.score * 100.0 / s.max, 2) DESC) AS rank
     FROM sums s JOIN units u ON u.id = s.unit_id ORDER BY rank, u.name`,
  )
    .bind(c.req.param("period"))
    .all();
  return c.json({ items: results });
});

/**
 * Snapshot baseline (bench/ranking.bench.ts): the rows a ranking read serves, read raw — one
 * SELECT of the stored chunks and their concatenation, no check that they are current.
 */
bench.get("/snapshot-rows/:period", async (c) => {
  const { results } = await c.env.DB.prepare("SELECT items FROM ranking_snapshot_chunks WHERE period_id = ?1 ORDER BY chunk").bind(c.req.param("period")).all<{ items: string }>();
  return new Response(`{"items":[${results.map((r) => r.items.slice(1, -1)).join(",")}]}`, { headers: { "Content-Type": "application/json; charset=utf-8" } });
});

/**
 * Forgets a period's stored ranking (?what=snapshot), and also one unit's stored result, as
 * an appraisal step leaves it (?what=one), or every unit's (?what=units), so that the next
 * ranking read times a build: after one write, or from nothing.
 */
bench.post("/ranking-reset/:period", async (c) => {
  const period = c.req.param("period");
  const what = c.req.query("what") ?? "snapshot";
  const statements = [c.env.DB.prepare("UPDATE ranking_periods SET built = NULL WHERE period_id = ?1").bind(period)];
  if (what === "units") statements.push(c.env.DB.prepare("UPDATE ranking_units SET computed_rev = 0 WHERE period_id = ?1").bind(period));
  if (what === "one") statements.push(c.env.DB.prepare("UPDATE ranking_units SET computed_rev = 0 WHERE period_id = ?1 AND unit_id = (SELECT MIN(unit_id) FROM ranking_units WHERE period_id = ?1)").bind(period));
  await c.env.DB.batch(statements);
  return c.json({ period, reset: what });
});
