import { describe, expect, it } from "vitest";
import { scoreWorkbook, type GridCell } from "../../shared/index.ts";
import { codes, COLUMNS, EV, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * A best-of criterion scored once in a cell merged down over its row and its alternatives'
 * (E3:E5 holding 2): Excel shows 2 on every row, and it was read as no score (0, SCORE_BLANK
 * inside the merged cell; tenth red-team round).
 */
const set = setOf([
  { code: "1.1", title: "Kế hoạch", max: 1 },
  { code: "1.2", title: "Đối thoại với người dân", max: 2, combine: "best", children: [{ code: "1.2.1", title: "Chủ tịch đối thoại", max: 2 }, { code: "1.2.2", title: "Phó Chủ tịch đối thoại", max: 1 }] },
]);
const cell = (v: Cell): GridCell | null => (v === null || v === undefined ? null : typeof v === "object" ? v : { v });
const grid = (typed: number, mergeFrom = 3) => ({
  sheets: [
    {
      name: "Biểu",
      rows: [COLUMNS, ["1", "Lĩnh vực 1", 3], ["1.1", "Kế hoạch", 1, null, 1, EV], ["1.2", "Đối thoại", 2, null, typed, EV], ["1.2.1", "Chủ tịch đối thoại", 2], ["1.2.2", "Phó Chủ tịch đối thoại", 1]].map((r) => (r as Cell[]).map(cell)),
      merges: [{ s: { r: mergeFrom, c: 4 }, e: { r: 5, c: 4 } }, { s: { r: 3, c: 5 }, e: { r: 5, c: 5 } }],
    },
  ],
});

describe("a best-of score merged over the criterion and its alternatives", () => {
  it.each([
    [2, 2, "1.2.1"],
    [1, 1, "1.2.1"],
  ])("%d typed once is the criterion's score, the first alternative that can hold it scored", (typed, total, holder) => {
    const report = scoreWorkbook(grid(typed), set);
    expect(codes(report)).toEqual([]);
    expect(scores(report)[holder]).toBe(total);
    expect(report.items.find((i) => i.code === holder)?.cell).toBe("Biểu!E4");
    expect(report.total).toBe(1 + total);
  });

  it("a score no alternative can hold is not given to one", () => {
    expect(codes(scoreWorkbook(grid(3), set))).toContain("SCORE_BLANK 1.2.1 Biểu!E5");
  });
});
