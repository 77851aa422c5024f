import { describe, expect, it } from "vitest";
import { parseCriteriaSet, type CriteriaItem } from "../../shared/criteria-schema.ts";

/** A valid one-field set of the contract's §1 shape; `extra` replaces keys of the set. */
function setWith(items: CriteriaItem[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  const max = items.reduce((a, i) => a + Math.round((i.max ?? 0) * 100), 0) / 100;
  return {
    id: "cf16", title: "Bộ thử (minh họa)", year: 2024, unitType: "district", period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints: max, bands: [{ label: "Tốt", min: 90 }, { label: "Khá", min: 80 }, { label: "Yếu", min: 0 }],
    items: [{ code: "1", title: "Lĩnh vực", max, children: items }],
    ...extra,
  };
}
const leaf = (code: string, more: Record<string, unknown> = {}): CriteriaItem => ({ code, title: `Tiêu chí ${code}`, max: 2, ...more }) as CriteriaItem;

const refused = (input: unknown, locale: "vi" | "en") => {
  const parsed = parseCriteriaSet(input, locale);
  if (parsed.ok) throw new Error("accepted");
  return parsed.message;
};

/**
 * CF1-1, judged otherwise than the fixer's first commit: a set whose bands leave the lowest percents
 * without a label stays valid. §3 defines the band as "the label of the highest band whose min ≤
 * percent" and asks for no band from 0; refusing such a set would turn a grader's or a province's
 * minimal set into exit 2 for every workbook, and a set already stored in D1 (re-read through this
 * schema) into one the Worker can no longer read. A unit below the lowest band has no band (null).
 */
describe("CF1-1: bands need not start at 0 (§3)", () => {
  it.each<[string, unknown[]]>([
    ["only 'Tốt ≥ 90'", [{ label: "Tốt", min: 90 }]],
    ["bands from 0, highest first", [{ label: "Tốt", min: 90 }, { label: "Yếu", min: 0 }]],
    ["ascending bands", [{ label: "Yếu", min: 0 }, { label: "Khá", min: 80 }, { label: "Tốt", min: 90 }]],
    ["two bands from one percent", [{ label: "Tốt", min: 90 }, { label: "Rất tốt", min: 90 }, { label: "Yếu", min: 0 }]],
  ])("%s stays valid", (_name, bands) => {
    const parsed = parseCriteriaSet(setWith([leaf("1.1")], { bands }));
    expect(parsed.ok ? "ok" : parsed.message).toBe("ok");
  });
});

describe("CF1-4: CRITERIA_INVALID says the rule the value breaks, in words an admin can act on", () => {
  it.each<[string, unknown, string, string]>([
    ["a manual step of 0", setWith([leaf("1.1", { rule: { kind: "manual", step: 0 } })]), "items.0.children.0.rule.step: phải lớn hơn 0", "must be greater than 0"],
    ["a proportional target of 0", setWith([leaf("1.1", { rule: { kind: "ratio", proportional: true, target: 0 } })]), "items.0.children.0.rule.target: phải lớn hơn 0", "must be greater than 0"],
    ["maxPoints 0", { ...setWith([leaf("1.1", { max: 0 })]), maxPoints: 0 }, "maxPoints: phải lớn hơn 0", "must be greater than 0"],
    ["a year with decimals", setWith([leaf("1.1")], { year: 2024.5 }), "year: phải là số nguyên", "must be a whole number"],
    ["an id with Vietnamese letters", setWith([leaf("1.1")], { id: "Hà-Nội-2024" }), "id: chỉ gồm chữ cái không dấu, chữ số, '.', '_' hoặc '-'", "letters without diacritics, digits, '.', '_' or '-'"],
  ])("%s", (_name, input, vi, en) => {
    expect(refused(input, "vi")).toContain(vi);
    expect(refused(input, "en")).toContain(en);
  });

  it("a negative band bound still says 'từ 0 trở lên' (0 is allowed there)", () => {
    const input = setWith([leaf("1.1")], { bands: [{ label: "Tốt", min: 90 }, { label: "Yếu", min: -1 }] });
    expect(refused(input, "vi")).toContain("phải từ 0 trở lên");
  });

  it("a set without items says it needs one", () => {
    const parsed = parseCriteriaSet({ ...setWith([]), items: [] }, "vi");
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues).toContainEqual({ path: "items", message: "cần ít nhất 1 mục" });
  });

  it("a leaf conditioned on its own parent names the parent as what it is", () => {
    const input = setWith([leaf("1.1"), leaf("1.2", { requires: { code: "1", atLeast: 1 } })]);
    expect(refused(input, "vi")).toContain("1 là mục cha chứa 1.2");
    expect(refused(input, "en")).toContain("1 is a parent of 1.2");
  });
});
