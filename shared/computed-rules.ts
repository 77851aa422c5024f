import type { CriteriaNode } from "./criteria-tree.ts";
import type { CountRule, RatioRule } from "./criteria-shape.ts";
import type { DeclaredRatio } from "./values.ts";
import type { FindingInput } from "./messages.ts";
import type { Declared } from "./leaf-data.ts";
import type { LeafResult, TypedSelf } from "./leaf-result.ts";
import { clamp, toCents } from "./decimal.ts";
import { percentShown, ratioBounds, ratioPoints, scoredPercent } from "./ratio-bands.ts";

/**
 * Ratio and count leaves score what their declared data gives (CRITERIA-FORMAT.md §3, §6);
 * they need no self-score, and a typed one that differs is a warning at the score cell
 * (RATIO_SCORE_MISMATCH, COMPUTED_SCORE_MISMATCH). Without usable data: 0 and DATA_MISSING.
 */
export function scoreComputed(
  node: CriteriaNode,
  declared: Exclude<Declared, { kind: "nothing-arose" }>,
  typed: TypedSelf,
  selfAddress: string | undefined,
  findings: FindingInput[],
  /** A data cell holding a formula saved without its value, said rather than DATA_MISSING. */
  uncalculated?: { formula: string; address: string | undefined },
  /** The data is a result over a plan (LeafInput.dataOverPlan): it may pass it. */
  overPlan = false,
): LeafResult {
  const rule = node.rule;
  // A bonus or deduction row left blank, or scored 0, is none — as an absent one is (CRITERIA-FORMAT
  // §2): "Vi phạm bị nhắc nhở" with no violation has no count to declare. Scored otherwise, its data
  // is asked for. A deduction inside a criterion ("trừ 0,5 điểm mỗi báo cáo chậm") is a count leaf
  // like any other: without usable data it scores 0 (DATA_MISSING, §6), and the message says to write 0.
  const none = rule.kind === "count" ? countCents(rule, node.item.min ?? 0, node.item.max ?? 0, 0) : 0;
  const scoredAsNone = typed.self === null || (typeof typed.self === "number" && (typed.self === 0 || toCents(typed.self) === none));
  if (declared.kind === "missing" && node.inAdjustment && !declared.error && !declared.asDate && scoredAsNone) {
    return { self: typed.self, notApplicable: false, nothingArose: false, cents: none, findings };
  }
  if (declared.kind === "missing") {
    if (declared.error) findings.push({ code: "FORMULA_ERROR", criterion: node.code, cell: declared.error.address, params: { value: declared.error.text } });
    else if (uncalculated) findings.push({ code: "FORMULA_NOT_CALCULATED", criterion: node.code, cell: uncalculated.address, params: { formula: uncalculated.formula, cellKind: "data" } });
    else findings.push({ code: "DATA_MISSING", criterion: node.code, cell: declared.address ?? selfAddress, params: { kind: rule.kind, inNote: declared.inNote ? "yes" : undefined, asDate: declared.asDate ? "yes" : undefined, shown: declared.shownDate, value: declared.notCount, deduction: rule.kind === "count" && rule.each < 0 ? "yes" : undefined, full: node.item.notApplicable === "full" ? "yes" : undefined, unclear: declared.unclear } });
    return { self: typed.self, notApplicable: false, nothingArose: false, cents: 0, findings };
  }
  const result: LeafResult = { self: typed.self, notApplicable: false, nothingArose: false, cents: 0, findings };
  if (declared.kind === "ratio" && rule.kind === "ratio") {
    const bound = declared.ratio.bound;
    result.cents = toCents(ratioPoints(rule, node.item.max ?? 0, scoredPercent(declared.ratio.percent, bound)));
    result.percent = declared.ratio.percent;
    if (bound === "below" || bound === "above") result.percentBound = bound;
    if (bound !== undefined) {
      findings.push({ code: "DATA_APPROXIMATE", criterion: node.code, cell: declared.address ?? selfAddress, params: { bound, written: declared.ratio.boundWritten, percent: percentShown(declared.ratio.percent, ratioBounds(rule)), computed: result.cents / 100 } });
    }
    if (declared.ratio.numerator !== undefined && declared.ratio.denominator !== undefined) {
      result.numerator = declared.ratio.numerator;
      result.denominator = declared.ratio.denominator;
    }
    if (declared.ratio.rest) result.dataRest = true;
    if (!overPlan) overWhole(node, rule, declared.ratio, declared.address ?? selfAddress, findings);
    countsBesideDiffer(node, rule, declared.ratio, result.cents, declared.address ?? selfAddress, findings);
  } else if (declared.kind === "count" && rule.kind === "count") {
    result.cents = countCents(rule, node.item.min ?? 0, node.item.max ?? 0, declared.n);
    result.count = declared.n;
  } else {
    throw new Error(`declared ${declared.kind} data for a ${rule.kind} rule`);
  }
  const cents = result.cents;
  result.computedCents = cents;
  if (declared.address !== undefined) result.dataAddress = declared.address;
  const self = typed.self;
  if (typed.error !== null) {
    findings.push({ code: "FORMULA_ERROR", criterion: node.code, cell: selfAddress, params: { value: typed.error } });
  } else if (self !== null && (typeof self !== "number" || toCents(self) !== cents)) {
    // A score the unit's formula carries past two decimals (2,784, shown 2,78) matches when it rounds to the computed one.
    const shown = typeof self === "number" ? self : String(self);
    findings.push(
      declared.kind === "ratio"
        ? { code: "RATIO_SCORE_MISMATCH", criterion: node.code, cell: selfAddress, params: { value: shown, computed: cents / 100, percent: percentShown(declared.ratio.percent, rule.kind === "ratio" ? ratioBounds(rule) : []), bound: declared.ratio.bound } }
        : { code: "COMPUTED_SCORE_MISMATCH", criterion: node.code, cell: selfAddress, params: { value: shown, computed: cents / 100, count: declared.n } },
    );
  }
  return result;
}

