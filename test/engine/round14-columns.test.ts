/**
 * Round-14 red-team findings on which column holds the declared data (rt-wb14, WB14-1, WB14-7,
 * WB14-11): round 13's "the whole year wins" read a plan's horizon as the year's result ("Chỉ
 * tiêu cả năm" | "Kết quả thực hiện" under "Số liệu kê khai" scored the targets: 68,42 % became
 * 75,77 %, silently); a flat "Số liệu năm 2024" beside "Số liệu 6 tháng" lost to the mid-year
 * column (47,41 % Yếu); and "Năm 2024" merged over "6 tháng" | "Cả năm" was read as no data at all.
 * Each grid is built here; the expected scores come from the set's rules (merged-header-helpers.ts).
 */
import { describe, expect, it } from "vitest";
import { EXPECTED_TOTAL, demoSet, errorsOf } from "./merged-header-helpers.ts";
import { findHeader, scoreWorkbook, type GridSheet } from "../../shared/index.ts";
import { flat, fraction, partway, target, underGroup } from "./data-columns-helpers.ts";

const scoreOf = (grid: { sheets: GridSheet[] }) => scoreWorkbook(grid, demoSet("round14-columns", "Bộ thử cột số liệu (minh họa)"));

describe("WB14-1: a plan column is the plan, whatever period it names", () => {
  it.each<[string, string, number]>([
    ["Chỉ tiêu cả năm", "Kết quả thực hiện", 4],
    ["Kế hoạch cả năm", "Thực hiện", 4],
    ["Thực hiện", "Kế hoạch cả năm", 3],
    ["Lũy kế đến 30/11/2024", "Kế hoạch cả năm", 3],
    ["Chỉ tiêu năm 2024", "Kết quả năm 2024", 4],
    ["Mục tiêu cả năm", "Thực hiện", 4],
    ["Dự toán cả năm", "Thực hiện", 4],
    ["KH cả năm", "Thực hiện", 4],
    ["Kế hoạch", "Kết quả thực hiện cả năm", 4],
  ])("'Số liệu kê khai' over '%s' | '%s': the result column (%i)", (a, b, result) => {
    const grid = underGroup("Số liệu kê khai", [a, b], result === 4 ? [target, fraction] : [fraction, target]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(result);
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
    expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90 });
  });

  it.each<[string, string]>([
    ["Chỉ tiêu cả năm", "Số liệu kê khai"],
    ["Kế hoạch cả năm", "Số liệu năm 2024"],
  ])("flat '%s' | '%s': the data column", (a, b) => {
    const grid = flat([a, b], [target, fraction]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(4);
    expect(scoreOf(grid).total).toBe(EXPECTED_TOTAL);
  });
});

describe("WB14-7: a flat data label naming the set's year is the whole year", () => {
  it.each<[string, string]>([
    ["Số liệu 6 tháng", "Số liệu năm 2024"],
    ["Số liệu 6 tháng đầu năm", "Số liệu (năm 2024)"],
    ["Số liệu quý III/2024", "Số liệu kê khai năm 2024"],
    ["Tỷ lệ 6 tháng", "Tỷ lệ năm 2024"],
  ])("'%s' | '%s': the year's column", (a, b) => {
    const grid = flat([a, b], [partway, fraction]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data ?? findHeader(grid.sheets[0]!, 2024)?.columns.rate).toBe(4);
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
  });

  it("'Số liệu năm 2024' first, 'Số liệu 6 tháng' after: still the year's", () => {
    const grid = flat(["Số liệu năm 2024", "Số liệu 6 tháng"], [fraction, partway]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(3);
    expect(scoreOf(grid).total).toBe(EXPECTED_TOTAL);
  });

  it("another year named ('Số liệu năm 2025', a plan ahead) is no whole year of this set's", () => {
    const grid = flat(["Số liệu năm 2024", "Số liệu năm 2025"], [fraction, target]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(3);
    expect(scoreOf(grid).total).toBe(EXPECTED_TOTAL);
  });
});

describe("WB14-11: the set's year merged over period sub-columns", () => {
  it.each<[string, [string, string], number]>([
    ["Năm 2024", ["6 tháng", "Cả năm"], 4],
    ["Năm 2024", ["6 tháng đầu năm", "Cả năm"], 4],
    ["Năm 2024", ["Cả năm", "6 tháng đầu năm"], 3],
    ["Năm 2024", ["Quý III", "Cả năm"], 4],
    ["Năm 2024", ["Lần 1", "Chính thức"], 4],
    ["Số liệu kê khai năm 2024", ["6 tháng", "Cả năm"], 4],
  ])("'%s' over %j: the year's sub-column", (group, subs, year) => {
    const grid = underGroup(group, subs, year === 4 ? [partway, fraction] : [fraction, partway]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(year);
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
  });

  it("the 'Cả năm' sub-column left blank (a file sent mid-year): the filled one is read", () => {
    const grid = underGroup("Năm 2024", ["6 tháng", "Cả năm"], [fraction, () => ""]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(3);
  });

  it("last year's group ('Năm 2023' over '6 tháng' | 'Cả năm') is not this year's data", () => {
    const grid = underGroup("Năm 2023", ["6 tháng", "Cả năm"], [partway, fraction]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBeUndefined();
  });
});
