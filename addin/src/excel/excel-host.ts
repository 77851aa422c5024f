import type { Locale, Ranking, Report } from "../../../shared/index.ts";
import { parseCellRef } from "../cell-address.ts";
import { WorkbookProblem } from "../errors.ts";
import type { GridReadOptions, WorkbookHost } from "../host.ts";
import { EXCEL_STRINGS } from "../i18n-excel.ts";
import { layoutOwnSheet, type OwnSheetSpec } from "../own-sheet.ts";
import { OWN_SHEETS_KEY, parseOwnSheets, type OwnSheetRecord, type SheetWritten } from "../sheet-ownership.ts";
import { consolidatedSheet, resultSheet } from "../sheet-rows.ts";
import { readWorkbookGrid, type ReadResult } from "./read-grid.ts";
import { writeOwnSheet, type WriteCapabilities } from "./write-own-sheet.ts";

/** ExcelApi levels behind each feature; the manifest asks only for the reading level. */
export const NEEDED = { read: "1.4", conditionalFormats: "1.6", freezePanes: "1.7", chartAxes: "1.7", visibility: "1.9", merges: "1.13" } as const;

const FEATURE_NAMES: Record<Exclude<keyof typeof NEEDED, "read">, Record<Locale, string>> = {
  merges: { vi: "đọc ô gộp (ExcelApi 1.13): tiêu đề hai dòng có thể không nhận ra", en: "reading merged cells (ExcelApi 1.13): two-row headers may be missed" },
  visibility: { vi: "nhận biết dòng, cột đang ẩn (ExcelApi 1.9): dòng ẩn trùng mã với dòng đang hiện có thể bị tính", en: "telling hidden rows and columns (ExcelApi 1.9): a hidden row with the code of a visible one may be counted" },
  conditionalFormats: { vi: "tô màu theo xếp loại (ExcelApi 1.6)", en: "band colours (ExcelApi 1.6)" },
  freezePanes: { vi: "cố định dòng tiêu đề (ExcelApi 1.7)", en: "frozen header (ExcelApi 1.7)" },
  chartAxes: { vi: "biểu đồ tiêu chí yếu xếp từ trên xuống (ExcelApi 1.7)", en: "weak-criteria chart listed top-down (ExcelApi 1.7)" },
};

type DocumentSettings = Pick<Office.Settings, "get" | "set" | "saveAsync"> & Partial<Pick<Office.Settings, "refreshAsync">>;

/** What the host needs from Office (tests hand it the strict fake's). */
export interface OfficeEnv {
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  supports: (excelApiVersion: string) => boolean;
  settings: DocumentSettings;
}

export const officeEnv = (): OfficeEnv => ({
  run: (batch) => Excel.run(batch),
  supports: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
  settings: Office.context.document.settings,
});

/** Excel through Office.js: one Excel.run per user action. */
export class ExcelHost implements WorkbookHost {
  readonly kind = "excel";
  private lastRead: Pick<ReadResult, "mergesUnread" | "visibilityUnread" | "dateSystemUnknown" | "unread"> = { mergesUnread: false, visibilityUnread: false, dateSystemUnknown: false, unread: [] };

  constructor(private readonly env: OfficeEnv = officeEnv()) {}

  static canRead(): boolean {
    return Office.context.requirements.isSetSupported("ExcelApi", NEEDED.read);
  }

  /** Features this Excel lacks, and what the last read had to go without (the pane's banner). */
  unsupported(locale: Locale): string[] {
    const t = EXCEL_STRINGS[locale];
    const missing = (Object.keys(FEATURE_NAMES) as (keyof typeof FEATURE_NAMES)[]).filter((k) => !this.env.supports(NEEDED[k])).map((k) => FEATURE_NAMES[k][locale]);
    const failed = [...(this.lastRead.mergesUnread ? [t.mergesUnread] : []), ...(this.lastRead.visibilityUnread ? [t.visibilityUnread] : []), ...(this.lastRead.dateSystemUnknown ? [t.dateSystemUnknown] : [])];
    return [...missing, ...failed, ...(this.lastRead.unread.length ? [t.unreadSheets(this.lastRead.unread)] : [])];
  }