/**
 * A part over its whole ("22/20": 22 files on time of 20 received) is scored as written (a band
 * or a target caps it) but said (RATIO_OVER_100, warning, at the data cell): a reviewer reads it
 * as a typo or two columns mixed up, not as full points in silence. A rate over 100 % written as
 * such ("Đạt 107% chỉ tiêu", "Vượt 5% dự toán") is a plan exceeded and says nothing, as does a
 * rule whose bands or target lie above 100 %.
 */
function overWhole(node: CriteriaNode, rule: RatioRule, ratio: DeclaredRatio, cell: string | undefined, findings: FindingInput[]): void {
  if (ratio.beyondPlan || ratio.numerator === undefined || ratio.denominator === undefined || !(ratio.numerator > ratio.denominator)) return;
  const bounds = ratioBounds(rule);
  if (bounds.some((b) => b > 100)) return;
  findings.push({ code: "RATIO_OVER_100", criterion: node.code, cell, params: { percent: percentShown(ratio.percent, bounds), written: `${ratio.numerator}/${ratio.denominator}` } });
}

/**
 * A rate that scores otherwise than the counts it is of: a rate column's rate beside the counts in
 * the data cell ("18/20" | "95%": 90 % gives 1,5 points, 95 % gives 3), scored as the rate column
 * says (§6); or one cell that gives both — the "a/b" scored with a percentage written next to it
 * ("18/20 = 95%", §6: an "a/b" wins), the percentage scored with the counts named beside it ("Tổng
 * 20, đúng hạn 18, tỷ lệ 95%"). Said (RATE_DIFFERS_FROM_COUNTS, warning, at the rate's cell), naming
 * which was scored — a rate typed by hand and not updated, or counts of another period, as a
 * reviewer reads it. Readings that score alike, however rounded ("26/28" | "93%"), say nothing.
 */
function countsBesideDiffer(node: CriteriaNode, rule: RatioRule, ratio: DeclaredRatio, cents: number, cell: string | undefined, findings: FindingInput[]): void {
  const max = node.item.max ?? 0;
  const bounds = ratioBounds(rule);
  const counts = ratio.besideCounts ?? ratio.countsInCell;
  if (counts !== undefined) {
    const countsCents = toCents(ratioPoints(rule, max, counts.percent));
    if (countsCents === cents) return;
    const beside = ratio.besideCounts !== undefined;
    findings.push({
      code: "RATE_DIFFERS_FROM_COUNTS",
      criterion: node.code,
      cell,
      params: { percent: percentShown(ratio.percent, bounds), computed: cents / 100, counts: `${counts.numerator}/${counts.denominator}`, countsPercent: percentShown(counts.percent, bounds), countsPoints: countsCents / 100, countsCell: ratio.besideCounts?.address, scored: beside ? "rate" : "rateInCell" },
    });
    return;
  }
  if (ratio.statedPercent === undefined || ratio.numerator === undefined || ratio.denominator === undefined) return;
  const statedCents = toCents(ratioPoints(rule, max, ratio.statedPercent));
  if (statedCents === cents) return;
  findings.push({
    code: "RATE_DIFFERS_FROM_COUNTS",
    criterion: node.code,
    cell,
    params: { percent: percentShown(ratio.statedPercent, bounds), computed: statedCents / 100, counts: `${ratio.numerator}/${ratio.denominator}`, countsPercent: percentShown(ratio.percent, bounds), countsPoints: cents / 100, scored: "counts" },
  });
}

/** clamp(base + n × each, min, max), in cents. */
export function countCents(rule: CountRule, min: number, max: number, n: number): number {
  return clamp(toCents(rule.base) + n * toCents(rule.each), toCents(min), toCents(max));
}
