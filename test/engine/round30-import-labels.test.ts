/**
 * RD30 (import-criteria, tester rt-rd30).
 *
 * RD30-2: the half-marked-label refusal (RD29-3) looks only where the importer reads codes and
 * labels — the code and label columns, the title cell of a row with no code, inside the table —
 * so a bare "Tiêu chí so 2" in a guidance or method cell, or under the total, no longer refuses a
 * decision that imports whole.
 * RD30-1: a half-marked label opening a code or title cell, with its title after it ("Tiêu chí so
 * 2: Cải cách…") or its number spelled ("Tiêu chí thu hai"), is refused by its cell too, never a
 * set 6 of 15 points short.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid } from "../../shared/index.ts";
import { edited, gridOf } from "./reading-rounds-helpers.ts";

type Item = { code: string; max?: number; children?: Item[] };
const codes = (items: Item[]): string[] => items.flatMap((i) => [i.code, ...codes(i.children ?? [])]);

describe("RD30: import-criteria — half-marked labels where labels are read", () => {
  const commune = { id: "x", year: 2024, unitType: "commune" as const };
  const decision = gridOf("fixtures/decisions/commune-word-labels.xlsx");
  const plain = importCriteriaSet(decision, commune);
  const district = { id: "x", year: 2024, unitType: "district" as const };
  const methodColumn = gridOf("fixtures/decisions/district-method-column.xlsx");
  const plainDistrict = importCriteriaSet(methodColumn, district);

  it.each<[string, Grid, Record<string, string>, typeof commune | typeof district, typeof plain]>([
    ["under the total row (A14)", decision, { A14: "Chỉ tiêu thu 1" }, commune, plain],
    ["in 2.1's guidance cell (D10)", decision, { D10: "Tiêu chí so 2" }, commune, plain],
    ["in 1.2's method cell of a district decision (F9)", methodColumn, { F9: "Chỉ tiêu thu 1" }, district, plainDistrict],
  ])("RD30-2: a bare half-marked label %s is no label: the set imports whole", (_, grid, edits, options, whole) => {
    const imported = importCriteriaSet(edited(grid, edits), options);
    expect(imported.ok && whole.ok).toBe(true);
    if (!imported.ok || !whole.ok) return;
    expect(codes(imported.set.items)).toEqual(codes(whole.set.items));
    expect(imported.set.maxPoints).toBe(whole.set.maxPoints);
  });

  it.each<[string, Record<string, string>, string, string, string]>([
    ["title after a colon, label column blank", { A9: "", B9: "Tiêu chí so 2: Cải cách thủ tục hành chính" }, "B9", "Tiêu chí so 2", "Tiêu chí số 2"],
    ["title after a colon in the label column", { A9: "Tiêu chí so 2: Cải cách TTHC" }, "A9", "Tiêu chí so 2", "Tiêu chí số 2"],
    ["its number spelled", { A9: "Tiêu chí thu hai" }, "A9", "Tiêu chí thu hai", "Tiêu chí thứ hai"],
    ["title after a dash", { A9: "", B9: "Tiêu chí so 2 - Cải cách thủ tục hành chính" }, "B9", "Tiêu chí so 2", "Tiêu chí số 2"],
    ["a sub-criterion's, title after a full stop", { A10: "", B10: "Chỉ tiêu thu 1. Tỷ lệ hồ sơ giải quyết đúng hạn" }, "B10", "Chỉ tiêu thu 1", "Chỉ tiêu thứ 1"],
  ])("RD30-1: a half-marked label opening its cell, %s, is refused naming its cell and the label meant", (_, edits, cell, text, meant) => {
    const imported = importCriteriaSet(edited(decision, edits), commune);
    expect(imported.ok).toBe(false);
    if (imported.ok) return;
    expect(imported.message).toContain(`"${text}"`);
    expect(imported.message).toContain(`"${meant}"`);
    expect(imported.message).toContain(`!${cell})`);
  });

  it.each<[string, Record<string, string>]>([
    ["a title going on in lower case after a coded label", { B10: "Chỉ tiêu thu 3 loại phí đúng hạn" }],
    ["a percentage", { B10: "Chỉ tiêu thu 5% phí, lệ phí" }],
    ["a year", { B10: "Chỉ tiêu so 2024: tăng" }],
    ["a revenue target", { B6: "Chỉ tiêu thu năm 2024: Ban hành kế hoạch" }],
    ["a comparison", { B10: "Tiêu chí so sánh 2 năm liền" }],
    ["its title cell when the label column codes the row", { B9: "Tiêu chí so 2: Cải cách thủ tục hành chính" }],
  ])("RD30-1: %s is no half-marked label: the set imports whole", (_, edits) => {
    const imported = importCriteriaSet(edited(decision, edits), commune);
    expect(imported.ok && plain.ok).toBe(true);
    if (!imported.ok || !plain.ok) return;
    expect(codes(imported.set.items)).toEqual(codes(plain.set.items));
  });
});
