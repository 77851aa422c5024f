import { cleanText } from "./text.ts";

/**
 * Criterion codes as offices write them: in their own column ("2.1.1", "II", "a"), or at
 * the start of the title ("2.1.1. Ban hành…", "II. CẢI CÁCH…", "a) Ban hành…").
 * Numbers later in a title ("Nghị định 61/2018/NĐ-CP") are never codes.
 */
export type CodeToken =
  | { kind: "dotted"; code: string }
  | { kind: "roman"; n: number }
  | { kind: "letter"; n: number };

const ROMAN_VALUES: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

export function parseRoman(s: string): number | null {
  const u = s.toUpperCase();
  if (!/^(L?X{0,3})(IX|IV|V?I{0,3})$/.test(u) || u === "") return null;
  let total = 0;
  for (let i = 0; i < u.length; i++) {
    const v = ROMAN_VALUES[u[i]!]!;
    const next = ROMAN_VALUES[u[i + 1] ?? ""] ?? 0;
    total += v < next ? -v : v;
  }
  return total > 0 ? total : null;
}

function normaliseDotted(s: string): string | null {
  const m = /^(\d{1,3}(?:\.\d{1,3}){0,4})\.?$/.exec(s);
  if (!m) return null;
  return m[1]!.split(".").map((part) => String(Number(part))).join(".");
}

/** A whole code cell: "2.1.1", "2.1.1.", "II", "II.", "a", "a)". */
export function readCodeCell(text: string): CodeToken | null {
  const s = cleanText(text).replace(/^(tiêu chí|tc|lĩnh vực)\s*/iu, "");
  if (s === "") return null;
  const dotted = normaliseDotted(s);
  if (dotted) return { kind: "dotted", code: dotted };
  const roman = /^([IVXLivxl]+)[.)]?$/.exec(s);
  if (roman) {
    const n = parseRoman(roman[1]!);
    if (n !== null && roman[1] === roman[1]!.toUpperCase()) return { kind: "roman", n };
  }
  const letter = /^([a-zđ])[.)]?$/u.exec(s);
  if (letter && letterIndex(letter[1]!) > 0) return { kind: "letter", n: letterIndex(letter[1]!) };
  return null;
}

// Vietnamese lists run a, b, c, d, đ, e, g, h, i, k …
const VIETNAMESE_LIST_LETTERS = "abcdđeghiklmnopqrstuvxy";
function letterIndex(letter: string): number {
  return VIETNAMESE_LIST_LETTERS.indexOf(letter) + 1;
}

/** A code at the start of a title, followed by a separator and more text. */
/** A title can start with a code only if it starts with a digit, a Roman numeral, a list letter or "Tiêu chí"/"Lĩnh vực". */
const MAY_START_WITH_CODE = /^\s*(\d|[IVXLivxl]|[a-zđ]\)|t|l)/iu;

export function readTitleCode(title: string): CodeToken | null {
  if (!MAY_START_WITH_CODE.test(title)) return null;
  // A code sits in the first characters: cleaning the whole (long) title is wasted work.
  const s = cleanText(title.slice(0, 48)).replace(/^(tiêu chí thành phần|tiêu chí|lĩnh vực)\s+(?=[\dIVX])/iu, "");
  const dotted = /^(\d{1,3}(?:\.\d{1,3}){0,4})(?:\.\s*|\)\s*|:\s*|\s+-\s*|\s+)(?=\S)/u.exec(s);
  if (dotted && !/^\d+(?:\.\d+)*[.]?\d*\//.test(s)) {
    const code = normaliseDotted(dotted[1]!);
    if (code) return { kind: "dotted", code };
  }
  const roman = /^([IVXL]+)(?:\.|\)|:|\s+-)\s*(?=\S)/.exec(s) ?? /^([IVXL]+)\s+(?=[\p{Lu}])/u.exec(s);
  if (roman) {
    const n = parseRoman(roman[1]!);
    if (n !== null) return { kind: "roman", n };
  }
  const letter = /^([a-zđ])\)\s*(?=\S)/u.exec(s);
  if (letter && letterIndex(letter[1]!) > 0) return { kind: "letter", n: letterIndex(letter[1]!) };
  return null;
}

/** The title without its leading code ("2.1.1. Ban hành…" → "Ban hành…"). */
export function stripTitleCode(title: string): string {
  return cleanText(title)
    .replace(/^(tiêu chí thành phần|tiêu chí|lĩnh vực)\s+(?=[\dIVX])/iu, "")
    .replace(/^(\d{1,3}(?:\.\d{1,3}){0,4}|[IVXL]+|[a-zđ])(?:\.|\)|:|\s+-)?\s+/u, "")
    .trim();
}

/**
 * Turn the tokens of a table's rows into full dotted codes. Roman sections name fields;
 * when numbers under section N do not start with N (local numbering "II / 1 / 2"), they
 * are read as children of the section; letters are children of the last numbered row.
 */
export function resolveCodes(tokens: (CodeToken | null)[]): (string | null)[] {
  const localNumbering = usesLocalNumbering(tokens);
  let field: string | null = null;
  let lastNumbered: string | null = null;
  return tokens.map((token) => {
    if (!token) return null;
    if (token.kind === "roman") {
      field = String(token.n);
      lastNumbered = field;
      return field;
    }
    if (token.kind === "dotted") {
      const code = localNumbering && field ? `${field}.${token.code}` : token.code;
      lastNumbered = code;
      return code;
    }
    return lastNumbered ? `${lastNumbered}.${token.n}` : null;
  });
}

function usesLocalNumbering(tokens: (CodeToken | null)[]): boolean {
  let section: number | null = null;
  for (const token of tokens) {
    if (token?.kind === "roman") section = token.n;
    else if (token?.kind === "dotted" && section !== null && token.code.split(".")[0] !== String(section)) return true;
  }
  return false;
}
