import type { Figure } from "./sentence-figures.ts";
import { namingSyllables, syllablePairs, type Measure } from "./rate-measure.ts";

/**
 * Which figure of a sentence the criterion's title names (named-figures.ts, count-figures.ts):
 * the result whose label shares most of the title's syllable pairs, the count naming the title's
 * thing and no other kind of it, a part after "trong đó" that the title's words name.
 */

/** Figures of what the rate is not: its rest (late, not done, short of the plan) or what went beyond the plan. */
export const TURNED = new Set<Figure["role"]>(["late", "notDone", "excess"]);

/** The figure a part names: a percentage (`b` undefined) or `value` of `b`. */
export interface PartFigure {
  value: number;
  b?: number;
}

/**
 * Of two results or more (asides already set apart), the one whose label holds most of `pairs`
 * (syllable pairs of the title): "Hồ sơ trực tuyến 40%, hồ sơ giải quyết đúng hạn 99%" on "… giải
 * quyết đúng hạn" is 99 %, one pair shared by both no reason for the first. Where two hold as
 * many ("Tiếp nhận trực tuyến 40%, giải quyết trực tuyến 38%" on "… tiếp nhận, giải quyết trực
 * tuyến"), the title names both alike and the words do not tell them apart.
 */
export function namedMost(figures: Figure[], pairs: string[] | undefined): Figure | null {
  if (figures.length < 2 || !pairs) return null;
  const named = figures.map((f) => pairs.filter((p) => f.words.includes(p)).length);
  const most = Math.max(...named);
  const best = figures.filter((_, i) => named[i] === most);
  return most > 0 && best.length === 1 ? best[0]! : null;
}

/**
 * Of two counts or more, the only one whose label holds any of `pairs` (syllable pairs of the
 * title) and names no other kind beside them: "Phần mềm chuyên ngành: 02; phần mềm dùng chung:
 * 03" is 3 on "Phần mềm dùng chung …", "phần mềm chuyên ngành" being another kind of software.
 * Where two do ("Đã triển khai 03; phần mềm dùng chung tỉnh triển khai: 05"), the words do not
 * tell them apart.
 */
export function namedOnly(figures: Figure[], pairs: string[] | undefined): Figure | null {
  if (figures.length < 2 || !pairs) return null;
  // The kind a count is of may follow it ("Triển khai 02 phần mềm chuyên ngành, 03 phần mềm dùng chung" is 3).
  const kinds = figures.filter((f) => pairs.some((p) => `${f.words} ${f.tail}`.includes(p)));
  const others = kinds.filter((f) => namesAnotherKind(`${f.words} ${f.tail}`, pairs));
  if (others.length > 0 && kinds.length - others.length === 1) return kinds.find((f) => !others.includes(f))!;
  const naming = figures.filter((f) => pairs.some((p) => f.words.includes(p)));
  if (naming.length === 1) return naming[0]!;
  const own = naming.filter((f) => !namesAnotherKind(f.words, pairs));
  return own.length === 1 ? own[0]! : null;
}

/**
 * A label that goes on from a word of the title with a word the title does not hold ("phần
 * mềm chuyên ngành" on "phần mềm dùng chung"): it names another kind of the title's thing.
 */
function namesAnotherKind(words: string, pairs: string[]): boolean {
  const titled = new Set(pairs.flatMap((p) => p.split(" ")));
  return syllablePairs(words).some((p) => {
    const [a, b] = p.split(" ") as [string, string];
    return !pairs.includes(p) && titled.has(a) && !titled.has(b);
  });
}

/**
 * A part after "trong đó" that the title's words name where its whole's do not is the figure the
 * title measures: "Giải quyết 100% hồ sơ, trong đó đúng hạn 95%" is 95 % on the on-time rate,
 * "Đã xử lý 10/10 phản ánh, trong đó 08 đúng hạn" 8/10 (a count of the whole's cases). The whole
 * must name the title's thing too ("60%, trong đó số hóa kết quả …" is 60 %), and the part no
 * other kind ("… trong đó … trước hạn 45%", "… toàn trình 25%" are asides about the whole).
 */
export function titledPart(figures: Figure[], measure: Measure): PartFigure | null {
  const pairs = measure.pairs;
  // Most sentences have no part: the title's syllables are gathered only for one that does.
  if (!pairs || !figures.some((f) => f.part)) return null;
  const titled = new Set(pairs.flatMap((p) => p.split(" ")));
  for (const [i, f] of figures.entries()) {
    if (!f.part || f.bracketed || f.isYear) continue;
    const whole = figures.slice(0, i).reverse().find((g) => !g.isYear);
    if (!whole || whole.part || whole.role === "target" || TURNED.has(whole.role)) continue;
    if (f.role === "late" && pairs.includes("đúng hạn")) {
      const late = lateOfAll(f, whole);
      if (late !== null) return late;
    }
    if (TURNED.has(f.role)) continue;
    const wholeWords = `${whole.words} ${whole.tail}`;
    const ownWords = `${f.words.replace(PART_WORDS, " ")} ${f.tail}`;
    const added = pairs.filter((p) => ownWords.includes(p) && !wholeWords.includes(p));
    if (!pairs.some((p) => wholeWords.includes(p)) || added.length === 0) continue;
    if (namingSyllables(ownWords).some((w) => !titled.has(w) && !WORDS_OF_A_PART.has(w))) continue;
    if (f.kind === "percent") return { value: f.value };
    if (f.kind === "fraction") return { value: f.a!, b: f.b! };
    const of = whole.kind === "fraction" ? whole.b! : whole.kind === "number" && whole.role !== "done" && whole.role !== "onTime" ? whole.value : undefined;
    if (of !== undefined && of > 0 && Number.isInteger(f.value) && f.value <= of) return { value: f.value, b: of };
  }
  return null;
}

/**
 * On an on-time rate, the late part of all settled ("Giải quyết 100% hồ sơ, trong đó trễ hạn 5%"
 * is 95 %, "Đã giải quyết 1.000/1.000 hồ sơ, trong đó 10 trễ hạn" 990/1.000): the rest of them.
 */
function lateOfAll(f: Figure, whole: Figure): PartFigure | null {
  const all = whole.kind === "percent" ? whole.value === 100 : whole.kind === "fraction" && whole.b! > 0 && whole.a === whole.b;
  if (!all) return null;
  if (f.kind === "percent" && f.value <= 100) return { value: 100 - f.value };
  if (f.kind === "number" && whole.kind === "fraction" && Number.isInteger(f.value) && f.value <= whole.b!) return { value: whole.b! - f.value, b: whole.b! };
  return null;
}
const PART_WORDS = /(?<!\p{L})trong\s+đó(?!\p{L})/gu;
/** Words a part is said with beside the title's: "trong đó đã xử lý đúng hạn 08 hồ sơ". */
const WORDS_OF_A_PART = new Set(["đó", "đã", "đạt", "số", "hồ", "sơ", "được", "là"]);
