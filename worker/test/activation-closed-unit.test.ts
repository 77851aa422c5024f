/**
 * A unit closed by a merge still gets an activation code while a period it takes part in is
 * open to it: the communes closed on 30/06/2025 answer for 2024 while that period is open (the
 * demo seed keeps it open until 31/01 of the next year, so its district reviewer could issue
 * nothing at all). Once the period is locked or its deadline — the unit's extension included —
 * has passed, the code is for the successor (422 UNIT_NOT_OPEN).
 */
import { env } from "cloudflare:test";
import { afterEach, describe, expect, it } from "vitest";
import { call, COMMUNE_SET, DEMO_SETS, uniqueKey } from "./helpers.ts";

const AFTER_MERGE = "2025-08-01T09:00:00+07:00";

// The Worker tests share one D1 across a file: each test takes its periods away again.
const made: string[] = [];
afterEach(async () => {
  for (const id of made.splice(0)) {
    await env.DB.prepare("DELETE FROM deadline_exceptions WHERE period_id = ?1").bind(id).run();
    await env.DB.prepare("DELETE FROM periods WHERE id = ?1").bind(id).run();
  }
});

async function openPeriod(deadline: string, locked = 0, set = COMMUNE_SET.id): Promise<string> {
  const id = `closed-unit-${uniqueKey().slice(-10)}`;
  await env.DB.prepare("INSERT INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (?1, 2024, ?2, 1, ?3, ?4, '2025-01-01T00:00:00Z')")
    .bind(id, set, deadline, locked)
    .run();
  made.push(id);
  return id;
}
const issue = (unit: string, as: "admin" | "reviewer" = "admin", at = AFTER_MERGE) => call("POST", `/v1/units/${unit}/activation-codes`, { as, at });

describe("activation codes for a unit closed by a merge", () => {
  it("are issued while a 2024 period it takes part in is open, by the admin and by its district's reviewer, one by one and in bulk", async () => {
    await openPeriod("2025-09-30T17:00:00+07:00");
    const one = await issue("xa-an-loc", "reviewer");
    expect([one.status, one.body.unit?.id]).toEqual([201, "xa-an-loc"]);
    expect((await issue("xa-binh-hoa")).status).toBe(201);
    const bulk = await call("POST", "/v1/activation-codes", { as: "reviewer", body: { under: "huyen-an-binh" }, at: AFTER_MERGE });
    expect(bulk.status).toBe(201);
    expect(bulk.body.items.map((i: { unit: { id: string } }) => i.unit.id)).toContain("xa-an-loc");
  });

  it("are refused once that period's deadline has passed, or it is locked", async () => {
    await openPeriod("2025-07-31T17:00:00+07:00");
    await openPeriod("2025-09-30T17:00:00+07:00", 1);
    const res = await issue("xa-an-loc");
    expect([res.status, res.body.error?.code]).toEqual([422, "UNIT_NOT_OPEN"]);
  });

  it("are issued to a unit whose own extension runs past the period's deadline, and to no other", async () => {
    const period = await openPeriod("2025-07-31T17:00:00+07:00");
    await env.DB.prepare("INSERT INTO deadline_exceptions (unit_id, period_id, deadline, reason, created_at) VALUES ('xa-an-loc', ?1, '2025-08-15T17:00:00+07:00', 'gia hạn', '2025-07-20T00:00:00Z')")
      .bind(period)
      .run();
    expect((await issue("xa-an-loc")).status).toBe(201);
    expect((await issue("xa-binh-hoa")).status).toBe(422);
  });

  it("are refused for a period of another level (a district's set keeps no commune)", async () => {
    await openPeriod("2025-09-30T17:00:00+07:00", 0, DEMO_SETS[1]!.id);
    expect((await issue("xa-an-loc")).status).toBe(422);
    expect((await issue("huyen-an-binh")).status).toBe(201);
  });
});
