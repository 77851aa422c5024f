/**
 * Idempotency-Key on every review step (API-NOTES): a reviewer's or a unit's client that
 * timed out and resends a step with the same key gets the first answer — not 409 "cannot
 * explain while explained" — and nothing is written twice; the same key with another body →
 * 409 IDEMPOTENCY_KEY_REUSED. Keys are per token, as on the create routes.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AT, newPeriod, submitFor } from "./cycle-helpers.ts";
import { bearer, call, count, createToken, uniqueKey, type Who } from "./helpers.ts";

const P = "t-review-retry-2024";
const base = (unit: string) => `/v1/periods/${P}/units/${unit}/appraisal`;

interface Send {
  as?: Who;
  token?: string;
  key?: string;
  at?: string;
}
const send = (method: string, path: string, body: unknown, opts: Send = {}) =>
  call(method, path, {
    as: opts.as ?? "reviewer",
    ...(body === undefined ? {} : { body }),
    at: opts.at ?? AT,
    headers: { ...(opts.token ? bearer(opts.token) : {}), ...(opts.key ? { "Idempotency-Key": opts.key } : {}) },
  });
const transition = (unit: string, body: unknown, opts: Send = {}) => send("POST", `${base(unit)}/transitions`, body, opts);
const events = (unit: string) => count("review_events", "period_id = ?1 AND unit_id = ?2", P, unit);
const audits = (unit: string) => count("audit_log", "entity = 'review' AND entity_id = ?1", `${P}/${unit}`);
const explanations = (unit: string) => count("explanations", "period_id = ?1 AND unit_id = ?2", P, unit);

/** Expects a replay of `first` (same status and bytes) and nothing more written for `unit`. */
async function expectReplay(first: Awaited<ReturnType<typeof call>>, again: () => ReturnType<typeof call>, units: string[]) {
  const before = await Promise.all(units.flatMap((u) => [events(u), audits(u), explanations(u)]));
  const res = await again();
  expect([res.status, res.text]).toEqual([first.status, first.text]);
  expect(await Promise.all(units.flatMap((u) => [events(u), audits(u), explanations(u)]))).toEqual(before);
}

