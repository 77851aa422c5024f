import { cleanText, foldText } from "./text.ts";
import { textMemo } from "./text-memo.ts";

/**
 * Criterion codes as offices write them: in their own column ("2.1.1", "II", "a"), or at
 * the start of the title ("2.1.1. Ban hành…", "II. CẢI CÁCH…", "a) Ban hành…"), or as words
 * ("Lĩnh vực II", "Tiêu chí 2", "Chỉ tiêu 1", "TCTP 1.1", "Tiêu chí thành phần 1.1").
 * Numbers later in a title ("Nghị định 61/2018/NĐ-CP") are never codes.
 */
export type CodeToken =
  | { kind: "dotted"; code: string }
  | { kind: "roman"; n: number }
  | { kind: "letter"; n: number }
  /** A word label: its level (1 lĩnh vực, 2 tiêu chí, 3 chỉ tiêu / tiêu chí thành phần) and its number as written ("1", "1.1"). */
  | { kind: "word"; level: 1 | 2 | 3; label: string };

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
  // Parts without a leading zero are already as Number would write them ("1.02" → "1.2").
  return /(?:^|\.)0\d/.test(m[1]!) ? m[1]!.split(".").map((part) => String(Number(part))).join(".") : m[1]!;
}

/**
 * A dotted code typed loosely in a code cell: "1,1" and "1,1,2" (the decimal comma's habit),
 * "1. 1" (a stray space), "1.1)" or "1.1:", and "II.3" / "I.1.2" (the field's Roman numeral
 * before the criterion's number: field II's criterion 3 is "2.3"). Only a whole code cell:
 * in a title "1,5 điểm" or "I.1" could be anything.
 */
function looseDotted(s: string): string | null {
  let t = s.replace(/\s*([.,])\s*/g, "$1").replace(/[):]$/, "");
  const roman = /^([IVXL]+)\.(?=\d)/.exec(t);
  if (roman) {
    const n = parseRoman(roman[1]!);
    if (n === null) return null;
    t = `${n}${t.slice(roman[1]!.length)}`;
  }
  // Parts of one or two digits: "1,250,000" is an amount, never a code.
  if (/^\d{1,3}(?:,\d{1,2}){1,4},?$/.test(t)) t = t.replace(/,/g, ".");
  return normaliseDotted(t);
}

/**
 * Word labels, the more specific first ("tiêu chí thành phần" before "tiêu chí"), as offices
 * type them: with their marks, or with none at all (Unikey switched off: "Tieu chi 1", "Linh vuc
 * I"), abbreviated ("TC", "TCTP", "T.chí", "LV"), with "số" or "thứ" before the number ("Tiêu chí
 * số 1", "Lĩnh vực thứ nhất"). A label is typed whole with its own marks or whole without: "Chi
 * tiêu 2 tỷ đồng" (spending) is never "Chỉ tiêu 2" (WB22-15). So are "số" and "thứ": "so"/"thu"
 * only after a label typed without marks ("Tieu chi thu hai"), either after an abbreviation,
 * which has no marks to tell — "Chỉ tiêu thu năm 2024" is a revenue target, never "Chỉ tiêu 5"
 * (RD27-2); a marked "số"/"thứ" after a label typed without marks reads ("Tieu chi số 1", RD29-4).
 */
const LABEL_WORDS: [string[], 1 | 2 | 3][] = [
  [["lĩnh vực", "lv"], 1],
  [["tiêu chí thành phần", "tiêu chí tp", "tctp", "chỉ tiêu", "chỉ số thành phần"], 3],
  [["tiêu chí", "t.chí", "tc"], 2],
];
/** A phrase's pattern: its words apart by any spacing, "t.chí" also "t. chí", never inside a longer word. */
const phrasePattern = (phrase: string): string =>
  phrase.split(/(?<=\.)|\s+/).map((w) => w.replace(".", "\\.")).join("\\s*") + "(?![\\p{L}])";
/** The phrases, then "số"/"thứ" (or their unmarked forms) before the number. */
const phrasesWith = (phrases: string[], words: string): string =>
  phrases.length === 0 ? "" : `(?:${phrases.map(phrasePattern).join("|")})(?:\\s*(?:${words})(?![\\p{L}])\\.?)?`;
