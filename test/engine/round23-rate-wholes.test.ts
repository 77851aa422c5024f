/**
 * Round 23 (rt-wb23, regressions of round 21): a count after "trong (tổng) số" is the whole only
 * when it counts the same thing as its part (WB23-2) — a duration never does (WB23-7) — and a count
 * labelled by the title's thing is the whole only with the title's own qualifier: "văn bản đến"
 * is no whole of "văn bản đi" (WB23-3).
 */
import { describe, expect, it } from "vitest";
import { rateItem } from "./rate-sentence-helpers.ts";

const itemOf = rateItem;

describe("'trong (tổng) số N <another thing>' is no whole of the part (WB23-2)", () => {
  it.each<[string, string]>([
    ["1.5", "Số hóa 900 hồ sơ trong số 1000 văn bản"],
    ["1.5", "Số hóa 900 hồ sơ trong số 1200 trang tài liệu"],
    ["1.1", "Hoàn thành 26 nhiệm vụ trong số 30 cán bộ tham gia"],
    ["1.1", "Hoàn thành 26 nhiệm vụ trong số 40 văn bản đã ban hành"],
    ["1.2", "Xử lý đúng hạn 8 phản ánh trong số 50 hồ sơ"],
    ["1.2", "Xử lý đúng hạn 8 phản ánh trong tổng số 9 cuộc họp"],
    ["1.3", "Tiếp nhận trực tuyến 600 hồ sơ trong tổng số 1200 cuộc gọi"],
    ["1.4", "Ký số 450 văn bản đi trong số 600 văn bản đến"],
    ["1.4", "Ký số 450 văn bản trong số 700 văn bản đến và đi"],
    ["1.4", "Ký số 450 văn bản trong tổng số 600 văn bản đến"],
    // A whole itself of what the title measures is some of its things, not all.
    ["1.3", "Tiếp nhận trực tuyến 600 hồ sơ trong số 900 hồ sơ đủ điều kiện cung cấp trực tuyến"],
  ])("%s: '%s' is DATA_MISSING", (code, data) => {
    const item = itemOf(code, data);
    expect(item.percent).toBeNull();
    expect(item.findings.some((f) => f.startsWith("DATA_MISSING"))).toBe(true);
  });

  it.each<[string, string, number]>([
    // The same thing, or none named after the whole, or none after the part: still read (round 21).
    ["1.1", "Hoàn thành 26 nhiệm vụ trong số 28 nhiệm vụ được giao", (26 / 28) * 100],
    ["1.1", "Hoàn thành 26 trong số 28 nhiệm vụ", (26 / 28) * 100],
    ["1.5", "Số hóa 900 hồ sơ trong tổng số 1000", 90],
    ["1.3", "Tiếp nhận trực tuyến 600 hồ sơ trong số 1000 hồ sơ tiếp nhận", 60],
  ])("%s: '%s' is %s %", (code, data, percent) => {
    expect(itemOf(code, data).percent).toBeCloseTo(percent, 2);
  });
});

describe("a duration after 'trong' is never a whole (WB23-7)", () => {
  it.each<[string, string, number]>([
    ["1.1", "Giao 28 nhiệm vụ; hoàn thành 26 nhiệm vụ trong 12 tháng", (26 / 28) * 100],
    ["1.1", "Giao 28 nhiệm vụ; hoàn thành 26 nhiệm vụ trong 6 tháng", (26 / 28) * 100],
    ["1.1", "Hoàn thành 26 nhiệm vụ trong 12 tháng, giao 28 nhiệm vụ", (26 / 28) * 100],
    ["1.5", "Số hóa 900 hồ sơ trong 3 tháng, tổng số 1000 hồ sơ", 90],
  ])("%s: '%s' is %s %", (code, data, percent) => {
    expect(itemOf(code, data).percent).toBeCloseTo(percent, 2);
  });
});

describe("'văn bản đến' is no whole of 'văn bản đi' (WB23-3)", () => {
  it.each<[string, string]>([
    ["1.4", "Ký số 450 văn bản đi, 500 văn bản đến"],
    ["1.4", "Ký số 450 văn bản đi, 720 văn bản đến"],
    ["1.4", "Ký số 450 văn bản, văn bản đến 720"],
  ])("%s: '%s' is DATA_MISSING", (code, data) => {
    const item = itemOf(code, data);
    expect(item.percent).toBeNull();
    expect(item.findings.some((f) => f.startsWith("DATA_MISSING"))).toBe(true);
  });

  it.each<string>([
    "Văn bản đi 500, ký số 450",
    // Beside the incoming ones, the outgoing count is the title's whole.
    "Văn bản đến 800, văn bản đi 500, ký số 450",
    "Văn bản đi 500, ký số 450 trong 12 tháng",
  ])("'%s' is 90 %", (data) => {
    expect(itemOf("1.4", data).percent).toBeCloseTo(90, 2);
  });
});
