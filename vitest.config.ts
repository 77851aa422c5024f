import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";
import { ProjectOrderSequencer } from "./test/project-order-sequencer.ts";

/** Projects that start the real Worker or the admin CLI share one seeded D1 template per run. */
const SEEDED_D1 = ["dev/seeded-d1.global-setup.ts"];
/** The tests that read or serve the add-in's production build share one build per run. */
const BUILT_ADDIN = "dev/built-addin.global-setup.ts";
/** The browser tests' pages: the same build with the harness beside it (dev/addin-build.ts). */
const HARNESS_BUILD = "dev/harness-build.global-setup.ts";
/** Projects that run the real Worker in Miniflare (dev/real-worker.ts) share one build of it per run. */
const WORKER_BUNDLE = "dev/worker-bundle.global-setup.ts";

export default defineConfig({
  test: {
    // Most of the suite waits on wrangler, workerd and Chromium child processes: one test
    // file per core. Vitest's default keeps a core for itself, which on this 2-core machine
    // ran every file one after another.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: ProjectOrderSequencer },
    projects: [
      // The engine's and the add-in's unit tests share nothing between files but module caches
      // (the add-in's stub Office and fetch are put back after each test): one module load per
      // worker instead of per file halved their CPU time (issue 17, item 6); they pass shuffled.
      // 20 s, not 5: the property tests count reads, not time, and took 3–5 s on a loaded 2-core machine.
      { test: { name: "engine", include: ["test/**/*.test.ts"], environment: "node", isolate: false, testTimeout: 20_000 } },
      // The CLI's and the fixtures' tests too (they run the built CLI or the engine, set no globals
      // and pass shuffled without isolation): alone 23.4 s → 16.2 s, CPU 40 s → 27 s (02/12).
      { test: { name: "cli", include: ["cli/**/*.test.ts", "fixtures/**/*.test.ts"], environment: "node", testTimeout: 30_000, isolate: false, globalSetup: ["cli/build.global-setup.ts"] } },
      { test: { name: "addin", include: ["addin/test/**/*.test.ts"], environment: "node", testTimeout: 30_000, isolate: false, globalSetup: [BUILT_ADDIN] } },
      // expect.poll waits here on the real Worker and Chromium: vitest's 1 s default is a speed check under load
      // (a band trend of three years took longer in a full run), so it gets a bound against a hang instead.
      { test: { name: "browser", include: ["addin/e2e/**/*.test.ts"], environment: "node", isolate: false, testTimeout: 90_000, hookTimeout: 400_000, globalSetup: [...SEEDED_D1, WORKER_BUNDLE, BUILT_ADDIN, HARNESS_BUILD], expect: { poll: { timeout: 20_000 } } } },
      "worker/vitest.config.ts",
      // Without isolation as well: each file starts its own Worker or admin CLI on its own D1, and the
      // files pass in any order so (--sequence.shuffle.files, twice); alone 95 s → 85 s, CPU 161 s → 146 s (02/12).
      // Their cases within a file do depend on order (admin-checks shares one D1 across its cases).
      { test: { name: "worker-node", include: ["dev/**/*.node.test.ts"], environment: "node", testTimeout: 120_000, isolate: false, globalSetup: [...SEEDED_D1, WORKER_BUNDLE, BUILT_ADDIN] } },
      // After every other project (groupOrder): it compares the worker tests' observed statuses with /openapi.json.
      { test: { name: "api-contract", include: ["worker/contract/**/*.test.ts"], environment: "node", testTimeout: 120_000, sequence: { groupOrder: 1 } } },
    ],
  },
});
