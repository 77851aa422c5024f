import { foldText } from "./text.ts";
import type { WrittenBound } from "./written-bound.ts";
import type { GridCell } from "./grid.ts";

/**
 * Reading numbers, percentages, ratios and dates the way Vietnamese offices type them:
 * "1,5" and " 1.5 " are 1.5; "93,48%" is 93.48 %; "1250/1300" is a ratio;
 * "09/9/2022" and "ngày 5 tháng 1 năm 2024" are dates.
 */

/** Characters no one sees in a cell: zero-width space, joiners, soft hyphen, word joiner, byte-order mark. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
/** Full-width digits and signs (an IME's full-width mode): "１２５０／１３００", "９６，１５％". */
const FULL_WIDTH = /[\uff05\uff0b-\uff0f\uff10-\uff19]/g;
/**
 * Thousands grouped by spaces, as a number is printed: "1 250", "2 104 000 000" (also NBSP,
 * narrow and thin spaces) — never before "%" ("quý 4 100%" is two figures).
 */
const SPACED_THOUSANDS = /(?<![\d.,])\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?![\d.,]\d)(?!\d)(?!\s*[%％])/g;

/** Printable ASCII without a figure, a space and three figures in a row: nothing for plainFigures to do. */
const PLAIN = /^(?:[\x20-\x7e](?![ ]\d{3}))*$/;

/**
 * Figures as offices type them, made plain before they are read: characters no one sees
 * removed, full-width digits and signs made ASCII, thousands grouped by spaces joined ("1 250/1 300"
 * had been read as 250/1: 25 000 %). Text otherwise unchanged.
 */
export function plainFigures(text: string): string {
  // Most cells are plain already: printable ASCII with no space between figures (one test, no copy).
  if (PLAIN.test(text)) return text;
  let s = text.replace(INVISIBLE, "");
  if (/[\uff05-\uff19]/.test(s)) s = s.replace(FULL_WIDTH, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));
  return /\d[ \u00a0\u202f\u2009]\d{3}/.test(s) ? s.replace(SPACED_THOUSANDS, (m) => m.replace(/[ \u00a0\u202f\u2009]/g, "")) : s;
}

