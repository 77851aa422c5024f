/**
 * CYC1-1: a period is closed (locked) once its results are published, by an audited admin step
 * with a reason; from then on every write that would change its results — submissions,
 * appraisal steps and scores, reopens, explanations, survey imports, deadline exceptions —
 * answers 409 PERIOD_LOCKED naming when and by whom it was locked. The council may unlock it
 * for a correction (again audited, with a reason). GET /v1/periods/{id} reads one period.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { call, COMMUNE_SET, fullItems, uniqueKey } from "./helpers.ts";

const period = async () => newPeriod(`t-lock-${uniqueKey().slice(-10)}`);
const lock = (p: string, body: unknown, as: "admin" | "reviewer" = "admin") => call("POST", `/v1/periods/${p}/lock`, { body, as, at: AT });
// Unlocked after its deadline (the real clock): no other period of 2024 is open beside it then.
const unlock = (p: string, body: unknown) => call("POST", `/v1/periods/${p}/unlock`, { body });
const audit = async (p: string, action: string) =>
  (await env.DB.prepare("SELECT detail FROM audit_log WHERE entity = 'period' AND entity_id = ?1 AND action = ?2 ORDER BY id").bind(p, action).all<{ detail: string }>()).results.map((r) =>
    JSON.parse(r.detail),
  );

describe("GET /v1/periods/{id}", () => {
  it("answers the period as the list does, 404 for an unknown id", async () => {
    const p = await period();
    const one = await call("GET", `/v1/periods/${p}`, { as: "reviewer" });
    expect([one.status, one.body]).toEqual([200, { id: p, year: 2024, criteriaSet: { id: COMMUNE_SET.id, version: 1 }, deadline: "2025-01-31T17:00:00+07:00", locked: false }]);
    const missing = await call("GET", "/v1/periods/khong-co-ky-nay");
    expect([missing.status, missing.body.error.code]).toEqual([404, "PERIOD_NOT_FOUND"]);
  });
});

describe("POST /v1/periods/{id}/lock and …/unlock", () => {
  it("locks once with a reason (audited), again changes nothing, and only the admin may", async () => {
    const p = await period();
    const noReason = await lock(p, {});
    expect(noReason.status).toBe(400);
    expect((await lock(p, { reason: "Công bố kết quả" }, "reviewer")).status).toBe(403);
    const done = await lock(p, { reason: "Đã công bố kết quả năm 2024" });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ id: p, locked: true });
    const again = await lock(p, { reason: "Bấm lại" });
    expect([again.status, again.body.locked]).toEqual([200, true]);
    expect(await audit(p, "period.lock")).toEqual([{ reason: "Đã công bố kết quả năm 2024" }]);
    expect((await call("GET", `/v1/periods/${p}`)).body.locked).toBe(true);
  });

  it("refuses submissions, review steps, survey imports and deadline exceptions with 409 PERIOD_LOCKED naming when and who, until unlocked", async () => {
    const p = await period();
    await submitFor(p, "xa-binh-hoa");
    expect((await step(p, "xa-binh-hoa", { action: "start_review" })).status).toBe(200);
    expect((await step(p, "xa-binh-hoa", { action: "finalize" })).status).toBe(200);
    expect((await lock(p, { reason: "Đã công bố kết quả" })).status).toBe(200);

    const refusals = [
      await call("POST", "/v1/submissions", { body: { period: p, unit: "xa-an-loc", items: fullItems(COMMUNE_SET) }, at: AT, headers: { "Idempotency-Key": uniqueKey() } }),
      await step(p, "xa-binh-hoa", { action: "reopen", reason: "Phúc tra" }, "admin"),
      await call("PUT", `/v1/periods/${p}/units/xa-binh-hoa/appraisal/items`, { body: { items: [{ code: "1.1", score: 1 }] }, as: "reviewer", at: AT }),
      await call("POST", `/v1/periods/${p}/survey`, { rawBody: "xa-binh-hoa;7.1.1;1\n", headers: { "Content-Type": "text/csv" }, at: AT }),
      await call("POST", `/v1/periods/${p}/exceptions`, { body: { unit: "xa-an-loc", deadline: "2025-02-28", reason: "Bão lũ" }, at: AT }),
      await call("PUT", `/v1/periods/${p}/exceptions/xa-an-loc`, { body: { deadline: "2025-02-28", reason: "Bão lũ" }, at: AT }),
    ];
    for (const r of refusals) {
      expect([r.status, r.body.error.code]).toEqual([409, "PERIOD_LOCKED"]);
    }
    const message: string = refusals[3]!.body.error.message;
    expect(message).toMatch(new RegExp(`^Kỳ đánh giá ${p} đã khóa từ 10/12/2024 09:00 \\(giờ Việt Nam\\), do .+ khóa: .* / period ${p} was locked on`));
    expect(await env.DB.prepare("SELECT count(*) AS n FROM survey_scores WHERE period_id = ?1").bind(p).first("n")).toBe(0);

    // Reads still work while locked.
    expect((await call("GET", `/v1/periods/${p}/units/xa-binh-hoa/appraisal`, { as: "reviewer" })).status).toBe(200);

    expect((await unlock(p, {})).status).toBe(400);
    const opened = await unlock(p, { reason: "Hội đồng đồng ý phúc tra" });
    expect([opened.status, opened.body.locked]).toEqual([200, false]);
    expect(await audit(p, "period.unlock")).toEqual([{ reason: "Hội đồng đồng ý phúc tra" }]);
    expect((await step(p, "xa-binh-hoa", { action: "reopen", reason: "Phúc tra" }, "admin")).status).toBe(200);
  });

  it("checks the token, the role and the unit's scope before the lock: no token or an unknown one 401, another role or another unit 403, and none learns that, when, by whom or why it was locked", async () => {
    const p = await period();
    expect((await lock(p, { reason: "Lý do nội bộ của hội đồng" })).status).toBe(200);
    const writes = [
      { method: "POST", path: `/v1/periods/${p}/exceptions`, body: { unit: "xa-an-loc", deadline: "2025-02-28", reason: "Bão lũ" }, roles: ["admin"] },
      { method: "PUT", path: `/v1/periods/${p}/exceptions/xa-an-loc`, body: { deadline: "2025-02-28", reason: "Bão lũ" }, roles: ["admin"] },
      { method: "POST", path: `/v1/periods/${p}/survey`, rawBody: "xa-binh-hoa;7.1.1;1\n", headers: { "Content-Type": "text/csv" }, roles: ["admin"] },
      { method: "POST", path: `/v1/periods/${p}/units/xa-binh-hoa/appraisal/transitions`, body: { action: "start_review" }, roles: ["unit", "reviewer", "admin"] },
      { method: "PUT", path: `/v1/periods/${p}/units/xa-binh-hoa/appraisal/items`, body: { items: [{ code: "1.1", score: 1 }] }, roles: ["reviewer", "admin"] },
      { method: "POST", path: `/v1/periods/${p}/units/xa-binh-hoa/appraisal/accept-unchanged`, roles: ["reviewer", "admin"] },
      { method: "POST", path: `/v1/periods/${p}/appraisal/bulk`, body: { units: ["xa-binh-hoa"], action: "start_review" }, roles: ["reviewer", "admin"] },
    ] as const;
    for (const w of writes) {
      const send = (as: "none" | "bogus" | "unit" | "reviewer" | "admin") =>
        call(w.method, w.path, { as, at: AT, ...("body" in w ? { body: w.body } : {}), ...("rawBody" in w ? { rawBody: w.rawBody, headers: w.headers } : {}) });
      for (const as of ["none", "bogus", "unit", "reviewer", "admin"] as const) {
        const r = await send(as);
        // The demo unit (Xã An Phú) writing for Xã Bình Hòa: refused as another unit's (403), not told of the lock.
        const otherUnit = as === "unit" && w.path.includes("/units/xa-binh-hoa/");
        const expected = as === "none" || as === "bogus" ? 401 : !(w.roles as readonly string[]).includes(as) || otherUnit ? 403 : 409;
        expect([w.method, w.path, as, r.status]).toEqual([w.method, w.path, as, expected]);
        if (expected !== 409) expect(r.text).not.toMatch(/khóa|locked|Lý do nội bộ/);
        else expect(r.body.error.code).toBe("PERIOD_LOCKED");
      }
    }
  });

  it("answers a reviewer's write for a unit outside its district, or for no such unit, 404 before the lock", async () => {
    const p = await period();
    expect((await lock(p, { reason: "Đã công bố kết quả" })).status).toBe(200);
    for (const unit of ["xa-dong-hai", "xa-khong-ton-tai"]) {
      const r = await call("PUT", `/v1/periods/${p}/units/${unit}/appraisal/items`, { body: { items: [{ code: "1.1", score: 1 }] }, as: "reviewer", at: AT });
      expect([unit, r.status, r.body.error.code]).toEqual([unit, 404, "UNIT_NOT_FOUND"]);
      expect(r.text).not.toMatch(/khóa|locked/);
    }
    const own = await call("PUT", `/v1/periods/${p}/units/xa-binh-hoa/appraisal/items`, { body: { items: [{ code: "1.1", score: 1 }] }, as: "reviewer", at: AT });
    expect([own.status, own.body.error.code]).toEqual([409, "PERIOD_LOCKED"]);
  });

  it("every write under /v1/periods/{id}/ to a period's results is held by the lock (x-period-lock in the document); reads, lock, unlock and DELETE are not", async () => {
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body as { paths: Record<string, Record<string, { "x-period-lock"?: boolean }>> };
    const held: string[] = [];
    const free: string[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      if (!path.startsWith("/v1/periods/{id}/")) continue;
      for (const [method, op] of Object.entries(ops)) (op["x-period-lock"] ? held : free).push(`${method.toUpperCase()} ${path}`);
    }
    const writesToResults = (route: string) => !route.startsWith("GET ") && /\/(exceptions|survey|units|appraisal)\b/.test(route);
    expect(held.filter((r) => !writesToResults(r))).toEqual([]);
    expect(free.filter(writesToResults)).toEqual([]);
    expect(held.length).toBe(7);
  });

  it("answers 404 for an unknown period, and refuses to unlock beside another open period of the year and level (409 PERIOD_EXISTS)", async () => {
    expect((await lock("khong-co-ky-nay", { reason: "x" })).status).toBe(404);
    expect((await unlock("khong-co-ky-nay", { reason: "x" })).status).toBe(404);
    // The demo's 2024 commune period is open on AT: unlocking a second one beside it would offer both.
    const closed = await period();
    expect((await lock(closed, { reason: "Tạo nhầm, khóa lại" })).status).toBe(200);
    const twin = await call("POST", `/v1/periods/${closed}/unlock`, { body: { reason: "Mở lại" }, at: AT });
    expect([twin.status, twin.body.error.code]).toEqual([409, "PERIOD_EXISTS"]);
    expect(twin.body.error.message).toMatch(/^Đã có kỳ .* năm 2024 cấp xã đang mở/);
  });
});
