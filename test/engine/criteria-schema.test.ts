import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, type CriteriaSet } from "../../shared/criteria-schema.ts";
import { indexCriteria } from "../../shared/criteria-tree.ts";

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
    ["negative min outside adjustments", (s) => (s.items[0]!.children![1]!.min = -1), "negative min"],
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
