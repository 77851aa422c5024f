import * as XLSX from "@e965/xlsx";
import type { Grid, GridCell, GridSheet } from "../shared/index.ts";

/**
 * SheetJS edge: bytes of an .xlsx/.xls → the engine's Grid. Used by the CLI, the Worker
 * (re-reading a submitted file) and the browser harness. Reads dense, keeps formulas,
 * number formats (for "92%") and error values.
 */
export const SHEETJS_READ_OPTIONS: XLSX.ParsingOptions = { type: "array", dense: true, cellFormula: true, cellNF: true, cellText: false, cellDates: false };

const ERROR_TEXT: Record<number, string> = {
  0x00: "#NULL!", 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x2b: "#GETTING_DATA",
};

/** Zip (xlsx, xlsm, ods) or OLE2 (xls) signature: anything else is not a workbook. */
export function looksLikeWorkbook(bytes: Uint8Array): boolean {
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  const ole = bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
  return zip || ole;
}

function toGridCell(cell: XLSX.CellObject | undefined): GridCell | null {
  if (!cell || cell.t === "z") return cell?.f ? { f: cell.f } : null;
  const out: GridCell = {};
  if (cell.t === "e") out.err = typeof cell.v === "number" ? (ERROR_TEXT[cell.v] ?? "#VALUE!") : String(cell.w ?? "#VALUE!");
  else if (cell.t === "d") out.v = cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v);
  else if (cell.v !== undefined) out.v = cell.v as string | number | boolean;
  if (cell.f) out.f = cell.f;
  if (cell.z !== undefined && cell.z !== "General" && cell.t === "n") out.z = String(cell.z);
  if (cell.w !== undefined && cell.t === "n") out.w = cell.w;
  return out;
}

export function sheetToGrid(name: string, ws: XLSX.WorkSheet, hidden: boolean): GridSheet {
  const data = (ws["!data"] ?? []) as (XLSX.CellObject[] | undefined)[];
  const rows: (GridCell | null)[][] = [];
  for (let r = 0; r < data.length; r++) {
    const src = data[r];
    const row: (GridCell | null)[] = [];
    if (src) for (let c = 0; c < src.length; c++) row.push(toGridCell(src[c]));
    rows.push(row);
  }
  const merges = (ws["!merges"] ?? []).map((m) => ({ s: { r: m.s.r, c: m.s.c }, e: { r: m.e.r, c: m.e.c } }));
  const sheet: GridSheet = { name, rows, merges };
  if (hidden) sheet.hidden = true;
  return sheet;
}

export function workbookToGrid(wb: XLSX.WorkBook): Grid {
  const meta = wb.Workbook?.Sheets ?? [];
  return {
    sheets: wb.SheetNames.map((name, i) => sheetToGrid(name, wb.Sheets[name]!, (meta[i]?.Hidden ?? 0) !== 0)),
  };
}

export type ReadGrid = { ok: true; grid: Grid } | { ok: false; code: "NOT_A_WORKBOOK"; message: string };

/** Bytes → Grid, or why the bytes are not a workbook. Never throws. */
export function readWorkbookBytes(bytes: Uint8Array): ReadGrid {
  if (!looksLikeWorkbook(bytes)) return { ok: false, code: "NOT_A_WORKBOOK", message: "not an Excel workbook (.xlsx/.xls)" };
  try {
    return { ok: true, grid: workbookToGrid(XLSX.read(bytes, SHEETJS_READ_OPTIONS)) };
  } catch (e) {
    return { ok: false, code: "NOT_A_WORKBOOK", message: `the workbook cannot be read (${e instanceof Error ? e.message : String(e)})` };
  }
}
