import { applyD1Migrations, env } from "cloudflare:test";
import { seedDemo } from "./helpers.ts";

// Runs before each test file: migrations and the demo seed are idempotent.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
await seedDemo();
