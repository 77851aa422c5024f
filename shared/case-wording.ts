/**
 * The words a deduction row's cells say their cases with, read as the row reads them: the kinds
 * of case deduction rows are titled by, counts written in words, and a case the sentence itself
 * says is not of the row's kind. Kind words are matched with their marks — folded, "chấm" (to
 * score) is "chậm" (late) and "trẻ" (young) "trễ" — unless the text was typed with no marks at
 * all ("Cham gui 01 bao cao"), where the marks cannot tell them apart and the kinds are read
 * without theirs.
 */

const MARKS = /[\u0300-\u036f]/g;
/** A pattern's source without marks: its words as they are typed with none. */
const unmarked = (source: string) => source.normalize("NFD").replace(MARKS, "").replace(/đ/g, "d");

/** A text written with no mark anywhere: no letter outside ASCII. */
export const typedWithoutMarks = (text: string): boolean => /\p{L}/u.test(text) && !/[^\x00-\x7f]/.test(text);

/** The kinds of case deduction rows are titled by: late, disciplined, in breach, complained of, reported. */
const LATE = String.raw`chậm|trễ|quá hạn|sau (?:thời )?hạn`;
const KINDS = [
  LATE,
  String.raw`k[ỷỉ] luật|khiển trách|cảnh cáo|nhắc nhở|phê bình`,
  String.raw`vi phạm|sai phạm`,
  String.raw`khiếu nại|tố cáo`,
  String.raw`phản ánh|kiến nghị`,
];
/** A count written in words: "một", "hai" … "mười" ("năm" is also a year: only before a case noun). */
const NUMBER_WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, năm: 5, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9, mười: 10 };
/** What offices count cases in, whatever the row's title names. */
const CASE_NOUNS = String.raw`trường hợp|lần|lượt|vụ việc|vụ|cá nhân|người|cán bộ|công chức|đơn thư|đơn(?! vị)`;

/** The words of one writing, with marks or without: each pattern built once. */
export interface Lexicon {
  /** Reads the text and the title as this lexicon's words (lowercase; folded when without marks). */
  words: (s: string) => string;
  kinds: RegExp[];
  /** A clause that says none of a kind: "không để xảy ra vi phạm", "không phát hiện sai phạm qua 03 cuộc thanh tra". */
  noneOfThem: RegExp;
  /** A case verified as not founded: "khiếu nại không đúng", "không có cơ sở", "khiếu nại sai". */
  unfounded: RegExp;
  founded: RegExp;
  /** A complaint of any wording verified as founded: "01 phản ánh, kiến nghị được xác minh là đúng". */
  verifiedComplaint: RegExp;
  complaint: RegExp;
  /** Words that make a count another kind than the row's: reports on time, sent, none, still pending. */
  otherKind: RegExp;
  caseNouns: RegExp;
  /** "không phải (là) …": what a case is said not to be. */
  notA: RegExp;
  /** Counts in words: before a case noun or a noun of the title; "01 (một)", "một (01)". */
  numberWords: Record<string, number>;
  numberWord: string;
}

const W = (body: string) => new RegExp(String.raw`(?<!\p{L})(?:${body})(?!\p{L})`, "u");

