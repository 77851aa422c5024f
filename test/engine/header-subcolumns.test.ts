/**
 * Sub-columns under a merged header label, as an outside tester's fifth round found them
 * (rt-wb5): declared data in two columns whose labels are not "Số đạt" | "Tổng số" (the first
 * count was read as a percentage: 1250 | 1300 was 1250 % and full points), self-scores by
 * period ("6 tháng đầu năm" | "Cả năm": the first won), a description column before the
 * figures ("Kết quả thực hiện" before "Số liệu kê khai": DATA_MISSING on the description),
 * and "STT" merged over a running number and the code (the running numbers taken for codes:
 * 0/100). Each grid is built here; the expected scores come from the set's rules.
 */
import { describe, expect, it } from "vitest";
import { EV, EXPECTED_TOTAL, ROWS, TOP, demoSet, errorsOf, merge, sheetOf, type Row, type Value } from "./merged-header-helpers.ts";
import { findHeader, locateCriteriaTables, scoreWorkbook, type GridSheet, type Merge } from "../../shared/index.ts";

/** Two header rows: every column but those in `split` merged down over both. */
const twoRowMerges = (width: number, split: [number, number][]): Merge[] => {
  const under = (c: number) => split.some(([a, b]) => c >= a && c <= b);
  return [...split.map(([a, b]) => merge(TOP, a, TOP, b)), ...Array.from({ length: width }, (_, c) => c).filter((c) => !under(c)).map((c) => merge(TOP, c, TOP + 1, c))];
};

const fraction = (x: Row): string => (x.counts ? `${x.counts[0]}/${x.counts[1]}` : "");

const scoreOf = (grid: { sheets: GridSheet[] }) => scoreWorkbook(grid, demoSet("header-subcolumns", "Bộ thử cột con dưới tiêu đề gộp (minh họa)"));

