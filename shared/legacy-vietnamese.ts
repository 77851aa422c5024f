import type { GridCell, GridSheet } from "./grid.ts";

/**
 * Workbooks typed in the Vietnamese encodings before Unicode, which older offices still keep
 * their templates in: TCVN3 (TCVN 5712:1993 "VN3", the ".VnTime" fonts, mostly in the north)
 * and VNI Windows (the "VNI-Times" fonts, mostly in the south). Excel holds "§iÓm tù chÊm"
 * (TCVN3) or "Ñieåm töï chaám" (VNI) where the font shows "Điểm tự chấm". Read as it is, no
 * header is found and no document cited. A sheet whose text is in one of them is read as the
 * Unicode it stands for; the sheet's name (the cells' addresses) is kept.
 */
export type LegacyEncoding = "tcvn3" | "vni";

/**
 * TCVN3, one character a letter: lower-case letters with their tones (upper-case text in the
 * ".VnTimeH" fonts is stored with the same codes) and the seven upper-case base letters.
 */
const TCVN3_TO_UNICODE: Record<string, string> = {
  "µ": "à", "¶": "ả", "·": "ã", "¸": "á", "¹": "ạ",
  "¨": "ă", "»": "ằ", "¼": "ẳ", "½": "ẵ", "¾": "ắ", "Æ": "ặ",
  "©": "â", "Ç": "ầ", "È": "ẩ", "É": "ẫ", "Ê": "ấ", "Ë": "ậ",
  "®": "đ",
  "Ì": "è", "Î": "ẻ", "Ï": "ẽ", "Ð": "é", "Ñ": "ẹ",
  "ª": "ê", "Ò": "ề", "Ó": "ể", "Ô": "ễ", "Õ": "ế", "Ö": "ệ",
  "×": "ì", "Ø": "ỉ", "Ü": "ĩ", "Ý": "í", "Þ": "ị",
  "ß": "ò", "á": "ỏ", "â": "õ", "ã": "ó", "ä": "ọ",
  "«": "ô", "å": "ồ", "æ": "ổ", "ç": "ỗ", "è": "ố", "é": "ộ",
  "¬": "ơ", "ê": "ờ", "ë": "ở", "ì": "ỡ", "í": "ớ", "î": "ợ",
  "ï": "ù", "ñ": "ủ", "ò": "ũ", "ó": "ú", "ô": "ụ",
  "\u00ad": "ư", "õ": "ừ", "ö": "ử", "÷": "ữ", "ø": "ứ", "ù": "ự",
  "ú": "ỳ", "û": "ỷ", "ü": "ỹ", "ý": "ý", "þ": "ỵ",
  "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
};

/**
 * VNI Windows, a letter and the mark after it: tones sắc ù, huyền ø, hỏi û, ngã õ, nặng ï;
 * â/ê/ô as "aâ", "eâ", "oâ" with their tones á à å ã ä; ă as "aê" with é è ú ü ë; ơ and ư
 * are "ô" and "ö" (with the five tones); i and y have letters of their own for some tones;
 * đ is "ñ". Upper case is the same in capitals ("AÙ" Á, "Ñ" Đ). Lower-case keys here.
 */
