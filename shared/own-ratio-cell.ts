import type { GridCell } from "./grid.ts";
import { isPercentFormat, readDeclaredRatio } from "./values.ts";

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
