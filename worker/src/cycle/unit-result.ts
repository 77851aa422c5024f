import { combineVectors, leafVectors, toCents, type CombinedVectors, type CriteriaIndex, type Report } from "../../../shared/index.ts";
import type { ReviewStatus } from "./review-workflow.ts";

/**
 * A unit's result in a period as the ranking counts it, computed with the engine's own
 * combineScores (CRITERIA-FORMAT.md §3, §6) — never by adding leaf scores up, since a
 * criteria set may combine leaves by best-of, floors, conditions, "không phát sinh" and the
 * survey rescale. The leaves that count:
 *   - self-assessed leaves: the server's score of the latest version before conditions, or,
 *     once a reviewer appraised the unit (any status), the appraised score where one was given. An
 *     appraised score is the item's own score: a condition (`requires`) still applies on top,
 *     so appraising the named item down can zero the conditioned one, as in the workbook;
 *   - survey leaves: the imported survey score (0 when none); `whenSurveyAbsent: "rescale"`
 *     applies only when no survey score at all was imported for the PERIOD (§6): once any unit
 *     has one, a unit without is counted 0 on the survey, never rescaled above surveyed units;
 *   - an item the unit marked "không áp dụng" stays out of every maximum above it, unless a
 *     reviewer appraised it: then it counts with the appraised score.
 * A unit without a version counts only its survey scores (basis "none"): the fields that hold
 * them carry their sub-index, the others null (no data, not 0 %). Likewise a field made only of
 * survey items is null for a unit with no survey score in it: not yet imported (or not in the
 * survey) is no data, shown as the survey column's "Chưa nhập", never a 0 % sub-index beside the
 * others — though the total still counts those items 0 where §6 says so.
 */
export interface UnitEntry {
  total: number;
  max: number;
  fields: Record<string, number | null>;
  /** The latest version's server score, self-assessable part (survey left out, bonus and deductions in). */
  selfScore: number | null;
  /** The same with the reviewers' appraised scores put in; null before any item is appraised. */
  appraisedScore: number | null;
  survey: { score: number; max: number; imported: boolean };
  basis: "appraised" | "submission" | "none";
  submitted: boolean;
}

/** [code, cents, max cents] of a leaf after conditions: what analysis and history read per criterion. */
export type EffectiveItem = [code: string, cents: number, maxCents: number];

/**
 * The effective items in the form ranking_units.items stores (migration 0010): per leaf of the
 * set, in set order, its cents after conditions, or null where it does not count. The code and
 * the maximum (a counted leaf's own max) come from the set, which a period never changes.
 */
export type ItemCents = (number | null)[];

export interface UnitResult {
  percent: number;
  band: string | null;
  status: ReviewStatus;
  entry: UnitEntry;
  /** Self-assessed leaves not marked "không áp dụng" and survey leaves with an imported score; no bonus or deduction. */
  itemCents: ItemCents;
}

/**
 * A unit's leaf scores by node index (the criteria index's numbering): accepted cents before
 * conditions, "không áp dụng", and whether the unit has a score for the item at all. Thousands
 * of units are combined in this form, with no map or object per item.
 */
export interface LeafInputs {
  cents: Float64Array;
  excluded: Uint8Array;
  present: Uint8Array;
}

export function emptyLeafInputs(index: CriteriaIndex): LeafInputs {
  return { ...leafVectors(index), present: new Uint8Array(index.nodes.length) };
}

export interface UnitInputs {
  /** The latest version's leaves (accepted cents before conditions); null when the unit has no version. */
  leaves: LeafInputs | null;
  /** Appraised cents by code. */
  appraised: ReadonlyMap<string, number>;
  /** Imported survey cents by code. */
  survey: ReadonlyMap<string, number>;
  /** Was any survey score imported for the period, for any unit? (decides the rescale, §6) */
  periodSurveyed: boolean;
  status: ReviewStatus;
}

/** A stored report's leaves as the ranking combines them (the score before a condition zeroed it). */
export function leavesOfReport(index: CriteriaIndex, report: Pick<Report, "items">): LeafInputs {
  const out = emptyLeafInputs(index);
  for (const item of report.items) {
    const node = index.byCode.get(item.code);
    if (node) setLeaf(out, node.index, toCents(item.scoreIfConditionMet ?? item.score), item.notApplicable === true);
  }
  return out;
}

function setLeaf(leaves: LeafInputs, i: number, cents: number, excluded: boolean): void {
  leaves.cents[i] = cents;
  leaves.excluded[i] = excluded ? 1 : 0;
  leaves.present[i] = 1;
}

/**
 * `leaves` with the scores in `cents` (by code) put in. A score put in counts: an item the
 * unit marked "không áp dụng" that the council appraised is back in every maximum above it
 * with the appraised score (the council's reading wins; accepting unchanged leaves such an
 * item unappraised, review-repository.ts). Survey items are never marked.
 */
function overlay(index: CriteriaIndex, leaves: LeafInputs, cents: ReadonlyMap<string, number>): LeafInputs {
  const out = { cents: leaves.cents.slice(), excluded: leaves.excluded.slice(), present: leaves.present.slice() };
  for (const [code, value] of cents) {
    const node = index.byCode.get(code);
    if (node) setLeaf(out, node.index, value, false);
  }
  return out;
}