  async readGrid(options: GridReadOptions): Promise<ReadResult> {
    const own = await this.ownSheets();
    const read = await this.env.run((context) => readWorkbookGrid(context, { ...options, merges: this.env.supports(NEEDED.merges), visibility: this.env.supports(NEEDED.visibility), ownSheets: own }));
    this.lastRead = { mergesUnread: read.mergesUnread, visibilityUnread: read.visibilityUnread, dateSystemUnknown: read.dateSystemUnknown, unread: read.unread };
    return read;
  }

  /**
   * A hidden sheet cannot be activated: say so (and how to show it) rather than fail; the
   * workbook is not changed. A cell on a hidden row or column is selected, and the pane says
   * it is hidden, since Excel shows nothing.
   */
  async selectCell(ref: string): Promise<void> {
    const target = parseCellRef(ref);
    if (!target) throw new WorkbookProblem("BadCellRef", ref);
    await this.env.run(async (context) => {
      const sheet = context.workbook.worksheets.getItemOrNullObject(target.sheet);
      sheet.load("visibility");
      await context.sync();
      if (sheet.isNullObject) throw new WorkbookProblem("SheetMissing", target.sheet);
      if (sheet.visibility === "VeryHidden") throw new WorkbookProblem("SheetVeryHidden", target.sheet);
      if (sheet.visibility !== "Visible") throw new WorkbookProblem("SheetHidden", target.sheet);
      sheet.activate();
      const range = sheet.getRange(target.address);
      range.select();
      range.load("rowHidden, columnHidden");
      await context.sync();
      // Selected, but out of sight: say where it is and how to show it (a HIDDEN_ROW_SKIPPED finding points there).
      if (range.rowHidden || range.columnHidden) throw new WorkbookProblem("CellHidden", ref);
    });
  }

  writeResultSheet(report: Report, locale: Locale): Promise<SheetWritten> {
    return this.writeOwnSheet(resultSheet(report, locale, new Date()));
  }

  writeConsolidated(ranking: Ranking, locale: Locale): Promise<SheetWritten> {
    return this.writeOwnSheet(consolidatedSheet(ranking, locale, new Date()));
  }

  /** Three syncs whatever the size, four when an own sheet's id changed (write-own-sheet.ts); its id and nonce are then kept in the document. */
  async writeOwnSheet(spec: OwnSheetSpec): Promise<SheetWritten> {
    const own = await this.ownSheets();
    const caps: WriteCapabilities = { conditionalFormats: this.env.supports(NEEDED.conditionalFormats), freezePanes: this.env.supports(NEEDED.freezePanes), chartAxes: this.env.supports(NEEDED.chartAxes) };
    const write = await this.env.run((context) => writeOwnSheet(context, layoutOwnSheet(spec), own, caps));
    await this.setDocumentSetting(OWN_SHEETS_KEY, write.records);
    return write.written;
  }

  /** The add-in's sheets, as the document holds them now. */
  private async ownSheets(): Promise<OwnSheetRecord[]> {
    return parseOwnSheets(await this.getDocumentSetting(OWN_SHEETS_KEY));
  }

  /**
   * Read afresh: each runtime (the pane, the ribbon's function file) holds its own copy of
   * the document's settings (d.ts Office.Settings), and the other may have saved since.
   * Every set here is saved at once, so a refresh loses nothing of ours.
   */
  async getDocumentSetting(key: string): Promise<unknown> {
    const { settings } = this.env;
    if (settings.refreshAsync) await new Promise<void>((resolve) => settings.refreshAsync!(() => resolve()));
    return settings.get(key) as unknown;
  }

  setDocumentSetting(key: string, value: unknown): Promise<void> {
    const { settings } = this.env;
    settings.set(key, value);
    // "succeeded" is Office.AsyncResultStatus.Succeeded, without needing the Office global
    return new Promise((resolve, reject) => settings.saveAsync((r) => (String(r.status) === "succeeded" ? resolve() : reject(r.error))));
  }
}
