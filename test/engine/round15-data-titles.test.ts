import { describe, expect, it } from "vitest";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

/**
 * WB15-4: a province that imports its own decision words the "change against a target" items
 * otherwise. Round 14 knew the kind only by "(thực hiện|hoàn thành|đạt) (chỉ tiêu|…) (tăng|giảm)"
 * with the words adjacent, so "… chỉ tiêu về giảm …", "… chỉ tiêu kế hoạch về tốc độ tăng trưởng"
 * and "Tỷ lệ giảm … so với chỉ tiêu được giao" scored the change or the plan as the rate.
 */

const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });
const itemOf = (title: string, data: string) => {
  const report = score(setOf([{ code: "1.1", title, max: 2, rule: bands([100, 2], [80, 1], [0, 0]) }]), [row("1.1", { data, evidence: EV })]);
  return { percent: report.items.find((i) => i.code === "1.1")!.percent ?? null, findings: codes(report) };
};

describe("WB15-4: a title measuring a change against its target, however worded", () => {
  it.each<[string, string, number]>([
    ["Tỷ lệ giảm hộ nghèo đa chiều so với chỉ tiêu được giao", "Giảm 1,2% (chỉ tiêu giảm 1%)", 120],
    ["Kết quả thực hiện chỉ tiêu về giảm tỷ lệ hộ nghèo đa chiều", "Giảm 1,2% (chỉ tiêu giảm 1%)", 120],
    ["Tỷ lệ thực hiện chỉ tiêu kế hoạch về tốc độ tăng trưởng kinh tế (GRDP)", "GRDP tăng 7,5%, vượt kế hoạch (7%)", 107.142857143],
    ["Tốc độ tăng trưởng GRDP so với chỉ tiêu Nghị quyết HĐND tỉnh", "GRDP tăng 6,5% (chỉ tiêu 7%)", 92.857142857],
    ["Tỷ lệ hoàn thành chỉ tiêu giảm tỷ lệ hộ nghèo đa chiều", "Giảm 1,2% (chỉ tiêu giảm 1%)", 120],
    ["Tỷ lệ thực hiện chỉ tiêu tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "GRDP tăng 7,2% (Nghị quyết HĐND tỉnh: tăng 7%)", 102.857142857],
    ["Tỷ lệ thực hiện chỉ tiêu tăng trưởng tổng sản phẩm trên địa bàn (GRDP)", "Tăng trưởng kinh tế đạt 6,5%, chỉ tiêu Nghị quyết 7%", 92.857142857],
  ])("%s: %j is %d %", (title, data, percent) => {
    const item = itemOf(title, data);
    expect(item.findings).toEqual([]);
    expect(item.percent).toBeCloseTo(percent, 6);
  });

  it("a change itself stays the change", () => {
    expect(itemOf("Tỷ lệ giảm đơn vị sự nghiệp công lập so với năm 2021", "Giảm 12% so với năm 2021").percent).toBe(12);
  });
});
