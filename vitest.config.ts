import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      { test: { name: "engine", include: ["shared/**/*.test.ts"], environment: "node" } },
      { test: { name: "cli", include: ["cli/**/*.test.ts", "fixtures/**/*.test.ts"], environment: "node", testTimeout: 30_000 } },
    ],
  },
});