function lexicon(marks: boolean): Lexicon {
  const s = marks ? (x: string) => x : unmarked;
  // Without marks "cham" is also "chấm" (to score): never in "tu cham", "cham diem".
  const kinds = KINDS.map((k) => (marks ? k : s(k).replace(/^cham\|/, "(?<!tu )cham(?! diem)|")));
  const complaint = s(String.raw`khiếu nại|tố cáo|phản ánh|kiến nghị|đơn thư|đơn(?! vị)`);
  const numberWords = Object.fromEntries(Object.entries(NUMBER_WORDS).map(([w, n]) => [s(w), n]));
  return {
    words: marks ? (x) => x.normalize("NFC").toLowerCase().replace(/\s+/g, " ").trim() : (x) => unmarked(x.normalize("NFC").toLowerCase()).replace(/\s+/g, " ").trim(),
    kinds: kinds.map(W),
    noneOfThem: W(s(String.raw`(?:không|chưa) (?:có )?(?:\p{L}+ ){0,4}?(?:${LATE}|vi phạm|sai phạm|k[ỷỉ] luật|khiếu nại|tố cáo)`)),
    unfounded: W(s(String.raw`không (?:đúng(?! (?:thời )?hạn)|chính xác|có cơ sở)|sai sự thật|(?:khiếu nại|tố cáo|phản ánh|kiến nghị|xác minh)(?: là)?:? sai(?! phạm)`)),
    founded: W(s(String.raw`đúng(?! (?:thời )?hạn)`)),
    verifiedComplaint: W(s(String.raw`xác minh (?:là )?đúng(?! (?:thời )?hạn)`)),
    complaint: W(complaint),
    otherKind: W(s(String.raw`đúng (?:thời )?hạn|kịp thời|đã gửi|không|chưa|đang|chờ`)),
    caseNouns: new RegExp(String.raw`^(?:${s(CASE_NOUNS)})(?!\p{L})`, "u"),
    notA: new RegExp(s(String.raw`(?<!\p{L})không phải (?:là )?`), "u"),
    numberWords,
    numberWord: Object.keys(numberWords).join("|"),
  };
}

export const MARKED = lexicon(true);
export const UNMARKED = lexicon(false);

/** The kind words of the title, as it writes them: what "không phải …" must name to say a case is not the row's kind. */
function titleKindWords(heading: string, lex: Lexicon): string[] {
  return lex.kinds.flatMap((k) => {
    const m = new RegExp(k.source, "gu");
    return [...heading.matchAll(m)].map((x) => x[0]);
  });
}

/**
 * The text as a count of the row's cases: counts in words as figures ("Chậm một báo cáo",
 * "01 (một) trường hợp", "Một (01) trường hợp"), and the clauses the sentence says are not the
 * row's kind left out ("01 trường hợp bị nhắc nhở, không phải kỷ luật"; a clause of its own
 * with no figure says so of the clause before it). "0" when every counted clause was so.
 */
export function asCaseText(text: string, heading: string, lex: Lexicon): string {
  const n = lex.numberWord;
  const nouns = new RegExp(String.raw`(?<!\p{L})(${n})(?=\s+((?:\p{L}+\s?){1,2}))`, "giu");
  const out = text
    .replace(new RegExp(String.raw`(\d+)\s*\(\s*(?:${n})\s*\)`, "giu"), "$1")
    .replace(new RegExp(String.raw`(?<!\p{L})(?:${n})\s*\(\s*(\d+)\s*\)`, "giu"), "$1")
    .replace(nouns, (word: string, _w: string, next: string) => {
      const key = lex.words(word);
      const noun = lex.words(next);
      // "năm" is also a year ("năm báo cáo", the year reported on): a count only before a case noun.
      const counted = lex.caseNouns.test(noun) || (!/^(?:năm|nam)$/.test(key) && titleNoun(noun, heading));
      return counted ? String(lex.numberWords[key] ?? word) : word;
    });
  const kinds = titleKindWords(heading, lex);
  if (kinds.length === 0 || !lex.notA.test(lex.words(out))) return out;
  const notKind = new RegExp(String.raw`${lex.notA.source}(?:\p{L}+ ){0,3}?(?:${kinds.join("|")})(?!\p{L})`, "u");
  const clauses = out.split(/\s*[;,](?!\d)\s*/).filter((c) => c.trim() !== "");
  const kept: string[] = [];
  for (const clause of clauses) {
    if (!notKind.test(lex.words(clause))) kept.push(clause);
    else if (!/\d/.test(clause)) kept.pop();
  }
  return kept.some((c) => /\d/.test(c)) ? kept.join("; ") : "0";
}

/** A noun of the title ("báo cáo" of "Chậm gửi báo cáo"): a count of it on the row's own cell is of the row's kind. */
export const titleNoun = (noun: string, heading: string): boolean => W(noun.trim()).test(heading);
