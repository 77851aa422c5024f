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
import { EV, ROWS, TOP, merge, sheetOf, type Row, type Value } from "./merged-header-helpers.ts";
import { findHeader } from "../../shared/index.ts";
import { fraction, partway, readsResult, selfOf, target, underGroup } from "./data-columns-helpers.ts";

/** The whole a ratio's part is counted in (20 for 1.1.2), and the part (18). */
const whole = (x: Row): Value => (x.counts ? x.counts[1] : "");
const part = (x: Row): Value => (x.counts ? x.counts[0] : "");


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

/** Last year's figure: 1.1.2 at 10/20 (0 points), 2.2.2 at 50/100. */
const lastYear = (x: Row): Value => (x.counts ? `${x.counts[0] / 2 + 1}/${x.counts[1]}` : "");

/** `group` merged over as many sub-columns as `subs` from D on (or flat labels when `group` is null), each filled by its function. */
function dataColumns(group: string | null, subs: string[], cells: ((x: Row) => Value)[]) {
  const n = subs.length;
  const head = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", ...(group === null ? subs : [group, ...subs.slice(1).map(() => "")]), "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];
  const rows = ROWS.map((x) => [x.code, x.title, x.max, ...cells.map((f) => f(x)), x.leaf ? EV : "", selfOf(x), ""]);
  if (group === null) return sheetOf([head, ...rows], []);
  const width = head.length;
  const down = Array.from({ length: width }, (_, c) => c).filter((c) => c < 3 || c >= 3 + n).map((c) => merge(TOP, c, TOP + 1, c));
  return sheetOf([head, ["", "", "", ...subs, "", "", ""], ...rows], [merge(TOP, 3, TOP, 2 + n), ...down]);
}
const QUARTERS = ["Quý I", "Quý II", "Quý III", "Quý IV"];

describe("WB16-6: the cumulative total and the final figure win over quarters and estimates", () => {
  it.each<[string, string[], ((x: Row) => Value)[]]>([
    ["Số liệu kê khai", [...QUARTERS, "Lũy kế"], [partway, partway, partway, partway, fraction]],
    ["Số liệu kê khai", ["Quý IV", "Lũy kế"], [partway, fraction]],
    ["Số liệu kê khai", [...QUARTERS, "Cộng"], [partway, partway, partway, partway, fraction]],
    ["Kết quả năm 2024", [...QUARTERS, "Lũy kế"], [partway, partway, partway, partway, fraction]],
    ["Số liệu kê khai", ["6 tháng đầu năm", "Lũy kế"], [partway, fraction]],
    ["Số liệu kê khai", ["Ước TH năm 2024", "TH năm 2024"], [partway, fraction]],
    ["Số liệu kê khai", ["Ước thực hiện", "Thực hiện"], [partway, fraction]],
    ["Số liệu kê khai", ["Ước cả năm", "Thực hiện"], [partway, fraction]],
    ["Kết quả năm 2024", ["Ước thực hiện", "Thực hiện"], [partway, fraction]],
  ])("'%s' over %j: the last column", (group, subs, cells) => {
    readsResult(dataColumns(group, subs, cells), 2 + subs.length);
  });

  it.each<[string, string[], ((x: Row) => Value)[], number]>([
    ["Số liệu kê khai", ["Thực hiện 9 tháng", "Ước thực hiện cả năm"], [partway, fraction], 4],
    ["Số liệu kê khai", ["Ước thực hiện", "Thực hiện chính thức"], [partway, fraction], 4],
    ["Số liệu kê khai", ["Thực hiện", "Ước thực hiện"], [fraction, partway], 3],
    ["Số liệu kê khai", ["Lũy kế 9 tháng", "Cả năm"], [partway, fraction], 4],
    ["Năm 2024", [...QUARTERS, "Lũy kế cả năm"], [partway, partway, partway, partway, fraction], 7],
  ])("still: '%s' over %j", (group, subs, cells, column) => {
    readsResult(dataColumns(group, subs, cells), column);
  });
});

