/**
 * Round 25 (rt-wb25, WB25-4): a whole given for a part of the year beside the year's whole of the
 * same thing is a step on the way, as a part-year count is (WB24-3): the year's whole is the
 * denominator — "giao 14 nhiệm vụ trong 6 tháng, 28 nhiệm vụ cả năm" is no 26/14 = 185,71 %.
 */
import { describe, expect, it } from "vitest";
import { rateItem } from "./rate-sentence-helpers.ts";


describe("WB25-4: the year's whole, not a part-year one, is the denominator", () => {
  it.each<[string, number]>([
    ["Hoàn thành 26 nhiệm vụ; giao 14 nhiệm vụ trong 6 tháng, 28 nhiệm vụ cả năm", (26 / 28) * 100],
    ["Hoàn thành 26 nhiệm vụ; giao 14 nhiệm vụ trong 6 tháng, 28 nhiệm vụ trong năm", (26 / 28) * 100],
    ["Giao 14 nhiệm vụ trong 6 tháng, 28 nhiệm vụ trong năm; hoàn thành 26 nhiệm vụ", (26 / 28) * 100],
    ["Hoàn thành 13 nhiệm vụ; giao 14 nhiệm vụ trong 6 tháng, 28 nhiệm vụ cả năm", (13 / 28) * 100],
  ])("%s: %d %%", (data, percent) => {
    const item = rateItem("1.1", data);
    expect(item.percent).toBeCloseTo(percent, 2);
    expect(item.findings).toEqual([]);
  });
});
