import { describe, expect, it } from "vitest";
import { scoreWorkbook, type GridSheet } from "../../shared/index.ts";
import { loadFixtureGrid, loadFixtureSet } from "../../fixtures/load-fixture.ts";
import { findHeader } from "../../shared/locate-table.ts";

/**
 * A workbook holding last year's sheet beside this year's (offices copy the sheet and keep
 * the old one): the set's year is scored, whichever tab comes first.
 */
const set = loadFixtureSet("demo-province-2024");
const grid = loadFixtureGrid("province-clean");
const sheet = grid.sheets.find((s) => findHeader(s)?.columns.self !== undefined)!;
const header = findHeader(sheet)!;
const self = header.columns.self!;
const CLEAN = scoreWorkbook(grid, set).total;

/** The table with every self-score 0, its title block naming `titleYear`. */
function lastYear(name: string, titleYear: number): GridSheet {
  const rows = sheet.rows.map((row, r) => {
    if (r < header.headerTop) return row.map((c) => (typeof c?.v === "string" ? { ...c, v: c.v.replaceAll("2024", String(titleYear)) } : c));
    return r > header.headerBottom && typeof row[self]?.v === "number" ? Object.assign([...row], { [self]: { v: 0 } }) : row;
  });
  return { ...sheet, name, rows };
}

describe("one sheet per year", () => {
  it("the tab naming the set's year wins, before or after last year's", () => {
    for (const sheets of [[lastYear("TĐG 2023", 2023), { ...sheet, name: "TĐG 2024" }], [{ ...sheet, name: "TĐG 2024" }, lastYear("TĐG 2023", 2023)]]) {
      const report = scoreWorkbook({ sheets }, set);
      expect(report.total).toBe(CLEAN);
      expect(report.sheets).toEqual(["TĐG 2024"]);
    }
  });

  it("without years in the tabs, the title block naming the set's year wins", () => {
    const report = scoreWorkbook({ sheets: [lastYear("Sheet1", 2023), { ...sheet, name: "Sheet2" }] }, set);
    expect(report.sheets).toEqual(["Sheet2"]);
    expect(report.total).toBe(CLEAN);
  });

  it("a tab renamed for last year whose title still names this year loses to this year's tab", () => {
    const report = scoreWorkbook({ sheets: [lastYear("TĐG 2023", 2024), { ...sheet, name: "Tự đánh giá" }] }, set);
    expect(report.sheets).toEqual(["Tự đánh giá"]);
    expect(report.total).toBe(CLEAN);
  });
});
