import type { GridCell } from "./grid.ts";
import { groupedWhole, isPercentFormat, overToSlash, parseNumberText, percentWords, plainFigures, withoutPeriods, type DeclaredRatio } from "./values.ts";
import { foldText } from "./text.ts";
import { NOTHING_AROSE, ratioInSentence, UNCLEAR, type CountReading, type RatioReading } from "./named-figures.ts";
import { countInSentence } from "./count-figures.ts";
import { PLAIN_RATE, syllablePairs, type Measure } from "./rate-measure.ts";
import { writtenBound } from "./written-bound.ts";

export { NOTHING_AROSE, UNCLEAR } from "./named-figures.ts";

/**
 * Declared data written in words (CRITERIA-FORMAT.md §6 "Details settled"): in a note such as
 * "Hoàn thành 26/28 nhiệm vụ (92,86%)" or "Đã triển khai 3 ứng dụng", never a date, a
 * document number like "12/QĐ-UBND" or a year. An "a/b" is two whole numbers joined by "/";
 * a percentage is a number followed by "%"; a count is a whole number. Of several, the one
 * the words name as the data ("Gửi 04 báo cáo, chậm 01 báo cáo": 1 late; named-figures.ts,
 * count-figures.ts), else the first.
 */

/** Document numbers: "12/QĐ-UBND", "61/2018/NĐ-CP", "307/KH-MTTQ-BTT". */
const DOCUMENT_NUMBER = /\d+(?:\s*\/\s*\d+)*\s*\/\s*\p{L}[\p{L}\d.-]*/gu;
/** A month of a year: "tháng 12/2024", "12/2024". */
const MONTH_YEAR = /(?<![\d/.,])(?:0?[1-9]|1[0-2])\s*\/\s*(?:19|20)\d\d(?![\d/])/g;

/** The text with dates, months of a year and document numbers blanked out. */
function dataText(text: string): string {
  return withoutPeriods(percentWords(plainFigures(text.normalize("NFC")))).replace(DOCUMENT_NUMBER, " ").replace(MONTH_YEAR, " ");
}

const orNull = <T>(reading: T | typeof UNCLEAR): T | null => (reading === UNCLEAR ? null : reading);

/** A lone percentage, up to 999 with up to four decimals after a comma or a point. */
const LONE_PERCENT = /^\s*(\d{1,3}(?:[.,]\d{1,4})?)\s*%\s*$/;

/**
 * Ratio data in free text: the "a/b" or percentage its words name as the result, an "a/b"
 * winning over a percentage ("0/0" is nothing arose, an a/0 is skipped); else two counts
 * that make one. `percents` false: "a/b" and counts only (a count column beside a rate column).
 */
export function ratioReading(text: string, percents = true, measure: Measure = PLAIN_RATE): RatioReading {
  // Most rate cells are a lone percentage ("100%", "93,5 %"): no word in it to name anything, so
  // the sentence reader would give the figure itself — read it at once (the engine's hot path).
  const lone = percents ? LONE_PERCENT.exec(text) : null;
  if (lone) return { percent: Number(lone[1]!.replace(",", ".")) };
  return ratioInWords(text, percents, measure);
}

/** ratioReading without its shortcut: the sentence reader over the text (test/engine/hot-path-shortcuts.test.ts holds the two equal). */
export function ratioInWords(text: string, percents = true, measure: Measure = PLAIN_RATE): RatioReading {
  const breakdown = BREAKS.test(text) ? breakdownReading(text, percents, measure) : undefined;
  if (breakdown !== undefined) return breakdown;
  const read = ratioInSentence(overToSlash(dataText(text)), percents, measure);
  if (typeof read !== "object" || read === null) return read;
  if (read.numerator === undefined) {
    // A rate written as a bound or an approximation of its figure ("gần 100%", "trên 90%").
    const bound = writtenBound(text, read.percent);
    if (bound === undefined) return read;
    const written = text.replace(/\s+/g, " ").trim();
    return { ...read, bound, ...(written.length <= 80 ? { boundWritten: written } : {}) };
  }
  return read.denominator !== undefined && read.numerator > read.denominator && !read.beyondPlan && PLAN_NAMED.test(foldText(text)) ? { ...read, beyondPlan: true } : read;
}

