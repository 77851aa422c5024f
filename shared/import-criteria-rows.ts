import { a1, cellAt, cellText, isBlankCell, mergeAt, mergedCellAt, sheetWidth, type GridCell, type GridSheet } from "./grid.ts";
import type { MethodLine } from "./import-criteria-clauses.ts";
import { isHeading, numberedOptions, optionsInTitle } from "./import-criteria-options.ts";
import { ADJUSTMENT_SECTION, titleNamesSurvey } from "./import-criteria-method.ts";
import { partNumbering, type PartRenumbered } from "./import-criteria-parts.ts";
import { findHeader, readTableRows, type HeaderMatch } from "./locate-table.ts";
import { readCodeCell, readTitleCode, stripTitleCode } from "./codes.ts";
import { cleanText, foldText } from "./text.ts";
import { parseNumberText } from "./values.ts";
import { round2 } from "./decimal.ts";

/**
 * A decision's criteria table, row by row: the coded rows (fields, criteria, sub-criteria)
 * with what stands beside them, and under each the rows that belong to it (option rows,
 * method lines in a merged cell). Codes, the header and the table's end come from the
 * engine's own reading of workbooks, so a decision is read the way a unit's workbook is.
 */
export interface DecisionRow {
  code: string;
  /** Coded by a list letter ("a)", "b)"): maybe an option rather than a criterion. */
  letter: boolean;
  title: string;
  /** The title cell and the max cell, where notes about the row point. */
  cell: string;
  maxCell: string;
  /** The max column's number, null when blank or not a number. */
  max: number | null;
  /** The method column and the uncoded rows under this one, line by line. */
  method: MethodLine[];
  /** The note column ("Ghi chú"), read only for survey and "không phát sinh" words. */
  note: MethodLine[];
  evidence: string;
  /** Under a part row that names the survey ("B. ĐIỂM ĐIỀU TRA XÃ HỘI HỌC"). */
  surveyPart: boolean;
}

export interface DecisionTable {
  sheet: GridSheet;
  header: HeaderMatch;
  rows: DecisionRow[];
  /** "Tổng cộng" row with the total it states, when the table has one. */
  totals: { cell: string; value: number } | null;
  /** Text above the header (title block) and below the table (notes, xếp loại), by row. */
  above: string[];
  below: { cell: string; text: string }[];
  /** Parts whose numbering restarted, renumbered to follow the fields before them. */
  renumbered: PartRenumbered[];
}

/** The decision table on a sheet, or null when the sheet has none. */
export function readDecisionTable(sheet: GridSheet): DecisionTable | null {
  const header = findHeader(sheet);
  const maxColumn = header?.columns.max ?? header?.columns.self;
  if (!header || header.columns.title === undefined || maxColumn === undefined) return null;
  const titleColumn = header.columns.title;
  const columns = { ...header.columns, ...methodAndNote(sheet, header) };
  const normalized = titlesInTitleColumn(sheet, header);
  const located = readTableRows(normalized, header);
  const at = (r: number, c: number | undefined): GridCell | undefined => (c === undefined ? undefined : cellAt(normalized, r, c));
  const text = (r: number, c: number | undefined): string => cleanText(cellText(at(r, c)));
  const lines = (r: number, c: number | undefined): string => linesOf(cellText(at(r, c)));
  // A coded row reads its method and evidence through a cell merged down over several rows;
  // the option rows under a leaf do not, or they would repeat its method. A merge that starts
  // in another column (a field's title across the table) is no method.
  const merged = (r: number, c: number | undefined): string => {
    if (c === undefined) return "";
    const m = text(r, c) ? undefined : mergeAt(normalized, r, c);
    return cellText(m && m.s.c === c ? cellAt(normalized, m.s.r, c) : at(r, c));
  };
  const line = (r: number, c: number | undefined): MethodLine[] => (c !== undefined && cleanText(merged(r, c)) ? [{ text: linesOf(merged(r, c)), cell: a1(sheet.name, r, c) }] : []);
  /** An uncoded row under a coded one: its words (title, method) and the points beside them. */
  const attachedLine = (r: number): MethodLine[] => {
    const words = [lines(r, columns.title), lines(r, columns.method)].filter(Boolean).join(": ");
    const points = readMax(at(r, maxColumn));
    if (!words && points === null) return [];
    const c = text(r, columns.title) ? columns.title : (columns.method ?? maxColumn);
    return [{ text: words, points: points ?? undefined, cell: a1(sheet.name, r, c ?? maxColumn) }];
  };
  const isMethodOnly = (r: number): boolean =>
    !text(r, columns.title) && !text(r, columns.code) && (!!text(r, columns.method) || readMax(at(r, maxColumn)) !== null);

  const options = numberedOptions(located, (r) => text(r, columns.code), (r) => readMax(at(r, maxColumn)));
  const rows: DecisionRow[] = [];
  let last = header.headerBottom;
  let surveyPart = false;
  let partRow = header.headerBottom;
  const parts = partNumbering();
  for (const row of located) {
    const owner = rows.at(-1);
    if (owner) for (let r = last + 1; r < row.r; r++) owner.method.push(...attachedLine(r));
    last = row.r;
    if (row.code === null && isHeading(row.title)) {
      // "A | ĐIỂM TỰ ĐÁNH GIÁ", "B | ĐIỂM ĐIỀU TRA XÃ HỘI HỌC": a part of the table, no option.
      surveyPart = titleNamesSurvey(row.title);
      parts.start(cleanText(row.title), a1(sheet.name, row.r, titleColumn), ADJUSTMENT_SECTION.test(foldText(row.title)));
      partRow = row.r;
      continue;
    }
    if (row.code === null || options.has(row.r)) {
      owner?.method.push(...attachedLine(row.r));
      continue;
    }
    const method = line(row.r, columns.method);
    const inTitle = method.length === 0 ? optionsInTitle(row.title, a1(sheet.name, row.r, titleColumn)) : null;
    const title = inTitle?.title ?? row.title;
    const { code, field } = parts.codeOf(row.code, row.token);
    if (field) rows.push({ ...field, letter: false, cell: a1(sheet.name, partRow, titleColumn), maxCell: a1(sheet.name, partRow, maxColumn), max: readMax(at(partRow, maxColumn)), method: [], note: [], evidence: "", surveyPart });
    rows.push({
      code,
      letter: row.token?.kind === "letter",
      cell: a1(sheet.name, row.r, titleColumn),
      maxCell: a1(sheet.name, row.r, maxColumn),
      title: readTitleCode(title) ? stripTitleCode(title) : cleanText(title),
      max: readMax(at(row.r, maxColumn)),
      method: inTitle ? [inTitle.method] : method,
      note: line(row.r, columns.note),
      evidence: cleanText(merged(row.r, columns.evidence)),
      surveyPart,
    });
  }
  // Method lines in the cells under the last row, down to the first blank row.
  let end = last + 1;
  for (; end < sheet.rows.length && isMethodOnly(end); end++) rows.at(-1)?.method.push(...attachedLine(end));

  const rowText = (r: number): string => (sheet.rows[r] ?? []).map((c) => cleanText(cellText(c ?? undefined))).filter(Boolean).join(" ");
  const totalsAt = [...range(header.headerBottom + 1, located[0]?.r ?? 0), ...range(end, Math.min(sheet.rows.length, end + 4))].find((r) =>
    /^(tong cong|tong so diem|tong diem)\b|^(tong|cong)\s*(\(.*\))?\s*[:.]?[\d.,\s]*$/.test(foldText(rowText(r).slice(0, 60))),
  );
  const totalValue = totalsAt === undefined ? null : readMax(at(totalsAt, maxColumn));
  return {
    sheet,
    header,
    rows,
    totals: totalsAt !== undefined && totalValue !== null ? { cell: a1(sheet.name, totalsAt, maxColumn), value: totalValue } : null,
    above: range(0, header.headerTop).map(rowText).filter(Boolean),
    renumbered: parts.renumbered,
    below: range(end, sheet.rows.length).flatMap((r) => {
      const c = (sheet.rows[r] ?? []).findIndex((cell) => cellText(cell ?? undefined).trim() !== "");
      return c < 0 ? [] : [{ cell: a1(sheet.name, r, c), text: rowText(r) }];
    }),
  };
}

