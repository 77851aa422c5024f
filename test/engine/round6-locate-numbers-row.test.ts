import { describe, expect, it } from "vitest";
import { findHeader, readTableRows } from "../../shared/locate-table.ts";
import type { GridSheet } from "../../shared/grid.ts";

/**
 * A row of column numbers that shows how a column is computed with a division ("1 | 2 | 3 |
 * 4=5/6"), found by an outside tester's sixth round: it was read as field 1, so the real field 1
 * was a DUPLICATE_CRITERION with a MAX_MISMATCH and a SUM_MISMATCH.
 */
const sheet = (rows: (string | number | null)[][]): GridSheet => ({ name: "S", rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges: [] });
const HEADER = ["STT", "Tiêu chí", "Điểm tối đa", "Tỷ lệ", "Số đạt", "Tổng số", "Điểm tự đánh giá"];

describe("a row of column numbers with a computation", () => {
  it.each([
    [["1", "2", "3", "4=5/6", "5", "6", "7"]],
    [["(1)", "(2)", "(3)", "(4)=(5)/(6)", "(5)", "(6)", "(7)"]],
    [["1", "2", "3", "4 = 5 : 6", "5", "6", "7"]],
    [["1", "2", "3", "4=5×6", "5", "6", "7"]],
    [["(1)", "(2)", "(3)", "(4)=(5)/(6)x100%", "(5)", "(6)", "(7)"]],
  ])("%j is no criterion", (numbers) => {
    const s = sheet([HEADER, numbers, ["1", "Chỉ đạo", 2, null, null, null, 2], ["1.1", "Kế hoạch", 2, "90%", 9, 10, 2]]);
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code)).toEqual(["1", "1.1"]);
  });
});
