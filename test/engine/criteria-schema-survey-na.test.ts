import { describe, expect, it } from "vitest";
import { parseCriteriaSet } from "../../shared/criteria-schema.ts";

/**
 * CF3-8: CRITERIA-FORMAT §6 — "`optional: true` is `notApplicable: "exclude"`; when both are
 * given, `notApplicable` wins." A survey leaf took `optional: true` and refused its synonym.
 */
const setWith = (surveyLeaf: Record<string, unknown>): unknown => ({
  id: "na", title: "na (minh họa)", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" },
  maxPoints: 4, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
  items: [{ code: "1", title: "Lĩnh vực", max: 4, children: [
    { code: "1.1", title: "Tự chấm", max: 2 },
    { code: "1.2", title: "Khảo sát", max: 2, rule: { kind: "survey" }, ...surveyLeaf },
  ] }],
});

describe("a survey leaf's not-applicable modes (CF3-8)", () => {
  it.each<[string, Record<string, unknown>]>([
    ["optional: true", { optional: true }],
    ['notApplicable: "exclude", its synonym', { notApplicable: "exclude" }],
    ['both, "exclude" winning', { optional: true, notApplicable: "exclude" }],
  ])("%s is valid", (_name, more) => {
    const parsed = parseCriteriaSet(setWith(more), "vi");
    expect(parsed.ok ? "ok" : parsed.message).toBe("ok");
  });

  it('notApplicable: "full" stays refused: a survey score is not the unit\'s to declare', () => {
    const parsed = parseCriteriaSet(setWith({ notApplicable: "full" }), "vi");
    expect(parsed.ok ? "ok" : parsed.message).toBe('items.0.children.1.notApplicable: tiêu chí điều tra xã hội học 1.2 không ghi "không phát sinh" được');
  });
});
