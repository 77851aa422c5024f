import type { CriteriaNode } from "./criteria-tree.ts";
import { stripTitleCode } from "./codes.ts";
import { foldSpelling } from "./text.ts";

/**
 * Sub-criteria written without a code under their criterion: a bullet before the title ("- Ban
 * hành kế hoạch CCHC năm đúng thời hạn", "+ …", "• …") or in the code column, or the code cell
 * left blank — their title said as the set says it, or shortened as offices shorten titles ("…
 * xin lỗi người dân" for "… người dân, tổ chức", "… khai sinh, thường trú, BHYT"). Such a row is
 * one of the children of the criterion over it, never another criterion's: the title is the
 * child's own (folded), or — on a row with points, so that a breakdown line ("- Số nhiệm vụ được
 * giao: 28") or a document cited under the criterion stays what it is — nearly all of its words are
 * the child's (CONTAINED) and most of the two titles' words shared (DICE), clearly more than with
 * any other child (MARGIN).
 */
const CONTAINED = 0.8;
const DICE = 0.6;
const MARGIN = 0.1;
const MIN_WORDS = 3;

/** A bullet before a title: "-", "+", "•", "–", "*", "○", "▪" … with or without a space. */
const BULLET = /^\s*[-+•·∙*–—○●▪►]+\s*/u;
/** What closes a title before the rest of its cell: "Ban hành kế hoạch:" … */
const TRAILING = /[\s.:;,]+$/;

const foldedTitle = (title: string): string => foldSpelling(stripTitleCode(title.replace(BULLET, ""))).replace(TRAILING, "");

/** Abbreviations titles use one way or the other ("CCHC", "cải cách hành chính"): compared spelt out. */
const ABBREVIATIONS: Record<string, string> = {
  cchc: "cai cach hanh chinh",
  tthc: "thu tuc hanh chinh",
  bhyt: "bao hiem y te",
  ubnd: "uy ban nhan dan",
  hdnd: "hoi dong nhan dan",
  cntt: "cong nghe thong tin",
  cbcc: "can bo cong chuc",
  cbccvc: "can bo cong chuc vien chuc",
  vbqppl: "van ban quy pham phap luat",
  dvc: "dich vu cong",
};

/** A title's folded words, abbreviations spelt out, numbers left out (a year, "dưới 6 tuổi" shortened away). */
function wordsOf(folded: string): Set<string> {
  const words = new Set<string>();
  for (const w of folded.split(/[^\p{L}\p{N}]+/u)) {
    if (w === "" || /^\d+$/.test(w)) continue;
    for (const part of (ABBREVIATIONS[w] ?? w).split(" ")) words.add(part);
  }
  return words;
}

/** Each criterion's folded title and its words (a set is a value: computed once a node). */
const nodeTitles = new WeakMap<CriteriaNode, { folded: string; words: Set<string> }>();
function titleOf(node: CriteriaNode): { folded: string; words: Set<string> } {
  let t = nodeTitles.get(node);
  if (!t) {
    const folded = foldedTitle(node.title);
    nodeTitles.set(node, (t = { folded, words: wordsOf(folded) }));
  }
  return t;
}

/**
 * The criterion a row without a code is by its title: a child of `enclosing` (the criterion over
 * the row), else of a criterion over that (the next criterion after a criterion's last
 * sub-criterion), among those `open` allows (neither matched yet nor carrying their code on another
 * row); or null. `withPoints`: whether the row holds a maximum or a score, which a shortened title
 * needs (asked only then).
 */
export function childNamedBy(enclosing: CriteriaNode, rowTitle: string, open: (node: CriteriaNode) => boolean, withPoints: () => boolean): CriteriaNode | null {
  const folded = foldedTitle(rowTitle);
  if (folded === "") return null;
  for (let parent: CriteriaNode | null = enclosing; parent !== null; parent = parent.parent) {
    const child = namedAmong(parent.children.filter(open), folded, withPoints);
    if (child) return child;
  }
  return null;
}

function namedAmong(candidates: readonly CriteriaNode[], folded: string, withPoints: () => boolean): CriteriaNode | null {
  if (candidates.length === 0) return null;
  const same = candidates.find((c) => titleOf(c).folded === folded);
  if (same) return same;
  const words = wordsOf(folded);
  if (words.size < MIN_WORDS || !withPoints()) return null;
  let best: CriteriaNode | null = null;
  let bestDice = 0;
  let second = 0;
  for (const child of candidates) {
    const own = titleOf(child).words;
    let shared = 0;
    for (const w of words) if (own.has(w)) shared++;
    const dice = (2 * shared) / (words.size + own.size);
    if (dice > bestDice) (second = bestDice), (bestDice = dice), (best = shared / words.size >= CONTAINED ? child : null);
    else if (dice > second) second = dice;
  }
  return best && bestDice >= DICE && bestDice - second >= MARGIN ? best : null;
}
