import { blockAddress, parseRangeAddress } from "../../src/cell-address.ts";
import { cellFromInput, conditionalRuleHolds, type StrictConditionalFormat, FakeOfficeError, MERGED_AREA_LIMIT, nameKey, PAYLOAD_LIMIT, sheetNameProblem, tableNameProblem, type StrictCell } from "./excel-rules.ts";

/** 0-based, inclusive corners. */
export interface Bounds {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export type Visibility = "Visible" | "Hidden" | "VeryHidden";

export interface StrictSheet {
  id: string;
  name: string;
  visibility: Visibility;
  /** "r,c" → cell. */
  cells: Map<string, StrictCell>;
  merges: Bounds[];
  /** Rows and columns hidden by the user (0-based). */
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  frozenRows: number;
  /** The sync that created it (Excel on the web ignores activating it in that same batch). */
  addedInSync: number;
}

export interface StrictTable {
  name: string;
  sheetId: string;
  address: string;
  style: string;
}

export interface StrictChart {
  /** "Chart 1", "Chart 2"… as Excel names a new chart; unique on its sheet. */
  name: string;
  sheetId: string;
  type: string;
  source: string;
  /** Paths set on the chart, e.g. "title.text", "setPosition()". */
  props: Record<string, unknown>;
}

/** A formatting call the fake does not interpret (font, width, wrap, conditional formats…). */
export interface StyleRecord {
  sheetId: string;
  address: string;
  path: string;
  value: unknown;
}

/** The workbook behind the strict fake: what Excel would hold after each sync. */
export class StrictBook {
  sheets: StrictSheet[] = [];
  tables: StrictTable[] = [];
  charts: StrictChart[] = [];
  styles: StyleRecord[] = [];
  /** Conditional formats, top priority first (conditional-formats.ts). */
  conditionalFormats: StrictConditionalFormat[] = [];
  activeId: string | null = null;
  selection: { sheetId: string; address: string } | null = null;
  /** Actions applied, in order: "add X", "delete X", "activate X", "values X!A1:B2"… */
  log: string[] = [];
  syncNumber = 0;
  /**
   * Excel on the web's limits; a test may lower them to reach a fallback with small data.
   * `areasAddress`: characters of a RangeAreas.address past which it is cut short at an
   * area's end. Microsoft documents no such cut (areaCount is still the whole count); off
   * by default, a test sets it to model an address Excel truncated.
   */
  limits = { payload: PAYLOAD_LIMIT, mergedAreas: MERGED_AREA_LIMIT, areasAddress: Infinity };
  /**
   * The code a response over the payload limit fails with. Documented as
   * ResponsePayloadSizeLimitExceeded; on the web oversized responses have come back as
   * GeneralException too (office-js#1314), which a test may choose here.
   */
  responseTooLarge: "ResponsePayloadSizeLimitExceeded" | "GeneralException" = "ResponsePayloadSizeLimitExceeded";
  /**
   * The workbook's date system (Excel ▸ Options ▸ Advanced ▸ "Use 1904 date system"): the cells
   * hold what such a workbook stores, 1,462 days lower; DATE (Functions.date, ExcelApi 1.2)
   * answers in it, "depending on the workbook's date system" (d.ts, the `year` parameter).
   */
  date1904 = false;
  /** A test may make every worksheet function fail with this error value (FunctionResult.error). */
  functionError: string | null = null;
  /**
   * Preview APIs (ExcelApi BETA, only with the beta office.js) such as Workbook.use1904DateSystem.
   * Off, as in the production office.js the add-in loads: asking for one fails with ApiNotFound
   * ("The API you are trying to use could not be found"; what production does with a preview
   * property is not documented, and this is the stricter reading).
   */
  previewApis = false;
  private nextId = 1;

