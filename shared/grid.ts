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

export const CellRefSchema = z.object({ r: z.number().int().min(0), c: z.number().int().min(0) });
export const MergeSchema = z.object({ s: CellRefSchema, e: CellRefSchema });
export type Merge = z.infer<typeof MergeSchema>;

export const GridSheetSchema = z.object({
  name: z.string().min(1).max(31),
  rows: z.array(z.array(GridCellSchema.nullable())),
  merges: z.array(MergeSchema).default([]),
  hidden: z.boolean().optional(),
});
export type GridSheet = z.input<typeof GridSheetSchema>;

export const GridSchema = z.object({ sheets: z.array(GridSheetSchema) });
export type Grid = z.input<typeof GridSchema>;

export function cellAt(sheet: GridSheet, r: number, c: number): GridCell | undefined {
  return sheet.rows[r]?.[c] ?? undefined;
}

/** Number of columns of the widest row. */
export function sheetWidth(sheet: GridSheet): number {
  let width = 0;
  for (const row of sheet.rows) if (row.length > width) width = row.length;
  return width;
}

/** The cell at (r, c), or the top-left cell of the merged range that covers it. */
export function mergedCellAt(sheet: GridSheet, r: number, c: number): GridCell | undefined {
  for (const m of sheet.merges ?? []) {
    if (r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c) return cellAt(sheet, m.s.r, m.s.c);
  }
  return cellAt(sheet, r, c);
}

export function columnLetter(c: number): string {
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

function quoteSheetNameUncached(name: string): string {
  const plain = /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) && !/^[Rr]\d*[Cc]\d*$/.test(name);
  return plain ? name : `'${name.replace(/'/g, "''")}'`;
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
