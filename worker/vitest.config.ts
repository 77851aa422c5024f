import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-pool-workers";
import { defineProject } from "vitest/config";
import { goldenCasesPath, serveGoldenCases } from "./test/golden-cases-file.ts";
import { appendStatusLog, statusLogPath } from "./test/status-log-file.ts";

/** The Worker's tests run inside workerd against a real local D1 with the migrations applied. */
const here = (p: string) => fileURLToPath(new URL(p, import.meta.url));
// Fixed now, in the vitest process, so the api-contract project started later finds the same file.
statusLogPath();
goldenCasesPath();

export default defineProject(async () => ({
  plugins: [
    cloudflareTest({
      wrangler: { configPath: here("../wrangler.toml") },
      miniflare: {
        bindings: {
          TEST_MIGRATIONS: await readD1Migrations(here("./migrations")),
          ALLOW_TEST_CLOCK: "1",
          MAX_BODY_BYTES: String(512 * 1024),
          // Replays a fuzz run (test/api-fuzz.test.ts): FUZZ_SEED=… FUZZ_PATH=… npx vitest run --project worker …
          ...(process.env.FUZZ_SEED ? { FUZZ_SEED: process.env.FUZZ_SEED } : {}),
          ...(process.env.FUZZ_PATH ? { FUZZ_PATH: process.env.FUZZ_PATH } : {}),
        },
        serviceBindings: { STATUS_LOG: appendStatusLog, GOLDEN_CASES: serveGoldenCases },
      },
    }),
  ],
  test: {
    name: "worker",
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["./test/apply-migrations.ts"],
    globalSetup: ["./test/global-setup.ts"],
    testTimeout: 30_000,
    // Each isolate runs test file after test file, loading the Worker once rather than once per
    // file (about 2.5 s of module loading each); test/apply-migrations.ts gives every file a
    // fresh D1 and an isolate that forgot the last file's caches (issue 17: npm test time).
    // The pool as installed wrapped its entrypoint in one more Proxy per SELF.fetch, so one
    // isolate's requests grew slower all through the suite (555 s on one core, 117 s on two):
    // npm's postinstall applies the upstream fix (dev/patch-vitest-pool-workers.mjs) — 42 s.
    isolate: false,
    // Every test file loads the Worker afresh inside workerd, one module request at a time
    // (the pool inlines all dependencies); bundling the dependencies into one file each cut
    // the suite's CPU time by about a third (issue 17). Hono's subpaths are listed so that
    // they share the bundle's modules (one HTTPException class) rather than load their own —
    // hono/validator too, which @hono/zod-openapi throws bad JSON through (else a 500).
    deps: { optimizer: { ssr: { enabled: true, include: ["zod", "hono", "hono/cors", "hono/body-limit", "hono/http-exception", "hono/utils/http-status", "hono/validator", "hono/accepts", "fflate", "@e965/xlsx"] } } },
  },
}));
