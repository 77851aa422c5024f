/**
 * API round 5 (API5-5): a unit ranked on its survey scores alone (nothing sent, the survey
 * imported: Phường Mỹ Xuân in the demo cycle) had no sub-index for the survey field, though its
 * whole index comes from it. Its survey field now carries the field's sub-index; the fields it
 * has no data for stay null (empty in the exports), in the ranking and in the unit's history.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, seedDemoCycle } from "./helpers.ts";

const AT = "2025-03-01T09:00:00+07:00";

describe("a unit ranked on survey scores alone", () => {
  beforeAll(seedDemoCycle);

  it("has its survey field's sub-index in the ranking, null elsewhere", async () => {
    const res = await call("GET", "/v1/periods/2024-commune-demo/ranking", { as: "admin", at: AT });
    expect(res.status, res.text).toBe(200);
    const entry = res.body.items.find((e: { unit: string }) => e.unit === "phuong-my-xuan");
    expect(entry.rank).not.toBeNull();
    expect(entry.fields["7"]).toBeCloseTo((entry.percent / 24) * 100, 1);
    for (const code of ["1", "2", "3", "4", "5", "6"]) expect([code, entry.fields[code]]).toEqual([code, null]);
  });

  it("shows it in the CSV export (decimal comma) and the unit's history", async () => {
    const csv = await call("GET", "/v1/periods/2024-commune-demo/ranking?format=csv", { as: "admin", at: AT });
    const line = csv.text.split(/\r?\n/).find((l) => l.includes("phuong-my-xuan") || l.includes("Mỹ Xuân"))!;
    expect(line).toMatch(/;69,79;/);
    const history = await call("GET", "/v1/units/phuong-my-xuan/history", { as: "admin", at: AT });
    expect(history.status, history.text).toBe(200);
    const y2024 = history.body.years.find((y: { year: number }) => y.year === 2024);
    expect(y2024.fields["7"]).toBeCloseTo(69.79, 1);
  });
});
