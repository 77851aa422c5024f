import { describe, expect, it } from "vitest";
import { columnsTable, readsDone } from "./data-columns-helpers.ts";
import { demoSet, errorsOf, merge, TOP } from "./merged-header-helpers.ts";
import { explainLostPoints, findHeader, scoreWorkbook } from "../../shared/index.ts";

/**
 * The one-stop report's columns (Thông tư 01/2018/TT-VPCP): what was resolved, "Tổng số" |
 * "Trả trước hạn" | "Trả đúng thời hạn" | "Trả quá hạn". On time is early and on the day
 * together, 8 + 10 of 20 for 1.1.2 (03/12/2026). Before, flat, no column was the data (every
 * ratio DATA_MISSING); under a group label whose total names it ("Tổng số hồ sơ đã giải quyết"),
 * the early column was the part done: 8 of 20, 40 %, 0 points, nothing said.
 */
const SET = demoSet("early-on-time", "Bộ thử cột trước hạn (minh họa)");
const EARLY = 8;
/** Total, early, on the day, late for a ratio row with `done` of `all` on time. */
const fourCells = (done: number, all: number) => [all, EARLY, done - EARLY, all - done];
const RESOLVED = "Số hồ sơ đã giải quyết";
const group = merge(TOP, 3, TOP, 6);

describe("on time is what was done early and what was done on the day, added", () => {
  const labelSets: string[][] = [
    ["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"],
    ["Tổng số", "Trả trước hạn", "Trả đúng thời hạn", "Trả quá hạn"],
    ["Tổng số hồ sơ đã giải quyết", "Trả trước hạn", "Trả đúng thời hạn", "Trả quá hạn"],
    ["Tổng số hồ sơ", "Số hồ sơ trước hạn", "Số hồ sơ đúng hạn", "Số hồ sơ quá hạn"],
    ["Tổng số", "Sớm hạn", "Đúng hạn", "Trễ hạn"],
    ["Tổng số", "Trước hẹn", "Đúng hẹn", "Trễ hẹn"],
    ["Tổng số", "Trước thời hạn", "Đúng thời hạn", "Quá thời hạn"],
  ];
  it.each(labelSets)("flat %s | %s | %s | %s", (...labels) => readsDone(columnsTable(labels, fourCells), 5));
  it.each(labelSets)(`${RESOLVED} over %s | %s | %s | %s`, (...labels) => readsDone(columnsTable([RESOLVED, "", "", ""], fourCells, labels, [group]), 5));

  it("without a late column, and early after on time as well", () => {
    readsDone(columnsTable(["Tổng số", "Trước hạn", "Đúng hạn"], (d, a) => [a, EARLY, d - EARLY]), 5);
    const reversed = columnsTable(["Tổng số", "Đúng hạn", "Trước hạn", "Quá hạn"], (d, a) => [a, d - EARLY, EARLY, a - d]);
    readsDone(reversed, 4);
    expect(findHeader(reversed.sheets[0]!, 2024)).toMatchObject({ denominator: 3, dataEarly: 5 });
  });

  it("beside what was handled, labelled so ('Số hồ sơ đã giải quyết' | 'Số … trước hạn' | 'Số … đúng hạn')", () =>
    readsDone(columnsTable(["Số hồ sơ đã giải quyết", "Số hồ sơ giải quyết trước hạn", "Số hồ sơ giải quyết đúng hạn"], (d, a) => [a, EARLY, d - EARLY]), 5));

  it.each([
    [["Số hồ sơ đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn"], fourCells, 5],
    [["Số hồ sơ đã giải quyết", "Đúng hạn"], (d: number, a: number) => [a, d], 4],
    [["Số hồ sơ đã giải quyết", "Đúng hạn", "Quá hạn"], (d: number, a: number) => [a, d, a - d], 4],
    [["Số đã xử lý", "Đúng hạn"], (d: number, a: number) => [a, d], 4],
  ] as const)("without 'Tổng số': %j, on time of what was resolved", (labels, cells, column) => readsDone(columnsTable([...labels], cells), column));

  it("a count of what is not yet resolved is no whole of what was on time", () => {
    expect(findHeader(columnsTable(["Số hồ sơ chưa giải quyết", "Đúng hạn"], (d, a) => [a, d]).sheets[0]!, 2024)?.columns.data).toBeUndefined();
  });

  it("what was received before the group is not the whole: on time of what was resolved", () => {
    const sheet = columnsTable(["Số hồ sơ tiếp nhận", RESOLVED, "", "", ""], (d, a) => [a + 5, ...fourCells(d, a)], ["", "Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"], [merge(TOP, 4, TOP, 7), merge(TOP, 3, TOP + 1, 3)]);
    readsDone(sheet, 6);
    expect(findHeader(sheet.sheets[0]!, 2024)).toMatchObject({ denominator: 4, dataEarly: 5 });
  });

  it("a blank in either column counts none: nothing early, or everything early", () => {
    readsDone(columnsTable(["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"], (d, a) => (d === 18 ? [a, "", d, a - d] : fourCells(d, a))), 5);
    readsDone(columnsTable(["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"], (d, a) => (d === 18 ? [a, d, "", a - d] : fourCells(d, a))), 5);
  });

  it("an error in the early column is the row's finding, never the on-time count alone", () => {
    const sheet = columnsTable(["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"], (d, a) => (d === 18 ? [a, { f: "B9/0", err: "#DIV/0!" }, d - EARLY, a - d] : fourCells(d, a)));
    const report = scoreWorkbook(sheet, SET);
    expect(errorsOf(report).filter((e) => e.startsWith("FORMULA_ERROR"))).toEqual([expect.stringMatching(/^FORMULA_ERROR 1\.1\.2 /)]);
    expect(report.items.find((i) => i.code === "1.1.2")?.score).toBe(0);
  });

  it("'Không trước hạn' is not what was done early", () => {
    const sheet = columnsTable(["Tổng số", "Không trước hạn", "Đúng hạn"], (d, a) => [a, EARLY, d - EARLY]);
    expect(findHeader(sheet.sheets[0]!, 2024)?.dataEarly).toBeUndefined();
  });
});

