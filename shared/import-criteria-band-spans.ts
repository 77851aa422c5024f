import { boundsOf, type Bound, type UpperEnd } from "./import-criteria-clauses.ts";
import { parseNumberText } from "./values.ts";

/**
 * Where each rate band of a method starts and ends, as its words say. A set's bands are lower
 * bounds only (CRITERIA-FORMAT.md §6), so the upper ends a decision writes ("dưới 80%", "từ 5%
 * trở xuống", "đến 90%") are read here: they tell a scale where a lower rate pays more from an
 * upward one whose lowest band is written "trở xuống", and they show what the bands leave unsaid.
 */

/** An end of a band; strict: the value itself is left out ("trên 90%" as a start, "dưới 90%" as an end). */
export type BandEnd = UpperEnd;

/** `from` null: from 0. `to` null: no upper end written, the band reaches the next one up. */
export interface BandSpan {
  from: BandEnd | null;
  to: BandEnd | null;
}

/** Rates no band speaks of, between two bands or above the highest. */
export interface BandGap {
  from: number;
  fromIncluded: boolean;
  to: number;
  toIncluded: boolean;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
/** "Từ 5% trở xuống", "5% trở lại", "không (vượt) quá 5%", "≤ 5%", "nhỏ hơn hoặc bằng 5%": from 0 up to 5 % itself. */
const AT_MOST = new RegExp(
  String.raw`${NUMBER}\s*%\s*tro (?:xuong|lai)(?![a-z])|(?:khong (?:vuot )?qua|(?:nho hon|thap hon|duoi) hoac bang|bang hoac (?:nho hon|thap hon|duoi)|<=|≤)\s*${NUMBER}\s*%`,
);

/** The span of a clause's rate band, or null when it names no rate. */
export function bandSpan(folded: string): BandSpan | null {
  const bounds = boundsOf(folded);
  if (bounds === null) return null;
  const bound = bounds.lower;
  if (bounds.to) return { from: startOf(bound), to: bounds.to };
  const atMost = AT_MOST.exec(folded);
  const top = atMost ? parseNumberText(atMost[1] ?? atMost[2]!) : null;
  if (top !== null) return { from: null, to: { value: top, strict: false } };
  if (bound.bound === "below") return { from: null, to: { value: bound.value, strict: true } };
  return { from: startOf(bound), to: null };
}

function startOf(bound: Bound): BandEnd | null {
  if (bound.bound === "below" || (bound.bound === "min" && bound.value === 0)) return null;
  return { value: bound.value, strict: bound.bound === "above" };
}

/** Lowest start first; at an equal start the inclusive one ("từ 80%" before "trên 80%"). */
export function byStart(a: BandSpan, b: BandSpan): number {
  const start = (s: BandSpan) => s.from ?? { value: 0, strict: false };
  return start(a).value - start(b).value || Number(start(a).strict) - Number(start(b).strict);
}

/**
 * A lower rate pays more ("trễ hạn dưới 5%: 2 điểm; từ 5% đến 10%: 1 điểm; trên 10%: 0"):
 * the band from 0 pays more than every band above it, or, alone, pays for rates up to a bound
 * ("trễ hạn từ 5% trở xuống: 1 điểm"). "Trên 90%: 2 điểm; từ 90% trở xuống: 0" points upward.
 */
export function lowerPaysMore(ascending: { span: BandSpan; points: number }[]): boolean {
  const [lowest, ...above] = ascending;
  if (!lowest || lowest.span.from !== null || lowest.points <= 0) return false;
  return above.length === 0 ? lowest.span.to !== null : above.every((b) => b.points < lowest.points);
}

/**
 * The ranges of rates the bands leave unsaid from the lowest one up to 100 %: "từ 90% trở lên:
 * 2; từ 50% đến dưới 80%: 1" says nothing of 80–<90 %. Below the lowest band no points are due
 * (the engine pays 0 there), as decisions mean. A single rate at a bound written strict on both
 * sides ("trên 90%: 2; từ 70% đến dưới 90%: 1", as real decisions write it) is no gap: "trên"
 * leaves 90 % to the band below, as the set's `above` does; nor are bands counted in whole
 * percents ("từ 70% đến 89%: 1; từ 90% trở lên: 2"), read as meeting at the next one.
 */
export function bandGaps(ascending: { span: BandSpan }[]): BandGap[] {
  const gaps: BandGap[] = [];
  // How far the bands read so far reach; null: up to the next band's start.
  let reach: BandEnd | null = null;
  for (const [i, { span }] of ascending.entries()) {
    const start = span.from;
    if (i > 0 && reach !== null && start !== null && reach.value < start.value && !nextStep(reach, start)) {
      gaps.push({ from: reach.value, fromIncluded: reach.strict, to: start.value, toIncluded: start.strict });
    }
    if (span.to === null) reach = null;
    else if (i === 0 || reach === null || reach.value < span.to.value) reach = span.to;
  }
  // Up to 100 % itself: "từ 50% đến dưới 80%: 1 điểm" as the highest band leaves 80–100 %.
  if (ascending.length > 0 && reach !== null && reach.value < 100) gaps.push({ from: reach.value, fromIncluded: reach.strict, to: 100, toIncluded: true });
  return gaps;
}

/** "… đến 89%" then "từ 90%" (or "đến 89,5%" then "từ 89,6%"): inclusive ends one step of their own precision apart. */
function nextStep(end: BandEnd, start: BandEnd): boolean {
  if (end.strict || start.strict) return false;
  const decimals = (n: number) => (String(n).split(".")[1] ?? "").length;
  const places = Math.max(decimals(end.value), decimals(start.value));
  return Math.round((start.value - end.value) * 10 ** places) === 1;
}
