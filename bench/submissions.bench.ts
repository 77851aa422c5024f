/**
 * Submissions throughput under `wrangler dev` (127.0.0.1 only, fresh local D1 in a temp dir):
 *   (a) POST /v1/submissions — validation, deadline checks, server re-scoring, 3-row batch;
 *   (b) POST /v1/bench/raw-submissions — the same three rows, no checks, no scoring
 *       (mounted only with BENCH_RAW_INSERT=1).
 * Prints req/s of each, the ratio a/b (goal ≥ 0.8), p99 latency and non-2xx counts.
 * Each side runs `--seconds` in two halves, ordered a b b a. Bounded: about 25 s in all.
 * Run: npx tsx bench/submissions.bench.ts [--seconds 5] [--connections 4]
 */
import { spawn } from "node:child_process";
import { readFile, mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { readWorkbookBytes } from "../xlsx/sheetjs-grid.ts";
import type { Grid } from "../shared/index.ts";
import { freePort, waitForHealth } from "../dev/wrangler.ts";
import { goalLine } from "./goal.ts";

/** The part of autocannon's API used here (the package ships no types). */
interface AutocannonRequest {
  headers?: Record<string, string>;
  [key: string]: unknown;
}
interface AutocannonResult {
  requests: { average: number; total: number };
  latency: { p99: number };
  non2xx: number;
  errors: number;
}
type Autocannon = (opts: {
  url: string;
  method: string;
  connections: number;
  duration: number;
  headers: Record<string, string>;
  body: string;
  requests: { setupRequest: (req: AutocannonRequest) => AutocannonRequest }[];
}) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;
const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));

const { values } = parseArgs({ options: { seconds: { type: "string", default: "5" }, connections: { type: "string", default: "4" } } });
const SECONDS = Number(values.seconds);
const CONNECTIONS = Number(values.connections);
const AUTH = { Authorization: "Bearer demo-unit", "Content-Type": "application/json" };



/** A realistic commune workbook from the golden fixtures. */
async function benchGrid(): Promise<Grid> {
  const read = readWorkbookBytes(new Uint8Array(await readFile(`${REPO_ROOT}fixtures/workbooks/commune-structure.xlsx`)));
  if (!read.ok) throw new Error(read.message);
  return read.grid;
}

interface Run {
  name: string;
  reqPerSec: number;
  p99: number;
  non2xx: number;
  total: number;
}

let sequence = 0;
async function hammer(name: string, url: string, body: string, seconds: number): Promise<Run> {
  const result = await autocannon({
    url,
    method: "POST",
    connections: CONNECTIONS,
    duration: seconds,
    headers: AUTH,
    body,
    requests: [{ setupRequest: (req) => ({ ...req, headers: { ...req.headers, "Idempotency-Key": `bench-${name}-${process.pid}-${++sequence}` } }) }],
  });
  return { name, reqPerSec: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx + result.errors, total: result.requests.total };
}

async function main(): Promise<void> {
  const started = Date.now();
  const persistTo = await mkdtemp(join(tmpdir(), "parindex-bench-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  // `npm start`'s script on a fresh temp D1 (migrations + demo seed), with the raw route enabled.
  const worker = spawn(process.execPath, ["--import", "tsx", `${REPO_ROOT}dev/start.ts`, "--port", String(port), "--persist-to", persistTo, "--var", "BENCH_RAW_INSERT:1"], {
    cwd: REPO_ROOT,
    stdio: ["ignore", "ignore", "inherit"],
  });
  try {
    await waitForHealth(base, 45_000);
    const grid = await benchGrid();
    const scoredBody = JSON.stringify({ period: "2024-commune", grid });
    const first = await fetch(`${base}/v1/submissions`, { method: "POST", headers: { ...AUTH, "Idempotency-Key": "bench-warm" }, body: scoredBody });
    if (first.status !== 201) throw new Error(`warm-up submission answered ${first.status}: ${await first.text()}`);
    const { report } = (await first.json()) as { report: unknown };
    const rawBody = JSON.stringify({ period: "2024-commune", unit: "xa-an-phu", grid, report });

    await hammer("warm-a", `${base}/v1/submissions`, scoredBody, 1);
    await hammer("warm-b", `${base}/v1/bench/raw-submissions`, rawBody, 1);
    // Order a b b a: the table grows during the run, so neither side always runs on the larger one.
    const runs: Run[] = [];
    for (const side of ["scored", "raw", "raw", "scored"] as const) {
      runs.push(side === "scored" ? await hammer("scored", `${base}/v1/submissions`, scoredBody, SECONDS / 2) : await hammer("raw", `${base}/v1/bench/raw-submissions`, rawBody, SECONDS / 2));
    }
    const merge = (name: string): Run => {
      const mine = runs.filter((r) => r.name === name);
      return {
        name,
        reqPerSec: mine.reduce((a, r) => a + r.reqPerSec, 0) / mine.length,
        p99: Math.max(...mine.map((r) => r.p99)),
        non2xx: mine.reduce((a, r) => a + r.non2xx, 0),
        total: mine.reduce((a, r) => a + r.total, 0),
      };
    };
    const scored = merge("scored");
    const raw = merge("raw");

    const ratio = scored.reqPerSec / raw.reqPerSec;
    console.log(`submissions bench (${CONNECTIONS} connections, ${SECONDS} s each, grid ${scoredBody.length} bytes, wrangler dev on 127.0.0.1)`);
    for (const r of [scored, raw]) console.log(`  ${r.name.padEnd(7)} ${r.reqPerSec.toFixed(1).padStart(8)} req/s   p99 ${String(r.p99).padStart(4)} ms   non-2xx ${r.non2xx}   total ${r.total}`);
    console.log(goalLine("submissions/s scored / raw inserts", ratio, { atLeast: 0.8 }, "×", `${((Date.now() - started) / 1000).toFixed(1)} s`));
    if (scored.non2xx + raw.non2xx > 0) process.exitCode = 1;
  } finally {
    worker.kill("SIGINT");
    await new Promise((r) => worker.once("exit", r));
    await rm(persistTo, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
