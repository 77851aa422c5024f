/**
 * Round-15 red-team findings on which column holds the declared data (rt-wb15, WB15-1, WB15-2,
 * WB15-12), round 14's fixes tried against nearby labels: a plan sub-column under "Số liệu kê
 * khai" named "Số giao", "Định mức", "Yêu cầu", "Mức phấn đấu", "Đăng ký" or "Dự kiến" was read
 * as the result (68,42 % became 75,77 %, silently); "Kết quả năm 2024" merged over "6 tháng" |
 * "Cả năm", and the flat "Số liệu 6 tháng" | "Số liệu năm 2024 (ước)", read the 6-month column
 * (47,41 % Yếu); "Năm 2024" merged over "Kế hoạch" | "Thực hiện" was read as no data at all.
 * Each grid is built here; the expected scores come from the set's rules (merged-header-helpers.ts).
 */
import { describe, expect, it } from "vitest";
import { EV, ROWS, sheetOf, type Row, type Value } from "./merged-header-helpers.ts";
import { findHeader } from "../../shared/index.ts";
import { flat, fraction, partway, readsResult, selfOf, target, underGroup } from "./data-columns-helpers.ts";



describe("WB15-1: every word offices give a plan column names the plan, not the result", () => {
  it.each<[string, string, number]>([
    ["Số giao", "Thực hiện", 4],
    ["Định mức", "Kết quả", 4],
    ["Yêu cầu", "Kết quả đạt được", 4],
    ["Mức phấn đấu", "Đạt được", 4],
    ["Phấn đấu", "Thực hiện", 4],
    ["Đăng ký", "Thực hiện", 4],
    ["Số đăng ký", "Số thực hiện", 4],
    ["Dự kiến", "Thực hiện", 4],
    ["Yêu cầu năm 2024", "Thực hiện năm 2024", 4],
    ["Giao", "Thực hiện", 4],
    ["Thực hiện", "Định mức", 3],
    ["Kết quả", "Mức đăng ký", 3],
  ])("'Số liệu kê khai' over '%s' | '%s': the result column (%i)", (a, b, result) => {
    readsResult(underGroup("Số liệu kê khai", [a, b], result === 4 ? [target, fraction] : [fraction, target]), result);
  });

  it.each<[string, string]>([
    ["Số giao", "Số liệu kê khai"],
    ["Yêu cầu", "Số liệu kê khai"],
    ["Định mức", "Số liệu kê khai"],
  ])("flat '%s' | '%s' still reads the data column", (a, b) => {
    readsResult(flat([a, b], [target, fraction]), 4);
  });
});

describe("WB15-1: a flat data label qualified as the plan is the plan", () => {
  it.each<[string, string, number]>([
    ["Số liệu năm 2024 (kế hoạch)", "Số liệu năm 2024 (thực hiện)", 4],
    ["Số liệu (chỉ tiêu giao)", "Số liệu (thực hiện)", 4],
    ["Số liệu kê khai", "Số liệu kê khai (kế hoạch)", 3],
  ])("'%s' | '%s': the result column (%i)", (a, b, result) => {
    readsResult(flat([a, b], result === 4 ? [target, fraction] : [fraction, target]), result);
  });
});

describe("WB15-2: a result label naming the set's year merged over periods, and a year's estimate", () => {
  it.each<[string, [string, string], number]>([
    ["Kết quả năm 2024", ["6 tháng", "Cả năm"], 4],
    ["Kết quả năm 2024", ["6 tháng", "12 tháng"], 4],
    ["Kết quả năm 2024", ["Cả năm", "6 tháng đầu năm"], 3],
    ["Kết quả (năm 2024)", ["Quý III", "Cả năm"], 4],
    ["Kết quả", ["6 tháng", "Cả năm"], 4],
  ])("'%s' over %j: the year's sub-column", (group, subs, year) => {
    readsResult(underGroup(group, subs, year === 4 ? [partway, fraction] : [fraction, partway]), year);
  });

  it("last year's result group ('Kết quả năm 2023' over '6 tháng' | 'Cả năm') is not this year's data", () => {
    const grid = underGroup("Kết quả năm 2023", ["6 tháng", "Cả năm"], [partway, fraction]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBeUndefined();
  });

  it.each<[string, string, number]>([
    ["Số liệu 6 tháng", "Số liệu năm 2024 (ước)", 4],
    ["Số liệu 6 tháng", "Số liệu năm 2024 ước tính", 4],
    ["Số liệu năm 2024 (ước thực hiện)", "Số liệu 9 tháng", 3],
  ])("flat '%s' | '%s': the year's estimate (%i)", (a, b, year) => {
    readsResult(flat([a, b], year === 4 ? [partway, fraction] : [fraction, partway]), year);
  });

  it("the year's final figures win over its estimate: 'Số liệu năm 2024 (ước)' | 'Số liệu năm 2024 (chính thức)'", () => {
    readsResult(flat(["Số liệu năm 2024 (ước)", "Số liệu năm 2024 (chính thức)"], [partway, fraction]), 4);
  });
});

describe("WB15-12: the set's year merged over a plan and its result", () => {
  it.each<[string, [string, string], number]>([
    ["Năm 2024", ["Kế hoạch", "Thực hiện"], 4],
    ["Năm 2024", ["Số giao", "Thực hiện"], 4],
    ["Năm 2024", ["Chỉ tiêu", "Kết quả"], 4],
    ["Năm 2024", ["Thực hiện", "Kế hoạch"], 3],
    ["Kết quả năm 2024", ["Kế hoạch", "Thực hiện"], 4],
  ])("'%s' over %j: the result, the plan its denominator", (group, subs, result) => {
    readsResult(underGroup(group, subs, result === 4 ? [target, fraction] : [fraction, target]), result);
  });

  it("counts under 'Năm 2024' over 'Kế hoạch' | 'Thực hiện' are the result over the plan", () => {
    const count = (i: 0 | 1) => (x: Row): Value => (x.counts ? x.counts[i] : "");
    const grid = underGroup("Năm 2024", ["Kế hoạch", "Thực hiện"], [count(1), count(0)]);
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 4 }, denominator: 3 });
    readsResult(grid, 4);
  });

  it("another year's group ('Năm 2023' over 'Kế hoạch' | 'Thực hiện') stays unread", () => {
    const grid = underGroup("Năm 2023", ["Kế hoạch", "Thực hiện"], [target, fraction]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBeUndefined();
  });
});

describe("WB15-12's family: a lone data column named as the result against the plan", () => {
  it.each<[string]>([["TH/KH (%)"], ["Thực hiện/Kế hoạch"], ["Mức độ hoàn thành chỉ tiêu"], ["Hoàn thành kế hoạch (%)"], ["Thực hiện kế hoạch năm 2024"]])("'%s' is the declared data", (label) => {
    const grid = sheetOf(
      [
        ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", label, "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
        ...ROWS.map((x) => [x.code, x.title, x.max, fraction(x), x.leaf ? EV : "", selfOf(x), ""]),
      ],
      [],
    );
    readsResult(grid, 3);
  });

  it("'KH' | 'TH/KH (%)': the result column", () => {
    readsResult(flat(["KH", "TH/KH (%)"], [target, fraction]), 4);
  });
});
