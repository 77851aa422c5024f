/**
 * The engine against its floor and against its own size (issue 17, items 3 and 4); every
 * figure is measured in this run, in this process:
 * 1. check vs bare SheetJS parse of the same bytes (same read options): "check" = bytes →
 *    Grid (xlsx/sheetjs-grid.ts) → scoreWorkbook. The 88-criteria provincial workbook
 *    (fixtures/workbooks/province-clean.xlsx), and the same beside a 10,000-row register.
 *    Goal ≤ 1.2×. For reference, the same with the columns right of the table hidden (K:XFD).
 * 2. the engine alone (Grid → report) as the criteria table grows: 100, 10,000 and 100,000
 *    rows. Goal: cost per row grows ≤ 1.2× across each range, in wall time and in CPU time
 *    of this process (on a shared machine the wall time also holds waits for a core). Warm
 *    (texts remembered from the round before: a small table's all are, a large one's are not)
 *    and cold (every text memo emptied before each check).
 * 3. the whole check as rows on another sheet grow: the 88-criteria table beside a register
 *    of 100, 10,000 and 100,000 rows (cost per workbook row; the bare parse beside it).
 * Run: npx tsx bench/engine.bench.ts [--quick]   (--quick: fewer rounds, for a smoke run)
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import * as XLSX from "@e965/xlsx";
import { forgetTextMemos, scoreWorkbook, type CriteriaSet, type Grid } from "../shared/index.ts";
import { readWorkbookBytes, SHEETJS_READ_OPTIONS } from "../xlsx/sheetjs-grid.ts";
import { loadFixtureSet } from "../fixtures/load-fixture.ts";
import { gridOf, scaledSet, tableWorkbook, withColumnsHiddenToTheEnd, withRecordsSheet, workbookBytes } from "./engine-workloads.ts";
import { goalLine, growthLines } from "./goal.ts";
import { fmt, interleavedMedians } from "./stats.ts";

const { values } = parseArgs({ options: { quick: { type: "boolean", default: false } } });
const ROUNDS = values.quick ? 3 : 15;
const SIZES = [100, 10_000, 100_000];

const province = loadFixtureSet("demo-province-2024");
const cleanBytes = new Uint8Array(readFileSync("fixtures/workbooks/province-clean.xlsx"));
const CLEAN_TOTAL = 68;

function check(bytes: Uint8Array, set: CriteriaSet): number {
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new Error(read.message);
  return scoreWorkbook(read.grid, set).total;
}
const parseOnly = (bytes: Uint8Array): number => XLSX.read(bytes, SHEETJS_READ_OPTIONS).SheetNames.length;

/** A workload that scores otherwise than a clean one measures the wrong thing: stop. */
function assertClean(what: string, grid: Grid, set: CriteriaSet, total?: number): void {
  const report = scoreWorkbook(grid, set);
  const errors = report.findings.filter((f) => f.severity === "error");
  if (errors.length > 0 || (total !== undefined && report.total !== total)) {
    throw new Error(`${what} does not score clean: total ${report.total}, ${errors.length} errors (first: ${errors[0]?.message})`);
  }
}

const started = Date.now();
const rowsOf = (grid: Grid): number => grid.sheets.reduce((n, s) => n + s.rows.length, 0);

