import { describe, expect, it } from "vitest";
import { scoreWorkbook, spansOf, type Grid, type GridSheet } from "../../shared/index.ts";
import { codes, EV, scores, setOf, table, type Cell } from "./v2-helpers.ts";

/**
 * A visible "STT" counting the rows (1, 2, 3 …) beside a "Mã tiêu chí" column the office hid (a
 * lookup key, black-box audit A2-1): the codes are the hidden column's. A visible column beats a
 * hidden one of the same kind, but a running count holds no codes (it had scored 0 of 100).
 */
const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch", max: 1 },
  { code: "1.2", title: "Báo cáo định kỳ", max: 2 },
  { code: "1.3", title: "Tuyên truyền cải cách hành chính", max: 2 },
]);

const HEADER = ["STT", "Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"];
const rows = (codesOf: (i: number, code: string) => [Cell, Cell]): Cell[][] =>
  [["1", "Lĩnh vực 1", 5, null, null], ["1.1", "Ban hành kế hoạch", 1, 1, EV], ["1.2", "Báo cáo định kỳ", 2, 2, EV], ["1.3", "Tuyên truyền cải cách hành chính", 2, 1.5, EV]].map(
    ([code, ...rest], i) => [...codesOf(i, code as string), ...rest] as Cell[],
  );

function hiding(grid: Grid, columns: number[]): Grid {
  const [sheet] = grid.sheets as GridSheet[];
  return { sheets: [{ ...sheet!, hiddenColumns: spansOf(columns) }] };
}

describe("a hidden code column beside a visible running count", () => {
  it("gives the codes", () => {
    const report = scoreWorkbook(hiding(table(HEADER, rows((i, code) => [i + 1, code])), [1]), set);
    expect(scores(report)).toEqual({ "1.1": 1, "1.2": 2, "1.3": 1.5 });
    expect(codes(report)).toEqual([]);
  });

  it("with the count after it, the same", () => {
    const header = ["Mã tiêu chí", "STT", ...HEADER.slice(2)];
    const report = scoreWorkbook(hiding(table(header, rows((i, code) => [code, i + 1])), [0]), set);
    expect(scores(report)).toEqual({ "1.1": 1, "1.2": 2, "1.3": 1.5 });
  });

  it("a visible STT holding the codes still beats a hidden code column (last year's)", () => {
    const report = scoreWorkbook(hiding(table(HEADER, rows((_, code) => [code, `${code}.9`])), [1]), set);
    expect(scores(report)).toEqual({ "1.1": 1, "1.2": 2, "1.3": 1.5 });
    expect(codes(report)).toEqual([]);
  });
});

describe("a hidden code column that is no better than what the titles say (A9-1)", () => {
  const titled = (hidden: (code: string) => string): Cell[][] =>
    [["1", "Lĩnh vực 1", 5, null, null], ["1.1", "Ban hành kế hoạch", 1, 1, EV], ["1.2", "Báo cáo định kỳ", 2, 2, EV], ["1.3", "Tuyên truyền cải cách hành chính", 2, 1.5, EV]].map(
      ([code, title, ...rest], i) => [i + 1, hidden(code as string), `${code as string}. ${title as string}`, ...rest] as Cell[],
    );

  it.each([["lookup keys", (code: string) => `TC0${code.replace(/\./g, "")}`], ["last year's codes", (code: string) => `${code}.9`]])("%s beside codes in the titles: the titles' codes", (_, hidden) => {
    const report = scoreWorkbook(hiding(table(HEADER, titled(hidden)), [1]), set);
    expect(scores(report)).toEqual({ "1.1": 1, "1.2": 2, "1.3": 1.5 });
  });
});
