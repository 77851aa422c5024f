import { columnLetter, formatDateVi, formatNumber, type Locale } from "../../shared/index.ts";
import { blockAddress } from "./cell-address.ts";
import type { OwnRole } from "./sheet-ownership.ts";

/**
 * One of the add-in's own insight sheets, described once (pure) and laid out into cells,
 * tables and charts that Excel's writer and the browser harness both follow: a title, a few
 * note lines, then tables stacked top to bottom (a caption above each), charts to their right.
 */
export type SheetValue = string | number;
export type SheetRows = SheetValue[][];

export type ColumnFormat = "text" | "integer" | "decimal" | "date";

export interface OwnColumn {
  header: string;
  format: ColumnFormat;
  /** Long text (criterion titles, unit lists): a fixed width with wrapped lines. Any column longer than MAX_COLUMN_CHARS wraps too. */
  wrap?: boolean;
}

export interface OwnTable {
  /** Excel table name: letters, digits and underscores. */
  name: string;
  caption: string;
  columns: OwnColumn[];
  /** Values per column format: text, numbers, ISO dates (yyyy-mm-dd) or "" for none. */
  rows: SheetValue[][];
  /** Shown instead of the table when there are no rows (Excel tables need one). */
  empty: string;
  /** Colour the cells of this column holding these texts, in order (bands, best first). */
  highlight?: { column: number; values: string[] };
}

export type OwnChartType = "BarClustered" | "LineMarkers" | "ColumnStacked";

export interface OwnChart {
  table: number;
  type: OwnChartType;
  /** Table columns [first, last]: the first gives the categories, each other one a series. */
  columns: readonly [number, number];
  /** Only the first rows (the API's order puts the most telling first). */
  maxRows?: number;
  title: string;
  /** List the categories top-down in table order (Excel draws a bar chart's first at the bottom). */
  reverseCategories?: boolean;
}

export interface OwnSheetSpec {
  /** Which of the add-in's sheets (sheet-ownership.ts): its usual name, and the one it replaces. */
  role: OwnRole;
  title: string;
  notes: string[];
  tables: OwnTable[];
  charts: OwnChart[];
  /** Freeze down to the first table's header (sheets holding one long list). */
  freezeHeader: boolean;
}

export interface PlacedTable {
  name: string;
  /** Header and body, e.g. "A6:I40". */
  address: string;
  headerAddress: string;
  columns: number;
  /** One block per column of the body with its Excel number format. */
  formats: { address: string; format: string; rows: number }[];
  /** Body cells of a column to colour by the text they hold. */
  highlight?: { address: string; values: string[] };
}

export interface PlacedChart {
  type: OwnChartType;
  /** Header row and the charted rows of the chosen columns. */
  source: string;
  anchor: string;
  title: string;
  series: number;
  reverseCategories: boolean;
}

export interface OwnSheetLayout {
  role: OwnRole;
  /** Excel values, a rectangle from A1. */
  rows: SheetRows;
  /** Row 1, past the content and one empty column: OWN_SHEET_MARKER, by which any copy is known. */
  marker: string;
  /** Bold cells: the title and the captions. */
  headings: string[];
  tables: PlacedTable[];
  charts: PlacedChart[];
  /** Column widths in points, from the widest cell of each column's tables. */
  widths: number[];
  /** Body blocks of wrapped columns. */
  wrapped: string[];
  /** Rows to freeze (0: none). */
  freezeRows: number;
}

export const EXCEL_FORMATS: Record<ColumnFormat, string> = { text: "@", integer: "0", decimal: "0.00", date: "dd/mm/yyyy" };
const WRAP_CHARS = 48;
/**
 * The widest a column gets, in characters (593 pt, about half a laptop screen): a field's name
 * ("Tác động của cải cách hành chính đến người dân, tổ chức (điều tra xã hội học)", 77) stays on
 * one line. A column whose text runs longer (a plan cited under 123 criteria, a list of cells
 * or dates) wraps at this width instead: widths followed the longest cell, 5,085 pt for such a
 * register column, far past Excel's 255-character column (1,342.5 pt), which Excel refuses.
 */
const MAX_COLUMN_CHARS = 90;
const POINTS_PER_CHAR = 6.5;
const columnPoints = (chars: number) => Math.round(chars * POINTS_PER_CHAR + 8);
/** MAX_COLUMN_CHARS in points: no column of the add-in's sheets is wider. */
export const MAX_COLUMN_WIDTH = columnPoints(MAX_COLUMN_CHARS);

/** Days since 1899-12-30: the serial Excel shows as a date with a date format. */
export function excelDate(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number);
  return Date.UTC(y!, m! - 1, d!) / 86_400_000 + 25_569;
}

/**
 * Text Excel would take for a formula (or a quote prefix) gets the quote prefix, shown as
 * typed. With "@" set on text columns before their values, every string the add-in writes
 * stays the text it is: "1.10" is no number, "'Tự đánh giá'!G12" keeps its quote, a unit
 * name starting with "=" is no formula.
 */