describe("the explanation names both cells", () => {
  it("the on-time cell and the early one, in Vietnamese and in English; the report keeps the early cell", () => {
    const sheet = columnsTable(["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"], (d, a) => (d === 18 ? [a, EARLY, 9, a - 17] : fourCells(d, a)));
    const report = scoreWorkbook(sheet, SET);
    const item = report.items.find((i) => i.code === "1.1.2")!;
    expect(item).toMatchObject({ numerator: 17, denominator: 20, dataCell: expect.stringMatching(/!F\d+$/), dataEarlyCell: expect.stringMatching(/!E\d+$/) });
    const said = (locale: "vi" | "en") => explainLostPoints(report, SET, locale).find((e) => e.code === "1.1.2")!.reasons.join(" ");
    expect(said("vi")).toContain(`17/20 (85 %) (đúng hạn ở ô ${item.dataCell} cộng trước hạn ở ô ${item.dataEarlyCell})`);
    expect(said("en")).toContain(`17/20 (85 %) (on time in cell ${item.dataCell} plus early in cell ${item.dataEarlyCell})`);
  });

  it("no early cell where the row's early count is blank", () => {
    const sheet = columnsTable(["Tổng số", "Trước hạn", "Đúng hạn", "Quá hạn"], (d, a) => (d === 18 ? [a, "", d, a - d] : fourCells(d, a)));
    expect(scoreWorkbook(sheet, SET).items.find((i) => i.code === "1.1.2")?.dataEarlyCell).toBeUndefined();
  });
});

