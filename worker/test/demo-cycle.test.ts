import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_CYCLE_PERIOD, DEMO_CYCLE_UNITS } from "../src/seed/demo-seed.ts";
import { call, count, seedDemoCycle } from "./helpers.ts";

/** The `npm start` demo cycle: every appraisal status on the board, a ranking with survey points. */
describe("demo cycle seed", () => {
  beforeAll(async () => {
    await seedDemoCycle();
    await seedDemoCycle(); // once only: a second run changes nothing
  });

  it("is applied once, through the routes' tables (events, items, audit)", async () => {
    expect(await count("submissions", "period_id = ?1", DEMO_CYCLE_PERIOD)).toBe(9);
    expect(await count("submission_items", "period_id = ?1", DEMO_CYCLE_PERIOD)).toBeGreaterThan(9 * 20);
    expect(await count("idempotency_keys", "key LIKE 'demo-seed-%'")).toBe(9);
    expect(await count("review_events", "period_id = ?1", DEMO_CYCLE_PERIOD)).toBe(14);
    expect(await count("explanations", "period_id = ?1", DEMO_CYCLE_PERIOD)).toBe(2);
    expect(await count("appraisal_items", "period_id = ?1 AND unit_id = 'xa-binh-hoa'", DEMO_CYCLE_PERIOD)).toBe(2);
    expect(await count("audit_log", "action = 'seed.demo_cycle'")).toBe(1);
    expect(await count("audit_log", "entity = 'review' AND entity_id LIKE ?1", `${DEMO_CYCLE_PERIOD}/%`)).toBe(14 + 5 + 2);
    expect(await count("audit_log", "action = 'submission.create' AND json_extract(detail, '$.period') = ?1", DEMO_CYCLE_PERIOD)).toBe(9);
  });

  it("shows every status on the board, with the unsubmitted units late", async () => {
    const res = await call("GET", `/v1/periods/${DEMO_CYCLE_PERIOD}/board`, { as: "admin", at: "2025-03-01T09:00:00+07:00" });
    expect(res.status).toBe(200);
    const units = res.body.groups.flatMap((g: { units: { unit: string; status: string; late: boolean; turn: string }[] }) => g.units);
    for (const d of DEMO_CYCLE_UNITS) expect(units.find((u: { unit: string }) => u.unit === d.unit)?.status, d.unit).toBe(d.status);
    expect(new Set(units.map((u: { status: string }) => u.status))).toEqual(new Set(["not_submitted", "submitted", "under_review", "returned_for_explanation", "explained", "final"]));
    expect(units.filter((u: { late: boolean }) => u.late).map((u: { unit: string }) => u.unit).sort()).toEqual(["phuong-my-xuan", "xa-son-thuy"]);
    expect(res.body.counts).toMatchObject({ total: 10, submitted: 8, late: 2, final: 2, statuses: { not_submitted: 2, submitted: 2, under_review: 2, returned_for_explanation: 1, explained: 1, final: 2 } });
    // the demo reviewer sees its district, where each open status has one unit
    const mine = await call("GET", `/v1/periods/${DEMO_CYCLE_PERIOD}/board`, { as: "reviewer" });
    expect(mine.body.counts).toMatchObject({ total: 4, submitted: 4, statuses: { submitted: 1, under_review: 1, returned_for_explanation: 1, explained: 1 } });
  });

  it("ranks every unit, appraised scores for appraised ones (final or not), survey points where imported", async () => {
    const res = await call("GET", `/v1/periods/${DEMO_CYCLE_PERIOD}/ranking`, { as: "admin" });
    expect(res.status).toBe(200);
    const items = res.body.items as { unit: string; rank: number; basis: string; survey: { imported: boolean; score: number }; appraisedScore: number | null; selfScore: number | null; submitted: boolean }[];
    expect(items).toHaveLength(10);
    expect(items.map((i) => i.rank)[0]).toBe(1);
    expect(items.filter((i) => i.basis === "appraised").map((i) => i.unit).sort()).toEqual(["thi-tran-an-binh", "xa-an-phu", "xa-binh-hoa", "xa-dong-hai", "xa-dong-tien"]);
    expect(items.filter((i) => i.survey.imported).map((i) => i.unit).sort()).toEqual(["phuong-my-xuan", "phuong-phu-my", "xa-an-loc", "xa-dong-hai", "xa-dong-tien"]);
    const hai = items.find((i) => i.unit === "xa-dong-hai")!;
    expect(hai.appraisedScore).not.toBe(hai.selfScore);
    const late = items.find((i) => i.unit === "phuong-my-xuan")!;
    expect([late.submitted, late.survey.score > 0]).toEqual([false, true]);
    const csv = await call("GET", `/v1/periods/${DEMO_CYCLE_PERIOD}/ranking?format=csv`, { as: "admin" });
    expect(csv.headers.get("Content-Type")).toContain("text/csv");
  });

  it("lets the demo unit explain and the demo reviewer start its next step", async () => {
    const explain = await call("POST", `/v1/periods/${DEMO_CYCLE_PERIOD}/units/xa-an-phu/appraisal/transitions`, {
      as: "unit",
      body: { action: "explain", explanations: [{ code: "1.3", text: "Bổ sung kế hoạch", evidence: "Kế hoạch số 9/KH-UBND" }] },
    });
    expect([explain.status, explain.body.status]).toEqual([200, "explained"]);
    const start = await call("POST", `/v1/periods/${DEMO_CYCLE_PERIOD}/units/xa-an-loc/appraisal/transitions`, { as: "reviewer", body: { action: "start_review" } });
    expect([start.status, start.body.status]).toEqual([200, "under_review"]);
    expect(await env.DB.prepare("SELECT COUNT(*) AS n FROM review_events WHERE period_id = ?1").bind(DEMO_CYCLE_PERIOD).first("n")).toBe(16);
  });
});
