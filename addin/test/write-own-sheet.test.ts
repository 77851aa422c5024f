import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, RankingSchema, scoreWorkbook, type Analysis, type EvidenceRegister, type Ranking, type Trend, type UnitHistory } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { writeOwnSheet, type WriteCapabilities } from "../src/excel/write-own-sheet.ts";
import { writeRows } from "../src/excel/write-rows.ts";
import { columnIndex } from "../src/cell-address.ts";
import { analysisSheet, historySheet, trendSheet } from "../src/insight-rows.ts";
import { layoutOwnSheet, type OwnSheetSpec } from "../src/own-sheet.ts";
import { registerSheet } from "../src/register-rows.ts";
import { OWN_SHEET_MARKER, OWN_SHEET_NAMES, type OwnSheetRecord } from "../src/sheet-ownership.ts";
import { consolidatedSheet, resultSheet } from "../src/sheet-rows.ts";
import { cellRows, excelWriteMock } from "./excel-write-mock.ts";
import { analysis, history, provinceRegister, trend } from "./insight-fixtures.ts";
import { strictExcel, type StrictExcel } from "./strict-excel.ts";

/** The own-sheet writer under office-addin-mock (where it agrees) and the strict fake (the authority). */
const caps: WriteCapabilities = { conditionalFormats: true, freezePanes: true, chartAxes: true };
const bare: WriteCapabilities = { conditionalFormats: false, freezePanes: false, chartAxes: false };
const now = new Date(2025, 0, 15, 8, 5);
const ranking = RankingSchema.parse(JSON.parse(readFileSync("addin/test/fixtures/ranking-demo-2024.json", "utf8")));
const USER_SHEETS = ["Tự đánh giá", "Số liệu"];
const userSheet = (name: string) => ({ name, cells: [[{ t: "s" as const, v: "dữ liệu của đơn vị" }]], merges: [] });
const strict = (names = USER_SHEETS) => strictExcel(names.map(userSheet));

function report() {
  const read = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/workbooks/commune-score-errors.xlsx")));
  if (!read.ok) throw new Error(read.message);
  const parsed = parseCriteriaSet(JSON.parse(readFileSync("fixtures/criteria/demo-commune-2024.json", "utf8")));
  if (!parsed.ok) throw new Error(parsed.message);
  return scoreWorkbook(read.grid, parsed.set);
}

/** Inputs far beyond any criteria set (~200 leaves), province or workbook, to show the syncs do not grow. */
function large(): { analysis: Analysis; history: UnitHistory; trend: Trend; register: EvidenceRegister; ranking: Ranking } {
  const item = analysis.items[0]!;
  const items = Array.from({ length: 2_000 }, (_, i) => ({ ...item, code: `${1 + (i % 9)}.${i}`, shareLost: (i % 100) / 100 }));
  const years = Array.from({ length: 30 }, (_, i) => ({ ...history.years[0]!, year: 1995 + i, period: `${1995 + i}-commune` }));
  const criteria = Array.from({ length: 1_000 }, (_, i) => ({ ...history.criteria[0]!, code: `9.${i}` }));
  const register = provinceRegister();
  const documents = Array.from({ length: 5_000 }, (_, i) => ({ ...register.documents[i % register.documents.length]!, key: `k${i}` }));
  const units = Array.from({ length: 2_000 }, (_, i) => ({ ...ranking.items[i % 4]!, unit: `u${i}`, rank: i + 1 }));
  return {
    analysis: { ...analysis, items },
    history: { ...history, criteria, years },
    trend: { ...trend, years: Array.from({ length: 50 }, (_, i) => ({ ...trend.years[0]!, year: 1980 + i })) },
    register: { ...register, documents },
    ranking: { ...ranking, items: units },
  };
}
type Inputs = ReturnType<typeof large>;
const small: Inputs = { analysis, history, trend, register: provinceRegister(), ranking };

const builders: Record<string, (x: Inputs) => OwnSheetSpec> = {
  result: () => resultSheet(report(), "vi", now),
  consolidated: (x) => consolidatedSheet(x.ranking, "vi", now),
  analysis: (x) => analysisSheet(x.analysis, "vi", now),
  history: (x) => historySheet(x.history, "vi", now),
  trend: (x) => trendSheet(x.trend, "vi", now),
  register: (x) => registerSheet(x.register, "vi", now),
};

