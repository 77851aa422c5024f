import { formatNumber, round2 } from "../../../shared/index.ts";
import { unitTypesOf, type PeriodScope } from "./period-units.ts";

/**
 * Year over year (documented in worker/README.md).
 *
 * **The year's period of a unit level** (yearPeriodSql) — what "last year" means for the
 * ranking's change, for each past year of the trend, and for each year of a unit's history:
 * among the periods of that year whose criteria set is of the level (communes and wards are
 * one), the one with the most units with a result (a submission or survey scores: a row in
 * ranking_units), ties by id; none when no period of that year has any result. A year may
 * hold a period set up and never used, or a trial run beside the real one: the first by id
 * had been taken, one with no submissions at all, so every unit got "0 % last year".
 *
 * A unit's previous index is:
 *   1. a stated baseline (ranking_baselines for year - 1), when the province set one;
 *   2. else its own index and rank in last year's period, if it had a result there;
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

/** Last year's period (if any, with the generation of its ranking read) and each unit's previous index. */
export interface PriorYear {
  periodId: string | null;
  generation: number | null;
  previousOf: (unitId: string) => Previous | null;
}

const COMMUNE_LEVEL = unitTypesOf("commune");
/** The level of a unit type (an SQL expression): communes and wards share one. */
const levelSql = (type: string): string => `CASE WHEN ${type} IN (${COMMUNE_LEVEL.map((t) => `'${t}'`).join(", ")}) THEN '${COMMUNE_LEVEL[0]}' ELSE ${type} END`;

/**
 * The year's period of a unit level (the rule above), as a scalar SQL subquery: `year` an SQL
 * expression for the year, `unitType` one for a unit type of the level (a set's unit_type).
 * Used by the ranking's build and its staleness check (ranking-snapshot.ts), the trend and
 * the unit history, so that all say the same period.
 */
export const yearPeriodSql = (year: string, unitType: string): string =>
  `(SELECT q.id FROM periods q JOIN criteria_sets qs ON qs.id = q.criteria_set_id AND qs.version = q.criteria_set_version
     WHERE q.year = ${year} AND ${levelSql("qs.unit_type")} = ${levelSql(unitType)} AND EXISTS (SELECT 1 FROM ranking_units ru WHERE ru.period_id = q.id)
     ORDER BY (SELECT COUNT(*) FROM ranking_units ru WHERE ru.period_id = q.id) DESC, q.id LIMIT 1)`;

/** What year over year reads: last year's period, the stated baselines, the merges. Sent in the caller's batch, handed back to previousYear. */
export function previousYearStatements(db: D1Database, scope: PeriodScope): D1PreparedStatement[] {
  return [
    db.prepare(`SELECT ${yearPeriodSql("?1", "?2")} AS id`).bind(scope.period.year - 1, scope.set.unitType),
    db.prepare("SELECT unit_id, percent, note FROM ranking_baselines WHERE year = ?1").bind(scope.period.year - 1),
    db.prepare("SELECT l.successor_id, l.predecessor_id, l.weight, u.name FROM unit_successors l JOIN units u ON u.id = l.predecessor_id ORDER BY l.predecessor_id"),
  ];
}

/** "Xã An Lộc 72,5% × 1; Xã An Phú 93,25% × 1" in the locale's decimals. */
const partsOf = (parts: { name: string; percent: number; weight: number }[], locale: "vi" | "en"): string =>
  parts.map((p) => `${p.name} ${formatNumber(p.percent, locale)}% × ${formatNumber(p.weight, locale)}`).join("; ");

/** Year over year from the results of previousYearStatements (in their order); `ranked` reads last year's ranking. */
export async function previousYear(read: D1Result[], ranked: (periodId: string) => Promise<RankedLastYear>): Promise<PriorYear | null> {
  const [prior, baselines, links] = read;
  const priorId = (prior?.results[0] as { id: string | null } | undefined)?.id ?? null;
  const stated = new Map(((baselines?.results ?? []) as { unit_id: string; percent: number; note: string }[]).map((b) => [b.unit_id, b]));
  if (!priorId && stated.size === 0) return null;
  const last = priorId ? await ranked(priorId) : null;
  // Only a result counts: a unit listed last year with nothing of its own has no index to compare,
  // nor a rank (ranking.ts ranks exactly the units with a result).
  const lastByUnit = new Map((last?.items ?? []).filter((i) => i.result && i.rank !== null).map((i) => [i.unit, i]));
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
  return { periodId: priorId, generation: last?.generation ?? null, previousOf };
}

const weightedMean = (parts: { weight: number; percent: number }[]): number => {
  const weight = parts.reduce((a, p) => a + p.weight, 0);
  return round2(parts.reduce((a, p) => a + p.weight * p.percent, 0) / weight);
};
