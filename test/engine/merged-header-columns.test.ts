/**
 * A header label merged over several columns names them all (red-team findings A–D): the
 * declared data split into "Số đạt" | "Tổng số" under "Số liệu kê khai", a code split over
 * narrow columns under one "TT", titles indented across the columns of "Tiêu chí", and
 * "Điểm tự đánh giá" over a remark column and a number column. Each grid is built here; the
 * expected scores come from the set's rules, not from the engine.
 */
import { describe, expect, it } from "vitest";
import { EV, EXPECTED_TOTAL, ROWS, TOP, demoSet, errorsOf, merge, sheetOf, type Value } from "./merged-header-helpers.ts";
import { findHeader, locateCriteriaTables, scoreWorkbook, type GridCell, type GridSheet, type Report } from "../../shared/index.ts";
import { splitFraction } from "../../shared/leaf-data.ts";

const scoreOf = (grid: { sheets: GridSheet[] }) => scoreWorkbook(grid, demoSet("merged-headers", "Bộ thử tiêu đề gộp ô (minh họa)"));

describe("A. declared data split into a numerator and a denominator column", () => {
  it("'Số liệu kê khai' merged over 'Số đạt' | 'Tổng số': the row's a/b", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", "Số đạt", "Tổng số", "", "", ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, x.counts?.[0] ?? "", x.counts?.[1] ?? "", x.leaf ? EV : "", x.self ?? "", ""]),
    ];
    const merges = [merge(TOP, 3, TOP, 4), ...[0, 1, 2, 5, 6, 7].map((c) => merge(TOP, c, TOP + 1, c))];
    const report = scoreOf(sheetOf(rows, merges));
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
    const item = report.items.find((i) => i.code === "1.1.2")!;
    expect(item).toMatchObject({ score: 1.5, percent: 90, numerator: 18, denominator: 20, dataCell: `TĐG!D${TOP + 6}` });
  });

  it("beside them a 'Tỷ lệ (%)' column left blank: computed from the two counts", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "", "", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", "Số đạt", "Tổng số", "Tỷ lệ (%)", "", "", ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, x.counts?.[0] ?? "", x.counts?.[1] ?? "", "", x.leaf ? EV : "", x.self ?? "", ""]),
    ];
    const merges = [merge(TOP, 3, TOP, 5), ...[0, 1, 2, 6, 7, 8].map((c) => merge(TOP, c, TOP + 1, c))];
    const report = scoreOf(sheetOf(rows, merges));
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
  });

  it("a filled rate still wins over the counts", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "", "", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", "Số đạt", "Tổng số", "Tỷ lệ (%)", "", "", ""],
      ...ROWS.map((x) => [x.code, x.title, x.max, x.counts?.[0] ?? "", x.counts?.[1] ?? "", x.counts ? { v: 1, z: "0%" } : "", x.leaf ? EV : "", x.self ?? "", ""]),
    ];
    const merges = [merge(TOP, 3, TOP, 5), ...[0, 1, 2, 6, 7, 8].map((c) => merge(TOP, c, TOP + 1, c))];
    const item = scoreOf(sheetOf(rows, merges)).items.find((i) => i.code === "1.1.2")!;
    expect(item).toMatchObject({ score: 3, percent: 100 });
  });

  it("columns headed 'Tử số' | 'Mẫu số' on a one-row header", () => {
    const rows: Value[][] = [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Tử số", "Mẫu số", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ...ROWS.map((x) => [x.code, x.title, x.max, x.counts?.[0] ?? "", x.counts?.[1] ?? "", x.leaf ? EV : "", x.self ?? "", ""]),
    ];
    const report = scoreOf(sheetOf(rows, []));
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
    expect(report.items.find((i) => i.code === "2.2.2")).toMatchObject({ percent: 98, numerator: 98, denominator: 100 });
  });

  it.each([
    ["a score ('Tổng số điểm')", ["Số đạt", "Tổng số điểm"]],
    ["beside data that is no numerator ('Số liệu kê khai' | 'Tổng số')", ["Số liệu kê khai", "Tổng số"]],
  ])("no denominator: %s", (_what, labels) => {
    const header = findHeader(sheetOf([["STT", "Tiêu chí", "Điểm tối đa", ...labels, "Điểm tự đánh giá"]], []).sheets[0]!);
    expect(header?.denominator).toBeUndefined();
    expect(header?.columns.data).toBe(3);
  });

  it.each<[string, GridCell | undefined, GridCell | undefined, GridCell | undefined]>([
    ["two counts", { v: 980 }, { v: 1000 }, { v: "980/1000" }],
    ["counts typed as text, thousands grouped", { v: "1.250" }, { v: "1.300 hồ sơ" }, { v: "1250/1300" }],
    ["nothing arose", { v: 0 }, { v: 0 }, { v: "0/0" }],
    ["a blank denominator: the numerator as typed (a count leaf's figure)", { v: 3 }, undefined, { v: 3 }],
    ["a percentage in the numerator column", { v: 0.98, z: "0%" }, { v: 1000 }, { v: 0.98, z: "0%" }],
    ["an error in the denominator", { v: 5 }, { err: "#DIV/0!" }, { err: "#DIV/0!" }],
  ])("the row's data from its two cells: %s", (_what, numerator, denominator, data) => {
    expect(splitFraction(numerator, denominator)).toEqual(data);
  });
});

