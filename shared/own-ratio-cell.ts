import type { GridCell } from "./grid.ts";
import { isFractionFormula, isPercentFormat, isRateFormula, parseNumberText, readDeclaredRatio } from "./values.ts";

/**
 * A cell that writes its own ratio, "125/125" or "98 %" (typed or %-formatted): the only declared
 * data an on-time count's column holds (WB38-2) — its bare numbers are counts of files done on
 * time, no percentage ("100" of 125 is no 100 %, WB40-5).
 */
export function writesOwnRatio(cell: GridCell | undefined): boolean {
  const ratio = readDeclaredRatio(cell);
  if (ratio === null || cell === undefined) return false;
  return ratio.denominator !== undefined || (typeof cell.v === "string" ? cell.v.includes("%") : isPercentFormat(cell.z));
}

/**
 * A bare count in an on-time count's column: a plain number above 1 with no "%" or "/" ("100" of
 * 125 files done on time, WB40-5) — never that column's ratio. Anything else in the column reads
 * as any data cell does: "Không phát sinh", "0/0", "N/A" (nothing arose: full points where the
 * leaf says so), a formula's error (FORMULA_ERROR), "0,8" (the fraction's own advice) — the first
 * guard had turned each of them into "no data" (WB42-1/2: a department 63 → 60 for a declaration
 * the finding then asked for). A rate computed in the cell by its shape ("=100/125*100",
 * "=ROUND(D12/D13*100,0)": isRateFormula) is the unit's rate written as a number, as under
 * "Số liệu kê khai" (WB43-8); a count computed with a division stays a count (WB44-3).
 */
export function isBareCount(cell: GridCell | undefined): boolean {
  if (!cell || cell.err !== undefined || writesOwnRatio(cell)) return false;
  if (typeof cell.v === "number") return !isPercentFormat(cell.z) && !isFractionFormula(cell) && !isRateFormula(cell) && cell.v > 1;
  if (typeof cell.v !== "string" || /[%/]/.test(cell.v)) return false;
  const n = parseNumberText(cell.v);
  return n !== null && n > 1;
}
