import type { GridCell } from "./grid.ts";
import { cellText, isBlankCell } from "./grid.ts";
import { foldText } from "./text.ts";
import { cleanPercent, formatDateVi, isNotApplicableText, isPercentFormat, isTypedDate, readCellNumber, serialDate, type DeclaredRatio } from "./values.ts";
import { NOTHING_AROSE, UNCLEAR, countInCell, countReading, ratioReading, readDeclaredCount, saysNoneCounted } from "./declared-data.ts";
import type { CountReading, RatioReading } from "./named-figures.ts";
import { PLAIN_RATE, type Measure } from "./rate-measure.ts";
import { FRACTION_OR_PERCENT, rateInCell } from "./rate-cell.ts";

/** A cell of a leaf's row and its address (undefined when the table has no such column). */
export interface RowCell {
  cell?: GridCell | undefined;
  address?: string | undefined;
  /** The column gives the share not done or late (HeaderMatch.rateNotDone): a plain figure in it is the rest of the rate. */
  turned?: boolean | undefined;
  /** A bare "Tỷ lệ (%)" right after the late or undone count (HeaderMatch.rateBesideNotDone): the row's counts say which share it gives. */
  besideNotDone?: boolean | undefined;
}

/** Where a ratio or count leaf may find its declared data. */
export interface DataCells {
  /** The data column: a count ("Số liệu thực hiện") or, with no rate column, any declared data. */
  data: RowCell;
  /** The rate column ("Tỷ lệ đạt được"), when the table has one. */
  rate: RowCell;
  note: RowCell;
  /** What a rate criterion measures, by its title (rate-measure.ts): a change itself, a target of change met, its own done-word. */
  measure?: Measure;
}

export type Declared =
  | { kind: "ratio"; ratio: DeclaredRatio; address: string | undefined }
  | { kind: "count"; n: number; address: string | undefined }
  /** `byZero`: a rate formula that divides by 0 (#DIV/0! of "=0/0"): no case arose to count. */
  | { kind: "nothing-arose"; address: string | undefined; byZero?: true }
  /**
   * No usable data; `error` when a data cell holds a formula error; `inNote` when the table has
   * no data column for it; `asDate` when a data cell holds a date (Excel turns "3/4" typed into
   * a General cell into 3 April): the finding then points there and says so; `unclear` when a
   * cell holds figures none of which its words name as the data ("figures": "Kế hoạch 05 ứng
   * dụng", "Chỉ tiêu 98%"), or a number that may be a fraction or a percentage ("number": 0,95
   * in a General cell, 5 shown as 500 %): the finding points there.
   */
  | {
      kind: "missing";
      address: string | undefined;
      inNote: boolean;
      error?: { text: string; address: string | undefined };
      asDate?: true;
      /** The date an `asDate` cell shows, dd/mm/yyyy. */
      shownDate?: string;
      typed?: true;
      unclear?: Unclear;
      /** A count's data cell holding a number no count is (2,5; −1), as shown: said as such, not as missing (A6-6). */
      notCount?: string;
    };

export type Unclear = "figures" | "number";
type Reading = Exclude<Declared, { kind: "missing" }> | typeof UNCLEAR | typeof FRACTION_OR_PERCENT | null;

/**
 * The declared data of a leaf (CRITERIA-FORMAT.md §6 "Details settled"): a ratio leaf uses the
 * rate column when it holds a usable rate, else an "a/b" in the count or data column, else the
 * note; a count leaf uses the count or data column, else the note. "Không phát sinh" or "0/0"
 * in a data cell is nothing arose (a count's declared 0 is n = 0). Without usable data, DATA_MISSING points at the
 * data cell, or the note cell when there is no data column.
 */
