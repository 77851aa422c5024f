import { describe, expect, it } from "vitest";
import type { Analysis, EvidenceRegister, Trend, UnitHistory } from "../../shared/index.ts";
import { writeOwnSheet } from "../src/excel/write-own-sheet.ts";
import { analysisSheet, historySheet, trendSheet } from "../src/insight-rows.ts";
import { layoutOwnSheet, type OwnSheetSpec } from "../src/own-sheet.ts";
import { registerSheet } from "../src/register-rows.ts";
import { cellRows, excelWriteMock } from "./excel-write-mock.ts";
import { analysis, history, provinceRegister, trend } from "./insight-fixtures.ts";
import { recordingContext } from "./recording-context.ts";

/** The insight writers against office-addin-mock (state) and a call recorder (order): one sync whatever the size. */
const caps = { conditionalFormats: true, freezePanes: true, chartAxes: true };
const now = new Date(2025, 0, 15, 8, 5);
const USER_SHEETS = ["Tự đánh giá", "Số liệu"];

/** Inputs far beyond any criteria set (~200 leaves) or workbook, to show the syncs do not grow. */
function large(): { analysis: Analysis; history: UnitHistory; trend: Trend; register: EvidenceRegister } {
  const item = analysis.items[0]!;
  const items = Array.from({ length: 2_000 }, (_, i) => ({ ...item, code: `${1 + (i % 9)}.${i}`, shareLost: (i % 100) / 100 }));
  const years = Array.from({ length: 30 }, (_, i) => ({ ...history.years[0]!, year: 1995 + i, period: `${1995 + i}-commune` }));
  const criteria = Array.from({ length: 1_000 }, (_, i) => ({ ...history.criteria[0]!, code: `9.${i}` }));
  const register = provinceRegister();
  const documents = Array.from({ length: 5_000 }, (_, i) => ({ ...register.documents[i % register.documents.length]!, key: `k${i}` }));
  return {
    analysis: { ...analysis, items },
    history: { ...history, criteria, years },
    trend: { ...trend, years: Array.from({ length: 50 }, (_, i) => ({ ...trend.years[0]!, year: 1980 + i })) },
    register: { ...register, documents },
  };
}

const builders = {
  analysis: (x: ReturnType<typeof large>) => analysisSheet(x.analysis, "vi", now),
  history: (x: ReturnType<typeof large>) => historySheet(x.history, "vi", now),
  trend: (x: ReturnType<typeof large>) => trendSheet(x.trend, "vi", now),
  register: (x: ReturnType<typeof large>) => registerSheet(x.register, "vi", now),
};
const small = { analysis, history, trend, register: provinceRegister() };

async function write(spec: OwnSheetSpec, exists = false) {
  const mock = excelWriteMock(USER_SHEETS, exists ? [spec.name] : []);
  const returned = await writeOwnSheet(mock.context, layoutOwnSheet(spec), exists, caps);
  return { ...mock, returned };
}

