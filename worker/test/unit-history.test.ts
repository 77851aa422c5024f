import { describe, expect, it } from "vitest";
import { UnitHistorySchema } from "../src/api-schemas.ts";
import { AT, createCommune, newPeriod, submitFor } from "./cycle-helpers.ts";
import { bearer, call, createToken } from "./helpers.ts";

/** A unit's index, rank and sub-indices per year, checked against each year's ranking. */
const Y1 = "t-hist-2023";
const Y2 = "t-hist-2024";

async function build(): Promise<void> {
  await newPeriod(Y1, 2023);
  await newPeriod(Y2, 2024);
  await createCommune("t-hist-a", "Xã Lịch Sử A", "huyen-an-binh");
  await createCommune("t-hist-b", "Xã Lịch Sử B", "huyen-dong-son");
  // 2023: A full marks (1st), B short; 2024: B full marks (1st), A short of 4 items (2nd)
  await submitFor(Y1, "t-hist-a");
  await submitFor(Y1, "t-hist-b", { short: 3 });
  await submitFor(Y2, "t-hist-a", { short: 4 });
  await submitFor(Y2, "t-hist-b");
  // the demo merge xa-an-phu + xa-an-loc → xa-an-phu-loc (weights 1): predecessors' data only
  await submitFor(Y2, "xa-an-phu", { short: 2 });
  await submitFor(Y2, "xa-an-loc", { short: 6 });
}

describe("GET /v1/units/:id/history", () => {
  it("lists each year with the unit's percent, band, rank and fields from that year's ranking", async () => {
    await build();
    const res = await call("GET", "/v1/units/t-hist-a/history", { at: AT });
    expect(res.status).toBe(200);
    expect(UnitHistorySchema.safeParse(res.body).success).toBe(true);
    expect(res.body.unit).toBe("t-hist-a");
    expect(res.body.years.map((y: any) => [y.year, y.period])).toEqual([[2023, Y1], [2024, Y2]]);
    for (const y of res.body.years) {
      const ranking = (await call("GET", `/v1/periods/${y.period}/ranking`, { at: AT })).body;
      const own = ranking.items.find((i: any) => i.unit === "t-hist-a");
      const { 8: adjustment, ...fields } = own.fields; // the bonus/penalty section has no sub-index in the history
      expect(adjustment).toBeNull();
      expect(y).toMatchObject({ percent: own.percent, band: own.band, rank: own.rank, of: ranking.items.filter((i: { rank: number | null }) => i.rank !== null).length, fields, basis: "own" });
    }
    expect(res.body.years[0].rank).toBe(1);
    const b = (await call("GET", "/v1/units/t-hist-b/history", { at: AT })).body;
    expect(b.years.map((y: any) => y.rank)).toEqual([2, 1]);
    expect(res.body.years[1].rank).toBeGreaterThan(1);
    expect(res.body.years[1].percent).toBeLessThan(res.body.years[0].percent);
  });

  it("gives a merged unit its predecessors' weighted mean (rank null) where it has no data itself", async () => {
    const res = await call("GET", "/v1/units/xa-an-phu-loc/history", { at: AT });
    expect(res.status).toBe(200);
    const year = res.body.years.find((y: any) => y.period === Y2);
    const ranking = (await call("GET", `/v1/periods/${Y2}/ranking`, { at: AT })).body;
    const [phu, loc] = ["xa-an-phu", "xa-an-loc"].map((id) => ranking.items.find((i: any) => i.unit === id));
    expect(year).toMatchObject({ basis: "merge", rank: null, year: 2024, percent: Math.round(((phu.percent + loc.percent) / 2) * 100) / 100 });
    expect(year.predecessors.map((p: any) => [p.unit, p.rank])).toEqual([["xa-an-loc", loc.rank], ["xa-an-phu", phu.rank]]);
    expect(Math.abs(year.fields["1"] - (phu.fields["1"] + loc.fields["1"]) / 2)).toBeLessThanOrEqual(0.0051); // rounded to 2 decimals
  });

  it("a unit token reads its own unit only; a reviewer its subtree; unknown units 404", async () => {
    const unitToken = await createToken("unit", "t-hist-a");
    expect((await call("GET", "/v1/units/t-hist-a/history", { headers: bearer(unitToken), at: AT })).status).toBe(200);
    expect((await call("GET", "/v1/units/t-hist-b/history", { headers: bearer(unitToken), at: AT })).status).toBe(404);
    expect((await call("GET", "/v1/units/t-hist-a/history", { as: "reviewer", at: AT })).status).toBe(200);
    expect((await call("GET", "/v1/units/t-hist-b/history", { as: "reviewer", at: AT })).status).toBe(404);
    const unknown = await call("GET", "/v1/units/no-such-unit/history", { at: AT });
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.code).toBe("UNIT_NOT_FOUND");
  });

  it("follows merges of merged units: a predecessor without data stands on its own predecessors' mean", async () => {
    // t-gen-a + t-gen-b → t-gen-ab (1/1/2025), then t-gen-ab + t-gen-c → t-gen-abc (1/7/2025)
    await newPeriod(Y1, 2023);
    for (const id of ["t-gen-a", "t-gen-b", "t-gen-c"]) {
      const res = await call("POST", "/v1/units", { body: { id, name: `Xã ${id}`, type: "commune", parentId: "huyen-an-binh", validFrom: "2020-01-01", validTo: "2025-06-30" } }); // no later than its district
      expect(res.status).toBe(201);
    }
    const merge = (into: string, from: string[], date: string, weights?: Record<string, number>) =>
      call("POST", "/v1/units/merge", { body: { into: { id: into, name: `Xã ${into}`, type: "commune", parentId: "tinh-minh-hoa" }, from, date, ...(weights ? { weights } : {}) } });
    expect((await merge("t-gen-ab", ["t-gen-a", "t-gen-b"], "2025-01-01")).status).toBe(201);
    expect((await merge("t-gen-abc", ["t-gen-ab", "t-gen-c"], "2025-07-01", { "t-gen-ab": 1, "t-gen-c": 0.5 })).status).toBe(201);
    const shorts: Record<string, number> = { "t-gen-a": 1, "t-gen-b": 5, "t-gen-c": 3 };
    for (const [id, short] of Object.entries(shorts)) await submitFor(Y1, id, { short });

    const res = await call("GET", "/v1/units/t-gen-abc/history", { at: AT });
    expect(res.status).toBe(200);
    expect(UnitHistorySchema.safeParse(res.body).success).toBe(true);
    const year = res.body.years.find((y: any) => y.period === Y1);
    const ranking = (await call("GET", `/v1/periods/${Y1}/ranking`, { at: AT })).body;
    const [a, b, c] = ["t-gen-a", "t-gen-b", "t-gen-c"].map((id) => ranking.items.find((i: any) => i.unit === id));
    const r2 = (x: number) => Math.round(x * 100) / 100;
    const ab = r2((a.percent + b.percent) / 2);
    expect(year.predecessors).toEqual([
      { unit: "t-gen-ab", unitName: "Xã t-gen-ab", weight: 1, percent: ab, rank: null },
      { unit: "t-gen-c", unitName: "Xã t-gen-c", weight: 0.5, percent: c.percent, rank: c.rank },
    ]);
    expect(year).toMatchObject({ basis: "merge", rank: null, percent: r2((ab * 1 + c.percent * 0.5) / 1.5) });
    expect(res.body.years.map((y: any) => y.period)).toEqual([Y1]); // no year without data
  });
});
