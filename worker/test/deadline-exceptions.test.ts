/**
 * Deadline exceptions (gia hạn) extend one unit's deadline: one earlier than the period's
 * would shorten it (422 EXCEPTION_NOT_LATER), and the province corrects one it got wrong with
 * PUT …/exceptions/{unit} — the audit log keeps what was replaced; POST stays create-only
 * (409 EXCEPTION_EXISTS) and its Idempotency-Key replays still answer the first request.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { newPeriod } from "./cycle-helpers.ts";
import { call, COMMUNE_SET, count, fullItems, uniqueKey } from "./helpers.ts";

/** Periods due 31/01/2025 17:00 (Vietnam time), one per test. */
const period = async () => newPeriod(`t-exc-${uniqueKey().slice(-10)}`);
/** Exceptions are granted before they run out (an extension already over is 422 EXCEPTION_OVER): a fixed clock, 20/01/2025, now that the real one is past these 2025 dates. */
const GRANTED = "2025-01-20T09:00:00+07:00";
const grant = (p: string, body: unknown, headers: Record<string, string> = {}) => call("POST", `/v1/periods/${p}/exceptions`, { body, headers, at: GRANTED });
const change = (p: string, unit: string, body: unknown) => call("PUT", `/v1/periods/${p}/exceptions/${unit}`, { body, at: GRANTED });
const submit = (p: string, unit: string, at: string) =>
  call("POST", "/v1/submissions", { as: "admin", body: { period: p, unit, items: fullItems(COMMUNE_SET) }, at, headers: { "Idempotency-Key": uniqueKey() } });
const audit = async (p: string) =>
  (await env.DB.prepare("SELECT action, detail FROM audit_log WHERE entity = 'period' AND entity_id = ?1 ORDER BY id").bind(p).all<{ action: string; detail: string }>()).results.map((r) => ({
    action: r.action,
    detail: JSON.parse(r.detail),
  }));

describe("POST /v1/periods/{id}/exceptions extends, never shortens", () => {
  it("refuses a deadline not later than the period's with 422 EXCEPTION_NOT_LATER naming both, and stores nothing", async () => {
    const p = await period();
    const early = await grant(p, { unit: "xa-binh-hoa", deadline: "01/12/2024", reason: "Nhập nhầm" });
    expect([early.status, early.body.error.code]).toEqual([422, "EXCEPTION_NOT_LATER"]);
    expect(early.body.error.message).toMatch(/^Hạn gia hạn \(01\/12\/2024 23:59, giờ Việt Nam\) phải sau hạn nộp của kỳ .* \(31\/01\/2025 17:00, giờ Việt Nam\) \/ /);
    const same = await grant(p, { unit: "xa-binh-hoa", deadline: "2025-01-31T10:00:00Z", reason: "Trùng hạn" });
    expect([same.status, same.body.error.code]).toEqual([422, "EXCEPTION_NOT_LATER"]);
    expect(await count("deadline_exceptions", "period_id = ?1", p)).toBe(0);
    // The unit keeps the period's own deadline.
    expect((await submit(p, "xa-binh-hoa", "2024-12-10T09:00:00+07:00")).status).toBe(201);
  });

  it("takes a later day as the end of that day in Vietnam", async () => {
    const p = await period();
    const res = await grant(p, { unit: "xa-binh-hoa", deadline: "15/02/2025", reason: "Bão lũ" });
    expect([res.status, res.body]).toEqual([201, { unit: "xa-binh-hoa", deadline: "2025-02-15T23:59:59+07:00", reason: "Bão lũ", period: p }]);
    expect((await submit(p, "xa-binh-hoa", "2025-02-15T23:30:00+07:00")).status).toBe(201);
  });
});

