import { compareVietnamese } from "./text.ts";
import { toCents } from "./decimal.ts";

export interface Rankable {
  unit: string;
  percent: number;
}

/**
 * Competition ranking (CRITERIA-FORMAT.md §3): by percent descending; units equal to two
 * decimals share a rank and the next rank skips ("1, 2, 2, 4"); ties are listed in
 * Vietnamese alphabetical order of the unit name.
 */
export function rankUnits<T extends Rankable>(entries: readonly T[]): (T & { rank: number })[] {
  const sorted = [...entries].sort((a, b) => toCents(b.percent) - toCents(a.percent) || compareVietnamese(a.unit, b.unit));
  let rank = 0;
  return sorted.map((entry, i) => {
    if (i === 0 || toCents(entry.percent) !== toCents(sorted[i - 1]!.percent)) rank = i + 1;
    return { ...entry, rank };
  });
}