const WORD_LABELS: [RegExp, 1 | 2 | 3][] = LABEL_WORDS.map(([phrases, level]) => {
  // The marked phrases and the same without marks: an ASCII pattern matches only a label typed
  // with no mark at all, so a half-marked "Chi tiêu" matches neither.
  const marked = phrases.filter((p) => foldText(p) !== p);
  const abbreviations = phrases.filter((p) => foldText(p) === p);
  // Words without marks may meet a marked "số"/"thứ" (the input method switched on mid-label,
  // "Tieu chi số 1", RD29-4); marked words never an unmarked "so"/"thu" (RD27-2).
  const forms = [phrasesWith(marked, "số|thứ"), phrasesWith(marked.map(foldText), "so|thu|số|thứ"), phrasesWith(abbreviations, "số|so|thứ|thu")];
  return [new RegExp(`^(?:${forms.filter(Boolean).join("|")})\\s*`, "iu"), level];
});
const LABEL_NUMBER = /^(\d{1,3}(?:\.\d{1,3}){0,4}|[IVXL]+(?![\p{L}\d]))/u;
/** "Lĩnh vực thứ nhất", "Tiêu chí thứ hai": the ordinal as a word. */
const ORDINALS = ["nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười"];
const ORDINAL_WORD = new RegExp(`^(${[...ORDINALS, ...ORDINALS.map(foldText), "bốn", "bon"].join("|")})(?![\\p{L}])`, "iu");
function ordinalOf(word: string): number {
  const folded = foldText(word);
  return folded === "bon" ? 4 : ORDINALS.findIndex((o) => foldText(o) === folded) + 1;
}
/**
 * What makes a label spelled with "số" or "thứ" a sentence about its number instead: a year or a
 * count right after it, or a word that counts, measures or compares it ("thứ năm 2024", "Tiêu chí
 * số 5 điểm nếu…", "Tiêu chí số 2 năm trước đạt…", "Chỉ tiêu số 2 đạt từ 90%…") — in doubt no
 * label, as a label that is none re-parents a whole field (RD27-2). Anything else is the title the
 * label leads: its points "(4 điểm)", a footnote "(*)", a separator, a title in capitals or in
 * lowercase ("Tiêu chí số 1 về kế hoạch…"), as after "Tiêu chí 1" (RD28-1: such titles read as
 * no code, a right table 76 → 0/100). The words are matched with their marks, or without when the
 * rest is typed wholly without them ("Tieu chi so 5 diem").
 */
const SPELLED_SENTENCE_WORDS = ["điểm", "đ", "năm", "tháng", "quý", "tuần", "ngày", "giờ", "lần", "lượt", "người", "trường hợp", "đạt", "từ", "trên", "dưới", "bằng", "được", "có", "không", "chưa", "là", "vượt", "tăng", "giảm", "nếu", "khi", "thì"];
const sentencePattern = (words: string[]): RegExp => new RegExp(`^\\s*(?:\\d|%|(?:${words.join("|")})(?![\\p{L}\\d]))`, "iu");
const SPELLED_SENTENCE = sentencePattern(SPELLED_SENTENCE_WORDS);
const SPELLED_SENTENCE_UNMARKED = sentencePattern([...new Set(SPELLED_SENTENCE_WORDS.map(foldText))]);
function spelledSentence(rest: string): boolean {
  return SPELLED_SENTENCE.test(rest) || (!/[^\x00-\x7f]/.test(rest) && SPELLED_SENTENCE_UNMARKED.test(rest));
}
/** The "số" / "thứ" (or "so" / "thu") a label's words end with. */
const SPELLED_BY = /(?<![\p{L}])(số|so|thứ|thu)\.?\s*$/iu;
/** Roman numerals as characters ("Ⅰ", "Ⅳ") are the letters I, V, X. */
const ROMAN_CHARACTERS = /[\u2160-\u217f]/g;

