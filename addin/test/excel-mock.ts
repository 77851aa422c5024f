import * as XLSX from "@e965/xlsx";
import { OfficeMockObject } from "office-addin-mock";
import { blockAddress, parseRangeAddress } from "../src/cell-address.ts";

/**
 * An Excel.RequestContext built with office-addin-mock from a real workbook file: every
 * range is an OfficeMockObject, so a property read before `load` + `sync` gives the mock's
 * "not loaded" error instead of data. Collections (which the mock cannot navigate) are
 * small hand-written objects with the same rule. Counts syncs and the cells each sheet loaded.
 */
export interface MockSheet {
  name: string;
  hidden?: boolean;
  cells: (XLSX.CellObject | undefined)[][];
  merges: XLSX.Range[];
}

export interface ExcelMock {
  context: Excel.RequestContext;
  syncs: () => number;
  /** Cells whose values were requested, per sheet. */
  cellsRead: Map<string, number>;
  /** Addresses of every range the code asked for, per sheet. */
  requested: Map<string, string[]>;
  /** Cells whose values each sync carried back (Excel on the web caps a response at 5 MB). */
  cellsPerSync: number[];
}

const ERROR_TEXT: Record<number, string> = { 0x07: "#DIV/0!", 0x0f: "#VALUE!", 0x17: "#REF!", 0x1d: "#NAME?", 0x24: "#NUM!", 0x2a: "#N/A", 0x00: "#NULL!" };

export function officeCell(cell: XLSX.CellObject | undefined): { value: unknown; formula: unknown; format: string; type: string } {
  const formula = (v: unknown) => (cell?.f ? `=${cell.f}` : v);
  if (!cell || cell.t === "z") return { value: "", formula: formula(""), format: "General", type: "Empty" };
  if (cell.t === "e") {
    const text = typeof cell.v === "number" ? (ERROR_TEXT[cell.v] ?? "#VALUE!") : String(cell.w);
    return { value: text, formula: formula(text), format: "General", type: "Error" };
  }
  const type = cell.t === "n" ? "Double" : cell.t === "b" ? "Boolean" : "String";
  return { value: cell.v, formula: formula(cell.v), format: cell.t === "n" && cell.z ? String(cell.z) : "General", type };
}

export function sheetsFromFile(bytes: Uint8Array): MockSheet[] {
  const wb = XLSX.read(bytes, { type: "array", dense: true, cellFormula: true, cellNF: true });
  return wb.SheetNames.map((name, i) => {
    const ws = wb.Sheets[name]!;
    return { name, hidden: (wb.Workbook?.Sheets?.[i]?.Hidden ?? 0) !== 0, cells: (ws["!data"] ?? []) as MockSheet["cells"], merges: ws["!merges"] ?? [] };
  });
}

