import { z } from "zod";

/**
 * The engine's picture of a workbook, filled alike by the add-in (through the Office JavaScript API), the CLI
 * and the Worker (SheetJS). Plain JSON so it can travel in a submission.
 * Rows and columns are 0-based; cells start at A1.
 */
export const GridCellSchema = z.object({
  /** The value as Excel holds it (computed value for formulas). */
  v: z.union([z.string(), z.number(), z.boolean()]).optional(),
  /** Formula without the leading "=". */
  f: z.string().optional(),
  /** Number format, e.g. "0.00%". */
  z: z.string().optional(),
  /** Text as displayed, when the host gives it. */
  w: z.string().optional(),
  /** Error value such as "#REF!" (then `v` is absent). */
  err: z.string().optional(),
});
export type GridCell = z.infer<typeof GridCellSchema>;

/**
 * Bounds of a grid, checked where one arrives (issue 15): Excel's own sheet size, and caps
 * on merges and cells far above any real evidence workbook (the largest criteria sheets
 * have a few thousand cells and a few hundred merges), so that the work a grid can cause
 * is bounded by what it holds, never by coordinates it names.
 */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
export const MAX_MERGES_PER_SHEET = 20_000;
export const MAX_SHEETS = 256;
/** Row positions summed over every sheet (empty positions count: they travel and are stored). */
export const MAX_GRID_CELLS = 1_000_000;

export const CellRefSchema = z.object({ r: z.number().int().min(0).max(MAX_ROWS - 1), c: z.number().int().min(0).max(MAX_COLUMNS - 1) });
export const MergeSchema = z
  .object({ s: CellRefSchema, e: CellRefSchema })
  .refine((m) => m.s.r <= m.e.r && m.s.c <= m.e.c, { message: "a merge ends (e) before it starts (s)", path: ["e"] });
export type Merge = z.infer<typeof MergeSchema>;

/**
 * The first rows of a sheet searched for a table's header (locate-table.ts findHeader), and so
 * the rows the add-in reads of every sheet before it knows which hold tables. Here, not in the
 * locator, so that the Excel reader takes the number without the locator's code.
 */
export const HEADER_WINDOW_ROWS = 60;
/** Spans of hidden rows or columns a sheet may list: a real sheet hides a few blocks. */
export const MAX_HIDDEN_SPANS = 20_000;

/** Rows (or columns) first to last, 0-based and inclusive: `[4, 9]` hides the rows Excel numbers 5–10. */
const spanSchema = (size: number) =>
  z
    .tuple([z.number().int().min(0).max(size - 1), z.number().int().min(0).max(size - 1)])
    .refine(([first, last]) => first <= last, { message: "a hidden span ends before it starts" });
export type HiddenSpan = [number, number];

export const GridSheetSchema = z.object({
  name: z.string().min(1).max(31),
  rows: z.array(z.array(GridCellSchema.nullable()).max(MAX_COLUMNS)).max(MAX_ROWS),
  merges: z.array(MergeSchema).max(MAX_MERGES_PER_SHEET).default([]),
  hidden: z.boolean().optional(),
  /**
   * Rows and columns hidden in Excel (visibility.ts), when the reader can tell: SheetJS from
   * .xlsx/.xlsb, the add-in from ExcelApi 1.9. Absent: none known to be hidden.
   */
  hiddenRows: z.array(spanSchema(MAX_ROWS)).max(MAX_HIDDEN_SPANS).optional(),
  hiddenColumns: z.array(spanSchema(MAX_COLUMNS)).max(MAX_HIDDEN_SPANS).optional(),
});
export type GridSheet = z.input<typeof GridSheetSchema>;

/** Positions in every row of every sheet: what a grid costs to hold, read and store. */
export function gridCellCount(grid: { sheets: readonly { rows: readonly (readonly unknown[])[] }[] }): number {
  let cells = 0;
  for (const sheet of grid.sheets) for (const row of sheet.rows) cells += row.length;
  return cells;
}

export const GridSchema = z
  .object({ sheets: z.array(GridSheetSchema).max(MAX_SHEETS) })
  .refine((g) => gridCellCount(g) <= MAX_GRID_CELLS, { message: `more than ${MAX_GRID_CELLS} cells`, path: ["sheets"] });
