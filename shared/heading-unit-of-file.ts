import type { CriteriaSet } from "./criteria-schema.ts";
import { indexCriteria, setCodes } from "./criteria-tree.ts";
import type { Grid } from "./grid.ts";
import { headingUnit, LEVEL_RANK, titleLines, type HeadingUnit } from "./heading-unit.ts";
import { readableSheet } from "./legacy-vietnamese.ts";
import { locateCriteriaTables } from "./locate-table.ts";
import { selectTables } from "./table-selection.ts";
import { foldText } from "./text.ts";

/**
 * The unit the scored table's heading names ("UBND XÃ TÂN AN"), for a folder ranked by file
 * name (CRITERIA-FORMAT §5): a neighbour's workbook sent under this unit's name still heads
 * with the neighbour. Only a heading line of the set's own level counts — "SỞ NỘI VỤ" or "UBND
 * TỈNH …" above a commune's table names the body above it, not another commune.
 */
export function scoredHeadingUnit(grid: Grid, set: CriteriaSet, sheet: string): HeadingUnit | null {
  const scored = grid.sheets.filter((s) => s.name === sheet).map(readableSheet);
  const index = indexCriteria(set);
  const table = selectTables(locateCriteriaTables(scored, set.year, [], setCodes(index), set.unitType), index)[0];
  const unit = table ? headingUnit(titleLines(table)) : null;
  return unit && unit.rank === LEVEL_RANK[set.unitType] ? unit : null;
}

/** Words that name a level or a committee, folded, the longer first ("thi xa" before "xa"). */
const LEVEL_WORD = /(?<![\p{L}\d])(?:uy ban nhan dan|ubnd|thi tran|thi xa|thanh pho|dac khu|xa|phuong|huyen|quan|tinh)(?![\p{L}\d])/gu;
/** The words of each level a unit's name follows: a commune's "xã", "phường" …, a district's "huyện", "quận" … */
const OWN_LEVEL: Record<number, ReadonlySet<string>> = {
  0: new Set(["xa", "phuong", "thi tran", "dac khu"]),
  1: new Set(["huyen", "quan", "thi xa", "thanh pho"]),
  3: new Set(["tinh", "thanh pho"]),
};
const COMMITTEE = new Set(["ubnd", "uy ban nhan dan"]);
/** A year, or a span of years, with its "năm" ("XÃ AN PHÚ 2024", "Xã An Phú năm 2023-2024"). */
const YEAR = /(?<![\p{L}\d])(?:nam )?(?:19|20)\d\d(?: (?:19|20)?\d\d)?(?![\p{L}\d])/gu;
/**
 * What a sender adds after a unit's name to tell versions apart, folded: "- bản cuối", "bản chính
 * thức", "lần 2", "v2", "sửa", "đã chỉnh sửa", "final", a day "15-01-2024" ("(1)" and other
 * brackets go first, as text in brackets after the name never is the name).
 */
const REMARK = / (?:ban (?:cuoi|chinh thuc|chot|sua(?: doi)?|cap nhat|moi|hoan (?:chinh|thien)|final|gui|nop|\d{1,2})|(?:lan|dot|v|ver|version|rev) ?\d{1,2}|(?:da )?(?:sua(?: doi| lai)?|chinh sua|dieu chinh|cap nhat|bo sung|hoan (?:chinh|thien)|gui(?: lai)?|nop(?: lai)?|chot)|moi nhat|final|new|update[d]?|edit(?:ed)?|fix(?:ed)?|draft|\d{1,2} \d{1,2} (?:19|20)?\d\d)$/u;
const BRACKETED = /\s*[([][^()[\]]*[)\]]\s*$/u;

/** A name folded to words: no marks or case, punctuation a space, brackets and remarks after it gone. */
function nameWords(text: string): string {
  let s = foldText(text.normalize("NFC"));
  for (let before = ""; before !== s; ) {
    before = s;
    s = s.replace(BRACKETED, "").replace(/[^\p{L}\d()[\]]+/gu, " ").trim();
    s = ` ${s}`.replace(REMARK, "").trim();
  }
  return s.replace(/[()[\]]/g, " ").replace(YEAR, " ").replace(/(?<!\d)0+(?=\d)/g, "").replace(/\s+/g, " ").trim();
}

