/**
 * A rate column may give the share not done or late rather than the rate asked for: a one-stop
 * shop's report writes "Tỷ lệ trễ hạn (%)" beside its totals, a plan's "Tỷ lệ chưa hoàn thành".
 * Its 2 had been read as 2 % on time (0 points, nothing said); a plain figure there is now the
 * rest of the rate — 98 % —, while a sentence in it is read by its own words, and a criterion
 * whose title asks for the late cases themselves ("… trễ hạn có văn bản xin lỗi") reads it as
 * written. A not-done count labelled by a list of two things ("Số phản ánh, kiến nghị chưa xử
 * lý") had lost its state at the comma; "tồn đọng" in a sentence is the part not done.
 */
import { describe, expect, it } from "vitest";
import { done, flat, notDone, readsDone, total, underGroup } from "./data-columns-helpers.ts";
import { EXPECTED_TOTAL, demoSet, errorsOf, type Row } from "./merged-header-helpers.ts";
import { explainLostPoints, findHeader, scoreWorkbook, type GridSheet } from "../../shared/index.ts";
import { codes, EV, score, setOf, type Cell } from "./v2-helpers.ts";

const BANDS = [{ min: 100, points: 10 }, { above: 95, points: 8 }, { min: 90, points: 5 }, { min: 0, points: 0 }];
const ON_TIME = "Tỷ lệ hồ sơ giải quyết đúng hạn";
const HEAD = ["STT", "Tiêu chí", "Điểm tối đa"];

/** 1.3 titled `title`, its rate in a column labelled `label`: its score, percent and findings. */
function rateRead(title: string, label: string, value: Cell) {
  const set = setOf([{ code: "1.3", title, max: 10, rule: { kind: "ratio", bands: BANDS } }]);
  const report = score(set, [["1.3", title, 10, value, EV]], {}, [...HEAD, label, "Tài liệu kiểm chứng"]);
  const item = report.items.find((i) => i.code === "1.3")!;
  return { score: item.score, percent: item.percent, findings: codes(report) };
}

/** The rate column found, the report without errors, 1.1.2 read as 90 % (2 of 20 late) and 2.2.2 as 98 %. */
function readsRest(grid: { sheets: GridSheet[] }, column: number) {
  expect(findHeader(grid.sheets[0]!, 2024)).toMatchObject({ columns: { rate: column }, rateNotDone: true });
  const report = scoreWorkbook(grid, demoSet("rate-columns", "Bộ thử cột tỷ lệ (minh họa)"));
  expect(errorsOf(report)).toEqual([]);
  expect(report.total).toBe(EXPECTED_TOTAL);
  expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90 });
  expect(report.items.find((i) => i.code === "2.2.2")).toMatchObject({ score: 1, percent: 98 });
}

/** The late share of a row's counts, as a number of percent (2 of 20 late: 10). */
const lateShare = (x: Row) => (x.counts ? Math.round((1 - x.counts[0] / x.counts[1]) * 10000) / 100 : "");
/** The same written as text with a decimal comma ("10%", "2%"). */
const lateShareText = (x: Row) => (x.counts ? `${String(lateShare(x)).replace(".", ",")}%` : "");

describe("a rate column of the late or undone share is the rest of the rate", () => {
  it.each<[string, Cell, number]>([
    ["Tỷ lệ trễ hạn (%)", 2, 98],
    ["Tỷ lệ trễ hạn (%)", { v: 0.02, z: "0%" }, 98],
    ["Tỷ lệ trễ hạn", "0,5%", 99.5],
    ["Tỷ lệ hồ sơ quá hạn", "2/300", 99.3333333333],
    ["Tỷ lệ hồ sơ trễ hẹn (%)", 2, 98],
    ["Tỷ lệ hồ sơ giải quyết chậm (%)", 2, 98],
    ["Tỷ lệ trễ hạn (%)", 0, 100],
    // All of them late: 0 %, as the column says.
    ["Tỷ lệ trễ hạn (%)", 100, 0],
  ])("'%s' holding %j is %d per cent on time", (label, value, percent) => {
    expect(rateRead(ON_TIME, label, value)).toMatchObject({ percent, findings: [] });
  });

  it("a sentence in it is read by its own words, turned once", () => {
    expect(rateRead(ON_TIME, "Tỷ lệ trễ hạn (%)", "Trễ hạn 2/300 hồ sơ")).toMatchObject({ score: 8, percent: 99.3333333333, findings: [] });
  });

  it("more than the whole is no share: said, never scored", () => {
    expect(rateRead(ON_TIME, "Tỷ lệ trễ hạn (%)", "301/300")).toMatchObject({ score: 0, findings: ["DATA_MISSING 1.3 Biểu!D2"] });
  });

  it.each<[string, string, Cell]>([
    ["Tỷ lệ nhiệm vụ hoàn thành", "Tỷ lệ chưa hoàn thành", "5%"],
    ["Tỷ lệ nhiệm vụ hoàn thành", "Tỷ lệ không hoàn thành (%)", 5],
    ["Tỷ lệ TTHC được công khai", "Tỷ lệ TTHC chưa công khai", "5%"],
  ])("on '%s', '%s' holding %j is 95 per cent", (title, label, value) => {
    expect(rateRead(title, label, value)).toMatchObject({ score: 5, percent: 95, findings: [] });
  });

  it.each<[string, string, Cell, number]>([
    [ON_TIME, "Tỷ lệ đúng hạn (%)", 98, 98],
    [ON_TIME, "Tỷ lệ (%)", 98, 98],
    [ON_TIME, "Tỷ lệ đạt, không tính trễ hạn", 98, 98],
    ["Tỷ lệ nhiệm vụ hoàn thành", "Tỷ lệ hoàn thành (%)", "95%", 95],
    // The title asks for what was done about the late ones: the column's share is that.
    ["Tỷ lệ hồ sơ trễ hạn được xin lỗi", "Tỷ lệ trễ hạn đã xin lỗi (%)", 100, 100],
    ["Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi", "Tỷ lệ trễ hạn (%)", 100, 100],
  ])("as written: on '%s', '%s' holding %j", (title, label, value, percent) => {
    expect(rateRead(title, label, value)).toMatchObject({ percent, findings: [] });
  });

  it("beside a total, whatever form the late share is written in", () => {
    readsRest(flat(["Số hồ sơ", "Tỷ lệ trễ hạn (%)"], [total, lateShare]), 4);
    readsRest(flat(["Tổng số hồ sơ", "Tỷ lệ hồ sơ quá hạn"], [total, lateShareText]), 4);
  });

  it("a bare 'Tỷ lệ (%)' under a group label of the late ones is their share", () => {
    readsRest(underGroup("Hồ sơ trễ hạn", ["Số lượng", "Tỷ lệ (%)"], [notDone, lateShare]), 4);
    readsRest(underGroup("Số hồ sơ quá hạn", ["Số lượng", "Tỷ lệ %"], [notDone, lateShareText]), 4);
  });
});

