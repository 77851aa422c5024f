/**
 * Consolidated ranking of 500, 5,000 and 20,000 units × 100 items under `wrangler dev`
 * (127.0.0.1 only, a fresh local D1 in a temp dir for each count), served from the ranking
 * snapshot (worker/src/cycle/ranking-snapshot.ts). Timed, interleaved, medians:
 *   sql      GET /v1/bench/ranking-sql — a hand-written SQL aggregation of the same leaf rows
 *            with RANK() (the floor: sums only, no appraisal, survey, fields or status);
 *   build    GET ranking after the stored ranking was dropped and one unit's result with it, as
 *            an appraisal step leaves them: the ranking computation a read pays after one write —
 *            that unit computed, the units' stored results ranked, year over year, stored (after
 *            a submission alone the unit's result is already stored: a little less);
 *   scratch  GET ranking after every unit's stored result was dropped too: each unit's leaves
 *            read and combined by the engine (combineScores), then ranked and stored — what the
 *            first read after migration 0008 pays;
 *   read     GET ranking with the snapshot current: one batch (is it current? its rows);
 *   raw      GET /v1/bench/snapshot-rows — the same rows read raw, one SELECT, no check.
 * Goals (issue 17): the ranking computation — scratch, a rebuild from nothing — ≤ 1.2× sql
 * (item 3; build, what a read after one write pays, is held to the same), read ≤ 1.2× raw
 * (item 2); cost per unit of each grows ≤ 1.2× from one count to the next (item 4). The bench
 * routes are mounted only with BENCH_RAW_INSERT=1.
 * Each request is timed twice: wall time until its last byte, and the CPU time the Worker's
 * processes (wrangler, workerd, D1 inside it) spent on it. The goals are held against the CPU
 * time — on a machine shared with other work the wall time also holds waits for a core — and
 * the wall-time ratio is printed beside each.
 * Run: npx tsx bench/ranking.bench.ts [--runs 5] [--units 500,5000,20000]
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { goalLine, growthLines } from "./goal.ts";
import { cpuNs, processTree } from "./process-cpu.ts";
import { fmt, median } from "./stats.ts";
import { freePort, waitForHealth } from "../dev/wrangler.ts";

const REPO_ROOT = fileURLToPath(new URL("../", import.meta.url));
const { values } = parseArgs({ options: { runs: { type: "string", default: "5" }, units: { type: "string", default: "500,5000,20000" } } });
const RUNS = Number(values.runs);
const UNIT_COUNTS = values.units.split(",").map(Number);
const FIELDS = 10;
const LEAVES = 10; // 100 items of 1 point
const PERIOD = "bench-2024";
const BATCH = 500;

/** wrangler to completion (same flags as dev/wrangler.ts: local, offline, no telemetry). */
function wrangler(args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${REPO_ROOT}node_modules/wrangler/bin/wrangler.js`, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, CI: "1", WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", NO_UPDATE_NOTIFIER: "1" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let err = "";
    child.stderr?.on("data", (d: Buffer) => (err += d.toString()));
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`wrangler ${args.join(" ")} exited ${code}\n${err}`))));
  });
}

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

function benchSet() {
  const items = Array.from({ length: FIELDS }, (_, f) => ({
    code: String(f + 1),
    title: `Lĩnh vực ${f + 1}`,
    max: LEAVES,
    children: Array.from({ length: LEAVES }, (_, l) => ({ code: `${f + 1}.${l + 1}`, title: `Tiêu chí ${f + 1}.${l + 1}`, max: 1, rule: { kind: "manual", step: 0.25 } })),
  }));
  return {
    id: "bench-commune-2024", title: "Bench (minh họa)", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" }, maxPoints: FIELDS * LEAVES,
    bands: [{ label: "Tốt", min: 80 }, { label: "Khá", min: 65 }, { label: "Trung bình", min: 50 }, { label: "Yếu", min: 0 }], items,
  };
}

function seedSql(units: number): string {
  const set = benchSet();
  const at = "2024-12-01T00:00:00.000Z";
  const out = [
    `INSERT INTO criteria_sets (id, version, status, unit_type, year, title, body, created_at, published_at) VALUES (${q(set.id)}, 1, 'published', 'commune', 2024, ${q(set.title)}, ${q(JSON.stringify(set))}, ${q(at)}, ${q(at)})`,
    `INSERT INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (${q(PERIOD)}, 2024, ${q(set.id)}, 1, '2099-12-31T17:00:00+07:00', 0, ${q(at)})`,
  ];
  const leaves = set.items.flatMap((f) => f.children.map((c) => `(${q(c.code)}, ${q(f.code)})`)).join(", ");
  for (let start = 0; start < units; start += BATCH) {
    const n = `WITH RECURSIVE n(x) AS (SELECT ${start} UNION ALL SELECT x + 1 FROM n WHERE x < ${Math.min(start + BATCH, units) - 1})`;
    const id = "'bench-' || printf('%05d', x)";
    out.push(`${n} INSERT INTO units (id, name, type, parent_id, valid_from, valid_to, created_at) SELECT ${id}, 'Xã Thử ' || printf('%05d', x), 'commune', 'tinh-minh-hoa', '2020-01-01', NULL, ${q(at)} FROM n`);
    out.push(`${n} INSERT INTO submissions (id, unit_id, period_id, version, token_id, source, grid, report, accepted_warnings, total, percent, band, errors, warnings, created_at)
      SELECT 'sub-' || ${id}, ${id}, ${q(PERIOD)}, 1, 'tok-bench', 'items', '{}', '{}', '[]', 0, 0, NULL, 0, 0, ${q(at)} FROM n`);
    out.push(`${n}, leaves(code, field) AS (VALUES ${leaves})
      INSERT INTO submission_items (submission_id, period_id, unit_id, version, code, field_code, kind, max_cents, score_cents, not_applicable, adjustment)
      SELECT 'sub-' || ${id}, ${q(PERIOD)}, ${id}, 1, code, field, 'manual', 100, ((x * 37 + length(code) * 11 + unicode(substr(code, -1)) * 7) % 5) * 25, 0, 0 FROM n, leaves`);
  }
  return `${out.join(";\n")};\n`;
}



const ADMIN = { Authorization: "Bearer demo-admin" };

interface Timing {
  /** Until the last byte, ms. */
  ms: number;
  /** CPU time of the server's processes meanwhile, ms. */
  cpuMs: number;
}

/** One request, timed until its last byte (the body is not parsed: both sides of a ratio send JSON). */
async function timed(server: readonly number[], url: string): Promise<Timing> {
  const c0 = cpuNs(server);
  const t0 = performance.now();
  const res = await fetch(url, { headers: ADMIN });
  await res.arrayBuffer();
  const ms = performance.now() - t0;
  if (!res.ok) throw new Error(`${url} answered ${res.status}`);
  return { ms, cpuMs: (cpuNs(server) - c0) / 1e6 };
}

async function itemCount(url: string): Promise<number> {
  const res = await fetch(url, { headers: ADMIN });
  return ((await res.json()) as { items: unknown[] }).items.length;
}

const WORKLOADS = ["sql", "build", "scratch", "read", "raw"] as const;
type Workload = (typeof WORKLOADS)[number];

interface Measured {
  units: number;
  ranked: number;
  seededIn: number;
  /** Medians, ms. */
  ms: Record<Workload, number>;
  cpuMs: Record<Workload, number>;
}

/** One unit count on its own fresh D1 and Worker: median ms of each workload, in a rotating order. */
async function measure(units: number): Promise<Measured> {
  const persistTo = await mkdtemp(join(tmpdir(), "parindex-rank-bench-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let worker: ReturnType<typeof spawn> | null = null;
  try {
    // Migrations first; start.ts then applies the demo seed (tokens, province) on the same D1.
    await wrangler(["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo]);
    await wrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--yes", "--command", `INSERT OR IGNORE INTO units (id, name, type, parent_id, valid_from, created_at) VALUES ('tinh-minh-hoa', 'Tỉnh Minh Họa (minh họa)', 'province', NULL, '2020-01-01', '2024-01-01');INSERT INTO tokens (id, token_hash, role, unit_id, label, created_at) VALUES ('tok-bench', '${"0".repeat(64)}', 'admin', NULL, 'bench rows (no secret)', '2024-01-01')`]);
    const file = join(persistTo, "bench-seed.sql");
    await writeFile(file, seedSql(units));
    const t0 = Date.now();
    await wrangler(["d1", "execute", "DB", "--local", "--persist-to", persistTo, "--yes", "--file", file]);
    const seededIn = (Date.now() - t0) / 1000;
    worker = spawn(process.execPath, ["--import", "tsx", `${REPO_ROOT}dev/start.ts`, "--port", String(port), "--persist-to", persistTo, "--var", "BENCH_RAW_INSERT:1", "--no-addin"], {
      cwd: REPO_ROOT,
      stdio: ["ignore", "ignore", "inherit"],
    });
    await waitForHealth(base, 45_000);
    // Started by now: node (dev/start.ts) → wrangler → workerd, which holds the Worker and D1.
    const server = processTree(worker.pid!);
    const endpoint = `${base}/v1/periods/${PERIOD}/ranking`;
    // The reset's own trailing work (its commit, the log line) is let to finish before the timed request starts.
    const reset = (what: "one" | "units") => fetch(`${base}/v1/bench/ranking-reset/${PERIOD}?what=${what}`, { method: "POST", headers: ADMIN }).then((r) => r.arrayBuffer()).then(() => new Promise((r) => setTimeout(r, 150)));
    const run: Record<Workload, () => Promise<Timing>> = {
      sql: () => timed(server, `${base}/v1/bench/ranking-sql/${PERIOD}`),
      build: async () => (await reset("one"), timed(server, endpoint)),
      scratch: async () => (await reset("units"), timed(server, endpoint)),
      read: () => timed(server, endpoint),
      raw: () => timed(server, `${base}/v1/bench/snapshot-rows/${PERIOD}`),
    };
    for (const w of WORKLOADS) await run[w]();
    const ranked = await itemCount(endpoint);
    const raw = await itemCount(`${base}/v1/bench/snapshot-rows/${PERIOD}`);
    if (ranked < units || raw !== ranked) throw new Error(`the ranking lists ${ranked} units and the raw read ${raw}, for ${units} seeded`);
    const times = Object.fromEntries(WORKLOADS.map((w) => [w, [] as Timing[]])) as Record<Workload, Timing[]>;
    for (let i = 0; i < RUNS; i++) {
      // Rotate the order, so that no workload always runs right after the same one.
      for (let k = 0; k < WORKLOADS.length; k++) {
        const w = WORKLOADS[(i + k) % WORKLOADS.length]!;
        times[w].push(await run[w]());
      }
    }
    const medians = (of: (t: Timing) => number) => Object.fromEntries(WORKLOADS.map((w) => [w, median(times[w].map(of))])) as Record<Workload, number>;
    return { units, ranked, seededIn, ms: medians((t) => t.ms), cpuMs: medians((t) => t.cpuMs) };
  } finally {
    if (worker) {
      worker.kill("SIGINT");
      await new Promise((r) => worker!.once("exit", r));
    }
    await rm(persistTo, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const started = Date.now();
  const results: Measured[] = [];
  for (const units of UNIT_COUNTS) results.push(await measure(units));
  console.log(`ranking bench (units × ${FIELDS * LEAVES} items, wrangler dev on 127.0.0.1, fresh D1 per count, median of ${RUNS}, rotating order; ms: server CPU / wall)`);
  console.log(`  ${"units".padStart(6)}${WORKLOADS.map((w) => w.padStart(16)).join("")}   seeded`);
  for (const r of results) console.log(`  ${String(r.units).padStart(6)}${WORKLOADS.map((w) => `${fmt(r.cpuMs[w])} / ${fmt(r.ms[w])}`.padStart(16)).join("")}   ${r.seededIn.toFixed(1)} s (${r.ranked} ranked)`);
  const ratios = (r: Measured, label: string, a: Workload, b: Workload) =>
    console.log(goalLine(`${label} at ${r.units.toLocaleString("en-US")} units, CPU`, r.cpuMs[a] / r.cpuMs[b], { atMost: 1.2 }, "×", `wall ${(r.ms[a] / r.ms[b]).toFixed(2)}×`));
  for (const r of results) {
    ratios(r, "from scratch (every unit combined) / hand-written SQL", "scratch", "sql");
    ratios(r, "after a write (build) / hand-written SQL", "build", "sql");
    ratios(r, "snapshot read / raw D1 read of its rows", "read", "raw");
  }
  for (const w of ["scratch", "build", "read"] as const) for (const line of growthLines(`${w}, CPU`, "unit", results.map((r) => ({ size: r.units, ms: r.cpuMs[w] })))) console.log(line);
  for (const w of ["sql", "raw"] as const) for (const line of growthLines(`${w}, CPU`, "unit", results.map((r) => ({ size: r.units, ms: r.cpuMs[w] })), null)) console.log(line);
  console.log(`  [${((Date.now() - started) / 1000).toFixed(1)} s]`);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
