import type { CriteriaIndex, CriteriaNode } from "./criteria-tree.ts";
import type { FieldScore } from "./report.ts";
import { bandFor } from "./bands.ts";
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
  const tree = combineTree(index, (leaf) => leaves.get(leaf.code), options);
  const items = new Map(index.nodes.map((node) => [node.code, { cents: tree.cents(node), maxCents: tree.maxCents(node) }]));
  const { unmet, ...scores } = tree.scores;
  return { ...scores, items, unmet };
}

/** A leaf's score by its node (scoreWorkbook keeps them by node index; others by code). */
export type LeafScoreOf = (leaf: CriteriaNode) => LeafScore | undefined;

/** What combineScores reports but the per-item map, and the accepted score and maximum of any node (in cents). */
export interface CombinedTree {
  scores: Omit<CombinedScores, "items">;
  cents(node: CriteriaNode): number;
  maxCents(node: CriteriaNode): number;
}

/** combineScores without a map per item: the engine asks the tree for the items it reports. */
export function combineTree(index: CriteriaIndex, leafScore: LeafScoreOf, options: CombineOptions = {}): CombinedTree {
  const rescaled = index.set.whenSurveyAbsent === "rescale" && options.surveyImported !== true;
  const all = new TreeView(index, leafScore);
  const own = new TreeView(index, leafScore, (leaf) => leaf.rule.kind === "survey", all);
  const totals = (view: TreeView, surveyOut: boolean) => {
    let score = 0;
    let max = 0;
    for (const field of index.fields) {
      score += view.cents(field);
      if (!field.inAdjustment) max += surveyOut ? own.maxCents(field) : view.maxCents(field);
    }
    return { score, max };
  };
  const total = totals(all, rescaled);
  const self = totals(own, true);
  const percent = clamp(percentOf(total.score, total.max), 0, 100);
  const surveyLeaves = index.leaves.filter((l) => l.rule.kind === "survey" && !l.inAdjustment);
  const surveyScore = surveyLeaves.reduce((a, l) => a + all.cents(l), 0);
  const surveyMax = surveyLeaves.reduce((a, l) => a + all.maxCents(l), 0);
  const part = (score: number, max: number): PartScore => ({ score: fromCents(score), max: fromCents(max), percent: clamp(percentOf(score, max), 0, 100) });

  const fields: FieldScore[] = index.fields.map((field) => {
    const score = all.cents(field);
    const max = rescaled ? own.maxCents(field) : all.maxCents(field);
    const entry: FieldScore = { code: field.code, title: field.title, score: fromCents(score), max: fromCents(max), percent: field.inAdjustment ? 0 : clamp(percentOf(score, max), 0, 100) };
    if (field.inAdjustment) entry.adjustment = true;
    return entry;
  });
  const scores = {
    total: fromCents(total.score),
    max: fromCents(total.max),
    percent,
    band: bandFor(index.set, percent),
    selfAssessable: part(self.score, self.max),
    survey: part(surveyScore, surveyMax),
    fields,
    unmet: all.unmet,
  };
  return { scores, cents: (node) => all.cents(node), maxCents: (node) => all.maxCents(node) };
}

/** The total alone, in cents (what combineScores reports as `total`): the planner tries many fixes. */
export function combinedTotalCents(index: CriteriaIndex, leaves: ReadonlyMap<string, LeafScore>): number {
  const all = new TreeView(index, (leaf) => leaves.get(leaf.code));
  return index.fields.reduce((acc, field) => acc + all.cents(field), 0);
}

const UNKNOWN = -1;
const NO = 0;
const YES = 1;

/**
 * Accepted scores and maxima of one view of the tree, memoised per node in arrays at the
 * node's index (`leftOut`: leaves treated as absent, e.g. the survey items for the
 * self-assessable part).
 */
class TreeView {
  private readonly scores: Float64Array;
  private readonly maxima: Float64Array;
  /** Per node: UNKNOWN, NO or YES. */
  private readonly exclusions: Int8Array;
  readonly unmet: UnmetRequirement[] = [];