/** A word label at the start of `s`: its token and what follows the number. */
function readWordLabel(text: string): { token: CodeToken; rest: string; spelled: boolean } | null {
  // Every label starts with l, t or c ("lĩnh vực", "tiêu chí", "tc", "tctp", "chỉ tiêu", "chỉ số thành phần").
  if (!/^[lLtTcC]/.test(text)) return null;
  const s = text.replace(ROMAN_CHARACTERS, (c) => c.normalize("NFKC").toUpperCase());
  for (const [re, level] of WORD_LABELS) {
    const prefix = re.exec(s);
    if (!prefix) continue;
    const after = s.slice(prefix[0].length);
    const spelled = SPELLED_BY.exec(prefix[0]);
    const ordinal = spelled && /^th/iu.test(spelled[1]!) ? ORDINAL_WORD.exec(after) : null;
    if (ordinal) {
      const rest = after.slice(ordinal[0].length);
      return spelledSentence(rest) ? null : { token: { kind: "word", level, label: String(ordinalOf(ordinal[1]!)) }, rest, spelled: true };
    }
    const number = LABEL_NUMBER.exec(after);
    if (!number) return null;
    const label = /\d/.test(number[1]!) ? normaliseDotted(number[1]!) : String(parseRoman(number[1]!) ?? "");
    const rest = after.slice(number[0].length);
    if (!label || (spelled && spelledSentence(rest))) return null;
    return { token: { kind: "word", level, label }, rest, spelled: spelled !== null };
  }
  return null;
}

/**
 * Whether a title opens with a label spelled with "số"/"thứ" that goes on in lowercase words
 * ("Chỉ tiêu thứ ba tuyên truyền trên loa", "Tiêu chí số 1 về kế hoạch …"): a title on a row with
 * points, a line of text on a row without (RD27-2, RD28-1).
 */
export function spelledLabelGoesOn(title: string): boolean {
  const word = MAY_START_WITH_CODE.test(title) ? readWordLabel(cleanText(title.slice(0, 48))) : null;
  return word !== null && word.spelled && /^\s+\p{Ll}/u.test(word.rest);
}

/** A footnote mark after a code: "1.1.1*", "1.2 (*)", "4.2**" (a criterion new this year, explained under the table). */
const FOOTNOTE_MARK = /\s*(?:\(\*+\)|\*+)$/;
/** A row the unit added under a criterion: "1.4a", "3.2.4b." — a code the set does not have, said as unknown. */
const ADDED_ROW = /^(\d{1,3}(?:\.\d{1,3}){1,4})([a-zđ])[.)]?$/u;

/**
 * Whether `code` is `criterion`'s code plus a list letter ("1.3a", "1.1.1c" under "1.3", "1.1.1"):
 * under that criterion left blank, such rows are its parts or options, as "a)", "b)" are.
 */
export function letteredLineOf(code: string, criterion: string): boolean {
  return code.length === criterion.length + 1 && code.startsWith(criterion) && letterIndex(code.slice(-1)) > 0;
}

/** A whole code cell: "2.1.1", "2.1.1.", "II", "II.", "a", "a)", "Tiêu chí 2", "Chỉ tiêu 1:", "TCTP 1.1", "1.2 (*)", "1.4a". */
export function readCodeCell(text: string): CodeToken | null {
  if (text.length > MAX_CODE_TEXT * 4) return null;
  return readCodeMemo(text);
}

/**
 * Cells already read as codes: the table search reads the same label and title cells once for
 * every column pair and window it tries (a tenth of a whole check, issue 17 item 3). The answer
 * depends on the text alone; tokens are frozen, since callers share them. Bounded (text-memo.ts),
 * so a 100,000-row register costs no more memory than a small workbook.
 */
const readCodeMemo = textMemo(4096, (text): CodeToken | null => {
  const token = readCodeText(text);
  return token === null ? null : Object.freeze(token);
});