async function expectReused(res: Awaited<ReturnType<typeof call>>) {
  expect([res.status, res.body?.error?.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
}

describe("review steps with an Idempotency-Key", () => {
  it("explain (giải trình): the same key and body get the first answer, no second event or explanation; another body → 409", async () => {
    await newPeriod(P);
    const unit = "xa-an-loc";
    await submitFor(P, unit, { short: 1 });
    const unitToken = await createToken("unit", unit);
    expect((await transition(unit, { action: "start_review" })).status).toBe(200);
    expect((await transition(unit, { action: "return", reason: "Giải trình tiêu chí 1.2" })).status).toBe(200);

    const key = uniqueKey("explain");
    const body = { action: "explain", explanations: [{ code: "1.2", text: "Bổ sung báo cáo quý IV", evidence: ["Báo cáo số 20/BC-UBND"] }] };
    const first = await transition(unit, body, { token: unitToken, key });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ status: "explained", turn: "reviewer" });
    expect(await explanations(unit)).toBe(1);
    await expectReplay(first, () => transition(unit, body, { token: unitToken, key }), [unit]);
    await expectReused(await transition(unit, { ...body, explanations: [{ code: "1.2", text: "Khác" }] }, { token: unitToken, key }));
    // Without a key a second explain is still refused as before (the step is not repeatable).
    expect((await transition(unit, body, { token: unitToken })).body.error.code).toBe("REVIEW_TRANSITION_REFUSED");

    // The first answer, even after the reviewer has moved on: a replay repeats what was answered then.
    expect((await transition(unit, { action: "start_review" })).body.status).toBe("under_review");
    const later = await transition(unit, body, { token: unitToken, key });
    expect([later.status, later.text]).toEqual([200, first.text]);
    // Keys are per token: the admin's same key is its own request.
    const admin = await transition(unit, body, { as: "admin", key });
    expect(admin.body.error.code).toBe("REVIEW_TRANSITION_REFUSED");
  });

  it("start_review, return and finalize replay too; the same key at another unit's path is another request (409)", async () => {
    await newPeriod(P);
    const unit = "xa-an-phu";
    await submitFor(P, unit);
    for (const body of [{ action: "start_review" }, { action: "return", reason: "Thiếu minh chứng" }]) {
      const key = uniqueKey(body.action);
      const first = await transition(unit, body, { key });
      expect(first.status, first.text).toBe(200);
      await expectReplay(first, () => transition(unit, body, { key }), [unit]);
      await expectReused(await transition("xa-binh-hoa", body, { key }));
    }
    expect((await transition(unit, { action: "explain", explanations: [{ code: "1.2", text: "Đã bổ sung" }] }, { as: "admin" })).status).toBe(200);
    expect((await transition(unit, { action: "start_review" })).status).toBe(200);
    const key = uniqueKey("finalize");
    const final = await transition(unit, { action: "finalize" }, { key });
    expect(final.body).toMatchObject({ status: "final", turn: "none" });
    await expectReplay(final, () => transition(unit, { action: "finalize" }, { key }), [unit]);
    await expectReused(await transition(unit, { action: "finalize", reason: "Kết thúc" }, { key }));
  });

  it("appraised scores (PUT …/items) and accept-unchanged replay their first answer and write no second audit row", async () => {
    await newPeriod(P);
    const unit = "xa-binh-hoa";
    await submitFor(P, unit, { short: 2 });
    expect((await transition(unit, { action: "start_review" })).status).toBe(200);

    const key = uniqueKey("items");
    const body = { items: [{ code: "1.2", score: 1.5, comment: "Thiếu báo cáo quý IV" }] };
    const first = await send("PUT", `${base(unit)}/items`, body, { key });
    expect(first.status, first.text).toBe(200);
    await expectReplay(first, () => send("PUT", `${base(unit)}/items`, body, { key }), [unit]);
    await expectReused(await send("PUT", `${base(unit)}/items`, { items: [{ code: "1.2", score: 3 }] }, { key }));
    expect((await call("GET", base(unit), { as: "reviewer" })).body.items.find((i: { code: string }) => i.code === "1.2").appraised).toBe(1.5);

    const acceptKey = uniqueKey("accept");
    const accepted = await send("POST", `${base(unit)}/accept-unchanged`, undefined, { key: acceptKey });
    expect(accepted.status, accepted.text).toBe(200);
    await expectReplay(accepted, () => send("POST", `${base(unit)}/accept-unchanged`, undefined, { key: acceptKey }), [unit]);
    await expectReused(await send("POST", `/v1/periods/${P}/units/xa-an-loc/appraisal/accept-unchanged`, undefined, { key: acceptKey }));
    const malformed = await send("POST", `${base(unit)}/accept-unchanged`, undefined, { key: "x".repeat(129) });
    expect([malformed.status, malformed.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
  });

  it("bulk start_review: the same key and body get the first answer and no second event; other units → 409", async () => {
    const B = `${P}-bulk`;
    await newPeriod(B);
    const units = ["thi-tran-an-binh", "xa-an-loc"];
    for (const u of units) await submitFor(B, u);
    const bulk = (body: unknown, key: string) => call("POST", `/v1/periods/${B}/appraisal/bulk`, { body, as: "reviewer", at: AT, headers: { "Idempotency-Key": key } });
    const bulkEvents = () => count("review_events", "period_id = ?1", B);
    const key = uniqueKey("bulk");
    const body = { action: "start_review", units };
    const first = await bulk(body, key);
    expect(first.status, first.text).toBe(200);
    expect(first.body.items.map((i: { status: string }) => i.status)).toEqual(["under_review", "under_review"]);
    const eventsBefore = await bulkEvents();
    const again = await bulk(body, key);
    expect([again.status, again.text]).toEqual([200, first.text]);
    expect(await bulkEvents()).toBe(eventsBefore);
    await expectReused(await bulk({ action: "start_review", units: ["xa-an-loc"] }, key));
    expect(await bulkEvents()).toBe(eventsBefore);
  });

  it("five concurrent explains with one key write one event and all get the same answer", async () => {
    await newPeriod(P);
    const unit = "thi-tran-an-binh";
    await submitFor(P, unit, { short: 1 });
    expect((await transition(unit, { action: "start_review" })).status).toBe(200);
    expect((await transition(unit, { action: "return", reason: "Giải trình tiêu chí 1.2" })).status).toBe(200);
    const before = [await events(unit), await explanations(unit)];
    const key = uniqueKey("burst");
    const body = { action: "explain", explanations: [{ code: "1.2", text: "Giải trình" }] };
    const answers = await Promise.all(Array.from({ length: 5 }, () => transition(unit, body, { as: "admin", key })));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200, 200]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect([await events(unit), await explanations(unit)]).toEqual([before[0]! + 1, before[1]! + 1]);
  });

  it("answers a retry whose first request wrote the step but stopped before its answer was kept, without writing it again", async () => {
    const S = `${P}-stopped`;
    await newPeriod(S);
    const unit = "xa-an-phu";
    await submitFor(S, unit);
    const key = uniqueKey("stopped");
    const path = `/v1/periods/${S}/units/${unit}/appraisal/transitions`;
    const first = await call("POST", path, { body: { action: "start_review" }, as: "reviewer", at: AT, headers: { "Idempotency-Key": key } });
    expect(first.status).toBe(200);
    // As if the Worker had stopped between the step's batch and storing its answer.
    await env.DB.prepare("UPDATE idempotency_keys SET status = 0, response = '' WHERE token_id = 'tok-demo-reviewer' AND key = ?1").bind(key).run();
    const stepEvents = () => count("review_events", "period_id = ?1 AND unit_id = ?2", S, unit);
    const before = await stepEvents();
    const retry = await call("POST", path, { body: { action: "start_review" }, as: "reviewer", at: AT, headers: { "Idempotency-Key": key } });
    expect([retry.status, retry.text]).toEqual([200, first.text]);
    expect(await stepEvents()).toBe(before);
    const again = await call("POST", path, { body: { action: "start_review" }, as: "reviewer", at: AT, headers: { "Idempotency-Key": key } });
    expect(again.text).toBe(first.text);
  });

  it("declares the header on every review-step route in /openapi.json", async () => {
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
    const ops = [
      doc.paths["/v1/periods/{id}/units/{unit}/appraisal/transitions"].post,
      doc.paths["/v1/periods/{id}/units/{unit}/appraisal/items"].put,
      doc.paths["/v1/periods/{id}/units/{unit}/appraisal/accept-unchanged"].post,
      doc.paths["/v1/periods/{id}/appraisal/bulk"].post,
    ];
    for (const op of ops) {
      expect(op["x-idempotency"]).toBe("optional");
      expect(op.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: "header", name: "idempotency-key" })]));
    }
  });
});
