import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { MeSchema, TrendSchema, UnitHistorySchema } from "../src/api-schemas.ts";
import { AT } from "./cycle-helpers.ts";
import { call, seedDemoCycle, seedDemoHistory } from "./helpers.ts";

/**
 * Year over year on the demo as `npm start` seeds it: 2022 and 2023 (sets whose codes the
 * 2024 set maps through its codeMap) and the 2024 demo cycle. Every number is checked
 * against the stored reports and each year's ranking, not against the history's own SQL.
 */
async function build(): Promise<void> {
  await seedDemoCycle();
  await seedDemoHistory();
}

type StoredItem = { code: string; score: number; max: number; notApplicable?: boolean };
/** The unit's latest stored report of a period, straight from D1. */
async function storedItems(period: string, unit: string): Promise<Map<string, StoredItem>> {
  const row = await env.DB.prepare("SELECT report FROM submissions WHERE period_id = ?1 AND unit_id = ?2 ORDER BY version DESC LIMIT 1").bind(period, unit).first<{ report: string }>();
  expect(row, `${period}/${unit}`).not.toBeNull();
  return new Map((JSON.parse(row!.report).items as StoredItem[]).map((i) => [i.code, i]));
}
const surveyScore = (max: number, share: number) => Math.round(max * share * 4) / 4;

describe("GET /v1/units/:id/history across criteria-set versions", () => {
  it("lists 2022, 2023 and 2024 with each year's own ranking numbers and set", async () => {
    await build();
    const res = await call("GET", "/v1/units/xa-an-loc/history", { at: AT });
    expect(res.status).toBe(200);
    expect(UnitHistorySchema.safeParse(res.body).success).toBe(true);
    expect(res.body.criteriaSet).toEqual({ id: "demo-commune-2024", version: 1 });
    expect(res.body.years.map((y: any) => [y.year, y.period, y.criteriaSet.id])).toEqual([
      [2022, "2022-commune", "demo-commune-2022"],
      [2023, "2023-commune", "demo-commune-2023"],
      [2024, "2024-commune-demo", "demo-commune-2024"],
    ]);
    for (const y of res.body.years) {
      const ranking = (await call("GET", `/v1/periods/${y.period}/ranking`, { at: AT })).body;
      const own = ranking.items.find((i: any) => i.unit === "xa-an-loc");
      expect(y).toMatchObject({ percent: own.percent, band: own.band, rank: own.rank, of: ranking.items.filter((i: { rank: number | null }) => i.rank !== null).length, basis: "own" });
      // fields 1–7 kept their codes in every version: the published sub-indices, as they were
      for (const f of res.body.fields) expect(y.fields[f.code], `${y.year} field ${f.code}`).toBe(own.fields[f.code]);
    }
    expect(res.body.fields.map((f: any) => f.code)).toEqual(["1", "2", "3", "4", "5", "6", "7"]);
    // the index improved year on year in the seeded data (2022 short of 4, 2023 of 3, 2024 of 2)
    const [p22, p23] = res.body.years.map((y: any) => y.percent);
    expect(p23).toBeGreaterThan(p22);
  });

  it("gives older criteria under the 2024 codes: swapped, renumbered, dropped", async () => {
    await build();
    const years = (await call("GET", "/v1/units/xa-an-loc/history", { at: AT })).body.years as any[];
    const [y22, y23, y24] = years;
    const s23 = await storedItems("2023-commune", "xa-an-loc");
    // 2023's 3.2.3 (complaints, a ratio) is 2024's 3.2.4 and the other way round
    expect(y23.items["3.2.4"]).toEqual({ score: s23.get("3.2.3")!.score, max: s23.get("3.2.3")!.max });
    expect(y23.items["3.2.3"]).toEqual({ score: s23.get("3.2.4")!.score, max: s23.get("3.2.4")!.max });
    // online payment was 6.1.2 (max 6) in 2023, 6.1.3 (max 4) in 2024; 2024's 6.1.2 is new
    expect(y23.items["6.1.3"]).toEqual({ score: s23.get("6.1.2")!.score, max: 6 });
    expect(y23.items["6.1.2"]).toBeUndefined();
    // 2023's 4.4 (grassroots democracy) was dropped; 2024's 4.4 is another criterion
    expect(y23.unmapped).toEqual(["4.4"]);
    expect(y22.unmapped).toEqual(["4.4"]);
    expect(y23.items["4.4"]).toBeUndefined();
    expect(y24.unmapped).toEqual([]);
    // every other self-assessed criterion of 2023 under its own code, final = server score
    for (const [code, item] of s23) {
      if (["3.2.3", "3.2.4", "4.4", "6.1.2"].includes(code) || code.startsWith("7.") || code.startsWith("8.") || item.notApplicable) continue;
      expect(y23.items[code], code).toEqual({ score: item.score, max: item.max });
    }
    // survey criteria come from the survey import (xa-an-loc: 70 % of max in 2022, 75 % in 2023)
    expect(y22.items["7.1.1"]).toEqual({ score: surveyScore(5, 0.7), max: 5 });
    expect(y23.items["7.2"]).toEqual({ score: surveyScore(4, 0.75), max: 4 });
    // 2024's criteria add up to the ranking's total less the bonus/penalty section (field 8)
    const cents = (x: number) => Math.round(x * 100);
    const total = Object.values(y24.items as Record<string, { score: number }>).reduce((a, i) => a + cents(i.score), 0);
    const adjustments = [...(await storedItems("2024-commune-demo", "xa-an-loc")).values()].filter((i) => i.code.startsWith("8.")).reduce((a, i) => a + cents(i.score), 0);
    expect(adjustments).toBeGreaterThan(0);
    const ranking = (await call("GET", "/v1/periods/2024-commune-demo/ranking", { at: AT })).body;
    expect(total + adjustments).toBe(cents(ranking.items.find((i: any) => i.unit === "xa-an-loc").total));
  });

  it("a merged commune gets its predecessors' weighted mean in every past year, with no criteria", async () => {
    await build();
    const res = await call("GET", "/v1/units/xa-an-phu-loc/history", { at: AT });
    expect(res.body.years.map((y: any) => [y.year, y.basis, y.rank])).toEqual([
      [2022, "merge", null],
      [2023, "merge", null],
      [2024, "merge", null],
    ]);
    const y22 = res.body.years[0];
    const ranking = (await call("GET", "/v1/periods/2022-commune/ranking", { at: AT })).body;
    const [phu, loc] = ["xa-an-phu", "xa-an-loc"].map((id) => ranking.items.find((i: any) => i.unit === id));
    expect(y22.percent).toBe(Math.round(((phu.percent + loc.percent) / 2) * 100) / 100);
    expect(y22.items).toEqual({});
  });
});

