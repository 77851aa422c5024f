import type { StrictBook, StrictChart, StrictSheet, StrictTable } from "./book.ts";
import { ACTION_BYTES, FakeClient, type FakeContext } from "./client.ts";
import { FakeOfficeError } from "./excel-rules.ts";
import { addressOf, FakeRange, MAX_COLUMNS, MAX_ROWS, parseAddress } from "./range.ts";
import { recorder } from "./recorder.ts";

const SHEET_PROPERTIES = ["id", "name", "visibility"] as const;
const CHART_TYPES = new Set(["BarClustered", "ColumnClustered", "ColumnStacked", "LineMarkers", "Line", "Pie"]);

/** Excel.Worksheet over the strict book. */
export class FakeWorksheet extends FakeClient<StrictSheet> {
  private get book(): StrictBook {
    return this.ctx.book;
  }

  protected snapshot(sheet: StrictSheet, props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (!(SHEET_PROPERTIES as readonly string[]).includes(prop)) throw new TypeError(`strict fake: Worksheet.${prop} is not modelled`);
      out[prop] = sheet[prop as (typeof SHEET_PROPERTIES)[number]];
    }
    return out;
  }

  /** Fill loaded properties of an item handed back by a collection load. */
  fill(values: Record<string, unknown>): this {
    this.receive(values);
    return this;
  }

  get id(): string {
    return this.read("id");
  }

  get name(): string {
    return this.read("name");
  }

  get visibility(): string {
    return this.read("visibility");
  }

  /** d.ts Worksheet.getRange: "If not specified, the entire worksheet range is returned." */
  getRange(address?: string): FakeRange {
    const b = () => (address === undefined ? { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLUMNS - 1 } : parseAddress(address));
    return new FakeRange(this.ctx, `${this.path}.getRange(${address === undefined ? "" : `"${address}"`})`, () => ({ sheet: this.book.alive(this.target("getRange")), b: b() }));
  }

  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getUsedRangeOrNullObject()`, () => {
      const sheet = this.book.alive(this.target("getUsedRangeOrNullObject"));
      const b = this.book.usedBounds(sheet, valuesOnly);
      return b ? { sheet, b } : null;
    });
  }

  activate(): void {
    this.act("activate", ACTION_BYTES, (sheet) => this.book.activate(this.book.alive(sheet)));
  }

  delete(): void {
    this.act("delete", ACTION_BYTES, (sheet) => this.book.deleteSheet(this.book.alive(sheet)));
  }

  /** WorksheetFreezePanes (ExcelApi 1.7): freezeRows, and unfreeze ("Removes all frozen panes in the worksheet"). */
  get freezePanes(): { freezeRows: (n: number) => void; unfreeze: () => void } {
    return {
      freezeRows: (n) => this.act("freezePanes.freezeRows", ACTION_BYTES, (sheet) => void (this.book.alive(sheet).frozenRows = n)),
      unfreeze: () => this.act("freezePanes.unfreeze", ACTION_BYTES, (sheet) => void (this.book.alive(sheet).frozenRows = 0)),
    };
  }

  get tables(): { add: (address: string, hasHeaders: boolean) => FakeTable } {
    return {
      add: (address, hasHeaders) => {
        const made: { table?: StrictTable } = {};
        this.act("tables.add", ACTION_BYTES, (sheet) => {
          if (!hasHeaders) throw new TypeError("strict fake: tables without headers are not modelled");
          parseAddress(address);
          made.table = this.book.addTable(this.book.alive(sheet), address);
        });
        // queued after the add: its instantiate action binds it to the table just made
        return new FakeTable(this.ctx, `${this.path}.tables.add("${address}")`, () => made.table ?? null);
      },
    };
  }

  get charts(): FakeChartCollection {
    return new FakeChartCollection(this.ctx, `${this.path}.charts`, () => this.book.alive(this.target("charts")));
  }
}

/** Excel.ChartCollection of a sheet: add, and load("items/name") for the charts to delete. */
export class FakeChartCollection extends FakeClient<StrictSheet> {
  private get book(): StrictBook {
    return this.ctx.book;
  }

  protected snapshot(sheet: StrictSheet, props: string[]): Record<string, unknown> {
    for (const p of props) if (p !== "items/name") throw new TypeError(`strict fake: ChartCollection load "${p}" is not modelled`);
    return { items: this.book.charts.filter((c) => c.sheetId === sheet.id).map((c) => ({ name: c.name })) };
  }

  protected override receive(values: Record<string, unknown>): void {
    const sheet = this.target(null);
    const items = (values.items as { name: string }[]).map(({ name }) => {
      const chart = this.book.charts.find((c) => c.sheetId === sheet.id && c.name === name) ?? null;
      return new FakeChart(this.ctx, `${this.path}.getItem("${name}")`, () => chart, false).fill({ name });
    });
    super.receive({ items });
  }

  get items(): FakeChart[] {
    return this.read("items");
  }

  add(type: string, source: FakeRange, seriesBy: string): unknown {
    const props: Record<string, unknown> = {};
    this.act("add", ACTION_BYTES, (sheet) => {
      if (!CHART_TYPES.has(type) || !["Auto", "Columns", "Rows"].includes(seriesBy)) throw new FakeOfficeError("InvalidArgument", `Chart ${type} by ${seriesBy}.`, "ChartCollection.add");
      const { b } = source.target("charts.add");
      this.book.addChart(this.book.alive(sheet), { type, source: addressOf(b), props });
    });
    return recorder(this.ctx, "", /^(title\.text|legend\.(visible|position)|axes\.categoryAxis\.reversePlotOrder|width|height|setPosition\(\))$/, (path, value) => void (props[path] = value));
  }
}

/** Excel.Chart, as a collection load hands it back: only its name and delete() are modelled. */
export class FakeChart extends FakeClient<StrictChart> {
  protected snapshot(chart: StrictChart, props: string[]): Record<string, unknown> {
    for (const p of props) if (p !== "name") throw new TypeError(`strict fake: Chart.${p} is not modelled`);
    return { name: chart.name };
  }

  fill(values: Record<string, unknown>): this {
    this.receive(values);
    return this;
  }

  get name(): string {
    return this.read("name");
  }

  delete(): void {
    this.act("delete", ACTION_BYTES, (chart) => this.ctx.book.deleteChart(chart));
  }
}

/** Excel.Table: its name and style are set after `tables.add`, in the same batch. */
export class FakeTable extends FakeClient<StrictTable> {
  /** Set by a collection load of "items/worksheet/…". */
  sheet: FakeWorksheet | null = null;

  protected snapshot(table: StrictTable, props: string[]): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const prop of props) {
      if (prop !== "name") throw new TypeError(`strict fake: Table.${prop} is not modelled`);
      out[prop] = table.name;
    }
    return out;
  }

  fill(values: Record<string, unknown>): this {
    this.receive(values);
    return this;
  }

  get worksheet(): FakeWorksheet {
    if (!this.sheet) throw new TypeError("strict fake: Table.worksheet is only modelled as loaded by a collection load");
    return this.sheet;
  }

  get name(): string {
    return this.read("name");
  }

  set name(name: string) {
    this.act("name", ACTION_BYTES, (table) => this.ctx.book.renameTable(table, name));
  }

  set style(style: string) {
    this.act("style", ACTION_BYTES, (table) => void (table.style = style));
  }

  delete(): void {
    this.act("delete", ACTION_BYTES, (table) => this.ctx.book.deleteTable(table));
  }
}
