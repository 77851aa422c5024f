import type { GridCell } from "./grid.ts";
import { groupedWhole, isPercentFormat, overToSlash, parseNumberText, percentWords, plainFigures, withoutPeriods, type DeclaredRatio } from "./values.ts";
import { foldText } from "./text.ts";

/**
 * Declared data written in words (CRITERIA-FORMAT.md §6 "Details settled"): in a note such as
 * "Hoàn thành 26/28 nhiệm vụ (92,86%)" or "Đã triển khai 3 ứng dụng", never a date, a
 * document number like "12/QĐ-UBND" or a year. An "a/b" is two whole numbers joined by "/";
 * a percentage is a number followed by "%"; a count is the first whole number.
 */

/** "0/0": nothing arose (a ratio of no cases). */
export const NOTHING_AROSE = "nothing-arose";

const WHOLE = String.raw`(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+)`;
/** Document numbers: "12/QĐ-UBND", "61/2018/NĐ-CP", "307/KH-MTTQ-BTT". */
const DOCUMENT_NUMBER = /\d+(?:\s*\/\s*\d+)*\s*\/\s*\p{L}[\p{L}\d.-]*/gu;
/** A month of a year: "tháng 12/2024", "12/2024". */
const MONTH_YEAR = /(?<![\d/.,])(?:0?[1-9]|1[0-2])\s*\/\s*(?:19|20)\d\d(?![\d/])/g;
const A_OVER_B = new RegExp(String.raw`(?<![\d.,/])${WHOLE}\s*\/\s*${WHOLE}(?![\d/]|[.,]\d)`, "gu");
const PERCENT = /(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%/u;
/** A whole number in words ("3 ứng dụng", "1.250 hồ sơ" or "1,250 hồ sơ": grouped thousands), not a decimal, a percentage or part of an a/b. */
const WHOLE_NUMBER = /(?<![\d.,/])(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+)(?![\d%]|[.,]\d|\s*%|\s*\/\s*\d)/g;

/** The text with dates, months of a year and document numbers blanked out. */
function dataText(text: string): string {
  return withoutPeriods(percentWords(plainFigures(text.normalize("NFC")))).replace(DOCUMENT_NUMBER, " ").replace(MONTH_YEAR, " ");
}

const cleanPercent = (p: number) => Math.round(p * 1e10) / 1e10;

/** The first a/b in the text (else null), "0/0" as nothing arose; an a/0 is skipped. */
function firstFraction(text: string): DeclaredRatio | typeof NOTHING_AROSE | null {
  for (const m of text.matchAll(A_OVER_B)) {
    // Whole numbers: a dot only groups thousands here ("1.250/1.300").
    const a = groupedWhole(m[1]!) ?? Number(m[1]!);
    const b = groupedWhole(m[2]!) ?? Number(m[2]!);
    if (a === 0 && b === 0) return NOTHING_AROSE;
    if (b > 0) return { percent: cleanPercent((a / b) * 100), numerator: a, denominator: b };
  }
  return null;
}

/** Ratio data in free text: the first a/b wins over a percentage. */
export function ratioInText(text: string): DeclaredRatio | typeof NOTHING_AROSE | null {
  const cleaned = overToSlash(dataText(text));
  const fraction = firstFraction(cleaned);
  if (fraction) return fraction;
  const pct = PERCENT.exec(cleaned);
  const p = pct ? parseNumberText(pct[1]!) : null;
  return p === null ? null : { percent: cleanPercent(p) };
}

/** An "a/b" in free text only (a count column that also carries "15/28"). */
export function fractionInText(text: string): DeclaredRatio | typeof NOTHING_AROSE | null {
  return firstFraction(overToSlash(dataText(text)));
}

/**
 * A reporting period named by its months or quarter ("báo cáo 6 tháng", "9 tháng đầu năm",
 * "tháng 6", "quý 2"): the name of a report, never a count of anything.
 */
const REPORT_PERIOD = /(?<![\d.,/])\d{1,2}\s*tháng(?!\p{L})|tháng\s*\d{1,2}(?![\d/])|quý\s*\d(?!\d)/giu;
/** "Chậm 2/4 báo cáo", "trễ hạn 1/12 hồ sơ": the late ones are the count (§6: the first whole number). */
const LATE_OF = /(?:chậm|trễ|quá hạn)(?:\s+hạn)?\s+(\d{1,3}(?:\.\d{3})*)\s*\/\s*\d/iu;

const ALL_ON_TIME = /đúng hạn\s+(\d{1,3})\s*\/\s*(\d{1,3})(?![\d/])/iu;

/** Count data in free text: the first whole number that is not a year (1900–2100) or a report's period. */
export function countInText(text: string): number | null {
  const cleaned = dataText(text).replace(REPORT_PERIOD, " ");
  const late = LATE_OF.exec(cleaned.normalize("NFC"));
  if (late) return groupedWhole(late[1]!) ?? Number(late[1]!);
  // "Gửi đúng hạn 4/4 báo cáo": all on time, none late (a count item counts what went wrong).
  const onTime = ALL_ON_TIME.exec(cleaned.normalize("NFC"));
  if (onTime && onTime[1] === onTime[2]) return 0;
  for (const m of cleaned.matchAll(WHOLE_NUMBER)) {
    const n = groupedWhole(m[0]) ?? Number(m[0]);
    if (m[0].length === 4 && n >= 1900 && n <= 2100) continue;
    return n;
  }
  return null;
}

/** A count cell: a whole number ≥ 0 ("3", 3), or text with a count in it ("3 ứng dụng"). */
export function readDeclaredCount(cell: GridCell | undefined): number | null {
  if (!cell || cell.err !== undefined || cell.v === undefined) return null;
  if (typeof cell.v === "number") return Number.isInteger(cell.v) && cell.v >= 0 && !isPercentFormat(cell.z) ? cell.v : null;
  if (typeof cell.v !== "string") return null;
  const n = groupedWhole(cell.v) ?? parseNumberText(cell.v);
  if (n !== null) return Number.isInteger(n) && n >= 0 ? n : null;
  // "Không có báo cáo chậm (4/4 đúng hạn)", "Không", "-": none of what is counted, whatever follows.
  if (saysNoneCounted(cell.v)) return 0;
  return countInText(cell.v);
}

/**
 * "Không có trường hợp …", "Không", "-": a count of none, said in words — also "Không chậm báo
 * cáo nào", "Không vi phạm", "Không để xảy ra …", "Không bị xử lý kỷ luật", "Đầy đủ, đúng hạn
 * (quý I, 6 tháng, …)" (no figure in them once the reports' periods are left out).
 */
export function saysNoneCounted(text: string): boolean {
  return NONE_COUNTED.test(foldText(text.normalize("NFC").replace(REPORT_PERIOD, " ").replace(/\s+/g, " ").trim()));
}
const NONE_COUNTED = /^(?:khong(?: co\b.*)?|[-–—]|khong\b[^\d]*\bnao\b[^\d]*|khong (?:de )?(?:vi pham|xay ra|phat hien|bi|tre|cham)\b[^\d]*|(?:gui )?(?:day du,? )?dung han\b[^\d]*)$/;
