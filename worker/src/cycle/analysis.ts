import { fromCents, indexCriteria, round2, type Analysis, type AnalysisItem, type FieldDistribution } from "../../../shared/index.ts";
import { periodScope } from "./period-units.ts";
import type { RankedUnit, RankingHead } from "./ranking.ts";
import { rankedUnits, rankingSnapshot } from "./ranking-snapshot.ts";
import { effectiveItemsOf } from "./ranking-units.ts";

/**
 * Weak-criteria analysis of a period (documented in worker/README.md), from the ranking
 * snapshot: each unit's effective leaf scores as the ranking combines them (unit-result.ts:
 * the appraised score where the unit has been appraised, else the server score of its
 * latest version; conditions applied), over the submitted units in view. A survey item
 * counts only for units with an imported score for it (no survey yet is not a loss the unit
 * can act on); bonus and deduction items and items marked not applicable are left out.
 * Sums in cents.
 */
const WORST = 5;

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
export function fieldDistributions(ranking: Pick<RankingHead, "fields">, units: readonly RankedUnit[]): FieldDistribution[] {
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

interface ItemTally {
  maxCents: number;
  maxSumCents: number;
  unitsScored: number;
  unitsLosing: number;
  lostCents: number;
  /** The WORST largest losses, worst first (ties by unit id). */
  worst: { unit: RankedUnit; cents: number; loss: number }[];
}

function tally(into: ItemTally, unit: RankedUnit, cents: number, maxCents: number): void {
  into.maxCents = Math.max(into.maxCents, maxCents);
  into.maxSumCents += maxCents;
  into.unitsScored++;
  if (cents >= maxCents) return;
  into.unitsLosing++;
  into.lostCents += maxCents - cents;
  const loss = maxCents - cents;
  const worse = (w: ItemTally["worst"][number]) => w.loss < loss || (w.loss === loss && w.unit.unit > unit.unit);
  const at = into.worst.findIndex(worse);
  into.worst.splice(at === -1 ? into.worst.length : at, 0, { unit, cents, loss });
  if (into.worst.length > WORST) into.worst.pop();
}

/** `visible`: the unit ids the caller may see, or null for all (admin). */
export async function computeAnalysis(db: D1Database, periodId: string, visible: Set<string> | null, now: Date): Promise<Analysis> {
  const scope = await periodScope(db, periodId);
  const snapshot = await rankingSnapshot(db, periodId, now, { timeless: true });
  const units = rankedUnits({ ...snapshot, rows: snapshot.rows.filter((r) => r.submitted && (visible === null || visible.has(r.unit))) });
  const effective = await effectiveItemsOf(db, periodId, scope.set, visible === null ? null : units.map((u) => u.unit));
  const tallies = new Map<string, ItemTally>();
  for (const unit of units) {
    for (const [code, cents, maxCents] of effective.get(unit.unit) ?? []) {
      let t = tallies.get(code);
      if (!t) tallies.set(code, (t = { maxCents: 0, maxSumCents: 0, unitsScored: 0, unitsLosing: 0, lostCents: 0, worst: [] }));
      tally(t, unit, cents, maxCents);
    }
  }
  const index = indexCriteria(scope.set);
  const order = new Map(index.leaves.map((l, i) => [l.code, i]));
  const items: AnalysisItem[] = [...tallies]
    .filter(([, t]) => t.maxCents > 0)
    .map(([code, t]) => {
      const node = index.byCode.get(code);
      return {
        code,
        title: node?.title ?? code,
        field: node?.field.code ?? code.split(".")[0]!,
        kind: node?.rule.kind ?? "manual",
        max: fromCents(t.maxCents),
        unitsScored: t.unitsScored,
        unitsLosing: t.unitsLosing,
        pointsLost: fromCents(t.lostCents),
        shareLost: t.maxSumCents > 0 ? round4(t.lostCents / t.maxSumCents) : 0,
        worstUnits: t.worst.map((w) => ({ unit: w.unit.unit, unitName: w.unit.unitName, score: fromCents(w.cents) })),
      };
    })
    .sort((a, b) => b.shareLost - a.shareLost || b.pointsLost - a.pointsLost || (order.get(a.code) ?? 0) - (order.get(b.code) ?? 0));
  return { period: periodId, year: scope.period.year, unitType: scope.set.unitType, units: units.length, items, fields: fieldDistributions(snapshot.head, units) };
}
