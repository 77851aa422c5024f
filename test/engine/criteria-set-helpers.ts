import type { CriteriaItem } from "../../shared/criteria-schema.ts";

/**
 * A one-field set of two-point leaves around the items under test, written as a set's JSON is
 * (defaults such as a count's base may be left out); `extra` replaces any top-level key.
 */
export function setWith(items: CriteriaItem[], extra: Record<string, unknown> = {}): unknown {
  const max = items.reduce((a, i) => a + Math.round((i.max ?? 0) * 100), 0) / 100;
  return {
    id: "v2", title: "v2 (minh họa)", year: 2024, unitType: "department", period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints: max, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
    items: [{ code: "1", title: "Lĩnh vực", max, children: items }],
    ...extra,
  };
}

export const leaf = (code: string, more: Record<string, unknown> = {}): CriteriaItem => ({ code, title: `Tiêu chí ${code}`, max: 2, ...more }) as CriteriaItem;
