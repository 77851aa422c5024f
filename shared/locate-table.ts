import { cellAt, cellText, isBlankCell, mergedCellAt, sheetWidth, type GridCell, type GridSheet } from "./grid.ts";
import { foldText } from "./text.ts";
import { readCodeCell, readTitleCode, resolveCodes, type CodeToken } from "./codes.ts";

/**
 * Find the criteria table on a sheet as offices lay it out: a title block above, a header
 * of one or two (merged) rows, maybe a row of column numbers, criteria rows with blank
 * rows between, and a totals row, notes or a signature block below.
 */
export type ColumnKind = "code" | "title" | "max" | "data" | "method" | "evidence" | "self" | "appraised" | "note";
export type ColumnMap = Partial<Record<ColumnKind, number>>;

/** First match wins, so the specific labels come before the generic ones. */
const COLUMN_PATTERNS: [ColumnKind, RegExp][] = [
  ["self", /tu (danh gia|cham|dg)|diem tu|^tdg$/],
  ["appraised", /tham dinh|hoi dong|phuc tra/],
  ["max", /toi da|thang diem|diem chuan|diem quy dinh|^max$/],
  ["evidence", /kiem chung|tai lieu|minh chung|van ban chung minh/],
  ["note", /ghi chu|giai trinh|^note/],
  ["data", /so lieu|ke khai|ket qua thuc hien|^ty le|^data/],
  ["method", /cach tinh|cach cham|phuong phap|huong dan cham/],
  ["code", /^(stt|tt|so tt|ma|ma so|ma tieu chi|ky hieu|code|no\.?)$/],
  ["title", /tieu chi|noi dung|linh vuc|chi so|^criteri/],
];

export function classifyLabel(label: string): ColumnKind | null {
  const folded = foldText(label).replace(/[.:*()]/g, " ").replace(/\s+/g, " ").trim();
  if (folded === "") return null;
  for (const [kind, re] of COLUMN_PATTERNS) if (re.test(folded)) return kind;
  return null;
}

export interface HeaderMatch {
  /** First and last header rows (equal for a one-row header). */
  headerTop: number;
  headerBottom: number;
  columns: ColumnMap;
  /** Label text per mapped column, for showing the user what was recognised. */
  labels: Partial<Record<ColumnKind, string>>;
}

export const HEADER_WINDOW_ROWS = 60;

function labelAt(sheet: GridSheet, r: number, c: number): string {
  return cellText(mergedCellAt(sheet, r, c)).trim();
}

/** Is (r, c) covered by a merge that starts on an earlier row (a vertically merged label)? */
function continuesMergeFromAbove(sheet: GridSheet, r: number, c: number): boolean {
  return (sheet.merges ?? []).some((m) => m.s.r < r && m.e.r >= r && c >= m.s.c && c <= m.e.c);
}

function mapHeader(sheet: GridSheet, top: number, bottom: number, width: number, year?: number): HeaderMatch {
  const columns: ColumnMap = {};
  const labels: HeaderMatch["labels"] = {};
  let plainScoreColumn: number | null = null;
  for (let c = 0; c < width; c++) {
    const parent = labelAt(sheet, top, c);
    const child = bottom > top && !continuesMergeFromAbove(sheet, bottom, c) ? labelAt(sheet, bottom, c) : "";
    const kind = (child && classifyLabel(child)) || classifyLabel(`${parent} ${child}`) || (child ? null : classifyLabel(parent));
    const label = child ? `${parent} ${child}`.trim() : parent;
    if (!kind) {
      if (/^diem( dat| so)?$/.test(foldText(label))) plainScoreColumn ??= c;
      continue;
    }
    const prefersThis = kind === "self" && year !== undefined && columns.self !== undefined && label.includes(String(year));
    if (columns[kind] === undefined || prefersThis) {
      columns[kind] = c;
      labels[kind] = label;
    }
  }
  if (columns.self === undefined && plainScoreColumn !== null) {
    columns.self = plainScoreColumn;
    labels.self = labelAt(sheet, top, plainScoreColumn);
  }
  return { headerTop: top, headerBottom: bottom, columns, labels };
}

function headerScore(match: HeaderMatch): number {
  const { columns } = match;
  if (columns.title === undefined || (columns.self === undefined && columns.max === undefined)) return 0;
  return Object.keys(columns).length;
}

/** The best header in the first rows of the sheet, or null. */
export function findHeader(sheet: GridSheet, year?: number): HeaderMatch | null {
  const width = sheetWidth(sheet);
  const lastRow = Math.min(sheet.rows.length, HEADER_WINDOW_ROWS);
  let best: HeaderMatch | null = null;
  let bestScore = 0;
  for (let r = 0; r < lastRow; r++) {
    const rowCells = sheet.rows[r];
    if (!rowCells || rowCells.every((cell) => isBlankCell(cell ?? undefined))) continue;
    // A top row with a label merged across columns ("Điểm" over "Tối đa" | "Tự đánh giá")
    // announces a two-row header: it wins a tie against reading the top row alone.
    const spansColumns = (sheet.merges ?? []).some((m) => m.s.r === r && m.e.c > m.s.c);
    for (const bottom of [r, r + 1]) {
      if (bottom >= sheet.rows.length) continue;
      const match = mapHeader(sheet, r, bottom, width, year);
      const score = headerScore(match);
      const wins = bottom > r && spansColumns && best?.headerTop === r ? score >= bestScore : score > bestScore;
      if (score > 0 && wins) {
        best = match;
        bestScore = score;
      }
    }
  }
  return best;
}

