/**
 * Round-18 red-team finding on the declared-data columns (rt-wb18). WB18-2: round 17 read any
 * column after "Tổng số" that mentioned lateness or failure as the not-done rest — "Số không trễ
 * hạn", "Số đã giải quyết (kể cả trễ hạn)", "Số hoàn thành (không tính số chưa đạt)", "Số đạt,
 * không trễ hạn" inverted every ratio (a commune 66,37 Khá → 49,5 Trung bình, nothing said). A
 * column is the rest only when its head names the not-done part; what a bracket, a comma, "kể
 * cả" or "không tính" adds, and lateness negated, qualify what was done.
 */
import { describe, expect, it } from "vitest";
import { EXPECTED_TOTAL, demoSet, errorsOf, type Row } from "./merged-header-helpers.ts";
import { findHeader, scoreWorkbook, type GridSheet } from "../../shared/index.ts";
import { flat, underGroup } from "./data-columns-helpers.ts";

const scoreOf = (grid: { sheets: GridSheet[] }) => scoreWorkbook(grid, demoSet("round18-columns", "Bộ thử cột số liệu (minh họa)"));

const total = (x: Row): number | string => (x.counts ? x.counts[1] : "");
const done = (x: Row): number | string => (x.counts ? x.counts[0] : "");
const notDone = (x: Row): number | string => (x.counts ? x.counts[1] - x.counts[0] : "");

/** 1.1.2 read as 18/20 (90 %), 2.2.2 as 98/100, the total as the rules give it, nothing said. */
const readsDone = (grid: { sheets: GridSheet[] }, column: number) => {
  expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(column);
  const report = scoreOf(grid);
  expect(errorsOf(report)).toEqual([]);
  expect(report.total).toBe(EXPECTED_TOTAL);
  expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90, numerator: 18, denominator: 20 });
  expect(report.items.find((i) => i.code === "2.2.2")).toMatchObject({ score: 1, percent: 98 });
};

describe("WB18-2: a done column that mentions lateness or failure is still what was done", () => {
  const doneLabels = [
    "Số không trễ hạn",
    "Số đã giải quyết (kể cả trễ hạn)",
    "Số hoàn thành (không tính số chưa đạt)",
    "Số đạt, không trễ hạn",
    "Số đã hoàn thành, không có trễ hạn",
    "Số hồ sơ không bị quá hạn",
    "Số đã giải quyết, kể cả số quá hạn",
  ];
  it.each(doneLabels)("flat 'Tổng số' | '%s'", (b) => {
    readsDone(flat(["Tổng số", b], [total, done]), 4);
  });
  // (Flat, "Đúng hạn" names no count and no result: no data column, as before round 17.)
  it.each([...doneLabels, "Đúng hạn (không quá hạn)"])("'Số liệu kê khai' over 'Tổng số' | '%s'", (b) => {
    readsDone(underGroup("Số liệu kê khai", ["Tổng số", b], [total, done]), 4);
  });

  it.each<string>(["Số trễ hạn (chưa giải quyết xong)", "Số quá hạn, chưa xử lý", "Trong đó: số trễ hạn", "Số hồ sơ giải quyết trễ hạn"])(
    "a column whose head is the late or not-done part stays the rest ('Tổng số' | '%s')",
    (b) => {
      readsDone(flat(["Tổng số", b], [total, notDone]), 4);
    },
  );
});