describe("a table of what was received, resolved and resolved on time: each criterion reads the rate it asks for", () => {
  // 1.1.2 "Tỷ lệ hoàn thành nhiệm vụ": 20 resolved of 25 received. 2.2.2 "Tỷ lệ hồ sơ đúng hạn":
  // 40 early + 58 on the day of 100 resolved (130 received: read as resolved of received, 76,92 %, 0 points).
  const received = (d: number, a: number) => (a === 20 ? 25 : 130);
  const cases: [string, string[], (d: number, a: number) => (number | string)[]][] = [
    ["with the early count", ["Số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết", "Trước hạn", "Đúng hạn", "Quá hạn"], (d, a) => (a === 20 ? [25, 20, 8, 10, 2] : [received(d, a), a, 40, d - 40, a - d])],
    ["without it", ["Số hồ sơ tiếp nhận", "Số hồ sơ đã giải quyết", "Đúng hạn", "Quá hạn"], (d, a) => (a === 20 ? [25, 20, 18, 2] : [received(d, a), a, d, a - d])],
    ["'Tổng số hồ sơ' | 'Đã giải quyết' | 'Đúng hạn'", ["Tổng số hồ sơ", "Đã giải quyết", "Đúng hạn", "Trễ hạn"], (d, a) => (a === 20 ? [25, 20, 18, 2] : [received(d, a), a, d, a - d])],
  ];
  it.each(cases)("%s", (_, labels, cells) => {
    const report = scoreWorkbook(columnsTable(labels, cells), SET);
    expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ numerator: 20, denominator: 25, percent: 80 });
    expect(report.items.find((i) => i.code === "2.2.2")).toMatchObject({ numerator: 98, denominator: 100, percent: 98, score: 1 });
  });

  it("beside a share of what was resolved ('Đã giải quyết' | 'Tỷ lệ (%)' | 'Đúng hạn' | 'Tỷ lệ (%)'): that share is the completion criterion's, never the on-time one's", () => {
    const share = (a: number, b: number) => Math.round((a / b) * 10000) / 100;
    const sheet = columnsTable(["Tổng số", "Đã giải quyết", "Tỷ lệ (%)", "Đúng hạn", "Tỷ lệ (%)"], (d, a) => {
      const all = received(d, a);
      return a === 20 ? [25, 20, 80, 18, 90] : [all, a, share(a, all), d, share(d, a)];
    });
    const report = scoreWorkbook(sheet, SET);
    // 1.1.2 reads the rate column (80 %); 2.2.2 its counts, 98/100, not 76,92 % resolved of received.
    expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ percent: 80 });
    expect(report.items.find((i) => i.code === "2.2.2")).toMatchObject({ numerator: 98, denominator: 100, percent: 98, score: 1 });
  });

  it.each(["Trước và đúng hạn", "Đúng và trước hạn", "Đúng hạn và trước hạn"])("'%s' is on time, early with it: one column, read as it is", (label) =>
    readsDone(columnsTable(["Tổng số", label, "Quá hạn"], (d, a) => [a, d, a - d]), 4));

  it("the explanation of the on-time criterion names its own cells", () => {
    const [, labels, cells] = cases[0]!;
    const report = scoreWorkbook(columnsTable(labels, cells), SET);
    const item = report.items.find((i) => i.code === "2.2.2")!;
    expect([item.dataCell, item.dataEarlyCell]).toEqual([expect.stringMatching(/!G\d+$/), expect.stringMatching(/!F\d+$/)]);
  });
});

describe("the national portal's statistics: a share after each count", () => {
  const share = (a: number, b: number) => Math.round((a / b) * 10000) / 100;
  const SHARES = (d: number, a: number) => [a, EARLY, share(EARLY, a), d - EARLY, share(d - EARLY, a), a - d, share(a - d, a)];
  it.each([
    [["Tổng số hồ sơ", "Trước hạn", "Tỷ lệ (%)", "Đúng hạn", "Tỷ lệ (%)", "Trễ hạn", "Tỷ lệ (%)"]],
    [["Tổng số hồ sơ", "Trước hạn", "%", "Đúng hạn", "%", "Trễ hạn", "%"]],
    [["Tổng số", "Trả trước hạn", "Tỷ lệ", "Trả đúng hạn", "Tỷ lệ", "Trả quá hạn", "Tỷ lệ"]],
  ])("flat %j: the early share (40 %, 0 points, nothing said) is no rate; the counts are read", (labels) => {
    const sheet = columnsTable(labels, SHARES);
    readsDone(sheet, 6);
    expect(findHeader(sheet.sheets[0]!, 2024)).toMatchObject({ denominator: 3, dataEarly: 4 });
    expect(findHeader(sheet.sheets[0]!, 2024)?.columns.rate).toBeUndefined();
  });

  it("under a label each, 'Số lượng' | 'Tỷ lệ (%)': the count under 'Trước hạn' is added to the one under 'Đúng hạn'", () => {
    const groups = [merge(TOP, 4, TOP, 5), merge(TOP, 6, TOP, 7), merge(TOP, 8, TOP, 9), merge(TOP, 3, TOP + 1, 3)];
    const sub = ["", "Số lượng", "Tỷ lệ (%)", "Số lượng", "Tỷ lệ (%)", "Số lượng", "Tỷ lệ (%)"];
    const sheet = columnsTable(["Tổng số hồ sơ", "Trước hạn", "", "Đúng hạn", "", "Trễ hạn", ""], SHARES, sub, groups);
    readsDone(sheet, 6);
    expect(findHeader(sheet.sheets[0]!, 2024)).toMatchObject({ denominator: 3, dataEarly: 4 });
  });

  it("the share of what was on time, where nothing early is counted, is still the rate", () => {
    const sheet = columnsTable(["Tổng số hồ sơ", "Đúng hạn", "Tỷ lệ (%)"], (d, a) => [a, d, share(d, a)]);
    expect(findHeader(sheet.sheets[0]!, 2024)?.columns.rate).toBe(5);
    readsResultOf(sheet);
  });
});

