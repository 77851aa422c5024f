/**
 * The 100,000-row read (issue 15, item 11: as a test it took 25 s of a 30 s timeout and
 * timed out under load; addin/test/read-grid.test.ts now checks the same bounds at a tenth
 * of the size). province-clean with 100,000 case-file rows under its table, read:
 * - by the add-in's reader through the office-addin-mock Excel fake, with the real
 *   SYNC_CELL_BUDGET (it reads the window, then the table rows up to MAX_TABLE_SYNCS);
 * - by the CLI's SheetJS reader, from the same bytes (the baseline).
 * Interleaved runs, medians, the ratio. The bounds are checked too (exit 1 if broken):
 * 3 + MAX_TABLE_SYNCS syncs (the sheet list, the used extents, one window sync for this one
 * table sheet, then the table rows up to their bound; never more than MAX_SYNCS), the table
 * sheet reported as cut, every sync within the budget, the same
 * score as the CLI.
 */
import { readFileSync } from "node:fs";
import { holdsCriteriaHeader, parseCriteriaSet, scoreWorkbook } from "../shared/index.ts";
import { readWorkbookBytes } from "../xlsx/sheetjs-grid.ts";
import { MAX_SYNCS, MAX_TABLE_SYNCS, readWorkbookGrid, SYNC_CELL_BUDGET } from "../addin/src/excel/read-grid.ts";
import { createExcelMock, sheetsFromFile } from "../addin/test/excel-mock.ts";
import { withRowsBelowTable } from "../fixtures/hostile-workbooks.ts";
import { fmt, median } from "./stats.ts";

const ROWS = 100_000;
/** As addin/test/read-grid.test.ts holds at a tenth of the size. */
const EXPECTED_SYNCS = 3 + MAX_TABLE_SYNCS;
const RUNS = 5;
const parsed = parseCriteriaSet(JSON.parse(readFileSync("fixtures/criteria/demo-province-2024.json", "utf8")));
if (!parsed.ok) throw new Error(parsed.message);
const set = parsed.set;
const bytes = withRowsBelowTable(new Uint8Array(readFileSync("fixtures/workbooks/province-clean.xlsx")), "Tự đánh giá", ROWS);
const sheets = sheetsFromFile(bytes);

function cliRead() {
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new Error(read.message);
  return read.grid;
}

const addin: number[] = [];
const cli: number[] = [];
let broken = "";
for (let run = 0; run < RUNS; run++) {
  let t = performance.now();
  const grid = cliRead();
  cli.push(performance.now() - t);
  const mock = createExcelMock(sheets);
  t = performance.now();
  const read = await readWorkbookGrid(mock.context, { merges: true, readsInFull: (w) => holdsCriteriaHeader(w, set.year) });
  addin.push(performance.now() - t);
  if (read.syncs !== EXPECTED_SYNCS || read.syncs > MAX_SYNCS) broken ||= `${read.syncs} syncs, not ${EXPECTED_SYNCS}`;
  if (read.truncated.join() !== "Tự đánh giá") broken ||= `truncated: ${read.truncated.join(", ") || "none"}`;
  if (Math.max(...mock.cellsPerSync) > SYNC_CELL_BUDGET) broken ||= `a sync carried ${Math.max(...mock.cellsPerSync)} cells`;
  if (JSON.stringify(scoreWorkbook(read.grid, set)) !== JSON.stringify(scoreWorkbook(grid, set))) broken ||= "the add-in's score differs from the CLI's";
}
console.log(`${ROWS.toLocaleString("en")} rows under the table (${(bytes.length / 1024).toFixed(0)} KB), medians of ${RUNS} interleaved runs`);
console.log(`  CLI (SheetJS) read: ${fmt(median(cli))} ms`);
console.log(`  add-in read (Excel fake, ${EXPECTED_SYNCS} syncs of ≤ ${SYNC_CELL_BUDGET.toLocaleString("en")} cells): ${fmt(median(addin))} ms  (${(median(addin) / median(cli)).toFixed(2)}× the CLI read)`);
if (broken) {
  console.log(`bound broken: ${broken}`);
  process.exitCode = 1;
}