function readCodeText(text: string): CodeToken | null {
  // A code cell holds the code alone ("Tiêu chí thành phần 1.1.1" is among the longest); a
  // sentence is no code, and reading it as one cost a header search ~2 µs a cell.
  if (text.length > MAX_CODE_TEXT * 4) return null;
  const s = cleanText(text);
  if (s === "" || s.length > MAX_CODE_TEXT) return null;
  const word = readWordLabel(s);
  if (word) return /^[.:)]?$/.test(word.rest.trim()) ? word.token : null;
  const bare = s.replace(FOOTNOTE_MARK, "");
  const dotted = normaliseDotted(bare) ?? looseDotted(bare);
  if (dotted) return { kind: "dotted", code: dotted };
  const added = ADDED_ROW.exec(s);
  if (added) {
    const code = normaliseDotted(added[1]!);
    if (code) return { kind: "dotted", code: `${code}${added[2]}` };
  }
  const roman = /^([IVXLivxl]+)[.)]?$/.exec(s);
  if (roman) {
    const n = parseRoman(roman[1]!);
    if (n !== null && roman[1] === roman[1]!.toUpperCase()) return { kind: "roman", n };
  }
  // "a", "a)", "a." and "(a)": a list letter.
  const letter = /^([a-zđ])[.)]?$/u.exec(s) ?? /^\(([a-zđ])\)$/u.exec(s);
  if (letter && letterIndex(letter[1]!) > 0) return { kind: "letter", n: letterIndex(letter[1]!) };
  // "1.1.a", "2.3.b)": the level under 1.1 lettered instead of numbered — 1.1.1, 2.3.2 (a letter
  // right after the number, "1.4a", is a row the unit added: ADDED_ROW above).
  const lettered = LETTERED_LEVEL.exec(s);
  if (lettered) {
    const code = normaliseDotted(lettered[1]!);
    const n = letterIndex(lettered[2]!);
    if (code && n > 0) return { kind: "dotted", code: `${code}.${n}` };
  }
  return null;
}

/** Longer than this, a cleaned cell is no code (the word labels and their numbers stay well under). */
const MAX_CODE_TEXT = 48;

const LETTERED_LEVEL = /^(\d{1,3}(?:\.\d{1,3}){0,3})\.([a-zđ])[.)]?$/u;
/** The same opening a title: "1.1.a. …", "1.1.a) …", "1.1a …", "1.1a. …". */
const LETTERED_TITLE = /^(\d{1,3}(?:\.\d{1,3}){0,3})(?:\.([a-zđ])[.)]?|([a-zđ])[.)]?)\s+(?=\S)/u;

// Vietnamese lists run a, b, c, d, đ, e, g, h, i, k …
const VIETNAMESE_LIST_LETTERS = "abcdđeghiklmnopqrstuvxy";
export function letterIndex(letter: string): number {
  return VIETNAMESE_LIST_LETTERS.indexOf(letter) + 1;
}

/** A title can start with a code only if it starts with a digit, a Roman numeral, a list letter or a word label. */
const MAY_START_WITH_CODE = /^\s*(\d|[IVXLivxl]|[a-zđ]\)|t|l|c)/iu;
/** What separates a code from the text after it: ". ", ") ", ": ", " - " or a space. */
const CODE_SEPARATOR = /^(?:\.\s*|\)\s*|\s*[:：]\s*|\s+-\s*|\s*[-–—]\s*(?=\p{L})|\s+)(?=\S)/u;

