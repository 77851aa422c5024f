import type { Grid, Locale, Report } from "../../shared/index.ts";
import type { Ranking } from "../../shared/index.ts";
import type { ReadProgress } from "./excel/read-grid.ts";
import type { OwnSheetSpec } from "./own-sheet.ts";

export interface GridReadOptions {
  onProgress?: ((p: ReadProgress) => void) | undefined;
  /** The criteria set's year, to prefer "… 2024" score columns like the engine does. */
  year?: number | undefined;
  /** Sheets whose header the user confirmed: read in full even when detection finds no table. */
  tableSheets?: string[] | undefined;
}

/** Where the workbook lives: Excel through Office.js, or a file opened in the browser harness. */
export interface WorkbookHost {
  readonly kind: "excel" | "file";
  /** Features this host lacks, in the user's words (shown in the pane, never failing silently). */
  unsupported(locale: Locale): string[];
  /** `truncated`: sheets whose used range was cut at the read bound (stray cells far below the table). */
  readGrid(options?: GridReadOptions): Promise<{ grid: Grid; tableSheets: string[]; truncated?: string[] }>;
  /** Select a finding's cell, e.g. `'Tự đánh giá'!G12`. */
  selectCell(ref: string): Promise<void>;
  writeResultSheet(report: Report, locale: Locale): Promise<void>;
  writeConsolidated(ranking: Ranking, locale: Locale): Promise<void>;
  /** Replace one of the add-in's insight sheets (analysis, history, trend, evidence register). */
  writeOwnSheet(spec: OwnSheetSpec, locale: Locale): Promise<void>;
  /** Per-document, non-secret settings (the confirmed column mapping). */
  getDocumentSetting(key: string): Promise<unknown>;
  setDocumentSetting(key: string, value: unknown): Promise<void>;
}