/** A breakdown's closing line: "Cộng: 43/45", "Tổng cộng 43/45", "Tổng số: …", "Toàn huyện: …", "Tính chung …" (folded, bullet off). */
const TOTAL_LINE = /^(cong|tong cong|tong so|tong|toan huyen|toan tinh|toan xa|tinh chung|chung ca (huyen|nam))\b/;
/** Where a cell's breakdown parts end: a line, ";", a full stop before a capital. */
const BREAKS = /\r\n?|\n|;|\.\s+(?=\p{Lu})/u;
const HAS_FRACTION = /\d\s*\/\s*\d/;
/** A line of a breakdown by unit or by period: "- Xã An Bình: 25/25", "+ Quý I: 12/14" (a name, a colon, one "a/b"). */
const PART_LINE = /^[-–•+*]?\s*[^\d:/]{2,60}:\s*[\d.,\s]+\/\s*[\d.,\s]+\.?$/u;

/**
 * A cell written as a breakdown, a line per commune (or quarter) and a total ("- Xã An Bình:
 * 25/25⏎- Xã Bình Minh: 18/20⏎Cộng: 43/45"), as rows of a breakdown are read (TableRow.more): its
 * total line, else the parts added up when every line is one ("a/b" each). The first part alone had
 * been the criterion's data (A8-2: 25/25, full points, for 43/45). Undefined: no breakdown.
 */
function breakdownReading(text: string, percents: boolean, measure: Measure): RatioReading | undefined {
  // Its parts on lines, or after ";" or a full stop ("Xã An Bình 25/25 hồ sơ; Xã Bình Minh 18/20 hồ sơ. Tổng số: 43/45").
  const parts = text.split(BREAKS).map((part) => part.trim()).filter((part) => part !== "");
  if (parts.length < 2) return undefined;
  const bare = (part: string) => foldText(part.replace(/^[-–•+*]\s*/u, ""));
  const total = parts.find((part) => TOTAL_LINE.test(bare(part)));
  // A total in the parts' own form ("a/b" both): "Tổng: 100%; trong đó trực tuyến 80/100" is no breakdown.
  if (total !== undefined && HAS_FRACTION.test(total) && parts.some((part) => part !== total && HAS_FRACTION.test(part))) {
    const read = ratioInWords(total, percents, measure);
    return read !== null && read !== UNCLEAR ? read : undefined;
  }
  const lines = text.split(/\r\n?|\n/).map((line) => line.trim()).filter((line) => line !== "");
  if (lines.length < 2 || !lines.every((line) => PART_LINE.test(line))) return undefined;
  let numerator = 0;
  let denominator = 0;
  for (const line of lines) {
    const read = ratioInSentence(overToSlash(dataText(line)), false, measure);
    if (typeof read !== "object" || read === null || read.numerator === undefined || read.denominator === undefined) return undefined;
    numerator += read.numerator;
    denominator += read.denominator;
  }
  return denominator > 0 ? { percent: Math.round((numerator / denominator) * 100 * 1e10) / 1e10, numerator, denominator } : undefined;
}

/** A plan named anywhere in a cell ("Thực hiện/dự toán: 1.260/1.200"): its "a/b" over 1 is a result past its plan, never a part over its whole. */
const PLAN_NAMED = /\b(ke hoach|kh|du toan|chi tieu|muc tieu|duoc giao|giao)\b/;

/** ratioReading, with figures that are not the data (UNCLEAR) as none. */
export const ratioInText = (text: string): DeclaredRatio | typeof NOTHING_AROSE | null => orNull(ratioReading(text));

