/**
 * The set's year read beside a sentence (WB16-1's last case, left by its fixer): a figure its words
 * give to a year before the period assessed is last year's, bracketed or not. "Đạt 30%; năm 2023:
 * tỷ lệ thanh toán trực tuyến 15%" had read 15 % — the title's words named last year's figure —
 * and "02 sáng kiến; năm 2023: 01 sáng kiến CCHC được công nhận" counted 1.
 */
import { describe, expect, it } from "vitest";
import { itemOf } from "./round16-data-helpers.ts";

describe("a figure naming a year before the period is last year's (the set assesses 2024)", () => {
  it.each<[string, string, number]>([
    ["1.4", "Đạt 30%; năm 2023: tỷ lệ thanh toán trực tuyến 15%", 30],
    ["1.2", "Tiếp nhận, giải quyết trực tuyến 25%; năm 2023 hồ sơ TTHC được tiếp nhận, giải quyết trực tuyến đạt 12%", 25],
    ["1.5", "18/20; năm 2023 công chức cấp xã đạt chuẩn theo quy định: 16/20", 90],
    // Two years named: the latest, as before.
    ["1.4", "Tỷ lệ thanh toán trực tuyến năm 2023: 15%; năm 2024: 30%", 30],
  ])("%s: '%s' is %s %", (code, data, percent) => {
    expect(itemOf(code, data).percent).toBe(percent);
  });

  it.each<[string, string, number]>([
    ["1.12", "02 sáng kiến; năm 2023: 01 sáng kiến CCHC được công nhận", 2],
    ["1.11", "Triển khai 03 phần mềm; năm 2023 phần mềm dùng chung được triển khai: 02", 3],
  ])("%s: '%s' counts %s", (code, data, count) => {
    expect(itemOf(code, data).count).toBe(count);
  });

  it("a figure of the year assessed itself stays the result", () => {
    expect(itemOf("1.4", "Năm 2024 tỷ lệ thanh toán trực tuyến đạt 30%").percent).toBe(30);
  });
});
