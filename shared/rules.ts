import type { CriteriaNode } from "./criteria-tree.ts";
import type { GridCell } from "./grid.ts";
import type { FindingInput } from "./messages.ts";
import { fromCents, isWholeHundredths, toCents } from "./decimal.ts";
import { formatDateVi, isNotApplicableText, isPercentFormat, isTypedDate, parseNumberText, readCellNumber, serialDate } from "./values.ts";
import { declaredData, type DataCells, type Declared } from "./leaf-data.ts";
import { caseCells, declaredCase } from "./declared-case.ts";
import { cleanText, foldText } from "./text.ts";
import { measureOf } from "./rate-measure.ts";
import { scoreComputed } from "./computed-rules.ts";
import type { LeafResult, TypedSelf } from "./leaf-result.ts";

/** What the workbook says about one leaf. */
export interface LeafInput {
  node: CriteriaNode;
  self?: GridCell | undefined;
  selfAddress?: string | undefined;
  /** The data column (see DataCells). */
  data?: GridCell | undefined;
  dataAddress?: string | undefined;
  /** The rate column beside a count column, when the table has one. */
  rate?: GridCell | undefined;
  rateAddress?: string | undefined;
  /** The rate column gives the share not done or late, and the criterion's title does not ask for it (HeaderMatch.rateNotDone). */
  rateTurned?: boolean | undefined;
  /** A bare "Tỷ lệ" column right after the late or undone count (HeaderMatch.rateBesideNotDone). */
  rateBesideNotDone?: boolean | undefined;
  note?: GridCell | undefined;
  noteAddress?: string | undefined;
  /** Imported survey score, for survey leaves. */
  survey?: number | undefined;
  /** The data's denominator column is a plan (HeaderMatch.denominatorPlan): a result over it is no part over its whole. */
  dataOverPlan?: boolean | undefined;
  /** The first year of the period assessed (a figure naming an earlier year is last year's). */
  since?: number | undefined;
}

function typedSelf(cell: GridCell | undefined): TypedSelf {
  // "1.5" typed where Excel reads it as 1 May: a date, shown as the cell shows it, is not a score.
  if (isTypedDate(cell)) return { self: formatDateVi(serialDate(cell!.v as number)!), na: false, error: null, asDate: true };
  const read = readCellNumber(cell);
  // A formula's binary noise is not the unit's: =0.8+1.6+0.6 is 3.0000000000000004 stored, 3 shown and added (A1-1).
  if (read.kind === "number") return { self: isWholeHundredths(read.value) ? fromCents(toCents(read.value)) : read.value, na: false, error: null };
  if (read.kind === "error") return { self: read.text, na: false, error: read.text };
  if (read.kind === "text") return { self: read.text, na: isNotApplicableText(read.text), error: null };
  // A formula saved with no value (openpyxl) is not calculated; one Excel calculated to "" (`=IF(…,"",…)`, `<v/>`) is a blank cell.
  return cell?.f !== undefined && cell.v === undefined ? { self: null, na: false, error: null, uncalculated: cell.f } : { self: null, na: false, error: null };
}

/** The first rate or data cell holding a formula saved without its value (openpyxl, web exports). */
function uncalculatedData(input: LeafInput): { formula: string; address: string | undefined } | undefined {
  for (const [cell, address] of [[input.rate, input.rateAddress], [input.data, input.dataAddress]] as const) {
    if (cell?.f !== undefined && cell.v === undefined && cell.err === undefined) return { formula: cell.f, address };
  }
  return undefined;
}

/** What the data cell said that nothing arose ("0/0", "Không phát sinh"), as typed, for the message. */
function writtenAt(input: LeafInput, address: string | undefined): string | undefined {
  const cell = [[input.rate, input.rateAddress], [input.data, input.dataAddress], [input.note, input.noteAddress]].find(([, at]) => at === address)?.[0] as GridCell | undefined;
  const text = typeof cell?.v === "string" ? cleanText(cell.v) : undefined;
  return text && text.length <= 60 ? text : undefined;
}

/** The item's "không phát sinh" rule: notApplicable wins over the v1 `optional`. */
export function notApplicableMode(node: CriteriaNode): "full" | "exclude" | null {
  const own = node.item.notApplicable ?? (node.item.optional ? "exclude" : null);
  if (own) return own;
  // Under an optional parent (§1 "optional: true" on a criterion with sub-criteria) each sub-criterion may be marked so too.
  return optionalAncestor(node) ? "exclude" : null;
}

