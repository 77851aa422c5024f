import type { CriteriaNode } from "./criteria-tree.ts";
import { cellAt, cellText, mergedCellAt } from "./grid.ts";
import { labelsTotal, type LocatedTable } from "./locate-table.ts";
import { parseNumberText, readCellNumber } from "./values.ts";
import { toCents } from "./decimal.ts";
import { foldText } from "./text.ts";

/** The self-score a leaf left blank takes from the lines under it: the row it is read from, and its value. */
export interface OptionScore {
  r: number;
  value: number;
  /** The value is no cell's own: the points of a line marked "x", or the sum of parts. */
  derived: boolean;
}

/**
 * Of a leaf's option lines, the one holding its score: the only one with a number in the
 * self-score column, else the only one with a number other than 0 (the others marked 0), else
 * the first when all are 0. None when two lines hold different scores: the leaf stays blank —
 * unless the lines are parts (see partsScore). Only lines that read as options of the leaf count
 * (see looksLikeOption): a field's subtotal under its last criterion left blank is none.
 */
export function optionScoreRow(table: LocatedTable, node: CriteriaNode, rows: readonly number[]): OptionScore | undefined {
  const column = table.header.columns.self;
  if (column === undefined) return undefined;
  const parts = partsScore(table, node, rows, column);
  if (parts) return parts;
  const scored: OptionScore[] = [];
  for (const r of rows) {
    const read = readCellNumber(cellAt(table.sheet, r, column));
    let found: OptionScore | null = null;
    if (read.kind === "number") found = { r, value: read.value, derived: false };
    else if (read.kind === "text" && MARK.test(read.text)) {
      const points = optionPoints(table, r);
      if (points !== null) found = { r, value: points, derived: true };
    }
    if (found && looksLikeOption(table, node, r, found.value)) scored.push(found);
  }
  if (scored.length <= 1) return scored[0];
  const nonZero = scored.filter((s) => s.value !== 0);
  if (nonZero.length === 1) return nonZero[0];
  return nonZero.length === 0 ? scored[0] : undefined;
}

/** The option line reached, marked rather than scored: "x", "X", "✓", "√". */
const MARK = /^[xX✓✔√]$/u;

/** An option line's points: its max cell, else the last "… N điểm" of its words ("- Thực hiện nhưng chậm: 0,5 điểm"). */
function optionPoints(table: LocatedTable, r: number): number | null {
  return maxCell(table, r) ?? pointsInWords(lineText(table, r));
}

function maxCell(table: LocatedTable, r: number): number | null {
  const { max } = table.header.columns;
  const typed = max === undefined ? null : readCellNumber(cellAt(table.sheet, r, max));
  return typed?.kind === "number" ? typed.value : null;
}

/**
 * The last "… N điểm" of a line's words, signed: "trừ 0,5 điểm", "bị trừ 1 điểm", "-0,5 điểm" are
 * deductions (−0,5, −1, −0,5) — a unit's own deduction under a blank adjustment leaf (min −2, max 0)
 * is an option there, not a number out of its range.
 */
function pointsInWords(words: string): number | null {
  const named = [...words.normalize("NFC").matchAll(/((?<!\p{L})trừ\s*(?:điểm\s*)?[:：]?\s*|(?<![\d\p{L}])[-−–](?=\d))?(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)(?!\p{L})/giu)].at(-1);
  if (!named) return null;
  const points = parseNumberText(named[2]!);
  return points === null || named[1] === undefined ? points : -points;
}

/**
 * Whether an option line's words label a total (locate-table's labelsTotal), except a bonus line
 * stating its points after "Cộng": "Cộng 1 điểm nếu được UBND huyện khen thưởng" is an option of
 * the bonus leaf, whatever the totals label reads into "Cộng 1".
 */
function labelsTotalLine(words: string): boolean {
  return labelsTotal(words) && !BONUS_POINTS.test(foldText(words.slice(0, 80)).trim());
}
const BONUS_POINTS = /^cong\s*:?\s*\d+(?:[.,]\d+)?\s*(?:diem|d)\b/;

/** A line's words: its title cell, else its method cell ("Cách tính điểm"); a merge over the criterion's rows counts. */
function lineText(table: LocatedTable, r: number): string {
  const { title, method } = table.header.columns;
  for (const c of [title, method]) {
    const text = c === undefined ? "" : cellText(mergedCellAt(table.sheet, r, c)).trim();
    if (text !== "") return text;
  }
  return "";
}

/**
 * Whether a line under a leaf left blank reads as one of its options: it has words (its own or
 * the criterion's merged over it), and they are no total's; a max cell of its own, if any, is
 * within the leaf's range; its number is within the leaf's [min, max] and, where the set lists
 * options or bands and the line states no points of its own, one of them. A line stating its
 * points ("…: 0,5 điểm", or its max cell) is an option whatever number the unit typed there:
 * a number off the options is the unit's to mend at that line (SCORE_STEP).
 */
function looksLikeOption(table: LocatedTable, node: CriteriaNode, r: number, value: number): boolean {
  const words = lineText(table, r);
  if (words === "" || labelsTotalLine(words)) return false;
  const min = toCents(node.item.min ?? 0);
  const max = node.item.max === undefined ? undefined : toCents(node.item.max);
  const within = (v: number) => toCents(v) >= min && (max === undefined || toCents(v) <= max);
  const read = maxCell(table, r) ?? pointsInWords(words);
  // A deduction a leaf scored from 0 up describes ("Chậm 01 báo cáo: trừ 0,5 điểm" under a 2-point
  // criterion, the unit typing what remains: 1,5) states no option's points: it stays a line for any number in range.
  const stated = read !== null && read < 0 && min >= 0 ? null : read;
  if (stated !== null && !within(stated)) return false;
  if (!within(value)) return false;
  if (stated !== null) return true;
  const listed = listedPoints(node);
  return listed === null || listed.has(toCents(value));
}

/** The points a leaf's rule lists, in cents: a choice's options, a ratio's bands; null when any number in range may be. */
function listedPoints(node: CriteriaNode): ReadonlySet<number> | null {
  const rule = node.rule;
  if (rule.kind === "choice") return new Set(rule.options.map(toCents));
  if (rule.kind === "ratio" && rule.bands) return new Set(rule.bands.map((b) => toCents(b.points)));
  return null;
}

/**
 * Parts, not alternatives: lines each with a max cell of their own that add up exactly to the
 * leaf's max ("a) … 1 | b) … 1" under a 2-point criterion), each scored within its own max. The
 * leaf's score is their sum, found at the first part.
 */
function partsScore(table: LocatedTable, node: CriteriaNode, rows: readonly number[], column: number): OptionScore | undefined {
  if (rows.length < 2 || node.item.max === undefined) return undefined;
  let maxSum = 0;
  let sum = 0;
  for (const r of rows) {
    const words = lineText(table, r);
    const own = maxCell(table, r);
    const read = readCellNumber(cellAt(table.sheet, r, column));
    if (words === "" || labelsTotalLine(words) || own === null || read.kind !== "number") return undefined;
    if (toCents(read.value) < 0 || toCents(read.value) > toCents(own)) return undefined;
    maxSum += toCents(own);
    sum += toCents(read.value);
  }
  return maxSum === toCents(node.item.max) ? { r: rows[0]!, value: sum / 100, derived: true } : undefined;
}
