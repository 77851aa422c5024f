/**
 * Round 35's header columns (rt-wb35), mending round 33's: a self-score column another body
 * revised (WB35-1), an on-time count with no denominator beside it (WB35-3), an unmerged
 * "Điểm tự đánh giá" over "Lần 1 | Lần 2" (WB35-2, WB35-6), count columns in either order (WB35-5)
 * and SELF_COLUMNS_UNORDERED's wording (WB35-8).
 */
import { describe, expect, it } from "vitest";
import { findHeader, scoreWorkbook } from "../../shared/index.ts";
import { done, flat, readsDone, total } from "./data-columns-helpers.ts";
import { EV, ROWS, TOP, demoSet, errorsOf, merge, sheetOf, type Row, type Value } from "./merged-header-helpers.ts";

/** The first round's score (or the appraisers'): 1.2 at 1 of 2, the rest as the unit's final scores. */
const lowered = (x: Row): Value => (x.counts ? "" : x.code === "1.2" ? 1 : (x.self ?? ""));
const unitScore = (x: Row): Value => (x.counts ? "" : (x.self ?? ""));
const fraction = (x: Row): string => (x.counts ? `${x.counts[0]}/${x.counts[1]}` : "");
const set = () => demoSet("round35", "Bộ thử vòng 35 (minh họa)");

/** Flat labels F | G: the unit's own scores in `unitAt`, the lowered ones in the other. */
const twoSelf = (labels: [string, string], unitAt: 0 | 1) =>
  sheetOf(
    [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", ...labels, "Ghi chú"],
      ...ROWS.map((x) => [x.code, x.title, x.max, fraction(x), x.leaf ? EV : "", ...(unitAt === 0 ? [unitScore(x), lowered(x)] : [lowered(x), unitScore(x)]), ""]),
    ],
    [],
  );

describe("WB35-1: a self-score column another body revised is the appraisers', never the unit's final round", () => {
  const revisedByOthers = [
    "Điểm tự đánh giá (Phòng Nội vụ điều chỉnh)",
    "Điểm tự đánh giá (Sở Nội vụ đề nghị điều chỉnh)",
    "Điểm tự đánh giá sau khi Hội đồng thẩm định điều chỉnh",
    "Điểm tự đánh giá (UBND huyện điều chỉnh)",
    "Điểm tự đánh giá do Tổ thẩm định chỉnh sửa",
    "Điểm tự đánh giá (Sở điều chỉnh)",
    "Điểm tự đánh giá (Phòng điều chỉnh)",
    "Điểm tự đánh giá (Ủy ban nhân dân tỉnh cập nhật)",
  ];
  it.each(revisedByOthers.flatMap((l) => [[l, 0], [l, 1]] as [string, 0 | 1][]))("%s (unit's column at %i): the unit's column is scored", (label, unitAt) => {
    const grid = twoSelf(unitAt === 0 ? ["Điểm tự đánh giá", label] : [label, "Điểm tự đánh giá"], unitAt);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.self).toBe(5 + unitAt);
    const report = scoreWorkbook(grid, set());
    expect(report.items.find((i) => i.code === "1.2")?.score).toBe(2);
    expect(report.total).toBe(8.5);
  });
  it.each(["Điểm tự đánh giá (điều chỉnh)", "Điểm tự đánh giá (sau bổ sung)", "Điểm tự đánh giá sau giải trình", "Điểm tự đánh giá lần 2"])(
    "%s: the unit's own later round still wins",
    (label) => {
      const grid = twoSelf(["Điểm tự đánh giá", label], 1);
      expect(findHeader(grid.sheets[0]!, 2024)?.columns.self).toBe(6);
    },
  );
});

