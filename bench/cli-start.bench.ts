/**
 * How long `parindex check` takes from the shell on a small workbook (issue 17, item 1),
 * against the floor in the same run: npm's own overhead plus bare Node loading SheetJS and
 * zod from node_modules and parsing the same file (`npm run -s bench:cli-baseline`, plain
 * JavaScript: bench/cli-start-baseline.mjs). Both are started the way a user starts them,
 * round after round in alternating order; medians of wall time. Goal: ≤ 1.3×.
 * Also printed, for reference: the bundle and the floor without npm, and the CLI run from
 * its TypeScript sources through tsx (how `npm run parindex` ran before the bundle).
 * The bundle is rebuilt first, so the figure is that of the sources in the checkout.
 * Run: npx tsx bench/cli-start.bench.ts [--rounds 25]
 */
import { spawnSync } from "node:child_process";
import { parseArgs } from "node:util";
import { buildCli } from "../cli/build.ts";
import { goalLine } from "./goal.ts";
import { fmt, median } from "./stats.ts";

const { values } = parseArgs({ options: { rounds: { type: "string", default: "25" } } });
const ROUNDS = Number(values.rounds);
const TSX_ROUNDS = 5;
const WORKBOOK = "fixtures/workbooks/province-clean.xlsx";
const CRITERIA = "fixtures/criteria/demo-province-2024.json";
const CHECK = ["check", WORKBOOK, "--criteria", CRITERIA];

interface Command {
  label: string;
  file: string;
  args: string[];
  /** What a correct run prints on stdout (the floor prints nothing). */
  expect: RegExp;
}

const NPM = process.platform === "win32" ? "npm.cmd" : "npm";
const COMMANDS = {
  cli: { label: "npm run -s parindex -- check …", file: NPM, args: ["run", "-s", "parindex", "--", ...CHECK], expect: /Tổng điểm: 68 \/ 100/ },
  floor: { label: "npm run -s bench:cli-baseline -- … (floor)", file: NPM, args: ["run", "-s", "bench:cli-baseline", "--", WORKBOOK], expect: /^$/ },
  bundle: { label: "node dist/cli/parindex.mjs check …", file: process.execPath, args: ["dist/cli/parindex.mjs", ...CHECK], expect: /Tổng điểm: 68 \/ 100/ },
  bare: { label: "node bench/cli-start-baseline.mjs …", file: process.execPath, args: ["bench/cli-start-baseline.mjs", WORKBOOK], expect: /^$/ },
  tsx: { label: "tsx cli/bin.ts check … (from sources, as before)", file: process.execPath, args: ["--import", "tsx", "cli/bin.ts", ...CHECK], expect: /Tổng điểm: 68 \/ 100/ },
} satisfies Record<string, Command>;
type Name = keyof typeof COMMANDS;

function timeOnce(c: Command): number {
  const t0 = performance.now();
  const run = spawnSync(c.file, c.args, { encoding: "utf8", env: { ...process.env, npm_config_update_notifier: "false" } });
  const ms = performance.now() - t0;
  if (run.status !== 0 || !c.expect.test(run.stdout)) throw new Error(`${c.label} exited ${run.status}: ${run.stderr || run.stdout.slice(0, 300)}`);
  return ms;
}

const started = Date.now();
const built = await buildCli();
console.log(`parindex start-up, ${WORKBOOK} (${ROUNDS} rounds, alternating order; medians of wall time; bundle ${Math.round(built.bytes / 1024)} KB built in ${Math.round(built.ms)} ms)`);
const samples: Record<Name, number[]> = { cli: [], floor: [], bundle: [], bare: [], tsx: [] };
for (const name of Object.keys(COMMANDS) as Name[]) timeOnce(COMMANDS[name]); // warm the file cache
for (let round = 0; round < ROUNDS; round++) {
  const order: Name[] = ["cli", "floor", "bundle", "bare", ...(round < TSX_ROUNDS ? (["tsx"] as const) : [])];
  for (const name of round % 2 ? order.reverse() : order) samples[name].push(timeOnce(COMMANDS[name]));
}
const m = Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, median(v)])) as Record<Name, number>;
for (const name of Object.keys(COMMANDS) as Name[]) console.log(`  ${COMMANDS[name].label.padEnd(52)} ${fmt(m[name]).padStart(8)} ms`);
console.log(goalLine("parindex check / (npm + bare parse)", m.cli / m.floor, { atMost: 1.3 }));
console.log(goalLine("  without npm: bundle / bare parse", m.bundle / m.bare, null));
console.log(`  from sources through tsx it took ${fmt(m.tsx)} ms, ${(m.tsx / m.cli).toFixed(1)}× the bundle through npm   [${((Date.now() - started) / 1000).toFixed(0)} s]`);
