/**
 * Engine check vs bare SheetJS parsing of the same bytes, measured in the same run:
 * - the 88-criteria provincial workbook (fixtures/workbooks/province-clean.xlsx);
 * - a 10,000-row workbook: the same table plus a 10,000-row records sheet, as offices
 *   keep registers beside the self-assessment.
 * "check" = bytes → Grid (SheetJS, same options) → scoreWorkbook. Goal: ≤ 1.5× parsing.
 */
import { readFileSync } from "node:fs";
import * as XLSX from "@e965/xlsx";
import { scoreWorkbook } from "../shared/index.ts";
import { readWorkbookBytes, SHEETJS_READ_OPTIONS } from "../xlsx/sheetjs-grid.ts";
import { loadFixtureSet } from "../fixtures/load-fixture.ts";
import { fmt, median } from "./stats.ts";

const set = loadFixtureSet("demo-province-2024");
const small = new Uint8Array(readFileSync("fixtures/workbooks/province-clean.xlsx"));

function withRecordsSheet(bytes: Uint8Array, rows: number): Uint8Array {
  const wb = XLSX.read(bytes, { type: "array", cellFormula: true, cellNF: true });
  const aoa: (string | number)[][] = [["STT", "Mã hồ sơ", "Thủ tục", "Ngày tiếp nhận", "Hạn xử lý", "Ngày trả", "Đúng hạn", "Ghi chú"]];
  for (let i = 1; i <= rows; i++) aoa.push([i, `H${String(i).padStart(6, "0")}`, "Cấp giấy chứng nhận quyền sử dụng đất", "05/01/2024", "20/01/2024", "18/01/2024", i % 17 ? 1 : 0, i % 50 ? "" : "Trễ hạn do bổ sung hồ sơ"]);
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), "Danh mục hồ sơ");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);
}
const large = withRecordsSheet(small, 10_000);

function check(bytes: Uint8Array): number {
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new Error(read.message);
  return scoreWorkbook(read.grid, set).total;
}
function parseOnly(bytes: Uint8Array): number {
  return XLSX.read(bytes, SHEETJS_READ_OPTIONS).SheetNames.length;
}

/** Alternate the two measurements run by run so both see the same machine state. */
const WARMUP_RUNS = 30;
function compare(bytes: Uint8Array, runs: number): { check: number; parse: number } {
  // Warm both paths until the JIT has settled, so steady state is compared with steady state.
  for (let i = 0; i < WARMUP_RUNS; i++) {
    check(bytes);
    parseOnly(bytes);
  }
  const c: number[] = [];
  const p: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    parseOnly(bytes);
    p.push(performance.now() - t);
    t = performance.now();
    check(bytes);
    c.push(performance.now() - t);
  }
  return { check: median(c), parse: median(p) };
}

if (check(small) !== 68 || check(large) !== 68) throw new Error("benchmark workbooks do not score as the clean fixture");
console.log("engine check vs bare SheetJS parse (same bytes, same read options, medians, interleaved)");
for (const [name, bytes, runs] of [["88-criteria workbook", small, 41], ["10,000-row workbook", large, 11]] as const) {
  const r = compare(bytes, runs);
  const ratio = r.check / r.parse;
  console.log(`  ${name.padEnd(22)} ${(bytes.length / 1024).toFixed(0).padStart(5)} KB  check ${fmt(r.check).padStart(7)} ms  parse ${fmt(r.parse).padStart(7)} ms  ratio ${ratio.toFixed(2)}×  (goal ≤ 1.5×) ${ratio <= 1.5 ? "ok" : "OVER GOAL"}`);
}
