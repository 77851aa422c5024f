import { round2 } from "../../../shared/index.ts";
import type { PeriodScope } from "./period-units.ts";

/**
 * Year over year (documented in worker/README.md). Last year's period is the one of
 * `year - 1` whose criteria set is for the same unit level. A unit's previous index is:
 *   1. a stated baseline (ranking_baselines for year - 1), when the province set one;
 *   2. else its own index in last year's ranking (with its rank there);
 *   3. else, for a unit formed by a merge, the weighted mean of its predecessors' indices
 *      last year (weights from unit_successors, default 1 = equal), over the predecessors
 *      that were ranked; its previous rank is null (it had none).
 */
export interface Previous {
  percent: number;
  rank: number | null;
  basis: "baseline" | "own" | "merge";
  note: string | null;
}

/** What year over year needs of last year's ranking: each unit's index and rank, and the generation they were read at. */
export interface RankedLastYear {
  generation: number;
  items: readonly { unit: string; percent: number; rank: number }[];
}

/** Last year's period (if any, with the generation of its ranking read) and each unit's previous index. */
export interface PriorYear {
  periodId: string | null;
  generation: number | null;
  previousOf: (unitId: string) => Previous | null;
}

/** What year over year reads: last year's period, the stated baselines, the merges. Sent in the caller's batch, handed back to previousYear. */
export function previousYearStatements(db: D1Database, scope: PeriodScope): D1PreparedStatement[] {
  return [
    db
      .prepare(
        `SELECT p.id FROM periods p JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version
         WHERE p.year = ?1 AND cs.unit_type IN (SELECT value FROM json_each(?2)) ORDER BY p.id LIMIT 1`,
      )
      .bind(scope.period.year - 1, JSON.stringify(scope.unitTypes)),
    db.prepare("SELECT unit_id, percent, note FROM ranking_baselines WHERE year = ?1").bind(scope.period.year - 1),
    db.prepare("SELECT l.successor_id, l.predecessor_id, l.weight, u.name FROM unit_successors l JOIN units u ON u.id = l.predecessor_id ORDER BY l.predecessor_id"),
  ];
}

/** Year over year from the results of previousYearStatements (in their order); `ranked` reads last year's ranking. */
export async function previousYear(read: D1Result[], ranked: (periodId: string) => Promise<RankedLastYear>): Promise<PriorYear | null> {
  const [prior, baselines, links] = read;
  const priorId = (prior?.results[0] as { id: string } | undefined)?.id ?? null;
  const stated = new Map(((baselines?.results ?? []) as { unit_id: string; percent: number; note: string }[]).map((b) => [b.unit_id, b]));
  if (!priorId && stated.size === 0) return null;
  const last = priorId ? await ranked(priorId) : null;
  const lastByUnit = new Map((last?.items ?? []).map((i) => [i.unit, i]));
  const predecessors = new Map<string, { id: string; weight: number; name: string }[]>();
  for (const l of (links?.results ?? []) as { successor_id: string; predecessor_id: string; weight: number; name: string }[]) {
    const list = predecessors.get(l.successor_id) ?? [];
    list.push({ id: l.predecessor_id, weight: l.weight, name: l.name });
    predecessors.set(l.successor_id, list);
  }
  const previousOf = (unitId: string): Previous | null => {
    const baseline = stated.get(unitId);
    if (baseline) return { percent: baseline.percent, rank: null, basis: "baseline", note: baseline.note };
    const own = lastByUnit.get(unitId);
    if (own) return { percent: own.percent, rank: own.rank, basis: "own", note: null };
    const ranked = (predecessors.get(unitId) ?? []).filter((p) => lastByUnit.has(p.id));
    if (ranked.length === 0) return null;
    const weight = ranked.reduce((a, p) => a + p.weight, 0);
    const percent = round2(ranked.reduce((a, p) => a + p.weight * lastByUnit.get(p.id)!.percent, 0) / weight);
    const parts = ranked.map((p) => `${p.name} ${lastByUnit.get(p.id)!.percent}% × ${p.weight}`).join("; ");
    return { percent, rank: null, basis: "merge", note: `Bình quân gia quyền các đơn vị trước sáp nhập / weighted mean of predecessors: ${parts}` };
  };
  return { periodId: priorId, generation: last?.generation ?? null, previousOf };
}
