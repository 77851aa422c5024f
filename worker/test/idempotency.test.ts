/**
 * Idempotency-Key on every create route (issue 15, item 6; API-NOTES): the same key with
 * the same body gets the first answer byte for byte and creates nothing more; the same key
 * with another body → 409 IDEMPOTENCY_KEY_REUSED; concurrent twins create once.
 */
import { describe, expect, it } from "vitest";
import { newPeriod } from "./cycle-helpers.ts";
import { call, count, COMMUNE_SET, uniqueKey } from "./helpers.ts";

const P = "t-idempotency-2024";
const suffix = () => uniqueKey().slice(-10).replace(/[^a-z0-9]/g, "");

interface CreateCase {
  name: string;
  method: "POST" | "PUT";
  path: () => string;
  /** Two different bodies for the same route; the first is created. */
  bodies: () => Promise<[unknown, unknown]>;
  /** Rows the create adds, counted before and after. */
  rows: (first: unknown) => Promise<number>;
  /** The test clock (X-Test-Now) the route is sent at, where its dates must still be ahead. */
  at?: string;
}

/** Before the 2025 extensions below run out (one already over is 422 EXCEPTION_OVER), now that the real clock is past them. */
const GRANTED = "2025-01-20T09:00:00+07:00";

const unitBody = (id: string) => ({ id, name: `Xã ${id}`, type: "commune", parentId: "tinh-minh-hoa", validFrom: "2025-07-01" });

const CASES: CreateCase[] = [
  {
    name: "a criteria set",
    method: "POST",
    path: () => "/v1/criteria-sets",
    bodies: async () => {
      const id = `idem-set-${suffix()}`;
      return [{ set: { ...COMMUNE_SET, id } }, { set: { ...COMMUNE_SET, id, title: "Khác" } }];
    },
    rows: (b) => count("criteria_sets", "id = ?1", (b as { set: { id: string } }).set.id),
  },
  {
    name: "a criteria set version",
    method: "PUT",
    path: () => "/v1/criteria-sets/demo-commune-2024",
    bodies: async () => [{ set: COMMUNE_SET }, { set: { ...COMMUNE_SET, title: "Khác" } }],
    rows: () => count("criteria_sets", "id = 'demo-commune-2024'"),
  },
  {
    name: "a unit",
    method: "POST",
    path: () => "/v1/units",
    bodies: async () => {
      const id = `xa-idem-${suffix()}`;
      return [unitBody(id), { ...unitBody(id), name: "Tên khác" }];
    },
    rows: (b) => count("units", "id = ?1", (b as { id: string }).id),
  },
  {
    name: "a merge",
    method: "POST",
    path: () => "/v1/units/merge",
    bodies: async () => {
      const [a, b] = [`xa-idem-${suffix()}`, `xa-idem-${suffix()}`];
      for (const id of [a, b]) await call("POST", "/v1/units", { body: unitBody(id) });
      const merge = { into: { id: `xa-idem-${suffix()}`, name: "Xã Hợp Nhất", type: "commune", parentId: "tinh-minh-hoa" }, from: [a, b], date: "2026-01-01" };
      return [merge, { ...merge, date: "2026-02-01" }];
    },
    rows: (m) => count("unit_successors", "successor_id = ?1", (m as { into: { id: string } }).into.id),
  },
  {
    name: "a period",
    method: "POST",
    path: () => "/v1/periods",
    bodies: async () => {
      const p = { id: `idem-${suffix()}`, year: 2024, criteriaSet: { id: COMMUNE_SET.id, version: 1 }, deadline: "2025-01-31T17:00:00+07:00" };
      return [p, { ...p, year: 2025 }];
    },
    rows: (p) => count("periods", "id = ?1", (p as { id: string }).id),
  },
  {
    name: "a deadline exception",
    method: "POST",
    path: () => `/v1/periods/${P}/exceptions`,
    bodies: async () => {
      const id = `xa-idem-${suffix()}`;
      // Open on the 2024 period's last day: an extension is for a unit of the period.
      await call("POST", "/v1/units", { body: { ...unitBody(id), validFrom: "2024-01-01" } });
      const e = { unit: id, deadline: "2025-02-15T17:00:00+07:00", reason: "Bão lũ" };
      return [e, { ...e, reason: "Lý do khác" }];
    },
    rows: (e) => count("deadline_exceptions", "unit_id = ?1", (e as { unit: string }).unit),
    at: GRANTED,
  },
];

async function send(c: CreateCase, key: string, body: unknown) {
  return call(c.method, c.path(), { body, headers: { "Idempotency-Key": key }, ...(c.at ? { at: c.at } : {}) });
}

