import type { CriteriaNode } from "./criteria-tree.ts";
import type { FindingCode } from "./findings.ts";
import type { ItemScore, Report } from "./report.ts";
import { bandHolds, bandThreshold, ratioBandsBestFirst, ratioPoints, scoredPercent } from "./ratio-bands.ts";
import { countCents } from "./computed-rules.ts";
import { fromCents, toCents } from "./decimal.ts";

/** What a fix needs (target-planner.ts): shown to the unit with its figures. */
export type PlanNeeds =
  | { kind: "evidence"; lost: number; finding: "EVIDENCE_MISSING" }
  | {
      kind: "score";
      from: number;
      to: number;
      /** Next allowed value above the current score (choice options, manual steps). */
      next?: number;
      evidenceRequired: boolean;
      /** Why the current score counts less than typed, when a finding says so. */
      finding?: FindingCode;
    }
  | {
      kind: "ratio";
      mode: "bands" | "proportional";
      /** Declared percentage now (null when DATA_MISSING). */
      fromPercent: number | null;
      /** The declared rate is written as under or over `fromPercent` ("gần 100%": ItemScore.percentBound). */
      fromBound?: "below" | "above";
      /** Percentage that gives full points (top band threshold or proportional target). */
      toPercent: number;
      /** The top band is "trên" (strictly more than `toPercent`). */
      strict?: boolean;
      /** The nearest higher band: its threshold and what it alone regains. */
      next?: { percent: number; gain: number; strict?: boolean };
      evidenceRequired: boolean;
      finding?: FindingCode;
    }
  | {
      kind: "count";
      /** Declared count now (null when DATA_MISSING). */
      fromCount: number | null;
      /** Count that gives full points (0 for a deduction per counted item). */
      toCount: number;
      /** One more counted item (or one fewer, for a deduction) and what it alone regains. */
      next?: { count: number; gain: number };
      evidenceRequired: boolean;
      finding?: FindingCode;
    };

/** One leaf's fix: the leaf's score (before conditions) once fixed. */
export interface Candidate {
  node: CriteriaNode;
  item: ItemScore;
  /** Set order, for deterministic ties. */
  order: number;
  /** The leaf's score now, before conditions (`requires`), in cents. */
  rawCents: number;
  fixedCents: number;
  needs: PlanNeeds;
}

const FIXABLE_FINDINGS: FindingCode[] = [
  "MISSING_CRITERION", "SCORE_BLANK", "SCORE_NOT_NUMBER", "SCORE_OVER_MAX", "SCORE_NEGATIVE", "SCORE_STEP",
  "NOT_APPLICABLE_NOT_ALLOWED", "FORMULA_ERROR", "DATA_MISSING",
];

function firstFinding(report: Report, code: string, among: FindingCode[]): FindingCode | undefined {
  return report.findings.find((f) => f.criterion === code && among.includes(f.code))?.code;
}

/** The leaf's score before an unmet condition took it, in cents. */
export function rawCentsOf(item: ItemScore): number {
  return toCents(item.scoreIfConditionMet ?? item.score);
}

/**
 * The one fix of a leaf that regains the most, or null. Candidates are self-assessed leaves
 * (not survey, not bonus/deduction, not "không áp dụng"):
 * - EVIDENCE_MISSING → cite evidence; regains the score the engine set to 0;
 * - manual/choice → raise the score to the maximum (the next allowed value shown as a step);
 * - ratio with bands → reach the top band ("trên 90%" needs strictly more than 90); the next band is shown;
 * - proportional ratio → reach the rule's target percentage;
 * - count → the count that gives the maximum (0 for a deduction per item); one step shown.
 */
