import { formatNumber, round2 } from "../../../shared/index.ts";
import { unitTypesOf, type PeriodScope } from "./period-units.ts";

/**
 * Year over year (documented in worker/README.md).
 *
 * **The year's period of a unit level** (yearPeriodSql) — what "last year" names in the
 * ranking (previousPeriod) and each past year of the trend: among the periods of that year
 * whose criteria set is of the level (communes and wards are one), the one with the most
 * units with a result (a submission or survey scores: a row in ranking_units), ties by the
 * later deadline, then id; none when no period of that year has any result. A year may
 * hold a period set up and never used, or a trial run beside the real one: the first by id
 * had been taken, one with no submissions at all, so every unit got "0 % last year".
 *
 * **A unit's year** (chooseYearPeriod) — what a unit's previous index and each year of its
 * history read when a year has several such periods with results (twins from before the
 * one-open-period rule): the period where its result is final, else where a reviewer
 * appraised it, else the year's period of its level if it has a result there; ties by the
 * order above. The level's period alone gave a commune its own unappraised 72 % from one twin
 * while the other held the reviewer's final 70 % (PANE3-6). A plain result in another twin
 * does not stand in for the level's period: a unit with none there has no previous index
 * (round4-last-year, finding 3b).
 *
 * A unit's previous index is:
 *   1. a stated baseline (ranking_baselines for year - 1), when the province set one;
 *   2. else its own index and rank last year (its year, chooseYearPeriod), if it had a result;
 *   3. else, for a unit formed by a merge, the weighted mean of its predecessors' indices
 *      last year (weights from unit_successors, default 1 = equal) over the predecessors with
 *      a result — one that was itself formed by a merge and had none stands on its own
 *      predecessors' mean, as in the unit history; its previous rank is null (it had none);
 *   4. else none: previous, change and rank change are null. A unit listed in last year's
 *      ranking at 0 % with nothing of its own (it sent nothing and had no survey score), or
 *      one created since with a first day before last year's end, has no index to compare —
 *      a 0 % there is not its index.
 */
export interface Previous {
  percent: number;
  rank: number | null;
  basis: "baseline" | "own" | "merge";
  note: string | null;
}

/** What year over year needs of last year's ranking: each unit's index and rank (null: not ranked), whether it had a result, and the generation they were read at. */
export interface RankedLastYear {
  generation: number;
  items: readonly { unit: string; percent: number; rank: number | null; result: boolean }[];
}

/** Last year's period (if any), the sum of the generations of last year's rankings read (one a period with results), and each unit's previous index. */
export interface PriorYear {
  periodId: string | null;
  generation: number | null;
  previousOf: (unitId: string) => Previous | null;
}

const COMMUNE_LEVEL = unitTypesOf("commune");
/** The level of a unit type (an SQL expression): communes and wards share one. */
const levelSql = (type: string): string => `CASE WHEN ${type} IN (${COMMUNE_LEVEL.map((t) => `'${t}'`).join(", ")}) THEN '${COMMUNE_LEVEL[0]}' ELSE ${type} END`;

/** FROM/WHERE of the periods of a year (`year` SQL) and of a unit type's level with a result, and their order (the rule above). */
const yearPeriodsFrom = (year: string, unitType: string): string =>
  `FROM periods q JOIN criteria_sets qs ON qs.id = q.criteria_set_id AND qs.version = q.criteria_set_version
     WHERE q.year = ${year} AND ${levelSql("qs.unit_type")} = ${levelSql(unitType)} AND EXISTS (SELECT 1 FROM ranking_units ru WHERE ru.period_id = q.id)`;
const YEAR_PERIOD_ORDER = "ORDER BY (SELECT COUNT(*) FROM ranking_units ru WHERE ru.period_id = q.id) DESC, q.deadline DESC, q.id";

/**
 * The year's period of a unit level (the rule above), as a scalar SQL subquery: `year` an SQL
 * expression for the year, `unitType` one for a unit type of the level (a set's unit_type).
 * Used by the ranking's build and its staleness check (ranking-snapshot.ts) and the trend,
 * so that all say the same period.
 */
