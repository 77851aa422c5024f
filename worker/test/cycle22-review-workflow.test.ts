import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { appraise, AT, itemsWith, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { call, count, uniqueKey } from "./helpers.ts";

/**
 * The review workflow as a provincial reviewer plays it (outside test CYC1, findings 3, 4, 6
 * and 7): a unit returned for explanation that never answers no longer blocks its reviewer,
 * an appraised unit ranks on its appraised scores whatever its status, and every refusal
 * says, Vietnamese first, what is missing and what to do.
 */
const P = "t-cyc22-2024";
const bulkIn = (period: string, body: unknown) => call("POST", `/v1/periods/${period}/appraisal/bulk`, { body, as: "reviewer", at: AT, headers: { "Idempotency-Key": uniqueKey("bulk") } });
const bulk = (body: unknown) => bulkIn(P, body);
const ok = async (res: Promise<{ status: number; text: string; body: any }>) => {
  const r = await res;
  expect(r.status, r.text).toBe(200);
  return r.body;
};
/** Submitted at full marks, reviewed, 1.2 appraised 0 of 3 with a comment, returned with a reason: the unit's turn. */
async function returnedUnit(unit: string): Promise<{ self: number }> {
  const sub = await submitFor(P, unit);
  await ok(step(P, unit, { action: "start_review" }));
  await ok(appraise(P, unit, [{ code: "1.2", score: 0, comment: "Chưa có kế hoạch" }]));
  await ok(step(P, unit, { action: "return", reason: "Đề nghị giải trình tiêu chí 1.2" }));
  return { self: sub.report.percent };
}

describe("CYC1-4: the reviewer ends an explanation round the unit never answered, with a reason", () => {
  it("finalize from returned_for_explanation needs a reason, is audited, and the history says who and why", async () => {
    await newPeriod(P);
    const u = "xa-an-loc";
    await returnedUnit(u);
    const silent = await step(P, u, { action: "finalize" });
    expect([silent.status, silent.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(silent.body.error.message).toMatch(/^Bước "chốt kết quả thẩm định" khi đơn vị chưa giải trình cần lý do .*hết thời hạn giải trình.* \/ finalize /);
    expect(silent.body.error.issues).toEqual([{ path: "reason", message: "bắt buộc, chưa có / required" }]);
    expect((await step(P, u, { action: "finalize", reason: "Hết thời hạn giải trình" }, "unit")).status).toBe(403);

    const done = await ok(step(P, u, { action: "finalize", reason: "Hết thời hạn giải trình" }));
    expect(done).toMatchObject({ status: "final", turn: "none", round: 1 });
    expect(done.history.at(-1)).toMatchObject({ status: "final", reason: "Hết thời hạn giải trình" });
    expect(done.history.at(-1).by).toBeTruthy();
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'review.finalize' AND entity_id = ?1").bind(`${P}/${u}`).first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toMatchObject({ from: "returned_for_explanation", to: "final", reason: "Hết thời hạn giải trình", explained: [] });
    // no explanation was written in the unit's name
    expect(await count("explanations", "period_id = ?1 AND unit_id = ?2", P, u)).toBe(0);
  });

  it("start_review from returned_for_explanation (a second appraisal round) needs a reason too; bulk finalize likewise", async () => {
    const u = "xa-binh-hoa";
    await returnedUnit(u);
    const silent = await step(P, u, { action: "start_review" });
    expect([silent.status, silent.body.error.issues]).toEqual([400, [{ path: "reason", message: "bắt buộc, chưa có / required" }]]);
    const second = await ok(step(P, u, { action: "start_review", reason: "Hết thời hạn giải trình, thẩm định lại theo minh chứng đã có" }));
    expect(second).toMatchObject({ status: "under_review", turn: "reviewer", round: 2 });
    await ok(appraise(P, u, [{ code: "1.2", score: 1.5 }]));
    expect(await ok(step(P, u, { action: "finalize" }))).toMatchObject({ status: "final" });

    const t = "thi-tran-an-binh";
    await returnedUnit(t);
    const refused = await bulk({ action: "finalize", units: [t] });
    expect([refused.status, refused.body.error.issues[0]]).toEqual([400, { path: "reason", message: "bắt buộc, chưa có / required" }]);
    const finalized = await ok(bulk({ action: "finalize", units: [t], reason: "Hết thời hạn giải trình" }));
    expect(finalized.items).toEqual([{ unit: t, status: "final", turn: "none", round: 1 }]);
  });
});

describe("CYC1-3, CYC1-4: once appraised, a unit ranks on its appraised scores whatever its status", () => {
  const Q = "t-cyc22-rank-2024";
  const rank = async () => {
    const res = await call("GET", `/v1/periods/${Q}/ranking`, { at: AT });
    expect(res.status, res.text).toBe(200);
    return res.body as { items: { unit: string; percent: number; status: string; basis: string }[] };
  };
  const rowOf = async (unit: string) => (await rank()).items.find((i) => i.unit === unit)!;
  const fresh = async () => {
    await env.DB.batch([env.DB.prepare("UPDATE ranking_units SET computed_rev = 0"), env.DB.prepare("UPDATE ranking_periods SET built = NULL")]);
    return rank();
  };
  /** Never a stale answer (issue 17): an appraisal write on a unit not final changes the ranking at once, as a rebuild does. */
  async function freshAfter(write: () => Promise<unknown>) {
    const before = await rank();
    await write();
    const after = await rank();
    expect(after).not.toEqual(before);
    expect(after).toEqual(await fresh());
  }

  it("under review, returned, ended without explanation, reopened: the appraised index, never the self-score", async () => {
    await newPeriod(Q);
    const u = "xa-an-loc";
    const self = (await submitFor(Q, u)).report.percent;
    await submitFor(Q, "xa-binh-hoa");
    await ok(step(Q, u, { action: "start_review" }));
    await ok(step(Q, "xa-binh-hoa", { action: "start_review" }));
    expect(await rowOf(u)).toMatchObject({ percent: self, status: "under_review", basis: "submission" });

    await freshAfter(() => ok(appraise(Q, u, [{ code: "1.2", score: 0, comment: "Chưa có kế hoạch" }])));
    const appraised = (await rowOf(u)).percent;
    expect(appraised).toBeLessThan(self);
    expect(await rowOf(u)).toMatchObject({ status: "under_review", basis: "appraised" });
    await freshAfter(() => ok(appraise(Q, u, [{ code: "1.2", score: 1.5, comment: "Kế hoạch ban hành muộn" }])));
    const council = (await rowOf(u)).percent;
    expect(council).toBeGreaterThan(appraised);
    expect(council).toBeLessThan(self);

    // returned and silent: not answering does not pay
    await ok(step(Q, u, { action: "return", reason: "Giải trình tiêu chí 1.2" }));
    expect(await rowOf(u)).toMatchObject({ percent: council, status: "returned_for_explanation", basis: "appraised" });
    await ok(step(Q, u, { action: "finalize", reason: "Hết thời hạn giải trình" }));
    expect(await rowOf(u)).toMatchObject({ percent: council, status: "final", basis: "appraised" });
    // reopened for re-check: still the council's index until it changes a score
    await ok(step(Q, u, { action: "reopen", reason: "Phúc tra theo đơn kiến nghị" }, "admin"));
    expect(await rowOf(u)).toMatchObject({ percent: council, status: "under_review", basis: "appraised" });
    // the CSV export says the same
    const csv = await call("GET", `/v1/periods/${Q}/ranking?format=csv`, { at: AT });
    const cells = csv.text.split(/\r?\n/).find((l) => l.includes(`;${u};`))!.split(";");
    expect(cells[4]).toBe(String(council).replace(".", ","));
    expect(cells).toContain("Kết quả thẩm định");

    // a unit under review never appraised keeps its latest version's server score
    expect(await rowOf("xa-binh-hoa")).toMatchObject({ status: "under_review", basis: "submission" });
    expect(await rank()).toEqual(await fresh());
  });
});

describe("CYC1-6, CYC1-7: refusals of the review routes say, Vietnamese first, what is missing and what to do", () => {
  it("reopen and explain: issues Vietnamese first, the step named by its Vietnamese label", async () => {
    const R = "t-cyc22-msg-2024";
    await newPeriod(R);
    const u = "xa-an-loc";
    await submitFor(R, u);
    await ok(step(R, u, { action: "start_review" }));
    await ok(step(R, u, { action: "finalize" }));
    const reopen = await step(R, u, { action: "reopen" }, "admin");
    expect([reopen.status, reopen.body.error.message]).toEqual([400, 'Bước "mở lại kết quả" cần lý do / reopen requires a reason']);
    expect(reopen.body.error.issues).toEqual([{ path: "reason", message: "bắt buộc, chưa có / required" }]);

    // a final unit's new version: closed, only the province reopens — not "use the explanation step"
    const again = await call("POST", "/v1/submissions", { body: { period: R, unit: u, items: itemsWith(1) }, at: AT, headers: { "Idempotency-Key": uniqueKey("final") } });
    expect([again.status, again.body.error.code]).toEqual([409, "REVIEW_STARTED"]);
    expect(again.body.error.message).toContain("đã chốt");
    expect(again.body.error.message).toContain("chỉ quản trị cấp tỉnh mở lại được");
    expect(again.body.error.message).not.toContain("giải trình");

    // PUT items on the final unit: the status by its Vietnamese label and what to do
    const locked = await appraise(R, u, [{ code: "1.2", score: 0 }]);
    expect(locked.body.error.code).toBe("APPRAISAL_LOCKED");
    expect(locked.body.error.message).toMatch(/^Xã An Lộc \(xa-an-loc\): chỉ chấm thẩm định khi hồ sơ đang thẩm định \(hiện: "Kết quả cuối cùng"\): .*mở lại kết quả.* \/ /);

    await ok(step(R, u, { action: "reopen", reason: "Phúc tra" }, "admin"));
    const t = "thi-tran-an-binh";
    await submitFor(R, t);
    // accept-unchanged before the review started: the status in Vietnamese and "start the review first"
    const early = await call("POST", `/v1/periods/${R}/units/${t}/appraisal/accept-unchanged`, { as: "reviewer", at: AT });
    expect([early.status, early.body.error.code]).toEqual([409, "APPRAISAL_LOCKED"]);
    const [vi] = early.body.error.message.split(" / ");
    expect(vi).toContain('(hiện: "Đã nộp")');
    expect(vi).toContain("bắt đầu thẩm định trước");

    await ok(step(R, t, { action: "start_review" }));
    // return: a reason or at least one item comment of the round
    const bare = await step(R, t, { action: "return" });
    expect([bare.status, bare.body.error.issues]).toEqual([400, [{ path: "reason", message: "bắt buộc, chưa có / required" }]]);
    expect(bare.body.error.message).toMatch(/^Bước "trả lại để giải trình" cần lý do hoặc ít nhất một nhận xét/);
    expect((await bulkIn(R, { action: "return", units: [t] })).status).toBe(400);
    await ok(appraise(R, t, [{ code: "1.3", score: 1, comment: "Thiếu báo cáo kiểm chứng" }]));
    const returned = await ok(step(R, t, { action: "return" }));
    expect(returned).toMatchObject({ status: "returned_for_explanation" });

    const explain = await step(R, t, { action: "explain" }, "admin");
    expect([explain.status, explain.body.error.issues]).toEqual([400, [{ path: "explanations", message: "bắt buộc, chưa có / required" }]]);
  });
});
