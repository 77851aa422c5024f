/**
 * Red-team round 22: a units sheet created "Xã Kì Sơn" beside "Xã Kỳ Sơn" (WB22-6), and "Phường ２"
 * beside "Phường 2" with the id "phuong", the number dropped (WB22-7).
 */
import { describe, expect, it } from "vitest";
import { planUnitImport, unitSlug } from "../src/onboarding/unit-import.ts";

const row = (n: number, name: string) => ({ row: n, name, type: "Tỉnh", parent: "", validFrom: "01/07/2025" });

describe("units sheet: one unit however its name is spelled", () => {
  it.each([
    ["Xã Kỳ Sơn", "Xã Kì Sơn"],
    ["Xã Quy Đức", "Xã Qui Đức"],
    ["Xã Mỹ Lộc", "Xã Mĩ Lộc"],
    ["Phường 2", "Phường ２"],
  ])("%s then %s: the second is DUPLICATE_NAME", (a, b) => {
    const plan = planUnitImport([row(2, a), row(3, b)], [], "vi");
    expect(plan.problems.map((p) => [p.row, p.code])).toContainEqual([3, "DUPLICATE_NAME"]);
  });

  it("an id keeps a full-width number", () => {
    expect(unitSlug("Phường ２", new Set())).toBe("phuong-2");
    expect(unitSlug("Phường ２０", new Set())).toBe("phuong-20");
  });
});
