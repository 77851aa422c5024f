import { toCents } from "./decimal.ts";
import { splitClauses, type MethodLine } from "./import-criteria-clauses.ts";
import type { TableRow } from "./locate-table.ts";
import { cleanText } from "./text.ts";

/**
 * Where a decision writes a criterion's options other than in a method column: inside the
 * criterion's own title cell, or as a numbered list of rows under it; and the headings
 * (part rows in capitals) that are neither criteria nor options.
 */
/**
 * A title typed in capitals ("ĐIỂM TỰ ĐÁNH GIÁ"): a heading, never an option. Its points may
 * follow in lower case ("ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (30 điểm)", "… (tối đa 3 điểm)", ": 30
 * điểm"): they are no words of the title, so they do not hide its capitals (IMP7-2, IMP7-3).
 */
export function isHeading(title: string): boolean {
  // A bullet or dash line ("- KHÔNG BAN HÀNH", "+ …", "• …") is an option or a part of the
  // criterion above it whatever its case: capitals there stress a word, they head nothing (WB22-8).
  if (OPTION_BULLET.test(title)) return false;
  const words = title.replace(HEADING_POINTS, "").trim();
  return /\p{Lu}.*\p{Lu}/u.test(words) && words === words.toUpperCase();
}

/** What opens an option line: a dash, a plus, a bullet. */
const OPTION_BULLET = /^\s*[-+•◦▪●–—]/u;

/** Points written after a heading's words: "(30 điểm)", "(tối đa 3 điểm)", "- 30 điểm". */
export const HEADING_POINTS = /\s*(?:\(\s*(?:tối đa\s*|không quá\s*)?[\d.,]+\s*điểm\s*\)|[:\-–]\s*(?:tối đa\s*)?[\d.,]+\s*điểm)\s*$/iu;

/**
 * "Ban hành kế hoạch CCHC năm\n- Ban hành kịp thời: 1 điểm\n- …" with no method beside it:
 * the title is the first line, the lines that name points are the method.
 */
export function optionsInTitle(raw: string, cell: string): { title: string; method: MethodLine } | null {
  const [first, ...rest] = raw.split(/\r?\n/).map(cleanText).filter(Boolean);
  if (first === undefined) return null;
  if (rest.length === 0) return optionsInLine(first, cell);
  const method: MethodLine = { text: rest.join("\n"), cell };
  return splitClauses([method]).some((c) => c.points !== null) ? { title: first, method } : null;
}

/**
 * On one line: "Ban hành kế hoạch (đúng hạn: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm)",
 * "Ban hành kế hoạch CCHC năm. Đúng hạn: 1 điểm; chậm: …": the words before the bracket or the
 * full stop are the title when what follows names points in two clauses or more (one, "(tối đa
 * 2 điểm)", is a label, not a method). They had been the title whole and the leaf scored freely.
 */
function optionsInLine(line: string, cell: string): { title: string; method: MethodLine } | null {
  const bracket = /^(.*?\S)\s*\(([^()]+)\)\s*[.;]?$/u.exec(line);
  const sentence = bracket ? null : /^(.*?[^\d\s])\.\s+(\p{Lu}.*)$/u.exec(line);
  const [, title, text] = bracket ?? sentence ?? [];
  if (title === undefined || text === undefined) return null;
  const method: MethodLine = { text, cell };
  const pointed = (t: string) => splitClauses([{ text: t, cell }]).filter((c) => c.points !== null).length;
  return pointed(text) >= 2 && pointed(title) === 0 ? { title, method } : null;
}

/**
 * "1. Ban hành kịp thời | 1", "2. … | 0,5" typed in the title column under a criterion coded
 * in the code column: a list restarting at 1 whose points are alternatives (a 0 among them,
 * or the criterion's max without adding up to it) is its options, not criteria
 * "1", "2" …. Headings (capitals) are never options, nor own any.
 */
export function numberedOptions(located: TableRow[], codeText: (r: number) => string, maxAt: (r: number) => number | null): Set<number> {
  const options = new Set<number>();
  for (let i = 0; i < located.length; i++) {
    const owner = located[i]!;
    if (!codeText(owner.r) || isHeading(owner.title)) continue;
    let end = i + 1;
    for (; end < located.length; end++) {
      const row = located[end]!;
      if (codeText(row.r) || isHeading(row.title) || row.token?.kind !== "dotted" || row.token.code !== String(end - i)) break;
    }
    const points = located.slice(i + 1, end).map((row) => maxAt(row.r));
    const max = maxAt(owner.r);
    const top = Math.max(...points.map((p) => p ?? 0));
    const sum = points.reduce<number>((acc, p) => acc + toCents(p ?? 0), 0);
    const alternatives = points.some((p) => p === 0) || (max !== null && top === max && sum !== toCents(max));
    if (points.length < 2 || !alternatives || (max !== null && top > max)) continue;
    for (const row of located.slice(i + 1, end)) options.add(row.r);
    i = end - 1;
  }
  return options;
}
