import { round2 } from "./decimal.ts";
import { foldText } from "./text.ts";
import { parseNumberText } from "./values.ts";

/**
 * A scoring method as decisions write it, cut into clauses: "Ban hành kịp thời: 1 điểm;
 * không kịp thời: 0,5 điểm" is two clauses; so is a cell of bullet lines, or option rows
 * under a leaf ("- Ban hành kịp thời | 1"), whose points stand in the max column.
 */
export interface MethodLine {
  text: string;
  /** Points typed beside the line (an option row's max cell). */
  points?: number | undefined;
  /** Where the line was read, for notes. */
  cell: string;
}

export interface Clause {
  /** The clause as written (bullets removed), for notes. */
  text: string;
  /** Lowercase, no diacritics: what the patterns below read. */
  folded: string;
  /** Points the clause awards (negative for "bị trừ 0,25 điểm"), or null; the top of a range. */
  points: number | null;
  /** "Chấm từ 0 đến 2 điểm": any score in a range of points, not one option. */
  range?: { from: number; to: number };
  cell: string;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
/** "50% số điểm", "50% của số điểm tối đa": a share of the max, never a rate. */
const OF_POINTS = String.raw`(?:cua\s+)?(?:so\s+|tong\s+)?diem`;
const BULLET = /^\s*(?:[-+•*–]|[a-zđ]\)|\d{1,2}\)|\d{1,2}\.(?=\s))\s*/u;

// ", " or " - " ends a clause only after its points ("…: 1 điểm, không kịp thời: 0,5";
// "Kịp thời 1 điểm, chậm 0,5 điểm"), and so does "/" before the other option ("Có: 1 điểm/
// Không: 0 điểm", never "điểm/văn bản"); a line's number ("1. Ban hành kịp thời") ends none.
// Points may be abbreviated "đ" ("Kịp thời: 1đ, chậm: 0,5đ").
const CLAUSE_END = /\r?\n|;|(?<!(?:^|\n)\s*\d{1,2})\.\s+(?=\p{Lu})|(?<=:\s*\d+(?:[.,]\d+)?\s*(?:điểm|đ(?!\p{L}))?|\d\s*(?:điểm|đ(?!\p{L})))\s*[,\-–+]\s+|(?<=\d\s*(?:điểm|đ))\s*\/\s*(?=(?:[Kk]hông|[Cc]ó|[Cc]hưa)(?!\p{L}))/u;

// "Không thực hiện: 0 điểm (trường hợp không phát sinh thì được điểm tối đa)": the bracket
// closing a clause is a clause of its own, so the 0 stays an option.
const NOTHING_AROSE_ASIDE = /\s*\(([^()]*không\s+phát\s+sinh[^()]*)\)(?=\s*(?:[;.\n]|$))/giu;

/**
 * Clauses of method lines: split on line breaks, ";" and sentence ends. With the criterion's
 * max, a share of it ("được 50% số điểm", "bị trừ 50% số điểm", "đạt điểm tối đa") is points.
 */
export function splitClauses(lines: MethodLine[], max: number | null = null): Clause[] {
  const clauses: Clause[] = [];
  for (const line of lines) {
    const parts = line.text.normalize("NFC").replace(NOTHING_AROSE_ASIDE, "; $1").split(CLAUSE_END).map((p) => p.replace(BULLET, "").trim()).filter((p) => /\p{L}|\d/u.test(p));
    if (parts.length === 0 && line.points !== undefined) parts.push("");
    for (const text of parts) {
      const folded = foldText(text);
      // A row's own points count only when its text names none ("- Ban hành kịp thời | 1").
      const share = max === null ? null : shareOfMax(folded);
      const range = pointRange(folded);
      const points = (share === null ? null : round2((max! * share) / 100)) ?? range?.to ?? pointsIn(folded) ?? (parts.length === 1 ? (line.points ?? null) : null);
      clauses.push({ text, folded, points, ...(range ? { range } : {}), cell: line.cell });
    }
  }
  return clauses;
}