/**
 * The unit's own name in a name written with its level's words: the words after a word of the
 * level (rank) up to the next level word ("Báo cáo tự đánh giá xã Tân An, huyện Củ Chi" → "tan
 * an"; "Phường 1 Quận 3" → "1"), else after "UBND", else the first words between level words.
 */
function ownName(words: string, rank: number): string {
  const parts: { word: string; name: string }[] = [{ word: "", name: "" }];
  let at = 0;
  for (const m of words.matchAll(LEVEL_WORD)) {
    parts[parts.length - 1]!.name = words.slice(at, m.index).trim();
    parts.push({ word: m[0], name: "" });
    at = m.index! + m[0].length;
  }
  parts[parts.length - 1]!.name = words.slice(at).trim();
  const named = parts.filter((p) => p.name !== "");
  return (named.find((p) => OWN_LEVEL[rank]?.has(p.word)) ?? named.find((p) => COMMITTEE.has(p.word)) ?? named[0])?.name ?? "";
}

/** The unit a heading names, as compared with files' names: "UBND XÃ TÂN AN" → "tan an", "PHƯỜNG 03" → "3". */
export function headingUnitName(heading: HeadingUnit): string {
  return ownName(nameWords(heading.text), heading.rank);
}

/** A Vietnamese word is one syllable: one run of vowels ("nguyen", "khuyen"); two runs are words run together. */
const SYLLABLE = /^[^aeiouy\d]*[aeiouy]+[^aeiouy\d]*$/u;
/** Words a heading could write: syllables and numbers ("1", "1a"), never a lone letter or "TT", "P3", "XaAnPhu". */
const readable = (raw: string, name: string): boolean =>
  name !== "" && !/\p{Ll}\p{Lu}/u.test(raw) && name.split(" ").every((w) => /^\d+\p{L}{0,2}$/u.test(w) || SYLLABLE.test(w));
/** Level words and their abbreviations at the start of a name run together ("p3", "xaanphu", "ubndxatanan"). */
const LEVEL_PREFIX = /^(?:uybannhandan|ubnd)?(?:thitran|thixa|thanhpho|dackhu|phuong|huyen|quan|tinh|xa|tt|tx|tp|p|x|q|h)?/u;

/**
 * Words a sender writes after the unit's name that are no place's name, folded: what the file is
 * ("tự chấm", "tự đánh giá", "báo cáo", "chấm điểm") or where it went ("nộp huyện", "gửi Phòng
 * Nội vụ", "ký số") — "Xã An Phú tự chấm" is An Phú's (WB38-4), "Xã An Phú Đông" is not.
 */
const SENDERS_WORDS = /^(?:tu (?:cham|danh gia|dg)|danh gia|cham diem|bao cao|nop|gui|ky(?: so| duyet)?|kem theo)(?![\p{L}\d])/u;

/**
 * Whether a file's name names the unit a heading names, as names, not words inside one: "Xã
 * An Phú Đông" is not "UBND XÃ AN PHÚ", nor "Xã Tân An Hội" "UBND XÃ TÂN AN"; a version remark
 * after the name ("- bản cuối", "(1)", "lần 2", "sửa", "final", "năm 2024") or a sender's words
 * ("tự chấm", "nộp huyện") leave it the unit's.
 * A name a heading could not write — an abbreviation ("P3", "P.3", "TT Hà Lam"), words run
 * together ("XaAnPhu") — is "unread" unless it is the heading's name run together: no note on it.
 */
export function headingNamesFile(fileUnit: string, heading: HeadingUnit): "same" | "other" | "unread" {
  const head = headingUnitName(heading);
  const words = nameWords(fileUnit);
  const file = ownName(words, heading.rank);
  if (head === "" || file === head || (file.startsWith(`${head} `) && SENDERS_WORDS.test(file.slice(head.length + 1)))) return "same";
  const [joined, headJoined] = [words.replace(/ /g, ""), head.replace(/ /g, "")];
  if (joined === headJoined || joined.replace(LEVEL_PREFIX, "") === headJoined) return "same";
  return readable(fileUnit, file) ? "other" : "unread";
}