export interface TableRow {
  /** 0-based sheet row. */
  r: number;
  token: CodeToken | null;
  code: string | null;
  title: string;
}

export interface LocatedTable {
  sheet: GridSheet;
  header: HeaderMatch;
  rows: TableRow[];
}

const TOTALS = /^(tong cong|tong diem|tong so diem|tong so|cong|tong)\b/;
const NOTES = /^(ghi chu|luu y|chu thich)\b/;
const SIGNATURE = /^(nguoi lap|thu truong|xac nhan|chu tich|pho chu tich|giam doc|pho giam doc|truong phong|noi nhan|kt\b|tm\b|ky ten|lanh dao|can bo)|\bngay\s*\d{1,2}\s*thang\s*\d{1,2}\s*nam\s*\d{4}\s*$|\bngay\s*\.+\s*thang/;

function firstText(sheet: GridSheet, r: number): string {
  const row = sheet.rows[r] ?? [];
  for (const cell of row) {
    const text = cellText(cell ?? undefined).trim();
    if (text) return text;
  }
  return "";
}

/** A row of column numbers under the header: "1 2 3 …" or "(1) (2) …" or "A B C". */
function isColumnNumberRow(sheet: GridSheet, r: number): boolean {
  const texts = (sheet.rows[r] ?? []).map((cell) => cellText(cell ?? undefined).trim()).filter(Boolean);
  return texts.length >= 3 && texts.every((t) => /^\(?(\d{1,2}|[A-Z])\)?(\s*[=+x*-]\s*\(?\d{1,2}\)?)*$/.test(t));
}

function hasValue(cell: GridCell | undefined): boolean {
  return !isBlankCell(cell);
}

/** Read the criteria rows of a sheet under a header. */
export function readTableRows(sheet: GridSheet, header: HeaderMatch): TableRow[] {
  const { columns } = header;
  const rows: (Omit<TableRow, "code"> & { titleToken: CodeToken | null })[] = [];
  let start = header.headerBottom + 1;
  if (isColumnNumberRow(sheet, start)) start++;
  const seenTokens = new Set<string>();
  let gapSinceLastRow = false;
  for (let r = start; r < sheet.rows.length; r++) {
    const first = foldText(firstText(sheet, r));
    if (first === "") {
      if (rows.length > 0) gapSinceLastRow = true;
      continue;
    }
    if (TOTALS.test(first)) {
      if (rows.length === 0) continue; // a totals row printed right under the header
      break;
    }
    if (NOTES.test(first) || SIGNATURE.test(first)) break;
    const codeText = columns.code !== undefined ? cellText(cellAt(sheet, r, columns.code)) : "";
    const title = columns.title !== undefined ? cellText(cellAt(sheet, r, columns.title)).trim() : "";
    const titleToken = title ? readTitleCode(title) : null;
    const token = (codeText.trim() ? readCodeCell(codeText) : null) ?? titleToken;
    const valueKinds = (["max", "self", "data", "evidence"] as const).filter((k) => columns[k] !== undefined);
    const hasValues = valueKinds.some((k) => hasValue(cellAt(sheet, r, columns[k]!)));
    const tokenKey = token ? JSON.stringify(token) : null;
    // Numbered notes under the table after a gap ("1. Số liệu tính đến…") carry no values.
    if (gapSinceLastRow && !hasValues && (!tokenKey || seenTokens.has(tokenKey))) break;
    if (!title && !token) continue;
    rows.push({ r, token, title, titleToken });
    if (tokenKey) seenTokens.add(tokenKey);
    gapSinceLastRow = false;
  }
  // The code column is authoritative, unless it is only a running number (STT 1, 2, 3 …)
  // while the titles carry the real dotted codes.
  const codeColumnIsRunningNumber = rows.every((row) => row.token === row.titleToken || (row.token?.kind === "dotted" && !row.token.code.includes(".")));
  const titlesCarryCodes = rows.some((row) => row.titleToken?.kind === "dotted" && row.titleToken.code.includes("."));
  const tokens = rows.map((row) => (codeColumnIsRunningNumber && titlesCarryCodes ? row.titleToken : row.token));
  const codes = resolveCodes(tokens);
  return rows.map((row, i) => ({ r: row.r, token: tokens[i] ?? null, title: row.title, code: codes[i] ?? null }));
}

/** Header and rows of every sheet that holds a criteria table. */
export function locateCriteriaTables(sheets: GridSheet[], year?: number): LocatedTable[] {
  const tables: LocatedTable[] = [];
  for (const sheet of sheets) {
    const header = findHeader(sheet, year);
    if (!header) continue;
    const rows = readTableRows(sheet, header);
    if (rows.length > 0) tables.push({ sheet, header, rows });
  }
  return tables;
}
