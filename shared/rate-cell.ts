import type { GridCell } from "./grid.ts";
import { isFractionFormula, isPercentFormat, parseNumberText, PERCENT_TYPED, readDeclaredRatio } from "./values.ts";
import { ratioReading } from "./declared-data.ts";
import type { RatioReading } from "./named-figures.ts";
import { PLAIN_RATE, type Measure } from "./rate-measure.ts";

/** A number that may be a fraction or a percentage: which one, the unit says. */
export const FRACTION_OR_PERCENT = "fraction-or-percent";

/**
 * A rate cell, or a data cell read as a rate (CRITERIA-FORMAT.md §3): a %-formatted number,
 * a number (already a percentage), "93,48%", "1250/1300", a sentence whose words name its
 * result ("Chỉ tiêu 98%; kết quả 92%" is 92 %). A number that could as well be a fraction as
 * a percentage is FRACTION_OR_PERCENT, never guessed: 0,95 in a General cell (95 %, pasted from a
 * division, or 0,95 %?), 5 in a %-formatted one (500 % shown, or 5 % typed?).
 */
export function rateInCell(cell: GridCell, measure: Measure = PLAIN_RATE): RatioReading | typeof FRACTION_OR_PERCENT {
  if (typeof cell.v === "number") return rateNumber(cell, cell.v, isPercentFormat(cell.z) ? "percent" : isFractionFormula(cell) ? "fraction" : "plain");
  if (typeof cell.v === "string") {
    const sentence = ratioReading(cell.v, true, measure);
    if (sentence !== null) return sentence;
    // "0,9286" typed or pasted as text: a plain number, as in a General cell.
    const lone = parseNumberText(cell.v);
    if (lone !== null) return rateNumber(cell, lone, "plain");
  }
  return readDeclaredRatio(cell);
}

function rateNumber(cell: GridCell, v: number, form: "percent" | "fraction" | "plain"): RatioReading | typeof FRACTION_OR_PERCENT {
  // Shown from 200 % to 1000 %: no rate of work, and no sure sign of a percentage typed (95 shows 9500 %).
  if (form === "percent" && v > 2 && v < PERCENT_TYPED) return FRACTION_OR_PERCENT;
  if (form === "plain" && v > 0 && v <= 1) {
    // 0,9285714 or 0,9286 is a division's fraction pasted as a value (92,86 %): no one types a percentage to three decimals.
    const percent = v * 100;
    return Math.abs(percent - Math.round(percent)) > 1e-9 ? { percent: Math.round(percent * 1e10) / 1e10 } : FRACTION_OR_PERCENT;
  }
  return readDeclaredRatio(cell);
}
