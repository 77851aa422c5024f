import type { CellObject } from "@e965/xlsx";
import { StrictBook, type Visibility } from "./strict-excel/book.ts";
import { FakeContext, type SyncRecord } from "./strict-excel/client.ts";
import { fakeWorkbook } from "./strict-excel/collections.ts";
import { officeCell, type MockSheet } from "./excel-mock.ts";

/**
 * A strict fake of Excel for the adapter tests, beside office-addin-mock: it keeps a whole
 * workbook (sheets with ids, cells with number formats, merges, tables, charts) and throws
 * where Excel throws — properties read before load + sync, names Excel refuses or already
 * has (without case), arrays that do not fit their range, requests and responses over Excel
 * on the web's 5 MB, more than 512 merged areas, methods on null objects, a hidden sheet
 * activated. Each rule, with its source, is in strict-excel/excel-rules.ts and book.ts;
 * strict-excel.test.ts tests each one.
 */
export interface StrictSheetInit extends Omit<MockSheet, "hidden"> {
  visibility?: Visibility;
  hidden?: boolean;
  /** Rows and columns the user hid (0-based). */
  hiddenRows?: number[];
  hiddenColumns?: number[];
}

export interface StrictExcel {
  book: StrictBook;
  /** A context for calling the adapter's functions directly. */
  context: Excel.RequestContext;
  /** Excel.run: a fresh context, the batch, then a last sync of what is still queued. */
  run: <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;
  /** Every sync of every context, in order: its request and response bytes and the cells it loaded. */
  records: SyncRecord[];
  syncs: () => number;
  settings: FakeSettings;
}

export function strictExcel(sheets: StrictSheetInit[] = [], limits: Partial<StrictBook["limits"]> = {}): StrictExcel {
  const book = new StrictBook();
  book.limits = { ...book.limits, ...limits };
  for (const init of sheets) {
    const sheet = book.addSheet(init.name, init.visibility ?? (init.hidden ? "Hidden" : "Visible"));
    init.cells.forEach((row, r) =>
      row?.forEach((xlsxCell: CellObject | undefined, c) => {
        const o = officeCell(xlsxCell);
        if (o.type === "Empty" && typeof o.formula !== "string") return;
        const formula = typeof o.formula === "string" && o.formula.startsWith("=") ? o.formula : undefined;
        sheet.cells.set(`${r},${c}`, { value: o.value as string | number | boolean, type: o.type as "String", numberFormat: o.format, ...(formula ? { formula } : {}) });
      }),
    );
    sheet.merges = init.merges.map((m) => ({ r0: m.s.r, c0: m.s.c, r1: m.e.r, c1: m.e.c }));
    sheet.hiddenRows = new Set(init.hiddenRows);
    sheet.hiddenColumns = new Set(init.hiddenColumns);
  }
  book.log = [];
  const records: SyncRecord[] = [];
  const contextOf = () => {
    const ctx = new FakeContext(book, records);
    return Object.assign(ctx, { workbook: fakeWorkbook(ctx) });
  };
  const run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const ctx = contextOf();
    const result = await batch(ctx as unknown as Excel.RequestContext);
    if (ctx.pending > 0) await ctx.sync();
    return result;
  };
  return { book, context: contextOf() as unknown as Excel.RequestContext, run, records, syncs: () => records.length, settings: new FakeSettings() };
}

/**
 * Office.context.document.settings: each runtime holds an in-memory copy of what the
 * document keeps; `saveAsync` writes the copy back, `refreshAsync` reads it again (d.ts
 * `Settings`: "the settings values used by each … can get out of sync"). `view()` is
 * another runtime's copy of the same document (the ribbon's function file).
 */
export class FakeSettings {
  private memory: Map<string, string>;

  constructor(private readonly document = new Map<string, string>()) {
    this.memory = new Map(document);
  }

  view(): FakeSettings {
    return new FakeSettings(this.document);
  }

  get(name: string): unknown {
    const text = this.memory.get(name);
    return text === undefined ? null : (JSON.parse(text) as unknown);
  }

  set(name: string, value: unknown): void {
    this.memory.set(name, JSON.stringify(value));
  }

  remove(name: string): void {
    this.memory.delete(name);
  }

  saveAsync(callback?: (result: { status: string }) => void): void {
    this.document.clear();
    for (const [k, v] of this.memory) this.document.set(k, v);
    setTimeout(() => callback?.({ status: "succeeded" }), 0);
  }

  refreshAsync(callback?: (result: { status: string }) => void): void {
    this.memory = new Map(this.document);
    setTimeout(() => callback?.({ status: "succeeded" }), 0);
  }
}
