/**
 * CF2-4 (contract tester, round 2): a leaf with no `max`, or a negative one, is refused at its own
 * field (CRITERIA_INVALID names the bad field), not with its parent's sum; and "min … lớn hơn max"
 * is said only of a leaf that has a `min`.
 */
import { describe, expect, it } from "vitest";
import { parseCriteriaSet } from "../../shared/index.ts";

const setWith = (leaf22: Record<string, unknown>, leaf21Max = 5) => ({
  id: "cf2-max", title: "Điểm tối đa", year: 2024, unitType: "district", period: { from: "2024-01-01", to: "2024-12-31" },
  maxPoints: 20, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
  items: [
    { code: "1", title: "Lĩnh vực 1", max: 10, children: [{ code: "1.1", title: "A", max: 10 }] },
    { code: "2", title: "Lĩnh vực 2", max: 10, children: [{ code: "2.1", title: "B", max: leaf21Max }, { code: "2.2", title: "C", ...leaf22 }] },
  ],
});
const refusal = (input: unknown, locale: "vi" | "en") => {
  const parsed = parseCriteriaSet(input, locale);
  return parsed.ok ? "accepted" : parsed.message;
};

describe("CF2-4: a leaf's max refused at the leaf", () => {
  it.each<[string, Record<string, unknown>, number, string, string]>([
    ["no max", {}, 5, "items.1.children.1.max: tiêu chí 2.2 thiếu max (điểm tối đa)", "items.1.children.1.max: leaf 2.2 has no max"],
    ["max −3", { max: -3 }, 5, "items.1.children.1.max: max của 2.2 là số âm", "items.1.children.1.max: max of 2.2 is negative"],
    // 13 + (−3) = 10 adds up: the fault is 2.2's max, and the set has no min to speak of.
    ["max −3 beside 13", { max: -3 }, 13, "items.1.children.1.max: max của 2.2 là số âm", "items.1.children.1.max: max of 2.2 is negative"],
  ])("%s", (_, leaf, max21, vi, en) => {
    expect(refusal(setWith(leaf, max21), "vi")).toBe(vi);
    expect(refusal(setWith(leaf, max21), "en")).toBe(en);
  });

  it("a min above the max is still said at min, and a parent that does not add up at its max", () => {
    expect(refusal(setWith({ max: 5, min: 6 }), "vi")).toBe("items.1.children.1.min: min của 2.2 lớn hơn max");
    expect(refusal(setWith({ max: 4 }), "vi")).toMatch(/^items\.1\.max: /);
  });
});
