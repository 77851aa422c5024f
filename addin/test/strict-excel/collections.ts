import type { StrictBook, StrictSheet, StrictTable } from "./book.ts";
import { FakeClient, type FakeContext } from "./client.ts";
import { FakeTable, FakeWorksheet } from "./worksheet.ts";
import { FakeFunctions, FakeWorkbookProperties } from "./workbook.ts";

/** "items/worksheet/id" → "worksheet/id": what each item of a collection load brings back. */
function itemProps(props: string[]): string[] {
  return props.map((p) => {
    if (!p.startsWith("items/")) throw new TypeError(`strict fake: load collections as "items/…", not "${p}"`);
    return p.slice("items/".length);
  });
}

/** Excel.WorksheetCollection: load("items/…"), getItem(name or id), getItemOrNullObject, add. */
export class FakeWorksheetCollection extends FakeClient<StrictBook> {
  constructor(ctx: FakeContext) {
    super(ctx, "workbook.worksheets", () => ctx.book, false);
  }

  protected snapshot(book: StrictBook, props: string[]): Record<string, unknown> {
    const names = itemProps(props);
    return { items: book.sheets.map((s) => ({ _id: s.id, ...Object.fromEntries(names.map((n) => [n, s[n as keyof StrictSheet]])) })) };
  }

  protected override receive(values: Record<string, unknown>): void {
    const items = (values.items as { _id: string }[]).map(({ _id, ...props }) => {
      const sheet = this.ctx.book.findSheet(_id) ?? null;
      return new FakeWorksheet(this.ctx, `workbook.worksheets.getItem("${_id}")`, () => sheet, false).fill(props);
    });
    super.receive({ items });
  }

  get items(): FakeWorksheet[] {
    return this.read("items");
  }

  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `workbook.worksheets.getItem("${key}")`, () => this.ctx.book.sheet(key));
  }

  getItemOrNullObject(key: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `workbook.worksheets.getItemOrNullObject("${key}")`, () => this.ctx.book.findSheet(key) ?? null);
  }

  /** The sheet is made when the proxy's instantiate action runs, in queue order. */
  add(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, `workbook.worksheets.add("${name}")`, () => this.ctx.book.addSheet(name));
  }
}

/** Excel.TableCollection of the workbook: load("items/name, items/worksheet/id"). */
export class FakeTableCollection extends FakeClient<StrictBook> {
  constructor(ctx: FakeContext) {
    super(ctx, "workbook.tables", () => ctx.book, false);
  }

  protected snapshot(book: StrictBook, props: string[]): Record<string, unknown> {
    const names = itemProps(props);
    const sheetProps = names.filter((n) => n.startsWith("worksheet/")).map((n) => n.slice("worksheet/".length));
    const item = (t: StrictTable) => {
      const sheet = book.sheets.find((s) => s.id === t.sheetId)!;
      return { _name: t.name, ...(names.includes("name") ? { name: t.name } : {}), ...(sheetProps.length ? { worksheet: Object.fromEntries(sheetProps.map((p) => [p, sheet[p as keyof StrictSheet]])) } : {}) };
    };
    return { items: book.tables.map(item) };
  }

  protected override receive(values: Record<string, unknown>): void {
    const book = this.ctx.book;
    const items = (values.items as { _name: string; worksheet?: Record<string, unknown> }[]).map(({ _name, worksheet, ...props }) => {
      const table = book.tables.find((t) => t.name === _name) ?? null;
      const proxy = new FakeTable(this.ctx, `workbook.tables.getItem("${_name}")`, () => table, false).fill(props);
      if (worksheet && table) proxy.sheet = new FakeWorksheet(this.ctx, `${proxy.path}.worksheet`, () => book.sheets.find((s) => s.id === table.sheetId) ?? null, false).fill(worksheet);
      return proxy;
    });
    super.receive({ items });
  }

  get items(): FakeTable[] {
    return this.read("items");
  }
}

/**
 * context.workbook: the two collections the adapter uses (one object each, as office.js caches
 * them), its worksheet functions, and `load` of its own properties (workbook.ts).
 */
export function fakeWorkbook(ctx: FakeContext): { worksheets: FakeWorksheetCollection; tables: FakeTableCollection; functions: FakeFunctions; load: (props?: string | string[]) => FakeWorkbookProperties } {
  const own = new FakeWorkbookProperties(ctx);
  return { worksheets: new FakeWorksheetCollection(ctx), tables: new FakeTableCollection(ctx), functions: new FakeFunctions(ctx), load: (props) => own.load(props) };
}

