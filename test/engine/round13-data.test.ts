import { describe, expect, it } from "vitest";
import { declaredData } from "../../shared/leaf-data.ts";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

/**
 * The thirteenth red-team round (WB13-2): a figure written as the part NOT done ("Chưa hoàn
 * thành 2/28 nhiệm vụ", "2/20 công chức chưa đạt chuẩn", "Chưa số hóa 40%", "hụt 15% dự
 * toán") or as the part beyond the plan ("Vượt 5% dự toán") was read as the rate achieved:
 * 7,14 % for 92,86 %, 5 % for 105 %, with no finding. Round 12 already read "Trễ hạn 2/300" on
 * an on-time rate as its rest; the same reading now covers what was not done, fell short or
 * went beyond the plan. A change that is measured against no plan ("tăng 5% so với năm
 * trước") or a level not reached ("chưa đạt 80%") is no rate: DATA_MISSING says so.
 */

const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });
// As demo-commune-2024: tasks done (1.1.2), cadres up to standard (4.2), revenue against the estimate (5.2), files digitised (6.1.2).
const set = setOf([
  { code: "1.1", title: "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC năm", max: 3, rule: bands([100, 3], [80, 2], [50, 1], [0, 0]) },
  { code: "1.2", title: "Tỷ lệ cán bộ, công chức cấp xã đạt chuẩn", max: 3, rule: bands([100, 3], [90, 2], [80, 1], [0, 0]) },
  { code: "1.3", title: "Tỷ lệ thực hiện dự toán thu ngân sách nhà nước", max: 3, rule: bands([100, 3], [90, 2], [80, 1], [0, 0]) },
  { code: "1.4", title: "Tỷ lệ số hóa hồ sơ, kết quả giải quyết TTHC", max: 4, rule: { kind: "ratio", proportional: true, target: 80 } },
  { code: "1.5", title: "Tỷ lệ hồ sơ giải quyết đúng hạn", max: 7, rule: bands([100, 7], [98, 5], [95, 3], [0, 0]) },
]);

function scoreOf(code: string, fields: { data?: string; note?: string }) {
  const report = score(set, [row(code, { ...fields, evidence: EV })]);
  const item = report.items.find((i) => i.code === code)!;
  return { score: item.score, percent: item.percent, findings: codes(report).filter((c) => c.includes(` ${code} `)) };
}

describe("the share not done is the rest of the rate", () => {
  it.each<[string, string, number, number]>([
    ["1.1", "Chưa hoàn thành 2/28 nhiệm vụ", 92.8571428571, 2],
    ["1.1", "Còn 2/28 nhiệm vụ chưa hoàn thành", 92.8571428571, 2],
    ["1.1", "2/28 nhiệm vụ chưa hoàn thành", 92.8571428571, 2],
    ["1.1", "Số nhiệm vụ không hoàn thành: 2/28", 92.8571428571, 2],
    ["1.1", "2 nhiệm vụ chưa hoàn thành/28 nhiệm vụ", 92.8571428571, 2],
    ["1.2", "2/20 công chức chưa đạt chuẩn", 90, 2],
    ["1.2", "Chưa đạt chuẩn 10%", 90, 2],
    ["1.2", "Có 2 công chức chưa đạt chuẩn trên tổng số 20", 90, 2],
    ["1.4", "Chưa số hóa 40%", 60, 3],
    ["1.4", "Tỷ lệ hồ sơ chưa được số hóa: 40%", 60, 3],
    ["1.5", "Chưa giải quyết đúng hạn 2/300 hồ sơ", 99.3333333333, 5],
    ["1.5", "2 hồ sơ trễ hạn trên tổng số 300 hồ sơ", 99.3333333333, 5],
  ])("%s %j is %d %", (code, text, percent, points) => {
    for (const fields of [{ data: text }, { note: text }]) expect(scoreOf(code, fields)).toEqual({ score: points, percent, findings: [] });
  });

  it.each<[string, number, number]>([
    ["Giao 28 nhiệm vụ, chưa hoàn thành 2 nhiệm vụ", 26, 28],
    ["Hoàn thành 26 nhiệm vụ, chưa hoàn thành 2 nhiệm vụ", 26, 28],
  ])("two counts, one of them not done: %j is %d/%d", (text, numerator, denominator) => {
    const report = score(set, [row("1.1", { data: text, evidence: EV })]);
    expect(report.items.find((i) => i.code === "1.1")).toMatchObject({ numerator, denominator, score: 2 });
    expect(codes(report).filter((c) => c.includes(" 1.1 "))).toEqual([]);
  });
});

