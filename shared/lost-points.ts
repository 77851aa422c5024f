import type { CriteriaSet } from "./criteria-schema.ts";
import { indexCriteria, type CriteriaNode } from "./criteria-tree.ts";
import type { Finding, Locale } from "./findings.ts";
import type { ItemScore, Report } from "./report.ts";
import { combineScores } from "./combine-scores.ts";
import { countCents } from "./computed-rules.ts";
import { bandHolds, percentShown, ratioBandFor, ratioBandsBestFirst, ratioBounds, scoredPercent } from "./ratio-bands.ts";
import type { RatioBand } from "./criteria-shape.ts";
import { fromCents, toCents } from "./decimal.ts";
import { ruleText } from "./rule-text.ts";

/**
 * "Vì sao mất điểm?" — why each item scores what it does, for every rule kind
 * (CRITERIA-FORMAT.md §6 "Messages"): for ratio and count items the declared data, the band
 * or count reached and the next step up; best-of parents, floors, penalties, conditions and
 * "không phát sinh / không áp dụng" too, with the item's findings beside.
 */
export interface PointsExplanation {
  code: string;
  title: string;
  /** Where to go in the workbook (the score cell). */
  cell: string | null;
  /** Points below the item's maximum (a penalty counts in full; 0 for an item marked not applicable). */
  lost: number;
  /** How the rule gave this score: the data, the band or count reached, the next step up. */
  reasons: string[];
  /** The messages of the item's findings (what to fix). */
  findings: string[];
}

export function explainLostPoints(report: Report, set: CriteriaSet, locale: Locale): PointsExplanation[] {
  const index = indexCriteria(set);
  const items = new Map(report.items.map((i) => [i.code, i]));
  const combined = combineScores(index, new Map(report.items.map((i) => [i.code, { cents: toCents(i.scoreIfConditionMet ?? i.score), excluded: i.notApplicable }])), { surveyImported: report.survey.imported });
  const findingsOf = (code: string) => report.findings.filter((f) => f.criterion === code).map((f) => f.message);
  // A row missing from the table (deleted, or never added) is said as such, not as a blank cell to fill.
  const missingRows = new Set(report.findings.filter((f) => f.code === "MISSING_CRITERION" && f.criterion).map((f) => f.criterion!));
  const t = ruleText(locale);
  const out: (PointsExplanation & { order: number })[] = [];
  const scoreOf = (node: CriteriaNode) => combined.items.get(node.code)!;
  // A best-of parent, or a parent held at its floor, is explained as one: its children's points
  // do not add up to what it lost.
  const isGroup = (node: CriteriaNode) => !node.isLeaf && (node.item.combine === "best" || (node.item.floor !== undefined && scoreOf(node).cents === toCents(node.item.floor)));
  const inGroup = (node: CriteriaNode) => {
    for (let n = node.parent; n; n = n.parent) if (isGroup(n)) return true;
    return false;
  };
  index.nodes.forEach((node, order) => {
    if (node.rule.kind === "survey" || inGroup(node) || (!node.isLeaf && !isGroup(node))) return;
    const item = items.get(node.code);
    const { cents: scoreCents, maxCents } = scoreOf(node);
    const lost = node.inAdjustment ? Math.max(0, -scoreCents) : item?.notApplicable ? 0 : maxCents - scoreCents;
    const marked = item && (item.notApplicable || item.nothingArose);
    if (lost <= 0 && !marked) return;
    const own = report.findings.filter((f) => f.criterion === node.code);
    const reasons = node.isLeaf
      ? missingRows.has(node.code)
        ? [t.missingRow(node.item.max ?? 0)]
        : leafReasons(node, item!, scoreCents, own, t)
      : [...groupReasons(node, combined.items, t), ...node.leaves.flatMap((l) => dataReasons(l, items.get(l.code), t).map((r) => `${l.code}: ${r}`))];
    // A leaf's own score cell; a parent's row is not in the report, and its first child's cell
    // is not where its score stands (CF2-5): its children's data lines name their own cells.
    const cell = node.isLeaf ? (item?.cell ?? null) : null;
    const findings = [node, ...(node.isLeaf ? [] : node.leaves)].flatMap((n) => findingsOf(n.code));
    out.push({ code: node.code, title: node.title, cell, lost: fromCents(lost), reasons, findings, order });
  });
  return out.sort((a, b) => b.lost - a.lost || a.order - b.order).map(({ order: _, ...e }) => e);
}

type Texts = ReturnType<typeof ruleText>;

/** How far below a count's clamp the next step up is looked for. */
const MAX_COUNT_STEPS = 10_000;