/** A method cell's text with its line breaks kept: each line is a clause ("- Ban hành kịp thời: 1"). */
function linesOf(raw: string): string {
  return raw.split(/\r?\n/).map(cleanText).filter(Boolean).join("\n");
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let r = from; r < to; r++) out.push(r);
  return out;
}

/** "2", "1,5", "(2)", "-2 điểm": a max as decisions type it. */
function readMax(cell: GridCell | undefined): number | null {
  if (isBlankCell(cell)) return null;
  const bare = typeof cell!.v === "number" ? null : /^\(?\s*([+-]?\s*\d+(?:[.,]\d+)?)\s*\)?\s*(?:điểm|đ)?\.?$/iu.exec(cleanText(cellText(cell)));
  const value = typeof cell!.v === "number" ? cell!.v : bare ? parseNumberText(bare[1]!.replace(/\s/g, "")) : null;
  // Points are hundredths: a stored 0.30000000000000004 or a typed 1,333 is read to the hundredth.
  return value === null || !Number.isFinite(value) ? null : round2(value);
}

const METHOD_LABEL = /cach thuc|cach danh gia|tieu chuan (danh gia|cham)|quy dinh cham|thang danh gia|yeu cau|huong dan|dien giai|mo ta|muc diem/;

/**
 * Where the method stands: the column the engine names ("Cách chấm", "Phương pháp chấm
 * điểm"), else one whose label says so in other words ("Cách thức đánh giá", "Tiêu chuẩn
 * đánh giá"), else the note column, which then holds the method ("Ghi chú: Kịp thời: 1 …").
 */
function methodAndNote(sheet: GridSheet, header: HeaderMatch): { method?: number; note?: number } {
  const { method, note } = header.columns;
  if (method !== undefined) return { method, note };
  const named = new Set(Object.values(header.columns));
  for (let c = 0; c < sheetWidth(sheet); c++) {
    if (named.has(c)) continue;
    const label = [header.headerTop, header.headerBottom].map((r) => cellText(mergedCellAt(sheet, r, c))).join(" ");
    if (METHOD_LABEL.test(foldText(label))) return { method: c, note };
  }
  return { method: note };
}

/**
 * Field rows are often one cell merged across the code and title columns ("I. CÔNG TÁC
 * CHỈ ĐẠO…"): the engine reads titles from the title column, so such a row's text is
 * moved there in a copy of the sheet (rows are copied only where they change).
 */
function titlesInTitleColumn(sheet: GridSheet, header: HeaderMatch): GridSheet {
  const { code, title } = header.columns;
  if (code === undefined || title === undefined) return sheet;
  const rows = sheet.rows.map((row, r) => {
    if (r <= header.headerBottom) return row;
    const codeText = cellText(row[code] ?? undefined);
    if (!codeText.trim() || !isBlankCell(row[title] ?? undefined) || readCodeCell(codeText) || !readTitleCode(codeText)) return row;
    const copy = [...row];
    while (copy.length <= title) copy.push(null);
    copy[title] = { v: codeText };
    copy[code] = null;
    return copy;
  });
  return { ...sheet, rows };
}
