import { cleanText, foldFullWidth, foldText, withoutInvisible } from "./text.ts";
import { findDates, findWrittenDates, isDateFormat, serialDate, type WrittenDate } from "./values.ts";
import type { GridCell } from "./grid.ts";

/**
 * Evidence references as units cite them: "Kế hoạch số 307/KH-MTTQ-BTT ngày 09/9/2022",
 * "Quyết định số 12/QĐ-UBND ngày 05/01/2024", dates also "ngày 5 tháng 1 năm 2024".
 * Entries are split on new lines and ";", and a line listing several documents at its list
 * breaks (splitListed).
 */
export interface EvidenceRef {
  text: string;
  kind: string | null;
  number: string | null;
  symbol: string | null;
  date: string | null;
  recognised: boolean;
  /** The date the entry is dated by when that day does not exist ("31/02/2024"): `date` is then null. */
  invalidDate?: WrittenDate;
  /** With no day, the month or year dating the document after its number ("12/KH-UBND tháng 01/2023", "45/BC-UBND năm 2023"). */
  dated?: DatedSpan;
}

/** A month or a year a document is dated by: its first and last day, and how it was written. */
export interface DatedSpan {
  from: string;
  to: string;
  /** As written, a month always with its word: "tháng 01/2023", "tháng 1 năm 2023", "năm 2023". */
  written: string;
  /** The same without words: "01/2023", "2023". */
  plain: string;
}

const KINDS = [
  "Quyết định", "Kế hoạch", "Báo cáo", "Nghị quyết", "Công văn", "Thông báo", "Chỉ thị", "Văn bản",
  "Tờ trình", "Hướng dẫn", "Thông tư", "Nghị định", "Luật", "Quy chế", "Quy định", "Biên bản",
  "Giấy mời", "Kết luận", "Đề án", "Chương trình", "Thông tư liên tịch", "Công điện",
];
// After a bullet or a list number ("7. Công văn số …", "2) Kế hoạch …").
// The kind ends where no letter follows ("Chỉ thị số …": a word boundary \b is ASCII's, and "ị" is none).
const KIND_RE = new RegExp(`^(?:[-–•+*]\\s*|\\d{1,2}[.)]\\s+)?(${KINDS.join("|")})(?![\\p{L}\\d])`, "iu");
// "số 307/KH-MTTQ-BTT" or a bare "307/KH-MTTQ-BTT"; the symbol has letters.
// "1.234/QĐ-UBND": a number grouped by thousands is one number (the dot dropped, as registers key it).
// A dash may have spaces round it ("12/QĐ - UBND", a common typing habit): symbolOf cuts what follows when it is a title.
const NUMBER_RE = /(?:số\s*)?(\d{1,3}(?:\.\d{3})+(?![\d.])|\d{1,6}[a-z]?)\s*\/\s*((?:\d{4}\/)?[\p{L}\d]+(?:(?:[.\/]|\s*[-–]\s*)[\p{L}\d]+)*)/iu;
/** The Party's documents number and symbol otherwise: "05-NQ/TU", "12-TB/HU", "01-HD/BTGTU" — number 05, symbol NQ/TU. */
const PARTY_NUMBER_RE = /(?<![\p{L}\d])(\d{1,4})-(\p{Lu}{1,5}\/[\p{Lu}\d]+(?:[-.][\p{Lu}\d]+)*)(?![\p{L}\d])/u;

/**
 * A citation as the cell shows it: no invisible characters ("20\u00ad24" is 2024, a cell of a
 * soft hyphen is blank), full-width digits and punctuation as ASCII ("０５／０１", "；"), and the
 * hyphens Word's autocorrect gives (U+2010, U+2011, U+2012) as "-".
 */
const asShown = (text: string): string => foldFullWidth(withoutInvisible(text)).replace(/[\u2010-\u2012]/g, "-");

/**
 * A line as the user sees one: LF, CRLF, a lone CR, Word's line break (VT), U+2028/U+2029; and the
 * marks typed between documents on one line, ";", "|", "·", "•" (none is ever part of a citation:
 * "Kế hoạch … ngày 10/01/2024 | Báo cáo … ngày 15/12/2023" had dated both by the first).
 */
const ENTRY_BREAK = /\r\n|[\n\r\v\u2028\u2029;|\u00b7\u2022]/;

export function splitEvidence(text: string): string[] {
  return asShown(text)
    .split(ENTRY_BREAK)
    .flatMap((s) => splitListed(cleanText(s)))
    .map((s) => s.replace(/^[-–•+*]\s*/, ""))
    .filter((s) => s !== "" && !saysNoEvidence(s));
}

/**
 * An entry that says there is no document: "Không", "Chưa có", "Không có tài liệu", "Đang cập
 * nhật", "Sẽ bổ sung", "0". It cites nothing, so a positive score beside it has no evidence
 * (EVIDENCE_MISSING), as a blank cell has; "Có" still counts (it says there is one).
 */
