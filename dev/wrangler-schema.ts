import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { REPO_ROOT } from "./local-d1.ts";
import { migrationFiles, migrationsOf } from "./local-migrations.ts";
import { applyMigrations, querySql, type Target } from "./wrangler.ts";

/**
 * What wrangler's own `d1 migrations apply DB --local --env production` leaves in a new local
 * D1 — its schema and its migrations table — kept in dev/wrangler-schema.json with the key of
 * what made it: every migration's name and text and wrangler's version. The deployment test
 * compares the in-process migrations (dev/local-migrations.ts) with it; a key that no longer
 * matches fails that test with the command that makes the file again (`npm run
 * wrangler-schema`, which runs wrangler's command).
 *
 * Why a file: wrangler starts a database (a workerd process) per migration, 14 s of CPU for
 * 21 migrations on this 2-core machine, on every `npm test` for an answer that changes only
 * with a migration or wrangler (issue 17, item 6). `wrangler d1 migrations apply` itself still
 * runs in every `npm test`, finding nothing to apply after the in-process migrations
 * (dev/local-migrations.node.test.ts).
 */
export interface WranglerSchema {
  /** sha256 of wrangler's version and each migration's name and text, by name. */
  key: string;
  wrangler: string;
  schema: SchemaRow[];
  applied: { id: number; name: string }[];
}

export interface SchemaRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

export const WRANGLER_SCHEMA_FILE = join(REPO_ROOT, "dev", "wrangler-schema.json");
/** The environment a deployment migrates (README, deployment). */
const ENV = "production";

async function wranglerVersion(): Promise<string> {
  return (JSON.parse(await readFile(join(REPO_ROOT, "node_modules", "wrangler", "package.json"), "utf8")) as { version: string }).version;
}

/** The key of the migrations as they are now (wrangler.toml's folder for production), with the installed wrangler. */
export async function wranglerSchemaKey(): Promise<string> {
  const hash = createHash("sha256").update(`wrangler ${await wranglerVersion()}\n`);
  const { dir } = await migrationsOf(ENV);
  for (const f of await migrationFiles(dir)) hash.update(`${f}\n${await readFile(join(dir, f), "utf8")}\n`);
  return hash.digest("hex");
}

/** A local D1's schema (without Cloudflare's own tables) and migrations table, as compared. */
export const schemaOf = (t: Target): Promise<SchemaRow[]> =>
  querySql<SchemaRow>("SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE '_cf_%' ORDER BY type, name", t);
export const appliedOf = (t: Target): Promise<{ id: number; name: string }[]> => querySql<{ id: number; name: string }>("SELECT id, name FROM d1_migrations ORDER BY id", t);

export async function readWranglerSchema(): Promise<WranglerSchema | null> {
  return existsSync(WRANGLER_SCHEMA_FILE) ? (JSON.parse(await readFile(WRANGLER_SCHEMA_FILE, "utf8")) as WranglerSchema) : null;
}

/** Runs wrangler's command on a new local D1 of the production environment and writes the file. */
export async function refreshWranglerSchema(): Promise<WranglerSchema> {
  const persistTo = await mkdtemp(join(tmpdir(), "parindex-wrangler-schema-"));
  try {
    const target = { env: ENV, persistTo };
    await applyMigrations(target);
    const made: WranglerSchema = { key: await wranglerSchemaKey(), wrangler: await wranglerVersion(), schema: await schemaOf(target), applied: await appliedOf(target) };
    await writeFile(WRANGLER_SCHEMA_FILE, `${JSON.stringify(made, null, 1)}\n`);
    return made;
  } finally {
    await rm(persistTo, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const made = await refreshWranglerSchema();
  console.log(`dev/wrangler-schema.json: wrangler ${made.wrangler}, ${made.applied.length} migrations, ${made.schema.length} schema entries`);
}
