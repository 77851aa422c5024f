import type { CriteriaSet } from "./criteria-schema.ts";
import { indexCriteria } from "./criteria-tree.ts";
import type { Locale } from "./findings.ts";
import type { Rankable } from "./rank.ts";
import type { ItemScore, Report } from "./report.ts";
import { candidateFor, rawCentsOf, type Candidate, type PlanNeeds } from "./plan-candidates.ts";
import { FixSearch, type ChosenFix } from "./plan-search.ts";
import { headline, itemMessage } from "./plan-messages.ts";
import { clamp, fromCents, percentOf, toCents } from "./decimal.ts";

export type { PlanNeeds } from "./plan-candidates.ts";

/**
 * Target planner (issue 8, rules of issue 13): given a unit's report and a target — an index
 * percentage, a rank within a ranking, or both — the smallest set of criteria whose fix
 * reaches it, with what each fix needs. Each self-assessed leaf that lost points has one fix,
 * the one that regains the most (plan-candidates.ts). The index after a set of fixes is what
 * the engine's own combination (combineScores) gives for the fixed leaf scores, so best-of
 * parents, floors and conditions are respected; the maximum never changes.
 *
 * Everything runs in integer cents like the engine; the index is total/max·100 rounded
 * half up to two decimals, and a target is reached when that rounded index ≥ target.
 */

export type PlanTarget =
  | { percent: number }
  | {
      /** Rank to reach or beat (1 = first). */
      rank: number;
      /** The unit planned for, as it is named in `ranking` (its own entry is ignored). */
      unit: string;
      ranking: readonly Rankable[];
      /** Also reach this index (e.g. Lạng Sơn: ≥ 85 % and top 35): the stricter one applies. */
      percent?: number;
    };

export interface PlanItem {
  code: string;
  title: string;
  ruleKind: ItemScore["kind"];
  /** Points regained by the fix (given the plan's fixes listed before it in its group). */
  gain: number;
  needs: PlanNeeds;
  /** Criteria whose condition (`requires`) this fix meets. */
  unlocks?: string[];
  message: Record<Locale, string>;
}

export interface Plan {
  /** Index to reach (the rank target converted, see `rankToPercent`). */
  targetPercent: number;
  rank?: number;
  currentPercent: number;
  /** Points still missing to reach the target (0 when already reached). */
  shortfall: number;
  alreadyReached: boolean;
  reachable: boolean;
  /** The chosen fixes, largest gain first; every candidate when unreachable. */
  items: PlanItem[];
  gain: number;
  resultingPercent: number;
  /** Number of leaves that could be fixed at all. */
  candidates: number;
  message: Record<Locale, string>;
}

/**
 * The index a unit needs for rank `rank`: ranking is competition ranking (ties share a
 * rank, "1, 2, 2, 4"), so it is enough to TIE the unit now r-th among the others — then
 * at most r − 1 units are strictly above. Below that percentage, r units are strictly
 * above. Fewer than r other units: any index will do (0). The others are held fixed.
 */
export function rankToPercent(rank: number, unit: string, ranking: readonly Rankable[]): number {
  const others = ranking
    .filter((e) => e.unit !== unit)
    .map((e) => toCents(e.percent))
    .sort((a, b) => b - a);
  if (rank < 1) return Infinity;
  const rival = others[Math.floor(rank) - 1];
  return rival === undefined ? 0 : fromCents(rival);
}

/** The index with `extra` cents added, as the engine computes it. */
function indexCents(totalCents: number, maxCents: number, extra: number): number {
  return toCents(clamp(percentOf(totalCents + extra, maxCents), 0, 100));
}

/** Least gain in cents that makes the rounded index reach `targetCents`, or null. */
function requiredGain(totalCents: number, maxCents: number, targetCents: number): number | null {
  if (indexCents(totalCents, maxCents, 0) >= targetCents) return 0;
  const hi = Math.max(0, maxCents - totalCents);
  if (indexCents(totalCents, maxCents, hi) < targetCents) return null;
  let lo = 0;
  let up = hi;
  while (up - lo > 1) {
    const mid = Math.floor((lo + up) / 2);
    if (indexCents(totalCents, maxCents, mid) >= targetCents) up = mid;
    else lo = mid;
  }
  return up;
}

/**
 * Choose the fewest candidates whose gains reach `needCents`; among those, the largest total.
 *
 * Exact for any number of candidates, by an exchange argument: sort gains descending,
 * g1 ≥ g2 ≥ …. Any j candidates sum to at most g1 + … + gj, so if that prefix is below
 * the need no j-set reaches it; the least k whose prefix reaches it is the minimum count.
 * Among k-sets the prefix g1 + … + gk is also the largest total, so it is the preferred
 * set; no search over combinations is needed (the test checks this against brute force).
 * Equal gains are broken by criteria-set order, so the answer is deterministic.
 */
