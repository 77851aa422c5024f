import { MAX_HIDDEN_SPANS, type GridSheet, type HiddenSpan } from "./grid.ts";

/**
 * Hidden rows and columns of a sheet. Offices hide rather than delete: last year's rows kept
 * under this year's, a helper column, rows filtered out. The engine reads hidden cells like
 * any other (a collapsed group still holds criteria) and uses visibility only to break ties:
 * a visible row wins over a hidden one with the same code, a visible column over a hidden
 * one of the same kind, a visible header over a hidden one.
 */

/** Spans in any order, overlapping or touching → sorted, disjoint spans. */
function mergedSpans(spans: Iterable<readonly [number, number]>): HiddenSpan[] {
  const out: HiddenSpan[] = [];
  for (const [first, last] of [...spans].sort((a, b) => a[0] - b[0])) {
    const prev = out[out.length - 1];
    if (prev && first <= prev[1] + 1) prev[1] = Math.max(prev[1], last);
    else out.push([first, last]);
  }
  return out;
}

/** Indices (any order, repeats allowed) → sorted, disjoint spans; at most MAX_HIDDEN_SPANS (the rest are not listed). */
export function spansOf(indices: Iterable<number>): HiddenSpan[] {
  return spansOfRanges([...indices].map((i): [number, number] => [i, i]));
}

/** Ranges [first, last] (any order, overlapping or touching; invalid ones dropped) → spans, as spansOf. */
export function spansOfRanges(ranges: Iterable<readonly [number, number]>): HiddenSpan[] {
  const valid = [...ranges].filter(([first, last]) => Number.isInteger(first) && Number.isInteger(last) && first >= 0 && first <= last);
  return mergedSpans(valid).slice(0, MAX_HIDDEN_SPANS);
}

/** Spans sorted and merged once per list (a grid from a client may list them in any order). */
const normalised = new WeakMap<readonly HiddenSpan[], HiddenSpan[]>();

function sortedSpans(spans: readonly HiddenSpan[]): HiddenSpan[] {
  let known = normalised.get(spans);
  if (!known) normalised.set(spans, (known = mergedSpans(spans)));
  return known;
}

function within(spans: readonly HiddenSpan[] | undefined, i: number): boolean {
  if (!spans?.length) return false;
  const sorted = sortedSpans(spans);
  let lo = 0;
  let hi = sorted.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [first, last] = sorted[mid]!;
    if (i < first) hi = mid - 1;
    else if (i > last) lo = mid + 1;
    else return true;
  }
  return false;
}

export const isRowHidden = (sheet: GridSheet, r: number): boolean => within(sheet.hiddenRows, r);
export const isColumnHidden = (sheet: GridSheet, c: number): boolean => within(sheet.hiddenColumns, c);
/** Whether the sheet lists any hidden row (most do not: the tie-breaks then cost nothing). */
export const hasHiddenRows = (sheet: GridSheet): boolean => (sheet.hiddenRows?.length ?? 0) > 0;
