import type { Context } from "hono";
import { z } from "zod";
import { clamp, fromCents, percentOf, planTarget, ReportSchema, toCents, type Plan, type PlanTarget, type Report } from "../../../shared/index.ts";
import { IdSchema, PlanQuerySchema } from "../api-schemas.ts";
import { canAccessUnit, requireRole } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { EFFECTIVE_ITEMS_SQL } from "./analysis.ts";
import { periodScope } from "./period-units.ts";
import { computeRanking } from "./ranking.ts";

/**
 * The target planner on the server (documented in worker/README.md): the engine's
 * planTarget on the unit's latest version as the ranking counts it — its stored report with
 * the survey import and, once the appraisal is final, the appraised scores put in (so the
 * plan starts from the index the ranking shows). A rank target is converted against the
 * province-wide ranking of the period; it reveals the index that rank takes, so it is for
 * reviewers (their subtree) and the admin only: a unit token may plan by index (before the
 * results are published, other units' scores are not its data).
 */
export async function planForUnit(db: D1Database, periodId: string, unitId: string, target: { percent?: number | undefined; rank?: number | undefined }, at: Date): Promise<{ period: string; unit: string; unitName: string; version: number; plan: Plan } | null> {
  const scope = await periodScope(db, periodId);
  const row = await db
    .prepare("SELECT s.version, s.report, u.name FROM submissions s JOIN units u ON u.id = s.unit_id WHERE s.period_id = ?1 AND s.unit_id = ?2 ORDER BY s.version DESC LIMIT 1")
    .bind(periodId, unitId)
    .first<{ version: number; report: string; name: string }>();
  if (!row) return null;
  const ranking = await computeRanking(db, periodId, { now: at, withPrevious: false, scope });
  const entry = ranking.items.find((i) => i.unit === unitId);
  const final = entry?.status === "final" ? [unitId] : [];
  const { results } = await db.prepare(EFFECTIVE_ITEMS_SQL).bind(periodId, JSON.stringify(final), JSON.stringify([unitId])).all<{ code: string; score_cents: number }>();
  const report = asRanked(ReportSchema.parse(JSON.parse(row.report)), new Map(results.map((r) => [r.code, r.score_cents])));
  const others = ranking.items.filter((i) => i.submitted).map((i) => ({ unit: i.unit, percent: i.percent }));
  const goal: PlanTarget = target.rank !== undefined ? { rank: target.rank, unit: unitId, ranking: others, ...(target.percent !== undefined ? { percent: target.percent } : {}) } : { percent: target.percent! };
  return { period: periodId, unit: unitId, unitName: row.name, version: row.version, plan: planTarget(report, scope.set, goal) };
}

/** The stored report with the scores the ranking counts (survey import, final appraisal); total and index follow. */
function asRanked(report: Report, effective: Map<string, number>): Report {
  let delta = 0;
  const items = report.items.map((item) => {
    const cents = effective.get(item.code);
    if (cents === undefined || cents === toCents(item.score)) return item;
    delta += cents - toCents(item.score);
    return { ...item, score: fromCents(cents) };
  });
  if (delta === 0) return report;
  const total = fromCents(toCents(report.total) + delta);
  return { ...report, items, total, percent: clamp(percentOf(toCents(total), toCents(report.max)), 0, 100) };
}
