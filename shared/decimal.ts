/**
 * Scores are exact in hundredths: every sum runs on integer "cents" so that
 * 0.1 + 0.2 is 0.3 and a total never drifts by a float ulp.
 */

/** A number already known to be in hundredths → integer cents. */
export function toCents(value: number): number {
  return Math.round(value * 100);
}

export function fromCents(cents: number): number {
  return cents / 100;
}

/** True when the number has no digits beyond hundredths (1.25 yes, 0.333 no). */
export function isWholeHundredths(value: number): boolean {
  const scaled = value * 100;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Round half up to hundredths, robust against binary noise (0.6995 → 0.70). */
export function round2(value: number): number {
  const scaled = value * 100;
  const nudge = scaled >= 0 ? 1e-7 : -1e-7;
  return Math.round(scaled + nudge) / 100;
}

/** Percentage of `part` over `whole`, both in cents, rounded half up to hundredths. */
export function percentOf(partCents: number, wholeCents: number): number {
  if (wholeCents <= 0) return 0;
  return round2((partCents / wholeCents) * 100);
}

/**
 * A typed number as the cell shows it: 12 significant digits drop a formula's binary noise
 * (=58*0.7 is 40.599999999999994, shown 40,6) and keep every decimal a unit types (0,333).
 */
export function asWritten(value: number): number {
  // Whole numbers and hundredths (most scores: 2, 1,5, 0,25) are already as written; a formula's
  // 3.1999999999999997 times 100 is 320 too, so the hundredths must give the value back (WB19-5).
  const cents = value * 100;
  return Number.isInteger(cents) && cents / 100 === value ? value : Number(value.toPrecision(12));
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