/**
 * "Chấm từ 0 đến 2 điểm", "đánh giá từ 0 - 1 điểm tùy mức độ", "từ 0 điểm đến 0,75 điểm": a
 * range of points, never a rate ("từ 70 đến dưới 80 điểm" is a rating band, read elsewhere).
 */
function pointRange(folded: string): { from: number; to: number } | null {
  const m = new RegExp(String.raw`(?:^|[\s:(])(?:tu\s+)?${NUMBER}\s*(?:diem\s*)?(?:den|toi|-|–)\s*${NUMBER}\s*diem\b`).exec(folded);
  if (!m || /%/.test(folded)) return null;
  const from = parseNumberText(m[1]!);
  const to = parseNumberText(m[2]!);
  return from !== null && to !== null && from >= 0 && from < to ? { from, to } : null;
}

/** The points a clause awards: "…: 1", "… = 0,5 điểm", "… được tính 03 điểm", "0 điểm và bị trừ 0,25 điểm". */
export function pointsIn(folded: string): number | null {
  const penalty = new RegExp(String.raw`(?:^|\s)(?:bi\s+)?tru\s+${NUMBER}\s*diem`).exec(folded);
  if (penalty && !/\bmoi\b/.test(folded)) return negate(parseNumberText(penalty[1]!));
  // "Có kiểm tra: 1/2 điểm": half a point written as a fraction (never "1/2 số điểm", a share of the max).
  const fraction = /(?:^|[\s:=(])(\d{1,2})\s*\/\s*(\d{1,2})\s*(?:diem|d)\b/.exec(folded);
  if (fraction && Number(fraction[2]) > 0 && Number(fraction[1]) < Number(fraction[2])) return round2(Number(fraction[1]) / Number(fraction[2]));
  const trailing = new RegExp(String.raw`[:=]\s*${NUMBER}\s*(?:diem|d)?\s*[.,]?\s*$`).exec(folded);
  if (trailing) return parseNumberText(trailing[1]!);
  const awarded = new RegExp(String.raw`(?:^|[\s:(])${NUMBER}\s*(?:diem|d)\b|\(${NUMBER}\s*d\)`).exec(folded);
  if (awarded && !isCap(folded, awarded.index)) return parseNumberText(awarded[1] ?? awarded[2]!);
  // "Không thực hiện: không chấm điểm" is the option that scores 0.
  // "Không thực hiện: không có điểm", "… không được điểm" too.
  // "… không ban hành thì không có điểm": the same 0 after its condition (IMP6-16).
  if (/(?::|\bthi)\s*khong (?:duoc |co )?(?:(?:cham|tinh|cho) )?diem\s*[.,]?\s*$/.test(folded)) return 0;
  return null;
}

/** "50% số điểm", "1/2 số điểm", "một nửa số điểm": a share of the max, as a percentage. */
// A fraction is a share only of "số điểm" / "tổng điểm": "1/2 điểm" alone is half a point (pointsIn).
const SHARE = String.raw`(?:${NUMBER}\s*%\s*${OF_POINTS}|(\d+)\s*\/\s*(\d+)\s*(?:cua\s+)?(?:so|tong)\s+diem|(mot nua|mot phan hai)\s*${OF_POINTS})`;
const CUT_SHARE = new RegExp(String.raw`(?:^|\s)(?:bi\s+)?tru\s+${SHARE}`);
// "Chậm: được 1/2 số điểm", "bằng 50% số điểm", or the share alone after the colon ("Chưa đầy đủ: một nửa số điểm").
const GIVEN_SHARE = new RegExp(String.raw`(?:(?:^|[\s:])(?:duoc|dat|huong|tinh|cham|bang)(?:\s+(?:tinh|cham|huong|bang))?\s+|:\s*)${SHARE}`);

function shareIn(m: RegExpExecArray): number {
  if (m[4]) return 50;
  if (m[2] && m[3]) return Number(m[3]) > 0 ? round2((Number(m[2]) / Number(m[3])) * 100) : 0;
  return parseNumberText(m[1]!)!;
}

/** The percentage of the max a clause awards: "bị trừ 50% số điểm" is 50, "được 50% số điểm (tối đa)" 50, "đạt điểm tối đa" 100. */
export function shareOfMax(folded: string): number | null {
  const cut = CUT_SHARE.exec(folded);
  if (cut) return 100 - shareIn(cut);
  const given = GIVEN_SHARE.exec(folded);
  if (given) return shareIn(given);
  // "…: được (tính) điểm tối đa", and as decisions also write it, "Đạt 100%: điểm tối đa", "… thì
  // được điểm tối đa" (the option had been lost: a unit typing the max was told it was off the scale).
  return /(?::|\bthi)\s*(?:(?:duoc|dat)(?:\s+(?:tinh|cham))?\s+)?(?:du\s+)?(?:so\s+)?diem\s+toi\s+da\s*[.,]?\s*$/.test(folded) ? 100 : null;
}

function negate(n: number | null): number | null {
  return n === null ? null : -n;
}

/** "tối đa 5 điểm", "không quá 5 điểm": a cap, not points awarded. */
function isCap(folded: string, at: number): boolean {
  return /(toi da|khong qua)\s*$/.test(folded.slice(0, at + 1).trimEnd());
}

/** The cap of a counted rule: "tổng không quá 5 điểm", "tối đa 2 điểm" (a cap on deductions is none). */
export function capIn(folded: string): number | null {
  const m = new RegExp(String.raw`(?:toi da|khong qua)(?:\s+la)?\s+${NUMBER}\s*diem`).exec(withoutDeductionCap(folded));
  return m ? parseNumberText(m[1]!) : null;
}

/** "Tối đa trừ 1 điểm", "trừ tối đa 1 điểm", "tổng số điểm trừ không quá 1 điểm": how much may be taken off. */
const DEDUCTION_CAP = String.raw`(?:(?:toi da|khong (?:vuot )?qua)\s+(?:(?:la|bi)\s+)?tru|tru\s+(?:toi da|khong (?:vuot )?qua)|diem\s+(?:bi\s+)?tru\s+(?:toi da|khong (?:vuot )?qua)(?:\s+la)?)\s+${NUMBER}\s*diem`;

export function deductionCapIn(folded: string): number | null {
  const m = new RegExp(DEDUCTION_CAP).exec(folded);
  return m ? parseNumberText(m[1]!) : null;
}

/** The text with its caps on deductions blanked, so their figure is read as neither points nor a cap. */
export function withoutDeductionCap(folded: string): string {
  return folded.replace(new RegExp(DEDUCTION_CAP, "g"), (m) => " ".repeat(m.length));
}

/** The word before a number; longer words first, whole words only. */
const COMPARATOR = String.raw`(?:(?<![a-z])(nho hon|thap hon|khong dat|chua dat|tren|hon|duoi|tu|dat)|(>=|<=|≥|≤|>|<))`;
const BELOW = /^(nho hon|thap hon|duoi|khong dat|chua dat|<|<=|≤)$/;

const boundPatterns = (units: string) => ({
  // "90% < TL ≤ 95%", "80 điểm ≤ Tổng điểm": the bound written before the rate it bounds, and the upper one after it.
  before: new RegExp(String.raw`${NUMBER}\s*(${units})\s*(<=|<|≤)\s*\p{L}[\p{L}\s]*(?:(<=|<|≤)\s*${NUMBER})?`, "u"),
  single: new RegExp(String.raw`(?:${COMPARATOR}\s*)?${NUMBER}\s*(${units})`),
  range: new RegExp(String.raw`(?:${COMPARATOR}\s*)?${NUMBER}\s*(${units})?\s*(den|toi|-|–)\s*(?:(duoi|nho hon|<=|<|≤)\s*)?${NUMBER}\s*(${units})`),
});
const PERCENT = String.raw`%(?!\s*${OF_POINTS})`;
const BOUND_PATTERNS = { "%": boundPatterns(PERCENT), "%|diem": boundPatterns(`${PERCENT}|diem`) };

export interface Bound {
  bound: "above" | "min" | "below";
  value: number;
  /** The unit written after the number: "%" or "diem". */
  unit: string;
}

/** A range's upper end: "đến dưới 90%" is strict (below 90), "đến 90%" and "≤ 95%" are not. */
export interface UpperEnd {
  value: number;
  strict: boolean;
}

/**
 * The lower bound a clause sets, in a unit ("%"; "%" or "điểm" for rating bands): "trên
 * 90%" is strict (above 90), "từ 70%", "đạt 100%" and "90% trở lên" are inclusive (min),
 * "dưới 70%" is the band that starts at 0. A range is read by its lower end wherever the
 * unit stands: "từ 70 đến dưới 90%", "70% - < 90%", "trên 80 đến 95%" (strict); its upper
 * end is read by `boundsOf`, so that a gap between bands can be told.
 */
export function lowerBound(folded: string, units: "%" | "%|diem" = "%"): Bound | null {
  return boundsOf(folded, units)?.lower ?? null;
}

/** A clause's lower bound, and its upper end when it is a range ("từ 70% đến dưới 90%", "90% < TL ≤ 95%"). */
export function boundsOf(folded: string, units: "%" | "%|diem" = "%"): { lower: Bound; to: UpperEnd | null } | null {
  const { before: beforeAt, single: singleAt, range: rangeAt } = BOUND_PATTERNS[units];
  const single = singleAt.exec(folded);
  const range = rangeAt.exec(folded);
  const before = beforeAt.exec(folded);
  if (before && (!single || before.index <= single.index)) {
    const value = parseNumberText(before[1]!);
    const to = before[5] === undefined ? null : parseNumberText(before[5]);
    if (value !== null) return { lower: bounded(before[3] === "<" ? ">" : "", value, before[2]!), to: to === null ? null : { value: to, strict: before[4] === "<" } };
  }
  if (range && (!single || range.index <= single.index)) {
    const [, word, symbol, low, lowUnit, separator, highWord, high, highUnit] = range;
    const from = parseNumberText(low!);
    const to = parseNumberText(high!);
    // "trường hợp 2 - dưới 70%": a bare number before "-" is no lower end, unless it opens
    // the clause ("Tốt: 80 - dưới 90 điểm", "80 - dưới 100%: 1 điểm") or reads as a bound.
    const bare = from !== null && to !== null && (opensClause(folded.slice(0, range.index)) || (from < to && plausibleBound(from)));
    const isRange = from !== null && to !== null && from <= to && !BELOW.test(word ?? symbol ?? "") && (lowUnit || word || symbol || separator === "den" || separator === "toi" || bare);
    if (isRange) return { lower: bounded(word ?? symbol ?? "", from, highUnit!), to: { value: to, strict: highWord !== undefined && !/=|≤/.test(highWord) } };
  }
  if (!single) return null;
  const value = parseNumberText(single[3]!);
  return value === null ? null : { lower: bounded(single[1] ?? single[2] ?? "", value, single[4]!), to: null };
}

/** Nothing before the range but a label ("Tốt:", "- Loại Khá:"). */
function opensClause(before: string): boolean {
  return /^\s*(?:[^\d:;]{0,40}:)?\s*$/.test(before);
}

/** A bound as decisions set them: a round number (a multiple of 5) above 0, never a case's number ("trường hợp 2"). */
function plausibleBound(n: number): boolean {
  return n > 0 && n <= 100 && n % 5 === 0;
}

function bounded(word: string, value: number, unit: string): Bound {
  if (BELOW.test(word)) return { bound: "below", value, unit };
  return { bound: /^(tren|hon|>)$/.test(word) ? "above" : "min", value, unit };
}
