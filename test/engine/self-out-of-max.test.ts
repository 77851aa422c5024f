import { describe, expect, it } from "vitest";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

/**
 * A self-score written over the item's max ("1,5/2" on an item of 2 points), as clerks write a
 * score out of its max: Excel keeps it as text (a date only when both sides are whole, said
 * apart), and it was SCORE_NOT_NUMBER — 0 points for a score the unit had given.
 */
const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch CCHC năm", max: 2, rule: { kind: "manual", step: 0.25 } },
  { code: "1.2", title: "Báo cáo CCHC định kỳ", max: 1.5, rule: { kind: "manual", step: 0.25 } },
  { code: "1.3", title: "Kiểm tra CCHC", max: 1 },
]);
const at = (self: unknown, self2: unknown = 1) => score(set, [row("1.1", { self: self as string, evidence: EV }), row("1.2", { self: self2 as string, evidence: EV }), row("1.3", { self: 1, evidence: EV })]);
const item = (r: ReturnType<typeof at>, code: string) => r.items.find((i) => i.code === code)!;

describe("a self-score written over the item's max", () => {
  it.each([
    ["1,5/2", 1.5],
    ["1.5/2", 1.5],
    ["1,5 / 2 điểm", 1.5],
    ["1,5đ/2đ", 1.5],
    ["0,5/2,0", 0.5],
    ["1,75/2.", 1.75],
    ["2/2", 2],
  ])("%s on an item of 2 points scores %s", (written, points) => {
    const r = at(written);
    expect(item(r, "1.1").score).toBe(points);
    expect(item(r, "1.1").self).toBe(points);
    expect(codes(r)).toEqual([]);
  });

  it("over a max with a decimal (1,5 points): 1/1,5 is 1", () => {
    const r = at(2, "1/1,5");
    expect(item(r, "1.2").score).toBe(1);
    expect(codes(r)).toEqual([]);
  });

  it("over another figure it is not read: 1/3 on an item of 2 stays a text the unit is asked to type as a number", () => {
    const r = at("1/3");
    expect(item(r, "1.1").score).toBe(0);
    expect(codes(r)).toEqual(["SCORE_NOT_NUMBER 1.1 Biểu!E2"]);
    expect(r.findings[0]!.message).toContain('("1/3") không phải là số');
  });

  it("more than the max over the max is over the max, and a score off the item's steps is said as such", () => {
    expect(codes(at("3/2"))).toEqual(["SCORE_OVER_MAX 1.1 Biểu!E2"]);
    expect(codes(at("1,3/2"))).toEqual(["SCORE_STEP 1.1 Biểu!E2"]);
  });

  it("a sentence or a list is not a score over the max", () => {
    for (const written of ["1,5/2 (chưa đủ hồ sơ)", "Đạt 1,5/2", "1/2/2024", "1,5/2/2"]) expect(codes(at(written))).toEqual(["SCORE_NOT_NUMBER 1.1 Biểu!E2"]);
  });
});