/** The nearest parent marked `optional: true`, whose whole max a unit may take out of the denominator. */
export function optionalAncestor(node: CriteriaNode): CriteriaNode | null {
  for (let up = node.parent; up; up = up.parent) if (up.item.optional) return up;
  return null;
}

/** Score one leaf by its rule (CRITERIA-FORMAT.md §3 and §6), before the evidence check and conditions. */
export function scoreLeaf(input: LeafInput): LeafResult {
  const { node } = input;
  const max = node.item.max ?? 0;
  const typed = typedSelf(input.self);
  const findings: FindingInput[] = [];

  if (node.rule.kind === "survey") {
    if (typed.self !== null) findings.push({ code: "SURVEY_SCORED", criterion: node.code, cell: input.selfAddress, params: { value: typed.self } });
    return leafResult(typed, toCents(Math.min(max, Math.max(0, input.survey ?? 0))), findings);
  }

  const kind = node.rule.kind;
  // A deduction per case reads its cells as cases: "một trường hợp" is 1, "… không phải kỷ luật" none (declared-case.ts).
  const cells = node.rule.kind === "count" && node.rule.each < 0 ? caseCells(dataCells(input), node.item.title) : dataCells(input);
  const declared = kind === "ratio" || kind === "count" ? declaredData(kind, cells, node.rule.kind !== "count" || node.rule.each < 0) : null;
  const inScoreCell = declared?.kind === "missing" && kind === "ratio" ? rateInScoreCell(declared, input, cells.measure) : null;
  if (inScoreCell) {
    // Read as the data, the rate is no self-score to compare with its own score; the report keeps it as typed.
    const result = scoreComputed(node, inScoreCell, { ...typed, self: null }, input.selfAddress, findings);
    return { ...result, self: typed.self };
  }
  const dataSaysNa = declared ? declared.kind === "nothing-arose" : typeof input.data?.v === "string" && isNotApplicableText(input.data.v);
  if (typed.na || dataSaysNa) {
    const mode = notApplicableMode(node);
    if (mode === "exclude") return { ...leafResult(typed, 0, findings), notApplicable: true };
    if (mode === "full") return { ...leafResult(typed, toCents(max), findings), nothingArose: true };
    // A deduction per late report that did not arise is none: the item keeps its base.
    if (node.rule.kind === "count" && node.rule.each < 0) return scoreComputed(node, { kind: "count", n: 0, address: declared?.address ?? input.dataAddress }, typed, input.selfAddress, findings);
    const where = typed.na ? input.selfAddress : (declared?.address ?? input.dataAddress);
    // A rate formula dividing by 0 on an item that must have cases is the formula's error, as Excel shows it.
    if (!typed.na && declared?.kind === "nothing-arose" && declared.byZero) findings.push({ code: "FORMULA_ERROR", criterion: node.code, cell: where, params: { value: "#DIV/0!" } });
    // The stable codes of v1 (§4): "N/A" in the score cell is no number, "0/0" or "Không phát
    // sinh" as the data no usable data; the message says the item cannot be marked so.
    // "Không phát sinh" typed is said as such (it is not "Không áp dụng"), with what to enter instead.
    else if (typed.na) {
      const arose = /phat sinh|^k\.?p\.?s$|^k ps$/.test(foldText(String(typed.self)).trim());
      findings.push({ code: "SCORE_NOT_NUMBER", criterion: node.code, cell: input.selfAddress, params: { value: String(typed.self), notApplicable: "yes", ...(arose ? { arose: "yes", max, ...levelsWithoutZero(node.rule) } : {}) } });
    }
    else findings.push({ code: "DATA_MISSING", criterion: node.code, cell: where ?? input.selfAddress, params: { kind, notApplicable: "yes", written: writtenAt(input, where) } });
    return leafResult(typed, 0, findings);
  }

  if (declared && declared.kind !== "nothing-arose") return scoreComputed(node, declared, typed, input.selfAddress, findings, uncalculatedData(input), input.dataOverPlan === true && declared.address === input.dataAddress);
  return scoreTyped(node, typed, input.selfAddress, findings, { ticked: typeof input.self?.v === "boolean" ? input.self.v : undefined, note: input.note, cells: dataCells(input) });
}