const NO_EVIDENCE =
  /^((khong|ko|k|chua)( co)?( (tai lieu|van ban|minh chung|ho so|tai lieu kiem chung|van ban kiem chung))?|(dang|se) (cap nhat|bo sung)( sau)?|bo sung sau|0)$/;
/** A note that says nothing: "Không", "Không có", "Chưa có", "-", "0" (a promise such as "Sẽ bổ sung sau" is an explanation). */
const NOTHING = /^((khong|ko|k|chua)( co)?|0|)$/;
const folded = (text: string) => foldText(text).replace(/[-–—.,:!()]/g, "").replace(/\s+/g, " ").trim();
function saysNoEvidence(entry: string): boolean {
  return entry.length <= 40 && NO_EVIDENCE.test(folded(entry));
}

/** Whether a note column's text explains anything: some line of it says more than "Không", "-" or "0". */
export function explainsSomething(note: string): boolean {
  return asShown(note).split(ENTRY_BREAK).some((line) => line.length > 20 || !NOTHING.test(folded(line)));
}

/**
 * A link to where the document is kept ("https://drive.google.com/file/d/1AbC23/view",
 * "www.sonoivu…/ke-hoach-2024"), as units paste them beside or instead of a citation. Its
 * path is never read for a number, symbol or date: "…/d/1AbC23/view" is no document "23/view".
 */
const LINK = /\b(?:https?:\/\/|www\.)[^\s<>"'()]+/giu;
const HOLDS_LINK = new RegExp(LINK.source, "iu");
/** An entry that is (or holds) a link: where a result is published, or where a document is kept (A6-4). */
export const namesLink = (text: string): boolean => HOLDS_LINK.test(text);
/** The text with each link blanked out, same length, so that positions still match the text. */
const withoutLinks = (text: string): string => text.replace(LINK, (link) => " ".repeat(link.length));

/** Each document number with a symbol ("12/QĐ-UBND", "61/2018/NĐ-CP") in a line. */
const NUMBER_ALL = new RegExp(NUMBER_RE.source, "giu");
const firstCited = (text: string) => {
  for (const m of text.matchAll(NUMBER_ALL)) {
    const cited = citedNumber(m, text);
    if (cited) return { ...cited, end: m.index! + m[0].length };
  }
  return null;
};
/** Where a list goes on: a comma, "và", "+", or the next item's number ("2.", "2)") after a space. */
const LIST_BREAK = /,\s*|\s+và\s+|\s*\+\s*|\s(?=\d{1,2}[.)]\s)/giu;

/**
 * One line citing several documents as a list — "QĐ số 12/QĐ-UBND ngày 05/01/2024, KH số
 * 08/KH-UBND ngày 22/01/2023", "… và Kế hoạch …", "1. … 2. …" — is one entry each, cut at the
 * last list break between two document numbers. Without a break between them the line is one
 * entry: "Kế hoạch số 08/KH-UBND … thực hiện Nghị định 61/2018/NĐ-CP" cites the plan.
 */
function splitListed(line: string): string[] {
  const shown = withoutLinks(line);
  const numbers = [...shown.matchAll(NUMBER_ALL)].filter((m) => citedNumber(m, shown) !== null);
  if (numbers.length < 2) return [line];
  const pieces: string[] = [];
  let start = 0;
  for (let i = 1; i < numbers.length; i++) {
    const from = numbers[i - 1]!.index! + numbers[i - 1]![0].length;
    const last = [...line.slice(from, numbers[i]!.index!).matchAll(LIST_BREAK)].at(-1);
    if (!last) continue;
    pieces.push(line.slice(start, from + last.index!));
    start = from + last.index! + last[0].length;
  }
  pieces.push(line.slice(start));
  return pieces.map((p) => p.trim()).filter((p) => p !== "");
}

/**
 * The kind a document's symbol names when the entry does not spell it ("KH 08/KH-UBND",
 * "QĐ số 12/QĐ-UBND"): the abbreviations of Nghị định 30/2020/NĐ-CP, appendix I.
 */
const KIND_OF_SYMBOL: Record<string, string> = {
  NQ: "Nghị quyết", QĐ: "Quyết định", CT: "Chỉ thị", QC: "Quy chế", QYĐ: "Quy định", TB: "Thông báo", HD: "Hướng dẫn",
  CTR: "Chương trình", KH: "Kế hoạch", ĐA: "Đề án", BC: "Báo cáo", BB: "Biên bản", TTR: "Tờ trình", CĐ: "Công điện", GM: "Giấy mời",
  KL: "Kết luận", TT: "Thông tư", NĐ: "Nghị định",
};

