import { describe, expect, it } from "vitest";
import { itemOf } from "./round16-data-helpers.ts";

/**
 * WB16-3: round 15 read the figure after "chưa hoàn thành <plan>:" as the result that fell
 * short, also where the words after the colon say it is the shortfall ("còn thiếu 5%"): 5 %
 * for 95 %.
 */

describe("WB16-3: the shortfall after 'chưa hoàn thành <plan>:' is the rest of the rate", () => {
  it.each<[string, number]>([
    ["Chưa hoàn thành dự toán: còn thiếu 5%", 95],
    ["Chưa hoàn thành dự toán: thiếu 5%", 95],
    ["Chưa đạt dự toán: còn thiếu 5%", 95],
    ["Chưa hoàn thành dự toán huyện giao: hụt 5%", 95],
    ["Chưa hoàn thành dự toán: hụt thu 5%", 95],
    ["Chưa hoàn thành dự toán: giảm 5% so với dự toán", 95],
    // What round 15 fixed stays: the figure written after the colon is the result.
    ["Chưa hoàn thành dự toán: 95%", 95],
    ["Chưa hoàn thành dự toán: đạt 95%, còn thiếu 5%", 95],
    ["Chưa hoàn thành dự toán: 95% (thiếu 5%)", 95],
  ])("%j is %d %", (text, percent) => {
    expect(itemOf("1.6", text)).toMatchObject({ percent, findings: [] });
  });
});

