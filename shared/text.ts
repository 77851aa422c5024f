/**
 * Text helpers for matching what people type in Vietnamese workbooks:
 * header labels and titles are compared without case, diacritics, line breaks or
 * extra spaces; unit names are sorted in Vietnamese dictionary order.
 */
import { textMemo } from "./text-memo.ts";

/**
 * Characters no one sees in a cell: Unicode's format characters (soft hyphen, zero-width space,
 * joiners, word joiner, direction marks, BOM) and the blanks drawn as nothing (combining grapheme
 * joiner, Mongolian vowel separator, Hangul fillers, braille blank). Text copied from Word and web
 * pages carries them; what the cell shows is the text without them.
 */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u180e\u2800\u3164\uffa0]/gu;
export const withoutInvisible = (s: string): string => s.replace(INVISIBLE, "");
/** Anything a reader sees: neither a blank nor an INVISIBLE character. */
const VISIBLE = /[^\s\p{Cf}\u034f\u115f\u1160\u180e\u2800\u3164\uffa0]/u;
/**
 * Whether a cell shows nothing: only blanks and characters no one sees — `withoutInvisible(s).trim() === ""`,
 * found at the first visible character instead of copying the whole text.
 */
export const looksBlank = (s: string): boolean => !VISIBLE.test(s);

/**
 * Full-width digits and punctuation ("０５／０１／２０２２", "；", "－"), as an IME left in full-width
 * mode or a pasted PDF gives them, as their ASCII forms (NFKC for these only: letters, and
 * letters with marks, stay as typed).
 */
export const foldFullWidth = (s: string): string =>
  s.replace(/[\uff01-\uff20\uff3b-\uff40\uff5b-\uff5e]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0));

/**
 * Soft hyphens (Word's optional hyphens paste as them), zero-width joiners, the word joiner and
 * the byte-order mark: taken out of a title, a unit's name or a decision's text (a zero-width
 * space is folded as a space there, by cleanText and foldText).
 */
export const HIDDEN_MARKS = /[\u00ad\u200c\u200d\u2060\ufeff]/g;

/**
 * The blanks `\s` matches, and the zero-width space: what cleanText and foldText fold to one
 * space (a test holds this to `/[\s\u00a0\u200b]/` for every UTF-16 unit).
 */
