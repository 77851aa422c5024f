import { cellAt, cellText, type GridSheet } from "./grid.ts";
import { ADJUSTMENT_SECTION } from "./import-criteria-method.ts";
import { HEADING_POINTS, isHeading } from "./import-criteria-options.ts";
import { findHeader, readTableRows, type HeaderMatch, type TableRow } from "./locate-table.ts";
import { cleanText, foldText } from "./text.ts";

/**
 * A decision's table in parts, each closed by its subtotal: "A | ĐIỂM TỰ ĐÁNH GIÁ … | Cộng (A)
 * | 70", then "B | ĐIỂM ĐIỀU TRA XÃ HỘI HỌC | 30 …", maybe as a second table under its own title
 * line ("B. ĐIỂM ĐÁNH GIÁ QUA ĐIỀU TRA XÃ HỘI HỌC (30 điểm)") and header, and "TỔNG ĐIỂM
 * (A+B)" at the end. The engine's reading of a table stops at the subtotal; the parts after it
 * are read on, each part row kept as a heading row so the numbering of parts applies.
 */
export interface Sections {
  rows: TableRow[];
  /** The part rows found after a subtotal (read as headings) and the rows skipped around them (subtotals, repeated headers). */
  parts: Set<number>;
  skipped: Set<number>;
  /** The grand total read past to a bonus and deduction section under it (A7-4): still the total checked. */
  totalRow?: number;
}

/** Parts read past a subtotal: a decision has two or three (A, B, C). */
const MAX_PARTS = 4;
/** Rows looked at between a part's last criterion and the next part's row. */
const GAP_ROWS = 8;

const SUBTOTAL = /^(?:tong cong|tong so diem|tong diem|tong|cong)\b/;
/** "Cộng phần A", "Tổng cộng (A)", "Tổng cộng điểm tự đánh giá": a subtotal's whole label, never an option ("Cộng 0,5 điểm"). */
const SUBTOTAL_LABEL = /^(?:tong cong|tong so diem|tong diem|tong|cong)(?:\s*\([^)]*\)|\s+phan\s+\S+|\s+diem\b\D*)?\s*[:.]?\s*$/;

/**
 * "Tổng số: 03 tiêu chí | 3 điểm", "Cộng: 02 tiêu chí", "TỔNG | 01 lĩnh vực, 02 tiêu chí": a
 * totals row that counts the table's items. It ends the table (§2) like "Tổng cộng"; read as a
 * row, its numbers became codes or an option of the last criterion.
 */
const COUNTING_TOTAL = /^(?:tong cong|tong so|tong|cong)\s*[:.\-–]?\s*(?:\d+\s+(?:linh vuc|tieu chi thanh phan|tieu chi|chi tieu|noi dung|tctp)\b[\s,;.]*(?:va\s+)?)+/;

export function isCountingTotal(rowText: string): boolean {
  return COUNTING_TOTAL.test(foldText(rowText));
}

/** An uncoded row's title that is a subtotal, not a line of the criterion above it. */
export function isSubtotal(title: string): boolean {
  return SUBTOTAL_LABEL.test(foldText(title)) || TOTAL_STATED.test(foldText(title));
}
/** "Tổng điểm: 10", "Tổng cộng: 10 điểm", "TỔNG ĐIỂM TỐI ĐA: 10" in the title cell mid-table: a total, never an option of the leaf above (A7-5). */
const TOTAL_STATED = /^(?:tong cong|tong so diem|tong diem)(?:\s+toi da)?\s*[:=]\s*\d+(?:[.,]\d+)?\s*(?:diem)?\s*[.]?$/;
// "B", "B.", "Phần B", "PHẦN II" in the code cell; or "B. ĐIỂM …", "PHẦN B: …" written whole in one cell.
// A Roman numeral alone is a field ("II | CẢI CÁCH THỂ CHẾ"), never a part.
const PART_CODE = /^(?:phan\s+(?:[a-e]|[ivx]+|\d)|[a-e])\s*[.):]?$/;
const PART_LINE = /^\s*(?:PHẦN\s+(?:[A-E]|[IVX]+)|[A-E])\s*[.):\-–]\s*(.+)$/u;

