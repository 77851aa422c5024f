import { NONE_LATE, sentenceFigures, type Figure } from "./sentence-figures.ts";
import { PLAIN_RATE, type Measure } from "./rate-measure.ts";
import { earlier, isThePlan, UNCLEAR, type CountReading } from "./named-figures.ts";
import { namedOnly } from "./title-figures.ts";

/**
 * Which figure of a sentence is a count item's declared data (CRITERIA-FORMAT.md §6): the late
 * cases of a count of late ones, what was done of one that earns points, this year's figure,
 * the one its words name over what exists, a list of kinds added; a sentence whose figures the
 * words do not sort is UNCLEAR, said and never guessed.
 */

/** "Đã gửi đủ", "đầy đủ", "tất cả", "các báo cáo đều …": every one of them (never "đều đặn", regularly). */
const ALL = /(?<!\p{L})(?:đủ|đầy\s+đủ|tất\s+cả|toàn\s+bộ|đều(?!\s+đặn))(?!\p{L})/iu;
const SAYS_NONE_LATE = new RegExp(NONE_LATE.source, "iu");
/** What may be late: reports, files, documents (never apps or initiatives, counted when done). */
const LATE_ABLE = /(?<!\p{L})(?:báo\s+cáo|hồ\s+sơ|văn\s+bản)(?!\p{L})/iu;
const ON_TIME_WORDS = /(?<!\p{L})(?:đúng|trước)\s+(?:thời\s+)?(?:hạn|hẹn)(?!\p{L})/iu;
const NOT_ON_TIME = /(?<!\p{L})(?:không|chưa)\s+(?:đúng|trước)\s+(?:thời\s+)?(?:hạn|hẹn)(?!\p{L})/iu;

/**
 * A count in a sentence: the late cases when named ("Gửi 04 báo cáo, chậm 01 báo cáo" is 1);
 * none when all were on time ("Đã gửi đủ 04 báo cáo, đúng hạn"); what was done rather than
 * planned, proposed or left undone ("Kế hoạch 05 ứng dụng, đã triển khai 03" is 3, "Đã triển
 * khai 03/05 ứng dụng" 3);
 * else the first whole number. Figures of reports sent or planned alone are UNCLEAR.
 */
export function countInSentence(text: string, countsLate = true, measure: Measure = PLAIN_RATE): CountReading {
  const figures = thisYears(listsAdded(sentenceFigures(inFigures(text, measure.pairs))).filter((f) => !f.isYear && !f.duration && (f.kind === "fraction" || (f.kind === "number" && Number.isInteger(f.value)))), measure);
  const count = (f: Figure) => (f.kind === "fraction" ? f.a! : f.value);
  // A count that earns points (each > 0: apps deployed, documents issued) counts what was done,
  // on time or not: "Ban hành 03 văn bản đúng hạn" is 3, never "none late".
  if (!countsLate) return doneCount(figures.filter((f) => f.role !== "late").map((f) => (f.role === "onTime" ? { ...f, role: "done" as const } : f)), count, measure.pairs, true);
  // A deduction's shortfall is what is late or missing: "Thiếu 01 báo cáo", "Không gửi 01 báo
  // cáo" on "Thiếu 01 báo cáo trừ 0,5 điểm" count 1 (IMP7-7), as "Chậm 01 báo cáo" does — unless a
  // late figure stands beside it ("chưa gửi 01, chậm 01 …" names the late one the row counts).
  const lateOnly = figures.filter((f) => f.role === "late");
  const late = lateOnly.length > 0 || figures.some((f) => f.role === "done" || f.role === "onTime") ? lateOnly : figures.filter((f) => f.role === "notDone");
  // One late figure is the count; several ("chậm 01 báo cáo quý I, chậm 01 …") may or may not add up.
  if (late.length > 0) return late.length === 1 ? count(late[0]!) : UNCLEAR;
  const onTime = figures.filter((f) => f.role === "onTime" || f.onTimeAfter);
  if (onTime.length > 0 || (ON_TIME_WORDS.test(text) && !NOT_ON_TIME.test(text) && ALL.test(text)) || SAYS_NONE_LATE.test(text)) return noneLate(onTime, figures, text);
  return doneCount(figures, count, measure.pairs);
}

/** A count written in words: "một" … "mười" ("năm" is also a year, never read so here). */
const NUMBER_WORDS: Record<string, number> = { một: 1, hai: 2, ba: 3, bốn: 4, sáu: 6, bảy: 7, bẩy: 7, tám: 8, chín: 9, mười: 10 };
const NUMBER_WORD = new RegExp(String.raw`(?<![\p{L}\d])(${Object.keys(NUMBER_WORDS).join("|")})\s+(\p{L}+\s+\p{L}+)`, "giu");

/**
 * Counts in words before the title's thing as figures: "Hai sáng kiến được công nhận" is 2 on
 * "Sáng kiến … được công nhận", "Triển khai ba phần mềm dùng chung" 3 ("một số phần mềm" names
 * no count: "số phần" is no pair of the title).
 */
function inFigures(text: string, pairs: string[] | undefined): string {
  if (!pairs) return text;
  return text.replace(NUMBER_WORD, (all, w: string, next: string) => {
    const n = NUMBER_WORDS[w.toLowerCase()];
    return n !== undefined && pairs.includes(next.toLowerCase().replace(/\s+/g, " ")) ? `${n} ${next}` : all;
  });
}

/**
 * What was done rather than planned ("Kế hoạch 05 ứng dụng, đã triển khai 03" is 3), else the
 * first whole number; plans or reports sent alone are UNCLEAR. `earns`: a count that earns points,
 * where what was done also wins over what merely exists ("Số phần mềm: 04; đã triển khai: 03" is 3).
 */
