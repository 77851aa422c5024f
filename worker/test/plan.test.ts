import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { PlanResponseSchema } from "../src/api-schemas.ts";
import { AT } from "./cycle-helpers.ts";
import { call, seedDemoCycle } from "./helpers.ts";

/** The target planner on the server, over the demo cycle (appraisals, survey import, versions). */
const P = "2024-commune-demo";
const ranking = async () => (await call("GET", `/v1/periods/${P}/ranking`, { at: AT })).body.items as any[];
const plan = (unit: string, q: string, as: "admin" | "reviewer" | "unit" = "admin") => call("GET", `/v1/periods/${P}/units/${unit}/plan?${q}`, { as, at: AT });

describe("GET /v1/periods/:id/units/:unit/plan", () => {
  it("starts from the index the ranking shows (final appraisal and survey import put in)", async () => {
    await seedDemoCycle();
    const items = await ranking();
    for (const unit of ["xa-dong-hai", "xa-an-loc", "phuong-phu-my", "xa-binh-hoa"]) {
      const res = await plan(unit, "percent=99");
      expect(res.status, unit).toBe(200);
      expect(PlanResponseSchema.safeParse(res.body).success).toBe(true);
      const own = items.find((i) => i.unit === unit);
      expect(res.body.plan.currentPercent, unit).toBe(own.percent);
      const p = res.body.plan;
      expect(p.gain).toBeCloseTo(p.items.reduce((a: number, i: any) => a + i.gain, 0), 2);
      if (p.reachable && !p.alreadyReached) expect(p.resultingPercent).toBeGreaterThanOrEqual(99);
    }
    expect((await plan("phuong-phu-my", "percent=50")).body.version).toBe(2); // the latest of two versions
    // the stored report of the final unit alone says otherwise: survey and appraisal were put in
    const stored = await env.DB.prepare("SELECT percent FROM submissions WHERE period_id = ?1 AND unit_id = 'xa-dong-hai' ORDER BY version DESC LIMIT 1").bind(P).first<{ percent: number }>();
    expect(stored!.percent).not.toBe(items.find((i) => i.unit === "xa-dong-hai").percent);
  });

  it("a rank target asks for the index of the unit now at that rank among the others", async () => {
    await seedDemoCycle();
    const others = (await ranking()).filter((i) => i.submitted && i.unit !== "xa-tan-hoa").map((i) => i.percent).sort((a, b) => b - a);
    for (const rank of [1, 3]) {
      const res = await plan("xa-tan-hoa", `rank=${rank}`, "admin");
      expect(res.status).toBe(200);
      expect(res.body.plan).toMatchObject({ rank, targetPercent: others[rank - 1] });
    }
    // both: the stricter one applies
    const both = await plan("xa-tan-hoa", "rank=7&percent=85%2C5", "admin");
    expect(both.body.plan.targetPercent).toBe(Math.max(85.5, others[6]));
  });

  it("reads 85,5 and 85,5 % as 85.5; refuses no target or a bad one with the error envelope", async () => {
    await seedDemoCycle();
    expect((await plan("xa-an-loc", "percent=85%2C5")).body.plan.targetPercent).toBe(85.5);
    expect((await plan("xa-an-loc", "percent=85%2C5%25")).body.plan.targetPercent).toBe(85.5);
    for (const q of ["", "percent=abc", "percent=120", "rank=0", "rank=1.5"]) {
      const res = await plan("xa-an-loc", q);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code, q).toBeTruthy();
    }
  });

  it("a unit plans its own index; a rank target is for reviewers; other units and non-submitters are 404", async () => {
    await seedDemoCycle();
    expect((await plan("xa-an-phu", "percent=90", "unit")).status).toBe(200);
    const rank = await plan("xa-an-phu", "rank=1", "unit");
    expect(rank.status).toBe(403);
    expect(rank.body.error.code).toBe("FORBIDDEN");
    expect((await plan("xa-an-loc", "percent=90", "unit")).status).toBe(404);
    expect((await plan("xa-an-phu", "rank=2", "reviewer")).status).toBe(200);
    expect((await plan("xa-dong-hai", "percent=90", "reviewer")).status).toBe(404); // another district
    const none = await plan("xa-son-thuy", "percent=90");
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe("SUBMISSION_NOT_FOUND");
  });
});
