/**
 * Round-13 red-team findings on which column holds the declared data (rt-wb13, WB13-1 and WB13-5):
 * a data column split by period ("Số liệu kê khai" over "6 tháng đầu năm" | "Cả năm") was read
 * from its first sub-column — 68,42 % Khá became 42,77 % Yếu, with no finding when the ratio
 * self-scores were blank — and a data column labelled with the set's year ("Kết quả năm 2024",
 * "Năm 2024") was not read at all (every ratio DATA_MISSING). Each grid is built here; the
 * expected scores come from the set's rules (merged-header-helpers.ts).
 */
import { describe, expect, it } from "vitest";
import { EV, EXPECTED_TOTAL, ROWS, TOP, demoSet, errorsOf, merge, sheetOf, type Row, type Value } from "./merged-header-helpers.ts";
import { findHeader, scoreWorkbook, type GridSheet, type Merge } from "../../shared/index.ts";

const scoreOf = (grid: { sheets: GridSheet[] }) => scoreWorkbook(grid, demoSet("round13-columns", "Bộ thử cột số liệu (minh họa)"));
const fraction = (x: Row): string => (x.counts ? `${x.counts[0]}/${x.counts[1]}` : "");
/** What a unit declared part-way through the year: 1.1.2 at 10/20 (0 points), 2.2.2 at 50/100 (0 points). */
const partway = (x: Row): string => (x.counts ? `${x.counts[0] / 2}/${x.counts[1]}` : "");
/** The self-score of a ratio leaf left blank (§1: the data scores it), so a wrong reading says nothing. */
const selfOf = (x: Row): Value => (x.counts ? "" : (x.self ?? ""));

/** Two header rows: every column but those in `split` merged down over both. */
const twoRowMerges = (width: number, split: [number, number][]): Merge[] => {
  const under = (c: number) => split.some(([a, b]) => c >= a && c <= b);
  return [...split.map(([a, b]) => merge(TOP, a, TOP, b)), ...Array.from({ length: width }, (_, c) => c).filter((c) => !under(c)).map((c) => merge(TOP, c, TOP + 1, c))];
};

describe("WB13-1: declared data split by period is read from the whole year or the final round", () => {
  /** "Số liệu kê khai" over D.., the sub-labels under it; `year` is the sub-column holding the year's figures, the others the figures part-way. */
  const byPeriod = (labels: string[], year: number, blankYear = false) => {
    const n = labels.length;
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", ...Array<Value>(n - 1).fill(""), "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", ...labels, "", "", ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, ...labels.map((_, i) => (i === year ? (blankYear ? "" : fraction(x)) : partway(x))), x.leaf ? EV : "", selfOf(x), ""]),
    ];
    return sheetOf(rows, twoRowMerges(6 + n, [[3, 2 + n]]));
  };
  const QUARTERS = ["Quý I", "Quý II", "Quý III", "Quý IV"];

  it.each<[string[], number]>([
    [["6 tháng đầu năm", "Cả năm"], 1],
    [["Quý III", "Cả năm"], 1],
    [["Lần 1", "Lần 2 (sau rà soát)"], 1],
    [["Lần 1", "Lần 2", "Lần 3"], 2],
    [["Đến 30/6/2024", "Đến 31/12/2024"], 1],
    [["Tính đến 30/6", "Tính đến hết năm"], 1],
    [["Đến ngày 30/9/2024", "Đến ngày 15/12/2024"], 1],
    [["6 tháng", "12 tháng"], 1],
    [["9 tháng", "Năm"], 1],
    [["Dự kiến", "Chính thức"], 1],
    [[...QUARTERS, "Cả năm"], 4],
    [[...QUARTERS, "Tổng cộng"], 4],
    [[...QUARTERS, "Tổng số"], 4],
    [["Cả năm", "6 tháng đầu năm"], 0],
    [["Đến 31/12/2024", "Đến 30/6/2024"], 0],
  ])("%j: the sub-column %i, as the self-score reads it", (labels, year) => {
    const grid = byPeriod(labels, year);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(3 + year);
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
    expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90 });
  });

  it.each<[string, string]>([
    ["Số liệu 6 tháng", "Số liệu cả năm"],
    ["Số liệu kê khai (6 tháng đầu năm)", "Số liệu kê khai (cả năm)"],
    ["Số liệu quý III", "Số liệu năm"],
    ["Số liệu đến 30/6/2024", "Số liệu đến 31/12/2024"],
  ])("the flat form '%s' | '%s': the year's column", (a, b) => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", a, b, "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ...ROWS.map((x) => [x.code, x.title, x.max, partway(x), fraction(x), x.leaf ? EV : "", selfOf(x), ""]),
    ];
    const grid = sheetOf(rows, []);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(4);
    expect(scoreOf(grid).total).toBe(EXPECTED_TOTAL);
  });

  it("the year's column left blank (a file sent mid-year): the latest filled one is read, as for the self-score", () => {
    const grid = byPeriod(["6 tháng đầu năm", "Cả năm"], 1, true);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(3);
  });

  it("a count beside its plan under the data label is still the row's a/b, not a period", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", "Thực hiện", "Kế hoạch", "", "", ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, x.counts?.[0] ?? "", x.counts?.[1] ?? "", x.leaf ? EV : "", selfOf(x), ""]),
    ];
    const grid = sheetOf(rows, twoRowMerges(8, [[3, 4]]));
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 3 }, denominator: 4 });
    expect(scoreOf(grid).total).toBe(EXPECTED_TOTAL);
  });
});

