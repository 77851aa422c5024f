import type { CriteriaIndex, CriteriaNode } from "./criteria-tree.ts";
import type { FieldScore } from "./report.ts";
import { bandAmong, bandsBestFirst } from "./bands.ts";
import { clamp, fromCents, percentOf, toCents } from "./decimal.ts";

/**
 * The one way leaf scores become item, field and total scores (CRITERIA-FORMAT.md §3, §6),
 * used by scoreWorkbook and by anyone holding leaf scores from elsewhere (the Worker's
 * appraised scores): a parent sums its children's accepted scores (`best`: takes the greatest),
 * then is raised to its `floor`; a leaf with `requires` counts 0 unless the named item reaches
 * `atLeast`; a leaf marked not applicable under "exclude" leaves every maximum above it; with
 * `whenSurveyAbsent: "rescale"` and no survey score imported, the survey items leave the
 * maximum too. All in integer cents.
 */

export interface LeafScore {
  /** Accepted score in cents (after the evidence check), before conditions (`requires`). */
  cents: number;
  /** Marked "không áp dụng" under notApplicable "exclude". */
  excluded?: boolean | undefined;
}

export interface CombineOptions {
  /** Whether any survey score was imported (for `whenSurveyAbsent: "rescale"`). */
  surveyImported?: boolean | undefined;
}

export interface PartScore {
  score: number;
  max: number;
  percent: number;
}

/** A condition (`requires`) that took a positive score away from a leaf. */
export interface UnmetRequirement {
  code: string;
  target: string;
  atLeast: number;
  /** The named item's accepted score. */
  reached: number;
  /** The score the leaf would have had. */
  lost: number;
}

export interface CombinedScores {
  total: number;
  max: number;
  percent: number;
  band: string | null;
  /** The same without survey items, bonus and deductions included (what a unit controls before the survey). */
  selfAssessable: PartScore;
  /** The survey items alone (their full maximum, even when rescaled away). */
  survey: PartScore;
  fields: FieldScore[];
  /** Accepted score and maximum of every item in cents: leaves after conditions, parents after best/floor. */
  items: Map<string, { cents: number; maxCents: number }>;
  unmet: UnmetRequirement[];
}

export function combineScores(index: CriteriaIndex, leaves: ReadonlyMap<string, LeafScore>, options: CombineOptions = {}): CombinedScores {
  const { cents, excluded } = vectorsOf(index, (leaf) => leaves.get(leaf.code));
  const combined = combineVectors(index, cents, excluded, options);
  const items = new Map(index.nodes.map((node) => [node.code, { cents: combined.cents[node.index]!, maxCents: combined.maxCents[node.index]! }]));
  const { unmet, ...scores } = combined.scores;
  return { ...scores, items, unmet };
}

/** Leaf inputs by node index, zeroed, for combineVectors (entries of parents are not read). */
export function leafVectors(index: CriteriaIndex): { cents: Float64Array; excluded: Uint8Array } {
  return { cents: new Float64Array(index.nodes.length), excluded: new Uint8Array(index.nodes.length) };
}

function vectorsOf(index: CriteriaIndex, leafScore: (leaf: CriteriaNode) => LeafScore | undefined): { cents: Float64Array; excluded: Uint8Array } {
  const vectors = leafVectors(index);
  for (const leaf of index.leaves) {
    const score = leafScore(leaf);
    vectors.cents[leaf.index] = score?.cents ?? 0;
    vectors.excluded[leaf.index] = score?.excluded === true ? 1 : 0;
  }
  return vectors;
}

/** What combineScores reports, with every node's accepted score and maximum by node index (cents). */
export interface CombinedVectors {
  scores: Omit<CombinedScores, "items">;
  cents: Float64Array;
  maxCents: Float64Array;
}

/**
 * combineScores over leaf inputs by node index (`cents`, accepted before conditions; `excluded`,
 * 1 where marked "không áp dụng"): the form the Worker combines thousands of units in, with
 * no map and no object per item.
 */
