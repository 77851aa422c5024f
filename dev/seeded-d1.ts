import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Fresh local D1s, migrated and seeded as `npm start` leaves them, for tests that run the
 * real Worker or the admin CLI. Preparing one opens a local D1 once for the migrations and the seed
 * (dev/local-migrations.ts; ~5 s, ~10 s of CPU here, where wrangler's migrations took 22 s);
 * a test run prepares one template (seededD1Template, from a vitest global setup) and each
 * test copies it (a few ms). Outside such a run, each call prepares its own.
 */
export const SEEDED_D1_ENV = "PARINDEX_SEEDED_D1";

const ready = (root: string) => join(root, "READY");
const failed = (root: string) => join(root, "FAILED");
const template = (root: string) => join(root, "d1");

/**
 * Starts preparing the template and returns at once, so the tests that do not need it run
 * meanwhile; `done` settles when it is ready or has failed (the failure is written beside
 * it, for the tests waiting on it to report).
 */
export async function seededD1Template(): Promise<{ root: string; done: Promise<void> }> {
  const root = await mkdtemp(join(tmpdir(), "parindex-seeded-d1-"));
  const done = migrateAndSeedApart(template(root)).then(
    () => writeFile(ready(root), ""),
    (e: unknown) => writeFile(failed(root), e instanceof Error ? e.message : String(e)),
  );
  return { root, done };
}

const TEMPLATE_WAIT_MS = 180_000;

async function templateReady(root: string): Promise<void> {
  for (const until = Date.now() + TEMPLATE_WAIT_MS; Date.now() < until; await new Promise((r) => setTimeout(r, 200))) {
    if (existsSync(ready(root))) return;
    if (existsSync(failed(root))) throw new Error(`preparing the seeded D1 template failed: ${await readFile(failed(root), "utf8")}`);
  }
  throw new Error(`the seeded D1 template in ${root} was not ready within ${TEMPLATE_WAIT_MS / 1000} s`);
}

/** A new directory holding a migrated and seeded local D1 of its own (wrangler's --persist-to). */
export async function seededDatabase(): Promise<string> {
  const persistTo = await mkdtemp(join(tmpdir(), "parindex-d1-"));
  const root = process.env[SEEDED_D1_ENV];
  if (!root) {
    await migrateAndSeed({ persistTo });
    return persistTo;
  }
  await templateReady(root);
  await cp(template(root), persistTo, { recursive: true });
  return persistTo;
}

/**
 * npm start's migrations and seed, loaded only when a database is prepared: a test file that
 * copies the run's template (every browser file) need not load the seed, Vite and the rest of
 * dev/start.ts — about 1.5 s of its import here (issue 17, item 6).
 */
async function migrateAndSeed(target: { persistTo: string }): Promise<void> {
  const { prepareDatabase } = await import("./start.ts");
  await prepareDatabase(target);
}

/**
 * migrateAndSeed in a child process (dev/prepare-database.ts): the template is prepared while
 * the run's first test files start, and in vitest's process Miniflare's synchronous D1 proxy
 * would hold the thread that starts them (issue 17, item 6). Its stderr is the failure's text.
 */
function migrateAndSeedApart(persistTo: string): Promise<void> {
  const script = fileURLToPath(new URL("./prepare-database.ts", import.meta.url));
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", script, persistTo], { cwd: fileURLToPath(new URL("..", import.meta.url)), stdio: ["ignore", "ignore", "pipe"] });
    let said = "";
    child.stderr.on("data", (d: Buffer) => (said = (said + d.toString()).slice(-4000)));
    child.once("error", reject);
    child.once("exit", (code, signal) => (code === 0 ? resolve() : reject(new Error(`preparing the template exited ${code ?? signal}: ${said}`))));
  });
}

/** Removes a template made by seededD1Template once its preparation has settled. */
export async function removeTemplate(root: string, done: Promise<void>): Promise<void> {
  await done;
  await rm(root, { recursive: true, force: true });
}