/** Parse a number typed as text. Decimal comma or point; grouped thousands. */
export function parseNumberText(raw: string): number | null {
  // A minus sign or dash pasted from Word before a deduction ("−0,5", "– 0,5"); "Trừ 0,5" said in words.
  let s = plainFigures(raw.normalize("NFC")).replace(/[\s\u00a0\u202f\u2009]/g, "").replace(/^[\u2212\u2012\u2013\u2014]/, "-").replace(/^trừ(?=\d)/iu, "-");
  // An accounting negative typed as text: "(0,5)", "(-0,5)".
  const bracketed = /^\(-?([\d.,]+)\)$/.exec(s);
  if (bracketed) s = `-${bracketed[1]}`;
  // "0,5 điểm." — the full stop of a sentence typed after the unit; "5 (điểm)"; "1 diem", "3 d" typed without marks.
  s = s.replace(/\(?(điểm|diem|đ|d)\)?[.;]?$/iu, "");
  // "0,5." — a full stop typed right after the number ends the sentence; it is no decimal point.
  if (/\d[.;]$/.test(s)) s = s.slice(0, -1);
  if (!/^[+-]?[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const commas = (s.match(/,/g) ?? []).length;
  const points = (s.match(/\./g) ?? []).length;
  if (commas > 0 && points > 0) {
    // The later separator is the decimal one: "1.250,5" or "1,250.5".
    const decimalIsComma = s.lastIndexOf(",") > s.lastIndexOf(".");
    s = decimalIsComma ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
    if ((s.match(/\./g) ?? []).length > 1) return null;
  } else if (commas > 1) {
    if (!/^[+-]?\d{1,3}(,\d{3})+$/.test(s)) return null;
    s = s.replace(/,/g, "");
  } else if (points > 1) {
    if (!/^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) return null;
    s = s.replace(/\./g, "");
  } else if (commas === 1) {
    s = s.replace(",", ".");
  }
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/**
 * A whole number grouped by thousands, as counts are written: "1.250" (Vietnamese) or "1,250"
 * (an English Windows, a portal's statistics) is one thousand two hundred and fifty files,
 * never 1.25 of one — nobody counts files to three decimals. Null for anything else.
 */
export function groupedWhole(text: string): number | null {
  const s = text.trim();
  return /^\d{1,3}(?:(?:\.\d{3})+|(?:,\d{3})+)$/.test(s) ? Number(s.replace(/[.,]/g, "")) : null;
}

export type CellNumber =
  | { kind: "blank" }
  | { kind: "number"; value: number }
  | { kind: "error"; text: string }
  | { kind: "text"; text: string };

/** A cell read as a number: numbers, numeric text, or why not. */
export function readCellNumber(cell: GridCell | undefined): CellNumber {
  if (!cell) return { kind: "blank" };
  if (cell.err !== undefined) return { kind: "error", text: cell.err };
  const v = cell.v;
  if (v === undefined) return { kind: "blank" };
  if (typeof v === "number") return Number.isFinite(v) ? { kind: "number", value: v } : { kind: "text", text: String(v) };
  if (typeof v === "boolean") return { kind: "text", text: String(v) };
  const trimmed = v.trim();
  if (trimmed === "") return { kind: "blank" };
  if (/^#(REF!|VALUE!|DIV\/0!|N\/A|NAME\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)/i.test(trimmed)) {
    return { kind: "error", text: trimmed };
  }
  const n = parseNumberText(trimmed);
  return n === null ? { kind: "text", text: trimmed } : { kind: "number", value: n };
}

const NOT_APPLICABLE = new Set(["khong ap dung", "n/a", "na", "kad", "k/ad", "khong ad", "kap dung", "k.a.d", "kap", "khong phat sinh", "kps", "k.p.s", "chua phat sinh", "khong ps", "ko ps", "k ps", "ktdt", "k.t.d.t"]);
/**
 * The phrase may run on: "Không phát sinh (trong năm không có nhiệm vụ)"; "không" is often typed
 * "ko" or "k". Scoring forms also say "Không thuộc đối tượng (đánh giá)", "Không thuộc diện …".
 */
const NOT_APPLICABLE_LEAD = /^(khong|ko|k) (ap dung|phat sinh|thuoc (doi tuong|dien|pham vi))\b|^chua phat sinh\b/;
/** "0 (không áp dụng)", "0 - KPS": a 0 written before the mark is the mark, not a score with a remark. */
const ZERO_BEFORE_MARK = /^0\s*[-–:]?\s*(?=\p{L})/u;

/** "Không áp dụng", "Không phát sinh", "KPS", "N/A", "KAD", "Không thuộc đối tượng" … in a self-score or data cell: nothing arose. */
export function isNotApplicableText(text: string): boolean {
  // Every phrase holds a letter: figures ("100%", "1,5") are never folded.
  if (text.length > 80 || !/\p{L}/u.test(text)) return false;
  const folded = foldText(text).replace(/[()]/g, "").trim().replace(ZERO_BEFORE_MARK, "");
  return NOT_APPLICABLE.has(folded) || NOT_APPLICABLE_LEAD.test(folded);
}

/** A format that scales by 100: a "%" outside quoted text and not escaped ("0.0\\%" shows 95.5 as "95.5%" unscaled). */
export function isPercentFormat(format: string | undefined): boolean {
  return !!format && /%/.test(format.replace(/"[^"]*"|\\./g, ""));
}

/**
 * A number format that shows a date, as SheetJS and the Office JavaScript API hand a date
 * cell over (its serial with the format): days or years named outside quoted text, brackets and escapes
 * ("dd/mm/yyyy", "[$-42A]d/m/yyyy;@", "m/d/yy"); never "mm:ss", "0.00" or "#,##0 \"đ\"".
 */
export function isDateFormat(format: string | undefined): boolean {
  if (!format || /^general$/i.test(format)) return false;
  return /[dy]/i.test(format.replace(/"[^"]*"|\[[^\]]*\]|\\.|[_*]./g, "").split(";")[0]!);
}

/**
 * Days from the 1904 date system's day 0 to the 1900 system's: a workbook saved with "Use 1904
 * date system" (old Mac Excel) stores 2024-03-02 as 43890, not 45352.
 */
export const DAYS_1904 = 1462;

/**
 * A number of a 1904-system workbook in the 1900 system the engine reads (serialDate): a
 * date-formatted number moves DAYS_1904 days on, any other stays. Both readers apply it, SheetJS
 * (the workbook's date1904 flag) and the add-in's reader (the date system the read asked Excel for), or the
 * workbook's dates come out four years and a day early.
 */
export function from1904System(value: number, format: string | undefined): number {
  return isDateFormat(format) ? value + DAYS_1904 : value;
}

/**
 * A cell Excel holds as a date of 1901 or later: "3/4" or "1.5" typed into a General cell
 * becomes a day of this year. Smaller numbers in a date-formatted cell (2 shown as 02/01/1900)
 * are figures in a cell formatted by mistake, and read as figures.
 */
export function isTypedDate(cell: GridCell | undefined): boolean {
  return typeof cell?.v === "number" && cell.v >= 367 && isDateFormat(cell.z);
}

/** The ISO day of an Excel serial (1900 date system, counted from 1899-12-30 past the leap day Excel invents), or null before March 1900. */
export function serialDate(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 61) return null;
  const day = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000);
  return isoDate(day.getUTCDate(), day.getUTCMonth() + 1, day.getUTCFullYear());
}

const DATE_DMY = /(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})/g;
const DATE_WORDS = /ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/giu;
/** "ngày 05/01/24": a two-digit year, only after "ngày" (alone, "05/01/24" could be anything). */
const DATE_SHORT_YEAR = /ngày\s*(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2})(?!\d)/giu;
/** "2024-01-05", as systems export a date. */
const DATE_ISO = /(?<![\d/.-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\d/.-])/g;

export interface DeclaredRatio {
  percent: number;
  numerator?: number;
  denominator?: number;
  /** The rest of a late or undone share the cell gives (a rate column labelled so, HeaderMatch.rateNotDone). */
  rest?: true;
  /** A result over its plan, the words say so ("Dự toán: 1.200; thực hiện: 1.260"): no part over its whole (RATIO_OVER_100). */
  beyondPlan?: true;
  /** Written as a bound or an approximation of its percentage ("gần 100%", "trên 90%"; written-bound.ts): scored as ratio-bands.ts scoredPercent says. */
  bound?: WrittenBound;
  /** The words of such a rate, as written (up to 80 characters), for the finding to quote. */
  boundWritten?: string;
  /** A rate column's rate: the counts in the data cell beside it, and their cell (RATE_DIFFERS_FROM_COUNTS). */
  besideCounts?: { numerator: number; denominator: number; percent: number; address: string | undefined };
  /** A percentage written in the same cell beside the "a/b" scored ("18/20 = 95%"; named-figures.ts): said where it scores otherwise (RATE_DIFFERS_FROM_COUNTS). */
  statedPercent?: number;
  /** Counts named in the same cell as the percentage scored ("Tổng 20, đúng hạn 18, tỷ lệ 95%"): said where they score otherwise. */
  countsInCell?: { numerator: number; denominator: number; percent: number };
}

/** Percentage rounded to 1e-10 so that 0.29 × 100 is 29 and not 28.999…. */
export function cleanPercent(p: number): number {
  return Math.round(p * 1e10) / 1e10;
}

/**
 * A %-formatted number this large is the percentage itself, typed into a cell formatted
 * beforehand or pasted there: 95 shows "9500%", and a reviewer reads 95 % — no rate of work
 * reaches 1000 %.
 */
export const PERCENT_TYPED = 10;

/**
 * Declared data of a ratio leaf → percentage. A number formatted as "%" is a fraction
 * (0.92 → 92 %) below PERCENT_TYPED; any other number is already a percentage; text may be "93,48%",
 * "1250/1300" or carry words around them ("15/28 nhiệm vụ").
 */
export function readDeclaredRatio(cell: GridCell | undefined): DeclaredRatio | null {
  const ratio = readDeclaredRatioUnchecked(cell);
  // A percentage that overflows or is negative is not usable data (DATA_MISSING), never ±Infinity.
  return ratio && Number.isFinite(ratio.percent) && ratio.percent >= 0 ? ratio : null;
}

/** One cell or number over another: "B5/C5", "$D$5 / 'Số liệu'!E5", "1200/1000". */
const OPERAND = String.raw`(?:(?:'[^']+'|[\p{L}\d_.]+)!)?\$?[A-Z]{1,3}\$?\d+|\d+(?:\.\d+)?`;
const ONE_OVER_ANOTHER = new RegExp(String.raw`^\s*(?:${OPERAND})\s*\/\s*(?:${OPERAND})\s*$`, "u");
/** The shapes of isRateFormula: each alternative captures its numerator then its denominator. */
const RATE_BODY = String.raw`\(\s*(${OPERAND})\s*\/\s*(${OPERAND})\s*\)\s*\*\s*100|(${OPERAND})\s*\/\s*(${OPERAND})\s*\*\s*100|(${OPERAND})\s*\*\s*100\s*\/\s*(${OPERAND})|100\s*\*\s*\(?\s*(${OPERAND})\s*\/\s*(${OPERAND})\s*\)?`;
const RATE_FORMULA = new RegExp(String.raw`^\s*=?\s*(?:ROUND(?:UP|DOWN)?\(\s*(?:${RATE_BODY})\s*,\s*-?\d+\s*\)|(?:${RATE_BODY}))\s*$`, "iu");

/**
 * A rate computed in its cell, by its shape alone: one cell or number over another times 100 —
 * "=100/125*100", "=D12/D13*100", "=(D12/D13)*100", "=D12*100/D13", "=100*D12/D13", each maybe
 * inside ROUND, ROUNDUP or ROUNDDOWN — never over a literal 100. A count computed with a
 * division ("=COUNTIFS(…,\"<=31/12/2024\")", "=ROUND(125*80/100,0)", "=(D20+D21)/2", "=D20/2",
 * "=SUM(D20:D22)/3") has none of these shapes (WB44-3).
 */
export function isRateFormula(cell: GridCell): boolean {
  if (cell.f === undefined || typeof cell.v !== "number" || !cell.f.includes("/") || !cell.f.includes("100")) return false;
  const m = RATE_FORMULA.exec(cell.f);
  if (!m) return false;
  let over: string | undefined;
  for (let i = 1; i < m.length && over === undefined; i += 2) if (m[i] !== undefined) over = m[i + 1];
  return over !== undefined && !/^100(?:\.0+)?$/.test(over) && cell.v >= 0 && cell.v <= 100;
}

/**
 * "=B5/C5" or "=20/20" left in General format is the fraction itself: 1 is 100 %, never 1 %.
 * Any division worth at most 1; one cell or number over another up to 10 as well (revenue at
 * 1,2 of the estimate is 120 %) — past that it was a percentage already, as is an average of
 * percentages ("=(B5+B6)/2" at 3). A formula that multiplies by 100 is a percentage already.
 */
export function isFractionFormula(cell: GridCell): boolean {
  if (cell.f === undefined || typeof cell.v !== "number" || !/\//.test(cell.f) || /\b100\b|%/.test(cell.f)) return false;
  return cell.v <= 1 || (cell.v <= 10 && ONE_OVER_ANOTHER.test(cell.f));
}

function readDeclaredRatioUnchecked(cell: GridCell | undefined): DeclaredRatio | null {
  if (!cell || cell.err !== undefined || cell.v === undefined) return null;
  if (typeof cell.v === "number") {
    if (!Number.isFinite(cell.v)) return null;
    const scaled = isPercentFormat(cell.z) ? cell.v < PERCENT_TYPED : isFractionFormula(cell);
    return { percent: cleanPercent(scaled ? cell.v * 100 : cell.v) };
  }
  if (typeof cell.v !== "string") return null;
  const text = overToSlash(withoutPeriods(percentWords(plainFigures(cell.v.normalize("NFC")))));
  const ratio = /(\d[\d.,]*)\s*\/\s*(\d[\d.,]*)(?![\p{L}\d/])/u.exec(text);
  if (ratio) {
    // Counts of files: "1.250/1.300" is 1250 of 1300, as in a note (declared-data.ts).
    const a = groupedWhole(ratio[1]!) ?? parseNumberText(ratio[1]!);
    const b = groupedWhole(ratio[2]!) ?? parseNumberText(ratio[2]!);
    if (a !== null && b !== null && b > 0) return { percent: cleanPercent((a / b) * 100), numerator: a, denominator: b };
    if (b === 0) return null;
  }
  const pct = /([+-]?\d[\d.,]*)\s*%/.exec(text);
  if (pct) {
    const p = parseNumberText(pct[1]!);
    if (p !== null) return { percent: cleanPercent(p) };
  }
  const lone = text.trim();
  const n = parseNumberText(lone);
  return n === null ? null : { percent: cleanPercent(n) };
}

/** "95 phần trăm" (a percentage in words, as a sentence of a report writes it) → "95%". */
export const percentWords = (text: string): string =>
  text.includes("trăm") || text.includes("điểm") ? text.replace(/\s*(?:điểm\s+)?phần\s+trăm|\s*điểm\s*%/giu, "%") : text;

/**
 * "a trên b" as reports write an a/b: "1.250 trên 1.300", "1.250 hồ sơ đúng hạn trên tổng số
 * 1.300 hồ sơ" → "1.250/1.300 hồ sơ đúng hạn …". Only "trên" or "trên tổng (số)" right before
 * the number: "3 hội nghị trên địa bàn 15 xã" stays as written. The numerator's words move
 * after the a/b, never dropped: they say what it counts ("2 hồ sơ trễ hạn trên tổng số 300" is
 * late files, the rest of an on-time rate).
 */
export function overToSlash(text: string): string {
  // "5 xã/15 xã", "1.250 hồ sơ đúng hạn/1.300 hồ sơ": the words of the numerator before the slash.
  // Up to six words ("2 công chức chưa đạt chuẩn/20"), as they are kept; a bare "trên" up to four ("với trên 200 người" is "over 200").
  const slashed = text.includes("/") ? text.replace(/(\d)((?:\s+\p{L}+){1,6})\s*\/\s*(\d+(?:[.,]\d+)*)/gu, "$1/$3$2") : text;
  if (!slashed.includes("trên")) return slashed;
  return slashed.replace(/(\d)((?:\s+\p{L}+){0,6}?)\s+trên\s+tổng\s+(?:số\s+)?(\d+(?:[.,]\d+)*)/gu, "$1/$3$2").replace(/(\d)((?:\s+\p{L}+){0,4}?)\s+trên\s+(\d+(?:[.,]\d+)*)/gu, "$1/$3$2");
}

/** The text with its dates (dd/mm/yyyy, "ngày 5 tháng 1 năm 2024") blanked out, so their numbers are never data. */
export function withoutDates(text: string): string {
  return text.replace(DATE_WORDS, " ").replace(DATE_DMY, " ").replace(DATE_SHORT_YEAR, " ").replace(DATE_ISO, " ");
}

/** A month of a year ("tháng 11/2024", "01/2024 - 12/2024") and a day and month after a word of time ("đến 30/11", "từ 01/01"). */
const MONTH_OF_YEAR = /(?<![\d/.,])(?:0?[1-9]|1[0-2])\s*\/\s*(?:19|20)\d\d(?![\d/])/g;
const DAY_MONTH = /((?:^|[^\p{L}])(?:ngày|đến|từ|hết|trước|sau|tính đến|đến hết)\s+)(?:0?[1-9]|[12]\d|3[01])\s*\/\s*(?:0?[1-9]|1[0-2])(?![\d/])/giu;

/** Data text without the dates a report gives its figures by: "96,5% (số liệu đến hết tháng 11/2024)" is 96,5 %, never 11/2024. */
export function withoutPeriods(text: string): string {
  if (!text.includes("/")) return withoutDates(text);
  // Months first: "01/2024 - 12/2024" would otherwise read as the date 24-12-2024.
  return withoutDates(text.replace(MONTH_OF_YEAR, " ")).replace(DAY_MONTH, "$1 ");
}

/** ISO date "YYYY-MM-DD" when day/month/year form a real date. */
export function isoDate(day: number, month: number, year: number): string | null {
  if (month < 1 || month > 12 || day < 1 || year < 1900 || year > 2200) return null;
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCDate() !== day || d.getUTCMonth() !== month - 1) return null;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/**
 * A date as written: `iso` when day/month/year form a real date, null for a day that does not
 * exist ("31/02/2024", "12/25/2024" typed month first) — numbers that could only have been
 * meant as a date (day and month at most 31, a year 1900–2200).
 */
export interface WrittenDate {
  iso: string | null;
  day: number;
  month: number;
  year: number;
}

/**
 * Every date written dd/mm/yyyy (also with "." or "-"), "ngày d tháng m năm yyyy", "ngày
 * dd/mm/yy" (00–29: 20yy, 30–99: 19yy, as Excel reads them) or yyyy-mm-dd, in the order they are
 * written, impossible days (and years no document has) included.
 */
export function findWrittenDates(text: string): WrittenDate[] {
  const found: (WrittenDate & { at: number; end: number })[] = [];
  const normalized = text.normalize("NFC");
  const forms: [RegExp, (m: RegExpMatchArray) => [day: number, month: number, year: number]][] = [
    [DATE_WORDS, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
    [DATE_DMY, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
    // Two digits as Excel reads them: 00–29 are 2000–2029, 30–99 are 1930–1999 ("9/9/99" is 1999, never 2099: A6-3).
    [DATE_SHORT_YEAR, (m) => [Number(m[1]), Number(m[2]), (Number(m[3]) < 30 ? 2000 : 1900) + Number(m[3])]],
    [DATE_ISO, (m) => [Number(m[3]), Number(m[2]), Number(m[1])]],
  ];
  for (const [re, read] of forms) {
    for (const m of normalized.matchAll(re)) {
      const [day, month, year] = read(m);
      const iso = isoDate(day, month, year);
      // A real day and month with a year no document has (1024, 2204: a slip of the keys) is a date written wrong, said as such (A6-2) —
      // after "ngày" only, as a document's date is cited: "phiên bản 3.1.1024", "12/5/1250 hồ sơ" are no dates (A9-7).
      const oddYear = year < 1900 || year > 2200;
      if (oddYear && !(re === DATE_WORDS || /ngày\s*$/iu.test(normalized.slice(Math.max(0, m.index! - 8), m.index!)))) continue;
      if (!iso && (day > 31 || month > 31 || (oddYear && (day < 1 || month < 1 || month > 12)))) continue;
      const at = m.index!;
      const end = at + m[0].length;
      // A span an earlier form read already is that date (the forms' order decides).
      if (!found.some((f) => at < f.end && f.at < end)) found.push({ at, end, iso, day, month, year });
    }
  }
  // In the order written: "Kế hoạch số 16/KH-UBND ngày 10/01/2024 thực hiện Nghị quyết … ngày 22
  // tháng 4 năm 2021" is dated by its own date, the first — not by the one written in words.
  return found.sort((a, b) => a.at - b.at).map(({ iso, day, month, year }) => ({ iso, day, month, year }));
}

/** The real dates of `findWrittenDates`, as ISO dates "YYYY-MM-DD". */
export function findDates(text: string): string[] {
  return findWrittenDates(text).flatMap((d) => (d.iso ? [d.iso] : []));
}

/** dd/mm/yyyy for display, from an ISO date. */
export function formatDateVi(iso: string): string {
  const [y, m, d] = iso.split("-");
  return `${d}/${m}/${y}`;
}

/**
 * An evidence cell Excel holds as a date (the unit typed only the document's date, "15/03/2024",
 * and Excel made it a date cell): read as the date it shows, dd/mm/yyyy — the entry's date,
 * checked against the period — never as its serial number "45366". Scoring and the register alike.
 */
export function dateAsShown<T extends GridCell | undefined | null>(cell: T): T | GridCell {
  if (!isTypedDate(cell ?? undefined)) return cell;
  const day = serialDate(cell!.v as number);
  return day === null ? cell : { v: formatDateVi(day) };
}
