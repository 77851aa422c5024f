/**
 * Round 25 (rt-wb25, regressions of round 24's wholes and part-year rule, a90a9ea): "báo cáo năm"
 * is a kind of report, not the year's figure of the reports before it (WB25-2); a whole whose only
 * noun is a measure word counts what its part counts (WB25-10).
 */
import { describe, expect, it } from "vitest";
import { codes, scores } from "./v2-helpers.ts";
import { rateItem } from "./rate-sentence-helpers.ts";
import { adjust } from "./deduction-rows-helpers.ts";

describe("WB25-2: the annual report is a report, not the year's count of late reports", () => {
  it.each<string>(["Chậm 01 báo cáo quý I và chậm 01 báo cáo năm", "Chậm 01 báo cáo 6 tháng và chậm 01 báo cáo năm"])("%s: never one late report silently", (data) => {
    const report = adjust("1.2", { data });
    const silentOne = scores(report)["1.2"] === 1.5 && !codes(report).some((c) => c.includes("DATA_MISSING"));
    expect(silentOne).toBe(false);
  });
});

describe("WB25-10: a whole whose only noun is a measure word counts what its part counts", () => {
  it.each<[string, string, number]>([
    ["1.5", "Số hóa 900 bộ hồ sơ trong tổng số 1000 bộ", 90],
    ["1.5", "Số hóa 900 bộ hồ sơ trong số 1000 bộ", 90],
    ["1.5", "Số hóa 900 bộ trong tổng số 1000 bộ hồ sơ", 90],
    ["1.4", "Ký số 950 bản văn bản đi trong tổng số 1000 bản", 95],
    ["1.3", "Tiếp nhận trực tuyến 600 bộ hồ sơ trong tổng số 1000 bộ", 60],
  ])("%s %s: %d %%", (code, data, percent) => {
    const item = rateItem(code, data);
    expect(item.percent).toBeCloseTo(percent, 2);
    expect(item.findings).toEqual([]);
  });
});
