import { describe, expect, it } from "vitest";
import department from "../../fixtures/criteria/demo-department-2024.json";
import { CriteriaSetSchema, scoreWorkbook } from "../../shared/index.ts";
import { gridFromItems } from "../src/items-grid.ts";
import { AT, appraise, newPeriod, step } from "./cycle-helpers.ts";
import { call, COMMUNE_SET, count, fullItems, uniqueKey, type Who } from "./helpers.ts";

/**
 * What a unit's result is once the appraisal council has worked on it (the yearly cycle,
 * PAR-INDEX.md): the version reviewed stays the one ranked, and what the council appraised
 * is what counts.
 */

async function ok(res: Promise<{ status: number; text: string }>, status = 200): Promise<void> {
  const r = await res;
  expect(r.status, r.text).toBe(status);
}

describe("a new version once the unit's review has started", () => {
  const P = "t-resubmit-2024";
  const u = "xa-an-phu"; // demo-unit's own commune
  const submit = (key: string, items: unknown, as: Who = "unit") =>
    call("POST", "/v1/submissions", { body: { period: P, ...(as === "admin" ? { unit: u } : {}), items }, as, at: AT, headers: { "Idempotency-Key": key } });

  it("is refused with 409 REVIEW_STARTED at every status from under_review to final, by the unit and the admin; an earlier request still replays", async () => {
    await newPeriod(P);
    const items = fullItems(COMMUNE_SET);
    const first = await submit("first", items);
    expect(first.status, first.text).toBe(201);

    const refusedAt: string[] = [];
    const tryAgain = async () => {
      const res = await submit(uniqueKey("again"), items.map((i) => (i.code === "1.3" ? { ...i, self: 0 } : i)));
      const admin = await submit(uniqueKey("admin"), items, "admin");
      expect([res.status, admin.status], res.text).toEqual([409, 409]);
      expect([res.body.error.code, admin.body.error.code]).toEqual(["REVIEW_STARTED", "REVIEW_STARTED"]);
      expect(res.body.error.message).toMatch(/^Hồ sơ của Xã An Phú \(xa-an-phu\) .*thẩm định.*\/ the review of Xã An Phú \(xa-an-phu\)/);
      const view = await call("GET", `/v1/periods/${P}/units/${u}/appraisal`, { as: "reviewer" });
      refusedAt.push(view.body.status);
    };

    await ok(step(P, u, { action: "start_review" }));
    await tryAgain();
    await ok(appraise(P, u, [{ code: "1.3", score: 1 }]));
    await ok(step(P, u, { action: "return", reason: "Giải trình 1.3" }));
    await tryAgain();
    await ok(step(P, u, { action: "explain", explanations: [{ code: "1.3", text: "Bổ sung", evidence: "Báo cáo số 20/BC-UBND ngày 20/12/2024" }] }, "unit"));
    await tryAgain();
    await ok(step(P, u, { action: "start_review" }));
    await ok(step(P, u, { action: "finalize" }));
    await tryAgain();
    await ok(step(P, u, { action: "reopen", reason: "Khiếu nại" }, "admin"));
    await tryAgain();
    expect(refusedAt).toEqual(["under_review", "returned_for_explanation", "explained", "final", "under_review"]);

    // Nothing stored: still the one version, appraised; the first request replays its answer.
    expect(await count("submissions", "period_id = ?1 AND unit_id = ?2", P, u)).toBe(1);
    const replay = await submit("first", items);
    expect([replay.status, replay.body]).toEqual([201, first.body]);
    const reused = await submit("first", items.slice(1));
    expect([reused.status, reused.body.error.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);

    // The final result is the council's, on the version it reviewed.
    await ok(step(P, u, { action: "finalize" }));
    const ranking = await call("GET", `/v1/periods/${P}/ranking`, { at: AT });
    const row = ranking.body.items.find((i: { unit: string }) => i.unit === u);
    expect(row).toMatchObject({ status: "final", basis: "appraised" });
    expect(row.appraisedScore).toBe(row.selfScore - 1); // 1.3: 2 (its max) by the unit, 1 by the council
  });
});

describe("an appraised score on an item the unit marked \"Không áp dụng\"", () => {
  const SET = CriteriaSetSchema.parse({ ...department, id: "t-na-department-2024" });
  const P = "t-na-2024";
  const u = "so-noi-vu";
  const marked = fullItems(SET).map((i) => (i.code === "4.3" ? { code: "4.3", self: "Không áp dụng" as unknown as number } : i));
  const scored = (items: typeof marked) => scoreWorkbook(gridFromItems(items as never, SET), SET);

  it("brings the item back into the maximum with the council's score once final; accepting unchanged keeps it excluded", async () => {
    await ok(call("POST", "/v1/criteria-sets", { body: { set: SET, status: "published" } }), 201);
    await ok(call("POST", "/v1/periods", { body: { id: P, year: 2024, criteriaSet: { id: SET.id, version: 1 }, deadline: "2099-01-31T17:00:00+07:00" } }), 201);
    await ok(call("POST", "/v1/submissions", { body: { period: P, unit: u, items: marked }, at: AT, headers: { "Idempotency-Key": uniqueKey(u) } }), 201);
    await ok(call("POST", "/v1/submissions", { body: { period: P, unit: "so-tu-phap", items: marked }, at: AT, headers: { "Idempotency-Key": uniqueKey("tp") } }), 201);
    const asMarked = scored(marked);
    const asZero = scored(marked.map((i) => (i.code === "4.3" ? { code: "4.3", self: 0, evidence: "Quyết định số 12/QĐ-UBND ngày 05/01/2024" } : i)));
    expect(asMarked.items.find((i) => i.code === "4.3")!.notApplicable).toBe(true);
    expect(asZero.max).toBe(asMarked.max + 2);

    // so-noi-vu: 4.3 appraised 0 by the council; so-tu-phap: accepted unchanged (4.3 stays out).
    for (const unit of [u, "so-tu-phap"]) await ok(call("POST", `/v1/periods/${P}/units/${unit}/appraisal/transitions`, { body: { action: "start_review" }, at: AT }));
    await ok(call("PUT", `/v1/periods/${P}/units/${u}/appraisal/items`, { body: { items: [{ code: "4.3", score: 0 }] }, at: AT }));
    await ok(call("POST", `/v1/periods/${P}/units/${u}/appraisal/accept-unchanged`, { at: AT }));
    await ok(call("POST", `/v1/periods/${P}/units/so-tu-phap/appraisal/accept-unchanged`, { at: AT }));
    for (const unit of [u, "so-tu-phap"]) await ok(call("POST", `/v1/periods/${P}/units/${unit}/appraisal/transitions`, { body: { action: "finalize" }, at: AT }));

    const res = await call("GET", `/v1/periods/${P}/ranking`, { at: AT });
    const byUnit = new Map<string, any>(res.body.items.map((i: { unit: string }) => [i.unit, i]));
    expect(byUnit.get(u)).toMatchObject({ status: "final", basis: "appraised", total: asZero.total, max: asZero.max, percent: asZero.percent });
    expect(byUnit.get("so-tu-phap")).toMatchObject({ status: "final", basis: "appraised", total: asMarked.total, max: asMarked.max, percent: asMarked.percent });
    expect(byUnit.get(u).percent).toBeLessThan(byUnit.get("so-tu-phap").percent);
  });
});
