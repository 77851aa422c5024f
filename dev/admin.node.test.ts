import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_DAYS, runAdmin, tokenExpiry } from "./admin.ts";
import { seededDatabase } from "./seeded-d1.ts";
import { querySql } from "./wrangler.ts";

describe("admin CLI: a token's end of validity", () => {
  const at = "2026-11-24T10:00:00.000Z";
  it("is the end of the given day in Vietnam time, none for never, else 400 days on", () => {
    expect(tokenExpiry("2027-03-31", at)).toBe("2027-03-31T23:59:59+07:00");
    expect(tokenExpiry("never", at)).toBeNull();
    expect(DEFAULT_TOKEN_DAYS).toBe(400);
    expect(tokenExpiry(undefined, at)).toBe("2027-12-29T23:59:59+07:00");
    expect(() => tokenExpiry("31/03/2027", at)).toThrow(/YYYY-MM-DD or never/);
    expect(() => tokenExpiry("2026-11-01", at)).toThrow(/after today/);
  });
});

describe("admin CLI: token lifecycle", () => {
  let persistTo = "";
  beforeAll(async () => {
    persistTo = await seededDatabase();
  }, 200_000); // the run's seeded template may still be in the making
  afterAll(async () => rm(persistTo, { recursive: true, force: true }));

  it("revokes a token once, with its audit row; a second revoke changes nothing", async () => {
    const created = await runAdmin(["create-token", "--persist-to", persistTo, "--role", "admin", "--label", "rotated"]);
    const id = /\(token (tok-[\w-]+),/.exec(created)?.[1];
    expect(id).toBeDefined();
    expect(await runAdmin(["revoke-token", "--persist-to", persistTo, "--id", id!])).toContain("revoked");
    await runAdmin(["revoke-token", "--persist-to", persistTo, "--id", id!]);
    // The token's row and its audit trail in one wrangler run: one row per audit entry, in order.
    const rows = await querySql<{ label: string; revoked_at: string | null; action: string }>(
      `SELECT t.label, t.revoked_at, a.action FROM tokens t JOIN audit_log a ON a.entity_id = t.id WHERE t.id = '${id}' ORDER BY a.id`,
      { persistTo },
    );
    expect(rows.map((r) => r.action)).toEqual(["token.create", "token.revoke"]);
    expect(rows[0]).toMatchObject({ label: "rotated", revoked_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
  });
});
