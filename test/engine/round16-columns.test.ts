/**
 * Round-16 red-team findings on which column holds the declared data (rt-wb16, WB16-4, WB16-6,
 * WB16-7, WB16-15), round 15's plan words tried against nearby labels: a count of registrations
 * done ("Số đăng ký, tiếp nhận trực tuyến") beside "Tổng số" was taken for the plan and the total
 * divided by it; the cumulative total after the quarters ("Lũy kế") and the final figure beside
 * the estimate ("Ước thực hiện" | "Thực hiện") lost to the first sub-column; plan sub-columns
 * named by who set them or what they require ("Huyện giao", "Cam kết", "Số phải đạt") were read
 * as the result; a lone estimate column or a flat year-by-year layout was read as no data.
 * Each grid is built here; the expected scores come from the set's rules (merged-header-helpers.ts).
 */
import { describe, expect, it } from "vitest";
import { EXPECTED_TOTAL, demoSet, errorsOf, type Row, type Value } from "./merged-header-helpers.ts";
import { findHeader, scoreWorkbook, type GridSheet } from "../../shared/index.ts";
import { flat, fraction, partway, target, underGroup } from "./data-columns-helpers.ts";

const scoreOf = (grid: { sheets: GridSheet[] }) => scoreWorkbook(grid, demoSet("round16-columns", "Bộ thử cột số liệu (minh họa)"));
/** The whole a ratio's part is counted in (20 for 1.1.2), and the part (18). */
const whole = (x: Row): Value => (x.counts ? x.counts[1] : "");
const part = (x: Row): Value => (x.counts ? x.counts[0] : "");

/** The data column found, the report without errors, the total and 1.1.2 read as 18 of 20. */
const readsResult = (grid: { sheets: GridSheet[] }, column: number) => {
  expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(column);
  const report = scoreOf(grid);
  expect(errorsOf(report)).toEqual([]);
  expect(report.total).toBe(EXPECTED_TOTAL);
  expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90 });
};

describe("WB16-4: a registration done is a count, not the plan", () => {
  it.each<[string, string]>([
    ["Tổng số", "Số đăng ký, tiếp nhận trực tuyến"],
    ["Tổng số", "Số đăng ký"],
    ["Tổng số", "Đăng ký trực tuyến"],
    ["Tổng số hồ sơ", "Số hồ sơ đăng ký qua mạng"],
  ])("'Số liệu kê khai' over '%s' | '%s': the part over the total", (a, b) => {
    readsResult(underGroup("Số liệu kê khai", [a, b], [whole, part]), 4);
  });

  it.each<[string, string]>([
    ["Đăng ký", "Thực hiện"],
    ["Số đăng ký", "Số thực hiện"],
    ["Đăng ký năm 2024", "Thực hiện năm 2024"],
  ])("a pledge is still the plan: '%s' | '%s'", (a, b) => {
    readsResult(underGroup("Số liệu kê khai", [a, b], [target, fraction]), 4);
  });
});
