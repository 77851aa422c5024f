import type { CriteriaSet } from "./criteria-schema.ts";

/** The set's bands, highest minimum first. */
export function bandsBestFirst(set: Pick<CriteriaSet, "bands">): CriteriaSet["bands"] {
  return [...set.bands].sort((a, b) => b.min - a.min);
}

/** Label of the highest band whose `min` ≤ percent (CRITERIA-FORMAT §3). */
export function bandFor(set: Pick<CriteriaSet, "bands">, percent: number): string | null {
  return bandAmong(bandsBestFirst(set), percent);
}

/** bandFor over bands already sorted by bandsBestFirst (sorted once, read for many units). */
export function bandAmong(bestFirst: CriteriaSet["bands"], percent: number): string | null {
  return bestFirst.find((b) => b.min <= percent)?.label ?? null;
}