  /** Nodes with a left-out leaf below; elsewhere this view is the `like` view. */
  private readonly touched: Uint8Array;

  constructor(
    private readonly index: CriteriaIndex,
    private readonly leafScore: LeafScoreOf,
    private readonly leftOut: (leaf: CriteriaNode) => boolean = () => false,
    private readonly like?: TreeView,
  ) {
    const n = index.nodes.length;
    // NaN: not computed yet (every computed score and maximum is a whole number of cents).
    this.scores = new Float64Array(n).fill(NaN);
    this.maxima = new Float64Array(n).fill(NaN);
    this.exclusions = new Int8Array(n).fill(UNKNOWN);
    this.touched = new Uint8Array(n);
    if (like) {
      const touch = (leaf: CriteriaNode) => {
        for (let node: CriteriaNode | null = leaf; node && !this.touched[node.index]; node = node.parent) this.touched[node.index] = 1;
      };
      for (const leaf of index.leaves) if (leftOut(leaf)) touch(leaf);
      // A leaf whose condition names a touched item is touched too (chains: until nothing changes).
      for (let changed = true; changed; ) {
        changed = false;
        for (const leaf of index.leaves) {
          const target = leaf.item.requires && index.byCode.get(leaf.item.requires.code);
          if (target && this.touched[target.index] && !this.touched[leaf.index]) {
            touch(leaf);
            changed = true;
          }
        }
      }
    }
  }

  excluded(node: CriteriaNode): boolean {
    if (this.like && !this.touched[node.index]) return this.like.excluded(node);
    const known = this.exclusions[node.index]!;
    if (known !== UNKNOWN) return known === YES;
    let out: boolean;
    if (node.isLeaf) out = this.leftOut(node) || this.leafScore(node)?.excluded === true;
    else {
      out = true;
      for (const child of node.children) if (!this.excluded(child)) out = false;
    }
    this.exclusions[node.index] = out ? YES : NO;
    return out;
  }

  maxCents(node: CriteriaNode): number {
    if (this.like && !this.touched[node.index]) return this.like.maxCents(node);
    let max = this.maxima[node.index]!;
    if (Number.isNaN(max)) {
      if (this.excluded(node)) max = 0;
      else if (node.isLeaf) max = toCents(node.item.max ?? 0);
      else max = this.combine(node, "max");
      this.maxima[node.index] = max;
    }
    return max;
  }

  cents(node: CriteriaNode): number {
    if (this.like && !this.touched[node.index]) return this.like.cents(node);
    let score = this.scores[node.index]!;
    if (Number.isNaN(score)) {
      // A guard, not a rule: the schema refuses circles, so only an unchecked set gets here twice.
      this.scores[node.index] = 0;
      if (this.excluded(node)) score = 0;
      else if (node.isLeaf) score = this.leafCents(node);
      else {
        const combined = this.combine(node, "score");
        score = node.item.floor === undefined ? combined : Math.max(combined, toCents(node.item.floor));
      }
      this.scores[node.index] = score;
    }
    return score;
  }

  /** The children's scores or maxima (those not left out), summed, or the greatest for a best-of parent. */
  private combine(parent: CriteriaNode, of: "score" | "max"): number {
    const best = parent.item.combine === "best";
    let acc = best ? -Infinity : 0;
    for (const child of parent.children) {
      if (this.excluded(child)) continue;
      const v = of === "score" ? this.cents(child) : this.maxCents(child);
      acc = best ? Math.max(acc, v) : acc + v;
    }
    return acc;
  }

  private leafCents(leaf: CriteriaNode): number {
    const raw = this.leafScore(leaf)?.cents ?? 0;
    const requires = leaf.item.requires;
    const target = requires && this.index.byCode.get(requires.code);
    if (!requires || !target) return raw;
    const reached = this.cents(target);
    if (reached >= toCents(requires.atLeast)) return raw;
    if (raw > 0) this.unmet.push({ code: leaf.code, target: requires.code, atLeast: requires.atLeast, reached: fromCents(reached), lost: fromCents(raw) });
    return 0;
  }
}