describe("1. declared data in two columns, a count and the whole or plan it is counted against", () => {
  /** "Số liệu kê khai" merged over D:E, the two sub-labels under it. */
  const split = (labels: [string, string], group = "Số liệu kê khai") => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", group, "", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", ...labels, "", "", ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, x.counts?.[0] ?? "", x.counts?.[1] ?? "", x.leaf ? EV : "", x.self ?? "", ""]),
    ];
    return sheetOf(rows, twoRowMerges(8, [[3, 4]]));
  };

  it.each<[string, string]>([
    ["Số hồ sơ đúng hạn", "Tổng số hồ sơ"],
    ["Số hoàn thành", "Tổng số"],
    ["Thực hiện", "Kế hoạch"],
    ["Kết quả", "Chỉ tiêu"],
    ["Số lượng", "Tổng số"],
    ["Đạt", "Tổng"],
    ["Số hồ sơ/nhiệm vụ đúng hạn", "Tổng số"],
    ["Đã thực hiện", "Phải thực hiện"],
    ["Số hoàn thành", "Được giao"],
    ["Số đạt", "Tổng số"],
  ])("'%s' | '%s' under 'Số liệu kê khai': the row's a/b", (a, b) => {
    const grid = split([a, b]);
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 3 }, denominator: 4 });
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
    expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90, numerator: 18, denominator: 20 });
  });

  it("'Số lượng' | 'Tổng số' on a one-row header: the count column names a count, the next the whole", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số lượng", "Tổng số", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ...ROWS.map((x) => [x.code, x.title, x.max, x.counts?.[0] ?? "", x.counts?.[1] ?? "", x.leaf ? EV : "", x.self ?? "", ""]),
    ];
    expect(findHeader(sheetOf(rows, []).sheets[0]!, 2024)).toMatchObject({ columns: { data: 3 }, denominator: 4 });
    expect(scoreOf(sheetOf(rows, [])).total).toBe(EXPECTED_TOTAL);
  });

  it("a filled rate beside 'Thực hiện' | 'Kế hoạch' still wins", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "", "", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", "Thực hiện", "Kế hoạch", "Tỷ lệ (%)", "", "", ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, x.counts?.[0] ?? "", x.counts?.[1] ?? "", x.counts ? { v: 1, z: "0%" } : "", x.leaf ? EV : "", x.self ?? "", ""]),
    ];
    const grid = sheetOf(rows, twoRowMerges(9, [[3, 5]]));
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 3, rate: 5 }, denominator: 4 });
    expect(scoreOf(grid).items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 3, percent: 100 });
  });

  it.each<[string, string[], string[]]>([
    ["a score under 'Số liệu kê khai' ('Tổng số điểm')", ["Số liệu kê khai", ""], ["Số lượng", "Tổng số điểm"]],
    ["a score under 'Số liệu kê khai' ('Tổng điểm')", ["Số liệu kê khai", ""], ["Đạt", "Tổng điểm"]],
    ["a whole of a different group ('Điểm' over 'Tổng số')", ["Số liệu kê khai", "Điểm"], ["Thực hiện", "Tổng số"]],
  ])("no denominator: %s", (_what, groups, labels) => {
    const rows: Value[][] = [["STT", "Tiêu chí", "Điểm tối đa", ...groups, "Điểm tự đánh giá"], ["", "", "", ...labels, ""]];
    const merges = groups[1] === "" ? twoRowMerges(6, [[3, 4]]) : twoRowMerges(6, [[3, 3], [4, 4]]);
    const header = findHeader(sheetOf(rows, merges).sheets[0]!, 2024);
    expect(header?.denominator).toBeUndefined();
    expect(header?.columns.data).toBe(3);
  });

  it("'Điểm' over 'Tổng số' | 'Tự chấm' (points) stays as it was: no denominator, the self-score is 'Tự chấm'", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí", "Số liệu kê khai", "Điểm", "", "Tài liệu kiểm chứng"],
      ["", "", "", "Tổng số", "Tự chấm", ""],
      ...ROWS.map((x) => [x.code, x.title, fraction(x), x.max, x.self ?? "", x.leaf ? EV : ""]),
    ];
    const header = findHeader(sheetOf(rows, twoRowMerges(6, [[3, 4]])).sheets[0]!, 2024);
    expect(header?.denominator).toBeUndefined();
    expect(header?.columns).toMatchObject({ data: 2, self: 4 });
  });
});

describe("2. 'Điểm tự đánh giá' merged over sub-columns by period: the whole period, the final one, wins", () => {
  /** The self-score label over F.., the sub-labels under it; `winner` holds the scores, the others less. */
  const byPeriod = (labels: string[], winner: number) => {
    const n = labels.length;
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", ...Array<Value>(n - 1).fill(""), "Ghi chú"],
      ["", "", "", "", "", ...labels, ""],
      ...ROWS.map((x) => {
        const scores = labels.map((_, i): Value => (x.self === undefined ? "" : i === winner ? x.self : 0));
        return [x.code, x.title, x.max, fraction(x), x.leaf ? EV : "", ...scores, ""];
      }),
    ];
    return sheetOf(rows, twoRowMerges(6 + n, [[5, 4 + n]]));
  };
  const QUARTERS = ["Quý I", "Quý II", "Quý III", "Quý IV"];

  it.each<[string[], number]>([
    [["6 tháng đầu năm", "Cả năm"], 1],
    [["Lần 1", "Lần 2 (sau rà soát)"], 1],
    [["Lần 1", "Lần 2", "Lần 3"], 2],
    [["Dự kiến", "Chính thức"], 1],
    [[...QUARTERS, "Cả năm"], 4],
    [[...QUARTERS, "Năm"], 4],
    [[...QUARTERS, "Tổng số"], 4],
    [[...QUARTERS, "Tổng cộng"], 4],
    [["Cả năm", ...QUARTERS], 0],
    [["Năm 2023", "Năm 2024"], 1],
    [["Chính thức", "Dự kiến"], 0],
  ])("%j: sub-column %i", (labels, winner) => {
    const grid = byPeriod(labels, winner);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.self).toBe(5 + winner);
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
  });

  it.each<[string[], number]>([
    [["Lần 1", "Lần 2 (sau rà soát)"], 0],
    [["6 tháng đầu năm", "Cả năm"], 0],
    [["Quý I", "Quý II", "Quý III", "Quý IV", "Cả năm"], 1],
  ])("%j with the final column left blank (a workbook before the review): the latest filled one, sub-column %i", (labels, filled) => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", ...Array<Value>(labels.length - 1).fill(""), "Ghi chú"],
      ["", "", "", "", "", ...labels, ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, fraction(x), x.leaf ? EV : "", ...labels.map((_, i): Value => (x.self !== undefined && i <= filled ? (i === filled ? x.self : 0) : "")), ""]),
    ];
    const grid = sheetOf(rows, twoRowMerges(6 + labels.length, [[5, 4 + labels.length]]));
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.self).toBe(5 + filled);
    expect(scoreOf(grid).total).toBe(EXPECTED_TOTAL);
  });
});