/**
 * A rate typed in a ratio leaf's score cell where no data cell holds any ("90%", 0,9 shown as
 * 90 %, "18/20" over a max that is not 20): the unit's declared data in the wrong column, read as
 * such — a ratio leaf needs no self-score (CRITERIA-FORMAT §1), and no score is written with a
 * percent sign. It had been DATA_MISSING, 0 points. "1,5/3" over a max of 3 stays the score
 * written over its max (pointsOutOfMax); a data cell holding anything keeps its own findings.
 */
function rateInScoreCell(missing: Extract<Declared, { kind: "missing" }>, input: LeafInput, measure: DataCells["measure"]): Extract<Declared, { kind: "ratio" }> | null {
  const cell = input.self;
  if (!cell || missing.error || missing.asDate || missing.typed || missing.unclear !== undefined) return null;
  const max = input.node.item.max ?? 0;
  const v = cell.v;
  const percent = (typeof v === "number" && isPercentFormat(cell.z)) || (typeof v === "string" && /%/.test(v) && /\d/.test(v));
  const fraction = typeof v === "string" ? /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(v) : null;
  if (!percent && !(fraction && Number(fraction[2]) > 0 && toCents(Number(fraction[2])) !== toCents(max))) return null;
  const none = { cell: undefined, address: undefined };
  const read = declaredData("ratio", { data: none, rate: { cell, address: input.selfAddress }, note: none, measure });
  return read.kind === "ratio" ? read : null;
}

/** What scoreTyped's messages say beside the score: a tick box typed in its cell, the note's words. */
interface TypedContext {
  /** The cell holds TRUE or FALSE — a tick box (Google Sheets', Excel's) or a comparison formula — which says "done", never how many points. */
  ticked?: boolean | undefined;
  note?: GridCell | undefined;
  /** The row's data and note: a blank deduction row may declare a case there. */
  cells?: DataCells;
}

/**
 * A note saying nothing arose ("Trong năm không phát sinh …", "… nên không áp dụng"): not a
 * declaration (CRITERIA-FORMAT §6: the words count in the score or data cell only, as prose in a
 * note may say it of a part of the item), but the blank score's message names the way to declare it.
 */
const NOTE_NOTHING_AROSE = /(?<![a-z])(?:khong|ko|chua) (?:phat sinh|ap dung|thuoc (?:doi tuong|dien))(?![a-z])/;
function noteSaysNothingArose(note: GridCell | undefined): string | undefined {
  const text = typeof note?.v === "string" ? cleanText(note.v) : "";
  if (text === "" || !NOTE_NOTHING_AROSE.test(foldText(text))) return undefined;
  return text.length <= 80 ? text : `${text.slice(0, 77)}…`;
}

function dataCells(input: LeafInput): DataCells {
  return {
    data: { cell: input.data, address: input.dataAddress },
    rate: { cell: input.rate, address: input.rateAddress, turned: input.rateTurned, besideNotDone: input.rateBesideNotDone },
    note: { cell: input.note, address: input.noteAddress },
    measure: measureOf(input.node.item.title, input.since),
  };
}

function leafResult(typed: TypedSelf, cents: number, findings: FindingInput[]): LeafResult {
  return { self: typed.self, notApplicable: false, nothingArose: false, cents, findings };
}