describe("Idempotency-Key on every create route", () => {
  it.each(CASES)("$name: a replay answers the first answer and creates nothing; another body → 409", async (c) => {
    await newPeriod(P);
    const [body, other] = await c.bodies();
    const key = uniqueKey("idem");
    const first = await send(c, key, body);
    expect(first.status, first.text).toBe(201);
    const rows = await c.rows(body);
    const again = await send(c, key, body);
    expect([again.status, again.text]).toEqual([201, first.text]);
    expect(await c.rows(body)).toBe(rows);
    const reused = await send(c, key, other);
    expect([reused.status, reused.body.error.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
    expect(await c.rows(body)).toBe(rows);
  });

  it("a unit sent five times at once with one key is created once, and every answer is the same", async () => {
    const body = unitBody(`xa-idem-${suffix()}`);
    const key = uniqueKey("idem-burst");
    const answers = await Promise.all(Array.from({ length: 5 }, () => call("POST", "/v1/units", { body, headers: { "Idempotency-Key": key } })));
    expect(new Set(answers.map((a) => `${a.status} ${a.text}`)).size).toBe(1);
    expect(answers[0]!.status).toBe(201);
    expect(await count("audit_log", "action = 'unit.create' AND entity_id = ?1", body.id)).toBe(1);
  });

  it("the answer of a create is what a later GET shows (so a replay repeats the truth)", async () => {
    const created = await call("POST", "/v1/units", { body: unitBody(`xa-idem-${suffix()}`), headers: { "Idempotency-Key": uniqueKey() } });
    expect((await call("GET", `/v1/units/${created.body.id}`)).body).toMatchObject(created.body);
    const [a, b] = [`xa-idem-${suffix()}`, `xa-idem-${suffix()}`];
    for (const id of [a, b]) await call("POST", "/v1/units", { body: unitBody(id) });
    const merged = await call("POST", "/v1/units/merge", { body: { into: { id: `xa-idem-${suffix()}`, name: "Xã Mới", type: "commune", parentId: "tinh-minh-hoa" }, from: [b, a], date: "2026-01-01", weights: { [a]: 0.5 } } });
    expect(merged.status).toBe(201);
    expect((await call("GET", `/v1/units/${merged.body.id}`)).body).toEqual(merged.body);
    const set = await call("POST", "/v1/criteria-sets", { body: { set: { ...COMMUNE_SET, id: `idem-set-${suffix()}` }, status: "published" } });
    expect((await call("GET", `/v1/criteria-sets/${set.body.id}`)).body).toEqual(set.body);
  });

  it("the same key and body sent to another period's path is another request: 409, never the first period's answer", async () => {
    await newPeriod(P);
    const other = `${P}-b`;
    await newPeriod(other);
    const id = `xa-idem-${suffix()}`;
    await call("POST", "/v1/units", { body: { ...unitBody(id), validFrom: "2024-01-01" } });
    const body = { unit: id, deadline: "2025-02-15T17:00:00+07:00", reason: "Bão lũ" };
    const key = uniqueKey("idem-path");
    const first = await call("POST", `/v1/periods/${P}/exceptions`, { body, headers: { "Idempotency-Key": key }, at: GRANTED });
    expect(first.status, first.text).toBe(201);
    const elsewhere = await call("POST", `/v1/periods/${other}/exceptions`, { body, headers: { "Idempotency-Key": key }, at: GRANTED });
    expect([elsewhere.status, elsewhere.body.error.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
    expect(await count("deadline_exceptions", "unit_id = ?1 AND period_id = ?2", id, other)).toBe(0);
  });

  it("a survey import repeated with its key imports once", async () => {
    await newPeriod(P);
    const key = uniqueKey("survey");
    const post = (csv: string) => call("POST", `/v1/periods/${P}/survey`, { rawBody: csv, headers: { "Content-Type": "text/csv", "Idempotency-Key": key } });
    const first = await post("xa-an-loc;7.2;1,5\n");
    expect(first.status, first.text).toBe(201);
    const again = await post("xa-an-loc;7.2;1,5\n");
    expect([again.status, again.text]).toEqual([201, first.text]);
    expect(await count("audit_log", "action = 'survey.import' AND json_extract(detail, '$.importId') = ?1", first.body.importId)).toBe(1);
    expect(await count("audit_log", "action = 'survey.import' AND entity_id = ?1", P)).toBe(1);
    const reused = await post("xa-an-loc;7.2;1\n");
    expect([reused.status, reused.body.error.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
  });
});