export function chooseFixes<T extends { gainCents: number; order: number }>(candidates: readonly T[], needCents: number): T[] | null {
  const sorted = [...candidates].sort((a, b) => b.gainCents - a.gainCents || a.order - b.order);
  const chosen: T[] = [];
  let sum = 0;
  for (const c of sorted) {
    if (sum >= needCents) break;
    chosen.push(c);
    sum += c.gainCents;
  }
  return sum >= needCents ? chosen : null;
}

/** Plan the fixes that bring `report` to `target`. Never throws on report content. */
export function planTarget(report: Report, set: CriteriaSet, target: PlanTarget): Plan {
  const index = indexCriteria(set);
  const rank = "rank" in target ? target.rank : undefined;
  const fromRank = "rank" in target ? rankToPercent(target.rank, target.unit, target.ranking) : 0;
  const targetPercent = Math.max(fromRank, target.percent ?? 0);
  const targetCents = Number.isFinite(targetPercent) ? toCents(targetPercent) : Infinity;

  const search = new FixSearch(index, new Map(report.items.map((i) => [i.code, { cents: rawCentsOf(i), excluded: i.notApplicable }])));
  const totalCents = search.total([]);
  const maxCents = toCents(report.max);
  const candidates: (Candidate & { code: string })[] = [];
  report.items.forEach((item, order) => {
    const node = index.byCode.get(item.code);
    const c = node?.isLeaf ? candidateFor(report, node, item, order) : null;
    if (c) candidates.push({ ...c, code: c.node.code });
  });

  const need = targetCents > 100_00 ? null : requiredGain(totalCents, maxCents, targetCents);
  const chosen = need === null ? null : chooseInGroups(search, candidates, need);
  const reachable = chosen !== null;
  const picked = chosen ?? search.groups(candidates).flatMap((group) => search.inGainOrder(group));
  const gainCents = picked.reduce((acc, c) => acc + c.gainCents, 0);
  const currentCents = indexCents(totalCents, maxCents, 0);
  const alreadyReached = currentCents >= targetCents;
  const resultingPercent = fromCents(indexCents(totalCents, maxCents, gainCents));
  const shortfallCents = need ?? Math.max(0, Math.ceil(((targetCents / 100_00) * maxCents) - totalCents));

  const items: PlanItem[] = [...picked]
    .sort((a, b) => b.gainCents - a.gainCents || a.fix.order - b.fix.order)
    .map(({ fix, gainCents: g }) => {
      const gain = fromCents(g);
      const unlocks = index.leaves.filter((l) => l.item.requires && (fix.code === l.item.requires.code || fix.code.startsWith(`${l.item.requires.code}.`))).map((l) => l.code);
      const item: PlanItem = { code: fix.code, title: fix.node.title, ruleKind: fix.item.kind, gain, needs: fix.needs, message: { vi: "", en: "" } };
      if (unlocks.length > 0) item.unlocks = unlocks;
      item.message = { vi: itemMessage(item, "vi"), en: itemMessage(item, "en") };
      return item;
    });

  const plan: Plan = {
    targetPercent: Number.isFinite(targetPercent) ? targetPercent : 100_00,
    currentPercent: report.percent,
    shortfall: fromCents(shortfallCents),
    alreadyReached,
    reachable,
    items: alreadyReached ? [] : items,
    gain: alreadyReached ? 0 : fromCents(gainCents),
    resultingPercent: alreadyReached ? report.percent : resultingPercent,
    candidates: candidates.length,
    message: { vi: "", en: "" },
  };
  if (rank !== undefined) plan.rank = rank;
  plan.message = { vi: headline(plan, "vi"), en: headline(plan, "en") };
  return plan;
}

/**
 * Fixes that never interact add their gains: the greedy choice is exact for them (see
 * chooseFixes). Fixes that interact are searched group by group (FixSearch.choose).
 */
function chooseInGroups<F extends Candidate & { code: string }>(search: FixSearch, candidates: F[], needCents: number): ChosenFix<F>[] | null {
  const groups = search.groups(candidates);
  if (groups.some((g) => g.length > 1)) return search.choose(candidates, needCents);
  const alone = groups.map(([fix]) => ({ fix: fix!, gainCents: search.gain([fix!]), order: fix!.order }));
  return chooseFixes(alone.filter((c) => c.gainCents > 0), needCents);
}