export function isBlankUnit(c: number): boolean {
  if (c < 0x80) return c === 32 || (c >= 9 && c <= 13);
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whether `s` has no blank to fold: none at either end, and only single ASCII spaces within. */
function blanksFolded(s: string): boolean {
  const n = s.length;
  if (n === 0) return true;
  if (isBlankUnit(s.charCodeAt(0)) || isBlankUnit(s.charCodeAt(n - 1))) return false;
  for (let i = 1; i < n - 1; i++) {
    const c = s.charCodeAt(i);
    if (c === 32 ? isBlankUnit(s.charCodeAt(i + 1)) : isBlankUnit(c)) return false;
  }
  return true;
}

/**
 * Text already in NFC whatever it holds: Latin letters precomposed (Vietnamese's included, from
 * U+00C0 to U+01B0 and U+1EA0 to U+1EF9) and no combining mark, none of which NFC changes.
 */
const LATIN_NFC = /^[\u0000-\u02ff\u1e00-\u1eff]*$/;

/** NFC, trimmed, inner whitespace (incl. line breaks, NBSP) folded to one space. */
export function cleanText(s: string): string {
  // Normalising costs more than the rest: skipped for text NFC leaves as it is (codes, numbers, Vietnamese typed precomposed).
  const nfc = LATIN_NFC.test(s) ? s : s.normalize("NFC");
  // Most cells are already clean: the same string back, not a copy.
  return blanksFolded(nfc) ? nfc : nfc.replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

/** Full-width forms foldFullWidth turns to ASCII. */
const isFullWidthUnit = (c: number): boolean => (c >= 0xff01 && c <= 0xff20) || (c >= 0xff3b && c <= 0xff40) || (c >= 0xff5b && c <= 0xff5e);

/**
 * Lowercase, no diacritics, đ → d, whitespace folded: for label and title matching.
 *
 * One pass over the NFD form (it is canonical whatever the input's form, so NFC and NFD inputs
 * fold alike): combining marks (U+0300–U+036F) and HIDDEN_MARKS dropped, Đ/đ and Ð/ð (the
 * Icelandic eth some fonts and keyboards give for Đ) as "d", full-width digits and punctuation
 * as ASCII, each run of blanks one space, none at the ends; then lowercased. It was six
 * `replace` passes, ~2,7× as long on the 88-criteria workbook's cells (bench/engine.bench.ts);
 * test/engine/text-fold.test.ts holds it to them.
 */
export function foldText(s: string): string {
  // The same titles, methods and evidence lines are folded by several readers, on every unit's
  // workbook of one template: remembered by their text (short ones; the memory stays bounded).
  return s.length > FOLD_MEMO_LENGTH ? foldOnce(s) : foldMemo(s);
}
const foldMemo = textMemo(4096, (s) => foldOnce(s));
const FOLD_MEMO_LENGTH = 256;

/**
 * The syllables Vietnamese writes with i or y alike ("tỉ lệ" / "tỷ lệ", "xử lí" / "xử lý", "kí số" /
 * "ký số", "qui định" / "quy định"): a lone ti, ki, li, mi, si, hi, qui of folded text.
 */
const I_FOR_Y = /\b(t|k|l|m|s|h|qu)i\b/g;
const spellOnce = (s: string): string => foldText(s).replace(I_FOR_Y, "$1y");
const spellMemo = textMemo(4096, spellOnce);
/**
 * foldText with the i-for-y syllables folded to their y: for texts two people may spell apart and
 * that are held against each other — a header label against the engine's patterns, a row's title
 * against the set's. Never for what is made from a name (a unit's id keeps foldText). Remembered
 * as foldText remembers: short texts only, so the memory stays bounded.
 */
export function foldSpelling(s: string): string {
  return s.length > FOLD_MEMO_LENGTH ? spellOnce(s) : spellMemo(s);
}

function foldOnce(s: string): string {
  const d = s.normalize("NFD");
  const units: number[] = [];
  let blank = false;
  for (let i = 0; i < d.length; i++) {
    let c = d.charCodeAt(i);
    if (c >= 0x300 && c <= 0x36f) continue;
    if (c === 0xad || c === 0x200c || c === 0x200d || c === 0x2060 || c === 0xfeff) continue;
    if (isBlankUnit(c)) {
      blank = units.length > 0;
      continue;
    }
    if (c === 0x111 || c === 0x110 || c === 0xf0 || c === 0xd0) c = 0x64;
    else if (isFullWidthUnit(c)) c -= 0xfee0;
    if (blank) units.push(32), (blank = false);
    units.push(c);
  }
  let out = "";
  // In slices: a cell may hold 32,767 characters, more than a call's arguments may be.
  for (let i = 0; i < units.length; i += 4096) out += String.fromCharCode(...units.slice(i, i + 4096));
  return out.toLowerCase();
}

// Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
// Letters built with a breve, circumflex or horn (and đ) are distinct letters (primary
// difference); the five tone marks are secondary; case is tertiary.
const LETTER_MODIFIERS: Record<string, string> = { "\u0306": "1", "\u0302": "2", "\u031b": "3" };
const TONES: Record<string, string> = {
  "\u0300": "1", // huyền
  "\u0309": "2", // hỏi
  "\u0303": "3", // ngã
  "\u0301": "4", // sắc
  "\u0323": "5", // nặng
};

/**
 * One string whose plain comparison is Vietnamese dictionary order: letters (with ă â đ ê ô
 * ơ ư as letters of their own), then tones, then case. The parts are joined by U+0000,
 * which sorts below every character they contain, so the letters decide first. A run of
 * digits is its number, as lists of wards are read ("Phường 2" < "Phường 10"): its length
 * without padding zeros, then its digits; the zeros it was padded with decide last
 * ("Phường 2" < "Phường 02"), so that no two names written differently tie.
 */
export function vietnameseSortKey(s: string): string {
  let primary = "";
  let secondary = "";
  let tertiary = "";
  let padding = "";
  const chars = Array.from(cleanText(s).normalize("NFD"));
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (/[\u0300-\u036f]/.test(ch)) continue;
    if (/\d/.test(ch)) {
      let end = i;
      while (end + 1 < chars.length && /\d/.test(chars[end + 1]!)) end++;
      const run = chars.slice(i, end + 1).join("");
      const digits = run.replace(/^0+(?=\d)/, "");
      // Lengths past 40 digits (no name has them) are compared as 40: the marker stays below the letters.
      primary += String.fromCharCode(0x30 + Math.min(digits.length, 40)) + digits;
      secondary += "0".repeat(digits.length);
      tertiary += "0".repeat(digits.length);
      padding += String.fromCharCode(0x30 + Math.min(run.length - digits.length, 40));
      i = end;
      continue;
    }
    const lower = ch.toLowerCase();
    // "Ð" (U+00D0, the Icelandic eth) and "Ɖ" (U+0189) look like "Đ" and are typed for it from some keyboards and fonts.
    let letter = lower === "đ" || lower === "ð" || lower === "ɖ" ? "d9" : `${lower}0`;
    let tone = "0";
    for (let j = i + 1; j < chars.length && /[\u0300-\u036f]/.test(chars[j]!); j++) {
      const mark = chars[j]!;
      if (LETTER_MODIFIERS[mark]) letter = `${lower}${LETTER_MODIFIERS[mark]}`;
      else if (TONES[mark]) tone = TONES[mark];
    }
    primary += letter;
    secondary += tone;
    tertiary += ch === lower ? "0" : "1";
  }
  return `${primary}\u0000${secondary}\u0000${tertiary}\u0000${padding}`;
}

export function compareSortKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Vietnamese dictionary comparison: An Giang < Dĩ An < Đà Nẵng < Đắk Lắk < Điện Biên. */
export function compareVietnamese(a: string, b: string): number {
  return compareSortKeys(vietnameseSortKey(a), vietnameseSortKey(b));
}
