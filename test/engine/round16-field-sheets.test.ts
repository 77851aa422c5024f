import { describe, expect, it } from "vitest";
import { scoreWorkbook, type GridCell, type GridSheet } from "../../shared/index.ts";
import { codes, COLUMNS, EV, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * One sheet per field numbered locally, the field named only by the tab as offices name tabs
 * (WB16-10): "I", "II" …, "1", "2" …, "TC1" …, "1. Chỉ đạo điều hành", "II. Thể chế". Only
 * "LV2" and "Lĩnh vực II" had been read: field 2's sheet was scored as field 1 (3 / 100).
 */
const set = setOf(
  [
    { code: "1.1", title: "Kế hoạch", max: 2 },
    { code: "1.2", title: "Báo cáo", max: 2 },
  ],
  {},
  [
    { code: "2", title: "Cải cách thể chế", max: 4, children: [{ code: "2.1", title: "Ban hành văn bản", max: 2 }, { code: "2.2", title: "Kiểm tra văn bản", max: 2 }] },
    { code: "3", title: "Cải cách thủ tục hành chính", max: 4, children: [{ code: "3.1", title: "Niêm yết thủ tục", max: 2 }, { code: "3.2", title: "Giải quyết hồ sơ", max: 2 }] },
  ],
);
const cell = (v: Cell): GridCell | null => (v === null || v === undefined ? null : typeof v === "object" ? v : { v });
const sheet = (name: string, rows: Cell[][]): GridSheet => ({ name, merges: [], rows: [["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024"], [], COLUMNS, ...rows].map((r) => (r as Cell[]).map(cell)) });
const local = (a: number, b: number): Cell[][] => [["1", "Tiêu chí thứ nhất", 2, null, a, EV], ["2", "Tiêu chí thứ hai", 2, null, b, EV]];

describe("a sheet per field named by its tab (WB16-10)", () => {
  it.each([
    ["Roman numerals", ["I", "II", "III"]],
    ["Arabic numerals", ["1", "2", "3"]],
    ["'TC1' …", ["TC1", "TC2", "TC3"]],
    ["'TC 1', 'Tiêu chí 2' …", ["TC 1", "Tiêu chí 2", "Tiêu chí 3"]],
    ["a number and the field's name", ["1. Chỉ đạo điều hành", "2. Thể chế", "3. TTHC"]],
    ["a Roman numeral and the field's name", ["I. Chỉ đạo điều hành", "II. Thể chế", "III. TTHC"]],
    ["'II-Thể chế' …", ["I-Chỉ đạo", "II-Thể chế", "III-TTHC"]],
  ])("%s: each sheet is its own field", (_, [n1, n2, n3]) => {
    const report = scoreWorkbook({ sheets: [sheet(n1!, local(2, 1)), sheet(n2!, local(1.5, 2)), sheet(n3!, local(1, 0.5))] }, set);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1, "2.1": 1.5, "2.2": 2, "3.1": 1, "3.2": 0.5 });
    expect(report.total).toBe(8);
  });

  it("a workbook whose only table is on a sheet named '1' is read as before", () => {
    const full: Cell[][] = [["1.1", "Kế hoạch", 2, null, 2, EV], ["1.2", "Báo cáo", 2, null, 1, EV], ["2.1", "Ban hành", 2, null, 1.5, EV], ["2.2", "Kiểm tra", 2, null, 2, EV], ["3.1", "Niêm yết", 2, null, 1, EV], ["3.2", "Giải quyết", 2, null, 0.5, EV]];
    const report = scoreWorkbook({ sheets: [sheet("1", full)] }, set);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(8);
  });

  it("sheets named '1', '2' that each hold the whole table numbered in full are not read as fields", () => {
    const full = (s: number): Cell[][] => [["1.1", "Kế hoạch", 2, null, s, EV], ["1.2", "Báo cáo", 2, null, 1, EV], ["2.1", "Ban hành", 2, null, 1.5, EV], ["2.2", "Kiểm tra", 2, null, 2, EV], ["3.1", "Niêm yết", 2, null, 1, EV], ["3.2", "Giải quyết", 2, null, 0.5, EV]];
    const report = scoreWorkbook({ sheets: [sheet("1", full(2)), sheet("2", full(1))] }, set);
    expect(report.total === 8 || report.total === 7).toBe(true);
    expect(codes(report).filter((c) => c === "MISSING_CRITERION")).toEqual([]);
  });

  it("a tab '1. Tự đánh giá' over the whole table beside '2. Tổng hợp' keeps the table's codes", () => {
    const whole: Cell[][] = [["1", "Công tác chỉ đạo", 4], ["1.1", "Kế hoạch", 2, null, 2, EV], ["1.2", "Báo cáo", 2, null, 1, EV], ["2", "Cải cách thể chế", 4], ["2.1", "Ban hành", 2, null, 1.5, EV], ["2.2", "Kiểm tra", 2, null, 2, EV], ["3", "Cải cách TTHC", 4], ["3.1", "Niêm yết", 2, null, 1, EV], ["3.2", "Giải quyết", 2, null, 0.5, EV]];
    const summary: Cell[][] = [["1", "Công tác chỉ đạo", 4, null, 3], ["2", "Cải cách thể chế", 4, null, 3.5], ["3", "Cải cách TTHC", 4, null, 1.5]];
    const report = scoreWorkbook({ sheets: [sheet("1. Tự đánh giá", whole), sheet("2. Tổng hợp", summary)] }, set);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1, "2.1": 1.5, "2.2": 2, "3.1": 1, "3.2": 0.5 });
    expect(report.total).toBe(8);
  });

  it("Roman tabs beside a summary sheet of the fields: each field sheet is its own field", () => {
    const summary: Cell[][] = [["I", "Công tác chỉ đạo", 4, null, 3], ["II", "Cải cách thể chế", 4, null, 3.5], ["III", "Cải cách TTHC", 4, null, 1.5]];
    const report = scoreWorkbook({ sheets: [sheet("Tổng hợp", summary), sheet("I", local(2, 1)), sheet("II", local(1.5, 2)), sheet("III", local(1, 0.5))] }, set);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1, "2.1": 1.5, "2.2": 2, "3.1": 1, "3.2": 0.5 });
    expect(report.total).toBe(8);
  });

  it("tabs '1', '2', '3' over rows numbered in full are read as written", () => {
    const full = (f: number, a: number, b: number): Cell[][] => [[`${f}.1`, "Tiêu chí thứ nhất", 2, null, a, EV], [`${f}.2`, "Tiêu chí thứ hai", 2, null, b, EV]];
    const report = scoreWorkbook({ sheets: [sheet("1", full(1, 2, 1)), sheet("2", full(2, 1.5, 2)), sheet("3", full(3, 1, 0.5))] }, set);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(8);
  });
});