/**
 * A symbol as issued, "QĐ-UBND": the spaces typed round its dashes dropped ("12/QĐ - UBND"). A
 * spaced dash goes on with the symbol only when the symbol so far was typed that way too (after
 * "QĐ-UBND" typed whole, " - UBND xã …" names the issuer) and the part after it is an
 * abbreviation: capitals without marks (Đ aside) and digits, a capital first. So it ends before
 * a date, a year or a count ("- 05/01/2024", "- 2024", "- 01 bản"), a title or a name ("- Quyết
 * định ban hành …", "- Đoàn kiểm tra", "- QUYẾT ĐỊNH …").
 */
function symbolOf(matched: string): string {
  const parts = matched.split(/(\s*[-–]\s*)/);
  let symbol = parts[0]!;
  let typedWhole = false;
  for (let i = 1; i + 1 < parts.length; i += 2) {
    const dash = parts[i]!;
    if (!/\s/.test(dash)) typedWhole = true;
    else if (typedWhole || !SYMBOL_PART.test(parts[i + 1]!)) break;
    symbol += dash.trim() + parts[i + 1]!;
  }
  return symbol;
}
const SYMBOL_PART = /^[A-ZĐ][A-ZĐ\d.\/]*$/u;

/**
 * The number and symbol a match of NUMBER_RE cites, or null. The symbol has letters once cut
 * ("12/6/2024 - Đoàn …" is "6/2024", none), and a date is never a document: "12/6/2024-UBND" is
 * the 12th of June however it goes on, and so is any number after "ngày".
 */
function citedNumber(m: RegExpMatchArray, text: string): { number: string; symbol: string } | null {
  const symbol = symbolOf(m[2]!);
  if (!/\p{L}/u.test(symbol) || (/^\d{1,2}$/.test(m[1]!) && /^\d{1,2}\/\d{4}(?!\d)/.test(m[2]!))) return null;
  if (/(?<![\p{L}\d])ng[aà]y\s*$/iu.test(text.slice(0, m.index))) return null;
  return { number: m[1]!, symbol };
}

