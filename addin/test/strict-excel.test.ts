import { describe, expect, it } from "vitest";
import type * as XLSX from "@e965/xlsx";
import { strictExcel, type StrictSheetInit } from "./strict-excel.ts";

/** The strict fake itself: one test per rule of Excel it enforces, each with its source. */
const text = (v: string): XLSX.CellObject => ({ t: "s", v });
const sheet = (name: string, rows: string[][] = [["x"]], extra: Partial<StrictSheetInit> = {}): StrictSheetInit => ({ name, cells: rows.map((r) => r.map(text)), merges: [], ...extra });
const code = (e: unknown) => (e as { code?: string }).code;
const failure = async (p: Promise<unknown>) => code(await p.then(() => null, (e: unknown) => e));

describe("strict fake: load and sync", () => {
  // office.js Utility.throwIfNotLoaded / createPropertyNotLoadedException (excel-web-16.00.debug.js)
  it("a property read before load + sync throws PropertyNotLoaded; after them it reads", async () => {
    const { context } = strictExcel([sheet("A", [["a", "b"]])]);
    const used = context.workbook.worksheets.getItem("A").getUsedRangeOrNullObject(true);
    expect(() => used.rowCount).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    expect(() => used.isNullObject).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    used.load("rowCount");
    expect(() => used.rowCount).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    await context.sync();
    expect(used.rowCount).toBe(1);
    expect(() => used.columnCount).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
  });

  // application-specific-api-model.md: getItem "throws an ItemNotFound exception"; office.js instantiates every proxy it creates
  it("getItem of a missing sheet fails the sync even when nothing else uses it", async () => {
    const { context } = strictExcel([sheet("A")]);
    context.workbook.worksheets.getItem("B");
    expect(await failure(context.sync())).toBe("ItemNotFound");
  });

  // office.js throwIfNotLoaded skips null objects; calling a method on one is undocumented (office-addin-mock answers another null object)
  it("a null object reads undefined; a method called on it fails the sync", async () => {
    const { context } = strictExcel([sheet("Empty", [])]);
    const used = context.workbook.worksheets.getItem("Empty").getUsedRangeOrNullObject(true);
    used.load("rowCount");
    await context.sync();
    expect(used.isNullObject).toBe(true);
    expect(used.rowCount).toBeUndefined();
    used.getMergedAreasOrNullObject();
    expect(await failure(context.sync())).toBe("GeneralException");
  });

  // Excel.run: office.js _runBatch calls ctx.sync() after the batch
  it("run syncs what the batch left queued; a batch is not a transaction: actions before a failure stay done", async () => {
    const excel = strictExcel([sheet("A")]);
    await excel.run(async (context) => void context.workbook.worksheets.add("B"));
    expect(excel.book.sheets.map((s) => s.name)).toEqual(["A", "B"]);
    const { context } = excel;
    context.workbook.worksheets.getItem("B").delete();
    context.workbook.worksheets.add("A");
    context.workbook.worksheets.add("C");
    expect(await failure(context.sync())).toBe("ItemAlreadyExists");
    expect(excel.book.sheets.map((s) => s.name)).toEqual(["A"]);
  });
});

