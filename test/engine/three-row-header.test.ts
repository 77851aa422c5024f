/**
 * A header of three rows: "Số liệu kê khai" merged over "Năm 2024", merged over the year's own
 * sub-columns ("Kế hoạch" | "Thực hiện", "6 tháng" | "Cả năm"), the other labels merged down over
 * all three. Read from its two upper rows, the group's first column (the plan, the mid-year
 * figure) was the data and the row of sub-labels a row without a code: every ratio read 100 %
 * or the half-year, with no finding (10 for 8,5 here). Its two lower rows are now the header.
 */
import { describe, expect, it } from "vitest";
import { EV, EXPECTED_TOTAL, ROWS, TOP, demoSet, errorsOf, merge, sheetOf, type Row, type Value } from "./merged-header-helpers.ts";
import { findHeader, scoreWorkbook, type GridSheet, type Merge } from "../../shared/index.ts";
import { fraction, partway, selfOf, target } from "./data-columns-helpers.ts";

const scoreOf = (grid: { sheets: GridSheet[] }) => scoreWorkbook(grid, demoSet("three-row-header", "Bộ thử tiêu đề ba dòng (minh họa)"));

/** Labels merged down over the three header rows, but for the columns in `groups` (each merged across on the rows it names). */
function threeRows(top: Value[], middle: Value[], bottom: Value[], groups: Merge[], cells: ((x: Row) => Value)[]) {
  const width = top.length;
  const grouped = (c: number) => groups.some((g) => c >= g.s.c && c <= g.e.c);
  const down = Array.from({ length: width }, (_, c) => c).filter((c) => !grouped(c)).map((c) => merge(TOP, c, TOP + 2, c));
  const rows = ROWS.map((x) => [x.code, x.title, x.max, ...cells.map((f) => f(x)), x.leaf ? EV : "", selfOf(x), ""]);
  return sheetOf([top, middle, bottom, ...rows], [...groups, ...down]);
}

const headOf = (data: number): Value[] => ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", ...Array<Value>(data).fill(""), "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];
const blankOf = (data: number): Value[] => Array<Value>(6 + data).fill("");
const withAt = (row: Value[], at: number, ...labels: Value[]) => row.map((v, c) => (c >= at && c < at + labels.length ? labels[c - at]! : v));

/** The data column found, the report without errors, the total and 1.1.2 read from 18/20. */
function readsResult(grid: { sheets: GridSheet[] }, column: number) {
  const header = findHeader(grid.sheets[0]!, 2024);
  expect(header?.columns.data).toBe(column);
  expect(header?.headerBottom).toBe(TOP + 2);
  const report = scoreOf(grid);
  expect(errorsOf(report)).toEqual([]);
  expect(report.total).toBe(EXPECTED_TOTAL);
  expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90 });
}

describe("a group over the set's year over its sub-columns", () => {
  it.each<[string, string, [string, string], [(x: Row) => Value, (x: Row) => Value]]>([
    ["Số liệu kê khai", "Năm 2024", ["Kế hoạch", "Thực hiện"], [target, fraction]],
    ["Số liệu kê khai", "Năm 2024", ["Chỉ tiêu", "Kết quả"], [target, fraction]],
    ["Kết quả thực hiện", "Năm 2024", ["Số giao", "Thực hiện"], [target, fraction]],
    ["Số liệu kê khai", "Năm 2024", ["6 tháng đầu năm", "Cả năm"], [partway, fraction]],
    ["Số liệu kê khai", "Kết quả năm 2024", ["Lần 1", "Lần 2"], [partway, fraction]],
  ])("'%s' over '%s' over %j reads the year's result (column E)", (group, year, subs, cells) => {
    const top = withAt(headOf(2), 3, group);
    const middle = withAt(blankOf(2), 3, year);
    const bottom = withAt(blankOf(2), 3, ...subs);
    readsResult(threeRows(top, middle, bottom, [merge(TOP, 3, TOP, 4), merge(TOP + 1, 3, TOP + 1, 4)], cells), 4);
  });

  it("two years side by side, each over its plan and result: this year's result (column G)", () => {
    const top = withAt(headOf(4), 3, "Số liệu kê khai");
    const middle = withAt(blankOf(4), 3, "Năm 2023", "", "Năm 2024");
    const bottom = withAt(blankOf(4), 3, "Kế hoạch", "Thực hiện", "Kế hoạch", "Thực hiện");
    const lastYear = (x: Row): Value => (x.counts ? "1/20" : "");
    const grid = threeRows(top, middle, bottom, [merge(TOP, 3, TOP, 6), merge(TOP + 1, 3, TOP + 1, 4), merge(TOP + 1, 5, TOP + 1, 6)], [target, lastYear, target, fraction]);
    readsResult(grid, 6);
  });
});

describe("two-row headers stay as they were read", () => {
  it("a row of column numbers under a group on the second row is no third header row", () => {
    const top = withAt(headOf(2), 3, "Số liệu kê khai");
    const middle = withAt(blankOf(2), 3, "Kết quả năm 2024");
    const numbers: Value[] = blankOf(2).map((_, c) => `(${c + 1})`);
    // "Kết quả năm 2024" merged across D:E on the second row, the column numbers under it.
    const grid = threeRows(top, middle, numbers, [merge(TOP, 3, TOP, 4), merge(TOP + 1, 3, TOP + 1, 4)], [fraction, target]);
    expect(findHeader(grid.sheets[0]!, 2024)?.headerBottom).toBe(TOP + 1);
  });
});
