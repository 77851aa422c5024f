import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * Two more ways data is written (03/12/2026, seventh session), each of which had said its figure was
 * missing: amounts of money with decimals against their plan ("Kế hoạch vốn 120 tỷ đồng, giải ngân
 * 114,6 tỷ đồng" is 95,5 %), and a change written as the counts it is between, on a criterion that
 * measures the change ("Năm 2015: 200 biên chế; năm 2024: 179 biên chế" is a fall of 10,5 %).
 */
const percentOf = (title: string, text: string) => {
  const report = scoreWorkbook(columnsTable(["Số liệu"], (_, a) => [a === 20 ? text : ""]), demoSet("amounts", "Bộ thử số tiền và mức giảm (minh họa)", { "1.1.2": title }));
  return report.items.find((i) => i.code === "1.1.2")?.percent;
};

describe("amounts of money against their plan", () => {
  it.each([
    ["Tỷ lệ giải ngân vốn đầu tư công", "Kế hoạch vốn 120 tỷ đồng, giải ngân 114,6 tỷ đồng", 95.5],
    ["Tỷ lệ thực hiện dự toán thu ngân sách", "Dự toán 50 tỷ, thực hiện 52,5 tỷ", 105],
  ])("%s: %s is %d %", (title, text, percent) => {
    expect(percentOf(title, text)).toBeCloseTo(percent, 6);
  });

  it("decimals of anything else are still no counts", () => {
    expect(percentOf("Tỷ lệ hoàn thành nhiệm vụ", "Giao 28,5 nhiệm vụ, hoàn thành 26,5")).toBeUndefined();
  });
});

describe("a change written as the counts it is between", () => {
  const FALL = "Tỷ lệ giảm biên chế so với năm 2015";
  it.each([
    [FALL, "Năm 2015: 200 biên chế; năm 2024: 179 biên chế", 10.5],
    [FALL, "Biên chế năm 2015: 200; năm 2024: 179", 10.5],
    [FALL, "Năm 2015 có 200 biên chế, năm 2024 còn 179 biên chế", 10.5],
    [FALL, "Năm 2015: 200 biên chế; năm 2024: 210 biên chế", 0],
    ["Tỷ lệ tăng số hồ sơ trực tuyến so với năm 2023", "Năm 2023: 500 hồ sơ; năm 2024: 600 hồ sơ", 20],
  ])("%s: %s is %d %", (title, text, percent) => {
    expect(percentOf(title, text)).toBeCloseTo(percent, 6);
  });

  it("counts of two things, or on a criterion measuring no change, are not read so", () => {
    expect(percentOf(FALL, "Năm 2015: 200 biên chế; năm 2024: 179 người làm việc")).toBeUndefined();
    expect(percentOf("Tỷ lệ hồ sơ trực tuyến", "Năm 2023: 500 hồ sơ; năm 2024: 600 hồ sơ")).toBeUndefined();
  });
});
