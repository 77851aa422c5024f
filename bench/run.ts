/** `npm run bench`: runs every bench/*.bench.ts in its own process, one after another. */
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";

const files = readdirSync("bench").filter((f) => f.endsWith(".bench.ts")).sort();
let failed = 0;
for (const file of files) {
  console.log(`\n=== ${file}`);
  const run = spawnSync(process.execPath, ["--import", "tsx", `bench/${file}`], { stdio: "inherit", env: { ...process.env, WRANGLER_SEND_METRICS: "false" } });
  if (run.status !== 0) {
    failed++;
    console.log(`${file} failed (exit ${run.status})`);
  }
}
process.exitCode = failed ? 1 : 0;