export function readTitleCode(title: string): CodeToken | null {
  if (!MAY_START_WITH_CODE.test(title)) return null;
  // A code sits in the first characters: cleaning the whole (long) title is wasted work.
  const s = cleanText(title.slice(0, 48));
  const word = readWordLabel(s);
  if (word) return CODE_SEPARATOR.test(word.rest) ? word.token : null;
  // "1.1.a. Trên cổng …", "1.1a Trên cổng": the level under 1.1 lettered, as in a code cell
  // (1.1.1; "1.1a" resolved against the set, code-resolution.ts) — it had been read as 1.1 again.
  const letteredTitle = LETTERED_TITLE.exec(s);
  if (letteredTitle) {
    const [, code, dottedLetter, bareLetter] = letteredTitle;
    const n = letterIndex((dottedLetter ?? bareLetter)!);
    const base = normaliseDotted(code!);
    if (base && n > 0 && (dottedLetter !== undefined || base.includes("."))) return { kind: "dotted", code: dottedLetter !== undefined ? `${base}.${n}` : `${base}${bareLetter}` };
  }
  // "4.4.2-Trừ …", "2.3：Theo dõi …": a dash or a full-width colon right after the code; a
  // full stop never splits a code ("4.4.2" is never 4.4 and ".2 …").
  const dotted = /^(\d{1,3}(?:\.\d{1,3}){0,4})(?:\.(?!\d)\s*|\)\s*|\s*[:：]\s*|\s+-\s*|\s*[-–—]\s*(?=\p{L})|\s+)(?=\S)/u.exec(s);
  if (dotted && !/^\d+(?:\.\d+)*[.]?\d*\//.test(s) && !countOrPoints(dotted[1]!, dotted[0].slice(dotted[1]!.length), s.slice(dotted[0].length))) {
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

/**
 * A number opening a line that is no code: points ("3,5 điểm cho mỗi báo cáo", "0.5 đ"), a
 * range ("02 - 03 báo cáo: 1,5 điểm"), or a whole number counting what follows in lower case
 * after a bare space ("04 báo cáo đúng hạn: 3 điểm", "2 cuộc kiểm tra trở lên: 4 điểm"): an
 * option line under a criterion, which had been read as criterion 4 or a second field 2.
 */
function countOrPoints(number: string, separator: string, rest: string): boolean {
  if (/^(?:điểm|đ)(?!\p{L})/iu.test(rest)) return true;
  if (/-|–|—/.test(separator) && /^\d/.test(rest)) return true;
  if (number.includes(".") || !/^\s+$/.test(separator)) return false;
  // "01 Báo cáo đúng hạn: 3 điểm": a count padded with a zero, before the points it earns.
  return /^\p{Ll}/u.test(rest) || (/^0\d/.test(number) && /(?<!\p{L})(?:điểm|đ)(?!\p{L})/iu.test(rest));
}

/** The title without its leading code ("2.1.1. Ban hành…" → "Ban hành…", "Chỉ tiêu 1: Ban hành…" → "Ban hành…"). */
export function stripTitleCode(title: string): string {
  const s = cleanText(title);
  const word = readWordLabel(s);
  if (word) return word.rest.replace(CODE_SEPARATOR, "").trim();
  const lettered = LETTERED_TITLE.exec(s);
  if (lettered && readTitleCode(s)) return s.slice(lettered[0].length).trim();
  return s.replace(/^(\d{1,3}(?:\.\d{1,3}){0,4}|[IVXL]+|[a-zđ])(?:(?:\.(?!\d)|\)|:|：|\s+-)?\s+|\s*[:：]\s*|\s*[-–—]\s*(?=\p{L}))/u, "").trim();
}

/**
 * A label typed with its marks but "so"/"thu" without ("Tiêu chí so 1"): no label (RD27-2, the
 * label is typed whole with its marks or whole without), but what its writer meant, spelled right
 * ("Tiêu chí số 1"), so that a refusal can name it (RD28-6); null for anything else.
 */
export function halfMarkedLabel(text: string): string | null {
  const m = /^(\S.*?)\s+(so|thu)(?=[\s.]|$)/iu.exec(text.trim());
  if (!m || foldText(m[1]!) === m[1]!.toLowerCase() || readCodeCell(text) !== null) return null;
  // Typed in capitals ("TIÊU CHÍ THU HAI", "TIÊU CHÍ So 2"), the word meant is too ("TIÊU CHÍ THỨ HAI",
  // "TIÊU CHÍ SỐ 2": RD31-6, RD32-8): the word or the label's own words say so.
  const word = m[2]!.toLowerCase() === "so" ? "số" : "thứ";
  const capitals = (s: string) => s === s.toUpperCase() && s !== s.toLowerCase();
  const meant = `${m[1]} ${capitals(m[2]!) || capitals(m[1]!) ? word.toUpperCase() : word}${text.trim().slice(m[0].length)}`;
  return readCodeCell(meant)?.kind === "word" ? meant : null;
}
