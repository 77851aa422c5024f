import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RankingSchema } from "../../shared/index.ts";
import { writeOwnSheet } from "../src/excel/write-own-sheet.ts";
import { layoutOwnSheet } from "../src/own-sheet.ts";
import { consolidatedSheet } from "../src/sheet-rows.ts";
import { strictExcel } from "./strict-excel.ts";

/**
 * OJS3-4: the band colours on "Tổng hợp" were one "Contains" rule per band, and the rule added
 * last has the top priority (d.ts ConditionalFormatCollection.add): with bands named as
 * civil-servant ratings, "Hoàn thành" outranked and matched "Hoàn thành xuất sắc" and
 * "Hoàn thành tốt", whose units were filled with a lower band's colour. Each rule now matches
 * the whole label; the strict fake works out the fill Excel would show in each cell.
 */
const base = RankingSchema.parse(JSON.parse(readFileSync("addin/test/fixtures/ranking-demo-2024.json", "utf8")));
const caps = { conditionalFormats: true, freezePanes: true, chartAxes: true };
const COLOURS = ["#C6EFCE", "#DDEBF7", "#FFEB9C", "#F8CBAD"];

describe.each([
  ["Hoàn thành xuất sắc", "Hoàn thành tốt", "Hoàn thành", "Không hoàn thành"],
  ["Rất tốt", "Tốt", "Khá tốt", "Khá"],
  ['Loại "A"', "Loại A", "Loại B", "B"],
])("band colours on the consolidated sheet: %s, %s, %s, %s (OJS3-4)", (...labels) => {
  it("each unit's band cell has its own band's colour", async () => {
    const ranked = base.items.filter((e) => e.rank !== null);
    const items = Array.from({ length: 8 }, (_, i) => ({ ...ranked[i % ranked.length]!, unit: `u${i}`, rank: i + 1, band: labels[i % labels.length]! }));
    const layout = layoutOwnSheet(consolidatedSheet({ ...base, items }, "vi", new Date(2025, 0, 15)));
    const excel = strictExcel([{ name: "Tự đánh giá", cells: [[{ t: "s", v: "x" }]], merges: [] }]);
    await excel.run((ctx) => writeOwnSheet(ctx, layout, [], caps));
    const sheet = excel.book.sheets.at(-1)!;
    const highlight = layout.tables[0]!.highlight!;
    expect(highlight.values).toEqual(labels);
    const top = Number(/\d+/.exec(highlight.address)![0]) - 1;
    const shown = items.map((_, i) => [excel.book.cell(sheet, top + i, 3)?.value, excel.book.conditionalFill(sheet, top + i, 3)]);
    expect(shown).toEqual(items.map((e) => [e.band, COLOURS[labels.indexOf(e.band)]]));
  });
});

describe("the strict fake's conditional formats", () => {
  it("the last added is on top; Contains matches any cell holding the text, EqualTo the whole value (without case)", async () => {
    const excel = strictExcel([{ name: "T", cells: [[{ t: "s", v: "Hoàn thành tốt" }], [{ t: "s", v: "hoàn thành" }]], merges: [] }]);
    const range = excel.context.workbook.worksheets.getItem("T").getRange("A1:A2");
    const contains = range.conditionalFormats.add("ContainsText" as Excel.ConditionalFormatType);
    contains.textComparison.format.fill.color = "#111111";
    contains.textComparison.rule = { operator: "Contains" as Excel.ConditionalTextOperator, text: "Hoàn thành" };
    await excel.context.sync();
    const sheet = excel.book.sheets[0]!;
    expect([excel.book.conditionalFill(sheet, 0, 0), excel.book.conditionalFill(sheet, 1, 0)]).toEqual(["#111111", "#111111"]);
    const equal = range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType);
    equal.cellValue.format.fill.color = "#222222";
    equal.cellValue.rule = { formula1: '="HOÀN THÀNH"', operator: "EqualTo" as Excel.ConditionalCellValueOperator };
    await excel.context.sync();
    expect([excel.book.conditionalFill(sheet, 0, 0), excel.book.conditionalFill(sheet, 1, 0)]).toEqual(["#111111", "#222222"]);
    // A rule of another kind than the format's is refused.
    range.conditionalFormats.add("CellValue" as Excel.ConditionalFormatType).textComparison.rule = { operator: "Contains" as Excel.ConditionalTextOperator, text: "x" };
    await expect(excel.context.sync()).rejects.toMatchObject({ code: "InvalidArgument" });
  });
});
