import { describe, expect, it } from "vitest";
import { columnsTable, done, flat, notDone, readsDone, total, underGroup } from "./data-columns-helpers.ts";
import { demoSet, merge, TOP } from "./merged-header-helpers.ts";
import { findHeader, scoreWorkbook, type GridSheet } from "../../shared/index.ts";

/**
 * Two count columns as offices label them beside a ratio criterion, flat and under "Số liệu kê
 * khai" (03/12/2026). Before, flat, no column was the data (every ratio DATA_MISSING); under the
 * data label the first count was, and its bare 20 was read as 20 % — 0 points, nothing said.
 */
const SET = demoSet("count-pairs", "Bộ thử cặp cột đếm (minh họa)");
const DATA = "Số liệu kê khai";
type Cells = (x: Parameters<typeof total>[0]) => number | string;

describe("a count and the same count qualified, a count named against the plan, a part named without 'Số'", () => {
  const pairs: [string, string, Cells][] = [
    // A count and the same things qualified: the first is their total.
    ["Số xã", "Số xã đạt chuẩn", done],
    ["Số TTHC", "Số TTHC đã công bố", done],
    ["Số văn bản", "Số văn bản được ký số", done],
    ["Số hồ sơ", "Số hồ sơ trễ hạn", notDone],
    ["Số hồ sơ", "Số hồ sơ chưa số hóa", notDone],
    // A count "theo kế hoạch" with no word of the result is the plan; "cần" as "phải".
    ["Số cuộc kiểm tra theo kế hoạch", "Số cuộc đã kiểm tra", done],
    ["Số cuộc kiểm tra theo KH", "Số cuộc kiểm tra đã thực hiện", done],
    ["Cần thực hiện", "Đã thực hiện", done],
  ];
  it.each(pairs)("%s | %s, flat: the total and its part", (whole, part, cells) => readsDone(flat([whole, part], [total, cells]), 4));
  it.each(pairs)(`${DATA} over %s | %s: the total and its part`, (whole, part, cells) => readsDone(underGroup(DATA, [whole, part], [total, cells]), 4));

  it.each([
    ["Tổng số kiến nghị", "Đã giải quyết"],
    ["Tổng số thủ tục", "Thủ tục đã cung cấp trực tuyến toàn trình"],
    ["Tổng số hồ sơ", "Hồ sơ đúng hạn"],
    ["Tổng hồ sơ", "Đúng hạn"],
    ["Tổng số hồ sơ", "Đã giải quyết đúng hạn"],
    ["Tổng số văn bản", "Văn bản đã ký số"],
  ])("%s | %s, flat: the part after the total, as 'Số đã …' is read", (whole, part) => readsDone(flat([whole, part], [total, done]), 4));

  it("what was done against the plan is no plan: 'Số nhiệm vụ hoàn thành theo kế hoạch' beside what was assigned", () =>
    readsDone(flat(["Số nhiệm vụ được giao", "Số nhiệm vụ hoàn thành theo kế hoạch"], [total, done]), 4));

  it.each([
    ["Hồ sơ", "Tiếp nhận", "Đúng hạn"],
    ["Hồ sơ", "Đã tiếp nhận", "Đúng hạn"],
    ["Thủ tục hành chính", "Tổng số", "Trực tuyến toàn trình"],
    ["Văn bản", "Tổng số", "Ký số"],
  ])("%s over %s | %s: the group names what is counted, the total all of it, the column beside it the part", (group, whole, part) =>
    readsDone(underGroup(group, [whole, part], [total, done]), 4));

  it("flat, a total beside a label of no part ('Tổng số' | 'Trực tuyến toàn trình') is still not read: nothing says the second counts among the first", () => {
    expect(findHeader(flat(["Tổng số", "Trực tuyến toàn trình"], [total, done]).sheets[0]!, 2024)?.columns.data).toBeUndefined();
  });

  it("'Đã trả lại' after a total is no part done", () => {
    expect(findHeader(flat(["Tổng số hồ sơ", "Đã trả lại"], [total, notDone]).sheets[0]!, 2024)?.columns.data).toBeUndefined();
  });
});