describe("strict fake: names", () => {
  // support "Rename a worksheet": names are unique without case; the brief adds NFC
  it("a sheet name clashing without case or in another Unicode form is ItemAlreadyExists", async () => {
    for (const clash of ["KẾT QUẢ KIỂM TRA", "Kết quả kiểm tra".normalize("NFD")]) {
      const { context } = strictExcel([sheet("Kết quả kiểm tra")]);
      context.workbook.worksheets.add(clash);
      expect(await failure(context.sync())).toBe("ItemAlreadyExists");
    }
  });

  // support "Rename a worksheet"; d.ts Worksheet.name: "fewer than 32 characters"
  it.each(["x".repeat(32), "a/b", "a\\b", "a?", "a*", "a:b", "[a]", "'a", "a'", "History", " "])("the sheet name %j is InvalidArgument", async (name) => {
    const { context } = strictExcel([sheet("A")]);
    context.workbook.worksheets.add(name);
    expect(await failure(context.sync())).toBe("InvalidArgument");
  });

  // d.ts Table.name → support "Rename an Excel table"; names unique in the workbook without case
  it("table names: invalid ones and names taken anywhere in the workbook are refused", async () => {
    const excel = strictExcel([sheet("A", [["h"], ["1"]]), sheet("B", [["h"], ["1"]])]);
    const first = excel.context.workbook.worksheets.getItem("A").tables.add("A1:A2", true);
    first.name = "PhanTich_TieuChi";
    await excel.context.sync();
    for (const name of ["phantich_tieuchi", "1abc", "A1", "R1C1", "c", "two words", "Tổng-hợp"]) {
      const table = excel.context.workbook.worksheets.getItem("B").tables.add("A1:A2", true);
      table.name = name;
      expect(await failure(excel.context.sync())).toBe("InvalidArgument");
      excel.book.tables = excel.book.tables.filter((t) => t.name === "PhanTich_TieuChi");
    }
    const ok = excel.context.workbook.worksheets.getItem("B").tables.add("A1:A2", true);
    ok.name = "Bảng_Tổng.hợp";
    await excel.context.sync();
    expect(excel.book.tables.map((t) => t.name)).toEqual(["PhanTich_TieuChi", "Bảng_Tổng.hợp"]);
  });
});

describe("strict fake: cells written", () => {
  // "The number of rows or columns in the input array doesn't match the size or dimensions of the range." (InvalidArgument)
  it("values and number formats must have the range's exact shape", async () => {
    const { context } = strictExcel([sheet("A")]);
    context.workbook.worksheets.getItem("A").getRange("A1:B2").values = [["a", "b"]];
    expect(await failure(context.sync())).toBe("InvalidArgument");
    context.workbook.worksheets.getItem("A").getRange("A1:B1").numberFormat = [["@"], ["@"]];
    expect(await failure(context.sync())).toBe("InvalidArgument");
  });

  // d.ts Range.values: "+", "-", "=" start a formula; support "Format numbers as text"; a leading apostrophe is the text prefix
  it("records what each write became: text stays text only under '@' or behind an apostrophe", async () => {
    const { context, book } = strictExcel([sheet("A")]);
    const a = context.workbook.worksheets.getItem("A");
    a.getRange("A1:F1").values = [["1.1", "=1+1", "+84 912", "-", "@SUM(A1)", "2024-01-15"]];
    a.getRange("A2:C2").numberFormat = [["@", "@", "@"]];
    a.getRange("A2:C2").values = [["1.1", "=1+1", "'Tự đánh giá'!G12"]];
    a.getRange("A3:B3").values = [["'=1+1", "Khá"]];
    await context.sync();
    const s = book.sheets[0]!;
    const at = (r: number, c: number) => book.cell(s, r, c);
    expect(at(0, 0)).toMatchObject({ value: 1.1, type: "Double" });
    expect(at(0, 1)?.formula).toBe("=1+1");
    expect(at(0, 2)?.formula).toBe("=+84 912");
    expect(at(0, 3)).toMatchObject({ value: "-", type: "String" });
    expect(at(0, 4)?.formula).toBe("=@SUM(A1)");
    expect(at(0, 5)).toMatchObject({ value: 45_306, type: "Double" });
    expect(at(1, 0)).toMatchObject({ value: "1.1", type: "String", numberFormat: "@" });
    expect(at(1, 1)).toMatchObject({ value: "=1+1", type: "String" });
    expect(at(1, 2)).toMatchObject({ value: "Tự đánh giá'!G12", type: "String" }); // the quote was taken as the prefix
    expect(at(2, 0)).toMatchObject({ value: "=1+1", type: "String" });
    expect(at(2, 1)).toMatchObject({ value: "Khá", type: "String" });
  });

  it("a text format set after the value does not turn the number back into text", async () => {
    const { context, book } = strictExcel([sheet("A")]);
    const cell = context.workbook.worksheets.getItem("A").getRange("B1");
    cell.values = [["1.10"]];
    cell.numberFormat = [["@"]];
    await context.sync();
    expect(book.cell(book.sheets[0]!, 0, 1)).toMatchObject({ value: 1.1, type: "Double", numberFormat: "@" });
  });
});