export const yearPeriodSql = (year: string, unitType: string): string => `(SELECT q.id ${yearPeriodsFrom(year, unitType)} ${YEAR_PERIOD_ORDER} LIMIT 1)`;

/** The sum of the ranking generations of every such period of the year: a unit's year may be read in any of them (staleness check, ranking-snapshot.ts). */
export const yearGenerationsSql = (year: string, unitType: string): string =>
  `(SELECT SUM(g.generation) FROM ranking_periods g WHERE g.period_id IN (SELECT q.id ${yearPeriodsFrom(year, unitType)}))`;

/** How settled a unit's result in a period is, as SQL over `period` and `unit` expressions: 3 final, 2 appraised, 1 otherwise. */
export const settledSql = (period: string, unit: string): string => `CASE
    WHEN (SELECT e.status FROM review_events e WHERE e.period_id = ${period} AND e.unit_id = ${unit} ORDER BY e.seq DESC LIMIT 1) = 'final' THEN 3
    WHEN EXISTS (SELECT 1 FROM appraisal_items a WHERE a.period_id = ${period} AND a.unit_id = ${unit}) THEN 2 ELSE 1 END`;

/**
 * A unit's year (the rule above): of `candidates` (the year's periods in the level's order,
 * the level's period first), those where it `has` a result — in another than the first only
 * a settled one — the most `settled` (3 final, 2 appraised, 1 neither), ties by that order;
 * null when none.
 */
export function chooseYearPeriod(candidates: readonly string[], has: (period: string) => boolean, settled: (period: string) => number): string | null {
  let best: string | null = null;
  let level = 0;
  candidates.forEach((p, n) => {
    if (!has(p)) return;
    const s = settled(p);
    if (s > level && (n === 0 || s > 1)) (best = p), (level = s);
  });
  return best;
}

/** What year over year reads: last year's period, the stated baselines, the merges. Sent in the caller's batch, handed back to previousYear. */
export function previousYearStatements(db: D1Database, scope: PeriodScope): D1PreparedStatement[] {
  return [
    db.prepare(`SELECT q.id, COALESCE((SELECT g.generation FROM ranking_periods g WHERE g.period_id = q.id), 0) AS generation ${yearPeriodsFrom("?1", "?2")} ${YEAR_PERIOD_ORDER}`).bind(scope.period.year - 1, scope.set.unitType),
    db.prepare("SELECT unit_id, percent, note FROM ranking_baselines WHERE year = ?1").bind(scope.period.year - 1),
    db.prepare("SELECT l.successor_id, l.predecessor_id, l.weight, u.name FROM unit_successors l JOIN units u ON u.id = l.predecessor_id ORDER BY l.predecessor_id"),
    // Only where a twin is there to choose from: the settled results (appraised or final) of last year's periods.
    db
      .prepare(
        `SELECT s.period_id, s.unit_id, s.settled FROM (SELECT ru.period_id, ru.unit_id, ${settledSql("ru.period_id", "ru.unit_id")} AS settled FROM ranking_units ru
           WHERE ru.period_id IN (SELECT q.id ${yearPeriodsFrom("?1", "?2")}) AND (SELECT COUNT(*) ${yearPeriodsFrom("?1", "?2")}) > 1) s WHERE s.settled > 1`,
      )
      .bind(scope.period.year - 1, scope.set.unitType),
  ];
}

/** "Xã An Lộc 72,5% × 1; Xã An Phú 93,25% × 1" in the locale's decimals. */
const partsOf = (parts: { name: string; percent: number; weight: number }[], locale: "vi" | "en"): string =>
  parts.map((p) => `${p.name} ${formatNumber(p.percent, locale)}% × ${formatNumber(p.weight, locale)}`).join("; ");

