/**
 * Round 19 (regressions of round 18's own fixes, rt-wb19): "đang" + a done-verb after what is done
 * is the rest under way, not the whole (WB19-1); beside a whole written as such it is the part not
 * done yet (WB19-2, WB19-4); and items' self keeps CF1-9's rounding for a formula's float (WB19-5).
 */
import { describe, expect, it } from "vitest";
import { asWritten } from "../../shared/decimal.ts";
import { itemOf } from "./round16-data-helpers.ts";

describe("'đang' beside what is done and beside a whole (WB19-1, 2, 4)", () => {
  it.each<[string, string, number]>([
    // After the done figure: the rest still under way, done / (done + under way).
    ["1.3", "Số hóa 12 hồ sơ, đang số hóa 16 hồ sơ", 42.86],
    // A whole written as such: the part under way is what is not done yet.
    ["1.3", "Tổng số 500 hồ sơ, đã số hóa 200 hồ sơ, đang số hóa 300 hồ sơ", 40],
    ["1.3", "Giao 28 hồ sơ, còn 02 hồ sơ đang số hóa", 92.86],
    // Round 18's readings stay: alone the result as stated; opening the sentence, the scope.
    ["1.3", "Đang số hóa 95% hồ sơ", 95],
    ["1.3", "Đang số hóa 28 hồ sơ, đã số hóa 26 hồ sơ", 92.86],
  ])("%s: '%s' is %s %", (code, data, percent) => {
    expect(itemOf(code, data).percent).toBeCloseTo(percent, 2);
  });
});

describe("items' self as the cell shows it (WB19-5)", () => {
  it.each<[number, number]>([
    [3.1999999999999997, 3.2],
    [40.599999999999994, 40.6],
    [1.5, 1.5],
    [0.333, 0.333],
  ])("%s → %s", (typed, shown) => {
    expect(asWritten(typed)).toBe(shown);
  });
});

describe("round 20 (regressions of round 19, rt-wb20)", () => {
  it.each<[string, string, number | null]>([
    // WB20-1: the whole marked as such after what is done.
    ["1.3", "Số hóa 26 trong số 28 hồ sơ đang số hóa", (26 / 28) * 100],
    ["1.1", "Giải quyết đúng hạn 990 trong 1000 hồ sơ đang giải quyết", 99],
    // Beside the work assigned, the part under way is not done yet (WB19-2's form without "còn").
    ["1.3", "Giao 28 hồ sơ, đang số hóa 02 hồ sơ", (26 / 28) * 100],
    // WB20-4: never a rate below nothing.
    ["1.2", "Tiếp nhận trực tuyến 200 hồ sơ, đang tiếp nhận trực tuyến 300 hồ sơ", null],
  ])("%s: '%s' is %s", (code, data, percent) => {
    const item = itemOf(code, data);
    if (percent === null) expect(item.percent === null || item.percent >= 0).toBe(true);
    else expect(item.percent).toBeCloseTo(percent, 2);
  });
});

it("WB20-2: beside a bare total, a figure under way may be either: unread, the unit asked to write it plainly (never a silent guess)", () => {
  for (const data of ["Tổng số 200 hồ sơ, đang số hóa 190 hồ sơ", "Tổng số 10 hồ sơ, đang số hóa 08 hồ sơ"]) {
    const item = itemOf("1.3", data);
    expect(item.percent).toBeNull();
    expect(item.findings.some((f) => f.startsWith("DATA_MISSING"))).toBe(true);
  }
});