export function readSections(sheet: GridSheet, header: HeaderMatch): Sections {
  const read = (h: HeaderMatch, s = sheet) => numberedFields(romanFields(readTableRows(s, h)), sheet, h);
  let rows = read(header);
  const counted = rows.length === 0 ? undefined : range(header.headerBottom + 1, rows.at(-1)!.r + 1).find((r) => isCountingTotal(rowText(sheet, r)));
  if (counted !== undefined) rows = read(header, { ...sheet, rows: sheet.rows.slice(0, counted) });
  // A subtotal the engine reads through ("Cộng phần A") right above a part row ends the part:
  // the parts are read apart, so each resolves its own numbering.
  const end = rows.findIndex((row, i) => row.code === null && isSubtotal(row.title) && rows[i + 1]?.code === null && isHeading(rows[i + 1]!.title));
  if (end > 0) rows = read(header, { ...sheet, rows: sheet.rows.slice(0, rows[end]!.r) });
  const parts = new Set<number>();
  const skipped = new Set<number>();
  for (let n = 0; n < MAX_PARTS && rows.length > 0; n++) {
    const next = partAfter(sheet, header, rows.at(-1)!.r + 1);
    if (!next) break;
    const more = read({ ...header, headerTop: next.start - 1, headerBottom: next.start - 1 });
    if (!more.some((row) => row.code !== null)) break;
    parts.add(next.r);
    for (const r of next.skipped) skipped.add(r);
    rows = [...rows, { r: next.r, token: null, code: null, title: next.title }, ...more];
  }
  // "Tổng điểm (1+2) | 10", then "3 | ĐIỂM THƯỞNG, ĐIỂM TRỪ" over 3.1, 3.2: the bonus and deduction
  // section stands outside the total, so it is typed after it; it had been dropped with no note (A7-4).
  const bonus = rows.length > 0 ? adjustmentAfterTotal(sheet, header, rows.at(-1)!.r + 1) : null;
  if (bonus) {
    const more = read({ ...header, headerTop: bonus.r - 1, headerBottom: bonus.r - 1 });
    const known = new Set(rows.map((row) => row.code));
    if (more[0]?.r === bonus.r && more[0].code !== null && !known.has(more[0].code) && more.some((row) => row.code?.startsWith(`${more[0]!.code}.`))) {
      skipped.add(bonus.total);
      return { rows: [...rows, ...more], parts, skipped, totalRow: bonus.total };
    }
  }
  return { rows, parts, skipped };
}

/** The row of a bonus and deduction section ("3 | ĐIỂM THƯỞNG, ĐIỂM TRỪ", "IV | ĐIỂM TRỪ") right under the grand total after `from`, with that total's row. */
function adjustmentAfterTotal(sheet: GridSheet, header: HeaderMatch, from: number): { r: number; total: number } | null {
  const { code, title } = header.columns;
  if (code === undefined || title === undefined) return null;
  let total: number | null = null;
  for (let r = from; r < Math.min(sheet.rows.length, from + GAP_ROWS); r++) {
    if (rowText(sheet, r) === "") continue;
    if (total === null) {
      if (!SUBTOTAL.test(foldText(rowText(sheet, r)))) return null;
      total = r;
      continue;
    }
    const codeText = cleanText(cellText(cellAt(sheet, r, code)));
    const titleText = cleanText(cellText(cellAt(sheet, r, title)));
    return /^(?:\d{1,2}|[IVX]{1,4})\.?$/.test(codeText) && ADJUSTMENT_SECTION.test(foldText(titleText)) ? { r, total } : null;
  }
  return null;
}

/**
 * "1. Số liệu tính đến ngày 15/12/2024.", "2. Xếp loại: Tốt từ 90% …" typed whole in the STT cell
 * under the last criterion, no "Ghi chú:" above them: notes, never criteria (CRITERIA-FORMAT §2).
 * A criterion has its title in the title column; these leave it blank and carry no points. They
 * had become criteria ("Mã 3.1 lặp lại", a "Xếp loại …" worth 0) and the bands in them were lost (A7-6).
 */
export function withoutTrailingNotes(rows: TableRow[], sheet: GridSheet, header: HeaderMatch): TableRow[] {
  const { code, title, max } = header.columns;
  if (code === undefined || title === undefined) return rows;
  const isNote = (row: TableRow): boolean => {
    const codeText = cleanText(cellText(cellAt(sheet, row.r, code)));
    const blank = (c: number | undefined) => c === undefined || cleanText(cellText(cellAt(sheet, row.r, c))) === "";
    return /^\d{1,2}[.)]\s+\p{L}/u.test(codeText) && !isHeading(codeText.replace(/^\d{1,2}[.)]\s+/, "")) && blank(title) && blank(max);
  };
  let end = rows.length;
  while (end > 0 && isNote(rows[end - 1]!)) end--;
  return end === rows.length || end === 0 ? rows : rows.slice(0, end);
}

/**
 * "I" over local "1", "2", then "II | Công tác tuyên truyền CCHC | 5" alone: the engine reads
 * Roman rows over single numbers as parts over fields ("I. TỰ ĐÁNH GIÁ" over fields 1, 2 …),
 * which a Roman row with no number under it, in a table with no dotted code, cannot be. Then
 * the Roman rows are the fields and the numbers under them their criteria.
 */
