import { bandsBestFirst, round2, type Trend, type TrendYear } from "../../../shared/index.ts";
import { periodScope } from "./period-units.ts";
import { rankingSnapshot } from "./ranking-snapshot.ts";
import { yearPeriodSql } from "./year-over-year.ts";

/**
 * The province's trend of band counts (documented in worker/README.md): for the period's
 * unit level, one period per year up to the period's own year — the period itself for its
 * year, else that year's period of the level as year over year picks last year's (the one
 * with the most units with results, year-over-year.ts; a year with no results is left out) —
 * and in each, how many submitted units fell in each band of that year's ranking, with their
 * mean index — and, beside them, the ranking's own population (`ranked`, `rankedCounts`: units
 * with a version or survey scores, as its bandCounts). Reviewers count their subtree, the
 * admin the whole province.
 */
const LEVEL_YEARS_SQL = `SELECT y.year, ${yearPeriodSql("y.year", "?1")} AS id FROM (SELECT DISTINCT p.year FROM periods p
  JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version
  WHERE cs.unit_type IN (SELECT value FROM json_each(?2)) AND p.year < ?3) y ORDER BY y.year`;

function bandCounts(units: { band: string | null }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const u of units) if (u.band !== null) counts[u.band] = (counts[u.band] ?? 0) + 1;
  return counts;
}

export async function computeTrend(db: D1Database, periodId: string, visible: Set<string> | null, now: Date): Promise<Trend> {
  const scope = await periodScope(db, periodId);
  const { results } = await db.prepare(LEVEL_YEARS_SQL).bind(scope.set.unitType, JSON.stringify(scope.unitTypes), scope.period.year).all<{ id: string | null; year: number }>();
  const perYear = new Map<number, string>();
  for (const r of results) if (r.id !== null) perYear.set(r.year, r.id);
  perYear.set(scope.period.year, periodId);

  const bands = bandsBestFirst(scope.set).map((b) => b.label);
  const years: TrendYear[] = [];
  for (const [year, id] of [...perYear].sort((a, b) => a[0] - b[0])) {
    const yearScope = id === periodId ? scope : await periodScope(db, id);
    const { rows } = await rankingSnapshot(db, id, now, { timeless: true });
    for (const b of bandsBestFirst(yearScope.set)) if (!bands.includes(b.label)) bands.push(b.label);
    const units = rows.filter((i) => visible === null || visible.has(i.unit));
    const submitted = units.filter((i) => i.submitted);
    // The ranking's population beside it (CYC1-5): a unit ranked on survey scores alone is in the
    // ranking's bandCounts but not among the submitted; both are answered, each named.
    const ranked = units.filter((i) => i.rank !== null);
    years.push({
      year,
      period: id,
      units: units.length,
      submitted: submitted.length,
      mean: submitted.length === 0 ? null : round2(submitted.reduce((a, u) => a + u.percent, 0) / submitted.length),
      counts: bandCounts(submitted),
      ranked: ranked.length,
      rankedCounts: bandCounts(ranked),
    });
  }
  const everyBand = (counts: Record<string, number>) => Object.fromEntries(bands.map((b) => [b, counts[b] ?? 0]));
  for (const y of years) [y.counts, y.rankedCounts] = [everyBand(y.counts), everyBand(y.rankedCounts ?? {})];
  return { period: periodId, unitType: scope.set.unitType, bands, years };
}
