import type { Context } from "hono";
import { fromCents, indexCriteria, round2, type Analysis, type AnalysisItem, type FieldDistribution } from "../../../shared/index.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { periodScope } from "./period-units.ts";
import { computeRanking, type Ranking } from "./ranking.ts";

/**
 * Weak-criteria analysis of a period (documented in worker/README.md). Scores follow the
 * ranking's rule, item by item, on each unit's latest version: the appraised score where the
 * unit's appraisal is final (the server score for items a reviewer left alone), else the
 * server score; survey items take the imported survey score, and a unit without one for an
 * item is left out of that item (no survey yet is not a loss the unit can act on). Adjustment
 * items (bonus/penalty) and items the unit marked not applicable are left out. Sums in cents.
 */
const WORST = 5;

/**
 * One row per (unit, item) of the units' latest versions with the score that counts.
 * ?1 period, ?2 JSON array of units whose appraisal is final, ?3 JSON array of the units
 * to include (the caller's subtree) or NULL for all. Aggregated per item in SQL; only the
 * WORST lowest-scoring losing units per item leave the database.
 */
const EFFECTIVE = `WITH latest AS (SELECT unit_id, MAX(version) AS version FROM submissions WHERE period_id = ?1 GROUP BY unit_id),
eff AS (
  SELECT i.unit_id, i.code, i.field_code, i.kind, i.max_cents,
    CASE WHEN i.kind = 'survey' THEN sv.score_cents
         WHEN i.unit_id IN (SELECT value FROM json_each(?2)) THEN COALESCE(a.score_cents, i.score_cents)
         ELSE i.score_cents END AS score_cents
  FROM latest l
  JOIN submission_items i ON i.period_id = ?1 AND i.unit_id = l.unit_id AND i.version = l.version
  LEFT JOIN appraisal_items a ON a.period_id = ?1 AND a.unit_id = i.unit_id AND a.code = i.code
  LEFT JOIN survey_scores sv ON sv.period_id = ?1 AND sv.unit_id = i.unit_id AND sv.code = i.code
  WHERE i.adjustment = 0 AND i.not_applicable = 0 AND (i.kind <> 'survey' OR sv.score_cents IS NOT NULL)
    AND (?3 IS NULL OR l.unit_id IN (SELECT value FROM json_each(?3))))`;

/** The effective score of every (unit, item) in scope, for a unit's history (same binds). */
export const EFFECTIVE_ITEMS_SQL = `${EFFECTIVE}
SELECT unit_id, code, max_cents, score_cents FROM eff`;

export const ITEM_SUMS_SQL = `${EFFECTIVE}
SELECT code, field_code, kind, MAX(max_cents) AS max_cents, SUM(max_cents) AS max_sum_cents, COUNT(*) AS units_scored,
  SUM(CASE WHEN score_cents < max_cents THEN 1 ELSE 0 END) AS units_losing,
  SUM(MAX(max_cents - score_cents, 0)) AS lost_cents
FROM eff GROUP BY code`;

export const WORST_UNITS_SQL = `${EFFECTIVE}
SELECT code, unit_id, name, score_cents FROM (
  SELECT e.code, e.unit_id, u.name, e.score_cents,
    ROW_NUMBER() OVER (PARTITION BY e.code ORDER BY e.score_cents - e.max_cents, e.unit_id) AS n
  FROM eff e JOIN units u ON u.id = e.unit_id WHERE e.score_cents < e.max_cents)
WHERE n <= ${WORST} ORDER BY code, n`;

const round4 = (x: number): number => Math.round(x * 10_000) / 10_000;

/** Linear interpolation between closest ranks (Excel's PERCENTILE.INC) over sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

/** Field sub-index spread over the ranking's submitted units (adjustment fields have none). */
export function fieldDistributions(ranking: Ranking, units: Ranking["items"]): FieldDistribution[] {
  const out: FieldDistribution[] = [];
  for (const f of ranking.fields) {
    const values = units.map((u) => u.fields[f.code]).filter((v): v is number => typeof v === "number").sort((a, b) => a - b);
    if (values.length === 0) continue;
    const mean = values.reduce((a, v) => a + v, 0) / values.length;
    out.push({
      code: f.code,
      title: f.title,
      units: values.length,
      min: round2(values[0]!),
      p25: round2(percentile(values, 0.25)),
      median: round2(percentile(values, 0.5)),
      p75: round2(percentile(values, 0.75)),
      max: round2(values[values.length - 1]!),
      mean: round2(mean),
    });
  }
  return out;
}

/** `visible`: the unit ids the caller may see, or null for all (admin). */
export async function computeAnalysis(db: D1Database, periodId: string, visible: Set<string> | null, now: Date): Promise<Analysis> {
  const scope = await periodScope(db, periodId);
  const ranking = await computeRanking(db, periodId, { now, withPrevious: false, scope });
  const units = ranking.items.filter((i) => i.submitted && (visible === null || visible.has(i.unit)));
  const final = JSON.stringify(units.filter((u) => u.status === "final").map((u) => u.unit));
  const only = visible === null ? null : JSON.stringify(units.map((u) => u.unit));
  const [sums, worst] = await db.batch([db.prepare(ITEM_SUMS_SQL).bind(periodId, final, only), db.prepare(WORST_UNITS_SQL).bind(periodId, final, only)]);
  const worstBy = new Map<string, AnalysisItem["worstUnits"]>();
  for (const w of (worst?.results ?? []) as { code: string; unit_id: string; name: string; score_cents: number }[]) {
    const list = worstBy.get(w.code) ?? [];
    list.push({ unit: w.unit_id, unitName: w.name, score: fromCents(w.score_cents) });
    worstBy.set(w.code, list);
  }
  const index = indexCriteria(scope.set);
  const order = new Map(index.leaves.map((l, i) => [l.code, i]));
  const items: AnalysisItem[] = ((sums?.results ?? []) as { code: string; field_code: string; kind: string; max_cents: number; max_sum_cents: number; units_scored: number; units_losing: number; lost_cents: number }[])
    .filter((r) => r.max_cents > 0)
    .map((r) => ({
      code: r.code,
      title: index.byCode.get(r.code)?.title ?? r.code,
      field: r.field_code,
      kind: r.kind,
      max: fromCents(r.max_cents),
      unitsScored: r.units_scored,
      unitsLosing: r.units_losing,
      pointsLost: fromCents(r.lost_cents),
      shareLost: r.max_sum_cents > 0 ? round4(r.lost_cents / r.max_sum_cents) : 0,
      worstUnits: worstBy.get(r.code) ?? [],
    }))
    .sort((a, b) => b.shareLost - a.shareLost || b.pointsLost - a.pointsLost || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  return { period: periodId, year: ranking.year, units: units.length, items, fields: fieldDistributions(ranking, units) };
}
