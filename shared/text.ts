/**
 * Text helpers for matching what people type in Vietnamese workbooks:
 * header labels and titles are compared without case, diacritics, line breaks or
 * extra spaces; unit names are sorted in Vietnamese dictionary order.
 */

const COMBINING_MARKS = /[\u0300-\u036f]/g;

/**
 * Characters no one sees in a cell: Unicode's format characters (soft hyphen, zero-width space,
 * joiners, word joiner, direction marks, BOM) and the blanks drawn as nothing (combining grapheme
 * joiner, Mongolian vowel separator, Hangul fillers, braille blank). Text copied from Word and web
 * pages carries them; what the cell shows is the text without them.
 */
const INVISIBLE = /[\p{Cf}\u034f\u115f\u1160\u180e\u2800\u3164\uffa0]/gu;
export const withoutInvisible = (s: string): string => s.replace(INVISIBLE, "");

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

/** NFC, trimmed, inner whitespace (incl. line breaks, NBSP) folded to one space. */
export function cleanText(s: string): string {
  // Codes and numbers are ASCII: skip Unicode normalisation, which costs more than the rest.
  const nfc = /[^\x00-\x7f]/.test(s) ? s.normalize("NFC") : s;
  return nfc.replace(/[\s\u00a0\u200b]+/g, " ").trim();
}

/** Lowercase, no diacritics, đ → d, whitespace folded: for label and title matching. */
export function foldText(s: string): string {
  // NFD alone is canonical whatever the input's form, so NFC and NFD inputs fold alike; full-width digits are digits.
  return foldFullWidth(s)
    .normalize("NFD")
    .replace(COMBINING_MARKS, "")
    // Ð (U+00D0, the Icelandic eth) is what some fonts and keyboards give for Đ.
    .replace(/[đĐðÐ]/g, "d")
    // Soft hyphens, joiners and word joiners no one sees are not there.
    .replace(HIDDEN_MARKS, "")
    .replace(/[\s\u00a0\u200b]+/g, " ")
    .trim()
    .toLowerCase();
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
 * which sorts below every character they contain, so the letters decide first.
 */
export function vietnameseSortKey(s: string): string {
  let primary = "";
  let secondary = "";
  let tertiary = "";
  const chars = Array.from(cleanText(s).normalize("NFD"));
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (/[\u0300-\u036f]/.test(ch)) continue;
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
  return `${primary}\u0000${secondary}\u0000${tertiary}`;
}

export function compareSortKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Vietnamese dictionary comparison: An Giang < Dĩ An < Đà Nẵng < Đắk Lắk < Điện Biên. */
export function compareVietnamese(a: string, b: string): number {
  return compareSortKeys(vietnameseSortKey(a), vietnameseSortKey(b));
}
