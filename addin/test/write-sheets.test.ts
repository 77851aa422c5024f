import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, scoreWorkbook } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { RankingSchema } from "../../shared/index.ts";
import { writeConsolidated, writeResultSheet, writeRows } from "../src/excel/write-sheets.ts";
import { consolidatedRows, resultSheetRows } from "../src/sheet-rows.ts";
import { recordingContext } from "./recording-context.ts";

const ranking = RankingSchema.parse(JSON.parse(readFileSync("addin/test/fixtures/ranking-demo-2024.json", "utf8")));
const caps = { conditionalFormats: true, freezePanes: true, chartAxes: true };
const paths = (ops: { path: string }[]) => ops.map((o) => o.path);

describe("writeConsolidated", () => {
  it("writes the ranking as a real table with band colours, a bar chart and a frozen header in one sync", async () => {
    const { context, ops, syncs } = recordingContext();
    expect(await writeConsolidated(context, ranking, "vi", false, caps)).toBe(1);
    expect(syncs()).toBe(1);
    const values = ops.find((o) => o.path.endsWith(".values"))!;
    expect(values.path).toContain('getRange("A1:J6")');
    const rows = values.value as unknown[][];
    expect(rows[0]).toEqual(["Hạng", "Đơn vị", "Chỉ số (%)", "Xếp loại", "1. Công tác chỉ đạo, điều hành CCHC (%)", "2. Cải cách thể chế (%)", "3. Cải cách thủ tục hành chính (%)", "Tăng/giảm so với năm trước", "Đã nộp", "Đúng hạn"]);
    expect(rows[3]).toEqual([2, "Xã Đắk Mil (minh họa)", 85.5, "Khá", 85, 85, 86.5, "", "Có", "Không"]);
    expect(rows[5]).toEqual([5, "Xã Điện Biên (minh họa)", 0, "", "", "", "", "", "Không", ""]);
    const p = paths(ops);
    expect(p).not.toContain('workbook.worksheets.getItem("Tổng hợp").delete');
    expect(p).toContain("workbook.worksheets.add");
    expect(ops.find((o) => o.path.endsWith("tables.add"))!.args).toEqual(["A1:J6", true]);
    const rules = ops.filter((o) => o.path.endsWith("textComparison.rule")).map((o) => (o.value as { text: string }).text);
    expect(rules).toEqual(["Tốt", "Khá", "Trung bình"]);
    const chart = ops.find((o) => o.path.endsWith("charts.add"))!;
    expect(chart.args![0]).toBe("BarClustered");
    expect(ops.some((o) => o.path.endsWith("getRange") && o.args?.[0] === "B1:C6")).toBe(true);
    expect(p.filter((x) => x.endsWith("freezePanes.freezeRows"))).toHaveLength(1);
  });

  it("re-pulling deletes the old sheet first; without ExcelApi 1.6/1.7 it skips colours and freezing", async () => {
    const { context, ops } = recordingContext();
    await writeConsolidated(context, ranking, "en", true, { conditionalFormats: false, freezePanes: false, chartAxes: false });
    const p = paths(ops);
    expect(p.indexOf('workbook.worksheets.getItem("Tổng hợp").delete')).toBeLessThan(p.indexOf("workbook.worksheets.add"));
    expect(p.some((x) => x.includes("conditionalFormats"))).toBe(false);
    expect(p.some((x) => x.includes("freezePanes"))).toBe(false);
    expect(consolidatedRows(ranking, "en")[0]![0]).toBe("Rank");
  });
});

describe("writeRows", () => {
  it("slices only past the per-sync cap", async () => {
    const rows = Array.from({ length: 10 }, (_, i) => [i, `r${i}`]);
    const one = recordingContext();
    expect(await writeRows(one.context, one.context.workbook.worksheets.add("x"), rows, 100)).toBe(0);
    const sliced = recordingContext();
    expect(await writeRows(sliced.context, sliced.context.workbook.worksheets.add("x"), rows, 8)).toBe(2);
    expect(sliced.ops.filter((o) => o.path.endsWith(".values")).map((o) => o.path.match(/getRange\("(.*?)"\)/)![1])).toEqual(["A1:B4", "A5:B8", "A9:B10"]);
  });
});

describe("writeResultSheet", () => {
  it("writes the report to its own sheet in one sync, never touching the evidence sheets", async () => {
    const read = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/workbooks/commune-score-errors.xlsx")));
    if (!read.ok) throw new Error(read.message);
    const parsed = parseCriteriaSet(JSON.parse(readFileSync("fixtures/criteria/demo-commune-2024.json", "utf8")));
    if (!parsed.ok) throw new Error(parsed.message);
    const report = scoreWorkbook(read.grid, parsed.set);
    const rows = resultSheetRows(report, "vi", new Date("2025-01-15T08:00:00Z"));
    const { context, ops, syncs } = recordingContext();
    await writeResultSheet(context, rows, true);
    expect(syncs()).toBe(1);
    expect(ops.every((o) => !o.path.includes("Tự đánh giá"))).toBe(true);
    const p = paths(ops);
    expect(p).toContain('workbook.worksheets.getItem("Kết quả kiểm tra").delete');
    expect(p.indexOf('workbook.worksheets.getItem("Kết quả kiểm tra").delete')).toBeLessThan(p.indexOf("workbook.worksheets.add"));
    const written = ops.find((o) => o.path.endsWith(".values"))!.value as unknown[][];
    expect(written.every((r) => r.length === 5)).toBe(true);
    const errors = report.findings.filter((f) => f.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(written.filter((r) => r[0] === "Lỗi").map((r) => r[3])).toEqual(errors.map((f) => f.cell ?? ""));
  });
});
