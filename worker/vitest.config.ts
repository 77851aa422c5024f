import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineProject } from "vitest/config";
import { appendStatusLog, statusLogPath } from "./test/status-log-file.ts";

/** The Worker's tests run inside workerd against a real local D1 with the migrations applied. */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// Fixed now, in the vitest process, so the api-contract project started later finds the same file.
statusLogPath();

export default defineProject(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: here("../wrangler.toml") },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(here("./migrations")),
          ALLOW_TEST_CLOCK: "1",
          MAX_BODY_BYTES: String(512 * 1024),
        },
        serviceBindings: { STATUS_LOG: appendStatusLog },
      },
    }),
  ],
  test: {
    name: "worker",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["./test/apply-migrations.ts"],
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 30_000,
  },
}));