/** Year over year from the results of previousYearStatements (in their order); `ranked` reads last year's ranking. */
export async function previousYear(read: D1Result[], ranked: (periodId: string) => Promise<RankedLastYear>): Promise<PriorYear | null> {
  const [periods, baselines, links, settledRows] = read;
  const listed = (periods?.results ?? []) as { id: string; generation: number }[];
  const candidates = listed.map((r) => r.id);
  const priorId = candidates[0] ?? null;
  const stated = new Map(((baselines?.results ?? []) as { unit_id: string; percent: number; note: string }[]).map((b) => [b.unit_id, b]));
  if (!priorId && stated.size === 0) return null;
  // Only a result counts: a unit listed last year with nothing of its own has no index to compare,
  // nor a rank (ranking.ts ranks exactly the units with a result).
  const byPeriod = new Map<string, Map<string, RankedLastYear["items"][number]>>();
  const settled = new Map(((settledRows?.results ?? []) as { period_id: string; unit_id: string; settled: number }[]).map((r) => [`${r.period_id}\u0000${r.unit_id}`, r.settled]));
  // Another twin is read only where a unit's result there is settled (the only way it is chosen).
  const twins = new Set(((settledRows?.results ?? []) as { period_id: string }[]).map((r) => r.period_id));
  const isRead = (p: string, n: number): boolean => n === 0 || twins.has(p);
  // The generations of all of them, as the staleness check sums them (yearGenerationsSql): those read as read.
  let generation: number | null = listed.length === 0 ? null : listed.reduce((a, r, n) => a + (isRead(r.id, n) ? 0 : r.generation), 0);
  for (const id of candidates.filter(isRead)) {
    const last = await ranked(id);
    generation = (generation ?? 0) + last.generation;
    byPeriod.set(id, new Map(last.items.filter((i) => i.result && i.rank !== null).map((i) => [i.unit, i])));
  }
  const lastByUnit = new Map<string, RankedLastYear["items"][number]>();
  for (const unit of new Set([...byPeriod.values()].flatMap((m) => [...m.keys()]))) {
    const chosen = chooseYearPeriod(candidates, (p) => byPeriod.get(p)?.has(unit) === true, (p) => settled.get(`${p}\u0000${unit}`) ?? 1);
    if (chosen) lastByUnit.set(unit, byPeriod.get(chosen)!.get(unit)!);
  }
  const predecessors = new Map<string, { id: string; weight: number; name: string }[]>();
  for (const l of (links?.results ?? []) as { successor_id: string; predecessor_id: string; weight: number; name: string }[]) {
    const list = predecessors.get(l.successor_id) ?? [];
    list.push({ id: l.predecessor_id, weight: l.weight, name: l.name });
    predecessors.set(l.successor_id, list);
  }
  /** A unit's index last year: its own result, else its predecessors' weighted mean (any number of generations), else null. */
  const standing = (unitId: string, path: ReadonlySet<string>): number | null => {
    const own = lastByUnit.get(unitId);
    if (own) return own.percent;
    const parts = mergedParts(unitId, path);
    return parts.length === 0 ? null : weightedMean(parts);
  };
  const mergedParts = (unitId: string, path: ReadonlySet<string>) =>
    (predecessors.get(unitId) ?? [])
      .filter((p) => !path.has(p.id))
      .map((p) => ({ ...p, percent: standing(p.id, new Set([...path, p.id])) }))
      .filter((p): p is typeof p & { percent: number } => p.percent !== null);
  const previousOf = (unitId: string): Previous | null => {
    const baseline = stated.get(unitId);
    if (baseline) return { percent: baseline.percent, rank: null, basis: "baseline", note: baseline.note };
    const own = lastByUnit.get(unitId);
    if (own) return { percent: own.percent, rank: own.rank, basis: "own", note: null };
    const parts = mergedParts(unitId, new Set([unitId]));
    if (parts.length === 0) return null;
    return {
      percent: weightedMean(parts),
      rank: null,
      basis: "merge",
      note: `Bình quân gia quyền các đơn vị trước sáp nhập: ${partsOf(parts, "vi")} / weighted mean of predecessors: ${partsOf(parts, "en")}`,
    };
  };
  return { periodId: priorId, generation, previousOf };
}

/** Of the predecessors' published (rounded) indices, rounded once more: the figure a council recomputes from the published table (README, CYC1-9). */
const weightedMean = (parts: { weight: number; percent: number }[]): number => {
  const weight = parts.reduce((a, p) => a + p.weight, 0);
  return round2(parts.reduce((a, p) => a + p.weight * p.percent, 0) / weight);
};