  addSheet(name: string, visibility: Visibility = "Visible"): StrictSheet {
    const problem = sheetNameProblem(name);
    if (problem) throw new FakeOfficeError("InvalidArgument", `The sheet name "${name}" is not valid: ${problem}.`, "WorksheetCollection.add");
    // Sheet names are unique without case ("Rename a worksheet"); worksheets.add rejects a clash.
    if (this.findSheet(name)) throw new FakeOfficeError("ItemAlreadyExists", `A sheet named "${name}" already exists.`, "WorksheetCollection.add");
    const n = this.nextId++;
    const sheet: StrictSheet = { id: `{00000000-0001-0000-${String(n).padStart(4, "0")}-000000000000}`, name, visibility, cells: new Map(), merges: [], hiddenRows: new Set(), hiddenColumns: new Set(), frozenRows: 0, addedInSync: this.syncNumber };
    this.sheets.push(sheet);
    this.activeId ??= sheet.id;
    this.log.push(`add ${name}`);
    return sheet;
  }

  /** By id, or by name without case: `WorksheetCollection.getItem(key)` takes either (d.ts). */
  findSheet(key: string): StrictSheet | undefined {
    return this.sheets.find((s) => s.id === key) ?? this.sheets.find((s) => nameKey(s.name) === nameKey(key));
  }

  sheet(key: string): StrictSheet {
    const sheet = this.findSheet(key);
    if (!sheet) throw new FakeOfficeError("ItemNotFound", `The sheet "${key}" does not exist.`, "WorksheetCollection.getItem");
    return sheet;
  }

  /** A live sheet (a proxy may still point at one deleted since). */
  alive(sheet: StrictSheet): StrictSheet {
    if (!this.sheets.includes(sheet)) throw new FakeOfficeError("ItemNotFound", `The sheet "${sheet.name}" was deleted.`);
    return sheet;
  }

  deleteSheet(sheet: StrictSheet): void {
    // office-js#365: deleting a very hidden sheet fails with GeneralException, "by design".
    if (sheet.visibility === "VeryHidden") throw new FakeOfficeError("GeneralException", "There was an internal error while processing the request.", "Worksheet.delete");
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheetId !== sheet.id);
    this.charts = this.charts.filter((c) => c.sheetId !== sheet.id);
    if (this.activeId === sheet.id) this.activeId = this.sheets.find((s) => s.visibility === "Visible")?.id ?? null;
    this.log.push(`delete ${sheet.name}`);
  }

  activate(sheet: StrictSheet): void {
    // Not documented for Office.js; Excel's own rule (the UI, VBA's Activate) is that a hidden sheet cannot be active.
    if (sheet.visibility !== "Visible") throw new FakeOfficeError("GeneralException", `The sheet "${sheet.name}" is hidden and cannot be activated.`, "Worksheet.activate");
    // office-js#930: on the web, activating a sheet added in the same batch does not take.
    if (sheet.addedInSync === this.syncNumber) return void this.log.push(`activate ${sheet.name} (ignored: added in this batch)`);
    this.activeId = sheet.id;
    this.log.push(`activate ${sheet.name}`);
  }

  addTable(sheet: StrictSheet, address: string): StrictTable {
    let n = this.tables.length + 1;
    while (this.tables.some((t) => nameKey(t.name) === nameKey(`Table${n}`))) n++;
    const table = { name: `Table${n}`, sheetId: sheet.id, address, style: "TableStyleMedium2" };
    this.tables.push(table);
    this.log.push(`table ${sheet.name}!${address}`);
    return table;
  }

  renameTable(table: StrictTable, name: string): void {
    const problem = tableNameProblem(name);
    if (problem) throw new FakeOfficeError("InvalidArgument", `The table name "${name}" is not valid: ${problem}.`, "Table.name");
    // Names are unique in the workbook, without case ("Rename an Excel table").
    if (this.tables.some((t) => t !== table && nameKey(t.name) === nameKey(name))) throw new FakeOfficeError("InvalidArgument", `A table named "${name}" already exists.`, "Table.name");
    table.name = name;
    this.log.push(`table name ${name}`);
  }

  /** Table.delete (ExcelApi 1.1). Whether the table's cells go too is not documented: the fake keeps them, so a writer clears them itself. */
  deleteTable(table: StrictTable): void {
    if (!this.tables.includes(table)) throw new FakeOfficeError("ItemNotFound", `The table "${table.name}" was deleted.`, "Table.delete");
    this.tables = this.tables.filter((t) => t !== table);
    this.log.push(`table delete ${table.name}`);
  }