describe("a count of what was not done labelled by a list of things", () => {
  it.each<[string, string]>([
    ["Tổng số phản ánh, kiến nghị", "Số phản ánh, kiến nghị chưa xử lý"],
    ["Tổng số phản ánh, kiến nghị", "Số phản ánh, kiến nghị chưa được giải quyết"],
    ["Tổng số", "Số đơn thư, phản ánh, kiến nghị tồn đọng"],
  ])("'%s' | '%s' is the rest of the total", (a, b) => readsDone(flat([a, b], [total, notDone]), 4));

  it.each<[string, string]>([
    ["Tổng số phản ánh, kiến nghị", "Số phản ánh, kiến nghị đã xử lý"],
    ["Tổng số hồ sơ", "Số hồ sơ đã giải quyết, không trễ hạn"],
    ["Tổng số", "Số đạt, không trễ hạn"],
    ["Tổng số", "Số đơn thư, phản ánh, kiến nghị đã giải quyết"],
  ])("'%s' | '%s' is what was done", (a, b) => readsDone(flat([a, b], [total, done]), 4));
});

describe("a backlog in a sentence is the part not done", () => {
  it.each(["Hoàn thành 18 nhiệm vụ, tồn đọng 2", "Hoàn thành 18 nhiệm vụ, còn tồn đọng 2"])("%j is 18/20", (text) => {
    const set = setOf([{ code: "1.3", title: "Tỷ lệ nhiệm vụ hoàn thành", max: 10, rule: { kind: "ratio", proportional: true } }]);
    const report = score(set, [["1.3", "Tỷ lệ nhiệm vụ hoàn thành", 10, text, null, EV]]);
    expect(report.items.find((i) => i.code === "1.3")).toMatchObject({ score: 9, percent: 90 });
    expect(codes(report)).toEqual([]);
  });
});

describe("the explanation says the rate is the rest of what the cell gives", () => {
  const set = setOf([{ code: "1.3", title: ON_TIME, max: 10, rule: { kind: "ratio", bands: BANDS } }]);
  const report = score(set, [["1.3", ON_TIME, 10, 8, EV]], {}, [...HEAD, "Tỷ lệ trễ hạn (%)", "Tài liệu kiểm chứng"]);

  it("the item marks it", () => {
    expect(report.items.find((i) => i.code === "1.3")).toMatchObject({ score: 5, percent: 92, dataCell: "Biểu!D2", dataRest: true });
  });

  it.each<["vi" | "en", string]>([
    ["vi", "Số liệu kê khai 92 % (phần còn lại của tỷ lệ trễ hạn, chưa thực hiện ghi ở ô Biểu!D2) đạt mức từ 90 %: 5/10 điểm."],
    ["en", "Declared 92 % (the rest of the late or undone share written in cell Biểu!D2)"],
  ])("in %s", (locale, sentence) => {
    const reasons = explainLostPoints(report, set, locale).find((e) => e.code === "1.3")!.reasons;
    expect(reasons[0]).toContain(sentence);
  });

  it("a rate read as written says nothing of the kind", () => {
    const plain = score(set, [["1.3", ON_TIME, 10, 92, EV]], {}, [...HEAD, "Tỷ lệ đúng hạn (%)", "Tài liệu kiểm chứng"]);
    expect(plain.items.find((i) => i.code === "1.3")).not.toHaveProperty("dataRest");
    expect(explainLostPoints(plain, set, "vi").find((e) => e.code === "1.3")!.reasons[0]).toBe("Số liệu kê khai 92 % (ô Biểu!D2) đạt mức từ 90 %: 5/10 điểm.");
  });
});
