import type { CriteriaIndex, CriteriaNode } from "./criteria-tree.ts";

/**
 * Last year's template against this year's set: the code column decides which criterion a row
 * is (CRITERIA-FORMAT), but when codes moved between years a row's code names one criterion
 * and its title plainly another — "Tỷ lệ phản ánh, kiến nghị …" under code 1.2, which is
 * "liên thông" this year. Such a row is said (TITLE_OF_OTHER_CRITERION) and still scored by
 * its code. Plainly: the title shares most of its words with the other criterion's (Dice ≥ 0.8
 * over their syllables) and few with its own (< 0.5), by a wide margin (0.4). A title reworded,
 * shortened or blank says nothing. Syllables keep their marks ("lệ" is not "le"): both titles
 * are Vietnamese as typed.
 */
const OWN_AT_MOST = 0.5;
const OTHER_AT_LEAST = 0.8;
const MARGIN = 0.4;
/** Rows compared with every criterion, at most, per scoring: a table whose titles are all strangers is another table, and the work stays linear. */
const SEARCHES_PER_SCORING = 20;

/**
 * A title's syllables, lowercased, without numbers (its code, a year): cheap, as it runs on
 * every row. Titles are NFC once read (cleanText); a decomposed one is composed here.
 */
const SEPARATORS = /[\s,.;:!?()[\]{}"'“”‘’\/\\+*=<>%–—-]+/;
const DIGITS = /^\d+$/;
const COMBINING = /[\u0300-\u036f]/;
function syllables(title: string): Set<string> {
  const text = COMBINING.test(title) ? title.normalize("NFC") : title;
  const words = new Set<string>();
  for (const w of text.toLowerCase().split(SEPARATORS)) if (w !== "" && !DIGITS.test(w)) words.add(w);
  return words;
}

function dice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** The syllables of each criterion's title, per set (a set is a value: computed once). */
const titleWords = new WeakMap<CriteriaIndex, Map<CriteriaNode, Set<string>>>();
function wordsOfNode(index: CriteriaIndex, node: CriteriaNode): Set<string> {
  let words = titleWords.get(index);
  if (!words) titleWords.set(index, (words = new Map()));
  let w = words.get(node);
  if (!w) words.set(node, (w = syllables(node.title)));
  return w;
}

export class TitleCheck {
  private searches = 0;
  constructor(private readonly index: CriteriaIndex) {}

  /** The criterion a row's title plainly is when it is not the one its code names, else null. */
  otherCriterion(node: CriteriaNode, rowTitle: string): CriteriaNode | null {
    // Most rows carry their criterion's title as the set writes it.
    if (rowTitle === node.title || rowTitle === "") return null;
    const words = syllables(rowTitle);
    if (words.size < 3) return null;
    const own = dice(words, wordsOfNode(this.index, node));
    if (own >= OWN_AT_MOST || this.searches >= SEARCHES_PER_SCORING) return null;
    this.searches++;
    let best: CriteriaNode | null = null;
    let bestScore = 0;
    for (const other of this.index.nodes) {
      if (other === node) continue;
      const s = dice(words, wordsOfNode(this.index, other));
      if (s > bestScore) (best = other), (bestScore = s);
    }
    return best && bestScore >= OTHER_AT_LEAST && bestScore - own >= MARGIN ? best : null;
  }
}
