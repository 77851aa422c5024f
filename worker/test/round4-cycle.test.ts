/**
 * Red-team round 4 (Worker API), the cycle's edges: an explanation (giải trình) of a code the
 * appraisal never shows is refused, not stored out of sight; a day-deadline lasts through the
 * last millisecond of that day for submission, /v1/me and the board alike; a JSON body that
 * declares a charset other than UTF-8 is refused (415); a diff compares versions of one unit in
 * one period only.
 */
import { describe, expect, it } from "vitest";
import { AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { bearer, call, COMMUNE_SET, count, createToken, fullItems, uniqueKey } from "./helpers.ts";

const periodId = (tag: string) => `t-r4-${tag}-${uniqueKey().slice(-8)}`;

describe("an explanation names a leaf the appraisal shows", () => {
  it("refuses a group's code or an unknown one with 422 in the envelope, per explanation, and stores nothing", async () => {
    const p = await newPeriod(periodId("explain"));
    await submitFor(p, "xa-an-loc");
    expect((await step(p, "xa-an-loc", { action: "start_review" })).status).toBe(200);
    expect((await step(p, "xa-an-loc", { action: "return", reason: "Giải trình tiêu chí 1" })).status).toBe(200);
    const stored = () => count("explanations", "period_id = ?1 AND unit_id = ?2", p, "xa-an-loc");

    const group = await step(p, "xa-an-loc", { action: "explain", explanations: [{ code: "1.2", text: "Đã bổ sung" }, { code: "1", text: "Cả lĩnh vực 1" }] }, "admin");
    expect([group.status, group.body.error.code]).toEqual([422, "UNKNOWN_CRITERION"]);
    expect(group.body.error.issues).toEqual([{ path: "explanations.1.code", message: expect.stringMatching(/^"1" là nhóm tiêu chí.*1\.1\.1, 1\.1\.2, 1\.2, 1\.3, 1\.4.* \/ "1" is a group/) }]);
    expect(group.body.error.message).toMatch(/^Giải trình không hợp lệ/);

    const both = await step(p, "xa-an-loc", { action: "explain", explanations: [{ code: "1.1", text: "x" }, { code: "99.9", text: "y" }] }, "admin");
    expect([both.status, both.body.error.code, both.body.error.issues.map((i: { path: string }) => i.path)]).toEqual([422, "UNKNOWN_CRITERION", ["explanations.0.code", "explanations.1.code"]]);
    expect(both.body.error.issues[1].message).toMatch(/^Không có tiêu chí "99\.9" trong bộ demo-commune-2024 \/ /);

    expect(await stored()).toBe(0);
    const view = await call("GET", `/v1/periods/${p}/units/xa-an-loc/appraisal`, { at: AT });
    expect([view.body.status, view.body.turn]).toEqual(["returned_for_explanation", "unit"]);

    // A leaf's explanation is stored and shown on that leaf.
    const leaf = await step(p, "xa-an-loc", { action: "explain", explanations: [{ code: "1.1.1", text: "Đã ban hành kế hoạch" }] }, "admin");
    expect(leaf.status).toBe(200);
    expect(leaf.body.items.find((i: { code: string }) => i.code === "1.1.1").explanations).toMatchObject([{ round: 1, text: "Đã ban hành kế hoạch" }]);
    expect(await stored()).toBe(1);
  });
});

describe("a day-deadline lasts through 23:59:59.999 of that day (Vietnam time)", () => {
  const board = async (p: string, at: string) => {
    const res = await call("GET", `/v1/periods/${p}/board?at=${encodeURIComponent(at)}`);
    expect(res.status).toBe(200);
    return res.body.groups.flatMap((g: { units: { unit: string; late: boolean }[] }) => g.units).find((u: { unit: string }) => u.unit === "xa-binh-hoa") as { late: boolean };
  };
  const submit = (p: string, unit: string, at: string) =>
    call("POST", "/v1/submissions", { body: { period: p, unit, items: fullItems(COMMUNE_SET) }, at, headers: { "Idempotency-Key": uniqueKey(unit) } });

  it("accepts a submission in the day's last second and refuses one at midnight; /v1/me and the board agree", async () => {
    const p = await newPeriod(periodId("day"), 2024, "31/01/2025");
    const lastSecond = ["2025-01-31T23:59:59.400+07:00", "2025-01-31T23:59:59.999+07:00", "2025-01-31T16:59:59.500Z"];
    for (const at of lastSecond) expect((await board(p, at)).late, at).toBe(false);
    expect((await board(p, "2025-02-01T00:00:00+07:00")).late).toBe(true);

    const token = await createToken("unit", "xa-an-loc");
    const open = async (at: string) => ((await call("GET", "/v1/me", { headers: bearer(token), at })).body.periods as { id: string }[]).some((x) => x.id === p);
    expect(await open("2025-01-31T23:59:59.900+07:00")).toBe(true);
    expect(await open("2025-02-01T00:00:00.000+07:00")).toBe(false);

    const late = await submit(p, "xa-an-loc", "2025-02-01T00:00:00.000+07:00");
    expect([late.status, late.body.error.code]).toEqual([409, "DEADLINE_PASSED"]);
    expect((await submit(p, "xa-an-loc", "2025-01-31T23:59:59.400+07:00")).status).toBe(201);
    expect((await submit(p, "xa-binh-hoa", "2025-01-31T23:59:59.999+07:00")).status).toBe(201);
    // …and the ranking counts both on time, as the board does.
    const ranking = await call("GET", `/v1/periods/${p}/ranking`, { at: "2025-02-02T00:00:00+07:00" });
    const onTime = (unit: string) => (ranking.body.items as { unit: string; onTime: boolean | null }[]).find((e) => e.unit === unit)?.onTime;
    expect([onTime("xa-an-loc"), onTime("xa-binh-hoa")]).toEqual([true, true]);
  });

  it("a deadline typed to the millisecond ends at that millisecond", async () => {
    const p = await newPeriod(periodId("ms"), 2024, "2025-01-31T23:59:59.500+07:00");
    const late = await submit(p, "xa-an-loc", "2025-01-31T23:59:59.501+07:00");
    expect([late.status, late.body.error.code]).toEqual([409, "DEADLINE_PASSED"]);
    expect((await board(p, "2025-01-31T23:59:59.501+07:00")).late).toBe(true);
    expect((await submit(p, "xa-an-loc", "2025-01-31T23:59:59.500+07:00")).status).toBe(201);
  });

  it("an extension given as a day lasts through that day's last millisecond too", async () => {
    const p = await newPeriod(periodId("ext"));
    expect((await call("POST", `/v1/periods/${p}/exceptions`, { body: { unit: "xa-binh-hoa", deadline: "15/02/2025", reason: "Bão lũ" }, at: "2025-01-20T09:00:00+07:00" })).status).toBe(201);
    expect((await submit(p, "xa-binh-hoa", "2025-02-15T23:59:59.750+07:00")).status).toBe(201);
    const after = await submit(p, "xa-binh-hoa", "2025-02-16T00:00:00.001+07:00");
    expect([after.status, after.body.error.code]).toEqual([409, "DEADLINE_PASSED"]);
  });
});

describe("a JSON body declaring a charset other than UTF-8 is refused", () => {
  const createPeriod = (contentType: string, id: string) =>
    call("POST", "/v1/periods", { body: { id, year: 2024, criteriaSet: { id: COMMUNE_SET.id, version: 1 }, deadline: "31/01/2025" }, headers: { "Content-Type": contentType } });

  it.each([
    "application/json; charset=utf-16",
    "application/json; charset=latin1",
    "application/json;charset=ISO-8859-1",
    'application/json; charset="windows-1258"',
    "application/json; charset=UTF-16LE",
    "application/json; charset=x-no-such-charset",
    "application/json; charset=",
  ])("%s → 415 in the envelope, nothing stored", async (type) => {
    const id = periodId("cs");
    const res = await createPeriod(type, id);
    expect([res.status, res.body.error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    expect(res.body.error.message).toMatch(/^Nội dung JSON phải mã hóa UTF-8.* \/ JSON must be UTF-8/);
    expect(await count("periods", "id = ?1", id)).toBe(0);
  });

  it.each(["application/json", "application/json; charset=utf-8", "application/json; charset=UTF-8", 'application/json; charset="utf-8"', "application/json;charset=utf8"])(
    "%s is accepted",
    async (type) => {
      expect((await createPeriod(type, periodId("ok"))).status).toBe(201);
    },
  );

  it("a submission body is refused the same way", async () => {
    const p = await newPeriod(periodId("cs-sub"));
    const res = await call("POST", "/v1/submissions", { body: { period: p, unit: "xa-an-loc", items: fullItems(COMMUNE_SET) }, at: AT, headers: { "Content-Type": "application/json; charset=utf-16" } });
    expect([res.status, res.body.error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    expect(await count("submissions", "period_id = ?1", p)).toBe(0);
  });
});

describe("GET /v1/submissions/{a}/diff/{b} compares versions of one unit in one period", () => {
  it("422 across units or periods; 200 between two versions; 404 for a version the token may not see", async () => {
    const p = await newPeriod(periodId("diff"));
    const q = await newPeriod(periodId("diff2"));
    const a1 = await submitFor(p, "xa-an-loc");
    const a2 = await submitFor(p, "xa-an-loc", { short: 2 });
    const other = await submitFor(p, "xa-binh-hoa");
    const elsewhere = await submitFor(q, "xa-an-loc");

    const same = await call("GET", `/v1/submissions/${a1.id}/diff/${a2.id}`);
    expect([same.status, same.body.from.version, same.body.to.version]).toEqual([200, 1, 2]);

    const units = await call("GET", `/v1/submissions/${a1.id}/diff/${other.id}`);
    expect([units.status, units.body.error.code]).toEqual([422, "SUBMISSIONS_NOT_COMPARABLE"]);
    expect(units.body.error.message).toMatch(/^Chỉ so sánh các phiên bản của cùng một đơn vị trong cùng một kỳ: .*xa-an-loc.*xa-binh-hoa.* \/ /);
    const periods = await call("GET", `/v1/submissions/${a1.id}/diff/${elsewhere.id}`);
    expect([periods.status, periods.body.error.code]).toEqual([422, "SUBMISSIONS_NOT_COMPARABLE"]);

    // A unit's token sees only its own versions: another unit's is not found, as it is alone.
    const token = await createToken("unit", "xa-an-loc");
    const hidden = await call("GET", `/v1/submissions/${a1.id}/diff/${other.id}`, { headers: bearer(token) });
    expect([hidden.status, hidden.body.error.code]).toEqual([404, "SUBMISSION_NOT_FOUND"]);
  });
});