export type Grid = z.input<typeof GridSchema>;

export function cellAt(sheet: GridSheet, r: number, c: number): GridCell | undefined {
  return sheet.rows[r]?.[c] ?? undefined;
}

/** Number of columns of the widest row. */
export function sheetWidth(sheet: GridSheet): number {
  return rowsWidth(sheet, 0, sheet.rows.length);
}

/** Number of columns of the widest row among rows [from, to): a window's width, whatever rows lie below. */
export function rowsWidth(sheet: GridSheet, from: number, to: number): number {
  let width = 0;
  for (let r = from; r < Math.min(to, sheet.rows.length); r++) width = Math.max(width, sheet.rows[r]?.length ?? 0);
  return width;
}

/** The cell at (r, c), or the top-left cell of the merged range that covers it. */
export function mergedCellAt(sheet: GridSheet, r: number, c: number): GridCell | undefined {
  const m = mergeAt(sheet, r, c);
  return m ? cellAt(sheet, m.s.r, m.s.c) : cellAt(sheet, r, c);
}

/** The merged range covering (r, c), if any, from the sheet's merge index. */
export function mergeAt(sheet: GridSheet, r: number, c: number): Merge | undefined {
  return sheet.merges?.length ? mergeIndex(sheet).at(r, c) : undefined;
}

/** Does a merge spanning several columns start on row r (a label over two-row columns)? */
export function wideMergeStartsAt(sheet: GridSheet, r: number): boolean {
  return sheet.merges?.length ? mergeIndex(sheet).wideStarts.has(r) : false;
}

const ROW_LEVELS = 21; // aligned row blocks of 1, 2, 4 … 2^20 rows (MAX_ROWS = 2^20)

/**
 * A sheet's merges, indexed once so that a lookup costs the same whatever the merges name:
 * each merge is filed under the aligned row blocks (sizes 1, 2, 4 … 2^20) that tile its row
 * span, two per size at most; a lookup visits the one block of each size holding the row
 * and finds the merge by column in that block's list, sorted by first column (merges do
 * not overlap in a real workbook, so a block's column ranges are disjoint).
 */
class MergeIndex {
  private readonly blocks = new Map<number, Merge[]>();
  readonly wideStarts = new Set<number>();

  constructor(merges: readonly Merge[]) {
    for (const merge of merges) {
      const [top, last, left, right] = [merge.s.r, merge.e.r, merge.s.c, merge.e.c];
      const bottom = Math.min(last, MAX_ROWS - 1);
      if (!(top >= 0 && left >= 0 && top <= bottom && left <= right)) continue;
      // The index's own copy: a lookup reads plain numbers, not the grid's objects.
      const m: Merge = { s: { r: top, c: left }, e: { r: last, c: right } };
      if (right > left) this.wideStarts.add(top);
      for (let a = top; a <= bottom; ) {
        let level = 0;
        while (level + 1 < ROW_LEVELS && a % 2 ** (level + 1) === 0 && a + 2 ** (level + 1) - 1 <= bottom) level++;
        const key = level * MAX_ROWS + a / 2 ** level;
        let list = this.blocks.get(key);
        if (!list) this.blocks.set(key, (list = []));
        list.push(m);
        a += 2 ** level;
      }
    }
    for (const list of this.blocks.values()) list.sort((x, y) => x.s.c - y.s.c);
  }

  at(r: number, c: number): Merge | undefined {
    if (!(r >= 0 && r < MAX_ROWS)) return undefined;
    for (let level = 0; level < ROW_LEVELS; level++) {
      const list = this.blocks.get(level * MAX_ROWS + Math.floor(r / 2 ** level));
      if (!list) continue;
      let lo = 0;
      let hi = list.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (list[mid]!.s.c <= c) lo = mid;
        else hi = mid - 1;
      }
      const m = list[lo]!;
      if (m.s.c <= c && c <= m.e.c) return m;
    }
    return undefined;
  }
}

/** Built once per sheet and merge list (the add-in fills a sheet's merges before anything reads them). */
const indexes = new WeakMap<GridSheet, { merges: readonly Merge[]; length: number; index: MergeIndex }>();

