import {
  cellAt,
  cellText,
  columnLetter,
  foldText,
  formatDateVi,
  serialDate,
  HEADER_WINDOW_ROWS,
  isBlankCell,
  quoteSheetName,
  readableSheet,
  type Grid,
  type GridCell,
  type GridSheet,
  type UnitImportColumn,
  type UnitImportProblem,
  type UnitImportRow,
} from "../../shared/index.ts";

/**
 * A units list in a sheet, as an admin keeps it in Excel (issue 16 item 2): a header row
 * naming the columns (name, type, parent, valid from) and one unit per row below. Read into
 * the rows POST /v1/units/import takes, each with its sheet row, so that every problem the
 * server finds points back to its cell.
 */
export interface UnitsTable {
  sheet: string;
  /** 0-based row of the header. */
  headerRow: number;
  columns: Record<UnitImportColumn, number>;
  rows: UnitImportRow[];
}

/** The server takes at most this many rows in one import. */
export const MAX_UNIT_ROWS = 2_000;

/** Header words per column, folded (no case, no diacritics), as offices label them. */
const LABELS: Record<UnitImportColumn, readonly string[]> = {
  name: ["ten don vi", "ten", "don vi", "ten co quan, don vi", "ten don vi hanh chinh", "don vi hanh chinh", "unit", "unit name", "name"],
  type: ["loai", "loai don vi", "cap", "cap don vi", "cap hanh chinh", "loai hinh", "type", "unit type"],
  parent: ["don vi cap tren", "cap tren", "truc thuoc", "thuoc", "co quan cap tren", "parent", "parent unit"],
  validFrom: ["ngay hieu luc", "ngay co hieu luc", "hieu luc tu", "hieu luc tu ngay", "tu ngay", "ngay bat dau", "ngay thanh lap", "valid from", "from"],
};
const COLUMNS = Object.keys(LABELS) as UnitImportColumn[];
/** After this many blank rows the list has ended (notes under a table are not units). */
const BLANK_RUN = 5;

function labelOf(cell: GridCell | undefined): UnitImportColumn | null {
  // A note in brackets after the label is the form it asks for, "Ngày hiệu lực (dd/mm/yyyy)" as the pane's intro says it (A5-8).
  const text = foldText(cellText(cell)).replace(/[:*]+$/, "").trim().replace(/\s*\([^()]*\)$/, "").replace(/[:*]+$/, "").trim();
  return COLUMNS.find((k) => LABELS[k].includes(text)) ?? null;
}

/** The header of a units list in the sheet's first rows: every column named once, in one row. */
function findUnitsHeader(sheet: GridSheet): { row: number; columns: Record<UnitImportColumn, number> } | null {
  const last = Math.min(sheet.rows.length, HEADER_WINDOW_ROWS);
  for (let r = 0; r < last; r++) {
    const found: Partial<Record<UnitImportColumn, number>> = {};
    (sheet.rows[r] ?? []).forEach((cell, c) => {
      const kind = labelOf(cell ?? undefined);
      if (kind && found[kind] === undefined) found[kind] = c;
    });
    if (COLUMNS.every((k) => found[k] !== undefined)) return { row: r, columns: found as Record<UnitImportColumn, number> };
  }
  return null;
}

/** Does this sheet's first rows hold a units list's header? (read-grid reads such a sheet in full) */
export const holdsUnitsList = (sheet: GridSheet): boolean => findUnitsHeader(readableSheet(sheet)) !== null;

/** A date cell holds Excel's day number: written back as dd/mm/yyyy, the form the server reads. */
function dateText(cell: GridCell | undefined): string {
  const iso = typeof cell?.v === "number" && cell.v < 2_958_466 ? serialDate(cell.v) : null;
  return iso ? formatDateVi(iso) : cellText(cell).trim();
}

/** The first sheet holding a units list, with its rows (blank rows skipped; the list ends after a run of them). */
export function findUnitsTable(grid: Grid): UnitsTable | null {
  // A list typed in TCVN3 or VNI is read, and its names sent, as the Unicode its user sees.
  for (const sheet of grid.sheets.map(readableSheet)) {
    if (sheet.hidden) continue;
    const header = findUnitsHeader(sheet);
    if (!header) continue;
    const rows: UnitImportRow[] = [];
    let blank = 0;
    for (let r = header.row + 1; r < sheet.rows.length && blank < BLANK_RUN; r++) {
      const at = (k: UnitImportColumn) => cellAt(sheet, r, header.columns[k]);
      if (COLUMNS.every((k) => isBlankCell(at(k)))) {
        blank++;
        continue;
      }
      blank = 0;
      rows.push({ row: r + 1, name: cellText(at("name")).trim(), type: cellText(at("type")).trim(), parent: cellText(at("parent")).trim(), validFrom: dateText(at("validFrom")) });
    }
    return { sheet: sheet.name, headerRow: header.row, columns: header.columns, rows };
  }
  return null;
}

/** The cell a problem is about: `'Danh sách'!C7`. */
export function problemCell(table: Pick<UnitsTable, "sheet" | "columns">, problem: Pick<UnitImportProblem, "row" | "column">): string {
  return `${quoteSheetName(table.sheet)}!${columnLetter(table.columns[problem.column])}${problem.row}`;
}
