import type { Grid, GridSheet, Locale, Report } from "../../../shared/index.ts";
import type { Ranking } from "../../../shared/index.ts";
import { parseCellRef, type CellTarget } from "../cell-address.ts";
import { WorkbookProblem } from "../errors.ts";
import type { GridReadOptions, WorkbookHost } from "../host.ts";
import { displayRows, type OwnSheetSpec } from "../own-sheet.ts";
import { carriesOwnMarker, placeOwnSheet, type OwnSheetRecord, type SheetWritten } from "../sheet-ownership.ts";
import { consolidatedSheet, resultSheet } from "../sheet-rows.ts";

/** The add-in's own sheets as the harness shows them: the cells as Excel would display them, and what they were made from. */
export interface OwnSheet {
  name: string;
  rows: string[][];
  spec: OwnSheetSpec;
}

export interface FileHostEvents {
  onSelect?: (target: CellTarget) => void;
  onOwnSheet?: (sheet: OwnSheet) => void;
  /** Keep document settings across page loads, keyed by this file name (like Excel keeps them in the file). */
  persist?: { fileName: string; storage: Storage };
  /** No file opened yet (the web checker before one is picked): reading says so. */
  noFile?: boolean;
}

/**
 * A workbook opened in the page (SheetJS grid): the browser harness's host, also used in
 * tests. Its own sheets live beside the file's sheets and follow Excel's rules: a sheet of
 * the file bearing an own sheet's name is the user's (scored, never replaced; the own sheet
 * goes under a free name), and a sheet the add-in wrote in Excel (the marker) is never evidence.
 */
export class FileHost implements WorkbookHost {
  readonly kind = "file";
  selected: CellTarget | null = null;
  readonly ownSheets = new Map<string, OwnSheet>();
  private records: OwnSheetRecord[] = [];
  private readonly settings = new Map<string, unknown>();

  constructor(
    private grid: Grid,
    private readonly events: FileHostEvents = {},
  ) {}

  get fileName(): string | null {
    return this.events.noFile ? null : this.events.persist?.fileName || null;
  }

  get sheets(): GridSheet[] {
    return this.grid.sheets;
  }

  unsupported(): string[] {
    return [];
  }

  /** The whole file is already in memory: every sheet but the add-in's own is read in full, whatever `readsInFull` says. */
  async readGrid(options?: GridReadOptions): Promise<{ grid: Grid; tableSheets: string[] }> {
    if (this.events.noFile) throw new WorkbookProblem("NoFile", "");
    options?.onProgress?.({ step: 1, of: 1, stage: "sheets" });
    const sheets = this.grid.sheets.filter((s) => !carriesOwnMarker(s));
    return { grid: { sheets }, tableSheets: sheets.map((s) => s.name) };
  }

  /** Like Excel: a cell on a hidden sheet cannot be selected, and the pane says why. */
  async selectCell(ref: string): Promise<void> {
    const target = parseCellRef(ref);
    if (!target) throw new WorkbookProblem("BadCellRef", ref);
    const sheet = this.grid.sheets.find((s) => s.name === target.sheet);
    if (!sheet) throw new WorkbookProblem("SheetMissing", target.sheet);
    if (sheet.hidden) throw new WorkbookProblem("SheetHidden", target.sheet);
    this.selected = target;
    this.events.onSelect?.(target);
  }

  async writeResultSheet(report: Report, locale: Locale): Promise<SheetWritten> {
    return this.writeOwnSheet(resultSheet(report, locale, new Date()), locale);
  }

  async writeConsolidated(ranking: Ranking, locale: Locale): Promise<SheetWritten> {
    return this.writeOwnSheet(consolidatedSheet(ranking, locale, new Date()), locale);
  }

  /** Kept as the cells Excel would show (decimal commas in Vietnamese, dd/mm/yyyy). */
  async writeOwnSheet(spec: OwnSheetSpec, locale: Locale): Promise<SheetWritten> {
    const place = placeOwnSheet(spec.role, this.sheetRefs(), this.records);
    if (place.replaceId) this.ownSheets.delete(place.replaceId);
    this.records = [...this.records.filter((r) => r.role !== spec.role), { id: place.name, role: spec.role, name: place.name }];
    const sheet = { name: place.name, rows: displayRows(spec, locale), spec };
    this.ownSheets.set(place.name, sheet);
    this.events.onOwnSheet?.(sheet);
    return { name: place.name, besideSheet: place.besideSheet };
  }

  /** The file's sheets and the own ones, an own sheet's id being its name (the harness never renames). */
  private sheetRefs(): { id: string; name: string }[] {
    return [...this.grid.sheets.map((s, i) => ({ id: `file:${i}`, name: s.name })), ...[...this.ownSheets.keys()].map((name) => ({ id: name, name }))];
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