export function combineVectors(index: CriteriaIndex, cents: ArrayLike<number>, excluded: ArrayLike<number>, options: CombineOptions = {}): CombinedVectors {
  const plan = planOf(index);
  const unmet: UnmetRequirement[] = [];
  const all = evaluate(plan, cents, excluded, false, unmet);
  // Without survey items the self-assessable view is the same tree.
  const own = plan.surveyLeafCount === 0 ? all : evaluate(plan, cents, excluded, true, null);
  const rescaled = index.set.whenSurveyAbsent === "rescale" && options.surveyImported !== true;
  let totalScore = 0;
  let totalMax = 0;
  let selfScore = 0;
  let selfMax = 0;
  const fields: FieldScore[] = [];
  for (const field of index.fields) {
    const i = field.index;
    const score = all.score[i]!;
    const max = rescaled ? own.max[i]! : all.max[i]!;
    totalScore += score;
    selfScore += own.score[i]!;
    if (!field.inAdjustment) (totalMax += max), (selfMax += own.max[i]!);
    const entry: FieldScore = { code: field.code, title: field.title, score: fromCents(score), max: fromCents(max), percent: clamp(percentOf(score, max), 0, 100) };
    if (field.inAdjustment) entry.adjustment = true;
    fields.push(entry);
  }
  let surveyScore = 0;
  let surveyMax = 0;
  for (const i of plan.surveyLeaves) (surveyScore += all.score[i]!), (surveyMax += all.max[i]!);
  const percent = clamp(percentOf(totalScore, totalMax), 0, 100);
  const part = (score: number, max: number): PartScore => ({ score: fromCents(score), max: fromCents(max), percent: clamp(percentOf(score, max), 0, 100) });
  const scores = {
    total: fromCents(totalScore),
    max: fromCents(totalMax),
    percent,
    band: bandAmong(plan.bands, percent),
    selfAssessable: part(selfScore, selfMax),
    survey: part(surveyScore, surveyMax),
    fields,
    unmet,
  };
  return { scores, cents: all.score, maxCents: all.max };
}

/** The total alone, in cents (what combineScores reports as `total`): the planner tries many fixes. */
export function combinedTotalCents(index: CriteriaIndex, leaves: ReadonlyMap<string, LeafScore>): number {
  const { cents, excluded } = vectorsOf(index, (leaf) => leaves.get(leaf.code));
  const all = evaluate(planOf(index), cents, excluded, false, null);
  return index.fields.reduce((acc, field) => acc + all.score[field.index]!, 0);
}

/**
 * A criteria tree compiled once into flat arrays by node index, so that combining a unit's
 * leaves is three loops over typed arrays: exclusions and maxima from the leaves up, then
 * scores in `scoreOrder`.
 */
interface CombinePlan {
  index: CriteriaIndex;
  isLeaf: Uint8Array;
  isSurvey: Uint8Array;
  /** Children of node i: childList[childStart[i] .. childStart[i + 1]). */
  childStart: Int32Array;
  childList: Int32Array;
  best: Uint8Array;
  /** Floor in cents; NaN where none. */
  floor: Float64Array;
  leafMax: Float64Array;
  /** The node a leaf's condition names (-1: none, or no such code), and the cents it must reach. */
  requires: Int32Array;
  atLeast: Float64Array;
  /**
   * Every node once, each after the nodes its score reads: a parent after its children, a
   * conditioned leaf after the item it names — the order a depth-first walk of the fields
   * finishes them in, so conditions not met are found in the order the set lists them. In a
   * circle (only an unchecked set has one: the schema refuses them) the node read first is
   * read as 0.
   */
  scoreOrder: Int32Array;
  /** Survey leaves outside the bonus and deduction part. */
  surveyLeaves: Int32Array;
  surveyLeafCount: number;
  bands: CriteriaIndex["set"]["bands"];
}

const plans = new WeakMap<CriteriaIndex, CombinePlan>();

function planOf(index: CriteriaIndex): CombinePlan {
  let plan = plans.get(index);
  if (!plan) plans.set(index, (plan = compilePlan(index)));
  return plan;
}