function doneCount(written: Figure[], count: (f: Figure) => number, pairs?: string[], earns = false): CountReading {
  const counts = (f: Figure) => f.role !== "target" && f.role !== "sent" && f.role !== "notDone";
  // A label that begins with the plan names the plan ("Kế hoạch triển khai 05 phần mềm …; đã triển khai 03" is 3).
  const all = written.map((f) => (isThePlan(f) ? { ...f, role: "target" as const } : f));
  // A figure in brackets beside a count outside is an aside: a total, last year's, the kinds
  // ("Triển khai 03 phần mềm (tổng số phần mềm dùng chung của tỉnh: 05)" is 3).
  const outside = all.filter((f) => !f.bracketed);
  const figures = outside.some(counts) ? outside : all;
  // The figure the criterion's own words name, over what exists or another work done: "Có 03 sáng
  // kiến, được công nhận 01" is 1 on "Sáng kiến … được công nhận", "Hoàn thành kiểm điểm 45 công
  // chức; kỷ luật 01 trường hợp" 1 on "… trường hợp bị xử lý kỷ luật".
  // A total is never that figure, however its label repeats the title ("03 phần mềm; tổng số phần mềm dùng chung của tỉnh: 05" is 3).
  const own = namedOnly(figures.filter(counts), pairs);
  if (own && own.role !== "total") return count(own);
  const done = figures.filter((f) => f.role === "done");
  const planned = figures.filter((f) => f.role === "target" || f.role === "sent");
  const notDone = figures.filter((f) => f.role === "notDone");
  // What was done wins over what was planned, proposed or left undone ("Chưa triển khai 01 …; đã triển khai 03" is 3).
  if (done.length > 0 && (planned.length + notDone.length > 0 || earns)) return count(done[0]!);
  // Proposed less not recognised: "Đề xuất 02 sáng kiến, 01 chưa được công nhận" is 1.
  if (done.length === 0 && planned.length === 1 && notDone.length === 1) {
    const rest = count(planned[0]!) - count(notDone[0]!);
    return rest >= 0 ? rest : UNCLEAR;
  }
  const counted = figures.filter((f) => f.role !== "target" && f.role !== "sent" && f.role !== "notDone" && (f.kind === "number" || f.role === "done"));
  if (counted.length > 0) return count(counted[0]!);
  return figures.length > 0 ? UNCLEAR : null;
}

/**
 * This year's figures: of figures naming two years or more, the latest year's ("Sáng kiến năm
 * 2023 được công nhận: 01; năm 2024: 02" is 2), and none its words give to last year beside
 * one they do not ("Năm trước triển khai 02 …; năm nay triển khai 03" is 3) or that names a year before
 * the period assessed ("02 sáng kiến; năm 2023: 01" is 2).
 */
function thisYears(figures: Figure[], measure: Measure): Figure[] {
  const years = new Set(figures.flatMap((f) => (f.year === undefined ? [] : [f.year])));
  const latest = Math.max(...years);
  const current = figures.filter((f) => !earlier(f, measure) && (years.size < 2 || f.year === undefined || f.year === latest));
  return current.length > 0 ? current : figures;
}

/**
 * A list of counts of one kind under the verb that ends it is their sum: "01 sáng kiến cấp
 * tỉnh, 01 sáng kiến cấp cơ sở được công nhận" is 2 recognised. Only figures no word names
 * before the last join one ("Gửi 04 báo cáo, 01 báo cáo chậm" is no list).
 */
function listsAdded(figures: Figure[]): Figure[] {
  const out: Figure[] = [];
  for (const f of figures) {
    const last = out[out.length - 1];
    if (f.listed && f.kind === "number" && last?.kind === "number" && last.role === null && !last.isYear && last.bracketed === f.bracketed) out[out.length - 1] = { ...f, value: last.value + f.value };
    else out.push(f);
  }
  return out;
}

/** A late word ("chậm", "trễ hạn", "quá hạn"), never "chậm nhất" (at the latest) nor "chậm trễ" after a denial. */
const LATE_SAID = /(?<!\p{L})(?:chậm|trễ|muộn|quá\s+hạn)(?!\p{L}|\s+nhất)/iu;
const DENIED = /(?<!\p{L})(?:không|chưa|chẳng)(?!\p{L})|(?<![\d.,])0(?![\d.,])/iu;

/**
 * Some case said late in a clause no word denies: "Đã gửi đủ 04 báo cáo đúng hạn, báo cáo năm chậm"
 * had been none late, full points (eighth session); "…, không có báo cáo chậm" is still none.
 */
function saysSomeLate(text: string): boolean {
  return text.split(/[,;.]/).some((clause) => LATE_SAID.test(clause) && !DENIED.test(clause));
}

/**
 * On time and no late figure: none late when all were ("4/4 đúng hạn", as many on time as
 * were due), or when what was on time is reports or files ("Đã gửi 04 báo cáo đúng hạn",
 * "Đã gửi 12 báo cáo; không có báo cáo chậm"); "Gửi đúng hạn 3/4", apps "đúng hạn", or a case said late
 * beside them (saysSomeLate) are UNCLEAR.
 */
function noneLate(onTime: Figure[], figures: Figure[], text: string): CountReading {
  if (onTime.some((f) => f.kind === "fraction" && f.a! < f.b!) || saysSomeLate(text)) return UNCLEAR;
  if (onTime.some((f) => f.kind === "fraction")) return 0;
  const totals = new Set(figures.filter((f) => f.kind === "number" && (f.role === "total" || f.role === "sent" || f.role === "target")).map((f) => f.value));
  if (onTime.length > 0 && onTime.every((f) => totals.has(f.value))) return 0;
  return LATE_ABLE.test(text) ? 0 : UNCLEAR;
}
