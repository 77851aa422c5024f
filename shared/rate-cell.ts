import type { GridCell } from "./grid.ts";
import { readDeclaredRatio } from "./values.ts";
import { ratioReading } from "./declared-data.ts";
import type { RatioReading } from "./named-figures.ts";

/**
 * A rate cell, or a data cell read as a rate (CRITERIA-FORMAT.md §3): a %-formatted number,
 * a number (already a percentage), "93,48%", "1250/1300", a sentence whose words name its
 * result ("Chỉ tiêu 98%; kết quả 92%" is 92 %).
 */
export function rateInCell(cell: GridCell): RatioReading {
  if (typeof cell.v === "string") {
    const sentence = ratioReading(cell.v);
    if (sentence !== null) return sentence;
  }
  return readDeclaredRatio(cell);
}
