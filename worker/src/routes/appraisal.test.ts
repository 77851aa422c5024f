import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { bearer, call, count, createToken, DEMO_SETS, fullItems, uniqueKey } from "../../test/helpers.ts";
import { appraise, AT, newPeriod, step, submitFor } from "../../test/cycle-helpers.ts";

const P = "t-appraisal-2024";
const reviewAudits = (unit: string) => count("audit_log", "entity = 'review' AND entity_id = ?1", `${P}/${unit}`);

describe("appraisal workflow: submitted → under_review → returned_for_explanation → explained → final", () => {
  it("walks every allowed step, refuses the others, and audits each one", async () => {
    await newPeriod(P);
    const sub = await submitFor(P, "xa-an-loc", { short: 1 });
    const u = "xa-an-loc";
    let view = await call("GET", `/v1/periods/${P}/units/${u}/appraisal`, { as: "reviewer" });
    expect([view.status, view.body.status, view.body.turn]).toEqual([200, "submitted", "reviewer"]);
    expect(view.body.latestSubmission.id).toBe(sub.id);

    // refused from "submitted": explain, finalize, return, reopen; a unit token may not start a review
    for (const [action, as, status, code] of [
      ["explain", "admin", 409, "REVIEW_TRANSITION_REFUSED"],
      ["finalize", "reviewer", 409, "REVIEW_TRANSITION_REFUSED"],
      ["return", "reviewer", 409, "REVIEW_TRANSITION_REFUSED"],
      ["start_review", "unit", 403, "FORBIDDEN"],
      ["reopen", "reviewer", 403, "FORBIDDEN"],
    ] as const) {
      const res = await step(P, u, { action, explanations: [{ code: "1.2", text: "x" }] }, as);
      expect([action, res.status, res.body.error.code]).toEqual([action, status, code]);
    }
    expect(await reviewAudits(u)).toBe(0);

    expect((await step(P, u, { action: "start_review" })).body).toMatchObject({ status: "under_review", turn: "reviewer", round: 1 });
    // appraise: one of the item's options (3, 1.5, 0), comment kept; over max and survey items refused
    const ok = await appraise(P, u, [{ code: "1.2", score: 1.5, comment: "Thiếu báo cáo quý IV" }]);
    expect(ok.status).toBe(200);
    expect(ok.body.items.find((i: { code: string }) => i.code === "1.2")).toMatchObject({ appraised: 1.5, comment: "Thiếu báo cáo quý IV" });
    expect((await appraise(P, u, [{ code: "1.2", score: 99 }])).body.error.code).toBe("APPRAISAL_INVALID");
    expect((await appraise(P, u, [{ code: "7.2", score: 1 }])).body.error.code).toBe("APPRAISAL_INVALID");
    expect((await appraise(P, u, [{ code: "1.2", score: 1 }], "unit")).status).toBe(403);

    const returned = await step(P, u, { action: "return", reason: "Đề nghị giải trình tiêu chí 1.2" });
    expect(returned.body).toMatchObject({ status: "returned_for_explanation", turn: "unit" });
    expect((await appraise(P, u, [{ code: "1.2", score: 2 }])).body.error.code).toBe("APPRAISAL_LOCKED");
    expect((await step(P, u, { action: "explain", explanations: [{ code: "1.2", text: "x" }] }, "reviewer")).status).toBe(403);
    expect((await step(P, u, { action: "explain" }, "admin")).status).toBe(400);

    const explained = await step(P, u, { action: "explain", explanations: [{ code: "1.2", text: "Bổ sung báo cáo quý IV", evidence: ["Báo cáo số 20/BC-UBND ngày 20/12/2024"] }] }, "admin");
    expect(explained.body).toMatchObject({ status: "explained", turn: "reviewer" });
    expect(explained.body.items.find((i: { code: string }) => i.code === "1.2").explanations[0]).toMatchObject({ round: 1, text: "Bổ sung báo cáo quý IV" });

    expect((await step(P, u, { action: "start_review" })).body).toMatchObject({ status: "under_review", round: 2 });
    expect((await appraise(P, u, [{ code: "1.2", score: 3, comment: "Đã giải trình" }])).status).toBe(200);
    expect((await step(P, u, { action: "finalize" })).body).toMatchObject({ status: "final", turn: "none" });

    // final is locked: no appraisal, no review; only an admin reopens, with a reason
    expect((await appraise(P, u, [{ code: "1.2", score: 0 }])).body.error.code).toBe("APPRAISAL_LOCKED");
    expect((await step(P, u, { action: "start_review" })).status).toBe(409);
    expect((await step(P, u, { action: "reopen", reason: "x" })).status).toBe(403);
    expect((await step(P, u, { action: "reopen" }, "admin")).status).toBe(400);
    const reopened = await step(P, u, { action: "reopen", reason: "Khiếu nại được chấp nhận" }, "admin");
    expect(reopened.body).toMatchObject({ status: "under_review", round: 3 });
    expect(reopened.body.history.map((h: { status: string }) => h.status)).toEqual(["under_review", "returned_for_explanation", "explained", "under_review", "final", "under_review"]);

    // 6 steps + 2 accepted appraisals, each with its audit row; the event history is append-only
    expect(await reviewAudits(u)).toBe(8);
    await expect(env.DB.prepare("UPDATE review_events SET status = 'final' WHERE unit_id = ?1").bind(u).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM review_events WHERE unit_id = ?1").bind(u).run()).rejects.toThrow(/append-only/);
  });

  it("refuses a review of a unit that has not submitted, and hides units outside the reviewer's subtree", async () => {
    await newPeriod(P);
    expect((await step(P, "xa-binh-hoa", { action: "start_review" })).body.error.code).toBe("REVIEW_TRANSITION_REFUSED");
    const view = await call("GET", `/v1/periods/${P}/units/xa-binh-hoa/appraisal`, { as: "reviewer" });
    expect([view.body.status, view.body.turn]).toEqual(["not_submitted", "unit"]);
    await submitFor(P, "xa-dong-hai");
    expect((await step(P, "xa-dong-hai", { action: "start_review" })).status).toBe(404);
    expect((await call("GET", `/v1/periods/${P}/units/xa-an-loc/appraisal`, { as: "unit" })).status).toBe(404);
  });

  it("the database refuses a step the workflow does not allow, even without the route's checks", async () => {
    await submitFor(P, "xa-an-phu");
    const insert = env.DB.prepare("INSERT INTO review_events (id, period_id, unit_id, status, round, token_id, at) VALUES (?1, ?2, 'xa-an-phu', 'final', 1, 'tok-demo-admin', '2024-12-01')");
    await expect(insert.bind(crypto.randomUUID(), P).run()).rejects.toThrow(/REVIEW_TRANSITION_REFUSED/);
  });
});

describe("appraised scores follow the item's rule, as a self-score does", () => {
  const S = "t-appraisal-scale-2024";
  const u = "thi-tran-an-binh";

  it("refuses a score off the options or the step, and a code listed twice, naming each; keeps nothing of the request", async () => {
    await newPeriod(S);
    await submitFor(S, u);
    expect((await step(S, u, { action: "start_review" })).status).toBe(200);
    const auditsBefore = await count("audit_log", "entity = 'review' AND entity_id = ?1", `${S}/${u}`);
    for (const [items, issues] of [
      // 1.1.1: options 1, 0.5, 0
      [[{ code: "1.1.1", score: 0.7 }], [{ path: "items.0.score", message: expect.stringMatching(/^1\.1\.1: điểm 0,7 không phải một trong các mức 1; 0,5; 0 \/ 1\.1\.1: 0\.7 is not one of the options 1, 0\.5, 0/) }]],
      // 1.3: manual, step 0.5 (max 2); 8.2: a deduction, step 0.5 down to -2
      [[{ code: "1.3", score: 1 }, { code: "1.3", score: 1.25 }, { code: "8.2", score: -0.3 }], [
        { path: "items.1.code", message: expect.stringContaining("1.3") },
        { path: "items.2.score", message: expect.stringMatching(/^8\.2: điểm -0,3 không phải bội số của bước 0,5 \/ 8\.2: -0\.3 is not a multiple of the step 0\.5/) },
      ]],
      [[{ code: "1.3", score: 1.25 }], [{ path: "items.0.score", message: expect.stringContaining("1.3: 1.25 is not a multiple of the step 0.5") }]],
      [[{ code: "1.1.1", score: 1 }, { code: "1.1.1", score: 0 }], [{ path: "items.1.code", message: "1.1.1: ghi hai lần (cả items.0) / 1.1.1: listed twice (items.0 too)" }]],
    ] as const) {
      const res = await appraise(S, u, items as never);
      expect([res.status, res.body.error.code, res.body.error.issues]).toEqual([422, "APPRAISAL_INVALID", issues]);
    }
    expect(await count("audit_log", "entity = 'review' AND entity_id = ?1", `${S}/${u}`)).toBe(auditsBefore);

    // On the scale: options, multiples of the step (a deduction's too), a ratio leaf within its range.
    const fine = await appraise(S, u, [{ code: "1.1.1", score: 0.5 }, { code: "1.3", score: 1.5 }, { code: "8.2", score: -1.5 }, { code: "1.1.2", score: 2 }]);
    expect(fine.status).toBe(200);
    const byCode = new Map(fine.body.items.map((i: { code: string; appraised: number }) => [i.code, i.appraised]));
    expect([byCode.get("1.1.1"), byCode.get("1.3"), byCode.get("8.2"), byCode.get("1.1.2")]).toEqual([0.5, 1.5, -1.5, 2]);
  });
});

describe("bulk actions", () => {
  const B = "t-bulk-2024";
  const bulk = (body: unknown, as: "reviewer" | "unit" | "admin" = "reviewer") => call("POST", `/v1/periods/${B}/appraisal/bulk`, { body, as, at: "2024-12-11T09:00:00+07:00" });

  it("starts, accepts unchanged items and returns several units at once — all or nothing", async () => {
    await newPeriod(B);
    const units = ["xa-an-loc", "xa-binh-hoa", "thi-tran-an-binh"];
    const subs = await Promise.all(units.map((u, i) => submitFor(B, u, { short: i })));
    expect((await bulk({ action: "start_review", units })).body.items.map((i: { status: string }) => i.status)).toEqual(["under_review", "under_review", "under_review"]);

    // one item appraised by hand; accept_unchanged fills the rest with the server's scores, keeping it
    await appraise(B, "xa-an-loc", [{ code: "1.3", score: 0.5, comment: "Chưa đủ" }]);
    expect((await bulk({ action: "accept_unchanged", units })).status).toBe(200);
    const view = await call("GET", `/v1/periods/${B}/units/xa-an-loc/appraisal`, { as: "reviewer" });
    const byCode = new Map(view.body.items.map((i: { code: string }) => [i.code, i]));
    expect(byCode.get("1.3")).toMatchObject({ appraised: 0.5, comment: "Chưa đủ" });
    const scored = subs[0]!.report.items.find((i) => i.code === "2.1")!;
    expect(byCode.get("2.1")).toMatchObject({ appraised: scored.score });
    expect(view.body.items.filter((i: { kind: string; appraised: number | null }) => i.kind === "survey" && i.appraised !== null)).toEqual([]);

    // finalize one; then "return" over all three fails as a whole and changes nothing
    expect((await step(B, "xa-binh-hoa", { action: "finalize" })).status).toBe(200);
    const before = await count("review_events", "period_id = ?1", B);
    const refused = await bulk({ action: "return", units, reason: "Giải trình" });
    expect([refused.status, refused.body.error.code]).toEqual([409, "REVIEW_TRANSITION_REFUSED"]);
    expect(refused.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["units.1"]);
    expect(await count("review_events", "period_id = ?1", B)).toBe(before);

    const returned = await bulk({ action: "return", units: ["xa-an-loc", "thi-tran-an-binh"], reason: "Giải trình" });
    expect(returned.body.items.map((i: { turn: string }) => i.turn)).toEqual(["unit", "unit"]);
    expect(await count("audit_log", "action = 'review.return' AND entity_id LIKE ?1", `${B}/%`)).toBe(2);
    expect((await bulk({ action: "return", units: ["xa-dong-hai"] })).status).toBe(403);
    expect((await bulk({ action: "return", units: ["xa-an-loc"] }, "unit")).status).toBe(403);
  });
});

describe("the appraisal rule: a reviewer appraises units strictly below its own (issue 15, item 4)", () => {
  const D = "2024-district";
  const district = "huyen-an-binh";
  const districtSet = DEMO_SETS.find((s) => s.id === "demo-district-2024")!;

  it("the district's own submission is appraised by the province, not by the district's reviewer", async () => {
    const submitted = await call("POST", "/v1/submissions", { body: { period: D, unit: district, items: fullItems(districtSet) }, at: AT, headers: { "Idempotency-Key": uniqueKey("district") } });
    expect(submitted.status).toBe(201);
    const own = (body: unknown) => step(D, district, body, "reviewer");
    // the district's reviewer reads its own unit's appraisal, but takes no step on it
    expect((await call("GET", `/v1/periods/${D}/units/${district}/appraisal`, { as: "reviewer" })).status).toBe(200);
    for (const action of ["start_review", "return", "finalize"]) {
      const res = await own({ action, reason: "x" });
      expect([action, res.status, res.body.error.code]).toEqual([action, 403, "FORBIDDEN"]);
    }
    const bulk = await call("POST", `/v1/periods/${D}/appraisal/bulk`, { body: { action: "start_review", units: [district] }, as: "reviewer", at: AT });
    expect([bulk.status, bulk.body.error.code]).toEqual([403, "FORBIDDEN"]);
    expect(await count("review_events", "period_id = ?1 AND unit_id = ?2", D, district)).toBe(0);

    // the province: a reviewer of the province's unit starts, appraises and finalizes it
    const province = bearer(await createToken("reviewer", "tinh-minh-hoa"));
    const asProvince = (path: string, method: string, body?: unknown) => call(method, path, { ...(body ? { body } : {}), headers: province, at: AT });
    expect((await asProvince(`/v1/periods/${D}/units/${district}/appraisal/transitions`, "POST", { action: "start_review" })).status).toBe(200);
    const leaf = fullItems(districtSet).find((i) => typeof i.self === "number")!;
    expect((await appraise(D, district, [{ code: leaf.code, score: 0 }])).status).toBe(403);
    expect((await call("POST", `/v1/periods/${D}/units/${district}/appraisal/accept-unchanged`, { as: "reviewer", at: AT })).status).toBe(403);
    expect((await asProvince(`/v1/periods/${D}/units/${district}/appraisal/accept-unchanged`, "POST")).status).toBe(200);
    expect((await asProvince(`/v1/periods/${D}/units/${district}/appraisal/transitions`, "POST", { action: "finalize" })).body.status).toBe("final");
  });
});