/**
 * A reporting period named by its months or quarter ("báo cáo 6 tháng", "9 tháng đầu năm",
 * "tháng 6", "quý 2"): the name of a report, never a count of anything.
 */
const REPORT_PERIOD = /(?<![\d.,/])\d{1,2}\s*tháng(?!\p{L})|tháng\s*\d{1,2}(?![\d/])|quý\s*\d(?!\d)/giu;

/** Count data in free text: the whole number its words name as the count, never a year (1900–2100) or a report's period. */
export function countReading(text: string, countsLate = true, measure: Measure = PLAIN_RATE): CountReading {
  return countInSentence(dataText(text).replace(REPORT_PERIOD, " "), countsLate, measure);
}

/** countReading, with figures that are not the count (UNCLEAR) as none. */
export const countInText = (text: string): number | null => orNull(countReading(text));

/** A count cell: a whole number ≥ 0 ("3", 3), or text with a count in it ("3 ứng dụng"); UNCLEAR when its words name no count. */
export function countInCell(cell: GridCell | undefined, countsLate = true, measure: Measure = PLAIN_RATE): CountReading {
  if (!cell || cell.err !== undefined || cell.v === undefined) return null;
  if (typeof cell.v === "number") return Number.isInteger(cell.v) && cell.v >= 0 && !isPercentFormat(cell.z) ? cell.v : null;
  if (typeof cell.v !== "string") return null;
  const n = groupedWhole(cell.v) ?? parseNumberText(cell.v);
  if (n !== null) return Number.isInteger(n) && n >= 0 ? n : null;
  // "Không có báo cáo chậm (4/4 đúng hạn)", "Không", "-": none of what is counted, whatever follows.
  if (saysNoneCounted(cell.v)) return 0;
  return countBesideNone(cell.v) ?? countReading(cell.v, countsLate, measure);
}

/**
 * A clause saying none ("Không để xảy ra vi phạm kỷ luật") beside figures of something else
 * ("45 công chức được đánh giá hoàn thành tốt nhiệm vụ"): 0. Null when no clause says none, or
 * a figure's clause names its kind again (then the figures are read).
 */
function countBesideNone(text: string): 0 | null {
  const clauses = text.split(/\s*[;,](?!\d)\s*/).filter((c) => c.trim() !== "");
  const none = clauses.filter((c) => !/\d/.test(c) && saysNoneCounted(c));
  if (none.length === 0 || none.length === clauses.length) return null;
  const kinds = none.flatMap((c) => syllablePairs(c));
  const others = clauses.filter((c) => !none.includes(c)).join(" ").normalize("NFC").toLowerCase();
  return kinds.some((p) => !p.startsWith("không ") && others.includes(p)) ? null : 0;
}

/** countInCell, with figures that are not the count (UNCLEAR) as none. */
export const readDeclaredCount = (cell: GridCell | undefined): number | null => orNull(countInCell(cell));

/**
 * "Không có trường hợp …", "Không", "-": a count of none, said in words — also "Không chậm báo
 * cáo nào", "Không vi phạm", "Không để xảy ra …", "Không bị xử lý kỷ luật", "Đầy đủ, đúng hạn
 * (quý I, 6 tháng, …)" (no figure in them once the reports' periods are left out).
 */
export function saysNoneCounted(text: string): boolean {
  return NONE_COUNTED.test(foldText(text.normalize("NFC").replace(REPORT_PERIOD, " ").replace(/\s+/g, " ").trim()));
}
const NONE_COUNTED = /^(?:khong(?: co\b.*)?|[-–—]|khong\b[^\d]*\bnao\b[^\d]*|khong (?:de )?(?:vi pham|xay ra|phat hien|bi|tre|cham|thieu)\b[^\d]*|(?:gui )?(?:day du,? )?dung h[ae]n\b[^\d]*)$/;
