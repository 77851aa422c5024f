import type { StrictBook, StrictSheet, StrictTable } from "./book.ts";
import { ACTION_BYTES, FakeClient, type FakeContext } from "./client.ts";
import { FakeOfficeError } from "./excel-rules.ts";
import { addressOf, FakeRange, parseAddress } from "./range.ts";
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

  getRange(address: string): FakeRange {
    return new FakeRange(this.ctx, `${this.path}.getRange("${address}")`, () => ({ sheet: this.book.alive(this.target("getRange")), b: parseAddress(address) }));
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

  get freezePanes(): { freezeRows: (n: number) => void } {
    return { freezeRows: (n) => this.act("freezePanes.freezeRows", ACTION_BYTES, (sheet) => void (this.book.alive(sheet).frozenRows = n)) };
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

  get charts(): { add: (type: string, source: FakeRange, seriesBy: string) => unknown } {
    return {
      add: (type, source, seriesBy) => {
        const props: Record<string, unknown> = {};
        this.act("charts.add", ACTION_BYTES, (sheet) => {
          if (!CHART_TYPES.has(type) || !["Auto", "Columns", "Rows"].includes(seriesBy)) throw new FakeOfficeError("InvalidArgument", `Chart ${type} by ${seriesBy}.`, "ChartCollection.add");
          const { b } = source.target("charts.add");
          this.book.charts.push({ sheetId: this.book.alive(sheet).id, type, source: addressOf(b), props });
        });
        return recorder(this.ctx, "", /^(title\.text|legend\.(visible|position)|axes\.categoryAxis\.reversePlotOrder|width|height|setPosition\(\))$/, (path, value) => void (props[path] = value));
      },
    };
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
}
