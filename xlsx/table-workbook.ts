import * as XLSX from "@e965/xlsx";
import { safeText, type CsvCell } from "../shared/index.ts";

/**
 * Tables → .xlsx bytes (SheetJS), for sheets people open in Excel: numbers stay numbers,
 * dates become dd/mm/yyyy date cells of their day in Vietnam time, and text a spreadsheet
 * would run as a formula gets a leading apostrophe, as in the Excel CSV (shared/excel-csv.ts).
 */
export interface Table {
  name: string;
  rows: CsvCell[][];
  /** Column widths in characters. */
  widths?: number[];
}

const DAY_MS = 86_400_000;
/** Excel's serial number of the day an instant falls on in Vietnam (UTC+7). */
const vietnamDaySerial = (iso: string): number => Math.floor((Date.parse(iso) + 7 * 3_600_000) / DAY_MS) + 25_569;

function sheetValue(cell: CsvCell): XLSX.CellObject | string | number | null {
  if (cell === null || typeof cell === "number") return cell;
  if (typeof cell === "boolean") return cell ? "Có" : "Không";
  if (typeof cell === "string") return safeText(cell);
  return { t: "n", v: vietnamDaySerial(cell.date), z: "dd/mm/yyyy" };
}

export function tableWorkbook(tables: readonly Table[]): Uint8Array<ArrayBuffer> {
  const book = XLSX.utils.book_new();
  for (const table of tables) {
    const sheet = XLSX.utils.aoa_to_sheet(table.rows.map((row) => row.map(sheetValue)));
    if (table.widths) sheet["!cols"] = table.widths.map((wch) => ({ wch }));
    XLSX.utils.book_append_sheet(book, sheet, table.name);
  }
  return new Uint8Array(XLSX.write(book, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
}
