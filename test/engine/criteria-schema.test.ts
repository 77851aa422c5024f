import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, type CriteriaItem, type CriteriaSet } from "../../shared/criteria-schema.ts";
import { indexCriteria } from "../../shared/criteria-tree.ts";
import { leaf, setWith } from "./criteria-set-helpers.ts";

const load = (id: string) => JSON.parse(readFileSync(`fixtures/criteria/${id}.json`, "utf8")) as CriteriaSet;

describe("demo criteria sets", () => {
  it("the provincial set has the 2022–2024 shape: 8 fields, 37 criteria, 88 sub-criteria, 68 + 32 points", () => {
    const parsed = parseCriteriaSet(load("demo-province-2024"));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const index = indexCriteria(parsed.set);
    const fields = index.fields.filter((f) => !f.inAdjustment);
    const leaves = index.leaves.filter((l) => !l.inAdjustment);
    const pts = (kind: (k: string) => boolean) => leaves.filter((l) => kind(l.rule.kind)).reduce((a, l) => a + (l.item.max ?? 0) * 100, 0) / 100;
    expect(fields).toHaveLength(8);
    expect(index.nodes.filter((n) => n.depth === 2 && !n.inAdjustment)).toHaveLength(37);
    expect(leaves).toHaveLength(88);
    expect(pts((k) => k !== "survey")).toBe(68);
    expect(pts((k) => k === "survey")).toBe(32);
  });

  it.each(["demo-province-2024", "demo-district-2024", "demo-commune-2024"])("%s is valid and uses every rule kind, an optional item and an adjustment section", (id) => {
    const parsed = parseCriteriaSet(load(id));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const index = indexCriteria(parsed.set);
    expect(new Set(index.leaves.map((l) => l.rule.kind))).toEqual(new Set(["manual", "choice", "ratio", "survey"]));
    expect(index.leaves.some((l) => l.rule.kind === "ratio" && l.rule.proportional)).toBe(true);
    expect(index.leaves.some((l) => l.item.optional)).toBe(true);
    expect(index.fields.some((f) => f.inAdjustment)).toBe(true);
    expect(parsed.set.title).toContain("minh họa");
  });
});

describe("CRITERIA_INVALID", () => {
  const base = (): CriteriaSet => ({
    id: "t",
    title: "t",
    year: 2024,
    unitType: "commune",
    period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints: 2,
    bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
    items: [
      { code: "1", title: "A", max: 2, children: [
        { code: "1.1", title: "a", max: 1, rule: { kind: "choice", options: [1, 0] } },
        { code: "1.2", title: "b", max: 1 },
      ] },
    ],
  });

  it("accepts the base set", () => expect(parseCriteriaSet(base()).ok).toBe(true));

  it.each<[string, (s: CriteriaSet) => void, string]>([
    ["parent max ≠ children", (s) => (s.items[0]!.max = 3), "max of 1 is 3 but its children sum to 2"],
    ["maxPoints ≠ fields", (s) => (s.maxPoints = 5), "maxPoints is 5"],
    ["duplicate code", (s) => (s.items[0]!.children![1]!.code = "1.1"), "duplicate code 1.1"],
    ["child code not under parent", (s) => (s.items[0]!.children![1]!.code = "2.2"), "does not extend"],
    ["option above max", (s) => (s.items[0]!.children![0]!.rule = { kind: "choice", options: [2, 0] }), "outside"],
    ["three decimals", (s) => (s.items[0]!.children![1]!.max = 1.005), "at most two decimals"],
    ["bad period", (s) => (s.period.to = "2023-01-01"), "period.from is after"],
    ["ratio without bands", (s) => (s.items[0]!.children![1]!.rule = { kind: "ratio" }), "needs bands or proportional"],
  ])("rejects %s", (_name, mutate, message) => {
    const set = base();
    mutate(set);
    const parsed = parseCriteriaSet(set);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues.map((i) => i.message).join(" | ")).toContain(message);
  });

  it("never throws on junk", () => {
    for (const junk of [null, 1, "x", [], {}, { items: "x" }]) expect(parseCriteriaSet(junk).ok).toBe(false);
  });
});

