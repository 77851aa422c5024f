import type { Figure } from "./sentence-figures.ts";
import type { Measure } from "./rate-measure.ts";
import { foldText } from "./text.ts";

/**
 * A one-stop shop's statistics line copied into each row it feeds (eighth session): "Tổng số hồ
 * sơ tiếp nhận: 1.000; trực tuyến: 600 (toàn trình: 500; một phần: 100); thanh toán trực tuyến:
 * 300; số hóa: 900" gives 600/1.000 on "Tỷ lệ hồ sơ trực tuyến", 500/1.000 on "… trực tuyến toàn
 * trình", 300/1.000 on "… thanh toán trực tuyến", 900/1.000 on "… số hóa …". Read otherwise, the
 * line had said its figure was missing on most rows and given a wrong one on others: 500/600
 * (83 %) on "toàn trình", the payments' 30 % on "trực tuyến", the online files' 60 % on payments.
 *
 * Each count has the kinds its label names ("trực tuyến", "toàn trình", "một phần", "thanh toán",
 * "số hóa", "ký số", "trực tiếp", "bưu chính"), with those of the count it is a part of — in
 * brackets after it, or after "trong đó" — and "toàn trình" or "một phần" is online. The title's
 * part is the one count of exactly the title's kinds; the whole, the one count of no kind (of the
 * title's thing), else the one the words call the total. A line of several kinds with no such
 * count, or no such whole, is UNCLEAR: never another kind's figure.
 */

/** Kinds of a file or procedure offices count apart, folded; a later one implies the ones it names. */
const KINDS: readonly [string, RegExp][] = [
  ["truc tuyen", /\b(?:truc tuyen|dvctt|dvc truc tuyen|online)\b/],
  ["toan trinh", /\btoan trinh\b/],
  ["mot phan", /\bmot phan\b/],
  ["thanh toan", /\bthanh toan\b/],
  ["so hoa", /\bso hoa\b/],
  ["ky so", /\bky so\b/],
  ["truc tiep", /\btruc tiep\b/],
  ["buu chinh", /\b(?:buu chinh|bcci)\b/],
];
/** Words of an on-time rate: that rate is read by its own rules (named-figures.ts ratioOfCounts). */
const ON_TIME = /\b(?:dung|truoc|tre|qua) (?:thoi )?(?:han|hen)\b/;
/** The things counted: files, procedures. A count of another thing than the title's is no part of its rate. */
const THINGS: readonly [string, RegExp][] = [
  ["ho so", /\bho so\b/],
  ["tthc", /\b(?:tthc|thu tuc(?: hanh chinh)?)\b/],
];

function kindsOf(folded: string): Set<string> {
  const kinds = new Set(KINDS.filter(([, p]) => p.test(folded)).map(([k]) => k));
  if (kinds.has("toan trinh") || kinds.has("mot phan")) kinds.add("truc tuyen");
  return kinds;
}
const thingOf = (folded: string): string | undefined => THINGS.find(([, p]) => p.test(folded))?.[0];
const sameKinds = (a: ReadonlySet<string>, b: ReadonlySet<string>): boolean => a.size === b.size && [...a].every((k) => b.has(k));

/**
 * The kinds a title measures ("trực tuyến", "toàn trình", "thanh toán trực tuyến", "số hóa" …), none
 * for an on-time title (its rate is read by its own rules) or one naming no kind.
 */
export function titleKinds(measure: Measure): ReadonlySet<string> {
  if (measure.pairs === undefined) return new Set();
  // The title's words, as its pairs of syllables hold them ("thanh toán", "toán trực", "trực tuyến").
  const titleFolded = foldText(measure.pairs.join(" "));
  return ON_TIME.test(titleFolded) ? new Set() : kindsOf(titleFolded);
}

/**
 * A count or share of a kind of files ("trực tuyến: 600", "số hóa 900 (90%)") on a title that
 * measures files on time (the caller asks only then) and names no such kind: another measure,
 * never its rate (the online share had been scored as the on-time rate). `words`: the figure's label, or for a share in
 * brackets after a count (`restated`), that count's. On a title that names the kind, only such a
 * share is: the count of the kind is its whole ("Tổng số: 1.000; trực tuyến: 600 (60%)" gives no
 * on-time rate of online files, "Trực tuyến: 98%" may be it). A figure whose words say time, a
 * total and a plan stay.
 */
export function ofAKindOfFiles(f: Figure, words: string, restated: boolean, measure: Measure): boolean {
  if (measure.pairs === undefined || f.isYear || f.role === "total" || f.role === "target" || f.role === "onTime" || f.role === "late") return false;
  const titleFolded = foldText(measure.pairs.join(" "));
  const folded = foldText(words);
  if (ON_TIME.test(`${folded} ${foldText(f.tail)}`)) return false;
  const own = kindsOf(folded);
  const titled = kindsOf(titleFolded);
  return own.size > 0 && (restated || [...own].every((k) => !titled.has(k)));
}

/**
 * The title's part over the line's whole, UNCLEAR for a line of several kinds read so, or null
 * where the sentence is no such line or the title names no kind (read as before).
 */
export function statisticsLineRatio(figures: readonly Figure[], measure: Measure): { a: number; b: number } | "unclear" | null {
  if (measure.pairs === undefined || figures.length < 3) return null;
  const wanted = titleKinds(measure);
  if (wanted.size === 0) return null;
  if (figures.some((f) => !f.isYear && f.kind !== "number")) return null;
  const counts = figures.filter((f) => !f.isYear && !f.duration && Number.isInteger(f.value));
  if (counts.length < 3) return null;
  const own = counts.map((f) => {
    const words = foldText(f.words);
    return kindsOf(KINDS.some(([, p]) => p.test(words)) ? words : `${words} ${foldText(f.tail)}`);
  });
  // A count inherits the kinds of the count it is a part of: the one before its brackets, or before "trong đó".
  const kinds = counts.map((f, i) => {
    const of = f.bracketed ? counts.slice(0, i).reverse().find((g) => !g.bracketed) : f.part ? counts[i - 1] : undefined;
    const inherited = of === undefined ? new Set<string>() : own[counts.indexOf(of)]!;
    return new Set([...own[i]!, ...inherited]);
  });
  // A line of one kind is read as any sentence: only several kinds side by side make a statistics line.
  const distinct = new Set(kinds.filter((k) => k.size > 0).map((k) => [...k].sort().join("+")));
  if (distinct.size < 2) return null;
  const titleThing = measure.thing?.map((p) => thingOf(foldText(p))).find((t) => t !== undefined);
  const ofThing = (f: Figure) => {
    const thing = thingOf(foldText(`${f.words} ${f.tail}`));
    return thing === undefined || titleThing === undefined || thing === titleThing;
  };
  const parts = counts.filter((f, i) => sameKinds(kinds[i]!, wanted) && ofThing(f));
  let wholes = counts.filter((f, i) => kinds[i]!.size === 0 && !f.bracketed && ofThing(f));
  if (wholes.length > 1) wholes = wholes.filter((f) => f.role === "total");
  if (parts.length !== 1 || wholes.length !== 1) return "unclear";
  const [a, b] = [parts[0]!.value, wholes[0]!.value];
  return b > 0 && a >= 0 && a <= b ? { a, b } : "unclear";
}
