import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, type CriteriaItem } from "../../shared/criteria-schema.ts";
import { leaf, setWith as setOf } from "./criteria-set-helpers.ts";

/**
 * CF3-7: a manual leaf whose step never lands on its max costs the unit that types the
 * decision's max the whole item (SCORE_STEP, 0). Such a set is CRITERIA_INVALID at the step.
 * (Choice options and ratio bands below the max stay valid: import-criteria.test.ts,
 * import-round6-parts.test.ts and contract16-explain.test.ts hold them so.)
 */
/** The set these tests were written with: "reach", a commune set. */
const REACH = { id: "reach", title: "reach (minh họa)", unitType: "commune" };
const setWith = (items: CriteriaItem[], extra: Record<string, unknown> = {}): unknown => setOf(items, { ...REACH, ...extra });

describe("a manual leaf max its step never lands on is CRITERIA_INVALID (CF3-7)", () => {
  it.each<[string, unknown, string, string, string]>([
    ["a step that does not land on the max", setWith([leaf("1.1", { rule: { kind: "manual", step: 0.75 } })]),
      "items.0.children.0.rule.step", "điểm tối đa 2 của 1.1 không phải bội số của bước 0,75", "max 2 of 1.1 is not a multiple of its step 0.75"],
    ["the README's own example, 0,3 a time up to 1", setWith([leaf("1.1", { max: 1, rule: { kind: "manual", step: 0.3 } })]),
      "items.0.children.0.rule.step", "bước 0,3", "step 0.3"],
    ["the default step 0,25 and a max of 1,1", setWith([leaf("1.1", { max: 1.1 })]),
      "items.0.children.0.max", "bước 0,25", "step 0.25"],
  ])("%s", (_name, input, path, vi, en) => {
    for (const [locale, text] of [["vi", vi], ["en", en]] as const) {
      const parsed = parseCriteriaSet(input, locale);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.issues.find((i) => i.message.includes(text))).toMatchObject({ path });
    }
  });

  it.each<[string, unknown]>([
    ["a step landing on the max", setWith([leaf("1.1", { max: 1.5, rule: { kind: "manual", step: 0.75 } })])],
    ["a deduction leaf stepping down to its min", setWith([leaf("1.1"), leaf("1.2", { max: 0, min: -1, rule: { kind: "manual", step: 0.3 } })])],
    ["the max among the options, a penalty beside it", setWith([leaf("1.1", { min: -0.25, rule: { kind: "choice", options: [-0.25, 2, 1] } })])],
    ["proportional points reach the max at the target", setWith([leaf("1.1", { max: 3, rule: { kind: "ratio", proportional: true, target: 80 } })])],
    ["a count capped at the max (§6 clamps)", setWith([leaf("1.1", { max: 1, rule: { kind: "count", each: 0.3 } })])],
  ])("%s stays valid", (_name, input) => {
    const parsed = parseCriteriaSet(input, "vi");
    expect(parsed.ok ? "ok" : parsed.message).toBe("ok");
  });

  it.each(readdirSync("fixtures/criteria").filter((f) => f.endsWith(".json")))("fixtures/criteria/%s reaches every max", (file) => {
    const parsed = parseCriteriaSet(JSON.parse(readFileSync(`fixtures/criteria/${file}`, "utf8")), "vi");
    expect(parsed.ok ? "ok" : parsed.message).toBe("ok");
  });
});
