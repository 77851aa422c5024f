import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_TOKEN_DAYS, runAdmin, tokenExpiry } from "./admin.ts";
import { applyMigrations, querySql, wranglerReason } from "./wrangler.ts";

describe("admin CLI: a token's end of validity", () => {
  const at = "2026-11-24T10:00:00.000Z";
  it("is the end of the given day in Vietnam time, none for never, else 400 days on", () => {
    expect(tokenExpiry("2027-03-31", at)).toBe("2027-03-31T23:59:59+07:00");
    expect(tokenExpiry("never", at)).toBeNull();
    expect(DEFAULT_TOKEN_DAYS).toBe(400);
    expect(tokenExpiry(undefined, at)).toBe("2027-12-29T23:59:59+07:00");
    expect(() => tokenExpiry("31/03/2027", at)).toThrow(/YYYY-MM-DD, or never/);
    expect(() => tokenExpiry("2026-11-01", at)).toThrow(/after today/);
  });

  it.each(["2027-02-30", "2027-02-29", "2027-04-31", "2027-13-01", "2027-00-10"])("refuses %s, a day that does not exist", (day) => {
    expect(() => tokenExpiry(day, at)).toThrow(/day that exists/);
  });

  it("takes a leap day that exists", () => expect(tokenExpiry("2028-02-29", at)).toBe("2028-02-29T23:59:59+07:00"));
});

describe("admin CLI: why wrangler failed", () => {
  it("is its error line without colours, not its banner", () => {
    const output = "\n ⛅️ wrangler 4.86.0\n──────────\nResource location: local \n\n\u001b[31m✘ \u001b[41;31m[\u001b[41;97mERROR\u001b[41;31m]\u001b[0m \u001b[1mUNIQUE constraint failed: units.id: SQLITE_CONSTRAINT\u001b[0m\n\n🪵  Logs were written to \"x.log\"\n";
    expect(wranglerReason(output)).toBe("UNIQUE constraint failed: units.id: SQLITE_CONSTRAINT");
    expect(wranglerReason("\n ⛅️ wrangler 4.86.0\n───\nsomething odd happened\n")).toBe("something odd happened");
  });
});

describe("admin CLI: token lifecycle", () => {
  let persistTo = "";
  beforeAll(async () => {
    persistTo = await mkdtemp(join(tmpdir(), "parindex-admin-"));
    await applyMigrations({ persistTo });
  }, 60_000);
  afterAll(async () => rm(persistTo, { recursive: true, force: true }));

  it("revokes a token once, with its audit row; a second revoke changes nothing", async () => {
    await runAdmin(["create-token", "--persist-to", persistTo, "--role", "admin", "--label", "rotated"]);
    const [token] = await querySql<{ id: string }>("SELECT id FROM tokens WHERE label = 'rotated'", { persistTo });
    expect(await runAdmin(["revoke-token", "--persist-to", persistTo, "--id", token!.id])).toContain("revoked");
    await runAdmin(["revoke-token", "--persist-to", persistTo, "--id", token!.id]);
    const rows = await querySql<{ revoked_at: string | null }>(`SELECT revoked_at FROM tokens WHERE id = '${token!.id}'`, { persistTo });
    expect(rows[0]?.revoked_at).toMatch(/^\d{4}-\d\d-\d\dT/);
    const audit = await querySql<{ action: string }>(`SELECT action FROM audit_log WHERE entity_id = '${token!.id}' ORDER BY id`, { persistTo });
    expect(audit.map((a) => a.action)).toEqual(["token.create", "token.revoke"]);
  });

  it("leaves no SQL file behind, and a failed command says why", async () => {
    const tmpRoot = await mkdtemp(join(tmpdir(), "parindex-admin-root-"));
    try {
      const unit = ["create-unit", "--persist-to", persistTo, "--id", "xa-admin-test", "--name", "Xã Thử", "--type", "commune", "--valid-from", "2025-07-01"];
      await runAdmin(["create-token", "--persist-to", persistTo, "--role", "admin", "--label", "temp-file"], { tmpRoot });
      await runAdmin(unit, { tmpRoot });
      const failed = await runAdmin(unit, { tmpRoot }).then(() => "no error", (e: Error) => e.message);
      expect(failed).toMatch(/UNIQUE constraint failed: units\.id/);
      expect(failed).not.toMatch(/⛅️|wrangler 4\.\d/);
      expect(await readdir(tmpRoot)).toEqual([]);
    } finally {
      await rm(tmpRoot, { recursive: true, force: true });
    }
  });
});
