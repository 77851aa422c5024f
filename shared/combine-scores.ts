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
  const rescaled = index.set.whenSurveyAbsent === "rescale" && options.surveyImported !== true;
  const all = evaluate(index, leaves, () => false);
  const own = evaluate(index, leaves, (leaf) => leaf.rule.kind === "survey");
  const totals = (view: Evaluation, surveyOut: boolean) => {
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
  const items = new Map(index.nodes.map((node) => [node.code, { cents: all.cents(node), maxCents: all.maxCents(node) }]));
  return {
    total: fromCents(total.score),
    max: fromCents(total.max),
    percent,
    band: bandFor(index.set, percent),
    selfAssessable: part(self.score, self.max),
    survey: part(surveyScore, surveyMax),
    fields,
    items,
    unmet: all.unmet,
  };
}

/** The total alone, in cents (what combineScores reports as `total`): the planner tries many fixes. */
export function combinedTotalCents(index: CriteriaIndex, leaves: ReadonlyMap<string, LeafScore>): number {
  const all = evaluate(index, leaves, () => false);
  return index.fields.reduce((acc, field) => acc + all.cents(field), 0);
}

interface Evaluation {
  cents(node: CriteriaNode): number;
  maxCents(node: CriteriaNode): number;
  unmet: UnmetRequirement[];
}

/** Accepted scores and maxima of one view of the tree (`left out`: leaves treated as absent). */
function evaluate(index: CriteriaIndex, leaves: ReadonlyMap<string, LeafScore>, leftOut: (leaf: CriteriaNode) => boolean): Evaluation {
  const scores = new Map<CriteriaNode, number>();
  const maxima = new Map<CriteriaNode, number>();
  const unmet: UnmetRequirement[] = [];
  const exclusions = new Map<CriteriaNode, boolean>();
  const excluded = (node: CriteriaNode): boolean => {
    let out = exclusions.get(node);
    if (out === undefined) {
      out = node.isLeaf ? leftOut(node) || leaves.get(node.code)?.excluded === true : node.children.every(excluded);
      exclusions.set(node, out);
    }
    return out;
  };
  const counted = (node: CriteriaNode) => node.children.filter((child) => !excluded(child));

  const maxCents = (node: CriteriaNode): number => {
    let max = maxima.get(node);
    if (max === undefined) {
      if (excluded(node)) max = 0;
      else if (node.isLeaf) max = toCents(node.item.max ?? 0);
      else {
        const children = counted(node).map(maxCents);
        max = node.item.combine === "best" ? Math.max(...children) : children.reduce((a, b) => a + b, 0);
      }
      maxima.set(node, max);
    }
    return max;
  };

  const cents = (node: CriteriaNode): number => {
    let score = scores.get(node);
    if (score === undefined) {
      // A guard, not a rule: the schema refuses circles, so only an unchecked set gets here twice.
      scores.set(node, 0);
      score = excluded(node) ? 0 : node.isLeaf ? leafCents(node) : parentCents(node);
      scores.set(node, score);
    }
    return score;
  };

  const leafCents = (leaf: CriteriaNode): number => {
    const raw = leaves.get(leaf.code)?.cents ?? 0;
    const requires = leaf.item.requires;
    const target = requires && index.byCode.get(requires.code);
    if (!requires || !target) return raw;
    const reached = cents(target);
    if (reached >= toCents(requires.atLeast)) return raw;
    if (raw > 0) unmet.push({ code: leaf.code, target: requires.code, atLeast: requires.atLeast, reached: fromCents(reached), lost: fromCents(raw) });
    return 0;
  };

  const parentCents = (parent: CriteriaNode): number => {
    const children = counted(parent).map(cents);
    const combined = parent.item.combine === "best" ? Math.max(...children) : children.reduce((a, b) => a + b, 0);
    const floor = parent.item.floor;
    return floor === undefined ? combined : Math.max(combined, toCents(floor));
  };

  return { cents, maxCents, unmet };
}
