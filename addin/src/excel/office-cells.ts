import { from1904System, MAX_HIDDEN_SPANS, type GridCell, type GridSheet, type HiddenSpan, type Merge } from "../../../shared/index.ts";
import { parseRangeAddress } from "../cell-address.ts";

/** What one `load("values, formulas, numberFormat, valueTypes")` of a range gives back. */
export interface OfficeBlock {
  rowIndex: number;
  columnIndex: number;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: string[][];
}

export const BLOCK_PROPERTIES = "rowIndex, columnIndex, rowCount, columnCount, values, formulas, numberFormat, valueTypes";

/**
 * One Office cell → the engine's cell, the same shape SheetJS gives the CLI. `date1904`: the
 * workbook uses the 1904 date system, whose date cells move into the 1900 system as the CLI
 * moves them (shared `from1904System`).
 */
export function toGridCell(value: unknown, formula: unknown, format: unknown, type: string | undefined, date1904 = false): GridCell | null {
  const f = typeof formula === "string" && formula.startsWith("=") ? formula.slice(1) : undefined;
  // What Excel hands over was calculated: a formula that gave "" is a blank result, as SheetJS
  // reads Excel's `<v/>` for the CLI, not a formula never calculated (FORMULA_NOT_CALCULATED).
  if (type === "Empty" || value === null || value === undefined) return f ? { f, v: "" } : null;
  const cell: GridCell = {};
  if (type === "Error") cell.err = String(value);
  else if (typeof value === "number" && date1904) cell.v = from1904System(value, typeof format === "string" ? format : undefined);
  else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") cell.v = value;
  else cell.v = String(value);
  if (f && type !== "Error") cell.f = f;
  if (typeof value === "number" && typeof format === "string" && format !== "General") cell.z = format;
  return cell;
}

/** Place a block's cells into absolute rows of a sheet (rows before it stay empty). */
export function placeBlock(rows: (GridCell | null)[][], block: OfficeBlock, date1904 = false): void {
  block.values.forEach((valueRow, i) => {
    const r = block.rowIndex + i;
    while (rows.length <= r) rows.push([]);
    const row = rows[r]!;
    valueRow.forEach((value, j) => {
      const cell = toGridCell(value, block.formulas[i]?.[j], block.numberFormat[i]?.[j], block.valueTypes[i]?.[j], date1904);
      const c = block.columnIndex + j;
      if (cell === null && c >= row.length) return;
      while (row.length < c) row.push(null);
      row[c] = cell;
    });
  });
}

/** Drop trailing empty cells and rows: the grid travels in submissions. */
export function trimSheet(sheet: GridSheet): GridSheet {
  const rows = sheet.rows.map((row) => {
    let end = row.length;
    while (end > 0 && row[end - 1] == null) end--;
    return row.slice(0, end);
  });
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return { ...sheet, rows };
}

/**
 * "Sheet1!A1:B2, Sheet1!C5" (RangeAreas.address) → rectangles. A comma inside a quoted sheet
 * name leaves a piece without a cell address, which is skipped: each area's address is read
 * after its last "!".
 */
export function parseAreas(address: string | undefined): Merge[] {
  if (!address) return [];
  return address.split(",").flatMap((part) => parseRangeAddress(part) ?? []);
}

/**
 * The areas of a RangeAreas, or null when its address does not hold as many areas as
 * `areaCount` (ExcelApi 1.9) says: an address Excel cut short must not be read as the
 * whole (a missing visible area would make visible rows look hidden).
 */
export function parseAreasCounted(areas: { address: string; areaCount: number }): Merge[] | null {
  const parsed = parseAreas(areas.address);
  return parsed.length === areas.areaCount ? parsed : null;
}

/** Merged areas (as parseAreas gives them) → merges, without duplicates. */
export function addMergeAreas(areas: readonly Merge[], into: Merge[] = []): Merge[] {
  const seen = new Set(into.map((m) => `${m.s.r},${m.s.c},${m.e.r},${m.e.c}`));
  for (const m of areas) {
    if (m.s.r === m.e.r && m.s.c === m.e.c) continue;
    const key = `${m.s.r},${m.s.c},${m.e.r},${m.e.c}`;
    if (!seen.has(key)) {
      seen.add(key);
      into.push(m);
    }
  }
  return into;
}

/** A used range's place on its sheet (0-based), as loaded. */
export interface Extent {
  rowIndex: number;
  columnIndex: number;
  rowCount: number;
  columnCount: number;
}

/**
 * The rows and columns of `extent` that no visible area covers (`visible`: the areas of
 * Range.getSpecialCellsOrNullObject("Visible"), null when nothing in it is visible): visible
 * cells are visible rows × visible columns, so a row is hidden when no area spans it.
 */
export function hiddenOutside(visible: Merge[] | null, extent: Extent): { rows: HiddenSpan[]; columns: HiddenSpan[] } {
  // The gaps between the visible spans, as spans: never one entry per hidden row.
  const uncovered = (first: number, count: number, spans: [number, number][]): HiddenSpan[] => {
    const out: HiddenSpan[] = [];
    const end = first + count - 1;
    let next = first;
    for (const [from, to] of [...spans].sort((a, b) => a[0] - b[0])) {
      if (from > next && next <= end && out.length < MAX_HIDDEN_SPANS) out.push([next, Math.min(from - 1, end)]);
      next = Math.max(next, to + 1);
    }
    if (next <= end && out.length < MAX_HIDDEN_SPANS) out.push([next, end]);
    return out;
  };
  const areas = visible ?? [];
  return {
    rows: uncovered(extent.rowIndex, extent.rowCount, areas.map((a) => [a.s.r, a.e.r])),
    columns: uncovered(extent.columnIndex, extent.columnCount, areas.map((a) => [a.s.c, a.e.c])),
  };
}
