import type { IssuedCode } from "./api-onboarding.ts";
import { CSV_BOM, csvLine, type CsvCell } from "./excel-csv.ts";
import type { Locale } from "./findings.ts";

/**
 * The sheet a province hands out with activation codes: one row per unit with its code,
 * the last day it works and one line saying what to do with it. A code on a sheet is fine
 * (it works once, for a few days); a token never goes on one. The Worker's CSV and XLSX and
 * the admin CLI's CSV are this same table.
 */
const COLUMNS: Record<Locale, string[]> = {
  vi: ["Đơn vị", "Mã đơn vị", "Mã kích hoạt", "Dùng được đến hết ngày", "Cách dùng"],
  en: ["Unit", "Unit id", "Activation code", "Valid through", "How to use it"],
};

const INSTRUCTION: Record<Locale, string> = {
  vi: "Mở Chỉ số CCHC (trong Excel hoặc trên trang web của tỉnh), chọn Kích hoạt và nhập mã này. Mỗi mã chỉ dùng được một lần.",
  en: "Open PAR INDEX (in Excel or on the province's web page), choose Activate and type this code. Each code works once.",
};

export function activationSheetRows(codes: readonly IssuedCode[], locale: Locale): CsvCell[][] {
  return [COLUMNS[locale], ...codes.map((c) => [c.unit.name, c.unit.id, c.code, { date: c.expiresAt }, INSTRUCTION[locale]])];
}

/** The sheet as the XLSX writer takes it (xlsx/table-workbook.ts): its name, rows and column widths. */
export function activationSheetTable(codes: readonly IssuedCode[], locale: Locale): { name: string; rows: CsvCell[][]; widths: number[] } {
  return { name: locale === "vi" ? "Mã kích hoạt" : "Activation codes", rows: activationSheetRows(codes, locale), widths: [32, 24, 16, 14, 100] };
}

/** The sheet as CSV for Excel with Vietnamese settings (BOM, ";", dd/mm/yyyy, formula-safe). */
export function activationSheetCsv(codes: readonly IssuedCode[], locale: Locale): string {
  return CSV_BOM + activationSheetRows(codes, locale).map(csvLine).join("");
}
