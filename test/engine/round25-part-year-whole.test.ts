/**
 * Round 25 (rt-wb25, WB25-4): a whole given for a part of the year beside the year's whole of the
 * same thing is a step on the way, as a part-year count is (WB24-3): the year's whole is the
 * denominator — "giao 14 nhiệm vụ trong 6 tháng, 28 nhiệm vụ cả năm" is no 26/14 = 185,71 %.
 */
import { describe, expect, it } from "vitest";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });
const set = setOf([{ code: "1.1", title: "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC năm", max: 3, rule: bands([100, 3], [80, 2], [0, 0]) }]);

describe("WB25-4: the year's whole, not a part-year one, is the denominator", () => {
  it.each<[string, number]>([
    ["Hoàn thành 26 nhiệm vụ; giao 14 nhiệm vụ trong 6 tháng, 28 nhiệm vụ cả năm", (26 / 28) * 100],
    ["Hoàn thành 26 nhiệm vụ; giao 14 nhiệm vụ trong 6 tháng, 28 nhiệm vụ trong năm", (26 / 28) * 100],
    ["Giao 14 nhiệm vụ trong 6 tháng, 28 nhiệm vụ trong năm; hoàn thành 26 nhiệm vụ", (26 / 28) * 100],
    ["Hoàn thành 13 nhiệm vụ; giao 14 nhiệm vụ trong 6 tháng, 28 nhiệm vụ cả năm", (13 / 28) * 100],
  ])("%s: %d %%", (data, percent) => {
    const report = score(set, [row("1.1", { data, evidence: EV })]);
    const item = report.items.find((i) => i.code === "1.1")!;
    expect(item.percent).toBeCloseTo(percent, 2);
    expect(codes(report).filter((c) => c.includes(" 1.1 "))).toEqual([]);
  });
});