  addChart(sheet: StrictSheet, chart: Omit<StrictChart, "name" | "sheetId">): StrictChart {
    let n = 1;
    while (this.charts.some((c) => c.sheetId === sheet.id && c.name === `Chart ${n}`)) n++;
    const made = { ...chart, name: `Chart ${n}`, sheetId: sheet.id };
    this.charts.push(made);
    return made;
  }

  /** Chart.delete (ExcelApi 1.1). */
  deleteChart(chart: StrictChart): void {
    if (!this.charts.includes(chart)) throw new FakeOfficeError("ItemNotFound", `The chart "${chart.name}" was deleted.`, "Chart.delete");
    this.charts = this.charts.filter((c) => c !== chart);
    this.log.push(`chart delete ${chart.name}`);
  }

  /**
   * Range.clear(applyTo) (ExcelApi 1.1): "All" (the default) clears contents and formats,
   * "Contents" the values and formulas, "Formats" the formats (number formats back to
   * General). Conditional formats are left to ConditionalFormatCollection.clearAll: the
   * reference does not say that clear removes them, so the fake does not. A range that
   * overlaps a table is refused: what clearing part of a table does to it is not
   * documented, so a writer deletes the tables first.
   */
  clear(sheet: StrictSheet, b: Bounds, applyTo: string): void {
    if (!["All", "Contents", "Formats"].includes(applyTo)) throw new TypeError(`strict fake: Range.clear("${applyTo}") is not modelled`);
    const overlap = this.tables.find((t) => t.sheetId === sheet.id && intersects(parseBounds(t.address), b));
    if (overlap) throw new FakeOfficeError("InvalidOperation", `The range overlaps the table "${overlap.name}".`, "Range.clear");
    for (const [key, cell] of [...sheet.cells]) {
      const [r, c] = key.split(",").map(Number) as [number, number];
      if (r < b.r0 || r > b.r1 || c < b.c0 || c > b.c1) continue;
      if (applyTo === "All") sheet.cells.delete(key);
      else if (applyTo === "Contents") sheet.cells.set(key, { value: "", type: "Empty", numberFormat: cell.numberFormat });
      else sheet.cells.set(key, { ...cell, numberFormat: "General" });
    }
    if (applyTo !== "Contents") this.styles = this.styles.filter((st) => st.sheetId !== sheet.id || st.path.startsWith("conditionalFormats") || !inside(parseBounds(st.address), b));
    this.log.push(`clear ${applyTo} ${sheet.name}!${blockAddress(b.r0, b.c0, b.r1 - b.r0 + 1, b.c1 - b.c0 + 1)}`);
  }

  /** ConditionalFormatCollection.clearAll (ExcelApi 1.6): the conditional formats of the range go. */
  clearConditionalFormats(sheet: StrictSheet, b: Bounds): void {
    this.styles = this.styles.filter((st) => st.sheetId !== sheet.id || !st.path.startsWith("conditionalFormats") || !inside(parseBounds(st.address), b));
    this.conditionalFormats = this.conditionalFormats.filter((cf) => cf.sheetId !== sheet.id || !inside(cf.bounds, b));
    this.log.push(`conditional formats clear ${sheet.name}`);
  }

  /**
   * The fill a cell shows from its conditional formats: the first, by priority (the one added
   * last on top: "Adds a new conditional format to the collection at the first/top priority",
   * d.ts ConditionalFormatCollection.add), whose rule holds and which sets a fill.
   */
  conditionalFill(sheet: StrictSheet, r: number, c: number): string | null {
    const cell = this.cell(sheet, r, c);
    for (const cf of this.conditionalFormats) {
      const b = cf.bounds;
      if (cf.sheetId !== sheet.id || r < b.r0 || r > b.r1 || c < b.c0 || c > b.c1 || cf.fill === null || cf.rule === null) continue;
      if (conditionalRuleHolds(cf, cell)) return cf.fill;
    }
    return null;
  }

  cell(sheet: StrictSheet, r: number, c: number): StrictCell | undefined {
    return sheet.cells.get(`${r},${c}`);
  }

