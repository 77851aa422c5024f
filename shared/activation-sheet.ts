import type { IssuedCode } from "./api-onboarding.ts";
import { CSV_BOM, csvLine, type CsvCell } from "./excel-csv.ts";
import type { Locale } from "./findings.ts";

/**
 * The sheet a province hands out with activation codes: one row per unit with its parent, its
 * code, the last day it works and one line saying what to do with it. A code on a sheet is fine
 * (it works once, for a few days); a token never goes on one. The Worker's CSV and XLSX, the
 * admin CLI's sheets and the pane's codes sheet are this same table.
 *
 * The parent ("Trực thuộc") is on it because names repeat in a province (old names are reused
 * after merges): two "Xã Tân Lập" rows, one per district, were told apart only by an id suffix,
 * and one commune's code was read out to the other.
 */
const COLUMNS: Record<Locale, string[]> = {
  vi: ["Đơn vị", "Trực thuộc", "Mã đơn vị", "Mã kích hoạt", "Dùng được đến hết ngày", "Cách dùng"],
  en: ["Unit", "Parent unit", "Unit id", "Activation code", "Valid through", "How to use it"],
};

/** Where the code is typed: the web checker's address when the sheet's maker knows it (the Worker does; the admin CLI with --origin). */
function instruction(locale: Locale, origin: string | undefined): string {
  const web = origin ? (locale === "vi" ? `trên trang web của tỉnh ${origin}/` : `on the province's web page ${origin}/`) : locale === "vi" ? "trên trang web của tỉnh" : "on the province's web page";
  return locale === "vi"
    ? `Mở Chỉ số CCHC (trong Excel hoặc ${web}), chọn Kích hoạt và nhập mã này. Mỗi mã chỉ dùng được một lần.`
    : `Open PAR INDEX (in Excel or ${web}), choose Activate and type this code. Each code works once.`;
}

export interface ActivationSheetOptions {
  /** The deployment's https origin (no path): the web checker is at its "/". */
  origin?: string | undefined;
}

export function activationSheetRows(codes: readonly IssuedCode[], locale: Locale, options: ActivationSheetOptions = {}): CsvCell[][] {
  const how = instruction(locale, options.origin);
  return [COLUMNS[locale], ...codes.map((c) => [c.unit.name, c.unit.parent?.name ?? "", c.unit.id, c.code, { date: c.expiresAt }, how])];
}

/** The sheet as the XLSX writer takes it (xlsx/table-workbook.ts): its name, rows and column widths. */
export function activationSheetTable(codes: readonly IssuedCode[], locale: Locale, options: ActivationSheetOptions = {}): { name: string; rows: CsvCell[][]; widths: number[] } {
  return { name: locale === "vi" ? "Mã kích hoạt" : "Activation codes", rows: activationSheetRows(codes, locale, options), widths: [32, 28, 24, 16, 14, 100] };
}

/** The sheet as CSV for Excel with Vietnamese settings (BOM, ";", dd/mm/yyyy, formula-safe). */
export function activationSheetCsv(codes: readonly IssuedCode[], locale: Locale, options: ActivationSheetOptions = {}): string {
  return CSV_BOM + activationSheetRows(codes, locale, options).map(csvLine).join("");
}