describe("strict fake: Excel on the web's limits", () => {
  // resource-limits-and-performance-optimization.md: "a payload size limit for requests and responses of 5MB"
  it("a response over 5 MB fails the sync and delivers nothing; so does a request", async () => {
    const long = "Quyết định số 12/QĐ-UBND ngày 05/01/2024 của Ủy ban nhân dân tỉnh về kế hoạch cải cách hành chính ".repeat(3);
    const excel = strictExcel([sheet("A", Array.from({ length: 4_000 }, () => Array<string>(10).fill(long)))]);
    const all = excel.context.workbook.worksheets.getItem("A").getRange("A1:J4000").load("values, formulas");
    expect(await failure(excel.context.sync())).toBe("ResponsePayloadSizeLimitExceeded");
    expect(() => all.values).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    const half = excel.context.workbook.worksheets.getItem("A").getRange("A1:J1000").load("values");
    await excel.context.sync();
    expect(half.values).toHaveLength(1_000);
    expect(excel.records.at(-1)).toMatchObject({ cellsLoaded: 10_000 });
    excel.context.workbook.worksheets.getItem("A").getRange("A1:J4000").values = Array.from({ length: 4_000 }, () => Array<string>(10).fill(long));
    expect(await failure(excel.context.sync())).toBe("RequestPayloadSizeLimitExceeded");
  });

  // d.ts Range.getMergedAreasOrNullObject (index.d.ts:39143): fails above 512; office-js#3611: only areas whose top-left cell is in the range
  it("merged areas: only those starting in the range, and more than 512 fail", async () => {
    const merges = Array.from({ length: 600 }, (_, r) => ({ s: { r: r + 1, c: 0 }, e: { r: r + 1, c: 1 } }));
    const excel = strictExcel([sheet("A", [["x"]], { merges: [{ s: { r: 0, c: 0 }, e: { r: 1, c: 0 } }, ...merges.slice(1)] })]);
    const ws = excel.context.workbook.worksheets.getItem("A");
    const second = ws.getRange("A2:B2").getMergedAreasOrNullObject().load("address");
    const top = ws.getRange("A1:B100").getMergedAreasOrNullObject().load("address");
    await excel.context.sync();
    expect(second.isNullObject).toBe(true); // A1:A2 starts above A2
    expect(top.address.split(",")).toHaveLength(99);
    ws.getRange("A1:B1000").getMergedAreasOrNullObject().load("address");
    expect(await failure(excel.context.sync())).toBe("GeneralException");
  });
});

describe("strict fake: hidden rows and columns", () => {
  // d.ts Range.getSpecialCellsOrNullObject (ExcelApi 1.9), SpecialCellType.visible: "Cells that are visible"
  it("the visible cells of a range are its visible rows × visible columns, as areas; none when all are hidden", async () => {
    const excel = strictExcel([sheet("A", [["x"]], { hiddenRows: [2, 3], hiddenColumns: [1] })]);
    const ws = excel.context.workbook.worksheets.getItem("A");
    const visible = ws.getRange("A1:C6").getSpecialCellsOrNullObject("Visible").load("address");
    const none = ws.getRange("B3:B4").getSpecialCellsOrNullObject("Visible").load("address");
    await excel.context.sync();
    expect(visible.address).toBe("A!A1:A2,A!C1:C2,A!A5:A6,A!C5:C6");
    expect(none.isNullObject).toBe(true);
    expect(() => ws.getRange("A1").getSpecialCellsOrNullObject("Formulas")).toThrow(/not modelled/);
  });
});