function leafReasons(node: CriteriaNode, item: ItemScore, scoreCents: number, findings: Finding[], t: Texts): string[] {
  const max = node.item.max ?? 0;
  const score = fromCents(scoreCents);
  const reasons: string[] = [];
  const evidence = findings.find((f) => f.code === "EVIDENCE_MISSING");
  if (item.notApplicable) return [t.excluded];
  if (item.nothingArose) reasons.push(t.nothingArose);
  else if (node.rule.kind === "ratio" && item.percent !== undefined) reasons.push(...ratioReasons(node, item, t));
  else if (node.rule.kind === "count" && item.count !== undefined) reasons.push(...countReasons(node, item, t));
  else if (node.rule.kind === "ratio" || node.rule.kind === "count") reasons.push(t.noData(max));
  else reasons.push(t.typed(item.self, score, max, typedRefusal(node, findings, t)));
  // Points the data earned, refused for want of evidence (§3: points without evidence are not accepted);
  // so are those of "không phát sinh" when the criterion asks for evidence (CF1-6: the loss stood beside "đủ điểm" with no why).
  if ((node.rule.kind === "ratio" || node.rule.kind === "count" || item.nothingArose) && evidence) reasons.push(t.noEvidence(evidence.cell));
  if (item.scoreIfConditionMet !== undefined && node.item.requires) reasons.push(t.condition(node.item.requires.code, node.item.requires.atLeast, item.scoreIfConditionMet));
  if (scoreCents < 0) reasons.push(t.penalty(-score, node.item.min ?? 0));
  return reasons;
}

/**
 * A ratio or count leaf's declared data, band or count reached and next step up (§6 Messages):
 * inside a best or floored parent too, explained as one, where they had been left out (CF2-5).
 */
function dataReasons(node: CriteriaNode, item: ItemScore | undefined, t: Texts): string[] {
  if (!item || item.notApplicable || item.nothingArose) return [];
  if (node.rule.kind === "ratio" && item.percent !== undefined) return ratioReasons(node, item, t);
  if (node.rule.kind === "count" && item.count !== undefined) return countReasons(node, item, t);
  return [];
}

/** Why a typed score counts 0, from the finding that refused it (CF1-6: "Tự chấm 2/2, được tính 0." said no why). */
function typedRefusal(node: CriteriaNode, findings: Finding[], t: Texts): string | undefined {
  const rule = node.rule;
  for (const f of findings) {
    if (f.code === "EVIDENCE_MISSING") return t.why.evidence(f.cell);
    if (f.code === "SCORE_OVER_MAX") return t.why.overMax(node.item.max ?? 0);
    if (f.code === "SCORE_NEGATIVE") return t.why.belowMin(node.item.min ?? 0);
    if (f.code === "SCORE_STEP") return rule.kind === "choice" ? t.why.options(rule.options) : t.why.step(rule.kind === "manual" ? rule.step : 0.01);
  }
  return undefined;
}

function ratioReasons(node: CriteriaNode, item: ItemScore, t: Texts): string[] {
  const rule = node.rule;
  if (rule.kind !== "ratio" || item.percent === undefined) return [];
  const declared = t.declared(percentShown(item.percent, ratioBounds(rule)), item.numerator, item.denominator, item.dataCell, item.dataRest === true, item.dataEarlyCell, item.percentBound);
  const points = fromCents(toCents(item.scoreIfConditionMet ?? item.score));
  if (rule.proportional) return [t.proportional(declared, rule.target ?? 100, points, node.item.max ?? 0)];
  const scored = scoredPercent(item.percent, item.percentBound);
  const reached = ratioBandFor(rule, scored);
  const next = [...ratioBandsBestFirst(rule.bands ?? [])].reverse().find((b) => b.points > (reached?.points ?? 0) && !bandHolds(b, scored));
  return [t.band(declared, reached && bandLabel(reached, t), reached?.points ?? 0, node.item.max ?? 0), ...(next ? [t.nextBand(bandLabel(next, t), next.points)] : [])];
}

function bandLabel(band: RatioBand, t: Texts): string {
  return band.above !== undefined ? t.above(band.above) : t.from(band.min ?? 0);
}

function countReasons(node: CriteriaNode, item: ItemScore, t: Texts): string[] {
  const rule = node.rule;
  if (rule.kind !== "count" || item.count === undefined) return [];
  const max = node.item.max ?? 0;
  const min = node.item.min ?? 0;
  const points = fromCents(countCents(rule, min, max, item.count));
  // The next step up is the nearest count that scores more: below a clamp at min, one fewer late
  // report may still give nothing (5 → 4 at 2 − 0,5 each is 0; 3 gives 0,5).
  let step = item.count;
  let next: number | null = null;
  for (let i = 0; i < MAX_COUNT_STEPS; i++) {
    step = rule.each > 0 ? step + 1 : step - 1;
    if (step < 0) break;
    const points2 = fromCents(countCents(rule, min, max, step));
    if (points2 > points) {
      next = points2;
      break;
    }
    if (rule.each > 0) break;
  }
  return [t.count(item.count, rule.each, rule.base, points, max, item.dataCell), ...(next !== null ? [t.nextCount(step, next)] : [])];
}

/** A best-of parent (its alternatives) or a parent held at its floor (its parts and the floor). */
function groupReasons(parent: CriteriaNode, scores: Map<string, { cents: number; maxCents: number }>, t: Texts): string[] {
  const parts = parent.children.map((c) => ({ code: c.code, score: fromCents(scores.get(c.code)!.cents), max: fromCents(toCents(c.item.max ?? 0)) }));
  const floor = parent.item.floor;
  const held = floor !== undefined && scores.get(parent.code)!.cents === toCents(floor);
  return [parent.item.combine === "best" ? t.best(parts) : t.parts(parts), ...(held ? [t.floor(parent.code, floor)] : [])];
}