function mergeIndex(sheet: GridSheet): MergeIndex {
  const merges = sheet.merges ?? [];
  const known = indexes.get(sheet);
  if (known && known.merges === merges && known.length === merges.length) return known.index;
  const index = new MergeIndex(merges);
  indexes.set(sheet, { merges, length: merges.length, index });
  return index;
}

/** Letters of the first 702 columns (A … ZZ), made once: every address of every row asks. */
const COLUMN_LETTERS: string[] = [];

export function columnLetter(c: number): string {
  if (c >= 0 && c < 702) return (COLUMN_LETTERS[c] ??= columnLetterOf(c));
  return columnLetterOf(c);
}

function columnLetterOf(c: number): string {
  let s = "";
  let n = c + 1;
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const quotedNames = new Map<string, string>();

/** Sheet name as Excel writes it in a reference: quoted when it is not a plain word. */
export function quoteSheetName(name: string): string {
  let quoted = quotedNames.get(name);
  if (quoted === undefined) {
    quoted = quoteSheetNameUncached(name);
    if (quotedNames.size < 1024) quotedNames.set(name, quoted);
  }
  return quoted;
}

const MAX_ROW = 1_048_576;
const MAX_COLUMN = 16_384;

/**
 * Excel's rules, as observed (XlsxWriter's notes on worksheet name quoting): a name is quoted
 * when it holds anything but letters, digits, "_" and "."; when it starts with a digit or a
 * dot; when it is a cell of the grid ("A1", "XFD1048576"; "ZZZ1" is none); when it starts with
 * an R1C1 reference ("R2Báo", "C1x", "RC123Test": Excel reads on past the number) or is "R",
 * "C" or "RC"; and, as Apache POI does, when it is TRUE or FALSE.
 */
function quoteSheetNameUncached(name: string): string {
  const upper = name.toUpperCase();
  const cell = /^([A-Z]{1,3})(\d+)$/.exec(upper);
  const row = /^R(\d+)/.exec(upper);
  const column = /^R?C(\d+)/.exec(upper);
  const inGrid = (n: string | undefined, max: number) => n !== undefined && Number(n) > 0 && Number(n) <= max;
  const quoted =
    !/^[\p{L}_][\p{L}\p{M}\p{N}_.]*$/u.test(name) ||
    (cell !== null && columnIndex(cell[1]!) < MAX_COLUMN && inGrid(cell[2], MAX_ROW)) ||
    inGrid(row?.[1], MAX_ROW) ||
    inGrid(column?.[1], MAX_COLUMN) ||
    ["R", "C", "RC", "TRUE", "FALSE"].includes(upper);
  return quoted ? `'${name.replace(/'/g, "''")}'` : name;
}

/** "A" → 0, "XFD" → 16383. */
function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

/**
 * Whether a name given (the CLI's --sheet, an import's sheet) names this sheet: as Excel
 * compares sheet names, without regard to case, and in either Unicode form (a name typed on
 * one machine, NFC, and a workbook saved on another, NFD); spaces around the name, which no
 * one sees in the tab ("Tự đánh giá "), do not count either.
 */
export function sameSheetName(given: string, name: string): boolean {
  const key = (s: string) => s.normalize("NFC").replace(/^[\s\u00a0]+|[\s\u00a0]+$/g, "").toLocaleLowerCase("vi");
  return given === name || key(given) === key(name);
}

/** A1 address with its sheet, e.g. `Sheet1!F2`, `'Tự đánh giá'!G12`. */
export function a1(sheetName: string, r: number, c: number): string {
  return `${quoteSheetName(sheetName)}!${columnLetter(c)}${r + 1}`;
}

/** Text of a cell for reading labels and titles (displayed text first). */
export function cellText(cell: GridCell | undefined): string {
  if (!cell) return "";
  if (cell.err) return cell.err;
  if (typeof cell.v === "string") return cell.v;
  if (cell.w !== undefined) return cell.w;
  if (cell.v === undefined) return "";
  return String(cell.v);
}

export function isBlankCell(cell: GridCell | undefined): boolean {
  return !cell || (cell.err === undefined && (cell.v === undefined || (typeof cell.v === "string" && cell.v.trim() === "")));
}
