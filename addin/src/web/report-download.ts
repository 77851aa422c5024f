import type { CsvCell } from "../../../shared/index.ts";
import { layoutOwnSheet, sheetLines, type OwnSheetSpec } from "../own-sheet.ts";

/**
 * The web checker's report as a workbook, built in the browser with SheetJS (xlsx/, loaded
 * only when asked): every sheet the add-in would have written into Excel, laid out the same
 * way. Text stays text (a code "1.10" is a text cell), numbers stay numbers, dates are date
 * cells, and text a spreadsheet would run as a formula gets the apostrophe the Worker's
 * exports give it (shared/excel-csv.ts safeText).
 */
export function sheetTable(name: string, spec: OwnSheetSpec): { name: string; rows: CsvCell[][]; widths: number[] } {
  const rows = sheetLines<CsvCell>(spec, (s) => s, (v, format) => (format === "date" && typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? { date: v } : v === "" ? null : v));
  // The layout's widths are points; SheetJS takes characters.
  return { name, rows, widths: layoutOwnSheet(spec).widths.map((w) => Math.round(w / 7)) };
}

export async function reportWorkbook(sheets: { name: string; spec: OwnSheetSpec }[]): Promise<Uint8Array<ArrayBuffer>> {
  const { tableWorkbook } = await import("../../../xlsx/table-workbook.ts");
  return tableWorkbook(sheets.map((s) => sheetTable(s.name, s.spec)));
}

/** Hand the bytes to the browser as a download. */
export function saveFile(bytes: Uint8Array<ArrayBuffer>, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