describe.each(Object.entries(builders))("writeOwnSheet: %s", (_name, build) => {
  it("writes the laid-out cells, one Excel table per list and the charts, on its own sheet only, in ONE sync for small and large inputs", async () => {
    for (const input of [small, large()]) {
      const spec = build(input);
      const layout = layoutOwnSheet(spec);
      const { book, syncs, returned, touched } = await write(spec);
      expect(syncs()).toBe(1);
      expect(returned).toBe(1);
      expect(touched).toEqual([]);
      expect(book.names).toEqual([...USER_SHEETS, spec.name]);
      expect(book.cells.has("Tự đánh giá")).toBe(false);
      expect(cellRows(book, spec.name)).toEqual(layout.rows);
      expect(book.tables.get(spec.name)).toEqual(layout.tables.map((t) => ({ name: t.name, address: t.address, style: "TableStyleMedium2" })));
      expect((book.charts.get(spec.name) ?? []).map((c) => [c.type, c.source, c.title, c.anchor])).toEqual(layout.charts.map((c) => [c.type, c.source, c.title, c.anchor]));
      expect(book.frozenRows.get(spec.name)).toBe(layout.freezeRows || undefined);
      expect(book.active).toBe(spec.name);
    }
  });

  it("text columns are formatted as text before their values are written; a re-pull replaces the old sheet", async () => {
    const spec = build(small);
    const layout = layoutOwnSheet(spec);
    const { book, touched } = await write(spec, true);
    expect(touched).toEqual([]);
    expect(book.names.filter((n) => n === spec.name)).toHaveLength(1);
    const formats = book.formats.get(spec.name)!;
    for (const t of layout.tables) for (const f of t.formats) expect(formats.get(`${Number(/\d+/.exec(f.address)![0]) - 1},${f.address.charCodeAt(0) - 65}`)).toBe(f.format);
    const { context, ops } = recordingContext();
    await writeOwnSheet(context, layout, true, caps);
    const paths = ops.map((o) => o.path);
    expect(paths.indexOf(`workbook.worksheets.getItem("${spec.name}").delete`)).toBeLessThan(paths.indexOf("workbook.worksheets.add"));
    const firstValues = paths.findIndex((p) => p.endsWith(".values"));
    const lastFormat = paths.length - 1 - [...paths].reverse().findIndex((p) => p.endsWith(".numberFormat"));
    expect(lastFormat).toBeLessThan(firstValues);
    // Every other call goes through the new sheet: no other sheet is ever addressed.
    expect(ops.filter((o) => !o.path.startsWith(`workbook.worksheets.add("${spec.name}")`)).map((o) => [o.path, o.args])).toEqual([
      ["workbook.worksheets.getItem", [spec.name]],
      [`workbook.worksheets.getItem("${spec.name}").delete`, []],
      ["workbook.worksheets.add", [spec.name]],
    ]);
  });
});

describe("writeOwnSheet capabilities", () => {
  it("the analysis chart lists the weakest criterion first only with ExcelApi 1.7; without it nothing fails and nothing is frozen", async () => {
    const spec = analysisSheet(analysis, "vi", now);
    const { book } = await write(spec);
    expect(book.charts.get(spec.name)![0]).toMatchObject({ type: "BarClustered", reversed: true, legend: false });
    const bare = excelWriteMock(USER_SHEETS);
    await writeOwnSheet(bare.context, layoutOwnSheet(registerSheet(provinceRegister(), "vi", now)), false, { conditionalFormats: false, freezePanes: false, chartAxes: false });
    expect(bare.book.frozenRows.size).toBe(0);
    const plain = excelWriteMock(USER_SHEETS);
    await writeOwnSheet(plain.context, layoutOwnSheet(spec), false, { conditionalFormats: false, freezePanes: false, chartAxes: false });
    expect(plain.book.charts.get(spec.name)![0]!.reversed).toBe(false);
  });

  it("history and trend charts have a legend (several series); wrapped title columns get a fixed width", async () => {
    const h = await write(historySheet(history, "vi", now));
    expect(h.book.charts.get("CCHC Diễn biến")![0]).toMatchObject({ type: "LineMarkers", legend: true });
    const t = await write(trendSheet(trend, "vi", now));
    expect(t.book.charts.get("CCHC Xu hướng")![0]).toMatchObject({ type: "ColumnStacked", legend: true, source: "A5:F8" });
    const { context, ops } = recordingContext();
    const layout = layoutOwnSheet(analysisSheet(analysis, "vi", now));
    await writeOwnSheet(context, layout, false, caps);
    const widths = ops.filter((o) => o.path.endsWith("format.columnWidth"));
    expect(widths.map((o) => o.path.match(/getRange\("(\w+):\w+"\)/)![1])).toEqual(["A", "B", "C", "D", "E", "F", "G", "H", "I"]);
    expect(widths[2]!.value).toBe(layout.widths[2]);
    expect(layout.widths[2]).toBeLessThanOrEqual(48 * 6.5 + 8);
    expect(ops.filter((o) => o.path.endsWith("format.wrapText")).map((o) => o.value)).toEqual([true, true]);
  });
});
