import { describe, expect, it } from "vitest";
import { row, score, setOf } from "./v2-helpers.ts";

/**
 * What DATA_MISSING says of a data cell that holds something (black-box audit A6-6): the date
 * Excel made of it, the one the cell shows; a count's 2,5 or −1 as what it is, not "add data".
 */
const set = setOf([
  { code: "1.1", title: "Số sáng kiến được công nhận", max: 3, rule: { kind: "count", each: 1 } },
  { code: "1.2", title: "Tỷ lệ hoàn thành nhiệm vụ", max: 2, rule: { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 0, points: 0 }] } },
]);
const message = (data11: unknown, data12: unknown, code: string) =>
  score(set, [row("1", { max: 5 }), row("1.1", { max: 3, self: 1, data: data11 as never }), row("1.2", { max: 2, self: 2, data: data12 as never })]).findings.find((f) => f.criterion === code && f.code === "DATA_MISSING")?.message;

describe("DATA_MISSING of a data cell holding something", () => {
  it("a date names the day the cell shows", () => {
    // 45574 is 09/10/2024 ("9/10" typed in a Vietnamese Excel)
    expect(message(1, { v: 45574, z: "dd/mm/yyyy" }, "1.2")).toMatch(/^Tiêu chí 1\.2: ô số liệu đang là ngày 09\/10\/2024, không phải số liệu/);
  });

  it.each([["2,5", "2,5"], [-1, "-1"]])("a count of %j is said as no number of cases", (typed, shown) => {
    expect(message(typed, "28/28", "1.1")).toBe(`Tiêu chí 1.1: ô số liệu ghi ${shown}, không phải một số trường hợp: ghi số nguyên từ 0 trở lên (ví dụ 3); chưa sửa thì tính 0 điểm.`);
  });
});