describe.each(Object.entries(builders))("writeOwnSheet: %s", (_kind, build) => {
  it("office-addin-mock: the laid-out cells, one table per list, the charts, on its own sheet only, in 3 syncs (a slice more past 2 MB)", async () => {
    for (const input of [small, large()]) {
      const spec = build(input);
      const layout = layoutOwnSheet(spec);
      const name = OWN_SHEET_NAMES[spec.role];
      const mock = excelWriteMock(USER_SHEETS);
      const write = await writeOwnSheet(mock.context, layout, [], caps);
      expect(mock.syncs()).toBe(write.syncs);
      expect(write.syncs).toBeLessThanOrEqual(input === small ? 3 : 4);
      expect(write).toMatchObject({ written: { name, besideSheet: null }, records: [{ id: name, role: spec.role, name }] });
      expect(mock.touched).toEqual([]);
      expect(mock.book.names).toEqual([...USER_SHEETS, name]);
      expect(cellRows(mock.book, name).map((r) => r.slice(0, layout.rows[0]!.length)).slice(0, layout.rows.length)).toEqual(layout.rows);
      expect(mock.book.tables.get(name)!.map(({ name: n, address, style }) => ({ name: n, address, style }))).toEqual(layout.tables.map((t) => ({ name: t.name, address: t.address, style: "TableStyleMedium2" })));
      expect((mock.book.charts.get(name) ?? []).map((c) => [c.type, c.source, c.title, c.anchor])).toEqual(layout.charts.map((c) => [c.type, c.source, c.title, c.anchor]));
      expect(mock.book.frozenRows.get(name)).toBe(layout.freezeRows || undefined);
      expect(mock.book.active).toBe(name);
    }
  });

  it("strict fake: the same, every request under 5 MB; the sheet carries the marker and is active", async () => {
    for (const input of [small, large()]) {
      const spec = build(input);
      const layout = layoutOwnSheet(spec);
      const excel = strict();
      const write = await writeOwnSheet(excel.context, layout, [], caps);
      const sheet = excel.book.sheets.at(-1)!;
      expect(write.syncs).toBe(excel.syncs());
      expect(write.syncs).toBeLessThanOrEqual(input === small ? 3 : 4);
      expect(Math.max(...excel.records.map((r) => r.requestBytes))).toBeLessThan(5_000_000);
      expect(write.records).toEqual([{ id: sheet.id, role: spec.role, name: sheet.name, nonce: expect.stringMatching(/^[0-9a-f]{32}$/), marker: layout.marker }]);
      expect(excel.book.log.filter((l) => USER_SHEETS.some((u) => l.includes(u)))).toEqual([]);
      expect(excel.book.tables.map((t) => t.name)).toEqual(layout.tables.map((t) => t.name));
      const [, col] = markerAt(excel);
      expect(excel.book.cell(sheet, 0, col)).toMatchObject({ value: OWN_SHEET_MARKER, type: "String" });
      expect(excel.book.activeId).toBe(sheet.id);
      expect(excel.book.charts).toHaveLength(layout.charts.length);
    }
  });
});

/** 0-based column of an "X1" address. */
const markerColumn = (address: string) => columnIndex(address.replace(/\d+$/, ""));

/** Row and column of the marker cell on the last sheet written. */
function markerAt(excel: StrictExcel): [number, number] {
  const sheet = excel.book.sheets.at(-1)!;
  for (const [key, cell] of sheet.cells) if (cell.value === OWN_SHEET_MARKER) return key.split(",").map(Number) as [number, number];
  return [-1, -1];
}

/** The cells of the last sheet written, as Excel holds them: value, type, formula. */
function stored(excel: StrictExcel) {
  const sheet = excel.book.sheets.at(-1)!;
  return (r: number, c: number) => excel.book.cell(sheet, r, c);
}