describe("strict fake: activating sheets", () => {
  // a hidden sheet cannot be the active one (Excel's UI and VBA's Activate; undocumented for Office.js)
  it("activating a hidden or very hidden sheet fails", async () => {
    for (const visibility of ["Hidden", "VeryHidden"] as const) {
      const { context } = strictExcel([sheet("A"), sheet("B", [["x"]], { visibility })]);
      context.workbook.worksheets.getItem("B").activate();
      expect(await failure(context.sync())).toBe("GeneralException");
    }
  });

  // office-js#930: on the web, add() + activate() in one batch leaves the old sheet active; a sync between them is the workaround
  it("a sheet added in the same batch is not activated; after a sync it is", async () => {
    const excel = strictExcel([sheet("A")]);
    excel.context.workbook.worksheets.add("B").activate();
    await excel.context.sync();
    expect(excel.book.activeId).toBe(excel.book.sheets[0]!.id);
    const c = excel.context.workbook.worksheets.add("C");
    await excel.context.sync();
    c.activate();
    await excel.context.sync();
    expect(excel.book.activeId).toBe(excel.book.sheets[2]!.id);
  });

  // office-js#365: a very hidden sheet cannot be deleted ("by design")
  it("deleting a very hidden sheet fails with GeneralException", async () => {
    const { context } = strictExcel([sheet("A"), sheet("B", [["x"]], { visibility: "VeryHidden" })]);
    context.workbook.worksheets.getItem("B").delete();
    expect(await failure(context.sync())).toBe("GeneralException");
  });
});

describe("strict fake: clearing a sheet in place", () => {
  // d.ts Range.clear; Table.delete; Chart.delete; ConditionalFormatCollection.clearAll (1.6); WorksheetFreezePanes.unfreeze (1.7); Worksheet.getRange() is the whole sheet
  it("tables and charts are deleted by name, cells and formats cleared, conditional formats only by clearAll, panes unfrozen", async () => {
    const excel = strictExcel([sheet("A", [["a", "b"], ["1", "2"]])]);
    const { context } = excel;
    const ws = context.workbook.worksheets.getItem("A");
    ws.tables.add("A1:B2", true);
    ws.charts.add("ColumnClustered" as Excel.ChartType, ws.getRange("A1:B2"), "Columns" as Excel.ChartSeriesBy);
    ws.getRange("B2").conditionalFormats.add("ContainsText" as Excel.ConditionalFormatType);
    ws.getRange("A1").format.font.bold = true;
    ws.freezePanes.freezeRows(1);
    await context.sync();
    ws.getRange().clear();
    // what clearing part of a table does is not documented: the fake refuses it
    expect(await failure(context.sync())).toBe("InvalidOperation");
    const tables = context.workbook.tables.load("items/name, items/worksheet/id");
    const charts = ws.charts.load("items/name");
    await context.sync();
    for (const t of tables.items) t.delete();
    for (const c of charts.items) c.delete();
    ws.getRange().clear();
    ws.freezePanes.unfreeze();
    await context.sync();
    expect(excel.book.tables).toEqual([]);
    expect(excel.book.charts).toEqual([]);
    expect(excel.book.sheets[0]!.cells.size).toBe(0);
    expect(excel.book.sheets[0]!.frozenRows).toBe(0);
    expect(excel.book.styles.map((st) => st.path)).toEqual(["conditionalFormats.add()"]);
    ws.getRange().conditionalFormats.clearAll();
    await context.sync();
    expect(excel.book.styles).toEqual([]);
    charts.items[0]!.delete();
    expect(await failure(context.sync())).toBe("ItemNotFound");
  });
});

describe("strict fake: document settings", () => {
  // d.ts Office.Settings: each runtime works on its in-memory copy; refreshAsync reads the document again
  it("another runtime sees a saved setting only after refreshAsync", async () => {
    const { settings } = strictExcel();
    const other = settings.view();
    settings.set("k", { ids: ["1"] });
    await new Promise((r) => settings.saveAsync(r));
    expect(other.get("k")).toBeNull();
    await new Promise((r) => other.refreshAsync(r));
    expect(other.get("k")).toEqual({ ids: ["1"] });
  });
});
