import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { scoreWorkbook, CriteriaSetSchema } from "../../../shared/index.ts";
import { gridFromItems } from "../items-grid.ts";
import { BEFORE_DEADLINE, call, COMMUNE_SET, count, createToken, bearer, fullItems, uniqueKey } from "../../test/helpers.ts";

const set = CriteriaSetSchema.parse(COMMUNE_SET);
const items = fullItems(COMMUNE_SET);
const submit = (body: unknown, opts: { as?: "admin" | "unit" | "reviewer"; key?: string; at?: string; headers?: Record<string, string> } = {}) =>
  call("POST", "/v1/submissions", { as: opts.as ?? "unit", body, at: opts.at, headers: { "Idempotency-Key": opts.key ?? uniqueKey(), ...opts.headers } });

describe("POST /v1/submissions", () => {
  it("re-scores an item list with the engine, stores version 1, 2 … and answers the server's report", async () => {
    const first = await submit({ period: "2024-commune", items });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ unit: "xa-an-phu", period: "2024-commune", version: expect.any(Number) });
    const expected = scoreWorkbook(gridFromItems(items, set), set);
    expect(first.body.report).toEqual(expected);
    expect(first.body.report.selfAssessable.percent).toBe(100);

    const second = await submit({ period: "2024-commune", items: fullItems(COMMUNE_SET, 0) });
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(first.body.version + 1);
    expect(second.body.report.total).toBeLessThan(first.body.report.total);
  });

  it("accepts a grid, ignores the client's report and stores who sent it", async () => {
    const grid = gridFromItems(items, set);
    const lying = { ...scoreWorkbook(grid, set), total: 100, percent: 100 };
    const res = await submit({ period: "2024-commune", grid, clientReport: lying, acceptedWarnings: [{ code: "SCORE_BLANK", criterion: "1.1.1", reason: "đã giải trình" }] });
    expect(res.status).toBe(201);
    expect(res.body.report.total).toBe(scoreWorkbook(grid, set).total);
    const stored = await call("GET", `/v1/submissions/${res.body.id}`, { as: "unit" });
    expect(stored.status).toBe(200);
    expect(stored.body).toMatchObject({ source: "grid", submittedBy: { tokenId: "tok-demo-unit", role: "unit" }, clientReport: { total: 100 } });
    expect(stored.body.acceptedWarnings).toHaveLength(1);
    expect(stored.body.grid.sheets[0].name).toBe(grid.sheets[0]!.name);
  });

  it("stores a workbook with error findings (incomplete workbooks are versions too)", async () => {
    const res = await submit({ period: "2024-commune", items: [{ code: "1.1.1", self: 5 }] });
    expect(res.status).toBe(201);
    expect(res.body.report.findings.map((f: { code: string }) => f.code)).toEqual(expect.arrayContaining(["SCORE_OVER_MAX", "MISSING_CRITERION"]));
  });

  it("refuses a workbook without a criteria table: 422 HEADER_NOT_FOUND, nothing stored", async () => {
    const before = await count("submissions");
    const res = await submit({ period: "2024-commune", grid: { sheets: [{ name: "Sheet1", rows: [[{ v: "xin chào" }]] }] } });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("HEADER_NOT_FOUND");
    expect(await count("submissions")).toBe(before);
  });

  it("replays the first answer for the same key and body, storing nothing new", async () => {
    const key = uniqueKey("replay");
    const body = { period: "2024-commune", items };
    const first = await submit(body, { key });
    const before = [await count("submissions"), await count("audit_log"), await count("idempotency_keys")];
    const again = await submit(body, { key });
    expect(again.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect([await count("submissions"), await count("audit_log"), await count("idempotency_keys")]).toEqual(before);
  });

  it("replays the first answer even after the deadline has passed", async () => {
    const key = uniqueKey("late-replay");
    const body = { period: "2024-commune", unit: "xa-an-loc", items };
    const first = await submit(body, { key, as: "admin", at: BEFORE_DEADLINE });
    expect(first.status).toBe(201);
    const again = await submit(body, { key, as: "admin", at: "2025-06-01T09:00:00+07:00" });
    expect([again.status, again.text]).toEqual([201, first.text]);
    const changed = await submit({ ...body, items: items.slice(1) }, { key, as: "admin", at: "2025-06-01T09:00:00+07:00" });
    expect(changed.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("refuses the same key with a different body: 409 IDEMPOTENCY_KEY_REUSED", async () => {
    const key = uniqueKey("reuse");
    expect((await submit({ period: "2024-commune", items }, { key })).status).toBe(201);
    const res = await submit({ period: "2024-commune", items: items.slice(1) }, { key });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("keeps keys per token: another token may use the same key", async () => {
    const key = uniqueKey("shared");
    expect((await submit({ period: "2024-commune", items }, { key })).status).toBe(201);
    const admin = await submit({ period: "2024-commune", unit: "xa-an-phu", items }, { key, as: "admin" });
    expect(admin.status).toBe(201);
  });

  it("turns two concurrent submissions into consecutive versions", async () => {
    const unit = "xa-binh-hoa";
    const base = { period: "2024-commune", unit, items };
    const results = await Promise.all([0, 1, 2].map(() => submit(base, { as: "admin", at: BEFORE_DEADLINE })));
    expect(results.map((r) => r.status)).toEqual([201, 201, 201]);
    const versions = results.map((r) => r.body.version).sort();
    expect(versions[1]).toBe(versions[0] + 1);
    expect(versions[2]).toBe(versions[0] + 2);
    const list = await call("GET", `/v1/submissions?unit=${unit}&period=2024-commune`, { as: "admin" });
    expect(list.body.items.map((s: { version: number }) => s.version)).toEqual(expect.arrayContaining(versions));
  });

  it("answers two identical concurrent requests with one stored version", async () => {
    const key = uniqueKey("race");
    const body = { period: "2024-commune", unit: "thi-tran-an-binh", items };
    const before = await count("submissions", "unit_id = ?1", "thi-tran-an-binh");
    const [a, b] = await Promise.all([submit(body, { key, as: "admin", at: BEFORE_DEADLINE }), submit(body, { key, as: "admin", at: BEFORE_DEADLINE })]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect(a.text).toBe(b.text);
    expect(await count("submissions", "unit_id = ?1", "thi-tran-an-binh")).toBe(before + 1);
  });

  it("writes the audit row in the same batch", async () => {
    const res = await submit({ period: "2024-commune", items });
    const audit = await env.DB.prepare("SELECT action, token_id, detail FROM audit_log WHERE entity = 'submission' AND entity_id = ?1").bind(res.body.id).all<{ action: string; token_id: string; detail: string }>();
    expect(audit.results).toHaveLength(1);
    expect(audit.results[0]).toMatchObject({ action: "submission.create", token_id: "tok-demo-unit" });
    expect(JSON.parse(audit.results[0]!.detail)).toMatchObject({ unit: "xa-an-phu", version: res.body.version });
  });

  it("never updates or deletes a stored version", async () => {
    const res = await submit({ period: "2024-commune", items });
    await expect(env.DB.prepare("UPDATE submissions SET total = 0 WHERE id = ?1").bind(res.body.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM submissions WHERE id = ?1").bind(res.body.id).run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("DELETE FROM audit_log").run()).rejects.toThrow(/append-only/);
    await expect(env.DB.prepare("UPDATE periods SET criteria_set_version = 2 WHERE id = '2024-commune'").run()).rejects.toThrow(/keeps its criteria set/);
    await expect(env.DB.prepare("UPDATE units SET type = 'ward' WHERE id = 'xa-an-phu'").run()).rejects.toThrow(/closing their validity/);
  });
});

describe("deadlines and locks", () => {
  it("refuses a late submission with 409 DEADLINE_PASSED and a clear message", async () => {
    const res = await submit({ period: "2024-commune", unit: "xa-an-loc", items }, { as: "admin", at: "2025-02-01T09:00:00+07:00" });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("DEADLINE_PASSED");
    expect(res.body.error.message).toContain("Đã quá hạn nộp (31/01/2025 17:00");
    expect(res.body.error.message).toContain("deadline");
  });

  it("accepts the same submission before the deadline", async () => {
    const res = await submit({ period: "2024-commune", unit: "xa-an-loc", items }, { as: "admin", at: BEFORE_DEADLINE });
    expect(res.status).toBe(201);
  });

  it("accepts a late submission from a unit with a deadline exception", async () => {
    const res = await submit({ period: "2024-commune", items }, { at: "2025-03-01T09:00:00+07:00" });
    expect(res.status).toBe(201);
  });

  it("lets an admin grant an exception, then the unit may submit late", async () => {
    const token = await createToken("unit", "xa-dong-hai");
    const late = "2025-02-10T09:00:00+07:00";
    const body = { period: "2024-commune", items };
    const refused = await submit(body, { at: late, headers: bearer(token) });
    expect(refused.body.error.code).toBe("DEADLINE_PASSED");
    const granted = await call("POST", "/v1/periods/2024-commune/exceptions", { body: { unit: "xa-dong-hai", deadline: "2025-02-28T17:00:00+07:00", reason: "Bão lũ" }, at: late });
    expect(granted.status).toBe(201);
    expect((await submit(body, { at: late, headers: bearer(token) })).status).toBe(201);
  });

  it("refuses a unit that does not exist in the period's span (closed before it, created after it) with 422 UNIT_NOT_IN_PERIOD; /v1/me offers it no such period", async () => {
    const suffix = uniqueKey().slice(-6);
    const [closed, created] = [`xa-cu-${suffix}`, `xa-moi-${suffix}`];
    for (const [id, validFrom, validTo] of [[closed, "2020-01-01", "2023-12-31"], [created, "2025-07-01", null]] as const) {
      const made = await call("POST", "/v1/units", { body: { id, name: id, type: "commune", parentId: "tinh-minh-hoa", validFrom, validTo } });
      expect(made.status, made.text).toBe(201);
    }
    for (const unit of [closed, created]) {
      const res = await submit({ period: "2024-commune", unit, items }, { as: "admin", at: BEFORE_DEADLINE });
      expect([res.status, res.body.error?.code], res.text).toEqual([422, "UNIT_NOT_IN_PERIOD"]);
      expect(res.body.error.message).toContain("2024-12-31"); // the last day of the set's period, which the unit must be open on
      const own = await submit({ period: "2024-commune", items }, { at: BEFORE_DEADLINE, headers: bearer(await createToken("unit", unit)) });
      expect([own.status, own.body.error?.code]).toEqual([422, "UNIT_NOT_IN_PERIOD"]);
      expect(await count("submissions", "unit_id = ?1", unit)).toBe(0);
      const me = await call("GET", "/v1/me", { headers: bearer(await createToken("unit", unit)), at: BEFORE_DEADLINE });
      expect(me.body.periods).toEqual([]);
    }
    // A unit open on the last day of the set's period (31/12/2024) gets it (xa-an-phu closes 2025-06-30).
    expect((await call("GET", "/v1/me", { as: "unit", at: BEFORE_DEADLINE })).body.periods.map((p: { id: string }) => p.id)).toContain("2024-commune");
  });

  it("refuses any submission to a locked period with 409 PERIOD_LOCKED", async () => {
    const id = `locked-${uniqueKey()}`.slice(0, 60).toLowerCase();
    const created = await call("POST", "/v1/periods", { body: { id, year: 2024, criteriaSet: { id: "demo-commune-2024", version: 1 }, deadline: "2099-01-01T00:00:00Z", locked: true } });
    expect(created.status).toBe(201);
    const res = await submit({ period: id, items });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("PERIOD_LOCKED");
  });
});

describe("submission input errors", () => {
  const cases: [string, number, string, { rawBody?: string; body?: unknown; headers?: Record<string, string> }][] = [
    ["bad JSON", 400, "INVALID_JSON", { rawBody: "{ not json" }],
    ["no period", 400, "VALIDATION_FAILED", { body: { items } }],
    ["grid and items together", 400, "VALIDATION_FAILED", { body: { period: "2024-commune", items, grid: { sheets: [] } } }],
    ["an item without a code", 400, "VALIDATION_FAILED", { body: { period: "2024-commune", items: [{ self: 1 }] } }],
    ["a grid cell of the wrong type", 400, "VALIDATION_FAILED", { body: { period: "2024-commune", grid: { sheets: [{ name: "S", rows: [[{ v: { x: 1 } }]] }] } } }],
    ["an unknown period", 404, "PERIOD_NOT_FOUND", { body: { period: "1999-commune", items } }],
    ["a non-JSON content type", 415, "UNSUPPORTED_MEDIA_TYPE", { rawBody: "period=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } }],
  ];
  it.each(cases)("%s → %i %s", async (_name, status, code, input) => {
    const res = await call("POST", "/v1/submissions", { as: "unit", ...input, headers: { "Content-Type": "application/json", "Idempotency-Key": uniqueKey(), ...input.headers } });
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(code);
    if (status === 400 && code === "VALIDATION_FAILED") expect(res.body.error.issues.length).toBeGreaterThan(0);
  });

  it("accepts an Idempotency-Key (API-NOTES), a sane one; without one each request is a new version", async () => {
    const first = await call("POST", "/v1/submissions", { as: "unit", body: { period: "2024-commune", items } });
    const second = await call("POST", "/v1/submissions", { as: "unit", body: { period: "2024-commune", items } });
    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.version).toBe(first.body.version + 1);
    const long = await submit({ period: "2024-commune", items }, { key: "x".repeat(129) });
    expect(long.status).toBe(400);
  });

  it("refuses an oversized body with 413 in the envelope", async () => {
    const res = await call("POST", "/v1/submissions", { as: "unit", rawBody: JSON.stringify({ period: "2024-commune", pad: "x".repeat(600 * 1024) }), headers: { "Content-Type": "application/json", "Idempotency-Key": uniqueKey() } });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("refuses a set meant for another unit type with 422", async () => {
    const res = await submit({ period: "2024-district", unit: "xa-an-phu", items }, { as: "admin", at: BEFORE_DEADLINE });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("UNIT_TYPE_MISMATCH");
  });
});

describe("reading versions", () => {
  it("lists a unit's versions in order with a cursor", async () => {
    const unit = "xa-son-thuy";
    for (let i = 0; i < 3; i++) expect((await submit({ period: "2024-commune", unit, items }, { as: "admin", at: BEFORE_DEADLINE })).status).toBe(201);
    const page1 = await call("GET", `/v1/submissions?unit=${unit}&period=2024-commune&limit=2`, { as: "reviewer" });
    expect(page1.status).toBe(403); // xa-son-thuy is in Đông Sơn, not the demo reviewer's district
    const admin1 = await call("GET", `/v1/submissions?unit=${unit}&period=2024-commune&limit=2`, { as: "admin" });
    expect(admin1.body.items.map((s: { version: number }) => s.version)).toEqual([1, 2]);
    const admin2 = await call("GET", `/v1/submissions?unit=${unit}&period=2024-commune&limit=2&cursor=${encodeURIComponent(admin1.body.nextCursor)}`, { as: "admin" });
    expect(admin2.body.items.map((s: { version: number }) => s.version)).toEqual([3]);
    expect(admin2.body.nextCursor).toBeNull();
  });

  it("diffs two versions item by item", async () => {
    const a = await submit({ period: "2024-commune", items });
    const changed = items.map((i) => (i.code === "1.1.1" ? { ...i, self: 0.5 } : i));
    const b = await submit({ period: "2024-commune", items: changed });
    const diff = await call("GET", `/v1/submissions/${a.body.id}/diff/${b.body.id}`, { as: "reviewer" });
    expect(diff.status).toBe(200);
    expect(diff.body.items).toEqual([{ code: "1.1.1", title: expect.any(String), from: { self: 1, score: 1 }, to: { self: 0.5, score: 0.5 }, delta: -0.5 }]);
    expect(diff.body.total.delta).toBe(-0.5);
    expect(diff.body.from).toEqual({ id: a.body.id, version: a.body.version });
  });
});
