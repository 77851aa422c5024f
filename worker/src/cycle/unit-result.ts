import { combineScores, toCents, type CombinedScores, type CriteriaIndex, type LeafScore, type Report } from "../../../shared/index.ts";
import type { ReviewStatus } from "./review-workflow.ts";

/**
 * A unit's result in a period as the ranking counts it, computed with the engine's own
 * combineScores (CRITERIA-FORMAT.md §3, §6) — never by adding leaf scores up, since a
 * criteria set may combine leaves by best-of, floors, conditions, "không phát sinh" and the
 * survey rescale. The leaves that count:
 *   - self-assessed leaves: the server's score of the latest version before conditions, or,
 *     once the appraisal is final, the appraised score where a reviewer gave one. An
 *     appraised score is the item's own score: a condition (`requires`) still applies on top,
 *     so appraising the named item down can zero the conditioned one, as in the workbook;
 *   - survey leaves: the imported survey score (0 when none); `whenSurveyAbsent: "rescale"`
 *     applies when the unit has no survey score at all;
 *   - an item the unit marked "không áp dụng" stays out of every maximum above it.
 * A unit without a version counts only its survey scores (basis "none").
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

export interface UnitResult {
  percent: number;
  band: string | null;
  status: ReviewStatus;
  entry: UnitEntry;
  /** Self-assessed leaves not marked "không áp dụng" and survey leaves with an imported score; no bonus or deduction. */
  items: EffectiveItem[];
}

export interface UnitInputs {
  /** The latest version's leaves (accepted cents before conditions); null when the unit has no version. */
  leaves: ReadonlyMap<string, LeafScore> | null;
  /** Appraised cents by code. */
  appraised: ReadonlyMap<string, number>;
  /** Imported survey cents by code. */
  survey: ReadonlyMap<string, number>;
  status: ReviewStatus;
}

/** A stored report's leaves as combineScores takes them (the score before a condition zeroed it). */
export function leavesOfReport(report: Pick<Report, "items">): Map<string, LeafScore> {
  return new Map(report.items.map((i) => [i.code, { cents: toCents(i.scoreIfConditionMet ?? i.score), excluded: i.notApplicable }]));
}

function overlay(leaves: ReadonlyMap<string, LeafScore>, cents: ReadonlyMap<string, number>): Map<string, LeafScore> {
  const out = new Map(leaves);
  for (const [code, value] of cents) out.set(code, { cents: value, excluded: leaves.get(code)?.excluded });
  return out;
}

/** Did the reviewers change nothing (every appraised score equal to the server's)? */
const sameAsServer = (leaves: ReadonlyMap<string, LeafScore>, appraised: ReadonlyMap<string, number>): boolean =>
  [...appraised].every(([code, cents]) => leaves.get(code)?.cents === cents);

/**
 * The leaf scores of a unit as the server scored them, with the appraised scores put in, and
 * the ones that count (the appraised ones once final); survey scores in all three.
 */
export function rankedLeaves(input: UnitInputs): { server: Map<string, LeafScore>; appraised: Map<string, LeafScore>; counted: Map<string, LeafScore>; surveyImported: boolean } {
  const server = input.leaves ? overlay(input.leaves, input.survey) : new Map([...input.survey].map(([code, cents]) => [code, { cents }]));
  const appraised = input.leaves && input.appraised.size > 0 && !sameAsServer(input.leaves, input.appraised) ? overlay(server, input.appraised) : server;
  return { server, appraised, counted: input.status === "final" ? appraised : server, surveyImported: input.survey.size > 0 };
}

export function unitResult(index: CriteriaIndex, input: UnitInputs): UnitResult {
  const { server, appraised, counted: leaves, surveyImported: imported } = rankedLeaves(input);
  const final = input.status === "final";
  const counted = combineScores(index, leaves, { surveyImported: imported });
  const selfOf = (these: Map<string, LeafScore>): number => (these === leaves ? counted : combineScores(index, these)).selfAssessable.score;
  const survey = { score: counted.survey.score, max: counted.survey.max, imported };
  const base = { percent: counted.percent, band: counted.band, status: input.status };
  if (!input.leaves) {
    const fields = Object.fromEntries(index.fields.map((f) => [f.code, null]));
    return { ...base, items: [], entry: { total: counted.total, max: counted.max, fields, selfScore: null, appraisedScore: null, survey, basis: "none", submitted: false } };
  }
  return {
    ...base,
    items: effectiveItems(index, counted, input.leaves, input.survey),
    entry: {
      total: counted.total,
      max: counted.max,
      fields: Object.fromEntries(counted.fields.map((f) => [f.code, f.adjustment ? null : f.percent])),
      selfScore: selfOf(server),
      appraisedScore: input.appraised.size > 0 ? selfOf(appraised) : null,
      survey,
      basis: final ? "appraised" : "submission",
      submitted: true,
    },
  };
}

function effectiveItems(index: CriteriaIndex, counted: CombinedScores, leaves: ReadonlyMap<string, LeafScore>, survey: ReadonlyMap<string, number>): EffectiveItem[] {
  const out: EffectiveItem[] = [];
  for (const leaf of index.leaves) {
    if (leaf.inAdjustment || leaves.get(leaf.code)?.excluded) continue;
    if (leaf.rule.kind === "survey" && !survey.has(leaf.code)) continue;
    const scored = counted.items.get(leaf.code)!;
    out.push([leaf.code, scored.cents, scored.maxCents]);
  }
  return out;
}