/** 1.1.2 at 90 %, 2.2.2 at 98 %, whichever column they came from. */
function readsResultOf(sheet: ReturnType<typeof columnsTable>) {
  const report = scoreWorkbook(sheet, SET);
  expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ percent: 90, score: 1.5 });
  expect(report.items.find((i) => i.code === "2.2.2")).toMatchObject({ percent: 98, score: 1 });
}

describe("a total written after its parts", () => {
  const share = (a: number, b: number) => Math.round((a / b) * 10000) / 100;
  it.each([
    [["Trước hạn", "Đúng hạn", "Trễ hạn", "Tổng số"], (d: number, a: number) => [EARLY, d - EARLY, a - d, a], 4],
    [["Đúng hạn", "Quá hạn", "Tổng số hồ sơ"], (d: number, a: number) => [d, a - d, a], 3],
    [["Trước hạn", "Tỷ lệ (%)", "Đúng hạn", "Tỷ lệ (%)", "Trễ hạn", "Tỷ lệ (%)", "Tổng số"], (d: number, a: number) => [EARLY, share(EARLY, a), d - EARLY, share(d - EARLY, a), a - d, share(a - d, a), a], 5],
  ] as const)("%j: the on-time count (the early one added) of the total after them", (labels, cells, column) => readsDone(columnsTable([...labels], cells), column));

  // A count of what was handled in the total's place: no column had been the data (every ratio DATA_MISSING).
  it.each([
    [["Trước hạn", "Đúng hạn", "Trễ hạn", "Số hồ sơ đã giải quyết"], (d: number, a: number) => [EARLY, d - EARLY, a - d, a], 4],
    [["Đúng hạn", "Trễ hạn", "Số hồ sơ giải quyết"], (d: number, a: number) => [d, a - d, a], 3],
    [["Đúng hạn", "Đã giải quyết"], (d: number, a: number) => [d, a], 3],
  ] as const)("%j: the on-time count of what was handled, written after it", (labels, cells, column) => {
    const sheet = columnsTable([...labels], cells);
    readsDone(sheet, column);
    expect(findHeader(sheet.sheets[0]!, 2024)?.denominator).toBe(2 + labels.length);
  });
  it("with each count's share after it, the on-time share is the rate: 90 % and 98 %", () => {
    readsResultOf(columnsTable(["Trả đúng hạn", "Tỷ lệ (%)", "Trả quá hạn", "Tỷ lệ (%)", "Hồ sơ đã giải quyết"], (d, a) => [d, share(d, a), a - d, share(a - d, a), a]));
  });

  it("a count of other things between them leaves the total unread: 'Đúng hạn' | 'Số văn bản' | 'Tổng số'", () => {
    expect(findHeader(columnsTable(["Đúng hạn", "Số văn bản", "Tổng số"], (d, a) => [d, 3, a]).sheets[0]!, 2024)?.denominator).toBeUndefined();
    // (… or the handled count: the on-time count is not read over it past the other things.)
    expect(findHeader(columnsTable(["Đúng hạn", "Số văn bản", "Số hồ sơ đã giải quyết"], (d, a) => [d, 3, a]).sheets[0]!, 2024)?.columns.data).not.toBe(3);
  });
});