describe("WB13-5: a data column labelled with the set's year is the declared data", () => {
  /** One data column D labelled `label`, then evidence, self-score and note. */
  const labelled = (label: string, data: (x: Row) => Value = fraction) =>
    sheetOf(
      [
        ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", label, "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
        ...ROWS.map((x) => [x.code, x.title, x.max, data(x), x.leaf ? EV : "", selfOf(x), ""]),
      ],
      [],
    );

  it.each(["Kết quả năm 2024", "Kết quả 2024", "Kết quả (năm 2024)", "KẾT QUẢ NĂM 2024", "Kết quả cả năm", "Năm 2024", "Năm 2024:"])("'%s' is read as a bare 'Kết quả' is", (label) => {
    const grid = labelled(label);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(3);
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
  });

  it.each<[string, string, number]>([
    ["Kết quả năm 2023", "Kết quả năm 2024", 4],
    ["Kết quả năm 2024", "Kết quả năm 2023", 3],
    ["Kết quả 2023", "Kết quả 2024", 4],
    ["Năm 2023", "Năm 2024", 4],
    ["Năm 2024", "Năm 2023", 3],
  ])("'%s' | '%s': this year's column", (a, b, year) => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", a, b, "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ...ROWS.map((x) => [x.code, x.title, x.max, ...(year === 4 ? [partway(x), fraction(x)] : [fraction(x), partway(x)]), x.leaf ? EV : "", selfOf(x), ""]),
    ];
    const grid = sheetOf(rows, []);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(year);
    expect(scoreOf(grid).total).toBe(EXPECTED_TOTAL);
  });

  it("'Kết quả' merged over 'Năm 2023' | 'Năm 2024': this year's sub-column", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Kết quả", "", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", "Năm 2023", "Năm 2024", "", "", ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, partway(x), fraction(x), x.leaf ? EV : "", selfOf(x), ""]),
    ];
    const grid = sheetOf(rows, twoRowMerges(8, [[3, 4]]));
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(4);
    expect(scoreOf(grid).total).toBe(EXPECTED_TOTAL);
  });

  it.each<[string, string, (x: Row) => Value]>([
    ["last year's results alone", "Kết quả năm 2023", fraction],
    ["last year's column alone", "Năm 2023", fraction],
    ["a year column holding dates", "Năm 2024", (x) => (x.leaf ? "15/01/2024" : "")],
    ["a year column holding years", "Năm 2024", (x) => (x.leaf ? 2024 : "")],
    ["a date column", "Năm 2024", (x) => (x.leaf ? { v: 45306, z: "dd/mm/yyyy" } : "")],
  ])("not the declared data: %s ('%s')", (_what, label, data) => {
    expect(findHeader(labelled(label, data).sheets[0]!, 2024)?.columns.data).toBeUndefined();
  });

  it("'Năm 2024' beside a column saying 'Số liệu': the 'Số liệu' column stays the data", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Năm 2024", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ...ROWS.map((x) => [x.code, x.title, x.max, partway(x), fraction(x), x.leaf ? EV : "", selfOf(x), ""]),
    ];
    expect(findHeader(sheetOf(rows, []).sheets[0]!, 2024)?.columns.data).toBe(4);
  });
});

describe("a description naming the year is no period of the figures", () => {
  it("'Tình hình thực hiện trong năm' (text) | 'Kết quả đạt được' (figures): the figures, as before", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Tình hình thực hiện trong năm", "Kết quả đạt được", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ...ROWS.map((x) => [x.code, x.title, x.max, x.leaf ? "Đã thực hiện" : "", fraction(x), x.leaf ? EV : "", selfOf(x), ""]),
    ];
    expect(findHeader(sheetOf(rows, []).sheets[0]!, 2024)?.columns.data).toBe(4);
  });
});