/** One entry, already cleaned by `splitEvidence`. */
export function parseEvidenceRef(text: string): EvidenceRef {
  const cited = withoutLinks(text);
  const spelled = KIND_RE.exec(cited)?.[1] ?? null;
  // The first number whose symbol has letters: "Ngày 15/3/2024, UBND xã ban hành Quyết định số
  // 33/QĐ-UBND" is 33/QĐ-UBND, never the date's "15/3".
  const party = PARTY_NUMBER_RE.exec(cited);
  const num = firstCited(cited) ?? (party ? { number: party[1]!, symbol: party[2]!, end: party.index + party[0].length } : null);
  // A day that does not exist leaves the entry undated: no later date in the line stands in for it.
  const written = findWrittenDates(withDateWords(cited))[0];
  const date = written?.iso ?? null;
  const dated = date === null && !written && num ? datedSpan(cited.slice(num.end)) : null;
  // "08/KH-UBND" or "12/2024/QĐ-UBND": the kind is the symbol's first part that is not a year
  // (of the symbol as cut: "QĐ - UBND" is "QĐ-UBND", whose first part is "QĐ").
  const symbolKind = num ? KIND_OF_SYMBOL[num.symbol.replace(/^\d{4}\//, "").split(/[-–.\/]/)[0]!.toUpperCase()] : undefined;
  return {
    text,
    kind: spelled ? spelled[0]!.toUpperCase() + spelled.slice(1) : (symbolKind ?? null),
    number: num ? num.number.replace(/\./g, "") : null,
    symbol: num?.symbol ?? null,
    date,
    recognised: num !== null || date !== null,
    ...(written && !written.iso ? { invalidDate: written } : {}),
    ...(dated ? { dated } : {}),
  };
}

/**
 * A month or a year right after a document's number and symbol dates it: "Kế hoạch số
 * 12/KH-UBND tháng 01/2023", "… tháng 1 năm 2023", "…, 01/2023", "Báo cáo số 45/BC-UBND năm
 * 2023", or a span of years, "năm 2023-2024", "năm 2023 đến 2024", that may reach into the
 * period (WB35-7) — a two-digit end written apart ("năm 2023 - 15 TTHC", a count after the year,
 * WB38-5) only when no word but a link ("của", "theo" …) follows it; written together with the
 * dash ("năm 2023-24 V/v …") it is the span's end whatever follows (WB40-7). Anywhere else a year is what the
 * document is about ("Báo cáo kết quả CCHC năm 2023", "Báo cáo số 45/BC-UBND kết quả CCHC năm
 * 2023"), never when it was issued.
 */
const DATED_BY =
  /^\s*[,(]?\s*(?:(?:ban hành|ban hanh)\s+)?(?:(?<mw>th[aá]ng\s*(?<m1>\d{1,2})\s*(?:[\/.-]|\s+n[aă]m)\s*(?<y1>\d{4}))|(?<m2>\d{1,2})\s*\/\s*(?<y2>\d{4})|(?<yw>n[aă]m\s*(?<y3>\d{4})(?:[-–—](?<y5>\d{2})(?!\d)|\s*(?:[-–—]|đến|den)\s*(?:n[aă]m\s*)?(?<y4>\d{4}|\d{2}(?!\s*\p{L})|\d{2}(?=\s+(?:của|cua|về|ve|do|tại|tai|và|va|theo|ngày|ngay)(?![\p{L}\d]))))?))(?![\d\/])/iu;

function datedSpan(after: string): DatedSpan | null {
  const g = DATED_BY.exec(after)?.groups;
  if (!g) return null;
  const year = g.y1 ?? g.y2 ?? g.y3!;
  const month = g.m1 ?? g.m2;
  // A span of years ("năm 2023-2024") runs from the first's first day to the last's last day.
  const end = g.y4 ?? g.y5;
  const last = end === undefined ? year : end.length === 2 ? `${year.slice(0, 2)}${end}` : end;
  // A span ending where or before it starts ("năm 2024-2023", "năm 2023-21") is no span: the first year dates it, as before spans were read (WB38-5).
  if (month === undefined && last <= year) return { from: `${year}-01-01`, to: `${year}-12-31`, written: cleanText(g.yw!.slice(0, g.yw!.indexOf(year) + 4)), plain: year };
  if (month === undefined) return { from: `${year}-01-01`, to: `${last}-12-31`, written: cleanText(g.yw!), plain: `${year}-${last}` };
  const m = Number(month);
  if (m < 1 || m > 12) return null;
  const mm = String(m).padStart(2, "0");
  const lastDay = new Date(Date.UTC(Number(year), m, 0)).getUTCDate();
  return { from: `${year}-${mm}-01`, to: `${year}-${mm}-${lastDay}`, written: g.mw ? cleanText(g.mw) : `tháng ${month}/${year}`, plain: `${month}/${year}` };
}

/**
 * "ngay 5 thang 1 nam 2022", typed with the Vietnamese keyboard off, is the date "ngày 5 tháng 1
 * năm 2022": the words spelled without marks, same length, so positions still match.
 */
const DATE_WORDS_PLAIN = /(?<![\p{L}\d])ngay(\s*\d{1,2}\s*)thang(\s*\d{1,2}\s*)nam(?=\s*\d{4}(?!\d))/giu;
const withDateWords = (text: string): string => text.replace(DATE_WORDS_PLAIN, "ngày$1tháng$2năm");

const parsed = new Map<string, readonly EvidenceRef[]>();

/** The entries of an evidence cell, read-only: one text is parsed once (a unit cites one report for many criteria). */
export function parseEvidence(text: string): readonly EvidenceRef[] {
  let refs = parsed.get(text);
  if (!refs) {
    refs = splitEvidence(text).map(parseEvidenceRef);
    if (parsed.size < 4096) parsed.set(text, refs);
  }
  return refs;
}

/** An entry with the date it was checked by; `dateFromColumn` when that came from the row's date column. */
export interface DatedEvidenceRef extends EvidenceRef {
  dateFromColumn?: true;
}

/**
 * The dates of an evidence date cell ("Ngày ban hành"), a line each: a date cell (a serial
 * shown with a date format) is one line; a text line (split as entries are) gives its one date,
 * written as in an entry ("22/01/2025", "22-01-2025", "22.01.2025"), or null.
 */
export function evidenceCellDates(cell: GridCell | undefined): (string | null)[] {
  if (!cell || cell.err !== undefined) return [];
  if (typeof cell.v === "number") return isDateFormat(cell.z) ? [serialDate(cell.v)] : [];
  if (typeof cell.v !== "string") return [];
  return splitEvidence(cell.v).map((line) => {
    const dates = findDates(line);
    return dates.length === 1 ? dates[0]! : null;
  });
}

/**
 * A row's entries dated from its date column where they carry no date of their own: one date
 * dates every entry, the i-th line's the i-th entry when the counts match; otherwise they stay
 * undated (no guessing). An entry so dated is recognised, as the same text with the date in it is.
 */
export function datedEvidence(text: string, dateCell: GridCell | undefined): readonly DatedEvidenceRef[] {
  const refs = parseEvidence(text);
  const dates = refs.some((ref) => ref.date === null) ? evidenceCellDates(dateCell) : [];
  if (dates.length !== 1 && dates.length !== refs.length) return refs;
  return refs.map((ref, i) => {
    const date = dates.length === 1 ? dates[0]! : dates[i]!;
    return ref.date === null && date !== null ? { ...ref, date, recognised: true, dateFromColumn: true } : ref;
  });
}
