import type { Grid, GridSheet, Locale, Report } from "../../../shared/index.ts";
import type { Ranking } from "../../../shared/index.ts";
import { parseCellRef, type CellTarget } from "../cell-address.ts";
import { CONSOLIDATED_SHEET, OWN_SHEETS, RESULT_SHEET } from "../excel/read-grid.ts";
import type { GridReadOptions, WorkbookHost } from "../host.ts";
import { consolidatedRows, resultSheetRows, type SheetRows } from "../sheet-rows.ts";
import { displayRows, type OwnSheetSpec } from "../own-sheet.ts";

/** The add-in's own sheets as the harness shows them. */
export interface OwnSheet {
  name: string;
  rows: SheetRows;
}

export interface FileHostEvents {
  onSelect?: (target: CellTarget) => void;
  onOwnSheet?: (sheet: OwnSheet) => void;
  /** Keep document settings across page loads, keyed by this file name (like Excel keeps them in the file). */
  persist?: { fileName: string; storage: Storage };
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

  async readGrid(options: GridReadOptions = {}): Promise<{ grid: Grid; tableSheets: string[] }> {
    options.onProgress?.({ step: 1, of: 1, stage: "sheets" });
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

  /** Kept as the cells Excel would show (decimal commas in Vietnamese, dd/mm/yyyy). */
  async writeOwnSheet(spec: OwnSheetSpec, locale: Locale): Promise<void> {
    this.putOwn(spec.name, displayRows(spec, locale));
  }

  private persistKey(key: string): string | null {
    const p = this.events.persist;
    return p ? `parindex.document.${p.fileName}.${key}` : null;
  }

  async getDocumentSetting(key: string): Promise<unknown> {
    const stored = this.persistKey(key);
    const text = stored ? this.events.persist!.storage.getItem(stored) : null;
    if (text === null) return this.settings.get(key);
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return undefined;
    }
  }

  async setDocumentSetting(key: string, value: unknown): Promise<void> {
    this.settings.set(key, value);
    const stored = this.persistKey(key);
    if (stored) this.events.persist!.storage.setItem(stored, JSON.stringify(value));
  }
}
