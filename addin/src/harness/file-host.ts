import type { Grid, GridSheet, Locale, Report } from "../../../shared/index.ts";
import type { Ranking } from "../api/ranking.ts";
import { parseCellRef, type CellTarget } from "../cell-address.ts";
import { CONSOLIDATED_SHEET, OWN_SHEETS, RESULT_SHEET, type ReadProgress } from "../excel/read-grid.ts";
import type { WorkbookHost } from "../host.ts";
import { consolidatedRows, resultSheetRows, type SheetRows } from "../sheet-rows.ts";

/** The add-in's own sheets as the harness shows them. */
export interface OwnSheet {
  name: string;
  rows: SheetRows;
}

export interface FileHostEvents {
  onSelect?: (target: CellTarget) => void;
  onOwnSheet?: (sheet: OwnSheet) => void;
}

/** A workbook opened in the page (SheetJS grid): the browser harness's host, also used in tests. */
export class FileHost implements WorkbookHost {
  readonly kind = "file";
  selected: CellTarget | null = null;
  readonly ownSheets = new Map<string, OwnSheet>();
  private readonly settings = new Map<string, unknown>();

  constructor(
    private grid: Grid,
    private readonly events: FileHostEvents = {},
  ) {}

  get sheets(): GridSheet[] {
    return this.grid.sheets;
  }

  unsupported(): string[] {
    return [];
  }

  async readGrid(onProgress?: (p: ReadProgress) => void): Promise<{ grid: Grid; tableSheets: string[] }> {
    onProgress?.({ step: 1, of: 1, stage: "sheets" });
    const sheets = this.grid.sheets.filter((s) => !OWN_SHEETS.includes(s.name));
    return { grid: { sheets }, tableSheets: sheets.map((s) => s.name) };
  }

  async selectCell(ref: string): Promise<void> {
    const target = parseCellRef(ref);
    if (!target || !this.grid.sheets.some((s) => s.name === target.sheet)) throw Object.assign(new Error(`no cell ${ref}`), { code: "ItemNotFound" });
    this.selected = target;
    this.events.onSelect?.(target);
  }

  private putOwn(name: string, rows: SheetRows): void {
    const sheet = { name, rows };
    this.ownSheets.set(name, sheet);
    this.events.onOwnSheet?.(sheet);
  }

  async writeResultSheet(report: Report, locale: Locale): Promise<void> {
    this.putOwn(RESULT_SHEET, resultSheetRows(report, locale, new Date()));
  }

  async writeConsolidated(ranking: Ranking, locale: Locale): Promise<void> {
    this.putOwn(CONSOLIDATED_SHEET, consolidatedRows(ranking, locale));
  }

  async getDocumentSetting(key: string): Promise<unknown> {
    return this.settings.get(key);
  }

  async setDocumentSetting(key: string, value: unknown): Promise<void> {
    this.settings.set(key, value);
  }
}