function romanFields(rows: TableRow[]): TableRow[] {
  const romans = rows.filter((row) => row.token?.kind === "roman");
  if (romans.length < 2 || romans.some((row) => row.code !== null)) return rows;
  // Numbers with criteria under them (dotted codes, letters) are fields: the Roman rows are parts.
  if (rows.some((row) => row.token?.kind === "letter" || (row.token?.kind === "dotted" && row.token.code.includes(".")))) return rows;
  const coded = rows.filter((row) => row.token !== null);
  const alone = romans.slice(1).some((roman) => {
    const next = coded[coded.indexOf(roman) + 1];
    return next === undefined || next.token?.kind === "roman";
  });
  if (!alone) return rows;
  let field: string | null = null;
  let last: string | null = null;
  return rows.map((row) => {
    const token = row.token;
    if (token === null) return row;
    if (token.kind === "roman") field = last = String(token.n);
    else if (token.kind === "dotted") last = field ? `${field}.${token.code}` : token.code;
    else if (token.kind === "letter" && last !== null) return { ...row, code: `${last}.${token.n}` };
    else return row;
    return { ...row, code: last };
  });
}

/**
 * "1. | CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC | 11" over criteria coded in their titles ("1.1. Kế
 * hoạch CCHC năm", the STT blank): the engine reads the titles' codes and leaves the field row
 * uncoded. A code column is authoritative when filled (CRITERIA-FORMAT §2): the number in it
 * is the field whose criteria follow, never a row to drop (IMP6-2).
 */
function numberedFields(rows: TableRow[], sheet: GridSheet, header: HeaderMatch): TableRow[] {
  const column = header.columns.code;
  if (column === undefined) return rows;
  const codes = new Set(rows.map((row) => row.code).filter((code) => code !== null));
  return rows.map((row, i) => {
    if (row.token !== null || row.code !== null) return row;
    const typed = /^(\d{1,2})\.?$/.exec(cleanText(cellText(cellAt(sheet, row.r, column))));
    const n = typed ? String(Number(typed[1])) : null;
    if (n === null || codes.has(n) || !rows.slice(i + 1).find((next) => next.code !== null)?.code?.startsWith(`${n}.`)) return row;
    codes.add(n);
    return { ...row, token: { kind: "dotted", code: n }, code: n };
  });
}

/** The part row after a part's end (its subtotal, blank rows), and the row its criteria start at. */
function partAfter(sheet: GridSheet, header: HeaderMatch, from: number): { r: number; title: string; start: number; skipped: number[] } | null {
  const skipped: number[] = [];
  const texts = (r: number) => (sheet.rows[r] ?? []).map((c) => cleanText(cellText(c ?? undefined))).filter(Boolean);
  for (let r = from; r < Math.min(sheet.rows.length, from + GAP_ROWS); r++) {
    const filled = texts(r);
    if (filled.length === 0) continue;
    const title = partTitle(sheet, header, r, filled);
    if (title !== null) {
      // The part may repeat the header under its title line.
      const again = findHeader(sheet, undefined, r + 1);
      const start = again && again.headerTop <= r + 2 && again.columns.title === header.columns.title ? again.headerBottom + 1 : r + 1;
      for (let h = r + 1; h < start; h++) skipped.push(h);
      return { r, title, start, skipped };
    }
    if (!SUBTOTAL.test(foldText(filled.find((t) => !/^[\d.,]+$/.test(t)) ?? ""))) return null;
    skipped.push(r);
  }
  return null;
}

/** "B | ĐIỂM ĐIỀU TRA XÃ HỘI HỌC | 30" or "B. ĐIỂM ĐÁNH GIÁ QUA ĐIỀU TRA XÃ HỘI HỌC (30 điểm)": the part's title in capitals, or null. */
function partTitle(sheet: GridSheet, header: HeaderMatch, r: number, filled: string[]): string | null {
  const { code, title } = header.columns;
  const codeText = code === undefined ? "" : cleanText(cellText(cellAt(sheet, r, code)));
  const titleText = title === undefined ? "" : cleanText(cellText(cellAt(sheet, r, title)));
  // Its points may stand in its title rather than the max cell ("ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (30 điểm)", IMP6-6).
  const titled = titleText.replace(HEADING_POINTS, "").trim();
  if (codeText && titled && PART_CODE.test(foldText(codeText)) && isHeading(titled)) return titled;
  const line = filled.length === 1 ? PART_LINE.exec(filled[0]!) : null;
  const named = line?.[1]!.replace(HEADING_POINTS, "").trim();
  return named && isHeading(named) ? named : null;
}

/** A row's filled cells, left to right. */
export function rowText(sheet: GridSheet, r: number): string {
  return (sheet.rows[r] ?? []).map((c) => cleanText(cellText(c ?? undefined))).filter(Boolean).join(" ");
}

/** The numbers from `from` up to, not including, `to`. */
export function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}
