/**
 * Days and deadlines in Vietnam time (UTC+7): one deadline parser for the HTTP route and the
 * admin CLI, a stored form JavaScript and SQLite's julianday() read as the same instant, no
 * unreadable deadline stored, and "today" as the Vietnam calendar day (the unit tree's
 * default asOf, which units may still get activation codes, the codes sheet's file name).
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import type { UnitNode } from "../src/api-schemas.ts";
import { today } from "../src/clock.ts";
import { parseDeadline, vietnamDay } from "../src/vietnam-day.ts";
import { call, COMMUNE_SET, fullItems, uniqueKey } from "./helpers.ts";

const ids = (nodes: UnitNode[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children)]);

describe("parseDeadline: the deadline forms the admin CLI and POST /v1/periods accept", () => {
  it.each([
    ["31/01/2025", "2025-01-31T23:59:59+07:00"],
    ["1/7/2025", "2025-07-01T23:59:59+07:00"],
    ["2025-01-31", "2025-01-31T23:59:59+07:00"],
    ["2025-01-31T17:00:00+07:00", "2025-01-31T17:00:00+07:00"],
    ["2025-01-31T10:00:00Z", "2025-01-31T17:00:00+07:00"],
    ["2025-01-31T16:59:59.5Z", "2025-01-31T23:59:59.500+07:00"],
    ["2025-01-31T23:59:59-05:00", "2025-02-01T11:59:59+07:00"],
  ])("%s → %s", (typed, stored) => {
    expect(parseDeadline(typed)).toBe(stored);
  });

  it.each(["01/31/2025", "31/02/2025", "2025-02-30", "2025-01-31T23:59:59+0700", "2025-01-31T23:59:59+07", "2025-01-31 23:59:59", "2025-01-31T23:59:59", "2025-01-31T17:00+07:00", "31.01.2025", " 2025-01-31", "", "ngày mai", "9999-12-31T23:00:00Z"])(
    "refuses %j",
    (typed) => {
      expect(parseDeadline(typed)).toBeNull();
    },
  );

  it("stores forms that JavaScript and SQLite julianday() read as the same instant", async () => {
    for (const typed of ["31/01/2025", "2025-01-31", "2025-01-31T10:00:00Z", "2025-01-31T16:59:59.5Z", "2025-01-31T23:59:59-05:00"]) {
      const stored = parseDeadline(typed)!;
      const row = await env.DB.prepare("SELECT CAST(round((julianday(?1) - 2440587.5) * 86400000) AS INTEGER) AS ms").bind(stored).first<{ ms: number | null }>();
      expect([typed, row?.ms]).toEqual([typed, Date.parse(stored)]);
    }
  });
});

describe("POST /v1/periods reads a deadline through the same parser", () => {
  const body = (id: string, deadline: string) => ({ id, year: 2024, criteriaSet: { id: COMMUNE_SET.id, version: 1 }, deadline });

  it("takes a day as the end of that day in Vietnam and stores one form", async () => {
    for (const [typed, stored] of [["31/01/2025", "2025-01-31T23:59:59+07:00"], ["2025-01-31", "2025-01-31T23:59:59+07:00"], ["2025-01-31T10:00:00Z", "2025-01-31T17:00:00+07:00"]] as const) {
      const id = `vn-${uniqueKey().slice(-10)}`;
      const res = await call("POST", "/v1/periods", { body: body(id, typed) });
      expect([typed, res.status, res.body.deadline]).toEqual([typed, 201, stored]);
      const row = await env.DB.prepare("SELECT deadline FROM periods WHERE id = ?1").bind(id).first<{ deadline: string }>();
      expect(row?.deadline).toBe(stored);
    }
  });

  it("a period due 2025-01-31 still takes a submission at 09:00 and at 23:59 Vietnam time that day, not at 00:00 the next", async () => {
    const id = `vn-${uniqueKey().slice(-10)}`;
    expect((await call("POST", "/v1/periods", { body: body(id, "2025-01-31") })).status).toBe(201);
    const submit = (at: string) =>
      call("POST", "/v1/submissions", { as: "admin", body: { period: id, unit: "xa-an-loc", items: fullItems(COMMUNE_SET) }, at, headers: { "Idempotency-Key": uniqueKey() } });
    expect((await submit("2025-01-31T09:00:00+07:00")).status).toBe(201);
    expect((await submit("2025-01-31T23:59:00+07:00")).status).toBe(201);
    const late = await submit("2025-02-01T00:00:00+07:00");
    expect([late.status, late.body.error.code]).toEqual([409, "DEADLINE_PASSED"]);
    expect(late.body.error.message).toContain("31/01/2025 23:59");
  });

  it("at the deadline's last second the period is still offered by /v1/me, as a submission then is still taken", async () => {
    const id = `vn-${uniqueKey().slice(-10)}`;
    expect((await call("POST", "/v1/periods", { body: body(id, "2025-01-31") })).status).toBe(201);
    const offered = async (at: string) => ((await call("GET", "/v1/me", { as: "admin", at })).body.periods as { id: string }[]).some((p) => p.id === id);
    expect(await offered("2025-01-31T23:59:59+07:00")).toBe(true);
    const submitted = await call("POST", "/v1/submissions", { as: "admin", body: { period: id, unit: "xa-an-loc", items: fullItems(COMMUNE_SET) }, at: "2025-01-31T23:59:59+07:00", headers: { "Idempotency-Key": uniqueKey() } });
    expect(submitted.status).toBe(201);
    expect(await offered("2025-02-01T00:00:00+07:00")).toBe(false);
  });

  it("refuses month-first days and offsets SQLite cannot read, Vietnamese first", async () => {
    for (const typed of ["01/31/2025", "2025-01-31T23:59:59+0700", "2025-01-31 23:59:59"]) {
      const res = await call("POST", "/v1/periods", { body: body(`vn-${uniqueKey().slice(-10)}`, typed) });
      expect([typed, res.status, res.body.error.code]).toEqual([typed, 400, "VALIDATION_FAILED"]);
      expect(res.body.error.issues).toEqual([{ path: "deadline", message: expect.stringMatching(/^hạn nộp là một ngày dd\/mm\/yyyy/) }]);
    }
  });
});

describe("a deadline SQLite cannot read is never stored (migration 0014)", () => {
  it.each(["01/31/2025", "2025-01-31T23:59:59+0700", "2025-01-31", "2025-01-31 23:59:59", "31/01/2025"])("refuses %j in periods and deadline_exceptions", async (deadline) => {
    const period = `vn-raw-${uniqueKey().slice(-10)}`;
    const insertPeriod = (d: string) =>
      env.DB.prepare("INSERT INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (?1, 2024, ?2, 1, ?3, 0, '2025-01-01T00:00:00Z')")
        .bind(period, COMMUNE_SET.id, d)
        .run();
    await expect(insertPeriod(deadline)).rejects.toThrow(/deadline/);
    await insertPeriod("2025-01-31T23:59:59+07:00");
    await expect(
      env.DB.prepare("INSERT INTO deadline_exceptions (unit_id, period_id, deadline, reason, created_at) VALUES ('xa-an-loc', ?1, ?2, 'x', '2025-01-01T00:00:00Z')").bind(period, deadline).run(),
    ).rejects.toThrow(/deadline/);
    await expect(env.DB.prepare("UPDATE periods SET deadline = ?2 WHERE id = ?1").bind(period, deadline).run()).rejects.toThrow(/deadline/);
  });
});

describe("today is the Vietnam calendar day", () => {
  it.each([
    ["2025-06-30T23:59:59+07:00", "2025-06-30"],
    ["2025-07-01T00:30:00+07:00", "2025-07-01"],
    ["2025-07-01T06:59:00+07:00", "2025-07-01"],
    ["2025-07-01T07:30:00+07:00", "2025-07-01"],
  ])("at %s it is %s", (at, day) => {
    expect(vietnamDay(new Date(at))).toBe(day);
    expect(today(new Date(at))).toBe(day);
  });

  it.each(["2025-07-01T00:30:00+07:00", "2025-07-01T06:59:00+07:00"])("GET /v1/units at %s: asOf 2025-07-01, the merged commune and no districts", async (at) => {
    const res = await call("GET", "/v1/units", { at });
    expect(res.status).toBe(200);
    expect(res.body.asOf).toBe("2025-07-01");
    expect(ids(res.body.units)).toContain("xa-an-phu-loc");
    expect(ids(res.body.units)).not.toContain("huyen-an-binh");
  });

  it.each(["2025-07-01T00:30:00+07:00", "2025-07-01T06:59:00+07:00", "2025-07-01T07:30:00+07:00"])("at %s no code for a unit closed 30/6: 422 UNIT_NOT_OPEN", async (at) => {
    const single = await call("POST", "/v1/units/xa-binh-hoa/activation-codes", { at });
    expect([single.status, single.body.error?.code]).toEqual([422, "UNIT_NOT_OPEN"]);
    const bulk = await call("POST", "/v1/activation-codes", { at, body: { units: ["xa-binh-hoa"] } });
    expect([bulk.status, bulk.body.error?.code]).toEqual([422, "UNIT_NOT_OPEN"]);
  });

  it("at 23:59 on 30/6 the unit is still open; at 00:30 on 1/7 the sheet is dated 2025-07-01", async () => {
    expect((await call("POST", "/v1/units/xa-binh-hoa/activation-codes", { at: "2025-06-30T23:59:00+07:00" })).status).toBe(201);
    const sheet = await call("POST", "/v1/activation-codes?format=csv", { at: "2025-07-01T00:30:00+07:00", body: { units: ["xa-an-phu-loc"] } });
    expect(sheet.status).toBe(201);
    expect(sheet.headers.get("Content-Disposition")).toContain("ma-kich-hoat-2025-07-01.csv");
  });
});