  /** Paste a block the exact size of the range, cell by cell (values through the cell's format). */
  write(sheet: StrictSheet, b: Bounds, block: unknown, what: "values" | "numberFormat"): void {
    const rows = b.r1 - b.r0 + 1;
    const cols = b.c1 - b.c0 + 1;
    // "The number of rows or columns in the input array doesn't match the size or dimensions of the range." (InvalidArgument)
    if (!Array.isArray(block) || block.length !== rows || block.some((r) => !Array.isArray(r) || r.length !== cols)) {
      throw new FakeOfficeError("InvalidArgument", `The ${what} array does not match the size of ${blockAddress(b.r0, b.c0, rows, cols)} (${rows}×${cols}).`, `Range.${what}`);
    }
    (block as unknown[][]).forEach((row, i) =>
      row.forEach((v, j) => {
        const key = `${b.r0 + i},${b.c0 + j}`;
        const old = sheet.cells.get(key);
        if (what === "numberFormat") sheet.cells.set(key, { ...(old ?? { value: "", type: "Empty" }), numberFormat: String(v) });
        else if (v !== null) sheet.cells.set(key, cellFromInput(v, old?.numberFormat ?? "General"));
      }),
    );
    this.log.push(`${what} ${sheet.name}!${blockAddress(b.r0, b.c0, rows, cols)}`);
  }

  /** Worksheet/Range.getUsedRange: cells with a value (valuesOnly) or also with a format. */
  usedBounds(sheet: StrictSheet, valuesOnly: boolean, within?: Bounds): Bounds | null {
    let b: Bounds | null = null;
    for (const [key, cell] of sheet.cells) {
      if (cell.type === "Empty" && !cell.formula && (valuesOnly || cell.numberFormat === "General")) continue;
      const [r, c] = key.split(",").map(Number) as [number, number];
      if (within && (r < within.r0 || r > within.r1 || c < within.c0 || c > within.c1)) continue;
      b = b ? { r0: Math.min(b.r0, r), c0: Math.min(b.c0, c), r1: Math.max(b.r1, r), c1: Math.max(b.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return b;
  }

  /**
   * Range.getSpecialCells("Visible") (ExcelApi 1.9): the visible cells of the range as areas,
   * each a run of visible rows × a run of visible columns, row by row; none when all are hidden.
   */
  visibleAreas(sheet: StrictSheet, b: Bounds): Bounds[] {
    const runs = (first: number, last: number, hidden: Set<number>): [number, number][] => {
      const out: [number, number][] = [];
      for (let i = first; i <= last; i++) {
        if (hidden.has(i)) continue;
        const prev = out[out.length - 1];
        if (prev && prev[1] === i - 1) prev[1] = i;
        else out.push([i, i]);
      }
      return out;
    };
    const columns = runs(b.c0, b.c1, sheet.hiddenColumns);
    return runs(b.r0, b.r1, sheet.hiddenRows).flatMap(([r0, r1]) => columns.map(([c0, c1]) => ({ r0, c0, r1, c1 })));
  }

  /** office-js#3611: only the merged areas whose top-left cell lies in the range are returned. */
  mergedAreas(sheet: StrictSheet, b: Bounds): Bounds[] {
    const inside = sheet.merges.filter((m) => m.r0 >= b.r0 && m.r0 <= b.r1 && m.c0 >= b.c0 && m.c0 <= b.c1);
    if (inside.length > this.limits.mergedAreas) throw new FakeOfficeError("GeneralException", `More than ${this.limits.mergedAreas} merged areas in the range.`, "Range.getMergedAreasOrNullObject");
    return inside;
  }
}

const intersects = (a: Bounds, b: Bounds) => a.r0 <= b.r1 && b.r0 <= a.r1 && a.c0 <= b.c1 && b.c0 <= a.c1;
const inside = (a: Bounds, b: Bounds) => a.r0 >= b.r0 && a.r1 <= b.r1 && a.c0 >= b.c0 && a.c1 <= b.c1;

/** "A1:C9" (as the fake keeps addresses) → bounds. */
function parseBounds(address: string): Bounds {
  const a = parseRangeAddress(address);
  if (!a) throw new TypeError(`strict fake: "${address}" is not an address`);
  return { r0: a.s.r, c0: a.s.c, r1: a.e.r, c1: a.e.c };
}