describe("3. a description column before the figures", () => {
  const describe2 = (labels: [string, string], text: (x: Row) => string) => [
    ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", ...labels, "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
    ...ROWS.map((x) => [x.code, x.title, x.max, x.leaf ? text(x) : "", fraction(x), x.leaf ? EV : "", x.self ?? "", ""]),
  ];

  it.each<[string, string, string]>([
    ["Kết quả thực hiện", "Số liệu kê khai", "Đạt chỉ tiêu"],
    ["Tình hình thực hiện", "Số liệu", "Đã ban hành, triển khai đúng thời hạn"],
    ["Kết quả thực hiện", "Kết quả đạt được", "Đã thực hiện"],
  ])("'%s' (text) before '%s' (figures): the figures are the declared data", (a, b, text) => {
    const grid = sheetOf(describe2([a, b], () => text), []);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(4);
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
  });

  it("of two data columns neither labelled 'Số liệu', the figures first stay the data", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Kết quả đạt được", "Kết quả thực hiện", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ...ROWS.map((x) => [x.code, x.title, x.max, fraction(x), x.leaf ? "Đã thực hiện" : "", x.leaf ? EV : "", x.self ?? "", ""]),
    ];
    expect(findHeader(sheetOf(rows, []).sheets[0]!, 2024)?.columns.data).toBe(3);
  });

  it("'Kết quả thực hiện' merged over 'Có' | 'Không', then 'Số liệu kê khai'", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Kết quả thực hiện", "", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", "Có", "Không", "", "", "", ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, x.leaf && !x.counts ? "x" : "", "", fraction(x), x.leaf ? EV : "", x.self ?? "", ""]),
    ];
    const grid = sheetOf(rows, twoRowMerges(9, [[3, 4]]));
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(5);
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
  });
});

describe("4. 'STT' merged over a running number and the code", () => {
  const header: Value[] = ["STT", "", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];
  const body = (codeFirst: boolean): Value[][] =>
    ROWS.map((x, i) => [...(codeFirst ? [x.code, i + 1] : [i + 1, x.code]), x.title, x.max, fraction(x), x.leaf ? EV : "", x.self ?? "", ""]);

  it.each([
    ["running number first", false, 1],
    ["code first", true, 0],
  ])("%s: the running numbers are no level of the code", (_what, codeFirst, codeColumn) => {
    const grid = sheetOf([header, ...body(codeFirst)], [merge(TOP, 0, TOP, 1)]);
    const found = findHeader(grid.sheets[0]!, 2024);
    expect(found?.columns.code).toBe(codeColumn);
    expect(found?.codeColumns).toBeUndefined();
    const [table] = locateCriteriaTables(grid.sheets, 2024);
    expect(table!.rows.map((r) => r.code)).toEqual(ROWS.map((x) => x.code));
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
  });
});
