import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { holdLocalD1, loadWrangler, REPO_ROOT, withLocalD1, type LocalD1, type LocalTarget } from "./local-d1.ts";

/** The DB binding's migrations folder and table in wrangler.toml, for an environment or none. */
export async function migrationsOf(env?: string): Promise<{ dir: string; table: string }> {
  const config = (await loadWrangler()).unstable_readConfig({ config: join(REPO_ROOT, "wrangler.toml"), env });
  const database = config.d1_databases.find((d: { binding: string }) => d.binding === "DB");
  if (!database?.migrations_dir) throw new Error(`wrangler.toml names no migrations_dir for DB${env ? ` (env ${env})` : ""}`);
  return { dir: join(REPO_ROOT, database.migrations_dir), table: database.migrations_table ?? "d1_migrations" };
}

/** The migration files of a folder (`*.sql`), by name. */
export const migrationFiles = async (dir: string): Promise<string[]> => (await readdir(dir)).filter((f) => f.endsWith(".sql")).sort();

/**
 * `wrangler d1 migrations apply DB --local` done in this process, on one open database: the
 * same migrations table (`d1_migrations`, or the config's `migrations_table`) created with
 * wrangler's own statement, the same files (`*.sql` of the config's `migrations_dir`, sorted
 * by number as wrangler sorts them), each split by wrangler's own splitter and run as one
 * batch with its row in the table — one transaction per migration, as wrangler runs it. So
 * `wrangler d1 migrations apply` after it finds nothing to apply, and before it, leaves
 * nothing for this to apply (dev/local-migrations.node.test.ts), and the two leave the same
 * schema (dev/deploy.node.test.ts, against dev/wrangler-schema.json: dev/wrangler-schema.ts).
 *
 * Why: wrangler starts a database (a workerd process) for every statement it runs locally —
 * the table, the list, then each migration — 23 starts for 21 migrations: 14 s and 18 s of
 * CPU here, on every fresh `npm start`, the tests' seeded template, a test that starts
 * `npm start` on a new folder and the load bench (issue 17, item 6). Opened once, the same
 * work takes well under a second. A remote database still goes through wrangler (wrangler.ts).
 *
 * Returns the names of the migrations it applied. `dir` (tests only) reads the migrations from
 * another folder than the config's.
 */
export async function applyLocalMigrations(t: LocalTarget, opts: { dir?: string } = {}): Promise<string[]> {
  const wrangler = await loadWrangler();
  const configured = await migrationsOf(t.env);
  const table = configured.table;
  const dir = opts.dir ?? configured.dir;
  const files = await migrationFiles(dir);
  const target = { ...t, create: true };
  // One database for the whole run; each step goes through withLocalD1, which opens it anew and
  // runs the step again if Miniflare's proxy falls out of step (isProxyDesync: seen once in a
  // loaded test run, on migration 0003, and npm start runs the same path).
  const hold = holdLocalD1(target);
  try {
    // wrangler's initMigrationsTable, word for word (IF NOT EXISTS: safe to run again).
    await withLocalD1(target, (db) =>
      db.prepare(`CREATE TABLE IF NOT EXISTS ${table}(
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		name       TEXT UNIQUE,
		applied_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP NOT NULL
);`).all(),
    );
    const applied = new Set((await withLocalD1(target, (db) => db.prepare(`SELECT name FROM ${table} ORDER BY id`).all<{ name: string }>())).results.map((r) => r.name));
    const pending = files.filter((f) => !applied.has(f)).sort((a, b) => parseInt(a.split("_")[0]!, 10) - parseInt(b.split("_")[0]!, 10));
    for (const name of pending) {
      const sql = `${await readFile(join(dir, name), "utf8")}\nINSERT INTO ${table} (name) values ('${name.replace(/'/g, "''")}');\n`;
      const statements = wrangler.unstable_splitSqlQuery(sql);
      try {
        await applyMigration(target, table, name, (db) => db.batch(statements.map((s) => db.prepare(s))));
      } catch (e) {
        throw new Error(`migration ${name} failed, nothing of it applied: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return pending;
  } finally {
    await hold.release();
  }
}

/**
 * One migration's batch (its statements and its row in the migrations table: one transaction)
 * through withLocalD1. Run again after a proxy fell out of step, it first looks for its row:
 * there, the first run committed, and running it again would fail ("table already exists").
 */
export async function applyMigration(t: LocalTarget, table: string, name: string, run: (db: LocalD1) => Promise<unknown>): Promise<void> {
  let tried = false;
  await withLocalD1(t, async (db) => {
    if (tried && (await db.prepare(`SELECT 1 AS applied FROM ${table} WHERE name = ?1`).bind(name).all()).results.length > 0) return;
    tried = true;
    await run(db);
  });
}