/** Did the reviewers change nothing (every appraised score equal to the server's, none on an item marked "không áp dụng")? */
function sameAsServer(index: CriteriaIndex, leaves: LeafInputs, appraised: ReadonlyMap<string, number>): boolean {
  for (const [code, cents] of appraised) {
    const node = index.byCode.get(code);
    if (!node || leaves.present[node.index] !== 1 || leaves.excluded[node.index] === 1 || leaves.cents[node.index] !== cents) return false;
  }
  return true;
}

/**
 * Once a reviewer has appraised a unit, its index is the appraised one, whatever the status
 * (under review, returned, explained, final, reopened): ranking it on the self-score until
 * final published 87,5 % for a reopened 85,5 % result and let a unit returned for
 * explanation rank on its self-score by not answering (CYC1-3, CYC1-4). A unit never
 * appraised keeps its latest version's server score.
 */
const appraisedCounts = (input: UnitInputs): boolean => input.leaves !== null && input.appraised.size > 0;

/**
 * The leaf scores of a unit as the server scored them, with the appraised scores put in, and
 * the ones that count (the appraised ones once any is given); survey scores in all three.
 */
export function rankedLeaves(index: CriteriaIndex, input: UnitInputs): { server: LeafInputs; appraised: LeafInputs; counted: LeafInputs; surveyImported: boolean } {
  const server = input.survey.size === 0 ? (input.leaves ?? emptyLeafInputs(index)) : overlay(index, input.leaves ?? emptyLeafInputs(index), input.survey);
  const appraised = input.leaves && input.appraised.size > 0 && !sameAsServer(index, input.leaves, input.appraised) ? overlay(index, server, input.appraised) : server;
  return { server, appraised, counted: appraisedCounts(input) ? appraised : server, surveyImported: input.periodSurveyed || input.survey.size > 0 };
}

const combine = (index: CriteriaIndex, leaves: LeafInputs, surveyImported?: boolean): CombinedVectors => combineVectors(index, leaves.cents, leaves.excluded, { surveyImported });

export function unitResult(index: CriteriaIndex, input: UnitInputs): UnitResult {
  const { server, appraised, counted: leaves, surveyImported } = rankedLeaves(index, input);
  const counted = combine(index, leaves, surveyImported);
  const selfOf = (these: LeafInputs): number => (these === leaves ? counted : combine(index, these)).scores.selfAssessable.score;
  const scores = counted.scores;
  // `imported` says whether this unit has survey scores; the rescale (surveyImported) is decided per period.
  const survey = { score: scores.survey.score, max: scores.survey.max, imported: input.survey.size > 0 };
  const base = { percent: scores.percent, band: scores.band, status: input.status };
  if (!input.leaves) {
    // Nothing sent: only the fields holding its survey scores have data (their sub-index is what ranks it).
    const surveyed = new Set([...input.survey.keys()].map((code) => index.byCode.get(code)?.field.code));
    const fields = Object.fromEntries(scores.fields.map((f) => [f.code, surveyed.has(f.code) && !f.adjustment ? f.percent : null]));
    return { ...base, itemCents: [], entry: { total: scores.total, max: scores.max, fields, selfScore: null, appraisedScore: null, survey, basis: "none", submitted: false } };
  }
  const fields: Record<string, number | null> = {};
  const surveyOnly = surveyOnlyFields(index);
  const unsurveyed = (code: string): boolean => surveyOnly.get(code)?.every((leaf) => !input.survey.has(leaf)) ?? false;
  for (const f of scores.fields) fields[f.code] = f.adjustment || unsurveyed(f.code) ? null : f.percent;
  return {
    ...base,
    itemCents: countedItems(index, counted, leaves, input.survey),
    entry: {
      total: scores.total,
      max: scores.max,
      fields,
      selfScore: selfOf(server),
      appraisedScore: input.appraised.size > 0 ? selfOf(appraised) : null,
      survey,
      basis: appraisedCounts(input) ? "appraised" : "submission",
      submitted: true,
    },
  };
}

const surveyOnlyByIndex = new WeakMap<CriteriaIndex, Map<string, string[]>>();

/** The fields whose items (bonus and deductions aside) are all survey items, each with its survey leaves' codes. */
function surveyOnlyFields(index: CriteriaIndex): Map<string, string[]> {
  let fields = surveyOnlyByIndex.get(index);
  if (!fields) {
    fields = new Map();
    for (const field of index.fields) {
      const counted = field.leaves.filter((leaf) => !leaf.inAdjustment);
      if (counted.length > 0 && counted.every((leaf) => leaf.rule.kind === "survey")) fields.set(field.code, counted.map((leaf) => leaf.code));
    }
    surveyOnlyByIndex.set(index, fields);
  }
  return fields;
}

function countedItems(index: CriteriaIndex, counted: CombinedVectors, leaves: LeafInputs, survey: ReadonlyMap<string, number>): ItemCents {
  return index.leaves.map((leaf) => {
    if (leaf.inAdjustment || leaves.excluded[leaf.index] === 1) return null;
    if (leaf.rule.kind === "survey" && !survey.has(leaf.code)) return null;
    return counted.cents[leaf.index]!;
  });
}

/** The effective items of stored or fresh ItemCents. */
export function effectiveItems(index: CriteriaIndex, itemCents: ItemCents): EffectiveItem[] {
  const out: EffectiveItem[] = [];
  itemCents.forEach((cents, k) => {
    const leaf = index.leaves[k];
    if (cents !== null && leaf) out.push([leaf.code, cents, toCents(leaf.item.max ?? 0)]);
  });
  return out;
}
