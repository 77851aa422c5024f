/**
 * Round 24 (rt-wb24, regressions of round 23's wholes, 79f6163): a half-year figure beside the
 * year's is never the data (WB24-3); a whole naming both kinds ("hồ sơ trực tiếp và trực tuyến")
 * is the whole of either (WB24-5); a measure word ("bộ hồ sơ") or an abbreviation of the other
 * side's noun ("NV", "HS", "PAKN") counts the same thing (WB24-6).
 */
import { describe, expect, it } from "vitest";
import { rateItem } from "./rate-sentence-helpers.ts";

const itemOf = rateItem;

describe("a part of the year's figure beside the year's is not the data (WB24-3)", () => {
  it.each<[string, string, number]>([
    ["1.1", "Hoàn thành 20 nhiệm vụ trong 6 tháng, 26 nhiệm vụ trong năm; giao 28 nhiệm vụ", (26 / 28) * 100],
    ["1.1", "Giao 28 nhiệm vụ; hoàn thành 20 nhiệm vụ trong 6 tháng đầu năm, 26 nhiệm vụ trong 12 tháng", (26 / 28) * 100],
    ["1.5", "Số hóa 500 hồ sơ trong 6 tháng, 900 hồ sơ trong năm, tiếp nhận 1000 hồ sơ", 90],
    ["1.4", "Ký số 200 văn bản đi trong 6 tháng, 450 văn bản đi trong năm; tổng số 500 văn bản đi", 90],
    // Alone, a figure with its span is still read: done by then is done in the year (round 23).
    ["1.1", "Hoàn thành 26 nhiệm vụ trong 3 tháng đầu năm, cả năm giao 28 nhiệm vụ", (26 / 28) * 100],
    ["1.1", "Giao 28 nhiệm vụ; hoàn thành 26 nhiệm vụ trong 6 tháng", (26 / 28) * 100],
  ])("%s: '%s' is %s %", (code, data, percent) => {
    expect(itemOf(code, data).percent).toBeCloseTo(percent, 2);
  });
});

it("a quarter's figure on time beside the year's is no longer the silent 50 % (WB24-3)", () => {
  const item = itemOf("1.2", "Tiếp nhận 10 phản ánh; xử lý đúng hạn 5 phản ánh trong quý I, 8 phản ánh trong năm");
  expect(item.percent).not.toBe(50);
});

describe("a whole naming both kinds is the whole (WB24-5)", () => {
  it.each<string>([
    "600 hồ sơ trực tuyến trong tổng số 1000 hồ sơ tiếp nhận trực tiếp và trực tuyến",
    "Tiếp nhận trực tuyến 600 hồ sơ trong tổng số 1000 hồ sơ trực tiếp và trực tuyến",
    "600 hồ sơ trực tuyến trong số 1000 hồ sơ cả trực tiếp và trực tuyến",
    "600 hồ sơ trực tuyến trong tổng số 1000 hồ sơ trực tiếp, trực tuyến",
  ])("'%s' is 60 %", (data) => {
    expect(itemOf("1.3", data).percent).toBeCloseTo(60, 2);
  });

  it("outgoing letters in a whole of both kinds stay refused on a title of the outgoing ones (round 23)", () => {
    expect(itemOf("1.4", "Ký số 450 văn bản trong số 700 văn bản đến và đi").percent).toBeNull();
    expect(itemOf("1.4", "Ký số 450 văn bản đi trong tổng số 1300 văn bản đi và đến").percent).toBeNull();
  });
});

describe("a measure word or an abbreviation names the same thing (WB24-6)", () => {
  it.each<[string, string, number]>([
    ["1.1", "Hoàn thành 26 NV trong số 28 nhiệm vụ", (26 / 28) * 100],
    ["1.1", "Hoàn thành 26 nhiệm vụ trong số 28 NV", (26 / 28) * 100],
    ["1.5", "Số hóa 900 hồ sơ trong số 1000 bộ hồ sơ", 90],
    ["1.5", "Số hóa 900 hồ sơ trong tổng số 1.000 Bộ hồ sơ", 90],
    ["1.5", "Số hóa 900 HS trong tổng số 1000 hồ sơ", 90],
    ["1.2", "Xử lý đúng hạn 8 PAKN trong tổng số 10 phản ánh, kiến nghị", 80],
  ])("%s: '%s' is %s %", (code, data, percent) => {
    expect(itemOf(code, data).percent).toBeCloseTo(percent, 2);
  });

  it("another noun is still another thing (round 23)", () => {
    expect(itemOf("1.5", "Số hóa 900 hồ sơ trong số 1000 văn bản").percent).toBeNull();
    expect(itemOf("1.1", "Hoàn thành 26 nhiệm vụ trong số 30 cán bộ tham gia").percent).toBeNull();
  });
});
