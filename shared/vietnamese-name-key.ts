import { cleanText, foldFullWidth, HIDDEN_MARKS } from "./text.ts";

/**
 * When two unit names are the same name: what a person reading them would say. Offices type
 * one name several ways — NFC or NFD (Unikey's settings, text pasted from a PDF), extra
 * spaces, capitals ("XÃ ĐỒNG TÂM" on a seal), Ð or Ɖ (look-alikes some fonts give) for Đ,
 * and the tone mark on either vowel of oa, oe, uy (the "old" Thủy, Hòa, Họa, Khỏe, Úy and the
 * "new" Thuỷ, Hoà, Hoạ, Khoẻ, Uý, both in official use), or on the u of qu ("Qúy"). A syllable
 * carries one tone whichever letter it is written on, so the key keeps each syllable's letters
 * (with their breve, circumflex and horn: "Thủy", "Thúy" and "Thuy" stay three names) and moves
 * its tone to the syllable's end. Punctuation is not part of a name: Excel and Word turn ' into ’
 * on their own, and the Central Highlands' names are written "Ea H'Leo", "Ea H’Leo" and "Ea-H'Leo",
 * "Ea Kao" and "Ea-Kao" (API6-6), so apostrophes (' ’ ‘ ʼ ´), hyphens and dashes, quotes, brackets
 * and commas or stops count as a space — letters and digits decide ("Ea H'Leo" and "Ea Hleo"
 * stay two, as "Phường 1/5" and "Phường 15" do). A run of digits is read as its number: one decision
 * writes "Phường 1", another table "Phường 01", and Excel pads or keeps the zero by the cell's
 * format (API7-7), so leading zeros are dropped ("Phường 10" stays Phường 10); full-width digits
 * ("Phường ２", an IME left in full-width mode) are those digits. After a consonant, a syllable's
 * one vowel i or y is a spelling convention — school texts write "Kì", "Mĩ", "Lí", "Qui",
 * place-name lists "Kỳ", "Mỹ", "Lý", "Quy" — so the key writes it i; after a vowel y belongs to
 * another rhyme ("Huy", "Thủy", "Tây" stay). Used for "is this unit there already" (POST /v1/units, a
 * merge's new unit, a units sheet's rows and parents); never shown, never stored: names are
 * kept as typed (NFC, spaces folded).
 */
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/;
const LETTER_OR_MARK = /[\p{L}\p{M}]/u;
/** Punctuation, and the apostrophe look-alikes Unicode files as letters or symbols (ʼ ʻ ´ ` ′) and the minus sign. */
const PUNCTUATION = /[\p{P}\u02b9-\u02bc\u00b4\u0060\u2032\u2212]/gu;

/** Zeros leading a run of digits ("01", "003"), not the run's last digit ("0" stays). */
const LEADING_ZEROS = /(?<!\d)0+(?=\d)/g;

/** A syllable of consonants (or "qu") and one y, its tone after it as the key puts it: "ky", "mỹ" → the i of "kì", "mĩ". */
const FINAL_Y = /(?<![\p{L}\p{M}])([bcdđghklmnprstvx]+|qu)y(?=[\u0300\u0301\u0303\u0309\u0323]?(?![\p{L}\p{M}]))/gu;

export function vietnameseNameKey(name: string): string {
  const chars = Array.from(cleanText(foldFullWidth(name).replace(HIDDEN_MARKS, "").replace(PUNCTUATION, " ").replace(LEADING_ZEROS, "")).replace(/[ðÐɖƉ]/g, "đ").toLocaleLowerCase("vi").normalize("NFD"));
  let key = "";
  let tones = "";
  for (const ch of chars) {
    if (TONE_MARKS.test(ch)) {
      tones += ch;
      continue;
    }
    // A syllable ends at the first character that is neither a letter nor a mark: its tone follows it.
    if (!LETTER_OR_MARK.test(ch)) {
      key += tones;
      tones = "";
    }
    key += ch;
  }
  return (key + tones).replace(FINAL_Y, "$1i").normalize("NFC");
}

/** Are two unit names one name (vietnameseNameKey)? */
export const sameUnitName = (a: string, b: string): boolean => vietnameseNameKey(a) === vietnameseNameKey(b);