export function declaredData(kind: "ratio" | "count", cells: DataCells, countsLate = true): Declared {
  const twoColumns = cells.rate.address !== undefined && cells.data.address !== undefined;
  // The national form has no data column: its note ("Ghi chú") is where the data is written, read as a data cell is (A8-3).
  const noteIsData = cells.rate.address === undefined && cells.data.address === undefined;
  const measure = cells.measure ?? PLAIN_RATE;
  // `countsLate` false: a count that earns points (each > 0), where "đúng hạn" names what was done, never "none late".
  const sources: [RowCell, Reader][] =
    kind === "ratio"
      ? [[cells.rate, (cell) => readRate(cell, measure)], [cells.data, (cell) => (twoColumns ? readFraction(cell, measure) : readRate(cell, measure))], [cells.note, (cell) => readRatioNote(cell, measure, noteIsData)]]
      : [[cells.data, (cell) => readCount(cell, countsLate, measure)], [cells.note, (cell) => readCountNote(cell, countsLate, measure)]];
  let error: { text: string; address: string | undefined } | undefined;
  // A date is never declared data: read as a number it was a percentage of 45,000 and full points.
  let date: { address: string | undefined; shown: string | undefined } | undefined;
  let notCount: string | undefined;
  /** Something was typed in a data cell, unusable: not the same as leaving it blank. */
  let typed = false;
  /** Figures whose words do not say which is the data, or a number either a fraction or a percentage. */
  let unclear: { address: string | undefined; why: Unclear } | undefined;
  for (const [source, read] of sources) {
    const cell = source.cell;
    if (!cell) continue;
    if (cell.err !== undefined) {
      // "=D5/E5" with no case in E5: the rate of nothing, as "0/0" typed is.
      if (kind === "ratio" && cell.err === "#DIV/0!" && cell.f?.includes("/") && source !== cells.note) return { kind: "nothing-arose", address: source.address, byZero: true };
      error ??= { text: cell.err, address: source.address };
      continue;
    }
    if (isTypedDate(cell)) {
      const day = serialDate(cell.v as number);
      date ??= { address: source.address, shown: day === null ? undefined : formatDateVi(day) };
      continue;
    }
    const reading = read(cell);
    if (reading === UNCLEAR || reading === FRACTION_OR_PERCENT) {
      unclear ??= { address: source.address, why: reading === UNCLEAR ? "figures" : "number" };
      if (source !== cells.note) typed = true;
      continue;
    }
    if (reading) {
      if (source.turned && reading.kind === "ratio" && !(typeof cell.v === "string" && HAS_LETTER.test(cell.v))) {
        const rest = restOf(reading.ratio);
        if (rest === null) {
          unclear ??= { address: source.address, why: "figures" };
          typed = true;
          continue;
        }
        return { kind: "ratio", ratio: rest, address: source.address };
      }
      // "Tổng số" | "Trễ hạn" | "Tỷ lệ (%)" = 20 | 2 | 10: the rate is the late share the counts give
      // beside it, so the rate asked for is its rest (it had been 10 %, 0 points, nothing said).
      if (source === cells.rate && source.besideNotDone && reading.kind === "ratio" && twoColumns && cells.data.cell) {
        const counts = readFraction(cells.data.cell, measure);
        if (counts && counts !== UNCLEAR && counts !== FRACTION_OR_PERCENT && counts.kind === "ratio" && givesRestOf(reading.ratio, counts.ratio)) {
          return { kind: "ratio", ratio: restOf(reading.ratio)!, address: source.address };
        }
      }
      reading.address = source.address;
      if (source === cells.rate && twoColumns && reading.kind === "ratio" && cells.data.cell) return withCountsBeside(reading, cells.data, measure);
      return reading;
    }
    if (source !== cells.note && !isBlankCell(cell)) typed = true;
    if (kind === "count" && source === cells.data && notCount === undefined) {
      const read = readCellNumber(cell);
      if (read.kind === "number" && (read.value < 0 || !Number.isInteger(read.value))) notCount = cellText(cell).trim() || String(read.value);
    }
  }
  const where = kind === "ratio" ? (cells.rate.address ?? cells.data.address) : cells.data.address;
  const missing: Declared = date
    ? { kind: "missing", address: date.address, inNote: false, asDate: true, ...(date.shown === undefined ? {} : { shownDate: date.shown }) }
    : unclear
      ? { kind: "missing", address: unclear.address, inNote: unclear.address === cells.note.address, unclear: unclear.why }
      : { kind: "missing", address: where ?? cells.note.address, inNote: where === undefined && cells.note.address !== undefined };
  if (typed) missing.typed = true;
  if (notCount !== undefined && missing.kind === "missing" && !missing.asDate && missing.unclear === undefined) missing.notCount = notCount;
  return error ? { ...missing, error } : missing;
}

/**
 * A rate read from the rate column, with the counts the data cell beside it gives ("18/20" |
 * "95%"): the rate column is the data (§6 "Details settled"), and the counts are kept for the
 * finding that says where the two disagree (computed-rules.ts, RATE_DIFFERS_FROM_COUNTS).
 */
function withCountsBeside(reading: Extract<Declared, { kind: "ratio" }>, data: RowCell, measure: Measure): Declared {
  const counts = readFraction(data.cell!, measure);
  if (counts === null || counts === UNCLEAR || counts === FRACTION_OR_PERCENT || counts.kind !== "ratio") return reading;
  const { numerator, denominator, percent } = counts.ratio;
  if (numerator === undefined || denominator === undefined) return reading;
  return { ...reading, ratio: { ...reading.ratio, besideCounts: { numerator, denominator, percent, address: data.address } } };
}

