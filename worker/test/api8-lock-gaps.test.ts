/**
 * API8: the period lock's gaps. A retry with the Idempotency-Key of a write answered before the
 * lock gets that first answer (API-NOTES), not 409 PERIOD_LOCKED (API8-2).
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { call, uniqueKey } from "./helpers.ts";

const period = async () => newPeriod(`t-a8-${uniqueKey().slice(-10)}`);
const lock = (p: string) => call("POST", `/v1/periods/${p}/lock`, { body: { reason: "Công bố kết quả" }, at: AT });

describe("a retry after the lock (API8-2)", () => {
  it("replays the first answer of a survey import, a review step and a deadline exception; a new key is still refused", async () => {
    const p = await period();
    await submitFor(p, "xa-binh-hoa");
    const [s, r, e] = [uniqueKey("S"), uniqueKey("R"), uniqueKey("E")];
    const survey = () => call("POST", `/v1/periods/${p}/survey`, { rawBody: "xa-binh-hoa;7.1.1;1\n", headers: { "Content-Type": "text/csv", "Idempotency-Key": s }, at: AT });
    const review = () => call("POST", `/v1/periods/${p}/units/xa-binh-hoa/appraisal/transitions`, { body: { action: "start_review" }, as: "reviewer", at: AT, headers: { "Idempotency-Key": r } });
    const exception = () => call("POST", `/v1/periods/${p}/exceptions`, { body: { unit: "xa-an-loc", deadline: "2025-02-28", reason: "Bão lũ" }, at: AT, headers: { "Idempotency-Key": e } });
    const first = [await survey(), await review(), await exception()];
    expect(first.map((x) => x.status)).toEqual([201, 200, 201]);
    expect((await lock(p)).status).toBe(200);
    const again = [await survey(), await review(), await exception()];
    expect(again.map((x) => [x.status, x.text])).toEqual(first.map((x) => [x.status, x.text]));

    const fresh = await call("POST", `/v1/periods/${p}/survey`, { rawBody: "xa-binh-hoa;7.1.1;1\n", headers: { "Content-Type": "text/csv", "Idempotency-Key": uniqueKey() }, at: AT });
    expect([fresh.status, fresh.body.error?.code]).toEqual([409, "PERIOD_LOCKED"]);
    // The same key with another body is still another request: refused, nothing written.
    const other = await call("POST", `/v1/periods/${p}/survey`, { rawBody: "xa-binh-hoa;7.1.1;0\n", headers: { "Content-Type": "text/csv", "Idempotency-Key": s }, at: AT });
    expect(other.status).toBe(409);
    expect((await step(p, "xa-binh-hoa", { action: "finalize" })).body.error?.code).toBe("PERIOD_LOCKED");
  });
});

describe("a stated baseline read by a locked year (API8-1)", () => {
  it("refuses PUT /v1/periods/baselines/{unit} for the year before a locked period of the unit's level, 409 PERIOD_LOCKED naming it; another level's is kept", async () => {
    const p = await newPeriod(`t-a8b-${uniqueKey().slice(-10)}`, 2031, "2032-01-31T17:00:00+07:00");
    expect((await call("PUT", "/v1/periods/baselines/xa-an-loc", { body: { year: 2030, percent: 70, note: "UBND tỉnh công bố" } })).status).toBe(200);
    expect((await lock(p)).status).toBe(200);
    const refused = await call("PUT", "/v1/periods/baselines/xa-an-loc", { body: { year: 2030, percent: 50, note: "Sửa sau công bố" } });
    expect([refused.status, refused.body.error?.code]).toEqual([409, "PERIOD_LOCKED"]);
    expect(refused.body.error.message).toMatch(new RegExp(`^Kỳ đánh giá ${p} đã khóa .*năm 2030`));
    expect(await env.DB.prepare("SELECT percent FROM ranking_baselines WHERE unit_id = 'xa-an-loc' AND year = 2030").first("percent")).toBe(70);
    expect((await call("PUT", "/v1/periods/baselines/huyen-dong-son", { body: { year: 2030, percent: 50, note: "Cấp huyện" } })).status).toBe(200);
    expect((await call("PUT", "/v1/periods/baselines/xa-an-loc", { body: { year: 2031, percent: 50, note: "Năm sau" } })).status).toBe(200);
  });
});

describe("a unit back-dated into a locked year (API8-5)", () => {
  it("refuses a unit, an imported unit or a merge's successor whose span reaches a locked period's population, 409 PERIOD_LOCKED naming it; one starting after it is created", async () => {
    const p = await newPeriod(`t-a8u-${uniqueKey().slice(-10)}`, 2033, "2034-01-31T17:00:00+07:00");
    expect((await lock(p)).status).toBe(200);
    const id = `xa-a8-${uniqueKey().slice(-8)}`.toLowerCase();
    const unit = (validFrom: string, validTo: string | null = null) => ({ id, name: `Xã Thử ${id.slice(-6)}`, type: "commune", parentId: "tinh-minh-hoa", validFrom, validTo });
    const refused = await call("POST", "/v1/units", { body: unit("2033-01-01", "2035-06-30") });
    expect([refused.status, refused.body.error?.code]).toEqual([409, "PERIOD_LOCKED"]);
    expect(refused.body.error.message).toMatch(new RegExp(`^Kỳ đánh giá ${p} đã khóa .*${id}.*31/12/2033`));
    const ward = await call("POST", "/v1/units", { body: { ...unit("2020-01-01", null), type: "ward" } });
    expect([ward.status, ward.body.error?.code]).toEqual([409, "PERIOD_LOCKED"]);
    expect((await call("GET", `/v1/units/${id}`)).status).toBe(404);
    const district = await call("POST", "/v1/units", { body: { ...unit("2020-01-01", null), id: `${id}-h`, name: `Huyện Thử ${id.slice(-6)}`, type: "district" } });
    expect(district.status).toBe(201);

    const imported = await call("POST", "/v1/units/import", { body: { rows: [{ row: 2, name: `Xã Nhập ${id.slice(-6)}`, type: "Xã", parent: "tinh-minh-hoa", validFrom: "01/01/2033" }] } });
    expect([imported.status, imported.body.error?.code]).toEqual([409, "PERIOD_LOCKED"]);

    expect((await call("POST", "/v1/units", { body: unit("2034-01-01") })).status).toBe(201);
  });
});

describe("unlocking beside an open twin counts deadline extensions (API8-4, API8-6)", () => {
  it("refuses to unlock a period still open to a unit through its extension while another period of the year and level is open, worded for the unlock", async () => {
    const [t0, t1] = ["2035-12-01T09:00:00+07:00", "2036-02-15T09:00:00+07:00"];
    const a = await newPeriod(`t-a8t-${uniqueKey().slice(-10)}`, 2035, "2036-01-31T17:00:00+07:00");
    const unit = `xa-a8t-${uniqueKey().slice(-8)}`.toLowerCase();
    expect((await call("POST", "/v1/units", { body: { id: unit, name: `Xã Gia Hạn ${unit.slice(-6)}`, type: "commune", parentId: "tinh-minh-hoa", validFrom: "2035-01-01", validTo: null } })).status).toBe(201);
    expect((await call("POST", `/v1/periods/${a}/exceptions`, { body: { unit, deadline: "2036-12-31", reason: "Bão lũ" }, at: t0 })).status).toBe(201);
    expect((await call("POST", `/v1/periods/${a}/lock`, { body: { reason: "Công bố" }, at: t0 })).status).toBe(200);
    const b = `t-a8t-b-${uniqueKey().slice(-10)}`;
    expect((await call("POST", "/v1/periods", { body: { id: b, year: 2035, criteriaSet: { id: "t-commune-2035", version: 1 }, deadline: "2036-06-30T17:00:00+07:00" }, at: t1 })).status).toBe(201);
    const unlocked = await call("POST", `/v1/periods/${a}/unlock`, { body: { reason: "Sửa" }, at: t1 });
    expect([unlocked.status, unlocked.body.error?.code]).toEqual([409, "PERIOD_EXISTS"]);
    const message: string = unlocked.body.error.message;
    expect(message).toContain(`khóa hoặc xóa kỳ ${b}`);
    expect(message).toContain(`then unlock ${a}`);
    expect(message).not.toMatch(/tạo lại|create this one/);
    expect((await call("GET", `/v1/periods/${a}`)).body.locked).toBe(true);
    // Once the other one is locked, the unlock goes through.
    expect((await call("POST", `/v1/periods/${b}/lock`, { body: { reason: "Công bố" }, at: t1 })).status).toBe(200);
    expect((await call("POST", `/v1/periods/${a}/unlock`, { body: { reason: "Sửa" }, at: t1 })).status).toBe(200);
  });
});

describe("bulk finalize names the units that never explained (API8-3)", () => {
  it("answers 400 naming each unit still returned for explanation (issues units.i), Vietnamese first, and changes none", async () => {
    const p = await newPeriod(`t-a8r-${uniqueKey().slice(-10)}`, 2024, "2025-01-31T17:00:00+07:00");
    for (const u of ["xa-binh-hoa", "xa-an-loc", "xa-an-phu"]) {
      await submitFor(p, u);
      expect((await step(p, u, { action: "start_review" })).status).toBe(200);
    }
    for (const u of ["xa-an-loc", "xa-an-phu"]) expect((await step(p, u, { action: "return", reason: "Bổ sung minh chứng" })).status).toBe(200);
    const units = ["xa-binh-hoa", "xa-an-loc", "xa-an-phu"];
    const res = await call("POST", `/v1/periods/${p}/appraisal/bulk`, { body: { action: "finalize", units }, as: "reviewer", at: AT });
    expect([res.status, res.body.error?.code]).toEqual([400, "VALIDATION_FAILED"]);
    const message: string = res.body.error.message;
    expect(message).toMatch(/^Bước "[^"]+" .*2 đơn vị chưa giải trình: xa-an-loc, xa-an-phu.* \/ .*2 unit\(s\) have not explained: xa-an-loc, xa-an-phu/);
    expect(res.body.error.issues).toEqual([
      { path: "reason", message: expect.stringMatching(/^bắt buộc/) },
      { path: "units.1", message: expect.stringMatching(/^xa-an-loc: chưa giải trình .* \/ xa-an-loc: /) },
      { path: "units.2", message: expect.stringMatching(/^xa-an-phu: chưa giải trình .* \/ xa-an-phu: /) },
    ]);
    const view = await call("GET", `/v1/periods/${p}/units/xa-binh-hoa/appraisal`, { as: "reviewer" });
    expect(view.body.status).toBe("under_review");
  });
});

describe("a bulk step's reason is kept where the step needed it (API8-9)", () => {
  it("stores a bulk finalize's reason on the unit that never explained, not on one finalized from under review", async () => {
    const p = await newPeriod(`t-a8h-${uniqueKey().slice(-10)}`, 2024, "2025-01-31T17:00:00+07:00");
    for (const u of ["xa-binh-hoa", "xa-an-loc"]) {
      await submitFor(p, u);
      expect((await step(p, u, { action: "start_review" })).status).toBe(200);
    }
    expect((await step(p, "xa-an-loc", { action: "return", reason: "Bổ sung minh chứng" })).status).toBe(200);
    const res = await call("POST", `/v1/periods/${p}/appraisal/bulk`, { body: { action: "finalize", units: ["xa-an-loc", "xa-binh-hoa"], reason: "Hết thời hạn giải trình" }, as: "reviewer", at: AT });
    expect(res.status).toBe(200);
    const last = async (u: string) => (await call("GET", `/v1/periods/${p}/units/${u}/appraisal`, { as: "reviewer" })).body.history.at(-1);
    expect(await last("xa-an-loc")).toMatchObject({ status: "final", reason: "Hết thời hạn giải trình" });
    expect(await last("xa-binh-hoa")).toMatchObject({ status: "final", reason: null });
  });
});
