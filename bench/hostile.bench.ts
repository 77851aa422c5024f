/**
 * The red team's hostile requests against the real Worker as the browser tests run it
 * (dev/real-worker.ts: wrangler's bundle in Miniflare on 127.0.0.1, its own seeded local D1), from the demo unit token (the admin's where only an
 * admin may call): each one's status and median latency against GET /health measured in the
 * same run (the issue: 6–10 s for the merge to column 5,000,000, 32 s for 50 merges over
 * A1:XFD61, while /health waited), and /health's latency while the heaviest of them is in
 * flight. Reports ratios; exits 1 only if a request answers 5xx or not as the acceptance
 * test expects. Run: npx tsx bench/hostile.bench.ts [--runs 5]
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { startRealWorker } from "../dev/real-worker.ts";
import { hostileRequests, type HostileRequest } from "../fixtures/hostile-requests.ts";
import { fmt, median } from "./stats.ts";

const { values } = parseArgs({ options: { runs: { type: "string", default: "5" } } });
const RUNS = Number(values.runs);
const TOKENS = { unit: "demo-unit", admin: "demo-admin" } as const;

const criteriaSet = JSON.parse(readFileSync("fixtures/criteria/demo-commune-2024.json", "utf8")) as { items: unknown[] };
/** Every self-scored leaf at full marks: a complete submission for the demo unit. */
function fullItems(items: unknown[]): unknown[] {
  return (items as { code: string; children?: unknown[]; max?: number; rule?: { kind: string } }[]).flatMap((item) =>
    item.children ? fullItems(item.children) : item.rule?.kind === "survey" ? [] : [{ code: item.code, self: item.rule?.kind === "ratio" ? undefined : (item.max ?? 0), data: item.rule?.kind === "ratio" ? "100%" : undefined, evidence: "Quyết định số 12/QĐ-UBND ngày 05/01/2024" }],
  );
}

const worker = await startRealWorker();
const timed = async (url: string, init: RequestInit = {}): Promise<{ ms: number; status: number }> => {
  const t = performance.now();
  const res = await fetch(url, init);
  await res.arrayBuffer();
  return { ms: performance.now() - t, status: res.status };
};
const send = (r: HostileRequest, run: number) =>
  timed(`${worker.url}${r.path}`, {
    method: r.method,
    headers: { Authorization: `Bearer ${TOKENS[r.as]}`, "Content-Type": r.raw ? r.raw.type : "application/json", "Idempotency-Key": `bench-${run}-${r.name.length}-${Math.random()}` },
    body: r.raw ? r.raw.text : JSON.stringify(r.body),
  });

try {
  const requests = hostileRequests({ period: "2024-commune", items: fullItems(criteriaSet.items), criteriaSet, suffix: String(Date.now()) });
  const health: number[] = [];
  const rows: { name: string; status: number; ms: number; ok: boolean }[] = [];
  for (const r of requests) {
    const times: number[] = [];
    let status = 0;
    for (let run = 0; run < RUNS; run++) {
      health.push((await timed(`${worker.url}/health`)).ms);
      const res = await send(r, run);
      times.push(res.ms);
      status = res.status;
    }
    rows.push({ name: r.name, status, ms: median(times), ok: status < 500 && (r.expect === "ok" ? status < 300 : status === r.expect) });
  }
  const base = median(health);
  console.log(`hostile requests to the Worker in Miniflare, medians of ${RUNS} (GET /health: ${fmt(base)} ms)`);
  for (const row of rows) console.log(`  ${row.ok ? " " : "!"} ${row.status}  ${fmt(row.ms).padStart(8)} ms  ${(row.ms / base).toFixed(1).padStart(6)}× /health  ${row.name}`);

  // /health while the slowest request is in flight.
  const slowest = requests[rows.reduce((best, row, i) => (row.ms > rows[best]!.ms ? i : best), 0)]!;
  const during: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const heavy = send(slowest, 100 + run);
    await new Promise<void>((r) => setTimeout(r, 5));
    during.push((await timed(`${worker.url}/health`)).ms);
    await heavy;
  }
  console.log(`  GET /health while "${slowest.name}" is in flight: ${fmt(median(during))} ms (${(median(during) / base).toFixed(1)}× idle)`);
  if (rows.some((r) => !r.ok)) process.exitCode = 1;
} finally {
  await worker.stop();
}