describe("WB35-3: an on-time count is read against its denominator, never alone as a percentage", () => {
  it.each([
    ["Số báo cáo đúng hạn", "Số báo cáo phải nộp"],
    ["Số văn bản đúng hạn", "Số văn bản phải ban hành"],
    ["Số văn bản ban hành đúng hạn", "Số văn bản ban hành"],
    ["Số hồ sơ đúng hạn", "Số hồ sơ"],
    ["Số TTHC đúng hạn", "Số TTHC"],
    ["Số hồ sơ giải quyết đúng hạn", "Số hồ sơ"],
  ])("%s | %s: 18 of 20", (a, b) => {
    const grid = flat([a, b], [done, total]);
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 3 }, denominator: 4 });
    readsDone(grid, 3);
  });
  it.each([
    ["Số văn bản phải ban hành", "Số văn bản ban hành đúng hạn"],
    ["Số báo cáo phải nộp", "Số báo cáo nộp đúng hạn"],
  ])("%s | %s (the whole first): 18 of 20", (a, b) => {
    const grid = flat([a, b], [total, done]);
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 4 }, denominator: 3 });
    readsDone(grid, 4);
  });
  it.each([
    ["Số hồ sơ giải quyết đúng hạn", "Số hồ sơ giải quyết trễ hạn"],
    ["Số văn bản ban hành đúng hạn", "Số văn bản ban hành trễ hạn"],
    ["Số báo cáo đúng hạn", "Ghi chú thêm"],
  ])("%s | %s: no denominator recognised — the count is never a percentage", (a, b) => {
    const grid = flat([a, b], [done, total]);
    const report = scoreWorkbook(grid, set());
    const ratio = report.items.find((i) => i.code === "1.1.2");
    expect(ratio?.percent).not.toBe(18);
    expect(report.findings.some((f) => f.severity === "error" && f.criterion === "1.1.2")).toBe(true);
  });
});

describe("WB35-2 / WB35-6: a group label typed in one cell gives its meaning to the sub-columns right of it, as a merge does", () => {
  /** STT, title, max merged down (or not); a group label in `at` only over two sub-labels. */
  const downMerges = (cols: number[], merged: boolean) => (merged ? cols.map((c) => merge(TOP, c, TOP + 1, c)) : []);
  it.each([
    ["Điểm tự đánh giá", ["Lần 1", "Lần 2"], false, false],
    ["Điểm tự đánh giá", ["Lần 1", "Lần 2"], true, false],
    ["Điểm tự đánh giá", ["Lần 1", "Lần 2 (sau rà soát)"], false, false],
    ["Điểm tự đánh giá", ["Lần 1", "Lần 2"], false, true],
    ["Điểm tự đánh giá", ["Đợt 1", "Đợt 2"], true, false],
  ] as [string, [string, string], boolean, boolean][])("%s over %j (others merged down %s, group merged %s): the later round", (group, rounds, others, merged) => {
    const grid = sheetOf(
      [
        ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", group, "", "Ghi chú"],
        ["", "", "", "", "", ...rounds, ""],
        ...ROWS.map((x) => [x.code, x.title, x.max, fraction(x), x.leaf ? EV : "", lowered(x), unitScore(x), ""]),
      ],
      [...downMerges([0, 1, 2, 3, 4, 7], others), ...(merged ? [merge(TOP, 5, TOP, 6)] : [])],
    );
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.self).toBe(6);
    const report = scoreWorkbook(grid, set());
    expect(report.items.find((i) => i.code === "1.2")?.score).toBe(2);
    expect(report.total).toBe(8.5);
  });
  it.each([false, true])("'Tự đánh giá' | 'Thẩm định' each typed in one cell over 'Số liệu | Điểm' (others merged down %s)", (others) => {
    const grid = sheetOf(
      [
        ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Tự đánh giá", "", "Thẩm định", "", "Tài liệu kiểm chứng", "Ghi chú"],
        ["", "", "", "Số liệu", "Điểm", "Số liệu", "Điểm", "", ""],
        ...ROWS.map((x) => [x.code, x.title, x.max, fraction(x), unitScore(x), "", lowered(x), x.leaf ? EV : "", ""]),
      ],
      downMerges([0, 1, 2, 7, 8], others),
    );
    expect(findHeader(grid.sheets[0]!, 2024)?.columns).toMatchObject({ data: 3, self: 4 });
    const report = scoreWorkbook(grid, set());
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(8.5);
  });
});