describe("two counts whose whole the labels do not say: never a bare count read as a percentage", () => {
  const missing = (grid: { sheets: GridSheet[] }) => {
    const report = scoreWorkbook(grid, SET);
    for (const code of ["1.1.2", "2.2.2"]) {
      expect(report.items.find((i) => i.code === code)?.percent).toBeUndefined();
      expect(report.findings.some((f) => f.code === "DATA_MISSING" && f.criterion === code)).toBe(true);
    }
  };
  it.each([
    ["Số cán bộ", "Số được đào tạo"],
    ["Cán bộ", "Được đào tạo"],
    ["Số lượng", "Đạt"],
    ["Số cuộc họp", "Số cuộc có biên bản"],
  ])("%s | %s, flat and under the data label: each ratio row says its figure is missing", (a, b) => {
    missing(flat([a, b], [total, done]));
    missing(underGroup(DATA, [a, b], [total, done]));
  });

  it("a count column's own ratios are still read: 'Số lượng' holding 18/20", () => {
    const grid = flat(["Số lượng", "Ghi chú thêm"], [(x) => (x.counts ? `${x.counts[0]}/${x.counts[1]}` : ""), () => ""]);
    expect(scoreWorkbook(grid, SET).items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90 });
  });
});

describe("a total beside a group of its parts ('Tổng số' | 'Trong đó' over 'Đạt' | 'Không đạt')", () => {
  /** The total merged down over both header rows, the group merged across its two sub-columns. */
  const totalAndParts = (whole: string, group: string, subs: [string, string], cells: (done: number, all: number) => number[]) =>
    columnsTable([whole, group, ""], cells, ["", ...subs], [merge(TOP, 3, TOP + 1, 3), merge(TOP, 4, TOP, 5)]);
  it.each([
    ["Tổng số hồ sơ", "Trong đó", ["Đúng hạn", "Trễ hạn"], (d: number, a: number) => [a, d, a - d]],
    ["Tổng số hồ sơ", "Trong đó", ["Trễ hạn", "Đúng hạn"], (d: number, a: number) => [a, a - d, d]],
    ["Tổng số", "Trong đó", ["Đạt", "Không đạt"], (d: number, a: number) => [a, d, a - d]],
    ["Tổng số TTHC", "Trong đó", ["Mức độ toàn trình", "Một phần"], (d: number, a: number) => [a, d, a - d]],
    ["Tổng số hồ sơ tiếp nhận", "Kết quả giải quyết", ["Đúng hạn", "Quá hạn"], (d: number, a: number) => [a, d, a - d]],
  ] as const)("%s | %s over %j: the first part over the total", (whole, group, subs, cells) => {
    readsDone(totalAndParts(whole, group, [...subs], cells), 4);
  });
});

describe("a flat label of what was achieved beside a bare count of the things", () => {
  it.each([
    ["Số hồ sơ", "Số đạt"],
    ["Số TTHC", "Thực hiện"],
    ["Số văn bản", "Kết quả"],
    ["Số lượng", "Thực hiện"],
    ["Số hồ sơ", "Tử số"],
  ])("%s | %s, either order: the count is the whole (its 18 had been 18 %%)", (whole, part) => {
    readsDone(flat([whole, part], [total, done]), 4);
    readsDone(flat([part, whole], [done, total]), 3);
  });

  it("'Hồ sơ tiếp nhận' | 'Số đạt': a count the rules do not name the whole — the ratio rows say their figure is missing, never 18 %", () => {
    const report = scoreWorkbook(flat(["Hồ sơ tiếp nhận", "Số đạt"], [total, done]), SET);
    expect(report.items.find((i) => i.code === "1.1.2")?.percent).toBeUndefined();
    expect(report.findings.some((f) => f.code === "DATA_MISSING" && f.criterion === "1.1.2")).toBe(true);
  });
});

describe("a bare count or what was received, before the parts named by their state", () => {
  const threeColumns = (labels: [string, string, string], cells: (done: number, all: number) => number[]) => columnsTable(labels, cells);
  it.each([
    ["Số hồ sơ", "Đúng hạn", "Trễ hạn"],
    ["Số hồ sơ tiếp nhận", "Đúng hạn", "Trễ hạn"],
    ["Số hồ sơ tiếp nhận", "Đúng hạn", "Quá hạn"],
    ["Số hồ sơ", "Đã giải quyết", "Chưa giải quyết"],
    ["Số hồ sơ", "Hoàn thành", "Chưa hoàn thành"],
  ] as const)("%s | %s | %s: the first is the total (the rows had said their figure was missing)", (a, b, c) =>
    readsDone(threeColumns([a, b, c], (d, all) => [all, d, all - d]), 4));

  it("'Số hồ sơ' | 'Trễ hạn' | 'Đúng hạn': the late part is the rest of the total", () => readsDone(threeColumns(["Số hồ sơ", "Trễ hạn", "Đúng hạn"], (d, all) => [all, all - d, d]), 4));
});
