import type { Locale, Report } from "../../../shared/index.ts";
import type { Ranking } from "../../../shared/index.ts";
import { parseCellRef } from "../cell-address.ts";
import type { GridReadOptions, WorkbookHost } from "../host.ts";
import { resultSheetRows } from "../sheet-rows.ts";
import { CONSOLIDATED_SHEET, readWorkbookGrid, RESULT_SHEET } from "./read-grid.ts";
import { writeConsolidated, writeResultSheet, type WriteCapabilities } from "./write-sheets.ts";
import { layoutOwnSheet, withFreeTableNames, type OwnSheetSpec } from "../own-sheet.ts";
import { writeOwnSheet } from "./write-own-sheet.ts";

/** ExcelApi levels behind each feature; the manifest asks only for the reading level. */
export const NEEDED = { read: "1.4", conditionalFormats: "1.6", freezePanes: "1.7", chartAxes: "1.7", merges: "1.13" } as const;

const FEATURE_NAMES: Record<Exclude<keyof typeof NEEDED, "read">, Record<Locale, string>> = {
  merges: { vi: "đọc ô gộp (ExcelApi 1.13): tiêu đề hai dòng có thể không nhận ra", en: "reading merged cells (ExcelApi 1.13): two-row headers may be missed" },
  conditionalFormats: { vi: "tô màu theo xếp loại (ExcelApi 1.6)", en: "band colours (ExcelApi 1.6)" },
  freezePanes: { vi: "cố định dòng tiêu đề (ExcelApi 1.7)", en: "frozen header (ExcelApi 1.7)" },
  chartAxes: { vi: "biểu đồ tiêu chí yếu xếp từ trên xuống (ExcelApi 1.7)", en: "weak-criteria chart listed top-down (ExcelApi 1.7)" },
};

const supports = (version: string) => Office.context.requirements.isSetSupported("ExcelApi", version);
const writeCapabilities = (): WriteCapabilities => ({ conditionalFormats: supports(NEEDED.conditionalFormats), freezePanes: supports(NEEDED.freezePanes), chartAxes: supports(NEEDED.chartAxes) });

/** Excel through Office.js: one Excel.run per user action. */
export class ExcelHost implements WorkbookHost {
  readonly kind = "excel";
  private sheetNames: string[] = [];

  static canRead(): boolean {
    return supports(NEEDED.read);
  }

  unsupported(locale: Locale): string[] {
    return (Object.keys(FEATURE_NAMES) as (keyof typeof FEATURE_NAMES)[]).filter((k) => !supports(NEEDED[k])).map((k) => FEATURE_NAMES[k][locale]);
  }

  readGrid(options: GridReadOptions = {}) {
    return Excel.run(async (context) => {
      const read = await readWorkbookGrid(context, { ...options, merges: supports(NEEDED.merges) });
      this.sheetNames = read.sheetNames;
      return read;
    });
  }

  async selectCell(ref: string): Promise<void> {
    const target = parseCellRef(ref);
    if (!target) throw Object.assign(new Error(ref), { code: "InvalidArgument" });
    await Excel.run(async (context) => {
      const sheet = context.workbook.worksheets.getItem(target.sheet);
      sheet.activate();
      sheet.getRange(target.address).select();
      await context.sync();
    });
  }

  writeResultSheet(report: Report, locale: Locale): Promise<void> {
    return Excel.run(async (context) => void (await writeResultSheet(context, resultSheetRows(report, locale, new Date()), this.sheetNames.includes(RESULT_SHEET))));
  }

  async writeConsolidated(ranking: Ranking, locale: Locale): Promise<void> {
    await Excel.run(async (context) => {
      const sheets = context.workbook.worksheets.getItemOrNullObject(CONSOLIDATED_SHEET);
      await context.sync(); // a ranking pull does not read the workbook first, so ask once
      await writeConsolidated(context, ranking, locale, !sheets.isNullObject, writeCapabilities());
    });
  }

  /** Two syncs whatever the size: ask whether the sheet exists and which table names are taken, then write. */
  async writeOwnSheet(spec: OwnSheetSpec): Promise<void> {
    const layout = layoutOwnSheet(spec);
    await Excel.run(async (context) => {
      const existing = context.workbook.worksheets.getItemOrNullObject(spec.name);
      const tables = context.workbook.tables.load("items/name");
      await context.sync();
      await writeOwnSheet(context, withFreeTableNames(layout, tables.items.map((t) => t.name)), !existing.isNullObject, writeCapabilities());
    });
  }

  async getDocumentSetting(key: string): Promise<unknown> {
    return Office.context.document.settings.get(key) as unknown;
  }

  setDocumentSetting(key: string, value: unknown): Promise<void> {
    Office.context.document.settings.set(key, value);
    return new Promise((resolve, reject) => Office.context.document.settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error))));
  }
}