function excelText(s: string): string {
  return /^[=+\-@'\t\r]/.test(s) ? `'${s}` : s;
}

function excelValue(v: SheetValue, format: ColumnFormat): SheetValue {
  if (format === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v)) return excelDate(v);
  return typeof v === "string" ? excelText(v) : v;
}

/** How the harness shows a cell: numbers with the locale's decimal mark, dates dd/mm/yyyy. */
export function displayValue(v: SheetValue, format: ColumnFormat, locale: Locale): string {
  if (typeof v === "number") return formatNumber(v, locale);
  return format === "date" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? formatDateVi(v) : v;
}

export function layoutOwnSheet(spec: OwnSheetSpec): OwnSheetLayout {
  const width = Math.max(1, ...spec.tables.map((t) => t.columns.length));
  const rows: SheetRows = [[excelText(spec.title)], ...spec.notes.map((n) => [excelText(n)]), []];
  const headings = ["A1"];
  const tables: PlacedTable[] = [];
  const tops: number[] = [];
  const widestChars = Array<number>(width).fill(8);
  const wrapped: string[] = [];
  let freezeRows = 0;
  spec.tables.forEach((t, i) => {
    tops.push(rows.length);
    headings.push(`A${rows.length + 1}`);
    rows.push([excelText(t.caption)]);
    if (t.rows.length === 0) {
      rows.push([excelText(t.empty)], []);
      return;
    }
    const header = rows.length;
    if (i === 0 && spec.freezeHeader) freezeRows = header + 1;
    rows.push(t.columns.map((c) => excelText(c.header)));
    for (const r of t.rows) rows.push(t.columns.map((c, j) => excelValue(r[j] ?? "", c.format)));
    const n = t.rows.length;
    tables.push({
      name: t.name,
      address: blockAddress(header, 0, n + 1, t.columns.length),
      headerAddress: blockAddress(header, 0, 1, t.columns.length),
      columns: t.columns.length,
      formats: t.columns.map((c, j) => ({ address: blockAddress(header + 1, j, n, 1), format: EXCEL_FORMATS[c.format], rows: n })),
      ...(t.highlight ? { highlight: { address: blockAddress(header + 1, t.highlight.column, n, 1), values: t.highlight.values } } : {}),
    });
    t.columns.forEach((c, j) => {
      const longest = Math.max(c.header.length + 2, ...t.rows.map((r) => String(r[j] ?? "").length));
      const wraps = c.wrap || longest > MAX_COLUMN_CHARS;
      widestChars[j] = Math.max(widestChars[j]!, Math.min(longest, c.wrap ? WRAP_CHARS : MAX_COLUMN_CHARS));
      if (wraps) wrapped.push(blockAddress(header + 1, j, n, 1));
    });
    rows.push([]);
  });
  const charts = spec.charts.flatMap((c): PlacedChart[] => {
    const table = spec.tables[c.table];
    if (!table || table.rows.length === 0 || c.columns[1] <= c.columns[0]) return [];
    const header = tops[c.table]! + 1;
    const n = Math.min(table.rows.length, c.maxRows ?? Infinity);
    const [first, last] = c.columns;
    return [{ type: c.type, source: blockAddress(header, first, n + 1, last - first + 1), anchor: `${columnLetter(width + 1)}${header}`, title: c.title, series: last - first, reverseCategories: c.reverseCategories ?? false }];
  });
  return { role: spec.role, rows: padTo(rows, width), marker: `${columnLetter(width + 1)}1`, headings, tables, charts, widths: widestChars.map(columnPoints), wrapped, freezeRows };
}

/**
 * Table names are unique in a workbook: a name already taken (say by an older copy of this
 * sheet the user renamed to keep) gets the first free "_2", "_3"… Names compare without case.
 */
export function withFreeTableNames(layout: OwnSheetLayout, taken: readonly string[]): OwnSheetLayout {
  const used = new Set(taken.map((n) => n.toLowerCase()));
  const tables = layout.tables.map((t) => {
    let name = t.name;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${t.name}_${i}`;
    used.add(name.toLowerCase());
    return { ...t, name };
  });
  return { ...layout, tables };
}

/**
 * The sheet's lines from A1 as the layout places them (title, notes, then each table's
 * caption, header and rows), each table cell made by `cell` from its value and format.
 */
export function sheetLines<T>(spec: OwnSheetSpec, text: (s: string) => T, cell: (v: SheetValue, format: ColumnFormat) => T): T[][] {
  const lines: T[][] = [[text(spec.title)], ...spec.notes.map((n) => [text(n)]), []];
  for (const t of spec.tables) {
    lines.push([text(t.caption)]);
    if (t.rows.length === 0) lines.push([text(t.empty)]);
    else lines.push(t.columns.map((c) => text(c.header)), ...t.rows.map((r) => t.columns.map((c, j) => cell(r[j] ?? "", c.format))));
    lines.push([]);
  }
  return lines;
}

/** The sheet as the harness shows it: the same cells, formatted as Excel would show them. */
export function displayRows(spec: OwnSheetSpec, locale: Locale): string[][] {
  return sheetLines(spec, (s) => s, (v, format) => displayValue(v, format, locale));
}

function padTo(rows: SheetRows, width: number): SheetRows {
  return rows.map((r) => [...r, ...Array<SheetValue>(Math.max(0, width - r.length)).fill("")]);
}
