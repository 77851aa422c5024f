import { describe, expect, it } from "vitest";
import { AnalysisSchema } from "../src/api-schemas.ts";
import { AT, appraise, createCommune, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { env } from "cloudflare:test";
import { call, seedDemoCycle } from "./helpers.ts";

/** Weak-criteria analysis: every number recomputed here from the submitted reports. */
const P = "t-analysis-2024";
const COMMUNES = [
  ["t-an-a", "Xã Thử A", "huyen-an-binh", 0],
  ["t-an-b", "Xã Thử B", "huyen-an-binh", 3],
  ["t-ds-c", "Xã Thử C", "huyen-dong-son", 6],
  ["t-ds-d", "Xã Thử D", "huyen-dong-son", 9],
] as const;
const FINAL = "t-an-a"; // appraised 1.3 → 0, then final: the appraised score counts

type Report = { items: { code: string; score: number; max: number; kind: string; notApplicable: boolean }[]; fields: { code: string; adjustment?: boolean }[] };

const percentile = (sorted: number[], p: number) => {
  const at = (sorted.length - 1) * p;
  const lo = Math.floor(at);
  return sorted[lo]! + (sorted[Math.ceil(at)]! - sorted[lo]!) * (at - lo);
};
const r2 = (x: number) => Math.round(x * 100) / 100;

let reports: Map<string, Report>;

async function build(): Promise<void> {
  if (reports) return;
  await newPeriod(P);
  reports = new Map();
  for (const [id, name, parent] of COMMUNES) await createCommune(id, name, parent);
  await submitFor(P, "t-ds-d", { short: 1 }); // superseded by the next version
  for (const [id, , , short] of COMMUNES) reports.set(id, (await submitFor(P, id, { short })).report as unknown as Report);
  expect((await step(P, FINAL, { action: "start_review" }, "admin")).status).toBe(200);
  expect((await appraise(P, FINAL, [{ code: "1.3", score: 0 }], "admin")).status).toBe(200);
  expect((await step(P, FINAL, { action: "finalize" }, "admin")).status).toBe(200);
}

/** Expected analysis over some units, straight from their reports (cents, then rounding). */
function expected(units: string[]) {
  const per = new Map<string, { code: string; kind: string; max: number; rows: { unit: string; score: number }[] }>();
  for (const unit of units) {
    const report = reports.get(unit)!;
    const adjustment = new Set(report.fields.filter((f) => f.adjustment).map((f) => f.code));
    for (const item of report.items) {
      if (item.notApplicable || adjustment.has(item.code.split(".")[0]!)) continue;
      let score = Math.round(item.score * 100);
      if (item.kind === "survey") continue; // nothing imported: not counted as lost
      if (unit === FINAL && item.code === "1.3") score = 0;
      const entry = per.get(item.code) ?? { code: item.code, kind: item.kind, max: Math.round(item.max * 100), rows: [] };
      entry.rows.push({ unit, score });
      per.set(item.code, entry);
    }
  }
  return [...per.values()].filter((e) => e.max > 0).map((e) => {
    const lost = e.rows.reduce((a, r) => a + (e.max - r.score), 0);
    const losing = e.rows.filter((r) => r.score < e.max).sort((a, b) => a.score - b.score || a.unit.localeCompare(b.unit));
    return {
      code: e.code,
      max: e.max / 100,
      unitsScored: e.rows.length,
      unitsLosing: losing.length,
      pointsLost: lost / 100,
      shareLost: Math.round((lost / (e.max * e.rows.length)) * 10_000) / 10_000,
      worstUnits: losing.slice(0, 5).map((r) => ({ unit: r.unit, score: r.score / 100 })),
    };
  });
}

describe("GET /v1/periods/:id/analysis", () => {
  it("adds up lost points per item from the latest versions, with the final appraised scores", async () => {
    await build();
    const res = await call("GET", `/v1/periods/${P}/analysis`, { at: AT });
    expect(res.status).toBe(200);
    expect(AnalysisSchema.safeParse(res.body).success).toBe(true);
    // The level beside the year: the pane and the sheets name the period by them ("năm 2024, cấp xã").
    expect([res.body.year, res.body.unitType]).toEqual([2024, "commune"]);
    expect(res.body.units).toBe(COMMUNES.length);
    const want = expected(COMMUNES.map(([id]) => id));
    expect(want.length).toBeGreaterThan(10);
    const got = res.body.items as any[];
    expect(got.map((i) => i.code).sort()).toEqual(want.map((i) => i.code).sort());
    for (const w of want) {
      const g = got.find((i) => i.code === w.code);
      expect({ ...g, worstUnits: g.worstUnits.map((u: any) => ({ unit: u.unit, score: u.score })) }, w.code).toMatchObject(w);
    }
    for (let i = 1; i < got.length; i++) expect(got[i - 1].shareLost).toBeGreaterThanOrEqual(got[i].shareLost);
    // the final unit lost 1.3 by appraisal although its version had it at full marks
    expect(got.find((i) => i.code === "1.3").worstUnits.map((u: any) => u.unit)).toContain(FINAL);
    expect(got.find((i) => i.code === "1.3").worstUnits[0].unitName).toMatch(/^Xã Thử/);
  });

  it("spreads each field's sub-index over the units (ranking's sub-indices, PERCENTILE.INC)", async () => {
    await build();
    const [res, ranking] = await Promise.all([call("GET", `/v1/periods/${P}/analysis`, { at: AT }), call("GET", `/v1/periods/${P}/ranking`, { at: AT })]);
    const mine = (ranking.body.items as any[]).filter((i) => COMMUNES.some(([id]) => id === i.unit));
    expect(mine).toHaveLength(COMMUNES.length);
    for (const f of res.body.fields as any[]) {
      const values = mine.map((u) => u.fields[f.code] as number).sort((a, b) => a - b);
      expect(f).toMatchObject({ units: 4, min: values[0], max: values[3], median: r2(percentile(values, 0.5)), p25: r2(percentile(values, 0.25)), p75: r2(percentile(values, 0.75)) });
      expect(f.mean).toBeCloseTo(values.reduce((a, v) => a + v, 0) / 4, 2);
    }
    // recompute one field's sub-index from the reports themselves: field 1 of the unit short of 3 items
    const report = reports.get("t-an-b")!;
    const f1 = report.items.filter((i) => i.code.split(".")[0] === "1" && !i.notApplicable);
    const pct = r2((f1.reduce((a, i) => a + Math.round(i.score * 100), 0) * 100) / f1.reduce((a, i) => a + Math.round(i.max * 100), 0));
    expect(mine.find((u) => u.unit === "t-an-b").fields["1"]).toBeCloseTo(pct, 2);
    expect((res.body.fields as any[]).map((f) => f.code)).not.toContain("8"); // adjustment field
  });

  it("a reviewer sees its subtree only; a unit token gets 403; an unknown period 404", async () => {
    await build();
    const res = await call("GET", `/v1/periods/${P}/analysis`, { as: "reviewer", at: AT });
    expect(res.status).toBe(200);
    expect(res.body.units).toBe(2);
    const want = expected(["t-an-a", "t-an-b"]);
    for (const w of want) expect(res.body.items.find((i: any) => i.code === w.code), w.code).toMatchObject({ unitsScored: 2, unitsLosing: w.unitsLosing, pointsLost: w.pointsLost, shareLost: w.shareLost });
    for (const i of res.body.items) for (const u of i.worstUnits) expect(["t-an-a", "t-an-b"]).toContain(u.unit);
    for (const f of res.body.fields) expect(f.units).toBe(2);
    const unit = await call("GET", `/v1/periods/${P}/analysis`, { as: "unit", at: AT });
    expect(unit.status).toBe(403);
    expect(unit.body.error.code).toBe("FORBIDDEN");
    expect((await call("GET", "/v1/periods/no-such-period/analysis", { at: AT })).status).toBe(404);
  });

  it("counts a survey item only over the units whose survey scores were imported (demo cycle)", async () => {
    await seedDemoCycle();
    const res = await call("GET", "/v1/periods/2024-commune-demo/analysis", { at: AT });
    const { results } = await env.DB.prepare(
      `SELECT sv.unit_id, sv.score_cents FROM survey_scores sv WHERE sv.period_id = '2024-commune-demo' AND sv.code = '7.1.1'
         AND sv.unit_id IN (SELECT unit_id FROM submissions WHERE period_id = '2024-commune-demo') ORDER BY sv.unit_id`,
    ).all<{ unit_id: string; score_cents: number }>();
    expect(results.length).toBeGreaterThan(1);
    expect(results.length).toBeLessThan(res.body.units); // some submitted units have no survey yet
    const lost = results.reduce((a, r) => a + (500 - r.score_cents), 0);
    expect(res.body.items.find((i: any) => i.code === "7.1.1")).toMatchObject({
      unitsScored: results.length,
      unitsLosing: results.filter((r) => r.score_cents < 500).length,
      pointsLost: lost / 100,
      shareLost: Math.round((lost / (500 * results.length)) * 10_000) / 10_000,
    });
  });
});