describe("PUT /v1/periods/{id}/exceptions/{unit} corrects an exception", () => {
  it("replaces it (200), judges the unit by the new deadline and keeps an audit row of what it replaced; the same change again changes nothing", async () => {
    const p = await period();
    expect((await grant(p, { unit: "xa-binh-hoa", deadline: "2025-03-31T17:00:00+07:00", reason: "Bão lũ" })).status).toBe(201);
    const again = await grant(p, { unit: "xa-binh-hoa", deadline: "2025-02-28", reason: "Bão lũ" });
    expect([again.status, again.body.error.code]).toEqual([409, "EXCEPTION_EXISTS"]);
    expect(again.body.error.message).toContain(`PUT /v1/periods/${p}/exceptions/xa-binh-hoa`);

    const fixed = await change(p, "xa-binh-hoa", { deadline: "28/02/2025", reason: "Bão lũ (sửa ngày)" });
    expect([fixed.status, fixed.body]).toEqual([200, { unit: "xa-binh-hoa", deadline: "2025-02-28T23:59:59+07:00", reason: "Bão lũ (sửa ngày)", period: p }]);
    const row = await env.DB.prepare("SELECT deadline, reason FROM deadline_exceptions WHERE period_id = ?1 AND unit_id = 'xa-binh-hoa'").bind(p).first();
    expect(row).toEqual({ deadline: "2025-02-28T23:59:59+07:00", reason: "Bão lũ (sửa ngày)" });
    const late = await submit(p, "xa-binh-hoa", "2025-03-15T09:00:00+07:00");
    expect([late.status, late.body.error.code]).toEqual([409, "DEADLINE_PASSED"]);
    expect(late.body.error.message).toContain("28/02/2025 23:59");
    expect((await submit(p, "xa-binh-hoa", "2025-02-20T09:00:00+07:00")).status).toBe(201);

    expect((await change(p, "xa-binh-hoa", { deadline: "2025-02-28T23:59:59+07:00", reason: "Bão lũ (sửa ngày)" })).status).toBe(200);
    expect((await audit(p)).map((a) => a.action)).toEqual(["period.create", "deadline_exception.create", "deadline_exception.change"]);
    expect((await audit(p)).at(-1)!.detail).toEqual({
      unit: "xa-binh-hoa",
      period: p,
      from: { deadline: "2025-03-31T17:00:00+07:00", reason: "Bão lũ" },
      to: { deadline: "2025-02-28T23:59:59+07:00", reason: "Bão lũ (sửa ngày)" },
    });
    const board = await call("GET", `/v1/periods/${p}/board?at=${encodeURIComponent("2025-02-10T09:00:00+07:00")}`);
    const unit = board.body.groups.flatMap((g: { units: unknown[] }) => g.units).find((u: { unit: string }) => u.unit === "xa-binh-hoa");
    expect(unit.exception).toEqual({ deadline: "2025-02-28T23:59:59+07:00", reason: "Bão lũ (sửa ngày)" });
  });

  it("refuses a correction that would shorten (422), one for a unit without an exception or an unknown period (404), a malformed deadline (400)", async () => {
    const p = await period();
    expect((await grant(p, { unit: "xa-binh-hoa", deadline: "2025-02-15", reason: "Bão lũ" })).status).toBe(201);
    const early = await change(p, "xa-binh-hoa", { deadline: "01/12/2024", reason: "x" });
    expect([early.status, early.body.error.code]).toEqual([422, "EXCEPTION_NOT_LATER"]);
    expect(early.body.error.message).toContain("31/01/2025 17:00");
    const none = await change(p, "xa-an-loc", { deadline: "2025-02-15", reason: "x" });
    expect([none.status, none.body.error.code]).toEqual([404, "EXCEPTION_NOT_FOUND"]);
    expect(none.body.error.message).toContain(`POST /v1/periods/${p}/exceptions`);
    const unknown = await change("khong-co-ky", "xa-binh-hoa", { deadline: "2025-02-15", reason: "x" });
    expect([unknown.status, unknown.body.error.code]).toEqual([404, "PERIOD_NOT_FOUND"]);
    const bad = await change(p, "xa-binh-hoa", { deadline: "02/31/2025", reason: "x" });
    expect([bad.status, bad.body.error.code, bad.body.error.issues[0].path]).toEqual([400, "VALIDATION_FAILED", "deadline"]);
    const row = await env.DB.prepare("SELECT deadline FROM deadline_exceptions WHERE period_id = ?1 AND unit_id = 'xa-binh-hoa'").bind(p).first();
    expect(row).toEqual({ deadline: "2025-02-15T23:59:59+07:00" });
    expect((await audit(p)).map((a) => a.action)).toEqual(["period.create", "deadline_exception.create"]);
  });

  it("leaves POST's Idempotency-Key replays alone: the same key and body answer the first 201", async () => {
    const p = await period();
    const key = uniqueKey("exc");
    const body = { unit: "xa-binh-hoa", deadline: "2025-03-31T17:00:00+07:00", reason: "Bão lũ" };
    const first = await grant(p, body, { "Idempotency-Key": key });
    expect(first.status).toBe(201);
    expect((await change(p, "xa-binh-hoa", { deadline: "2025-02-28", reason: "Bão lũ" })).status).toBe(200);
    const replay = await grant(p, body, { "Idempotency-Key": key });
    expect([replay.status, replay.text]).toEqual([201, first.text]);
    const reused = await grant(p, { ...body, reason: "khác" }, { "Idempotency-Key": key });
    expect([reused.status, reused.body.error.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
  });

  it("is in /openapi.json with its statuses, admin only", async () => {
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
    const put = doc.paths["/v1/periods/{id}/exceptions/{unit}"].put;
    expect(put.operationId).toBe("changeDeadlineException");
    expect(put["x-roles"]).toEqual(["admin"]);
    expect(Object.keys(put.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404", "422"]));
    expect(Object.keys(doc.paths["/v1/periods/{id}/exceptions"].post.responses)).toEqual(expect.arrayContaining(["201", "409", "422"]));
  });
});
