import type { FindingInput } from "./messages.ts";

/** What scoring one leaf found (rules.ts), before conditions are applied. */
export interface LeafResult {
  /** What was typed: a number, the raw text, or null. */
  self: number | string | null;
  /** Marked "không áp dụng" under notApplicable "exclude": its max leaves the denominator. */
  notApplicable: boolean;
  /** Marked "không phát sinh" under notApplicable "full": it scores its max. */
  nothingArose: boolean;
  /** Accepted score in cents before the evidence check. */
  cents: number;
  /** Ratio and count leaves: the score the declared data gives (a blank self-score counts it in the totals row). */
  computedCents?: number;
  /** Declared data of a ratio leaf. */
  percent?: number;
  numerator?: number;
  denominator?: number;
  /** The declared rate is the rest of the late or undone share its cell gives (DeclaredRatio.rest). */
  dataRest?: true;
  /** The rate was written as under or over its percentage ("gần 100%", "trên 90%"; DeclaredRatio.bound) and scored so. */
  percentBound?: "below" | "above";
  /** Declared data of a count leaf. */
  count?: number;
  /** The cell the declared data was read from (the data, rate or note cell). */
  dataAddress?: string;
  findings: FindingInput[];
}

/**
 * The self-score cell as typed; `asDate`: Excel holds it as a date ("1.5" typed becomes 1 May),
 * `self` the day shown; `uncalculated`: a formula saved without its value (openpyxl, web
 * exports), which Excel shows only once it recalculates.
 */
export type TypedSelf = { self: number | string | null; na: boolean; error: string | null; asDate?: true; uncalculated?: string };