describe("text stays text (strict fake)", () => {
  it("result sheet: criterion and field codes, cell references and messages are the text written; scores are numbers", async () => {
    const r = report();
    const excel = strict();
    const layout = layoutOwnSheet(resultSheet(r, "vi", now));
    await writeOwnSheet(excel.context, layout, [], caps);
    const at = stored(excel);
    const fields = layout.tables[0]!;
    const fieldRow = Number(/\d+/.exec(fields.address)![0]); // header row (1-based) = first body row (0-based)
    r.fields.forEach((f, i) => {
      expect(at(fieldRow + i, 0)).toMatchObject({ value: f.code, type: "String" });
      expect(at(fieldRow + i, 2)).toMatchObject({ value: f.score, type: "Double" });
    });
    const findings = layout.tables[1]!;
    const findingRow = Number(/\d+/.exec(findings.address)![0]);
    const withCell = r.findings.map((f, i) => ({ f, i })).filter(({ f }) => f.cell);
    expect(withCell.length).toBeGreaterThan(0);
    for (const { f, i } of withCell) {
      expect(at(findingRow + i, 3)).toMatchObject({ value: f.cell, type: "String" });
      expect(at(findingRow + i, 3)!.formula).toBeUndefined();
      expect(at(findingRow + i, 2)).toMatchObject({ value: f.criterion ?? "", type: f.criterion ? "String" : "Empty" });
    }
    expect(r.findings.some((f) => /^\d+\.\d+$/.test(f.criterion ?? ""))).toBe(true); // codes like "1.1" that would become numbers
  });

  it("consolidated: unit names and bands from the server never become formulas or numbers", async () => {
    const hostile = { ...ranking, items: [{ ...ranking.items[0]!, unitName: "=HYPERLINK(\"http://x\",\"Xã\")" }, { ...ranking.items[1]!, unitName: "+84 912 345", band: "-" }, { ...ranking.items[2]!, unitName: "1.10" }, { ...ranking.items[3]!, unitName: "@Xã" }] };
    const excel = strict();
    const layout = layoutOwnSheet(consolidatedSheet(hostile, "vi", now));
    await writeOwnSheet(excel.context, layout, [], caps);
    const at = stored(excel);
    const first = Number(/\d+/.exec(layout.tables[0]!.address)![0]);
    expect(hostile.items.map((_, i) => at(first + i, 1))).toEqual(hostile.items.map((e) => expect.objectContaining({ value: e.unitName, type: "String" })));
    expect(at(first + 1, 3)).toMatchObject({ value: "-", type: "String" });
    expect(at(first, 2)).toMatchObject({ value: hostile.items[0]!.percent, type: "Double" });
    for (const sheet of excel.book.sheets) for (const cell of sheet.cells.values()) expect(cell.formula).toBeUndefined();
  });
});