describe("WB35-1 / WB35-2: 'Điểm tự đánh giá' typed in one cell over 'Đơn vị | Phòng Nội vụ'", () => {
  it.each([false, true])("the unit's column is scored and nothing is said of two rounds (group merged %s)", (merged) => {
    const grid = sheetOf(
      [
        ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "", "Ghi chú"],
        ["", "", "", "", "", "Đơn vị", "Phòng Nội vụ", ""],
        ...ROWS.map((x) => [x.code, x.title, x.max, fraction(x), x.leaf ? EV : "", unitScore(x), lowered(x), ""]),
      ],
      [0, 1, 2, 3, 4, 7].map((c) => merge(TOP, c, TOP + 1, c)).concat(merged ? [merge(TOP, 5, TOP, 6)] : []),
    );
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.self).toBe(5);
    const report = scoreWorkbook(grid, set());
    expect(report.total).toBe(8.5);
    expect(report.findings.filter((f) => f.code === "SELF_COLUMNS_UNORDERED")).toEqual([]);
  });
});

describe("WB35-5: two count columns told apart by their qualifiers whatever their order", () => {
  it.each([
    ["Số lượng kế hoạch", "Số lượng thực hiện"],
    ["Số lượng được giao", "Số lượng hoàn thành"],
    ["Số lượng phải đạt", "Số lượng đạt"],
  ])("%s | %s (the whole first): 18 of 20", (a, b) => {
    const grid = flat([a, b], [total, done]);
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 4 }, denominator: 3 });
    readsDone(grid, 4);
  });
  it.each([
    ["Số lượng đạt", "Số lượng"],
    ["Số lượng thực hiện", "Số lượng"],
  ])("%s | %s (the bare head word the whole): 18 of 20", (a, b) => {
    const grid = flat([a, b], [done, total]);
    expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { data: 3 }, denominator: 4 });
    readsDone(grid, 3);
  });
});

describe("WB35-8: SELF_COLUMNS_UNORDERED quotes both labels and counts the leaf criteria that differ", () => {
  /** Field 1's subtotal written in both columns, 6 and 5: it differs only because leaf 1.2 does. */
  const withSubtotal = (labels: [string, string]) =>
    sheetOf(
      [
        ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", ...labels, "Ghi chú"],
        ...ROWS.map((x) => [x.code, x.title, x.max, fraction(x), x.leaf ? EV : "", x.code === "1" ? 6 : unitScore(x), x.code === "1" ? 5 : lowered(x), ""]),
      ],
      [],
    );
  const said = (labels: [string, string]) => scoreWorkbook(withSubtotal(labels), set()).findings.filter((f) => f.code === "SELF_COLUMNS_UNORDERED");
  it("labels that differ are quoted, never called the same; the count and the example are leaves (1.2, not field 1)", () => {
    const [f] = said(["Điểm tự đánh giá", "Điểm tự chấm"]);
    expect(f?.message).not.toContain("như nhau");
    expect(f?.message).toContain('cột F "Điểm tự đánh giá"');
    expect(f?.message).toContain('cột G "Điểm tự chấm"');
    expect(f?.message).toContain("khác nhau ở 1 tiêu chí (tiêu chí 1.2)");
    expect(f?.message).toContain("thẩm định");
  });
  it("the same label twice is still said to be the same", () => {
    const [f] = said(["Điểm tự đánh giá", "Điểm tự đánh giá"]);
    expect(f?.message).toContain("ghi tiêu đề như nhau");
    expect(f?.message).toContain("tiêu chí 1.2");
  });
});