const VNI_LETTERS: [string, string][] = [
  ["aù", "á"], ["aø", "à"], ["aû", "ả"], ["aõ", "ã"], ["aï", "ạ"],
  ["aâ", "â"], ["aá", "ấ"], ["aà", "ầ"], ["aå", "ẩ"], ["aã", "ẫ"], ["aä", "ậ"],
  ["aê", "ă"], ["aé", "ắ"], ["aè", "ằ"], ["aú", "ẳ"], ["aü", "ẵ"], ["aë", "ặ"],
  ["eù", "é"], ["eø", "è"], ["eû", "ẻ"], ["eõ", "ẽ"], ["eï", "ẹ"],
  ["eâ", "ê"], ["eá", "ế"], ["eà", "ề"], ["eå", "ể"], ["eã", "ễ"], ["eä", "ệ"],
  ["où", "ó"], ["oø", "ò"], ["oû", "ỏ"], ["oõ", "õ"], ["oï", "ọ"],
  ["oâ", "ô"], ["oá", "ố"], ["oà", "ồ"], ["oå", "ổ"], ["oã", "ỗ"], ["oä", "ộ"],
  ["ôù", "ớ"], ["ôø", "ờ"], ["ôû", "ở"], ["ôõ", "ỡ"], ["ôï", "ợ"], ["ô", "ơ"],
  ["uù", "ú"], ["uø", "ù"], ["uû", "ủ"], ["uõ", "ũ"], ["uï", "ụ"],
  ["öù", "ứ"], ["öø", "ừ"], ["öû", "ử"], ["öõ", "ữ"], ["öï", "ự"], ["ö", "ư"],
  ["í", "í"], ["ì", "ì"], ["æ", "ỉ"], ["ó", "ĩ"], ["ò", "ị"],
  ["yù", "ý"], ["yø", "ỳ"], ["yû", "ỷ"], ["yõ", "ỹ"], ["î", "ỵ"],
  ["ñ", "đ"],
];
const VNI_TO_UNICODE = new Map(VNI_LETTERS);
/** Two-character forms first, so that "ôù" is ớ before "ô" alone is ơ; any case ("AÙ", "Aù"). */
const VNI_FORM = new RegExp(
  VNI_LETTERS.map(([k]) => k)
    .sort((a, b) => b.length - a.length)
    .join("|"),
  "gi",
);

/** TCVN3's letters whose case the code tells: its upper-case base letters (the rest are lower-case codes). */
const TCVN3_CAPITALS = "¡¢£¤¥¦§";

/**
 * TCVN3 text → Unicode; characters outside the table are kept. TCVN3 has no upper-case toned
 * letters ("CÔNG T¸C" is typed with the lower-case "¸"), so a word with two or more letters
 * whose case is known, all capitals, is read in capitals: "CÔNG TÁC", "§¹O" → "ĐẠO"; "Tiªu"
 * stays "Tiêu", and "KÕ" (one known letter) stays "Kế".
 */
export function fromTcvn3(text: string): string {
  const words = text.split(/([^A-Za-z\u00a0-\u00ff]+)/);
  return words
    .map((word, i) => {
      if (i % 2 === 1) return word;
      const converted = word.replace(/[\u00a0-\u00ff]/g, (c) => TCVN3_TO_UNICODE[c] ?? c);
      const known = [...word].filter((c) => /[A-Za-z]/.test(c) || TCVN3_CAPITALS.includes(c));
      const capitals = known.length >= 2 && known.every((c) => TCVN3_CAPITALS.includes(c) || c === c.toUpperCase());
      return capitals ? converted.toUpperCase() : converted;
    })
    .join("");
}

/** VNI text → Unicode (NFC); characters outside the table are kept. */
export function fromVni(text: string): string {
  return text.replace(VNI_FORM, (form) => {
    const letter = VNI_TO_UNICODE.get(form.toLowerCase())!;
    // The letter's case is its first character's: "AÙ" and "Aù" are Á.
    return form[0] === form[0]!.toLowerCase() ? letter : letter.toUpperCase();
  });
}

const FROM: Record<LegacyEncoding, (text: string) => string> = { tcvn3: fromTcvn3, vni: fromVni };

/**
 * What gives each encoding away, inside a word ("t¸c", "®a"; "chaám", "ñònh"), never a lone
 * symbol ("Điều 3 § 2", "2 × 3"). TCVN3 writes a, ă, â, đ, ê, ô, ơ with characters
 * ¡–¾ that neither Unicode Vietnamese nor VNI uses; VNI writes đ, ư and most marks with
 * Latin-1 letters Unicode Vietnamese never uses (ñ ö ø û ï å ä ë ü æ î), and never ¡–¾.
 */
