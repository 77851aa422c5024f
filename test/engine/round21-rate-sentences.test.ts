/**
 * Round 21 (rt-wb21, "wrong in both trees"): plain sentences of a rate's declared data. A figure
 * "đang …" beside a stated total never lowers that total (WB21-a); a figure after "trong (tổng)
 * số" is the whole and the one before it its part; a figure labelled with the thing a title counts
 * ("Văn bản đi 500") is the whole, one labelled with what the title measures of it ("trực tuyến
 * 600") the part (WB21-c).
 */
import { describe, expect, it } from "vitest";
import { rateItem } from "./rate-sentence-helpers.ts";

const itemOf = rateItem;

describe("'đang …' beside a stated total never lowers it (WB21-a)", () => {
  it.each<[string, string, number]>([
    ["1.4", "Văn bản đi 500, đã ký số 450, đang xử lý 20", 90],
    ["1.4", "Tổng số 500 văn bản đi, đã ký số 450, đang trình ký 20", 90],
    ["1.2", "Tiếp nhận 10 phản ánh kiến nghị; xử lý đúng hạn 8; đang xử lý 2", 80],
    ["1.2", "Tổng số 10 phản ánh, xử lý đúng hạn 8, đang xử lý 2", 80],
    ["1.3", "Tiếp nhận 1000 hồ sơ, trực tuyến 600 hồ sơ, đang giải quyết 20 hồ sơ", 60],
  ])("%s: '%s' is %s %", (code, data, percent) => {
    expect(itemOf(code, data).percent).toBeCloseTo(percent, 2);
  });
});

describe("the whole and its part, as plainly written (WB21-c)", () => {
  it.each<[string, string, number]>([
    ["1.1", "Đã hoàn thành 26 nhiệm vụ trong số 28 nhiệm vụ", (26 / 28) * 100],
    ["1.4", "Ký số 450 văn bản trong số 500 văn bản đi", 90],
    ["1.4", "Văn bản đi 500, ký số 450", 90],
    ["1.3", "Tiếp nhận trực tuyến 600 hồ sơ trong 1000 hồ sơ", 60],
    ["1.3", "Tiếp nhận trực tuyến 600 hồ sơ trong 1000 hồ sơ đang giải quyết", 60],
    ["1.3", "Tiếp nhận trực tuyến 600 hồ sơ trong số 1000 hồ sơ đang giải quyết", 60],
    ["1.3", "600 hồ sơ trực tuyến trong tổng số 1000 hồ sơ đã tiếp nhận", 60],
    ["1.3", "Tổng số 1000 hồ sơ; tiếp nhận trực tuyến 600 hồ sơ", 60],
    ["1.3", "Tiếp nhận 1000 hồ sơ, trực tuyến 600 hồ sơ", 60],
    ["1.3", "Tiếp nhận 1000 hồ sơ (600 hồ sơ trực tuyến, 400 hồ sơ trực tiếp)", 60],
    // Done and under way with no total: the two make the whole (as WB19-1 reads "Hoàn thành 12, đang thực hiện 16").
    ["1.2", "Xử lý đúng hạn 8 phản ánh, 2 phản ánh đang xử lý", 80],
  ])("%s: '%s' is %s %", (code, data, percent) => {
    expect(itemOf(code, data).percent).toBeCloseTo(percent, 2);
  });

  it("a bare total beside 'đang' alone is still no guess (round 20)", () => {
    const item = itemOf("1.2", "Tổng số 10 phản ánh, đang xử lý 08");
    expect(item.percent).toBeNull();
    expect(item.findings.some((f) => f.startsWith("DATA_MISSING"))).toBe(true);
  });
});

describe("a figure its own words call the total, though 'đang' names it (WB21-a)", () => {
  it("'Đúng hạn 990 hồ sơ; tổng số hồ sơ đang giải quyết 1000 hồ sơ' is 99 %, not 990/1.990", () => {
    expect(itemOf("1.2", "Xử lý đúng hạn 990 phản ánh; tổng số phản ánh đang xử lý 1000 phản ánh").percent).toBeCloseTo(99, 2);
  });

  it.each<[string, string]>([
    // Round 20's refusals of a bare whole beside work in hand alone stay refusals.
    ["1.3", "Tổng số 1000 hồ sơ, đang tiếp nhận trực tuyến 400 hồ sơ"],
    ["1.3", "Tiếp nhận 1000 hồ sơ, đang tiếp nhận trực tuyến 400 hồ sơ"],
    ["1.4", "Phát hành 200 văn bản đi, đang ký số 190 văn bản"],
  ])("%s: '%s' stays DATA_MISSING", (code, data) => {
    const item = itemOf(code, data);
    expect(item.percent).toBeNull();
    expect(item.findings.some((f) => f.startsWith("DATA_MISSING"))).toBe(true);
  });
});

describe("'trong số đó' is 'trong đó': a part of the figure before", () => {
  it("'Hoàn thành 26 nhiệm vụ, trong số đó 2 nhiệm vụ hoàn thành trước hạn' is no rate of 2/26", () => {
    expect(itemOf("1.1", "Hoàn thành 26 nhiệm vụ, trong số đó 2 nhiệm vụ hoàn thành trước hạn").percent).not.toBeCloseTo((2 / 26) * 100, 2);
  });
  it("'Tiếp nhận 1000 hồ sơ, trong số đó 600 hồ sơ trực tuyến' is 60 %", () => {
    expect(itemOf("1.3", "Tiếp nhận 1000 hồ sơ, trong số đó 600 hồ sơ trực tuyến").percent).toBeCloseTo(60, 2);
  });
});

describe("what is done and what is short in one cell (WB21-d: already read so, kept)", () => {
  it.each<[string, number]>([
    ["Hoàn thành 03 nhiệm vụ; thiếu 01", 75],
    ["Hoàn thành 03 nhiệm vụ, còn thiếu 01 nhiệm vụ", 75],
  ])("'%s' is %s %", (data, percent) => {
    expect(itemOf("1.1", data).percent).toBeCloseTo(percent, 2);
  });
});