describe("replacing the add-in's sheets (strict fake)", () => {
  async function pull(excel: StrictExcel, spec: OwnSheetSpec, records: OwnSheetRecord[]) {
    return writeOwnSheet(excel.context, layoutOwnSheet(spec), records, caps);
  }

  it("pull after pull: the previous own sheet is replaced and the tables keep their names (users' formulas keep working)", async () => {
    const excel = strict();
    let records: OwnSheetRecord[] = [];
    const names: string[][] = [];
    for (let i = 0; i < 4; i++) {
      records = (await pull(excel, analysisSheet(analysis, "vi", now), records)).records;
      names.push(excel.book.tables.map((t) => t.name));
    }
    expect(names).toEqual(Array(4).fill(["PhanTich_TieuChi", "PhanTich_LinhVuc"]));
    expect(excel.book.sheets.map((s) => s.name)).toEqual([...USER_SHEETS, "CCHC Phân tích"]);
    expect(records).toHaveLength(1);
  });

  it("a copy the user kept (renamed) keeps its tables; the new sheet's names are decided before anything is deleted, and stay put", async () => {
    const excel = strict();
    let { records } = await pull(excel, consolidatedSheet(ranking, "vi", now), []);
    const kept = excel.book.sheets.at(-1)!;
    kept.name = "Tổng hợp 2024 (giữ)"; // the user renames it to keep it
    const taken = excel.book.tables[0]!.name;
    for (let i = 0; i < 3; i++) records = (await pull(excel, consolidatedSheet(ranking, "vi", now), records)).records;
    expect(excel.book.sheets.map((s) => s.name)).toEqual([...USER_SHEETS, "Tổng hợp 2024 (giữ)", "Tổng hợp"]);
    expect(excel.book.tables.map((t) => t.name)).toEqual([taken, `${taken}_2`]);
    expect(records.map((r) => r.id)).toEqual([kept.id, excel.book.sheets.at(-1)!.id]);
  });

  it("a re-run rewrites the own sheet in place, never deleting a sheet (Worksheet.delete clears the user's undo history), and leaves nothing of the run before", async () => {
    const excel = strict();
    const big = large().ranking;
    const first = await pull(excel, consolidatedSheet(big, "vi", now), []);
    const sheet = excel.book.sheets.at(-1)!;
    const log = excel.book.log.length;
    const syncs = excel.syncs();
    const second = await pull(excel, consolidatedSheet(ranking, "vi", now), first.records);
    expect(excel.syncs() - syncs).toBe(3);
    expect(excel.book.log.slice(log).filter((l) => /^(delete|add) /.test(l))).toEqual([]);
    expect(excel.book.sheets.at(-1)).toBe(sheet);
    expect(second).toMatchObject({ written: { name: "Tổng hợp", besideSheet: null }, records: [{ id: sheet.id, role: "consolidated", name: "Tổng hợp" }] });
    const layout = layoutOwnSheet(consolidatedSheet(ranking, "vi", now));
    // Only this run's cells, tables, charts and band colours: the 2,000 rows before are gone.
    const fresh = strict();
    await pull(fresh, consolidatedSheet(ranking, "vi", now), []);
    const content = (cells: Map<string, { value: unknown }>) => new Map([...cells].filter(([, c]) => c.value !== "" && !/^[0-9a-f]{32}$/.test(String(c.value)))); // the nonce differs
    expect(content(sheet.cells)).toEqual(content(fresh.book.sheets.at(-1)!.cells));
    expect(excel.book.usedBounds(sheet, false)).toEqual(fresh.book.usedBounds(fresh.book.sheets.at(-1)!, false));
    expect(excel.book.tables.map((t) => [t.name, t.address])).toEqual(layout.tables.map((t) => [t.name, t.address]));
    expect(excel.book.charts.map((c) => c.source)).toEqual(layout.charts.map((c) => c.source));
    expect(excel.book.styles.filter((s) => s.path === "conditionalFormats.add().cellValue.rule")).toHaveLength(3);
    expect(sheet.frozenRows).toBe(layout.freezeRows);
    expect(excel.book.activeId).toBe(sheet.id);
    expect(excel.book.log.filter((l) => USER_SHEETS.some((u) => l.includes(u)))).toEqual([]);
  });

  it("the own sheet is deleted and added again only when its name must change, or it is hidden (it could not be shown)", async () => {
    const excel = strict([...USER_SHEETS, "TỔNG HỢP"]);
    const first = await pull(excel, consolidatedSheet(ranking, "vi", now), []);
    expect(first.written.name).toBe("Tổng hợp (CCHC)");
    excel.book.deleteSheet(excel.book.sheet("TỔNG HỢP")); // the user's own goes: the usual name is free again
    const second = await pull(excel, consolidatedSheet(ranking, "vi", now), first.records);
    expect(second.written).toEqual({ name: "Tổng hợp", besideSheet: null });
    expect(excel.book.sheets.map((s) => s.name)).toEqual([...USER_SHEETS, "Tổng hợp"]);
    excel.book.sheets.at(-1)!.visibility = "Hidden";
    const hiddenId = excel.book.sheets.at(-1)!.id;
    const third = await pull(excel, consolidatedSheet(ranking, "vi", now), second.records);
    expect(excel.book.sheets.map((s) => [s.name, s.visibility])).toEqual([...USER_SHEETS.map((n) => [n, "Visible"]), ["Tổng hợp", "Visible"]]);
    expect(third.records.map((r) => r.id)).not.toContain(hiddenId);
  });

  it("an own sheet whose Worksheet.id changed (another session or app: office-js-docs#297, office-js#1390) is still known by its exact name, marker and nonce", async () => {
    const excel = strict();
    const first = await pull(excel, consolidatedSheet(ranking, "vi", now), []);
    expect(first.records[0]!.nonce).toMatch(/^[0-9a-f]{32}$/);
    const sheet = excel.book.sheets.at(-1)!;
    // what Excel gave it in this session: the same sheet, its tables and charts, under another id
    const renumbered = "{00000000-0009-0000-0000-000000000000}";
    for (const item of [...excel.book.tables, ...excel.book.charts]) if (item.sheetId === sheet.id) item.sheetId = renumbered;
    sheet.id = renumbered;
    const log = excel.book.log.length;
    const syncs = excel.syncs();
    const second = await pull(excel, consolidatedSheet(ranking, "vi", now), first.records);
    expect(second.written).toEqual({ name: "Tổng hợp", besideSheet: null });
    expect(excel.book.log.slice(log).filter((l) => /^(delete|add) /.test(l))).toEqual([]);
    expect(excel.syncs() - syncs).toBe(4); // one more, only when an id no longer matches
    expect(second.records).toEqual([{ ...first.records[0]!, id: sheet.id }]);
  });

  it("a sheet under the own name with the marker but not the recorded nonce is the user's: never cleared, the add-in writes beside it", async () => {
    const excel = strict();
    const first = await pull(excel, consolidatedSheet(ranking, "vi", now), []);
    const own = excel.book.sheets.at(-1)!;
    excel.book.deleteSheet(own);
    const theirs = excel.book.addSheet("Tổng hợp"); // the user's own, with a copied marker row and another nonce
    for (const [key, cell] of own.cells) if (key.startsWith("0,")) theirs.cells.set(key, key === `0,${Number(markerColumn(first.records[0]!.marker!)) + 1}` ? { ...cell, value: "0".repeat(32) } : cell);
    const log = excel.book.log.length;
    const second = await pull(excel, consolidatedSheet(ranking, "vi", now), first.records);
    expect(second.written).toEqual({ name: "Tổng hợp (CCHC)", besideSheet: "Tổng hợp" });
    expect(excel.book.log.slice(log).filter((l) => / Tổng hợp$|Tổng hợp!/.test(l))).toEqual([]);
    expect(theirs.cells.size).toBeGreaterThan(0);
  });

  it("an id Excel gave again to the user's sheet of the own name (positional ids in a later session) proves nothing: row 1 is read first, and their sheet is never cleared", async () => {
    const excel = strict();
    const first = await pull(excel, consolidatedSheet(ranking, "vi", now), []);
    const own = excel.book.sheets.at(-1)!;
    excel.book.deleteSheet(own);
    // The user's own "Tổng hợp" in its place, reopened: Excel numbered it as the add-in's was.
    const theirs = excel.book.addSheet("Tổng hợp");
    theirs.id = own.id;
    const cell = [...own.cells.values()][0]!;
    theirs.cells.set("0,0", { ...cell, value: "Ghi chú tổng hợp của phòng" });
    theirs.cells.set("1,0", { ...cell, value: 42 });
    const before = new Map(theirs.cells);
    const log = excel.book.log.length;
    const second = await pull(excel, consolidatedSheet(ranking, "vi", now), first.records);
    expect(second.written).toEqual({ name: "Tổng hợp (CCHC)", besideSheet: "Tổng hợp" });
    expect(theirs.cells).toEqual(before);
    expect(excel.book.log.slice(log).filter((l) => / Tổng hợp$|Tổng hợp!/.test(l))).toEqual([]);
    expect(excel.book.sheets.map((s) => s.name)).toEqual([...USER_SHEETS, "Tổng hợp", "Tổng hợp (CCHC)"]);
    expect(second.records.map((r) => r.id)).toEqual([excel.book.sheets.at(-1)!.id]);
  });

  it("a record that names a user's sheet (a workbook whose settings were written elsewhere) never has it deleted: its row 1 does not prove it", async () => {
    const excel = strict();
    const first = await pull(excel, consolidatedSheet(ranking, "vi", now), []);
    const data = excel.book.sheet("Số liệu");
    const forged: OwnSheetRecord[] = [{ ...first.records[0]!, id: data.id, name: "Số liệu" }];
    const log = excel.book.log.length;
    await pull(excel, consolidatedSheet(ranking, "vi", now), forged);
    expect(excel.book.sheets.map((s) => s.name)).toEqual([...USER_SHEETS, "Tổng hợp", "Tổng hợp (CCHC)"]);
    expect(excel.book.log.slice(log).filter((l) => l.includes("Số liệu"))).toEqual([]);
  });

  it("a user's sheet named like an own sheet is never deleted or written: the add-in writes beside it", async () => {
    const excel = strict([...USER_SHEETS, "TỔNG HỢP"]);
    const first = await pull(excel, consolidatedSheet(ranking, "vi", now), []);
    expect(first.written).toEqual({ name: "Tổng hợp (CCHC)", besideSheet: "TỔNG HỢP" });
    const second = await pull(excel, consolidatedSheet(ranking, "vi", now), first.records);
    expect(second.written.name).toBe("Tổng hợp (CCHC)");
    expect(excel.book.sheets.map((s) => s.name)).toEqual([...USER_SHEETS, "TỔNG HỢP", "Tổng hợp (CCHC)"]);
    expect(excel.book.log.filter((l) => l.includes("TỔNG HỢP"))).toEqual([]);
  });
});