const TCVN3_MARK = "¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹»¼½¾";
const VNI_MARK = "ñöøûïåäëüæîÑÖØÛÏÅÄËÜÆÎ";
const inWord = (marks: string) => new RegExp(`[A-Za-z][${marks}]|[${marks}][A-Za-z]`);
const TCVN3_SIGN = inWord(TCVN3_MARK);
const VNI_SIGN = inWord(VNI_MARK);
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
const HIGH_LATIN1 = /[\u00a0-\u00ff]/;

/** Text cells looked at to tell a sheet's encoding: enough for a title block and a header. */
const SAMPLE_CELLS = 400;
/** Cells in one encoding needed, and more of them than Unicode Vietnamese cells. */
const MIN_LEGACY_CELLS = 3;
/** Unicode Vietnamese cells, with no legacy one among them, that settle it. */
const UNICODE_ENOUGH = 10;
/** Text cells of any kind looked at, at most (a sheet of ASCII codes tells nothing). */
const MAX_TEXT_CELLS = 5_000;

/** The legacy encoding a sheet's text is in, or null (Unicode, or no Vietnamese to tell by). */
export function legacyEncodingOf(sheet: GridSheet): LegacyEncoding | null {
  let tcvn3 = 0;
  let vni = 0;
  let unicode = 0;
  /** Cells with letters beyond ASCII, and text cells of any kind. */
  let seen = 0;
  let strings = 0;
  const verdict = (): LegacyEncoding | null => {
    const best = Math.max(tcvn3, vni);
    if (best < MIN_LEGACY_CELLS || best <= unicode) return null;
    return tcvn3 >= vni ? "tcvn3" : "vni";
  };
  for (const row of sheet.rows) {
    for (const cell of row ?? []) {
      const v = cell?.v;
      if (typeof v !== "string") continue;
      // A register of codes and plain ASCII text: stop looking after a bounded number of cells.
      if (++strings > MAX_TEXT_CELLS) return verdict();
      if (!HIGH_LATIN1.test(v) && !BEYOND_LATIN1.test(v)) continue;
      if (BEYOND_LATIN1.test(v)) unicode++;
      else if (TCVN3_SIGN.test(v)) tcvn3++;
      else if (VNI_SIGN.test(v)) vni++;
      // A Unicode sheet says so within its first cells: no need to read on.
      if (unicode >= UNICODE_ENOUGH && tcvn3 + vni === 0) return null;
      if (++seen >= SAMPLE_CELLS) return verdict();
    }
  }
  return verdict();
}

/** A sheet already in Unicode is remembered by this mark, never by itself (see readableSheet). */
const UNCHANGED = "unchanged";
const converted = new WeakMap<GridSheet, GridSheet | typeof UNCHANGED>();

/**
 * The sheet as its user reads it: a TCVN3 or VNI sheet's text cells in Unicode (a cell that
 * already holds Unicode Vietnamese is left as it is), anything else unchanged (the same
 * object). Formulas, numbers and the sheet's name are never touched. Computed once per sheet.
 */
export function readableSheet(sheet: GridSheet): GridSheet {
  const known = converted.get(sheet);
  if (known) return known === UNCHANGED ? sheet : known;
  const encoding = legacyEncodingOf(sheet);
  let result = sheet;
  if (encoding) {
    const from = FROM[encoding];
    const legacy = (text: string) => HIGH_LATIN1.test(text) && !BEYOND_LATIN1.test(text);
    const cellOf = (cell: GridCell | null): GridCell | null =>
      cell && typeof cell.v === "string" && legacy(cell.v) ? { ...cell, v: from(cell.v), ...(cell.w !== undefined ? { w: from(cell.w) } : {}) } : cell;
    result = { ...sheet, rows: sheet.rows.map((row) => (row ?? []).map(cellOf)) };
  }
  // Not the sheet itself as its own value: V8's young-generation collector keeps a WeakMap's
  // values alive while their keys are young, so every checked grid would outlive its check and
  // be copied into the old generation (the engine bench: 775 KB promoted at each minor GC).
  converted.set(sheet, result === sheet ? UNCHANGED : result);
  return result;
}