function compilePlan(index: CriteriaIndex): CombinePlan {
  const n = index.nodes.length;
  const plan: CombinePlan = {
    index,
    isLeaf: new Uint8Array(n),
    isSurvey: new Uint8Array(n),
    childStart: new Int32Array(n + 1),
    childList: new Int32Array(Math.max(0, n - index.fields.length)),
    best: new Uint8Array(n),
    floor: new Float64Array(n).fill(NaN),
    leafMax: new Float64Array(n),
    requires: new Int32Array(n).fill(-1),
    atLeast: new Float64Array(n),
    scoreOrder: new Int32Array(n),
    surveyLeaves: Int32Array.from(index.leaves.filter((l) => l.rule.kind === "survey" && !l.inAdjustment).map((l) => l.index)),
    surveyLeafCount: index.leaves.filter((l) => l.rule.kind === "survey").length,
    bands: bandsBestFirst(index.set),
  };
  let next = 0;
  for (const node of index.nodes) {
    const i = node.index;
    plan.childStart[i] = next;
    for (const child of node.children) plan.childList[next++] = child.index;
    plan.isLeaf[i] = node.isLeaf ? 1 : 0;
    plan.best[i] = node.item.combine === "best" ? 1 : 0;
    if (node.item.floor !== undefined) plan.floor[i] = toCents(node.item.floor);
    if (node.isLeaf) {
      plan.isSurvey[i] = node.rule.kind === "survey" ? 1 : 0;
      plan.leafMax[i] = toCents(node.item.max ?? 0);
      const requires = node.item.requires;
      const target = requires && index.byCode.get(requires.code);
      if (requires && target) (plan.requires[i] = target.index), (plan.atLeast[i] = toCents(requires.atLeast));
    }
  }
  plan.childStart[n] = next;
  const state = new Uint8Array(n); // 0 not seen, 1 being walked, 2 done
  let at = 0;
  const walk = (i: number): void => {
    if (state[i] !== 0) return;
    state[i] = 1;
    if (plan.isLeaf[i]) {
      if (plan.requires[i]! >= 0) walk(plan.requires[i]!);
    } else for (let c = plan.childStart[i]!; c < plan.childStart[i + 1]!; c++) walk(plan.childList[c]!);
    state[i] = 2;
    plan.scoreOrder[at++] = i;
  };
  for (const field of index.fields) walk(field.index);
  return plan;
}

interface View {
  excluded: Uint8Array;
  max: Float64Array;
  score: Float64Array;
}

/**
 * One view of the tree: accepted scores and maxima of every node (`surveyOut`: survey leaves
 * treated as absent, for the self-assessable part). Conditions not met are added to `unmet`.
 */
function evaluate(plan: CombinePlan, cents: ArrayLike<number>, excludedIn: ArrayLike<number>, surveyOut: boolean, unmet: UnmetRequirement[] | null): View {
  const { isLeaf, childStart, childList, best } = plan;
  const n = isLeaf.length;
  const excluded = new Uint8Array(n);
  const max = new Float64Array(n);
  const score = new Float64Array(n);
  // Set order lists a parent before its children: backwards, every child comes first.
  for (let i = n - 1; i >= 0; i--) {
    if (isLeaf[i]) {
      const out = excludedIn[i] === 1 || (surveyOut && plan.isSurvey[i] === 1);
      excluded[i] = out ? 1 : 0;
      max[i] = out ? 0 : plan.leafMax[i]!;
      continue;
    }
    const takeBest = best[i] === 1;
    let acc = takeBest ? -Infinity : 0;
    let none = 1;
    for (let c = childStart[i]!, end = childStart[i + 1]!; c < end; c++) {
      const child = childList[c]!;
      if (excluded[child]) continue;
      none = 0;
      acc = takeBest ? Math.max(acc, max[child]!) : acc + max[child]!;
    }
    excluded[i] = none;
    max[i] = none ? 0 : acc;
  }
  const { scoreOrder, requires } = plan;
  for (let k = 0; k < scoreOrder.length; k++) {
    const i = scoreOrder[k]!;
    if (excluded[i]) continue;
    if (isLeaf[i]) {
      const raw = cents[i]!;
      const target = requires[i]!;
      if (target >= 0 && score[target]! < plan.atLeast[i]!) {
        if (raw > 0 && unmet) unmet.push(unmetRequirement(plan.index.nodes[i]!, score[target]!, raw));
        continue;
      }
      score[i] = raw;
      continue;
    }
    const takeBest = best[i] === 1;
    let acc = takeBest ? -Infinity : 0;
    for (let c = childStart[i]!, end = childStart[i + 1]!; c < end; c++) {
      const child = childList[c]!;
      if (excluded[child]) continue;
      acc = takeBest ? Math.max(acc, score[child]!) : acc + score[child]!;
    }
    const floor = plan.floor[i]!;
    score[i] = Number.isNaN(floor) ? acc : Math.max(acc, floor);
  }
  return { excluded, max, score };
}

function unmetRequirement(leaf: CriteriaNode, reachedCents: number, rawCents: number): UnmetRequirement {
  const requires = leaf.item.requires!;
  return { code: leaf.code, target: requires.code, atLeast: requires.atLeast, reached: fromCents(reachedCents), lost: fromCents(rawCents) };
}
