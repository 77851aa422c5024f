/**
 * Round 18's "đang" before a done-verb (WB18-1, WB18-4): a lone figure after it is what is
 * being done, the result as stated; beside a done figure it is the part not done, or the whole
 * when it is no smaller than that done figure.
 */
import { describe, expect, it } from "vitest";
import { itemOf } from "./round17-data-helpers.ts";

describe("WB18-1: a lone figure after 'đang' + a done-verb is the result", () => {
  it.each<[string, string, number]>([
    ["1.21", "Hiện đang ký số 95% văn bản đi", 95],
    ["1.21", "Đang ký số 190/200 văn bản đi", 95],
    ["1.20", "Đang hoàn thành 26/28 nhiệm vụ", (26 / 28) * 100],
    ["1.2", "Đang giải quyết trực tuyến 200/500 hồ sơ", 40],
    ["1.20", "Hiện nay đang triển khai thực hiện 90% nhiệm vụ", 90],
  ])("%s %j is %d %", (code, text, percent) => {
    const item = itemOf(code, text);
    expect(item.findings).toEqual([]);
    expect(item.percent).toBeCloseTo(percent, 6);
  });
});

describe("WB18-1/4: a figure after 'đang' opening the sentence, no smaller than the done one after it, is the whole", () => {
  it.each<[string, string, number]>([
    ["1.20", "Đang thực hiện 28 nhiệm vụ, đã hoàn thành 26 nhiệm vụ", (26 / 28) * 100],
    ["1.20", "Năm 2024 đang triển khai 28 nhiệm vụ theo kế hoạch, đến nay đã hoàn thành 26 nhiệm vụ", (26 / 28) * 100],
    // After what is done, the figure under way is the rest, not the whole: 26 of 54. Round 18 had
    // read it as the whole; round 19's outside review (WB19-1: "Hoàn thành 12, đang thực hiện 16"
    // read 12 of 16) showed the order decides — the scope opens the sentence, the rest follows.
    ["1.20", "Hoàn thành 26 nhiệm vụ, đang thực hiện 28 nhiệm vụ", (26 / 54) * 100],
    ["1.1", "Đang giải quyết 1.000 hồ sơ, đã giải quyết đúng hạn 990", 99],
    ["1.1", "Đang xử lý 10 hồ sơ, đã xử lý đúng hạn 10", 100],
  ])("%s %j is %d %", (code, text, percent) => {
    const item = itemOf(code, text);
    expect(item.findings).toEqual([]);
    expect(item.percent).toBeCloseTo(percent, 6);
  });
});

describe("round 17's part not done beside the done one still adds up", () => {
  it.each<[string, string, number]>([
    ["1.20", "Giao 28 nhiệm vụ, hoàn thành 26, đang thực hiện 02", (26 / 28) * 100],
    ["1.20", "Có 28 nhiệm vụ, trong đó 26 hoàn thành, 02 đang thực hiện", (26 / 28) * 100],
    ["1.20", "Đã hoàn thành 26 nhiệm vụ, đang thực hiện 02 nhiệm vụ", (26 / 28) * 100],
  ])("%s %j is %d %", (code, text, percent) => {
    const item = itemOf(code, text);
    expect(item.findings).toEqual([]);
    expect(item.percent).toBeCloseTo(percent, 6);
  });
});