/** A rate that is the rest of the counts' own share, and not that share itself (within half a point, as rates are rounded). */
function givesRestOf(rate: DeclaredRatio, counts: DeclaredRatio): boolean {
  return Math.abs(rate.percent - (100 - counts.percent)) <= 0.5 && Math.abs(rate.percent - counts.percent) > 0.5;
}

/**
 * The rate of what was done from the share not done or late written in a column labelled so:
 * 2 (%) late is 98 %, 2/300 late is 298/300, all of them late (100 %, 300/300) is 0 %. More
 * than the whole is no share at all: null (said as unclear, never guessed).
 */
function restOf(ratio: DeclaredRatio): DeclaredRatio | null {
  if (ratio.numerator !== undefined && ratio.denominator !== undefined) {
    const [a, b] = [ratio.numerator, ratio.denominator];
    return a <= b && b > 0 ? { percent: cleanPercent(((b - a) / b) * 100), numerator: b - a, denominator: b, rest: true } : null;
  }
  return ratio.percent >= 0 && ratio.percent <= 100 ? { percent: cleanPercent(100 - ratio.percent), rest: true } : null;
}

/**
 * The declared data of a row whose figures stand in two columns, a numerator ("Số đạt", "Tử
 * số") and a denominator ("Tổng số", "Mẫu số"): the "a/b" the unit would have typed in one
 * cell, read as any "a/b" (980 | 1000 is 980/1000, 98 %; 0 | 0 is nothing arose). The
 * numerator cell as it is when the two are not both counts (a blank denominator: a count
 * leaf's figure, or a percentage typed in the first column), and the denominator's error
 * when it holds one (#DIV/0!). A column of what was not done (`notDone`) gives the rest: 2 | 28 is 26/28.
 */
export function splitFraction(numerator: GridCell | undefined, denominator: GridCell | undefined, notDone = false): GridCell | undefined {
  if (denominator?.err !== undefined && numerator?.err === undefined) return denominator;
  if (isBlankCell(numerator) || isBlankCell(denominator) || isTypedDate(numerator) || isTypedDate(denominator)) return numerator;
  const a = readDeclaredCount(numerator);
  const b = readDeclaredCount(denominator);
  if (a === null || b === null) return numerator;
  // What was not done ("Số chưa đạt" beside "Tổng số"): done is the rest of the total (WB17-5).
  if (notDone) return a <= b ? { v: `${b - a}/${b}` } : numerator;
  return { v: `${a}/${b}` };
}

/**
 * What was done on time where a column of what was done early stands beside it ("Trước hạn" |
 * "Đúng hạn", HeaderMatch.dataEarly): their two counts added, 8 | 10 is 18 (a blank one counts
 * none). Anything else in either cell leaves the on-time cell as it is, but an error in the early
 * one is what the row shows (#REF!), never the on-time count alone.
 */
export function withEarly(onTime: GridCell | undefined, early: GridCell | undefined): GridCell | undefined {
  if (early?.err !== undefined && onTime?.err === undefined) return early;
  if (isBlankCell(early) || isTypedDate(early) || isTypedDate(onTime)) return onTime;
  const b = readDeclaredCount(early);
  if (b === null) return onTime;
  if (isBlankCell(onTime)) return { v: b };
  const a = readDeclaredCount(onTime);
  return a === null ? onTime : { v: a + b };
}

type Reader = (cell: GridCell) => Reading;
function nothing(): Reading {
  return { kind: "nothing-arose", address: undefined };
}

function asRatio(read: RatioReading | typeof FRACTION_OR_PERCENT): Reading {
  if (read === NOTHING_AROSE) return nothing();
  if (read === UNCLEAR || read === FRACTION_OR_PERCENT) return read;
  return read ? { kind: "ratio", ratio: read, address: undefined } : null;
}

function asCount(n: CountReading): Reading {
  if (n === UNCLEAR) return UNCLEAR;
  return n === null ? null : { kind: "count", n, address: undefined };
}

/** "0/0" somewhere in the text (checked before reading it, so "0/0 (không có hồ sơ)" is nothing arose). */
const ZERO_OVER_ZERO = /(?<![\d.,/])0\s*\/\s*0(?![\d/]|[.,]\d)/;

