import { applyD1Migrations, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { forgetIsolateCaches } from "../src/isolate-caches.ts";
import { loadCriteriaSetVersion } from "../src/repositories/criteria-set-repository.ts";
import { freshDatabase } from "./fresh-database.ts";
import { call, migrateAndSeedDemo, seedDemo } from "./helpers.ts";

/** The suite's isolates run file after file (worker/vitest.config.ts): what each file starts from. */
describe("each test file's fresh database", () => {
  const userObjects = async () =>
    (await env.DB.prepare("SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\'").all<{ name: string }>()).results.map((r) => r.name);

  it("drops every table, view, index and trigger, rows referenced by foreign keys included, and the migrations then apply from the first", async () => {
    // What the setup file gave this file: migrated and seeded, with submissions' foreign keys in place.
    expect(await userObjects()).toEqual(expect.arrayContaining(["units", "submissions", "d1_migrations"]));
    await env.DB.batch([
      env.DB.prepare("CREATE TABLE parent_x (id TEXT PRIMARY KEY)"),
      env.DB.prepare("CREATE TABLE child_x (id TEXT PRIMARY KEY, parent TEXT NOT NULL REFERENCES parent_x (id))"),
      env.DB.prepare("CREATE VIEW child_view AS SELECT * FROM child_x"),
      env.DB.prepare("CREATE TRIGGER child_kept BEFORE DELETE ON child_x BEGIN SELECT RAISE(ABORT, 'kept'); END"),
      env.DB.prepare("INSERT INTO parent_x VALUES ('p')"),
      env.DB.prepare("INSERT INTO child_x VALUES ('c', 'p')"),
    ]);
    await freshDatabase(env.DB);
    expect(await userObjects()).toEqual([]);

    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    await seedDemo();
    const migrations = await env.DB.prepare("SELECT COUNT(*) AS n FROM d1_migrations").first<{ n: number }>();
    expect(migrations?.n).toBe(env.TEST_MIGRATIONS.length);
    expect((await call("GET", "/v1/criteria-sets")).status).toBe(200);
  });

  it("the setup's one batch leaves what applyD1Migrations and seedDemo leave: the same schema, migrations recorded and rows", async () => {
    const state = async () => {
      const objects = await env.DB.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY type, name").all<{ type: string; name: string; sql: string | null }>();
      const tables = objects.results.filter((o) => o.type === "table" && o.name !== "sqlite_sequence").map((o) => o.name);
      const rows = await env.DB.batch(tables.map((t) => env.DB.prepare(`SELECT * FROM "${t}"`)));
      const sorted = (r: D1Result) => r.results.map((row) => JSON.stringify(row)).sort();
      const migrations = await env.DB.prepare("SELECT id, name FROM d1_migrations ORDER BY id").all();
      // applied_at is when each ran: the rest of every table, as it is.
      return { objects: objects.results, migrations: migrations.results, rows: rows.map((r, i) => (tables[i] === "d1_migrations" ? r.results.length : sorted(r))) };
    };
    await freshDatabase(env.DB);
    await migrateAndSeedDemo();
    const oneBatch = await state();
    await freshDatabase(env.DB);
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    await seedDemo();
    const asThePoolDoes = await state();
    expect(oneBatch.migrations).toHaveLength(env.TEST_MIGRATIONS.length);
    expect((oneBatch.rows.filter(Array.isArray) as string[][]).flat().length).toBeGreaterThan(env.TEST_MIGRATIONS.length);
    expect(oneBatch).toEqual(asThePoolDoes);
  });

  it("and an isolate that forgot what it cached of the last one", async () => {
    const published = await loadCriteriaSetVersion(env.DB, "demo-commune-2024", 1);
    expect(published?.id).toBe("demo-commune-2024");
    // Another database (here: none at all) still gets the cached set until the isolate forgets it.
    await freshDatabase(env.DB);
    expect(await loadCriteriaSetVersion(env.DB, "demo-commune-2024", 1)).toBe(published);
    forgetIsolateCaches();
    await expect(loadCriteriaSetVersion(env.DB, "demo-commune-2024", 1)).rejects.toThrow(/no such table/);
    await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
    await seedDemo();
  });
});
