import { applyD1Migrations, env } from "cloudflare:test";
import { afterAll } from "vitest";
import { seedDemo } from "./helpers.ts";
import { flushObserved } from "./observed-statuses.ts";

// Runs before each test file: migrations and the demo seed are idempotent.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seedDemo();

afterAll(async ({}, suite) => flushObserved(suite.file.filepath));
