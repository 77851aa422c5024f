import { env } from "cloudflare:test";
import { afterAll } from "vitest";
import { forgetIsolateCaches } from "../src/isolate-caches.ts";
import { freshDatabase } from "./fresh-database.ts";
import { migrateAndSeedDemo } from "./helpers.ts";
import { flushObserved } from "./observed-statuses.ts";

/**
 * Runs before each test file. The suite reuses isolates across files (isolate: false in
 * worker/vitest.config.ts: loading the Worker once per isolate, not once per file), and with
 * them their D1: each file still starts from a fresh database — every table, view and trigger
 * of the last file dropped, the migrations applied again and the demo seeded (one batch,
 * migrateAndSeedDemo) — and an isolate that forgot what it cached of the last file's database.
 */
await freshDatabase(env.DB);
forgetIsolateCaches();
await migrateAndSeedDemo();

afterAll(async ({}, suite) => flushObserved(suite.file.filepath));