// 1. check vs bare parse
const cleanBook = XLSX.read(cleanBytes, { type: "array", cellFormula: true, cellNF: true });
const withRegister = workbookBytes(withRecordsSheet(cleanBook, 10_000));
console.log("1. engine check vs bare SheetJS parse (same bytes, same read options; medians, interleaved)");
for (const [name, bytes, rounds, goal] of [
  ["88-criteria workbook", cleanBytes, ROUNDS * 3, { atMost: 1.2 }],
  ["88-criteria + 10,000-row register", withRegister, ROUNDS, { atMost: 1.2 }],
  // Reference: the columns right of the table hidden to the sheet's end (K:XFD), as offices tidy a
  // sheet. SheetJS's `cellStyles` read gives each of the 16,374 columns its own properties; the
  // check reads the hidden columns from the sheet's part as one span (xlsx/sheet-parts.ts).
  ["88-criteria, columns K:XFD hidden", withColumnsHiddenToTheEnd(cleanBytes), ROUNDS, null],
] as const) {
  if (check(bytes, province) !== CLEAN_TOTAL) throw new Error(`${name} does not score as the clean fixture`);
  const m = interleavedMedians({ check: () => check(bytes, province), parse: () => parseOnly(bytes) }, { rounds, warmup: 10, batchMs: 200 });
  console.log(goalLine(`check / parse, ${name} (${Math.round(bytes.length / 1024)} KB)`, m.check.ms / m.parse.ms, goal, "×", `check ${fmt(m.check.ms)} ms, parse ${fmt(m.parse.ms)} ms`));
}

// 2. the engine alone, criteria table growing; one size after another (see interleavedMedians)
console.log("\n2. engine alone (Grid → report), criteria table of 100 / 10,000 / 100,000 rows (medians)");
const tables = SIZES.map((rows) => {
  const set = scaledSet(rows);
  const grid = gridOf(tableWorkbook(set));
  assertClean(`the ${rows}-row table`, grid, set);
  // Warm: the texts remembered from the round before, as when every unit's workbook of one
  // template is checked in turn. Cold: forgotten first (shared/text-memo.ts), a table never seen.
  const m = interleavedMedians(
    {
      warm: () => scoreWorkbook(grid, set),
      cold: () => {
        forgetTextMemos();
        return scoreWorkbook(grid, set);
      },
    },
    { rounds: ROUNDS, warmup: 3, batchMs: 300 },
  );
  return { size: rowsOf(grid), warm: m.warm, cold: m.cold };
});
for (const line of growthLines("engine, wall time", "row", tables.map((t) => ({ size: t.size, ms: t.warm.ms })))) console.log(line);
for (const line of growthLines("engine, CPU time", "row", tables.map((t) => ({ size: t.size, ms: t.warm.cpuMs })))) console.log(line);
for (const line of growthLines("engine, texts forgotten before each check (cold), wall time", "row", tables.map((t) => ({ size: t.size, ms: t.cold.ms })))) console.log(line);
for (const line of growthLines("engine, cold, CPU time", "row", tables.map((t) => ({ size: t.size, ms: t.cold.cpuMs })))) console.log(line);

// 3. the whole check, rows on another sheet growing
console.log("\n3. whole check (bytes → report), the 88-criteria table beside a register of 100 / 10,000 / 100,000 rows (medians, check and parse interleaved)");
const registers = SIZES.map((rows) => {
  const bytes = workbookBytes(withRecordsSheet(cleanBook, rows));
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new Error(read.message);
  assertClean(`the table beside ${rows} register rows`, read.grid, province, CLEAN_TOTAL);
  const m = interleavedMedians({ check: () => check(bytes, province), parse: () => parseOnly(bytes) }, { rounds: Math.max(3, Math.round(ROUNDS / 3)), warmup: 2, batchMs: 300 });
  return { size: rowsOf(read.grid), ...m };
});
for (const line of growthLines("check, wall time", "row", registers.map((r) => ({ size: r.size, ms: r.check.ms })))) console.log(line);
for (const line of growthLines("check, CPU time", "row", registers.map((r) => ({ size: r.size, ms: r.check.cpuMs })))) console.log(line);
for (const line of growthLines("bare parse, wall time", "row", registers.map((r) => ({ size: r.size, ms: r.parse.ms })), null)) console.log(line);
for (const r of registers) console.log(goalLine(`check / parse at ${r.size.toLocaleString("en-US")} rows`, r.check.ms / r.parse.ms, { atMost: 1.2 }));
console.log(`  [${((Date.now() - started) / 1000).toFixed(0)} s]`);
