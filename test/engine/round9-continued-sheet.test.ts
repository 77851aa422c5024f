import { describe, expect, it } from "vitest";
import { scoreWorkbook, type GridCell, type GridSheet } from "../../shared/index.ts";
import { codes, COLUMNS, EV, row, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * A table cut at a page onto a second sheet with no header of its own ("Trang 2": the rows, at
 * most the row of column numbers repeated) was not read: 41,8 for 65,3 in the ninth red-team
 * round, every row on "Trang 2" MISSING_CRITERION with no cell named.
 */
const set = setOf(
  [
    { code: "1.1", title: "Kế hoạch", max: 2 },
    { code: "1.2", title: "Báo cáo", max: 2 },
  ],
  {},
  [
    { code: "2", title: "Lĩnh vực 2", max: 4, children: [{ code: "2.1", title: "Công khai", max: 2 }, { code: "2.2", title: "Hồ sơ", max: 2 }] },
    { code: "3", title: "Lĩnh vực 3", max: 2, children: [{ code: "3.1", title: "Một cửa", max: 2 }] },
  ],
);
const cell = (v: Cell): GridCell | null => (v === null || v === undefined ? null : typeof v === "object" ? v : { v });
const sheet = (name: string, rows: Cell[][], hidden = false): GridSheet => ({ name, rows: rows.map((r) => r.map(cell)), merges: [], ...(hidden ? { hidden } : {}) });
const page1 = () => sheet("Trang 1", [["BẢNG TỰ ĐÁNH GIÁ"], COLUMNS, row("1", { max: 4 }), row("1.1", { self: 2, evidence: EV }), row("1.2", { self: 1, evidence: EV }), row("2", { max: 4 }), row("2.1", { self: 2, evidence: EV })]);
const rest: Cell[][] = [row("2.2", { self: 1.5, evidence: EV }), row("3", { max: 2 }), row("3.1", { self: 2, evidence: EV }), [null, "Tổng cộng", 10, null, 8.5]];

describe("a table continued on a sheet with no header", () => {
  it.each([
    ["nothing above the rows", rest],
    ["the column numbers repeated", [["(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)"], ...rest]],
    ["a page mark above", [["Trang 2"], [], ...rest]],
  ])("is read with the first sheet's columns: %s", (_, rows) => {
    const report = scoreWorkbook({ sheets: [page1(), sheet("Trang 2", rows as Cell[][])] }, set);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "2.2": 1.5, "3.1": 2 });
    expect(report.items.find((i) => i.code === "3.1")?.cell).toBe("'Trang 2'!E3".replace("E3", `E${(rows as Cell[][]).length - 1}`));
    expect(report.total).toBe(8.5);
  });

  it("its grand total is checked against both pages", () => {
    const wrong = [...rest.slice(0, -1), [null, "Tổng cộng", 10, null, 9]];
    const report = scoreWorkbook({ sheets: [page1(), sheet("Trang 2", wrong)] }, set);
    expect(codes(report)).toEqual(["TOTAL_MISMATCH  'Trang 2'!E4"]);
    // The sum it names is both pages' (8,5), not the second page's alone.
    expect(report.findings[0]?.message).toContain("8,5");
  });

  it("a sheet after the table repeating codes already read (guidance, a copy) is not read as more of it", () => {
    const guidance = sheet("Hướng dẫn", [row("1.1", { max: 2 }), row("1.2", { max: 2 }), row("2.2", { max: 2 }), row("3.1", { max: 2 })]);
    const report = scoreWorkbook({ sheets: [page1(), guidance] }, set);
    expect(codes(report)).toEqual(["MISSING_CRITERION 2.2", "MISSING_CRITERION 3.1"]);
  });

  it("a hidden sheet is not read as the continuation", () => {
    const report = scoreWorkbook({ sheets: [page1(), sheet("Trang 2", rest, true)] }, set);
    expect(codes(report)).toEqual(["MISSING_CRITERION 2.2", "MISSING_CRITERION 3.1"]);
  });
});