function saysNothingArose(cell: GridCell): boolean {
  return typeof cell.v === "string" && (isNotApplicableText(cell.v) || ZERO_OVER_ZERO.test(cell.v));
}

/**
 * For a rate or data cell, also no case said in words (saysNoCase); a count's "Không có …" is a
 * count of 0 (§6), and a note saying it beside a broken data cell does not hide the error.
 */
const rateSaysNothingArose = (cell: GridCell): boolean => saysNothingArose(cell) || (typeof cell.v === "string" && saysNoCase(cell.v));

/**
 * "Không có hồ sơ trễ hạn", "Trong năm 2024 không có hồ sơ quá hạn", "0 hồ sơ trễ hạn", "Trong năm
 * không phát sinh phản ánh, kiến nghị", "Không tiếp nhận PAKN nào" (seventh session): no case
 * of what a rate is taken over, said in words — as "0/0" says it (§6). Only for what such rates
 * are taken over (cases late, violations, complaints: CASE_WORDS) — "Không có văn bản xin lỗi"
 * is a numerator of 0, not no case — never "Không có số liệu" (no figures kept is no data), nor
 * any text with a figure other than a year or a date.
 */
function saysNoCase(text: string): boolean {
  // CASE_WORDS are words: a cell without a letter ("100%", "26/28") names no case.
  if (text.length > 120 || !HAS_LETTER.test(text)) return false;
  const folded = foldText(text.replace(DATES_AND_YEARS, " ")).replace(/\s+/g, " ").trim();
  if (!CASE_WORDS.test(folded) || /\b(?:so lieu|du lieu|thong ke|thong tin)\b/.test(folded)) return false;
  return /^(?:[^\d]*\b(?:khong|chua) (?:co|phat sinh|tiep nhan|nhan duoc)\b[^\d]*|0 [^\d/%]+)$/.test(folded);
}
const HAS_LETTER = /\p{L}/u;
const CASE_WORDS = /\b(?:tre h[ae]n|qua h[ae]n|lo hen|sai hen|cham|vi pham|sai pham|phat sinh|trai phap luat|khieu nai|to cao|phan anh|kien nghi|pakn)\b/;
const DATES_AND_YEARS = /\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{2,4}\b|\b(?:19|20)\d\d\b/g;

/** A rate or data cell: a %-formatted number, a number (already a percentage), "93,48%", "1250/1300", a sentence (rate-cell.ts). */
function readRate(cell: GridCell, measure: Measure): Reading {
  return rateSaysNothingArose(cell) ? nothing() : asRatio(rateInCell(cell, measure));
}

/** Beside a rate column, the count column feeds a ratio only through an "a/b" ("15/28") or two counts making one. */
function readFraction(cell: GridCell, measure: Measure): Reading {
  if (saysNothingArose(cell)) return nothing();
  return typeof cell.v === "string" ? asRatio(ratioReading(cell.v, false, measure)) : null;
}

/**
 * A note: "Không phát sinh hồ sơ trễ hạn" says nothing arose, as in the data cell; else the a/b or
 * percentage its words name. Where the table has no data column (`asData`, the national form) the
 * note is read as the data cell would be: "Không có hồ sơ trễ hạn" is no case, and a number formatted
 * as a percentage is that rate (1 shown 100,00 %) — both had been DATA_MISSING (A8-3). A plain
 * number there may be a count or a total (WB35-3): still not read as a rate.
 */
function readRatioNote(cell: GridCell, measure: Measure, asData: boolean): Reading {
  if (asData && rateSaysNothingArose(cell)) return nothing();
  if (asData && typeof cell.v === "number" && isPercentFormat(cell.z)) return asRatio(rateInCell(cell, measure));
  return saysNothingArose(cell) ? nothing() : asRatio(ratioReading(cellText(cell), true, measure));
}

/** A count cell; "0/0" is nothing arose here too (§6), a declared 0 is n = 0. */
function readCount(cell: GridCell, countsLate: boolean, measure: Measure): Reading {
  if (saysNothingArose(cell)) return nothing();
  return asCount(countInCell(cell, countsLate, measure));
}

/** A count in the note: the whole number its words name, else 0 when it says there was none ("Không có trường hợp bị xử lý kỷ luật"). */
function readCountNote(cell: GridCell, countsLate: boolean, measure: Measure): Reading {
  const text = cellText(cell);
  const n = countReading(text, countsLate, measure);
  // "Đầy đủ, đúng hạn" names no figure: none counted, as in a data cell (A8-3: it had been "which figure?").
  return asCount(typeof n !== "number" && saysNoneCounted(text) ? 0 : n);
}