/** manual and choice: the self-score if valid, else 0 with an error (steps counted from 0). */
function scoreTyped(node: CriteriaNode, typed: TypedSelf, selfAddress: string | undefined, findings: FindingInput[], context: TypedContext = {}): LeafResult {
  const max = node.item.max ?? 0;
  const min = node.item.min ?? 0;
  const rule = node.rule;
  const at = { criterion: node.code, cell: selfAddress };
  if (typed.error !== null) {
    findings.push({ code: "FORMULA_ERROR", ...at, params: { value: typed.error } });
    return leafResult(typed, 0, findings);
  }
  // "-" on a bonus or deduction row (typed, or from =IF(…,"-",…)) is how offices write "none", as Excel's accounting format shows 0.
  if (node.inAdjustment && typeof typed.self === "string" && DASH.test(typed.self)) typed = { ...typed, self: null };
  // "1,5/2" on an item of 2 points: the score written over its max (pointsOutOfMax).
  if (typeof typed.self === "string" && !typed.asDate) {
    const points = pointsOutOfMax(typed.self, max) ?? pointsWithVerdict(typed.self) ?? pointsWithRemark(typed.self) ?? pointsWithFootnote(typed.self);
    if (points !== null) typed = { ...typed, self: points };
  }
  if (typed.self === null) {
    // A bonus or deduction row left blank claims nothing, as an absent one does (CRITERIA-FORMAT §4).
    if (typed.uncalculated !== undefined) findings.push({ code: "FORMULA_NOT_CALCULATED", ...at, params: { formula: typed.uncalculated } });
    else if (!node.inAdjustment) {
      const note = noteSaysNothingArose(context.note);
      const levels = levelsWithoutZero(rule);
      findings.push({ code: "SCORE_BLANK", ...at, params: note ? { max, note, mode: notApplicableMode(node) ?? "none", ...levels } : { max, ...levels } });
    } else reportDeclaredCase(node, at, context, findings, false);
    return leafResult(typed, 0, findings);
  }
  if (typeof typed.self === "string") {
    const tick = context.ticked === undefined ? {} : { tickBox: context.ticked ? "ticked" : "unticked", max };
    // On an item the unit may mark "Không áp dụng", a word not read as the mark ("Loại trừ") is answered with the mark, not "type a number" alone (0 keeps the max).
    const optional = notApplicableMode(node) === "exclude" && !typed.asDate && context.ticked === undefined ? { optional: "yes", max } : {};
    const levels = rule.kind === "choice" ? { options: rule.options } : {};
    findings.push({ code: "SCORE_NOT_NUMBER", ...at, params: { value: typed.self, asDate: typed.asDate ? "yes" : undefined, ...tick, ...optional, ...levels } });
    return leafResult(typed, 0, findings);
  }
  const value = typed.self;
  if (value === 0 && node.inAdjustment) reportDeclaredCase(node, at, context, findings, true);
  if (value > max) {
    // "0,5" on a deduction row (max 0) is over its max (§4), and the message asks whether "-0,5" was meant.
    const deduction = max === 0 && min < 0 && -value >= min;
    findings.push({ code: "SCORE_OVER_MAX", ...at, params: { value, max, deducted: deduction ? -value : undefined } });
    return leafResult(typed, 0, findings);
  }
  if (value < min) {
    findings.push({ code: "SCORE_NEGATIVE", ...at, params: { value, min } });
    return leafResult(typed, 0, findings);
  }
  const onScale =
    isWholeHundredths(value) &&
    (rule.kind === "choice" ? rule.options.some((o) => toCents(o) === toCents(value)) : rule.kind === "manual" && toCents(value) % toCents(rule.step) === 0);
  if (!onScale) {
    const scale = rule.kind === "choice" ? { options: rule.options } : { step: rule.kind === "manual" ? rule.step : 0.01 };
    findings.push({ code: "SCORE_STEP", ...at, params: { value, ...scale } });
    return leafResult(typed, 0, findings);
  }
  return leafResult(typed, toCents(value), findings);
}

const DASH = /^\s*[-–—]\s*$/u;

/** "1,5/2", "1,5 / 2 điểm", "2đ/2đ": points written over a figure — text, as Excel keeps "1,5/2" (a date only where both sides are whole). */
const OUT_OF = /^([+-]?[\d.,]+)\s*(?:điểm|đ)?\s*\/\s*([\d.,]+)\s*(?:điểm|đ)?\.?$/iu;

/**
 * A score written over the item's own max ("1,5/2" on an item of 2 points) is the score a clerk
 * writes out of its max: 1,5. Over another figure ("1/3" on an item of 2) it says nothing sure —
 * the points of a part, a count — and stays a text the unit is asked to type as a number.
 */
function pointsOutOfMax(text: string, max: number): number | null {
  const m = OUT_OF.exec(text.normalize("NFC").trim());
  if (!m) return null;
  const [points, of] = [parseNumberText(m[1]!), parseNumberText(m[2]!)];
  return points !== null && of !== null && of > 0 && toCents(of) === toCents(max) ? points : null;
}