interface Bounds {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

function usedBounds(sheet: MockSheet, rowLimit = Infinity): Bounds | null {
  let b: Bounds | null = null;
  sheet.cells.forEach((row, r) => {
    if (r >= rowLimit || !row) return;
    row.forEach((cell, c) => {
      if (!cell || (cell.t === "z" && !cell.f)) return;
      b = b ? { r0: Math.min(b.r0, r), c0: Math.min(b.c0, c), r1: Math.max(b.r1, r), c1: Math.max(b.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    });
  });
  return b;
}

export function createExcelMock(sheets: MockSheet[]): ExcelMock {
  const registry: OfficeMockObject[] = [];
  const cellsRead = new Map<string, number>();
  const requested = new Map<string, string[]>();
  let syncCount = 0;
  let pendingCells = 0;
  const cellsPerSync: number[] = [];
  let pendingLoads: (() => void)[] = [];

  const register = (o: OfficeMockObject) => (registry.push(o), o);

  const mergedAreas = (sheet: MockSheet, b: Bounds | null) => {
    const inside = b ? sheet.merges.filter((m) => m.e.r >= b.r0 && m.s.r <= b.r1 && m.e.c >= b.c0 && m.s.c <= b.c1) : [];
    const area = register(new OfficeMockObject({ address: inside.map((m) => `${sheet.name}!${blockAddress(m.s.r, m.s.c, m.e.r - m.s.r + 1, m.e.c - m.s.c + 1)}`).join(", "), areaCount: inside.length }));
    area.isNullObject = inside.length === 0;
    return area;
  };

  const range = (sheet: MockSheet, b: Bounds | null): OfficeMockObject => {
    const rows = b ? b.r1 - b.r0 + 1 : 0;
    const cols = b ? b.c1 - b.c0 + 1 : 0;
    const grid = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => officeCell(sheet.cells[b!.r0 + i]?.[b!.c0 + j])));
    const pick = (k: keyof ReturnType<typeof officeCell>) => grid.map((row) => row.map((cell) => cell[k]));
    const o = register(
      new OfficeMockObject({
        address: b ? `${sheet.name}!${blockAddress(b.r0, b.c0, rows, cols)}` : "",
        rowIndex: b?.r0 ?? 0,
        columnIndex: b?.c0 ?? 0,
        rowCount: rows,
        columnCount: cols,
        values: pick("value"),
        formulas: pick("formula"),
        numberFormat: pick("format"),
        valueTypes: pick("type"),
        getUsedRangeOrNullObject: () => range(sheet, clip(usedBounds(sheet), b)),
        getMergedAreasOrNullObject: () => mergedAreas(sheet, b),
      }),
    );
    o.isNullObject = b === null;
    const load = o.load.bind(o);
    o.load = (props: string) => {
      if (/values|formulas|numberFormat|valueTypes/.test(props)) {
        cellsRead.set(sheet.name, (cellsRead.get(sheet.name) ?? 0) + rows * cols);
        pendingCells += rows * cols;
      }
      return load(props);
    };
    if (b) requested.set(sheet.name, [...(requested.get(sheet.name) ?? []), blockAddress(b.r0, b.c0, rows, cols)]);
    return o;
  };

  // Excel's ids are GUIDs; here a sheet's id is its name.
  const worksheet = (sheet: MockSheet) => ({
    id: sheet.name,
    name: sheet.name,
    visibility: sheet.hidden ? "Hidden" : "Visible",
    getUsedRangeOrNullObject: () => range(sheet, usedBounds(sheet)),
    getRange: (address: string) => {
      const rows = /^(\d+):(\d+)$/.exec(address);
      if (rows) {
        // Whole rows: only ever narrowed to their used part, never loaded whole.
        const within = { r0: Number(rows[1]) - 1, c0: 0, r1: Number(rows[2]) - 1, c1: 16383 };
        return register(new OfficeMockObject({ getUsedRangeOrNullObject: () => range(sheet, clip(usedBounds(sheet), within)) }));
      }
      const a = parseRangeAddress(address);
      if (!a) throw new Error(`mock: bad address ${address}`);
      return range(sheet, { r0: a.s.r, c0: a.s.c, r1: a.e.r, c1: a.e.c });
    },
  });

  let itemsLoaded = false;
  const worksheets = {
    load: () => pendingLoads.push(() => (itemsLoaded = true)),
    get items() {
      if (!itemsLoaded) throw new Error("mock: worksheets.items read before load + sync");
      return sheets.map(worksheet);
    },
    getItem: (name: string) => {
      const sheet = sheets.find((s) => s.name === name);
      if (!sheet) throw new Error(`mock: no sheet ${name}`);
      return worksheet(sheet);
    },
  };

  // Worksheet functions (ExcelApi 1.2): only DATE, as a 1900-system workbook answers it.
  const functions = { date: (y: number, m: number, d: number) => register(new OfficeMockObject({ value: Date.UTC(y, m - 1, d) / 86_400_000 + 25_569, error: "" })) };

  const context = {
    workbook: { worksheets, functions },
    sync: async () => {
      syncCount++;
      cellsPerSync.push(pendingCells);
      pendingCells = 0;
      for (const run of pendingLoads) run();
      pendingLoads = [];
      for (const o of registry) await o.sync();
      await new Promise((resolve) => setTimeout(resolve, 0));
    },
  };
  return { context: context as unknown as Excel.RequestContext, syncs: () => syncCount, cellsRead, requested, cellsPerSync };
}

/** The used bounds limited to a requested range (Range.getUsedRangeOrNullObject). */
function clip(used: Bounds | null, within: Bounds | null): Bounds | null {
  if (!used || !within) return null;
  const b = { r0: Math.max(used.r0, within.r0), c0: Math.max(used.c0, within.c0), r1: Math.min(used.r1, within.r1), c1: Math.min(used.c1, within.c1) };
  return b.r0 > b.r1 || b.c0 > b.c1 ? null : b;
}