export function candidateFor(report: Report, node: CriteriaNode, item: ItemScore, order: number): Candidate | null {
  const rule = node.rule;
  if (rule.kind === "survey" || node.inAdjustment || item.notApplicable) return null;
  const max = toCents(node.item.max ?? 0);
  const rawCents = rawCentsOf(item);
  const evidenceRequired = node.item.evidence?.required === true;
  const finding = firstFinding(report, node.code, FIXABLE_FINDINGS);
  const withFinding = <T extends object>(needs: T): T => (finding ? { ...needs, finding } : needs);
  const make = (fixedCents: number, needs: PlanNeeds): Candidate | null => (fixedCents > rawCents ? { node, item, order, rawCents, fixedCents, needs } : null);

  if (firstFinding(report, node.code, ["EVIDENCE_MISSING"])) {
    // The typed (or computed, or "không phát sinh") score was accepted but zeroed for lack of evidence.
    const lost = item.nothingArose
      ? max
      : rule.kind === "ratio"
        ? item.percent === undefined ? 0 : toCents(ratioPoints(rule, node.item.max ?? 0, scoredPercent(item.percent, item.percentBound)))
        : rule.kind === "count"
          ? item.count === undefined ? 0 : countCents(rule, node.item.min ?? 0, node.item.max ?? 0, item.count)
          : typeof item.self === "number" ? toCents(item.self) : 0;
    return make(lost, { kind: "evidence", lost: fromCents(lost), finding: "EVIDENCE_MISSING" });
  }

  if (rule.kind === "ratio") {
    const fromPercent = item.percent ?? null;
    const fromBound = item.percentBound === undefined ? {} : { fromBound: item.percentBound };
    if (rule.proportional) return make(max, withFinding({ kind: "ratio", mode: "proportional", fromPercent, ...fromBound, toPercent: rule.target ?? 100, evidenceRequired }));
    const bands = ratioBandsBestFirst(rule.bands ?? []);
    const best = Math.max(...bands.map((b) => toCents(b.points)));
    const top = bands.filter((b) => toCents(b.points) === best).at(-1)!;
    const needs: Extract<PlanNeeds, { kind: "ratio" }> = { kind: "ratio", mode: "bands", fromPercent, ...fromBound, toPercent: bandThreshold(top), evidenceRequired };
    if (top.above !== undefined) needs.strict = true;
    // The nearest band above the current one: the lowest-ranked band that gives more and does not hold now.
    const next = [...bands].reverse().find((b) => toCents(b.points) > rawCents && (fromPercent === null || !bandHolds(b, scoredPercent(fromPercent, item.percentBound))));
    if (next && next !== top) needs.next = { percent: bandThreshold(next), gain: fromCents(toCents(next.points) - rawCents), ...(next.above !== undefined ? { strict: true } : {}) };
    return make(best, withFinding(needs));
  }

  if (rule.kind === "count") {
    const min = node.item.min ?? 0;
    const each = toCents(rule.each);
    const toCount = each > 0 ? Math.ceil((max - toCents(rule.base)) / each) : 0;
    const needs: Extract<PlanNeeds, { kind: "count" }> = { kind: "count", fromCount: item.count ?? null, toCount, evidenceRequired };
    if (item.count !== undefined) {
      const step = each > 0 ? item.count + 1 : item.count - 1;
      const gain = countCents(rule, min, node.item.max ?? 0, step) - rawCents;
      if (step !== toCount && gain > 0) needs.next = { count: step, gain: fromCents(gain) };
    }
    return make(max, withFinding(needs));
  }

  let next: number | undefined;
  if (rule.kind === "choice") {
    next = rule.options.map(toCents).filter((o) => o > rawCents).sort((a, b) => a - b).map(fromCents)[0];
  } else {
    const step = toCents(rule.step);
    next = fromCents(Math.min(max, (Math.floor(rawCents / step) + 1) * step));
  }
  const needs: Extract<PlanNeeds, { kind: "score" }> = { kind: "score", from: fromCents(rawCents), to: fromCents(max), evidenceRequired };
  if (next !== undefined && toCents(next) < max) needs.next = next;
  return make(max, withFinding(needs));
}
