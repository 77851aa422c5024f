import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import { tempDir } from "../fixtures/temp-dir.ts";
import { holdLocalD1, withLocalD1, type LocalD1 } from "./local-d1.ts";
import { proxyDesync } from "../fixtures/proxy-desync.ts";
import { applyLocalMigrations, applyMigration } from "./local-migrations.ts";
import { querySql, runWrangler, targetFlags } from "./wrangler.ts";

/**
 * The in-process migrations (npm start, the tests' seeded template) against wrangler's own
 * `d1 migrations apply`: what one applied, the other finds applied. That both leave the same
 * schema is held in deploy.node.test.ts, against what wrangler's left on the production
 * environment (dev/wrangler-schema.json, made again by `npm run wrangler-schema`).
 */
describe("applyLocalMigrations: wrangler's migrations, on one open database", () => {
  it("applies every migration of wrangler.toml once, in wrangler's table, and wrangler then finds none to apply", async () => {
    const target = { persistTo: tempDir("parindex-migrate-") };
    // One database start for the test's calls (each would open its own), released before wrangler runs.
    const hold = holdLocalD1(target);
    const applied = await applyLocalMigrations(target);
    expect(applied[0]).toBe("0001_init.sql");
    const rows = await querySql<{ id: number; name: string }>("SELECT id, name FROM d1_migrations ORDER BY id", target);
    expect(rows.map((r) => r.name)).toEqual(applied);
    expect(rows.map((r) => r.id)).toEqual(applied.map((_, i) => i + 1));
    // A second run applies nothing.
    expect(await applyLocalMigrations(target)).toEqual([]);
    await hold.release();
    const out = await runWrangler(["d1", "migrations", "apply", "DB", ...targetFlags(target)], { CI: "1" });
    expect(out).toMatch(/No migrations to apply/);
  });

  it("applies only what is new, a migration whole or not at all, and names the one that failed", async () => {
    const target = { persistTo: tempDir("parindex-migrate-fail-") };
    const dir = tempDir("parindex-migrations-");
    const hold = holdLocalD1(target);
    onTestFinished(() => hold.release());
    await writeFile(join(dir, "0001_first.sql"), "CREATE TABLE first_table (id INTEGER PRIMARY KEY);\n-- a comment; with a semicolon\nINSERT INTO first_table (id) VALUES (1);\n");
    await writeFile(join(dir, "0002_second.sql"), "CREATE TABLE second_table (note TEXT);\nINSERT INTO second_table (note) VALUES ('a;b');\nINSERT INTO missing_table VALUES (1);\n");
    await writeFile(join(dir, "README.txt"), "not a migration");
    await expect(applyLocalMigrations(target, { dir })).rejects.toThrow(/migration 0002_second\.sql failed, nothing of it applied: .*missing_table/);
    const tables = async () => (await querySql<{ name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' ORDER BY name", target)).map((t) => t.name);
    expect(await tables()).toEqual(["d1_migrations", "first_table"]);
    expect(await querySql("SELECT name FROM d1_migrations", target)).toEqual([{ name: "0001_first.sql" }]);

    // Mended, and a trigger (BEGIN … END holds semicolons) after it: only the two not yet applied run.
    await writeFile(join(dir, "0002_second.sql"), "CREATE TABLE second_table (note TEXT);\nINSERT INTO second_table (note) VALUES ('a;b');\n");
    await writeFile(
      join(dir, "0010_trigger.sql"),
      "CREATE TRIGGER first_kept BEFORE DELETE ON first_table BEGIN SELECT RAISE(ABORT, 'kept; always'); END;\n",
    );
    expect(await applyLocalMigrations(target, { dir })).toEqual(["0002_second.sql", "0010_trigger.sql"]);
    expect(await querySql("SELECT note FROM second_table", target)).toEqual([{ note: "a;b" }]);
    expect(await querySql("SELECT COUNT(*) AS n FROM first_table", target)).toEqual([{ n: 1 }]);
    await expect(querySql("DELETE FROM first_table", target)).rejects.toThrow(/kept; always/);
  });

  it("a migration whose proxy fell out of step (Miniflare's fetch-sync assertion) runs once on a new one: again if it never ran, not again if it committed", async () => {
    const target = { persistTo: tempDir("parindex-migrate-desync-"), create: true };
    const hold = holdLocalD1(target);
    onTestFinished(() => hold.release());
    await withLocalD1(target, (db) => db.prepare("CREATE TABLE d1_migrations (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE)").all());
    const migration = (name: string, table: string) => (db: LocalD1) =>
      db.batch([db.prepare(`CREATE TABLE ${table} (id INTEGER)`), db.prepare("INSERT INTO d1_migrations (name) VALUES (?1)").bind(name)]);

    // Out of step before the batch was sent: nothing of it ran, so it runs on the new proxy.
    let calls = 0;
    await applyMigration(target, "d1_migrations", "0001_before.sql", async (db) => {
      if (++calls === 1) throw proxyDesync();
      return migration("0001_before.sql", "before_table")(db);
    });
    expect(calls).toBe(2);

    // Out of step after the batch committed: its row is there, so it is not run again (it would
    // fail: "table after_table already exists").
    calls = 0;
    await applyMigration(target, "d1_migrations", "0002_after.sql", async (db) => {
      calls++;
      await migration("0002_after.sql", "after_table")(db);
      throw proxyDesync();
    });
    expect(calls).toBe(1);

    const rows = await withLocalD1(target, (db) => db.prepare("SELECT name FROM d1_migrations ORDER BY id").all<{ name: string }>());
    expect(rows.results.map((r) => r.name)).toEqual(["0001_before.sql", "0002_after.sql"]);
    const tables = await withLocalD1(target, (db) => db.prepare("SELECT name FROM sqlite_master WHERE name IN ('before_table', 'after_table') ORDER BY name").all<{ name: string }>());
    expect(tables.results.map((r) => r.name)).toEqual(["after_table", "before_table"]);

    // Out of step twice: said, as withLocalD1 says it.
    calls = 0;
    await expect(applyMigration(target, "d1_migrations", "0003_never.sql", async () => (calls++, Promise.reject(proxyDesync())))).rejects.toThrow("false == true");
    expect(calls).toBe(2);
  });
});