describe("writeOwnSheet capabilities", () => {
  it("band colours only with ExcelApi 1.6, frozen header and top-down chart only with 1.7; without them nothing fails", async () => {
    const full = strict();
    await writeOwnSheet(full.context, layoutOwnSheet(consolidatedSheet(ranking, "vi", now)), [], caps);
    expect(full.book.styles.filter((s) => s.path === "conditionalFormats.add().cellValue.rule").map((s) => (s.value as { formula1: string }).formula1)).toEqual(['="Tốt"', '="Khá"', '="Trung bình"']);
    expect(full.book.sheets.at(-1)!.frozenRows).toBeGreaterThan(0);
    expect(full.book.charts[0]!.props["axes.categoryAxis.reversePlotOrder"]).toBe(true);
    const plain = strict();
    await writeOwnSheet(plain.context, layoutOwnSheet(consolidatedSheet(ranking, "vi", now)), [], bare);
    expect(plain.book.styles.some((s) => s.path.startsWith("conditionalFormats"))).toBe(false);
    expect(plain.book.sheets.at(-1)!.frozenRows).toBe(0);
    expect(plain.book.charts[0]!.props["axes.categoryAxis.reversePlotOrder"]).toBeUndefined();
  });

  it("history and trend charts have a legend (several series); wrapped title columns get a fixed width", async () => {
    const h = strict();
    await writeOwnSheet(h.context, layoutOwnSheet(historySheet(history, "vi", now)), [], caps);
    expect(h.book.charts[0]).toMatchObject({ type: "LineMarkers", props: { "legend.visible": true } });
    const t = strict();
    await writeOwnSheet(t.context, layoutOwnSheet(trendSheet(trend, "vi", now)), [], caps);
    expect(t.book.charts[0]).toMatchObject({ type: "ColumnStacked", source: "A5:F8", props: { "legend.visible": true } });
    const a = strict();
    const layout = layoutOwnSheet(analysisSheet(analysis, "vi", now));
    await writeOwnSheet(a.context, layout, [], caps);
    const widths = a.book.styles.filter((s) => s.path === "format.columnWidth");
    expect(widths.map((s) => s.address.replace(/\d+/g, "").split(":")[0])).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
    expect(widths[2]!.value).toBe(layout.widths[2]);
    expect(layout.widths[2]).toBeLessThanOrEqual(48 * 6.5 + 8);
    expect(a.book.styles.filter((s) => s.path === "format.wrapText").map((s) => s.value)).toEqual([true, true]);
  });
});

describe("writeRows", () => {
  it("slices only past the bytes per sync, each slice a whole number of rows", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [i, `r${i}`]);
    const one = strict();
    const sheet = one.context.workbook.worksheets.getItem("Số liệu");
    expect(await writeRows(one.context, sheet, rows)).toBe(0);
    const sliced = strict();
    expect(await writeRows(sliced.context, sliced.context.workbook.worksheets.getItem("Số liệu"), rows, 24)).toBe(3); // [0,"r0"] is 8 bytes
    await sliced.context.sync();
    expect(sliced.book.log.filter((l) => l.startsWith("values"))).toEqual(["values Số liệu!A1:B3", "values Số liệu!A4:B6", "values Số liệu!A7:B9", "values Số liệu!A10:B10"]);
  });
});
