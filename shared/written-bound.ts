import { foldText } from "./text.ts";

/**
 * A rate written as a bound or an approximation rather than a figure (eighth session): "Trên 90%",
 * "hơn 95%" (above it), "gần 100%", "dưới 50%", "chưa đạt 100%" (below it), "từ 90% trở lên", "ít
 * nhất 90%" (at least it), "khoảng 95%", "xấp xỉ 90%", "~95%" (about it). Each had been read as the
 * figure itself, in silence: "gần 100%" scored the band "100 %" a unit says it did not reach, and
 * "trên 90%" missed a band "trên 90 %" it says it passed.
 *
 * How a reviewer reads them, and the engine with it (ratio-bands.ts scoredPercent): below a figure
 * is just under it, above it just over it, at least or about it the figure itself — the best band
 * the words allow, no more — and the unit is asked for the exact figure (DATA_APPROXIMATE). "Ước
 * đạt 96%" and "96% (ước tính)" are the year's estimate offices are asked for before it ends: the
 * figure itself, nothing said.
 */
export type WrittenBound = "below" | "above" | "atLeast" | "about";

/** Words that may go between the bound and its figure: "trên mức 90%", "gần đạt 100%", "dưới mức bằng 50%". */
const FILLER = String.raw`(?: (?:dat|muc|bang|duoc|ty le|ti le))*`;
/** A word of a bound starts a word, and never follows a figure: "18 trên 20" is a part of its whole, "5 hơn 3" no bound. */
const WORD_START = String.raw`(?<![\p{L}\d])(?<!\d\s*)`;
const BEFORE: readonly [WrittenBound, RegExp][] = [
  // First: "không dưới 90%" and "không thấp hơn 90%" are at least it, not below it.
  ["atLeast", new RegExp(String.raw`(?:${WORD_START}(?:it nhat|toi thieu|khong duoi|khong thap hon)${FILLER}|≥|>=)\s*$`, "u")],
  ["below", new RegExp(String.raw`(?:${WORD_START}(?:gan|duoi|chua (?:den|toi|dat|duoc|du)|khong (?:den|toi|dat|du)|it hon|thap hon)${FILLER}|<)\s*$`, "u")],
  ["above", new RegExp(String.raw`(?:${WORD_START}(?:tren|hon|nhieu hon|cao hon)${FILLER}|>)\s*$`, "u")],
  ["about", new RegExp(String.raw`(?:${WORD_START}(?:khoang|xap xi)${FILLER}|~|≈)\s*$`, "u")],
];
const AT_LEAST_AFTER = /^\s*tro len\b/;
/** A percentage in folded text: "90%", "93,5 %". */
const PERCENT = /(?<![\d.,])(\d{1,3}(?:[.,]\d{1,4})?)\s*%/g;
/** Any word or sign of a bound: most rate sentences hold none, and are not read further. */
const ANY_BOUND = /gan|duoi|chua|khong|it hon|thap hon|<|tren|hon|>|it nhat|toi thieu|≥|tro len|khoang|xap xi|~|≈/;

/**
 * The bound the percentage a rate was read as (`percent`) is written with in `text`, where every
 * occurrence of it carries one ("Chỉ tiêu trên 90%, đạt 90%" is 90 % as written); undefined when
 * the figure stands as written. Two kinds at once are "about".
 */
export function writtenBound(text: string, percent: number): WrittenBound | undefined {
  const folded = foldText(text);
  if (!ANY_BOUND.test(folded)) return undefined;
  let found: WrittenBound | undefined;
  for (const m of folded.matchAll(PERCENT)) {
    if (Math.abs(Number(m[1]!.replace(",", ".")) - percent) > 1e-9) continue;
    const before = folded.slice(Math.max(0, m.index - 40), m.index);
    const after = folded.slice(m.index + m[0].length);
    const bound = AT_LEAST_AFTER.test(after) ? "atLeast" : BEFORE.find(([, pattern]) => pattern.test(before))?.[0];
    if (bound === undefined) return undefined;
    found = found === undefined || found === bound ? bound : "about";
  }
  return found;
}