describe("contract v2 rules (§6) are valid", () => {
  it.each<[string, unknown]>([
    ["strict and inclusive bands", setWith([leaf("1.1", { rule: { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] } })])],
    ["not applicable scores full", setWith([leaf("1.1", { notApplicable: "full" })])],
    ["not applicable excluded, and optional beside it", setWith([leaf("1.1", { notApplicable: "exclude", optional: true })])],
    ["a penalty inside a criterion", setWith([leaf("1.1", { min: -0.25, rule: { kind: "choice", options: [2, 1, -0.25] } })])],
    ["a parent floor", setWith([{ code: "1.1", title: "A", max: 2, floor: 0, children: [leaf("1.1.1", { min: -1 })] }])],
    ["best of alternatives", setWith([{ code: "1.1", title: "A", max: 2, combine: "best", children: [leaf("1.1.1"), leaf("1.1.2", { max: 1.5 })] }])],
    ["a capped count", setWith([leaf("1.1", { max: 5, rule: { kind: "count", each: 1 } })])],
    ["a deduction per late report", setWith([leaf("1.1", { rule: { kind: "count", base: 2, each: -0.5 } })])],
    ["a fractional each that lands on the max", setWith([leaf("1.1", { max: 1.5, rule: { kind: "count", each: 0.75 } })])],
    // clamp(base + n × each, min, max) (§6): a max reached only by clamping, a base the clamp brings inside
    ["a fractional each that steps over the max", setWith([leaf("1.1", { max: 1, rule: { kind: "count", each: 0.3 } })])],
    ["a deduction count whose base is not the max", setWith([leaf("1.1", { rule: { kind: "count", base: 1.5, each: -0.5 } })])],
    ["a chain of conditions", setWith([leaf("1.1"), leaf("1.2", { requires: { code: "1.1", atLeast: 1 } }), leaf("1.3", { requires: { code: "1.2", atLeast: 0.5 } })])],
    ["a condition on a parent", setWith([{ code: "1.1", title: "A", max: 2, children: [leaf("1.1.1")] }, leaf("1.2", { requires: { code: "1.1", atLeast: 2 } })])],
    ["survey rescaled when absent", setWith([leaf("1.1"), leaf("1.2", { rule: { kind: "survey" } })], { whenSurveyAbsent: "rescale" })],
  ])("%s", (_name, input) => {
    const parsed = parseCriteriaSet(input);
    expect(parsed.ok ? "ok" : parsed.message).toBe("ok");
  });

  it("a v2 set parses to itself (the Worker stores the parsed set and parses it again)", () => {
    const parsed = parseCriteriaSet(setWith([leaf("1.1", { rule: { kind: "count", each: 1 } })]));
    if (!parsed.ok) throw new Error(parsed.message);
    const again = parseCriteriaSet(JSON.parse(JSON.stringify(parsed.set)));
    expect(again.ok && again.set).toEqual(parsed.set);
  });
});

