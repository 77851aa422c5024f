/**
 * CSV for Excel with Vietnamese regional settings: UTF-8 with BOM, ";" separated, decimal
 * comma, dd/mm/yyyy dates. Text a spreadsheet would run as a formula (starting with = + - @,
 * tab or CR) gets a leading apostrophe (formula injection). Used by the Worker's ranking
 * export and the CLI's evidence register.
 */
export type CsvCell = string | number | boolean | null | { date: string };

export const CSV_BOM = "\uFEFF";
const DANGEROUS = /^[=+\-@\t\r]/;
export const safeText = (s: string): string => (DANGEROUS.test(s) ? `'${s}` : s);

/** dd/mm/yyyy in Vietnam time (UTC+7); a bare ISO day ("2024-01-05", UTC midnight) stays that day. */
export function vietnamDate(iso: string): string {
  const t = new Date(Date.parse(iso) + 7 * 3600_000);
  const p = (n: number) => String(n).padStart(2, "0");
  return `${p(t.getUTCDate())}/${p(t.getUTCMonth() + 1)}/${t.getUTCFullYear()}`;
}

function csvCell(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell).replace(".", ",");
  if (typeof cell === "boolean") return cell ? "Có" : "Không";
  const text = typeof cell === "string" ? safeText(cell) : vietnamDate(cell.date);
  return /[;"\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export const csvLine = (cells: CsvCell[]): string => `${cells.map(csvCell).join(";")}\r\n`;