describe("WB16-7: of a plan and a result under the data label, the column naming the result is the data", () => {
  it.each<[string, string]>([
    ["Cam kết", "Thực hiện"],
    ["Số phải đạt", "Số đạt được"],
    ["Ngưỡng", "Kết quả"],
    ["Tiêu chuẩn", "Kết quả"],
    ["Huyện giao", "Xã thực hiện"],
    ["Tỉnh giao", "Thực hiện"],
  ])("'Số liệu kê khai' over '%s' | '%s'", (a, b) => {
    readsResult(underGroup("Số liệu kê khai", [a, b], [target, fraction]), 4);
  });

  it.each<[string, string]>([
    ["Số nhiệm vụ, hồ sơ được giao", "Số đã hoàn thành"],
    ["Huyện giao", "Xã thực hiện"],
    ["Số phải đạt", "Số đạt được"],
    ["Ngưỡng", "Kết quả"],
    ["Tiêu chuẩn", "Kết quả"],
    ["Cam kết", "Thực hiện"],
  ])("counts: '%s' | '%s' is the result over the whole", (a, b) => {
    readsResult(underGroup("Số liệu kê khai", [a, b], [whole, part]), 4);
    expect(findHeader(underGroup("Số liệu kê khai", [a, b], [whole, part]).sheets[0]!, 2024)?.denominator).toBe(3);
  });
});

describe("WB16-15: a lone estimate, a flat year-by-year layout and a column against a norm are the data", () => {
  it.each<[string[], ((x: Row) => Value)[], number]>([
    [["Ước thực hiện năm 2024"], [fraction], 3],
    [["Dự kiến kết quả cả năm 2024"], [fraction], 3],
    [["Mức độ đạt được so với định mức"], [fraction], 3],
    [["Ước thực hiện năm 2024", "Thực hiện năm 2024"], [partway, fraction], 4],
    [["Thực hiện năm 2023", "Kế hoạch năm 2024", "Thực hiện năm 2024"], [lastYear, target, fraction], 5],
    [[...QUARTERS, "Lũy kế"], [partway, partway, partway, partway, fraction], 7],
  ])("flat %j", (subs, cells, column) => {
    readsResult(dataColumns(null, subs, cells), column);
  });

  it.each<[string[], ((x: Row) => Value)[], number]>([
    [["Ước thực hiện", "Thực hiện"], [partway, fraction], 4],
    [["Kế hoạch", "Thực hiện"], [target, fraction], 4],
  ])("flat %j: the final result", (subs, cells, column) => {
    readsResult(dataColumns(null, subs, cells), column);
  });

  it.each<[string, string]>([
    ["Tổng số hồ sơ", "Số hồ sơ đăng ký trực tuyến"],
    ["Tổng số được giao", "Số hoàn thành"],
    ["Tổng số hồ sơ tiếp nhận", "Số hồ sơ giải quyết đúng hạn"],
  ])("flat '%s' | '%s': a count right after a total is the part counted in it", (a, b) => {
    const grid = dataColumns(null, [a, b], [whole, part]);
    readsResult(grid, 4);
    expect(findHeader(grid.sheets[0]!, 2024)?.denominator).toBe(3);
  });

  it("a plan named as a forecast alone stays the plan: 'Dự kiến' | 'Thực hiện' under the data label", () => {
    readsResult(underGroup("Số liệu kê khai", ["Dự kiến", "Thực hiện"], [target, fraction]), 4);
  });
});

describe("three header rows keep reading the year's result (d3a2af5)", () => {
  it.each<[string[], ((x: Row) => Value)[]]>([
    [["Ước thực hiện", "Thực hiện"], [partway, fraction]],
    [["Cam kết", "Thực hiện"], [target, fraction]],
    [[...QUARTERS, "Lũy kế"], [partway, partway, partway, partway, fraction]],
  ])("'Số liệu kê khai' over 'Năm 2024' over %j", (subs, cells) => {
    const n = subs.length;
    const blank = (): Value[] => Array<Value>(6 + n).fill("");
    const top: Value[] = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", ...subs.slice(1).map(() => ""), "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];
    const middle = blank().map((v, c) => (c === 3 ? "Năm 2024" : v));
    const bottom = blank().map((v, c) => (c >= 3 && c < 3 + n ? subs[c - 3]! : v));
    const rows = ROWS.map((x) => [x.code, x.title, x.max, ...cells.map((f) => f(x)), x.leaf ? EV : "", selfOf(x), ""]);
    const down = Array.from({ length: 6 + n }, (_, c) => c).filter((c) => c < 3 || c >= 3 + n).map((c) => merge(TOP, c, TOP + 2, c));
    const grid = sheetOf([top, middle, bottom, ...rows], [merge(TOP, 3, TOP, 2 + n), merge(TOP + 1, 3, TOP + 1, 2 + n), ...down]);
    expect(findHeader(grid.sheets[0]!, 2024)?.headerBottom).toBe(TOP + 2);
    readsResult(grid, 2 + n);
  });
});
