import { AssertionError } from "node:assert";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { proxyDesync } from "../fixtures/proxy-desync.ts";
import { holdLocalD1, retryWhileBusy, withLocalD1 } from "./local-d1.ts";
import { seededDatabase } from "./seeded-d1.ts";
import { executeStatements, querySql, queryThroughWrangler, runWrangler, targetFlags } from "./wrangler.ts";

/**
 * The local D1 opened in this process (local-d1.ts) is the database `wrangler d1 execute
 * --local` and `wrangler dev` use: what one writes the other reads; a batch is stored whole
 * or not at all; a hold alone opens nothing; and opening it leaves the process's signals to
 * the process (wrangler's bundle adds handlers that exit with 0).
 */
describe("local D1 in this process", () => {
  let persistTo = "";
  beforeAll(async () => {
    persistTo = await seededDatabase();
  }, 200_000); // the run's seeded template may still be in the making
  afterAll(async () => rm(persistTo, { recursive: true, force: true }));

  const viaWrangler = <T,>(sql: string): Promise<T[]> => queryThroughWrangler<T>(sql, { persistTo });

  it("reads what wrangler wrote, and wrangler reads what it wrote", async () => {
    await runWrangler(["d1", "execute", "DB", ...targetFlags({ persistTo }), "--command", "INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) VALUES ('2026-12-01T00:00:00Z', NULL, 'test.wrangler', 't', 'a', '{}')"]);
    expect(await querySql("SELECT entity_id FROM audit_log WHERE action = 'test.wrangler'", { persistTo })).toEqual([{ entity_id: "a" }]);
    await executeStatements(["INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) VALUES ('2026-12-01T00:00:00Z', NULL, 'test.local', 't', 'b', '{}')"], { persistTo });
    expect(await viaWrangler("SELECT entity_id FROM audit_log WHERE action = 'test.local'")).toEqual([{ entity_id: "b" }]);
  }, 60_000);

  it("stores a command's statements together or not at all", async () => {
    const hold = holdLocalD1({ persistTo }); // the four calls on one database start
    try {
      const units = await querySql<{ n: number }>("SELECT COUNT(*) AS n FROM units", { persistTo });
      await expect(
        executeStatements(
          [
            "INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) VALUES ('2026-12-01T00:00:00Z', NULL, 'test.half', 't', 'c', '{}')",
            "INSERT INTO units (id, name, type, parent_id, valid_from, created_at) VALUES ('tinh-minh-hoa', 'Trùng', 'province', NULL, '2025-01-01', '2026-12-01T00:00:00Z')",
          ],
          { persistTo },
        ),
      ).rejects.toThrow(/UNIQUE constraint failed: units\.id/);
      expect(await querySql("SELECT * FROM audit_log WHERE action = 'test.half'", { persistTo })).toEqual([]);
      expect(await querySql<{ n: number }>("SELECT COUNT(*) AS n FROM units", { persistTo })).toEqual(units);
    } finally {
      await hold.release();
    }
  }, 60_000);

  it("keeps one database open for every call under a hold, and opens nothing for a hold alone", async () => {
    const none = join(await mkdtemp(join(tmpdir(), "parindex-local-d1-")), "none");
    const idle = holdLocalD1({ persistTo: none });
    await idle.release();
    expect(existsSync(none)).toBe(false);

    const hold = holdLocalD1({ persistTo });
    try {
      const db = await hold.db();
      expect(await withLocalD1({ persistTo }, async (again) => again === db)).toBe(true);
      expect(await hold.db()).toBe(db);
    } finally {
      await hold.release();
    }
    await expect(hold.db()).rejects.toThrow(/released/);
  }, 60_000);

  it("a proxy whose replies fell out of step (Miniflare's fetch-sync assertion) is opened anew and the call made once more; any other assertion is thrown", async () => {
    const hold = holdLocalD1({ persistTo });
    try {
      const seen: unknown[] = [];
      const rows = await withLocalD1({ persistTo }, async (db) => {
        seen.push(db);
        if (seen.length === 1) throw proxyDesync();
        return (await db.prepare("SELECT COUNT(*) AS n FROM units").all<{ n: number }>()).results;
      });
      expect(rows[0]!.n).toBeGreaterThan(0);
      expect(seen).toHaveLength(2);
      // (Compared as booleans: a disposed proxy's stub throws on any look inside it.)
      expect(seen[1] === seen[0]).toBe(false);
      // The hold kept open shares the new database.
      expect((await hold.db()) === seen[1]).toBe(true);
      let calls = 0;
      await expect(withLocalD1({ persistTo }, async () => (calls++, Promise.reject(proxyDesync())))).rejects.toThrow("false == true");
      expect(calls).toBe(2);
      calls = 0;
      await expect(withLocalD1({ persistTo }, async () => (calls++, Promise.reject(new AssertionError({ message: "another", actual: 1, expected: 2, operator: "==" }))))).rejects.toThrow("another");
      expect(calls).toBe(1);
    } finally {
      await hold.release();
    }
  }, 60_000);

  it("leaves SIGINT and SIGTERM to the process: no handler of wrangler's that exits with 0", async () => {
    await withLocalD1({ persistTo }, (db) => db.prepare("SELECT 1").all());
    for (const signal of ["SIGINT", "SIGTERM"] as const) {
      expect(process.listeners(signal).filter((l) => /process\.exit\(\)/.test(String(l)))).toEqual([]);
    }
  }, 60_000);

  it("runs a statement again while another process holds the database (SQLITE_BUSY, seen as workerd's internal error), never after any other failure", async () => {
    const busy = new Error("D1_ERROR: Failed to parse body as JSON, got: Error: internal error; reference = abc123");
    let calls = 0;
    expect(await retryWhileBusy(async () => (++calls < 3 ? Promise.reject(busy) : "stored"), [0, 0, 0])).toBe("stored");
    expect(calls).toBe(3);

    calls = 0;
    const taken = new Error("D1_ERROR: UNIQUE constraint failed: units.id: SQLITE_CONSTRAINT");
    await expect(retryWhileBusy(async () => (calls++, Promise.reject(taken)), [0, 0])).rejects.toBe(taken);
    expect(calls).toBe(1);

    calls = 0;
    await expect(retryWhileBusy(async () => (calls++, Promise.reject(busy)), [0, 0])).rejects.toThrow(/^Cơ sở dữ liệu D1 cục bộ đang bận .*chạy lại \/ the local D1 is busy .*run the command again \(D1_ERROR: /);
    expect(calls).toBe(3);
  });
});
