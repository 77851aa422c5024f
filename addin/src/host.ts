import type { Grid, GridSheet, Locale, Report } from "../../shared/index.ts";
import type { Ranking } from "../../shared/index.ts";
import type { ReadProgress } from "./excel/read-grid.ts";
import type { OwnSheetSpec } from "./own-sheet.ts";
import type { SheetWritten } from "./sheet-ownership.ts";

export interface GridReadOptions {
  onProgress?: ((p: ReadProgress) => void) | undefined;
  /**
   * Which sheets to read in full, known from their first rows: a criteria table's header
   * (shared/locate-table.ts holdsCriteriaHeader), an evidence list, an admin's units list. The
   * caller says so because it has the engine loaded: the Excel reader stays out of the table
   * locator, and with it out of the pane's first bytes (engine-loader.ts).
   */
  readsInFull: (window: GridSheet) => boolean;
  /** Sheets whose header the user confirmed: read in full even when detection finds no table. */
  tableSheets?: string[] | undefined;
}

/** Where the workbook lives: Excel through Office.js, or a file opened in the browser harness. */
export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** The workbook's file name where the host knows it (a file opened in the page), to name what was submitted. */
  readonly fileName?: string | null;
  /** Features this host lacks, in the user's words (shown in the pane, never failing silently). */
  unsupported(locale: Locale): string[];
  /** `truncated`: sheets whose used range was cut at the read bound (stray cells far below the table). */
  readGrid(options: GridReadOptions): Promise<{ grid: Grid; tableSheets: string[]; truncated?: string[] }>;
  /** Select a finding's cell, e.g. `'Tự đánh giá'!G12`; a hidden or missing sheet is a `WorkbookProblem` (errors.ts). */
  selectCell(ref: string): Promise<void>;
  /**
   * The add-in's own sheets (sheet-ownership.ts): each replaces the add-in's previous one and
   * never a user's sheet; the answer says the name written (not the usual one when a user's
   * sheet holds it: `besideSheet`, to tell the user).
   */
  writeResultSheet(report: Report, locale: Locale): Promise<SheetWritten>;
  writeConsolidated(ranking: Ranking, locale: Locale): Promise<SheetWritten>;
  /** One of the insight sheets (analysis, history, trend, evidence register). */
  writeOwnSheet(spec: OwnSheetSpec, locale: Locale): Promise<SheetWritten>;
  /** Per-document, non-secret settings (the confirmed column mapping). */
  getDocumentSetting(key: string): Promise<unknown>;
  setDocumentSetting(key: string, value: unknown): Promise<void>;
}