/**
 * Points with the verdict they stand for: "1 (Đạt)", "Đạt (1 điểm)", "Đạt 1 điểm", "1 - Đạt",
 * "0 (Không đạt)" — how offices copy the scoring guide's "Đạt: 1 điểm; Không đạt: 0 điểm" into
 * the score cell. One number and the words of a verdict, nothing else; a verdict of not met with
 * points above 0 ("Không đạt (1 điểm)") says two things, and stays no number.
 */
function pointsWithVerdict(text: string): number | null {
  if (text.length > 40) return null;
  const folded = foldText(text.normalize("NFC")).trim();
  const numbers = folded.match(/[+-]?\d+(?:[.,]\d+)?/g);
  if (numbers?.length !== 1) return null;
  const words = folded.replace(numbers[0]!, " ").replace(/\b(diem|d)\b/g, " ").replace(/[()[\]:;,.\-–—]/g, " ").replace(/\s+/g, " ").trim();
  const verdict = VERDICT.exec(words);
  if (!verdict) return null;
  const points = parseNumberText(numbers[0]!);
  return points === null || (verdict[1] !== undefined && points !== 0) ? null : points;
}
/**
 * Points with a remark in brackets after them: "1 (đã ban hành kế hoạch)", "0,5 điểm (tạm tính)".
 * The remark holds no figure ("1 (trừ 0,5)" says two things) and neither denies the points ("1
 * (không đạt)") nor deducts; otherwise the cell stays no number.
 */
function pointsWithRemark(text: string): number | null {
  const m = WITH_REMARK.exec(text.normalize("NFC"));
  if (!m) return null;
  const points = parseNumberText(m[1]!);
  const remark = foldText(m[2]!);
  if (points === null || /\btru\b/.test(remark) || (points !== 0 && /\b(khong|chua) (dat|hoan thanh)\b/.test(remark))) return null;
  return points;
}
const WITH_REMARK = /^\s*([+-]?\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*\(([^()\d]{1,80})\)\s*[.;]?\s*$/iu;

/** A choice leaf's levels when 0 is not among them: what "enter a score or 0" must then say instead (messages.ts enterVi). */
function levelsWithoutZero(rule: CriteriaNode["rule"]): { options?: readonly number[] } {
  return rule.kind === "choice" && !rule.options.includes(0) ? { options: rule.options } : {};
}

/**
 * Points with a footnote mark after them: "5*", "1,5**", "3 (*)" — the note explained under the
 * table ("(*) Đã trừ …"). Read as the points, as a reviewer reads them; they had been no number.
 */
function pointsWithFootnote(text: string): number | null {
  const m = WITH_FOOTNOTE.exec(text.normalize("NFC"));
  return m ? parseNumberText(m[1]!) : null;
}
const WITH_FOOTNOTE = /^\s*([+-]?\d+(?:[.,]\d+)?)\s*(?:điểm|đ)?\s*(?:\*{1,3}|\(\s*\*{1,3}\s*\))\s*$/iu;

/** "đạt", "hoàn thành", their negations ("không đạt", "chưa hoàn thành": group 1). */
const VERDICT = /^(khong |chua )?(dat|hoan thanh)$/;

/**
 * A deduction row that declares a case ("01 báo cáo chậm", "Chậm báo cáo quý III") yet deducts
 * nothing — its score blank or 0 — is said; how much to deduct is the unit's to enter.
 */
function reportDeclaredCase(node: CriteriaNode, at: { criterion: string; cell: string | undefined }, context: TypedContext, findings: FindingInput[], zero: boolean): void {
  const min = node.item.min ?? 0;
  if (min >= 0 || !context.cells) return;
  const reported = declaredCase(context.cells, node.item.title);
  if (reported) findings.push({ code: "SCORE_BLANK", ...at, params: { max: node.item.max ?? 0, min, example: deductionExample(node, min), ...reported, zero: zero ? "yes" : undefined } });
}

/** One deduction a row allows, for the message's example: a step below 0, the option nearest 0, else its floor. */
function deductionExample(node: CriteriaNode, min: number): number {
  const rule = node.rule;
  if (rule.kind === "manual") return Math.max(min, -rule.step);
  if (rule.kind === "choice") return Math.max(min, ...rule.options.filter((o) => o < 0));
  return min;
}
