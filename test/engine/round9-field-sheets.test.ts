import { describe, expect, it } from "vitest";
import { scoreWorkbook, type GridCell, type GridSheet } from "../../shared/index.ts";
import { codes, COLUMNS, EV, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * One sheet per field numbered locally, the field named only above the header or in the tab
 * ("LĨNH VỰC II: CẢI CÁCH THỂ CHẾ" over rows 1, 2 …): every sheet read as field 1 and one of
 * them scored (left alone from the fifth round).
 */
const set = setOf(
  [
    { code: "1.1", title: "Kế hoạch", max: 2 },
    { code: "1.2", title: "Báo cáo", max: 2 },
  ],
  {},
  [{ code: "2", title: "Cải cách thể chế", max: 4, children: [{ code: "2.1", title: "Ban hành văn bản", max: 2 }, { code: "2.2", title: "Kiểm tra văn bản", max: 2 }] }],
);
const cell = (v: Cell): GridCell | null => (v === null || v === undefined ? null : typeof v === "object" ? v : { v });
const sheet = (name: string, heading: string[], rows: Cell[][]): GridSheet => ({ name, merges: [], rows: [...heading.map((h) => [h]), COLUMNS, ...rows].map((r) => (r as Cell[]).map(cell)) });
const local = (a: number, b: number): Cell[][] => [["1", "Tiêu chí thứ nhất", 2, null, a, EV], ["2", "Tiêu chí thứ hai", 2, null, b, EV]];

describe("sheets per field numbered locally", () => {
  it.each([
    ["headings 'LĨNH VỰC 1: …'", ["LĨNH VỰC 1: CÔNG TÁC CHỈ ĐẠO"], ["LĨNH VỰC 2: CẢI CÁCH THỂ CHẾ"], "Trang 1", "Trang 2"],
    ["Roman headings", ["I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH"], ["II. CẢI CÁCH THỂ CHẾ"], "Sheet1", "Sheet2"],
    ["tabs named 'LV1', 'LV 2'", ["BẢNG TỰ ĐÁNH GIÁ"], ["BẢNG TỰ ĐÁNH GIÁ"], "LV1", "LV 2"],
  ])("%s: each sheet is its own field", (_, h1, h2, n1, n2) => {
    const report = scoreWorkbook({ sheets: [sheet(n1, h1, local(2, 1)), sheet(n2, h2, local(1.5, 2))] }, set);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1, "2.1": 1.5, "2.2": 2 });
    expect(report.total).toBe(6.5);
  });

  it("sheets per field numbered in full are read as before", () => {
    const report = scoreWorkbook(
      { sheets: [sheet("LV1", ["LĨNH VỰC 1"], [["1.1", "Kế hoạch", 2, null, 2, EV], ["1.2", "Báo cáo", 2, null, 1, EV]]), sheet("LV2", ["LĨNH VỰC 2"], [["2.1", "Ban hành", 2, null, 1.5, EV], ["2.2", "Kiểm tra", 2, null, 2, EV]])] },
      set,
    );
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(6.5);
  });

  it("one sheet under a part heading ('I. CÁC TIÊU CHÍ TỰ ĐÁNH GIÁ') keeps its codes", () => {
    const rows: Cell[][] = [["1", "Lĩnh vực 1", 4], ["1.1", "Kế hoạch", 2, null, 2, EV], ["1.2", "Báo cáo", 2, null, 1, EV], ["2", "Cải cách thể chế", 4], ["2.1", "Ban hành", 2, null, 1.5, EV], ["2.2", "Kiểm tra", 2, null, 2, EV]];
    const report = scoreWorkbook({ sheets: [sheet("TĐG", ["I. CÁC TIÊU CHÍ TỰ ĐÁNH GIÁ"], rows)] }, set);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(6.5);
  });
});
