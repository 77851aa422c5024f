import type { RatioBand, RatioRule } from "./criteria-shape.ts";
import { round2 } from "./decimal.ts";
import type { WrittenBound } from "./written-bound.ts";

/**
 * Bands of a ratio rule (CRITERIA-FORMAT.md §6): `min` holds at percentage ≥ min ("từ 70%"),
 * `above` at percentage > above ("trên 90%"). The band with the greatest threshold that holds
 * wins; at an equal threshold `above` outranks `min`. Percentages are compared unrounded
 * (26/28 = 92.857…, a typed "90%" is exactly 90).
 */

export function bandThreshold(band: RatioBand): number {
  return band.above ?? band.min ?? 0;
}

export function bandHolds(band: RatioBand, percent: number): boolean {
  return band.above !== undefined ? percent > band.above : percent >= (band.min ?? 0);
}

/** Highest threshold first; at an equal threshold the strict one first. */
export function ratioBandsBestFirst(bands: readonly RatioBand[]): RatioBand[] {
  return [...bands].sort((a, b) => bandThreshold(b) - bandThreshold(a) || Number(b.above !== undefined) - Number(a.above !== undefined));
}

/** A rule's bands best first, sorted once per rule (a set's rules are scored again and again). */
const sortedBands = new WeakMap<RatioRule, RatioBand[]>();

/** The band a percentage reaches, or null below every band. */
export function ratioBandFor(rule: RatioRule, percent: number): RatioBand | null {
  let bands = sortedBands.get(rule);
  if (!bands) sortedBands.set(rule, (bands = ratioBandsBestFirst(rule.bands ?? [])));
  for (const band of bands) if (bandHolds(band, percent)) return band;
  return null;
}

/**
 * The percentage a rate written as a bound is scored at (written-bound.ts): "gần 100%" just under
 * 100 (never the band "từ 100 %"), "trên 90%" just over 90 (the band "trên 90 %"); at least or about
 * a figure, the figure. A billionth of a point moves no score but across a bound.
 */
export function scoredPercent(percent: number, bound: WrittenBound | undefined): number {
  return bound === "below" ? percent - 1e-9 : bound === "above" ? percent + 1e-9 : percent;
}

/** Points of a ratio rule for a declared percentage. */
export function ratioPoints(rule: RatioRule, max: number, percent: number): number {
  if (rule.proportional) {
    const target = rule.target ?? 100;
    return round2(max * Math.min(1, Math.max(0, percent) / target));
  }
  return ratioBandFor(rule, percent)?.points ?? 0;
}

/** The bounds a ratio rule tests a percentage against: its bands' thresholds, or a proportional rule's target. */
export function ratioBounds(rule: RatioRule): number[] {
  return rule.proportional ? [rule.target ?? 100] : (rule.bands ?? []).map(bandThreshold);
}

/**
 * A declared percentage as shown beside its score: two decimals, or as many more (up to six) as
 * it takes to stay on its own side of every bound. Rounded to two, 125599/157000 = 79,99936 % read
 * "80 % cho 0 điểm" beside "từ 80 %: 1 điểm", and 26/28 "92,86 %" below a band from 92,86 %: the
 * score is the unrounded rate's (§6), so the figure must not contradict it (CF1-2).
 */
export function percentShown(percent: number, bounds: readonly number[]): number {
  const sameSide = (shown: number) => bounds.every((b) => Math.sign(shown - b) === Math.sign(percent - b));
  for (let digits = 2; digits <= 6; digits++) {
    const scale = 10 ** digits;
    const shown = Math.round(percent * scale) / scale;
    if (sameSide(shown)) return shown;
  }
  // Within a millionth of a bound: cut toward the side the rate lies on.
  const nearest = bounds.reduce((a, b) => (Math.abs(b - percent) < Math.abs(a - percent) ? b : a));
  return (percent < nearest ? Math.floor(percent * 1e6) : Math.ceil(percent * 1e6)) / 1e6;
}
