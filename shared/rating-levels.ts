import { foldText } from "./text.ts";
import { cleanPercent, type DeclaredRatio } from "./values.ts";

/**
 * A civil servant's yearly rating and the share at or above one of its levels (03/12/2026):
 * "Tỷ lệ công chức được đánh giá hoàn thành tốt nhiệm vụ trở lên" over data written as the levels'
 * counts — "HTXSNV: 5; HTTNV: 13; HTNV: 2; KHTNV: 0", "Hoàn thành xuất sắc nhiệm vụ: 5 người;
 * hoàn thành tốt nhiệm vụ: 13 người; hoàn thành nhiệm vụ: 2 người" — is (5 + 13) / 20. The levels,
 * best first: 0 excellent (xuất sắc), 1 good (tốt), 2 done (hoàn thành), 3 not done (không hoàn thành).
 */
export type RatingLevel = 0 | 1 | 2 | 3;

/** The level a title counts from, folded: "… hoàn thành tốt nhiệm vụ trở lên" 1; null when it names none. */
export function ratingFloorOf(foldedTitle: string): RatingLevel | null {
  if (!/\bnhiem vu\b/.test(foldedTitle) || !/\b(danh gia|xep loai|hoan thanh)\b/.test(foldedTitle)) return null;
  if (/\bhoan thanh xuat sac( nhiem vu)?\b/.test(foldedTitle)) return 0;
  if (/\bhoan thanh tot nhiem vu tro len\b/.test(foldedTitle)) return 1;
  if (/\bhoan thanh nhiem vu tro len\b/.test(foldedTitle)) return 2;
  return null;
}

/** A level's name, written out or abbreviated, then its count: "HTTNV: 13", "hoàn thành tốt nhiệm vụ 13 người". */
const LEVEL_FIGURE = /\b(htxsnv|httnv|khtnv|htnv|khong hoan thanh(?: nhiem vu)?|hoan thanh xuat sac(?: nhiem vu)?|hoan thanh tot(?: nhiem vu)?|hoan thanh nhiem vu)\b[^\d;,.]{0,12}?(\d+)(?![\d/%])/g;
const TOTAL = /\btong so\b[^\d;]{0,30}?(\d+)(?![\d/%])/;

function levelOf(name: string): RatingLevel {
  if (name === "htxsnv" || name.includes("xuat sac")) return 0;
  if (name === "httnv" || name.includes(" tot")) return 1;
  if (name === "khtnv" || name.startsWith("khong")) return 3;
  return 2;
}

/**
 * The share at or above `floor` from the levels' counts in `text`: two levels or more, each named
 * once; over the total when one is written ("Tổng số 20 CBCC; HTXSNV 5, HTTNV 13, HTNV 2"), never
 * below the levels' sum, else over that sum, a level below the floor then among them. Null when
 * the text is not so written.
 */
export function ratingShare(text: string, floor: RatingLevel): DeclaredRatio | null {
  const folded = foldText(text);
  const counts = new Map<RatingLevel, number>();
  for (const m of folded.matchAll(LEVEL_FIGURE)) {
    const level = levelOf(m[1]!);
    if (counts.has(level)) return null;
    counts.set(level, Number(m[2]));
  }
  if (counts.size < 2) return null;
  const sum = [...counts.values()].reduce((a, b) => a + b, 0);
  const total = TOTAL.exec(folded.replace(LEVEL_FIGURE, " "));
  // Without a total, the levels below the floor must be written too: "HTXSNV: 5; HTTNV: 13" alone says nothing of the rest.
  if (!total && ![...counts.keys()].some((level) => level > floor)) return null;
  const whole = total ? Number(total[1]) : sum;
  if (whole <= 0 || whole < sum) return null;
  const part = [...counts].filter(([level]) => level <= floor).reduce((a, [, n]) => a + n, 0);
  return { percent: cleanPercent((part / whole) * 100), numerator: part, denominator: whole };
}