describe("GET /v1/periods/:id/trend", () => {
  it("counts the submitted units per band in each year's ranking, one period per year", async () => {
    await build();
    const res = await call("GET", "/v1/periods/2024-commune-demo/trend", { at: AT });
    expect(res.status).toBe(200);
    expect(TrendSchema.safeParse(res.body).success).toBe(true);
    expect(res.body.unitType).toBe("commune");
    expect(res.body.bands).toEqual(["Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu"]);
    expect(res.body.years.map((y: any) => [y.year, y.period])).toEqual([
      [2022, "2022-commune"],
      [2023, "2023-commune"],
      [2024, "2024-commune-demo"],
    ]);
    for (const y of res.body.years) {
      const items = (await call("GET", `/v1/periods/${y.period}/ranking`, { at: AT })).body.items as any[];
      const submitted = items.filter((i) => i.submitted);
      const counts = Object.fromEntries(res.body.bands.map((b: string) => [b, submitted.filter((i) => i.band === b).length]));
      expect(y.counts, y.period).toEqual(counts);
      expect(y.units).toBe(items.length);
      expect(y.submitted).toBe(submitted.length);
      expect(y.mean).toBeCloseTo(submitted.reduce((a, i) => a + i.percent, 0) / submitted.length, 2);
    }
    expect(res.body.years[0].submitted).toBe(10);
    expect(res.body.years[2].submitted).toBe(8);
  });

  it("the other 2024 period stands for its own year; a reviewer counts its district; a unit token gets 403", async () => {
    await build();
    const other = (await call("GET", "/v1/periods/2024-commune/trend", { at: AT })).body;
    expect(other.years.map((y: any) => y.period)).toEqual(["2022-commune", "2023-commune", "2024-commune"]);
    const reviewer = await call("GET", "/v1/periods/2024-commune-demo/trend", { as: "reviewer", at: AT });
    expect(reviewer.status).toBe(200);
    expect(reviewer.body.years.map((y: any) => y.units)).toEqual([4, 4, 4]); // Huyện An Bình's four communes
    const unit = await call("GET", "/v1/periods/2024-commune-demo/trend", { as: "unit", at: AT });
    expect(unit.status).toBe(403);
    expect(unit.body.error.code).toBe("FORBIDDEN");
    expect((await call("GET", "/v1/periods/no-such-period/trend", { at: AT })).status).toBe(404);
  });
});

describe("GET /v1/me", () => {
  it("names the token's role and unit", async () => {
    const unit = await call("GET", "/v1/me", { as: "unit" });
    expect(MeSchema.parse(unit.body)).toMatchObject({ role: "unit", unit: { id: "xa-an-phu", name: "Xã An Phú" } });
    // The periods open to each token: worker/test/me-periods.test.ts.
    expect((await call("GET", "/v1/me", { as: "admin", at: "2026-06-01T00:00:00Z" })).body).toEqual({ role: "admin", unit: null, periods: [], consolidation: expect.any(Array) });
    expect((await call("GET", "/v1/me", { as: "none" })).status).toBe(401);
  });
});