/** The code split over columns A|B|C (field | criterion | sub-criterion), "TT" merged over them. */
function splitCodeRows(field: (n: string) => string, parts = 3): Value[][] {
  return ROWS.map((x) => {
    const p = x.code.split(".");
    const code: Value[] = parts === 3 ? [p.length === 1 ? field(p[0]!) : "", p.length === 2 ? p[1]! : "", p.length === 3 ? p[2]! : ""] : [p.length === 1 ? field(p[0]!) : "", p.length === 1 ? "" : p.slice(1).join(".")];
    return [...code, x.title, x.max, "", x.leaf ? EV : "", x.self ?? "", ""];
  });
}

const ROMAN = ["", "I", "II", "III"];
/** Without the counts of its ratio leaves, 1.1.2 and 2.2.2 lack data (DATA_MISSING): the codes are under test here. */
const withoutRatios = (r: Report) => errorsOf(r).filter((f) => !f.startsWith("DATA_MISSING"));

describe("B. a code split over narrow columns under one merged 'TT'", () => {
  const header = (n: number): Value[] => [n === 3 ? "TT" : "STT", ...Array<Value>(n - 1).fill(""), "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];

  it.each([
    ["field numbers", (n: string) => n],
    ["Roman field numbers", (n: string) => ROMAN[Number(n)]!],
  ])("%s | criterion | sub-criterion: each column a level of the code", (_what, field) => {
    const grid = sheetOf([header(3), ...splitCodeRows(field)], [merge(TOP, 0, TOP, 2)]);
    const [table] = locateCriteriaTables(grid.sheets, 2024);
    expect(table!.rows.map((r) => r.code)).toEqual(ROWS.map((x) => x.code));
    const report = scoreOf(grid);
    expect(withoutRatios(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL - 1.5 - 1);
  });

  it("one row with its full code typed in its own column keeps it; the rows after it keep their levels", () => {
    const rows = splitCodeRows((n) => n).map((row, i) => (ROWS[i]!.code === "1.1.2" ? ["", "", "1.1.2", ...row.slice(3)] : row));
    const [table] = locateCriteriaTables(sheetOf([header(3), ...rows], [merge(TOP, 0, TOP, 2)]).sheets, 2024);
    expect(table!.rows.map((r) => r.code)).toEqual(ROWS.map((x) => x.code));
  });

  it("Roman field in A, local codes ('1', '1.1') in B under a merged 'STT'", () => {
    const grid = sheetOf([header(2), ...splitCodeRows((n) => ROMAN[Number(n)]!, 2)], [merge(TOP, 0, TOP, 1)]);
    const [table] = locateCriteriaTables(grid.sheets, 2024);
    expect(table!.rows.map((r) => r.code)).toEqual(ROWS.map((x) => x.code));
    expect(withoutRatios(scoreOf(grid))).toEqual([]);
  });

  it("the first criteria row is not taken for a second header row under the merged label", () => {
    const header3 = findHeader(sheetOf([header(3), ...splitCodeRows((n) => n)], [merge(TOP, 0, TOP, 2)]).sheets[0]!);
    expect(header3).toMatchObject({ headerTop: TOP, headerBottom: TOP, columns: { code: 0, title: 3 }, codeColumns: [0, 1, 2] });
  });
});

describe("C. titles indented across the columns of a merged 'Tiêu chí'", () => {
  const indented = (withCode: boolean): { sheets: GridSheet[] } => {
    const o = withCode ? 1 : 0;
    const rows: Value[][] = [
      [...(withCode ? ["STT"] : []), "Tiêu chí, tiêu chí thành phần", "", "", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ...ROWS.map((x) => {
        const cols: Value[] = ["", "", ""];
        cols[x.code.split(".").length - 1] = withCode ? x.title : `${x.code}. ${x.title}`;
        return [...(withCode ? [x.code] : []), ...cols, x.max, x.counts ? `${x.counts[0]}/${x.counts[1]}` : "", x.leaf ? EV : "", x.self ?? "", ""];
      }),
    ];
    return sheetOf(rows, [merge(TOP, o, TOP, o + 2)]);
  };

  it("codes at the start of each title: a row's title is its first filled cell under the label", () => {
    const grid = indented(false);
    const [table] = locateCriteriaTables(grid.sheets, 2024);
    expect(table!.rows.map((r) => [r.code, r.title])).toEqual(ROWS.map((x) => [x.code, `${x.code}. ${x.title}`]));
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
  });

  it("beside a code column, the titles are read from the columns they stand in", () => {
    const [table] = locateCriteriaTables(indented(true).sheets, 2024);
    expect(table!.rows.map((r) => r.title)).toEqual(ROWS.map((x) => x.title));
    expect(scoreOf(indented(true)).total).toBe(EXPECTED_TOTAL);
  });
});

describe("D. 'Điểm tự đánh giá' merged over a remark column and a number column", () => {
  const rows = (remarkFirst: boolean): Value[][] => [
    ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "", "Ghi chú"],
    ...ROWS.map((x) => {
      const remark = x.leaf ? "Đạt" : "";
      const pair = remarkFirst ? [remark, x.self ?? ""] : [x.self ?? "", remark];
      return [x.code, x.title, x.max, x.counts ? `${x.counts[0]}/${x.counts[1]}` : "", x.leaf ? EV : "", ...pair, ""];
    }),
  ];

  it.each([
    ["remark first", true, 6],
    ["number first", false, 5],
  ])("%s: the self-score is the sub-column holding the numbers", (_what, remarkFirst, column) => {
    const grid = sheetOf(rows(remarkFirst), [merge(TOP, 5, TOP, 6)]);
    expect(findHeader(grid.sheets[0]!)?.columns.self).toBe(column);
    const report = scoreOf(grid);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
  });
});

describe("a broken grid gives findings, never an exception", () => {
  it("a code label merged far past the table, over columns that hold nothing", () => {
    const rows: Value[][] = [["TT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1", "Công tác chỉ đạo, điều hành", 6, ""]];
    const grid = sheetOf(rows, [merge(TOP, 0, TOP + 3, 0), merge(TOP + 40, 0, 1_048_575, 16_383)]);
    expect(() => scoreOf(grid)).not.toThrow();
  });
});
