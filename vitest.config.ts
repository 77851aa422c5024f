import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "engine", include: ["test/**/*.test.ts"], environment: "node" } },
      { test: { name: "cli", include: ["cli/**/*.test.ts", "fixtures/**/*.test.ts"], environment: "node", testTimeout: 30_000 } },
      { test: { name: "addin", include: ["addin/test/**/*.test.ts"], environment: "node", testTimeout: 30_000 } },
      { test: { name: "browser", include: ["addin/e2e/**/*.test.ts"], environment: "node", testTimeout: 90_000, hookTimeout: 90_000 } },
      "worker/vitest.config.ts",
      { test: { name: "worker-node", include: ["dev/**/*.node.test.ts"], environment: "node", testTimeout: 120_000 } },
      // After every other project (groupOrder): it compares the worker tests' observed statuses with /openapi.json.
      { test: { name: "api-contract", include: ["worker/contract/**/*.test.ts"], environment: "node", testTimeout: 120_000, sequence: { groupOrder: 1 } } },
    ],
  },
});
