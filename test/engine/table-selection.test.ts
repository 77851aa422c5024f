import { describe, expect, it } from "vitest";
import { a1, scoreWorkbook, type GridSheet } from "../../shared/index.ts";
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

  it("two tables in two sheets, both this year's, by their tabs or titles: the one scored is said, with the copy left out (info)", () => {
    const copy = lastYear("Tự đánh giá (2)", 2024);
    const report = scoreWorkbook({ sheets: [copy, { ...sheet, name: "Tự đánh giá" }] }, set);
    // Equal in codes and year: the first is scored, and the unit is told which and where the other is.
    expect(report.sheets).toEqual(["Tự đánh giá (2)"]);
    const skipped = report.findings.filter((f) => f.code === "TABLE_SKIPPED");
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toMatchObject({ severity: "info", cell: `'Tự đánh giá'!A${header.headerTop + 1}` });
    expect(skipped[0]!.message).toContain(`Trang "Tự đánh giá" cũng có bảng tự đánh giá`);
    expect(skipped[0]!.message).toContain(`'Tự đánh giá (2)'!A${header.headerTop + 1}`);
  });

  it("last year's sheet, named for its year, is left out without a word; so is a summary of fields", () => {
    const perYear = scoreWorkbook({ sheets: [lastYear("TĐG 2023", 2023), { ...sheet, name: "TĐG 2024" }] }, set);
    expect(perYear.findings.filter((f) => f.code === "TABLE_SKIPPED")).toEqual([]);
    const untitled = scoreWorkbook({ sheets: [lastYear("Sheet1", 2023), { ...sheet, name: "Sheet2" }] }, set);
    expect(untitled.findings.filter((f) => f.code === "TABLE_SKIPPED")).toEqual([]);
    // A summary: the fields' rows only, no leaf of the set.
    const fields = sheet.rows.filter((row, r) => r <= header.headerBottom || /^\d+$/.test(String(row[header.columns.code!]?.v ?? "")));
    const summary = scoreWorkbook({ sheets: [{ ...sheet, name: "Tổng hợp", rows: fields }, { ...sheet, name: "Chi tiết" }] }, set);
    expect(summary.sheets).toEqual(["Chi tiết"]);
    expect(summary.findings.filter((f) => f.code === "TABLE_SKIPPED")).toEqual([]);
  });

  it("a tab named as a draft or a spare copy loses to the same table under another name", () => {
    for (const name of ["Bản nháp", "TĐG (cũ)", "Bản sao", "Copy of Tự đánh giá", "backup"]) {
      const report = scoreWorkbook({ sheets: [lastYear(name, 2024), { ...sheet, name: "Tự đánh giá" }] }, set);
      expect(report.sheets).toEqual(["Tự đánh giá"]);
      expect(report.total).toBe(CLEAN);
      // The draft left out is still said.
      expect(report.findings.filter((f) => f.code === "TABLE_SKIPPED").map((f) => f.cell)).toEqual([a1(name, header.headerTop, 0)]);
    }
    // "Cụ thể" and "Thu hút" are no drafts: the first tab still wins the tie.
    expect(scoreWorkbook({ sheets: [lastYear("Cụ thể", 2024), { ...sheet, name: "Tự đánh giá" }] }, set).sheets).toEqual(["Cụ thể"]);
  });
});

describe("templates and summaries beside the filled table", () => {
  /** The table with its self-score cells left blank: the template as the province sent it. */
  const blank = (name: string, hidden: boolean): GridSheet => {
    const rows = sheet.rows.map((row, r) => (r > header.headerBottom && row[self] ? Object.assign([...row], { [self]: null }) : row));
    return hidden ? { ...sheet, name, rows, hidden } : { ...sheet, name, rows };
  };

  it("a blank template before the filled sheet, hidden or not, loses to it", () => {
    for (const hidden of [true, false]) {
      const report = scoreWorkbook({ sheets: [blank("Mẫu", hidden), { ...sheet, name: "Tự đánh giá" }] }, set);
      expect(report.sheets).toEqual(["Tự đánh giá"]);
      expect(report.total).toBe(CLEAN);
    }
  });

  it("a hidden sheet loses to a visible one holding the same table", () => {
    const report = scoreWorkbook({ sheets: [{ ...lastYear("TĐG", 2024), hidden: true }, { ...sheet, name: "Tự đánh giá" }] }, set);
    expect(report.sheets).toEqual(["Tự đánh giá"]);
  });

  it("a summary of fields before one sheet per field is not scored, nor its total checked", () => {
    const perField = loadFixtureGrid("province-per-field-sheets");
    const expected = scoreWorkbook(perField, set);
    // The fields' rows only (codes without a dot) and a typed total, as a "Tổng hợp" sheet first.
    const fields = sheet.rows.filter((row, r) => r <= header.headerBottom || /^\d+$/.test(String(row[header.columns.code!]?.v ?? "")));
    const summary: GridSheet = { ...sheet, name: "Tổng hợp", rows: [...fields, [null, { v: "Tổng cộng" }, null, null, null, { v: expected.total }]] };
    const report = scoreWorkbook({ sheets: [summary, ...perField.sheets] }, set);
    expect(report.sheets).not.toContain("Tổng hợp");
    expect(report.total).toBe(expected.total);
    expect(report.findings.filter((f) => f.cell?.startsWith("'Tổng hợp'"))).toEqual([]);
  });
});

describe("part rows", () => {
  it("a 'PHẦN I' row over a field's title is not that field's row (it had made the field's own row a duplicate)", () => {
    const field = sheet.rows.findIndex((row, r) => r > header.headerBottom && /^\d+$/.test(String(row[header.columns.code!]?.v ?? "")));
    const part = Object.assign([...sheet.rows[field]!].map(() => null), { [header.columns.code!]: { v: "PHẦN I" }, [header.columns.title!]: sheet.rows[field]![header.columns.title!] });
    const rows = [...sheet.rows.slice(0, field), part, ...sheet.rows.slice(field)];
    const report = scoreWorkbook({ sheets: [{ ...sheet, rows, merges: [] }] }, set);
    expect(report.findings.filter((f) => f.code === "DUPLICATE_CRITERION")).toEqual([]);
    expect(report.total).toBe(CLEAN);
  });
});