describe("a shortfall or an excess against the plan", () => {
  it.each<[string, number, number]>([
    ["Không đạt, hụt 15% dự toán", 85, 1],
    ["Hụt 15% so với dự toán", 85, 1],
    ["Thu thiếu 15% so với dự toán được giao", 85, 1],
    ["Giảm 15% so với dự toán", 85, 1],
    ["Vượt 5% dự toán", 105, 3],
    ["Thu vượt dự toán 5%", 105, 3],
    ["Tăng 5% so với dự toán", 105, 3],
    ["Vượt kế hoạch 5%", 105, 3],
    ["Thu ngân sách vượt 5% so với chỉ tiêu được giao", 105, 3],
  ])("%j is %d %", (text, percent, points) => {
    for (const fields of [{ data: text }, { note: text }]) expect(scoreOf("1.3", fields)).toEqual({ score: points, percent, findings: [] });
  });
});

describe("what was right stays right", () => {
  it.each<[string, string, number]>([
    ["1.1", "Hoàn thành 26/28 nhiệm vụ", 92.8571428571],
    ["1.1", "26/28", 92.8571428571],
    ["1.1", "Hoàn thành 26/28 nhiệm vụ, còn 2 nhiệm vụ chưa hoàn thành", 92.8571428571],
    ["1.1", "Còn 2/28 nhiệm vụ chưa hoàn thành; hoàn thành 26/28", 92.8571428571],
    ["1.4", "Đã số hóa 60%, chưa số hóa 40%", 60],
    ["1.3", "Đạt 105% dự toán", 105],
    ["1.3", "Đạt 105% dự toán, vượt 5%", 105],
    ["1.3", "Hoàn thành vượt mức kế hoạch: 105%", 105],
    ["1.3", "Đạt 99%", 99],
    ["1.5", "Trễ hạn 1%", 99],
    ["1.5", "Còn 1% hồ sơ trễ hạn", 99],
    ["1.5", "Trễ hạn 3/300 hồ sơ", 99],
    ["1.2", "Tỷ lệ đạt chuẩn 90%", 90],
    ["1.2", "18/20 công chức đạt chuẩn", 90],
  ])("%s %j is %d %", (code, text, percent) => {
    expect(scoreOf(code, { data: text })).toMatchObject({ percent, findings: [] });
  });
});

describe("a change measured against no plan, or a level not reached, is no rate: said, never guessed", () => {
  it.each<[string, string]>([
    ["1.3", "Tăng 5% so với năm trước"],
    ["1.3", "Tăng 5% so với cùng kỳ"],
    ["1.3", "Tăng 5%"],
    ["1.3", "Vượt 5%"],
    ["1.3", "Giảm 3% so với năm 2023"],
    ["1.3", "Chưa đạt 80%"],
    ["1.4", "Chưa đạt 100%"],
  ])("%s %j", (code, text) => {
    expect(scoreOf(code, { data: text })).toMatchObject({ score: 0, findings: [`DATA_MISSING ${code} Biểu!D2`] });
    const cells = { data: { cell: { v: text }, address: "D2" }, rate: {}, note: { cell: undefined, address: "G2" } };
    expect(declaredData("ratio", cells)).toMatchObject({ kind: "missing", address: "D2", unclear: "figures" });
  });
});
