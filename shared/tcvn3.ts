import type { Grid, GridCell, GridSheet } from "./grid.ts";

/**
 * Workbooks typed in TCVN3 (TCVN 5712:1993 "VN3", the ".VnTime" fonts older offices still
 * keep their templates in): Excel holds "§iÓm tù chÊm" where the font shows "Điểm tự chấm".
 * Read as it is, no header is found and no document cited. A sheet whose text is TCVN3 is
 * read as the Unicode it stands for; the sheet's name (the cells' addresses) is kept.
 *
 * The table is the standard one: lower-case letters with their tones (upper-case text in the
 * ".VnTimeH" fonts is stored with the same codes) and the seven upper-case base letters.
 */
const TCVN3_TO_UNICODE: Record<string, string> = {
  // a, ă, â with their tones
  "µ": "à", "¶": "ả", "·": "ã", "¸": "á", "¹": "ạ",
  "¨": "ă", "»": "ằ", "¼": "ẳ", "½": "ẵ", "¾": "ắ", "Æ": "ặ",
  "©": "â", "Ç": "ầ", "È": "ẩ", "É": "ẫ", "Ê": "ấ", "Ë": "ậ",
  "®": "đ",
  // e, ê
  "Ì": "è", "Î": "ẻ", "Ï": "ẽ", "Ð": "é", "Ñ": "ẹ",
  "ª": "ê", "Ò": "ề", "Ó": "ể", "Ô": "ễ", "Õ": "ế", "Ö": "ệ",
  // i
  "×": "ì", "Ø": "ỉ", "Ü": "ĩ", "Ý": "í", "Þ": "ị",
  // o, ô, ơ
  "ß": "ò", "á": "ỏ", "â": "õ", "ã": "ó", "ä": "ọ",
  "«": "ô", "å": "ồ", "æ": "ổ", "ç": "ỗ", "è": "ố", "é": "ộ",
  "¬": "ơ", "ê": "ờ", "ë": "ở", "ì": "ỡ", "í": "ớ", "î": "ợ",
  // u, ư
  "ï": "ù", "ñ": "ủ", "ò": "ũ", "ó": "ú", "ô": "ụ",
  "\u00ad": "ư", "õ": "ừ", "ö": "ử", "÷": "ữ", "ø": "ứ", "ù": "ự",
  // y
  "ú": "ỳ", "û": "ỷ", "ü": "ỹ", "ý": "ý", "þ": "ỵ",
  // upper-case base letters
  "¡": "Ă", "¢": "Â", "£": "Ê", "¤": "Ô", "¥": "Ơ", "¦": "Ư", "§": "Đ",
};

/**
 * Characters TCVN3 text is full of and Unicode Vietnamese never uses (the Latin-1 letters
 * Unicode Vietnamese does use — à, á, é, Ó, Ý … — are left out: they prove nothing).
 */
const SIGNATURE_CHARS = "¡¢£¤¥¦§¨©ª«¬®µ¶·¸¹»¼½¾ÆÇËÎÏÐÑÖ×ØÞßåæçëîïñöøûüþ\u00ad";
/** …inside a word ("t¸c", "®a"), never a lone symbol ("Điều 3 § 2", "2 × 3", "¶"). */
const SIGNATURE = new RegExp(`[A-Za-z][${SIGNATURE_CHARS}]|[${SIGNATURE_CHARS}][A-Za-z]`);
const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;
const HIGH_LATIN1 = /[\u00a0-\u00ff]/;
const TCVN3_CHAR = /[\u00a0-\u00ff]/g;

/** Text cells looked at to tell a sheet's encoding: enough for a title block and a header. */
const SAMPLE_CELLS = 400;
/** Cells with TCVN3's own characters needed, and more of them than Unicode Vietnamese cells. */
const MIN_TCVN3_CELLS = 3;
/** Unicode Vietnamese cells, with no TCVN3 one among them, that settle it. */
const UNICODE_ENOUGH = 10;

/** TCVN3 text → Unicode (NFC); characters outside the table are kept. */
export function fromTcvn3(text: string): string {
  return text.replace(TCVN3_CHAR, (c) => TCVN3_TO_UNICODE[c] ?? c);
}

/** Whether the sheet's text is TCVN3: its cells carry TCVN3's own characters, more than Unicode Vietnamese ones. */
export function isTcvn3Sheet(sheet: GridSheet): boolean {
  let tcvn3 = 0;
  let unicode = 0;
  let seen = 0;
  for (const row of sheet.rows) {
    for (const cell of row ?? []) {
      const v = cell?.v;
      if (typeof v !== "string" || (!HIGH_LATIN1.test(v) && !BEYOND_LATIN1.test(v))) continue;
      if (BEYOND_LATIN1.test(v)) unicode++;
      else if (SIGNATURE.test(v)) tcvn3++;
      // A Unicode sheet says so within its first cells: no need to read on.
      if (unicode >= UNICODE_ENOUGH && tcvn3 === 0) return false;
      if (++seen >= SAMPLE_CELLS) return tcvn3 >= MIN_TCVN3_CELLS && tcvn3 > unicode;
    }
  }
  return tcvn3 >= MIN_TCVN3_CELLS && tcvn3 > unicode;
}

const converted = new WeakMap<GridSheet, GridSheet>();

/**
 * The sheet as its user reads it: a TCVN3 sheet's text cells in Unicode (a cell that already
 * holds Unicode Vietnamese is left as it is), anything else unchanged (the same object).
 * Formulas, numbers and the sheet's name are never touched. Computed once per sheet.
 */
export function readableSheet(sheet: GridSheet): GridSheet {
  const known = converted.get(sheet);
  if (known) return known;
  let result = sheet;
  if (isTcvn3Sheet(sheet)) {
    const cellOf = (cell: GridCell | null): GridCell | null =>
      cell && typeof cell.v === "string" && HIGH_LATIN1.test(cell.v) && !BEYOND_LATIN1.test(cell.v)
        ? { ...cell, v: fromTcvn3(cell.v), ...(cell.w !== undefined ? { w: fromTcvn3(cell.w) } : {}) }
        : cell;
    result = { ...sheet, rows: sheet.rows.map((row) => (row ?? []).map(cellOf)) };
  }
  converted.set(sheet, result);
  return result;
}

/** Every sheet readable (see readableSheet); the same grid when no sheet is TCVN3. */
export function readableGrid(grid: Grid): Grid {
  const sheets = grid.sheets.map(readableSheet);
  return sheets.every((s, i) => s === grid.sheets[i]) ? grid : { ...grid, sheets };
}
