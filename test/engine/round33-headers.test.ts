/**
 * Round 33's header columns (rt-wb33): two self-score rounds labelled flat (WB33-1), two count
 * columns sharing a head word or naming the numerator "đúng hạn" (WB33-2, WB33-4), and a group
 * label over the self-score's sub-columns that is not merged (WB33-3).
 */
import { describe, expect, it } from "vitest";
import { findHeader, scoreWorkbook } from "../../shared/index.ts";
import { done, flat, readsDone, total } from "./data-columns-helpers.ts";
import { EV, ROWS, TOP, demoSet, errorsOf, merge, sheetOf, type Row, type Value } from "./merged-header-helpers.ts";

/** The first round's score: 1.2 at 1 of 2 (before the unit revised it), the rest as the final round. */
const firstRound = (x: Row): Value => (x.counts ? "" : x.code === "1.2" ? 1 : (x.self ?? ""));
const finalRound = (x: Row): Value => (x.counts ? "" : (x.self ?? ""));
const fraction = (x: Row): string => (x.counts ? `${x.counts[0]}/${x.counts[1]}` : "");

/** Flat labels: "Số liệu kê khai" | evidence | two self-score columns F | G, the earlier round in `earlier`. */
const twoRounds = (labels: [string, string], earlier: 0 | 1) =>
  sheetOf(
    [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", ...labels, "Ghi chú"],
      ...ROWS.map((x) => {
        const rounds = earlier === 0 ? [firstRound(x), finalRound(x)] : [finalRound(x), firstRound(x)];
        return [x.code, x.title, x.max, fraction(x), x.leaf ? EV : "", ...rounds, ""];
      }),
    ],
    [],
  );

describe("WB33-1: two self-score rounds labelled flat — the later round is scored", () => {
  it.each([
    [["Điểm tự đánh giá lần 1", "Điểm tự đánh giá lần 2"], 0],
    [["Điểm tự đánh giá lần 2", "Điểm tự đánh giá lần 1"], 1],
    [["Điểm tự đánh giá lần 1", "Điểm tự đánh giá"], 0],
    [["Điểm tự đánh giá", "Điểm tự đánh giá lần 1"], 1],
    [["Điểm tự đánh giá", "Điểm tự đánh giá (sau bổ sung)"], 0],
    [["Điểm tự đánh giá (sau bổ sung)", "Điểm tự đánh giá"], 1],
    [["Điểm tự đánh giá", "Điểm tự đánh giá (bổ sung)"], 0],
    [["Điểm tự đánh giá", "Điểm tự đánh giá (điều chỉnh)"], 0],
    [["Điểm tự đánh giá", "Điểm tự đánh giá (sau giải trình)"], 0],
    [["Điểm tự đánh giá đợt 1", "Điểm tự đánh giá đợt 2"], 0],
    [["Điểm tự đánh giá (lần 1)", "Điểm tự đánh giá (lần 2)"], 0],
    [["Điểm tự đánh giá (trước rà soát)", "Điểm tự đánh giá (sau rà soát)"], 0],
  ] as [[string, string], 0 | 1][])("%j: the later round is the self-score", (labels, earlier) => {
    const grid = twoRounds(labels, earlier);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.self).toBe(earlier === 0 ? 6 : 5);
    const report = scoreWorkbook(grid, demoSet("rounds", "Bộ thử hai lần tự đánh giá (minh họa)"));
    expect(report.items.find((i) => i.code === "1.2")?.score).toBe(2);
    expect(report.total).toBe(8.5);
  });
});

describe("WB33-1: two self-score columns nothing orders are said, never picked silently", () => {
  it("'Điểm tự đánh giá' twice, differing at 1.2: the first is scored and SELF_COLUMNS_UNORDERED names both", () => {
    const grid = twoRounds(["Điểm tự đánh giá", "Điểm tự đánh giá"], 1);
    const report = scoreWorkbook(grid, demoSet("rounds", "Bộ thử hai lần tự đánh giá (minh họa)"));
    expect(report.total).toBe(8.5);
    const said = report.findings.filter((f) => f.code === "SELF_COLUMNS_UNORDERED");
    expect(said).toMatchObject([{ severity: "warning", cell: `TĐG!G${TOP + 1}` }]);
    expect(said[0]!.message).toContain("cột F và cột G");
    expect(said[0]!.message).toContain("tiêu chí 1.2");
  });
  it("the same scores in both columns: nothing to say", () => {
    const grid = sheetOf(
      [
        ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Điểm tự đánh giá", "Ghi chú"],
        ...ROWS.map((x) => [x.code, x.title, x.max, fraction(x), x.leaf ? EV : "", finalRound(x), finalRound(x), ""]),
      ],
      [],
    );
    const report = scoreWorkbook(grid, demoSet("rounds", "Bộ thử hai lần tự đánh giá (minh họa)"));
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(8.5);
  });
});

describe("WB33-2 / WB33-4: the qualifier after a common head word, or the numerator's word, decides numerator | denominator", () => {
  it.each([
    ["Số lượng đạt", "Số lượng phải đạt"],
    ["Số lượng đã thực hiện", "Số lượng phải thực hiện"],
    ["Số lượng thực hiện", "Số lượng kế hoạch"],
    ["Số lượng hoàn thành", "Số lượng được giao"],
    ["Kết quả đạt được", "Chỉ tiêu giao"],
    ["Số liệu (tử số)", "Số liệu (mẫu số)"],
    ["Số hồ sơ đúng hạn", "Tổng số hồ sơ"],
    ["Số đúng hạn", "Tổng số"],
    ["Số đã giải quyết", "Tổng số tiếp nhận"],
    ["Số hồ sơ giải quyết đúng hạn", "Số hồ sơ đã giải quyết"],
    ["Số báo cáo đúng hạn", "Số báo cáo phải thực hiện"],
    ["Số hồ sơ đã giải quyết", "Số hồ sơ tiếp nhận"],
  ])("%s | %s: 18 of 20, not 18 %%", (a, b) => {
    const grid = flat([a, b], [done, total]);
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 3 }, denominator: 4 });
    readsDone(grid, 3);
  });
});

describe("WB33-3: a group label over the self-score's sub-columns, not merged", () => {
  /** "Kết quả tự đánh giá" typed in D only over "Số liệu kê khai" | "Điểm tự chấm"; the other labels merged down. */
  const grid = (group: string, merged: boolean) => {
    const others = [0, 1, 2, 5, 6].map((c) => merge(TOP, c, TOP + 1, c));
    return sheetOf(
      [
        ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", group, "", "Tài liệu kiểm chứng", "Ghi chú"],
        ["", "", "", "Số liệu kê khai", "Điểm tự chấm", "", ""],
        ...ROWS.map((x) => [x.code, x.title, x.max, fraction(x), finalRound(x), x.leaf ? EV : "", ""]),
      ],
      merged ? [...others, merge(TOP, 3, TOP, 4)] : others,
    );
  };
  it.each([
    ["Kết quả tự đánh giá", true],
    ["Kết quả tự đánh giá", false],
    ["Tự đánh giá", false],
    ["Điểm tự đánh giá", false],
  ] as [string, boolean][])("%s (merged %s): the second row's labels decide", (group, merged) => {
    const g = grid(group, merged);
    expect(findHeader(g.sheets[0]!, 2024)?.columns).toMatchObject({ data: 3, self: 4 });
    const report = scoreWorkbook(g, demoSet("group", "Bộ thử nhóm tiêu đề (minh họa)"));
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(8.5);
  });
});
