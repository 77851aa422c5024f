import { OfficeMockObject } from "office-addin-mock";
import { parseRangeAddress } from "../src/cell-address.ts";

/**
 * A write-side Excel.RequestContext built from office-addin-mock objects that keeps the
 * workbook's state: each sync pastes the values and number formats queued on ranges into
 * their sheet, and the test reads back sheets, tables, charts and frozen rows. User sheets
 * are there from the start; touching one (any getRange, delete…) is recorded. A sheet's id
 * is its name. Lenient where Excel is not (see strict-excel.ts, the authority).
 */
export interface WrittenChart {
  type: string;
  source: string;
  title: string;
  legend: boolean;
  reversed: boolean;
  anchor: string;
}

export interface MockBook {
  names: string[];
  cells: Map<string, Map<string, unknown>>;
  formats: Map<string, Map<string, string>>;
  tables: Map<string, { name: string; address: string; style: string; worksheet: { id: string } }[]>;
  charts: Map<string, WrittenChart[]>;
  frozenRows: Map<string, number>;
  active: string | null;
}

const UNSET = "\u0000";

export function excelWriteMock(userSheets: string[], ownSheets: string[] = []): { context: Excel.RequestContext; syncs: () => number; book: MockBook; touched: string[] } {
  const book: MockBook = { names: [...userSheets, ...ownSheets], cells: new Map(), formats: new Map(), tables: new Map(), charts: new Map(), frozenRows: new Map(), active: null };
  const touched: string[] = [];
  const pending: { sheet: string; address: string; range: OfficeMockObject }[] = [];
  const chartMocks: { sheet: string; type: string; source: string; mock: OfficeMockObject }[] = [];
  let syncs = 0;

  const sheetMock = (name: string): unknown => {
    if (userSheets.includes(name)) touched.push(name);
    const getRange = (address: string) => {
      const range = new OfficeMockObject({ values: UNSET, numberFormat: UNSET, format: { font: { bold: false, size: 11, color: "" }, columnWidth: 0, wrapText: false, autofitRows: () => undefined, autofitColumns: () => undefined }, conditionalFormats: { add: () => ({ textComparison: { format: { fill: { color: "" } }, rule: null }, cellValue: { format: { fill: { color: "" } }, rule: null } }) } });
      pending.push({ sheet: name, address, range });
      return range;
    };
    return {
      id: name,
      load: () => undefined,
      getRange,
      delete: () => {
        book.names = book.names.filter((n) => n !== name);
        for (const m of [book.cells, book.formats, book.tables, book.charts, book.frozenRows]) m.delete(name);
      },
      activate: () => void (book.active = name),
      freezePanes: { freezeRows: (n: number) => void book.frozenRows.set(name, n) },
      tables: {
        add: (address: string, hasHeaders: boolean) => {
          if (!hasHeaders) throw new Error("mock: tables without headers");
          const table = { name: `Table${(book.tables.get(name)?.length ?? 0) + 1}`, address, style: "", worksheet: { id: name } };
          book.tables.set(name, [...(book.tables.get(name) ?? []), table]);
          return table;
        },
      },
      charts: {
        add: (type: string, source: { address?: string }, seriesBy: string) => {
          if (seriesBy !== "Columns") throw new Error("mock: series by columns only");
          const origin = pending.find((p) => p.range === (source as unknown));
          const mock = new OfficeMockObject({ title: { text: "" }, legend: { visible: true, position: "Right" }, axes: { categoryAxis: { reversePlotOrder: false } }, width: 0, height: 0, anchor: "", setPosition: (cell: string) => void (mock.anchor = cell) });
          chartMocks.push({ sheet: name, type, source: origin?.address ?? "?", mock });
          return mock;
        },
      },
    };
  };

  const paste = (sheet: string, address: string, block: unknown, into: Map<string, Map<string, unknown>>) => {
    const a = parseRangeAddress(address);
    if (!a || !Array.isArray(block)) throw new Error(`mock: cannot paste ${String(block)} at ${address}`);
    const rows = a.e.r - a.s.r + 1;
    const cols = a.e.c - a.s.c + 1;
    if (block.length !== rows || block.some((r) => !Array.isArray(r) || r.length !== cols)) throw new Error(`mock: ${address} needs ${rows}×${cols}`);
    const cells = into.get(sheet) ?? new Map<string, unknown>();
    block.forEach((row: unknown[], i) => row.forEach((v, j) => cells.set(`${a.s.r + i},${a.s.c + j}`, v)));
    into.set(sheet, cells);
  };

  const context = {
    workbook: {
      tables: {
        load: () => context.workbook.tables,
        get items() {
          return [...book.tables.values()].flat();
        },
      },
      worksheets: {
        load: () => context.workbook.worksheets,
        get items() {
          return book.names.map((n) => ({ id: n, name: n }));
        },
        add: (name: string) => {
          if (book.names.includes(name)) throw Object.assign(new Error(`mock: sheet ${name} exists`), { code: "ItemAlreadyExists" });
          book.names.push(name);
          return sheetMock(name);
        },
        getItem: (name: string) => {
          if (!book.names.includes(name)) throw Object.assign(new Error(`mock: no sheet ${name}`), { code: "ItemNotFound" });
          return sheetMock(name);
        },
      },
    },
    sync: async () => {
      syncs++;
      for (const p of pending.splice(0)) {
        p.range.load("values,numberFormat");
        await p.range.sync();
        // Formats first: Excel applies the queue in order, and the writer sets formats before values.
        if (p.range.numberFormat !== UNSET) paste(p.sheet, p.address, p.range.numberFormat, book.formats as Map<string, Map<string, unknown>>);
        if (p.range.values !== UNSET) paste(p.sheet, p.address, p.range.values, book.cells);
      }
      for (const c of chartMocks.splice(0)) {
        const m = c.mock;
        m.load("title/text, legend/visible, axes/categoryAxis/reversePlotOrder, anchor");
        await m.sync();
        const chart: WrittenChart = { type: c.type, source: c.source, title: m.title.text, legend: m.legend.visible, reversed: m.axes.categoryAxis.reversePlotOrder, anchor: m.anchor };
        book.charts.set(c.sheet, [...(book.charts.get(c.sheet) ?? []), chart]);
      }
    },
  };
  return { context: context as unknown as Excel.RequestContext, syncs: () => syncs, book, touched };
}

/** A sheet's cells as rows (empty cells ""), to compare with what the layout asked for. */
export function cellRows(book: MockBook, sheet: string): unknown[][] {
  const cells = book.cells.get(sheet) ?? new Map<string, unknown>();
  const keys = [...cells.keys()].map((k) => k.split(",").map(Number) as [number, number]);
  const rows = Math.max(0, ...keys.map(([r]) => r + 1));
  const cols = Math.max(0, ...keys.map(([, c]) => c + 1));
  return Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => cells.get(`${r},${c}`) ?? ""));
}