describe("contract v2 fields used wrongly are CRITERIA_INVALID with the path, in Vietnamese or English", () => {
  it.each<[string, unknown, string, string, string]>([
    ["an above and a min in one band", setWith([leaf("1.1", { rule: { kind: "ratio", bands: [{ above: 90, min: 90, points: 2 }, { min: 0, points: 0 }] } })]),
      "items.0.children.0.rule.bands.0", "có cả \"above\" (trên) và \"min\" (từ)", "has both \"above\" and \"min\""],
    ["a band with no bound", setWith([leaf("1.1", { rule: { kind: "ratio", bands: [{ points: 2 }] } as never })]),
      "items.0.children.0.rule.bands.0", "thiếu \"min\" (từ) hoặc \"above\" (trên)", "neither"],
    ["requires naming a missing code", setWith([leaf("1.1", { requires: { code: "1.9", atLeast: 1 } }), leaf("1.2")]),
      "items.0.children.0.requires.code", "1.1 có điều kiện theo 1.9, nhưng bộ tiêu chí không có mã này", "1.1 requires 1.9, which this set does not have"],
    ["requires naming itself", setWith([leaf("1.1", { requires: { code: "1.1", atLeast: 1 } })]),
      "items.0.children.0.requires.code", "1.1 có điều kiện theo chính nó", "1.1 requires itself"],
    ["requires naming its own parent", setWith([leaf("1.1", { requires: { code: "1", atLeast: 1 } })]),
      "items.0.children.0.requires.code", "có điều kiện theo chính nó (1)", "requires itself (1)"],
    ["a circle of requires", setWith([leaf("1.1", { requires: { code: "1.3", atLeast: 1 } }), leaf("1.2", { requires: { code: "1.1", atLeast: 1 } }), leaf("1.3", { requires: { code: "1.2", atLeast: 1 } })]),
      "items.0.children.0.requires.code", "điều kiện vòng tròn: 1.1 → 1.3 → 1.2 → 1.1", "circular requires: 1.1 → 1.3 → 1.2 → 1.1"],
    ["a circle through a parent", setWith([{ code: "1.1", title: "A", max: 2, children: [leaf("1.1.1", { requires: { code: "1.2", atLeast: 1 } })] }, leaf("1.2", { requires: { code: "1.1", atLeast: 1 } })]),
      "items.0.children.0.children.0.requires.code", "điều kiện vòng tròn", "circular requires"],
    ["requires a survey item", setWith([leaf("1.1", { requires: { code: "1.2", atLeast: 1 } }), leaf("1.2", { rule: { kind: "survey" } })]),
      "items.0.children.0.requires.code", "tiêu chí điều tra xã hội học", "requires survey item 1.2"],
    ["requires more than the item's max", setWith([leaf("1.1", { requires: { code: "1.2", atLeast: 3 } }), leaf("1.2")]),
      "items.0.children.0.requires.atLeast", "1.1 cần 1.2 đạt 3 điểm, nhưng 1.2 tối đa 2", "requires 1.2 to reach 3 but its max is 2"],
    ["a best parent with a wrong max", setWith([{ code: "1.1", title: "A", max: 3.5, combine: "best", children: [leaf("1.1.1"), leaf("1.1.2", { max: 1.5 })] }]),
      "items.0.children.0.max", "điểm tối đa phải là 2, điểm tối đa lớn nhất của các mục con, không phải 3,5", "max of 1.1 is 3.5 but a \"best\" parent's max is its greatest child max, 2"],
    ["a count with each 0", setWith([leaf("1.1", { rule: { kind: "count", each: 0 } })]), "items.0.children.0.rule.each", "\"each\" khác 0", "non-zero each"],
    ["a floor on a leaf", setWith([leaf("1.1", { floor: 0 })]), "items.0.children.0.floor", "\"floor\" chỉ dùng cho mục có mục con", "\"floor\" is for parents only"],
    ["best on a leaf", setWith([leaf("1.1", { combine: "best" })]), "items.0.children.0.combine", "\"combine\" chỉ dùng cho mục có mục con", "\"combine\" is for parents only"],
    ["notApplicable on a parent", setWith([{ code: "1.1", title: "A", max: 2, notApplicable: "full", children: [leaf("1.1.1")] }]), "items.0.children.0.notApplicable", "chỉ dùng cho tiêu chí không có mục con", "is for leaves only"],
    ["an unknown notApplicable mode", setWith([leaf("1.1", { notApplicable: "half" as never })]), "items.0.children.0.notApplicable", "phải là một trong: \"full\", \"exclude\"", "full"],
    ["a misspelt key", setWith([{ ...leaf("1.1"), notAplicable: "full" } as CriteriaItem]), "items.0.children.0", "khóa \"notAplicable\" không có trong định dạng bộ tiêu chí", "unknown key \"notAplicable\""],
    ["an unknown key in a rule", setWith([leaf("1.1", { rule: { kind: "manual", step: 0.5, steps: 1 } as never })]), "items.0.children.0.rule", "khóa \"steps\"", "unknown key \"steps\""],
    ["an unknown key on the set", setWith([leaf("1.1")], { surveyAbsent: "rescale" }), "", "khóa \"surveyAbsent\"", "unknown key \"surveyAbsent\""],
    ["above on the index bands", setWith([leaf("1.1")], { bands: [{ label: "Tốt", above: 80 }, { label: "Yếu", min: 0 }] }), "bands.0", "khóa \"above\"", "unknown key \"above\""],
    ["an unknown rule kind", setWith([leaf("1.1", { rule: { kind: "percent" } as never })]), "items.0.children.0.rule.kind", "loại quy tắc (kind) phải là một trong", "rule kind must be one of"],
  ])("%s", (_name, input, path, vi, en) => {
    for (const [locale, text] of [["vi", vi], ["en", en]] as const) {
      const parsed = parseCriteriaSet(input, locale);
      expect(parsed.ok).toBe(false);
      if (parsed.ok) return;
      expect(parsed.issues.find((i) => i.message.includes(text))).toMatchObject({ path });
    }
  });

  it("says an undefined key in its one-line message before what its absence leaves missing (§6: naming it)", () => {
    // {label, above} among the set's bands also lacks "min": the line the CLI prints names "above".
    const input = setWith([leaf("1.1")], { bands: [{ label: "Tốt", above: 80 }, { label: "Yếu", min: 0 }] });
    const vi = parseCriteriaSet(input, "vi");
    const en = parseCriteriaSet(input, "en");
    expect([vi.ok, en.ok]).toEqual([false, false]);
    if (vi.ok || en.ok) return;
    expect(vi.message).toBe('bands.0: khóa "above" không có trong định dạng bộ tiêu chí (CRITERIA-FORMAT): xóa hoặc sửa chính tả');
    expect(en.message).toMatch(/^bands\.0: unknown key "above"/);
    expect(vi.issues.map((i) => i.path)).toEqual(["bands.0", "bands.0.min"]);
  });

  it("allows the free-text description and the codeMap on the set", () => {
    expect(parseCriteriaSet(setWith([leaf("1.1")], { description: "Theo Quyết định số 12/QĐ-UBND (minh họa)", codeMap: [{ from: "1.2", to: "1.1" }] })).ok).toBe(true);
  });
});
