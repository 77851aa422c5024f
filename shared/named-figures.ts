import { namesARole, namesBoth, namesDoneVerb, opposed, sameThing, sentenceFigures, type Figure } from "./sentence-figures.ts";
import { ofAKindOfFiles, statisticsLineRatio, titleKinds } from "./statistics-line.ts";
import type { DeclaredRatio } from "./values.ts";
import { PLAIN_RATE, type Measure } from "./rate-measure.ts";
import { namedMost, titledPart, TURNED } from "./title-figures.ts";
import { ratingShare } from "./rating-levels.ts";

/**
 * Which figure of a sentence is a rate's declared data, by what its words name each one
 * (CRITERIA-FORMAT.md §6: the first figure, unless the words say which is which; a count's is
 * read in count-figures.ts). A result wins over a target or last year's figure, the set's year
 * (the latest named) over an earlier one; late cases are the rest of an on-time rate; the part
 * not done or short of the plan is the rest of a rate, the part beyond the plan is added to 100 %.
 * Where the words name figures yet none is the data (a change against last year, a level not
 * reached), the reading is UNCLEAR: said, never guessed.
 */

/** "0/0": nothing arose (a ratio of no cases). */
export const NOTHING_AROSE = "nothing-arose";
/** The words name the figures, and none of them is the data asked for ("Kế hoạch 05 ứng dụng"). */
export const UNCLEAR = "unclear";

export type RatioReading = DeclaredRatio | typeof NOTHING_AROSE | typeof UNCLEAR | null;
export type CountReading = number | typeof UNCLEAR | null;

const cleanPercent = (p: number) => Math.round(p * 1e10) / 1e10;
const ratioOf = (a: number, b: number): DeclaredRatio => ({ percent: cleanPercent((a / b) * 100), numerator: a, denominator: b });

/** What is done about late cases ("đã xin lỗi 2/2 hồ sơ trễ hạn"): their figures are not the late share of all cases. */
const ABOUT_LATE_CASES = /xin\s+lỗi|khắc\s+phục|xử\s+lý\s+trách\s+nhiệm/iu;

/**
 * A rate in a sentence: an "a/b" or a percentage (`percents` false: an "a/b" only), else two
 * counts that make one ("Giao 28 nhiệm vụ, hoàn thành 26" is 26/28).
 */
export function ratioInSentence(text: string, percents: boolean, measure: Measure = PLAIN_RATE): RatioReading {
  const rated = measure.ratingFloor === undefined ? null : ratingShare(text, measure.ratingFloor);
  if (rated) return rated;
  const written = sentenceFigures(text, measure.notDone);
  // On an on-time title, a kind of files' figures are another measure ("trực tuyến: 600 (60%)").
  // A count of a kind stays where the sentence says what of it was on time or late ("Hồ sơ trực tuyến: 600, đúng hạn 590").
  const timed = written.some((f) => f.role === "onTime" || f.role === "late");
  const ofKind = measuresOnTime(measure) ? written.filter((f, i) => (f.kind === "percent" || !timed) && kindOfFilesAt(f, i, written, measure)) : [];
  const figures = ofKind.length > 0 ? written.filter((f) => !ofKind.includes(f)) : written;
  const read = readFigures(text, figures, percents, measure);
  return read === null && ofKind.length > 0 ? UNCLEAR : read;
}

/** ofAKindOfFiles of the figure at `i`, a share in brackets after a count read by that count's label. */
function kindOfFilesAt(f: Figure, i: number, written: Figure[], measure: Measure): boolean {
  const again = restatesCount(f, written);
  return ofAKindOfFiles(f, again ? written[i - 1]!.words : f.words, again, measure);
}

function readFigures(text: string, figures: Figure[], percents: boolean, measure: Measure): RatioReading {
  const line = lineReading(figures, measure);
  if (line !== null) return line;
  const part = titledPart(figures, measure);
  if (part !== null && (percents || part.b !== undefined)) return part.b === undefined ? { percent: cleanPercent(part.value) } : part.b === 0 ? NOTHING_AROSE : ratioOf(part.value, part.b);
  const anyShare = figures.filter((f) => isShare(f, percents));
  // Each count's share in brackets after it ("Trước hạn: 1.000 (80%); đúng hạn: 245 (19,6%); quá hạn: 5
  // (0,4%)", a statistics line with its shares): the counts are the data, where they make a rate —
  // the shares only restate them.
  if (anyShare.length > 0 && anyShare.every((f) => restatesCount(f, figures))) {
    const counts = figures.filter((f) => !anyShare.includes(f));
    const restated = lineReading(counts, measure);
    if (restated !== null) return restated;
    // Else (one count, or counts the words do not sort) the shares are read as any are: a shortfall's
    // "Thu 950 tỷ đồng, còn thiếu 50 tỷ đồng (5%)" is 95 % by its share.
    const counted = ratioOfCounts(counts, ABOUT_LATE_CASES.test(text), measuresOnTime(measure), measure);
    if (typeof counted === "object" && counted !== null) return counted;
  }
  let shares = anyShare.filter((f) => !ofAnotherMeasure(f, measure));
  if (shares.length === 0) {
    const counted = (measure.kind === "change" ? changeOfCounts(figures, measure) : null) ?? ratioOfCounts(figures, ABOUT_LATE_CASES.test(text), measuresOnTime(measure), measure);
    // Only another measure's rate written, and no counts of this one: said, never taken for it.
    return counted === null && anyShare.length > 0 ? UNCLEAR : counted;
  }
  // Early and on-time shares written apart ("Trước hạn 80%, đúng hạn 19,6%") are one on-time rate, as their counts are.
  if (shares.every((f) => f.kind === "percent")) shares = earlyWithOnTime(shares, measure);
  if (measure.kind === "targetOfChange") {
    const met = changeAgainstTarget(shares);
    if (met !== null) return met;
  }
  // A target, last year's figure or a change against no plan beside a result is not the result
  // (a change is, where the criterion measures the change itself).
  // Never a share of the title's counterpart: "40 một phần / 200 TTHC" is no rate of "… toàn trình".
  const counterpart = (f: Figure) => measure.measured !== undefined && opposed(`${f.words} ${f.tail}`, measure.measured.join(" "));
  let pool = shares.filter((f) => f.role !== "prior" && (f.role !== "change" || measure.kind === "change") && !(f.kind !== "fraction" && f.role === "target") && !counterpart(f));
  if (pool.length === 0) return UNCLEAR;
  const years = new Set(pool.flatMap((f) => (f.year === undefined ? [] : [f.year])));
  const latest = [...years].reduce((a, b) => Math.max(a, b), 0);
  if (years.size > 1) pool = pool.filter((f) => f.year === undefined || f.year === latest);
  // A part of a figure ("Đạt 40%; trong đó toàn trình 25%"), the plan itself ("Chỉ tiêu huyện
  // giao về tỷ lệ …: 45%; đạt 30%") and last year's ("cùng kỳ năm trước: … 20%") are not the
  // result beside a figure that may be.
  const main = pool.filter((f) => !partOfAResult(f, figures) && !isThePlan(f) && !earlier(f, measure));
  if (main.length > 0) pool = main;
  // The rate as written wins over a figure to turn round ("Hoàn thành 26/28, còn 2/28 chưa hoàn
  // thành"); beside an excess, a plan's figure no word names otherwise is the level it went beyond
  // ("Vượt 5% so với chỉ tiêu huyện giao (85%)" is 90 %).
  const beyond = pool.some((f) => f.role === "excess");
  const asWritten = pool.filter((f) => !TURNED.has(f.role) && !(beyond && f.plan && f.role === null));
  if (asWritten.length > 0 || ABOUT_LATE_CASES.test(text)) {
    const chosen = asWritten.length > 0 ? ownFigure(asWritten, measure) : pool;
    return withTheOtherReading(firstShare(chosen), firstOf(chosen), figures, measure);
  }
  const turned = pool.filter((f) => TURNED.has(f.role));
  return turnedShare(firstOf(turned.length > 0 ? turned : pool), shares, measure);
}

/** A statistics line's reading of the figures (statistics-line.ts): the title's part over the whole, UNCLEAR, or null where they are no such line. */
function lineReading(figures: Figure[], measure: Measure): RatioReading {
  const line = statisticsLineRatio(figures, measure);
  return line === null ? null : line === "unclear" ? UNCLEAR : ratioOf(line.a, line.b);
}

/** Words that only join a rate to the counts it is of: "18/20 = 95%", "18/20 hồ sơ, đạt tỷ lệ 95%", "Tổng 20, đúng hạn 18, tỷ lệ đúng hạn 95%". */
const JOINS_RATE = /^(?:[=:]|đạt|tỷ\s+lệ|tương\s+ứng|tương\s+đương|bằng|chiếm|là|(?:đúng|trước)\s+hạn|(?:đã\s+)?(?:hoàn\s+thành|giải\s+quyết)|\s)*$/u;
const SAME_MEASURE = new Set<Figure["role"]>([null, "done", "onTime"]);
const plainResult = (f: Figure): boolean => SAME_MEASURE.has(f.role) && !f.part && !f.earlier && !f.plan && !f.isYear;
/** The words between two figures, the first's own tail left out when the second stands in its clause ("18/20 hồ sơ đạt 95%": "đạt"). */
function between(first: Figure, second: Figure): string {
  const words = second.words.trim();
  const tail = first.tail.trim();
  return tail !== "" && words.startsWith(tail) ? words.slice(tail.length) : words;
}

/**
 * The other reading a cell gives of the same rate, kept for the finding that says where the two
 * score apart (computed-rules.ts, RATE_DIFFERS_FROM_COUNTS): the percentage written next to the
 * "a/b" scored ("18/20 = 95%", "95% (18/20)"; the "a/b" wins, §6), or the counts named beside the
 * percentage scored ("Tổng 20, đúng hạn 18, tỷ lệ 95%"). Only what nothing but joining words
 * separates, of the same result (no target, part, late share or earlier year): "Hoàn thành 26/28,
 * còn 2/28 chưa hoàn thành (7,14%)" has no other reading of 26/28.
 */
function withTheOtherReading(reading: RatioReading, chosen: Figure, figures: Figure[], measure: Measure): RatioReading {
  if (typeof reading !== "object" || reading === null || (measure.kind !== "rate" && measure.kind !== "share") || !plainResult(chosen)) return reading;
  if (chosen.kind === "fraction") {
    const at = figures.indexOf(chosen);
    if (at < 0) return reading;
    const [before, next] = [figures[at - 1], figures[at + 1]];
    const joined = (p: Figure | undefined, words: string): boolean => p?.kind === "percent" && plainResult(p) && JOINS_RATE.test(words) && resultOf(chosen, namedResult(words));
    const stated = joined(next, next ? between(chosen, next) : "") ? next : joined(before, chosen.words.trim()) && resultOf(chosen, namedResult(before!.words)) ? before : undefined;
    return stated === undefined ? reading : { ...reading, statedPercent: cleanPercent(stated.value) };
  }
  if (chosen.kind !== "percent" || !JOINS_RATE.test(chosen.words.trim()) || figures.some((f) => f.kind === "fraction")) return reading;
  const counts = ratioOfCounts(figures.filter((f) => f !== chosen), false, measuresOnTime(measure), measure);
  if (typeof counts !== "object" || counts === null || counts.numerator === undefined || counts.denominator === undefined) return reading;
  // A rate named on time (or done) is of counts so named: "Tiếp nhận 1.000, giải quyết 990, tỷ lệ đúng hạn 98%" gives no on-time count.
  const named = namedResult(chosen.words);
  if (named !== null && !figures.some((f) => f.kind === "number" && f.value === counts.numerator && f.role === named)) return reading;
  return { ...reading, countsInCell: { numerator: counts.numerator, denominator: counts.denominator, percent: counts.percent } };
}

/** The result a rate's joining words name, where they name one: on time ("tỷ lệ đúng hạn"), or done ("hoàn thành", "giải quyết"). */
function namedResult(words: string): "onTime" | "done" | null {
  if (/(?:đúng|trước)\s+hạn/u.test(words)) return "onTime";
  return /hoàn\s+thành|giải\s+quyết/u.test(words) ? "done" : null;
}
/** A figure of the result so named, or of one its words leave open. */
const resultOf = (f: Figure, named: "onTime" | "done" | null): boolean => named === null || f.role === null || f.role === named;

/** A title that measures files on time ("… giải quyết đúng hạn"): the on-time rate of counts (ratioOfCounts). */
const measuresOnTime = (measure: Measure): boolean => measure.pairs?.includes("đúng hạn") === true;

/**
 * A rate of time (its words make it on time or late, sentence-figures.ts) on a title that measures
 * a kind of files (statistics-line.ts titleKinds: "trực tuyến", "số hóa" …) and names none of it:
 * "tỷ lệ đúng hạn 98%" on "Tỷ lệ hồ sơ trực tuyến" is no figure of that rate, which the counts
 * beside it may give ("Tổng số 1.000 hồ sơ, trực tuyến 600, …" is 600/1.000). A title of no kind
 * ("… được xử lý", "… ban hành đúng thời hạn", "… gửi kịp thời") reads it as before.
 */
function ofAnotherMeasure(f: Figure, measure: Measure): boolean {
  const measured = measure.measured;
  if (measured === undefined || measured.length === 0 || (f.role !== "onTime" && f.role !== "late") || titleKinds(measure).size === 0) return false;
  return !measured.some((p) => f.words.includes(p));
}

/** A percentage in brackets right after a count, nothing between: that count's share ("1.000 (80%)"). */
function restatesCount(f: Figure, figures: Figure[]): boolean {
  const before = figures[figures.indexOf(f) - 1];
  return f.kind === "percent" && f.bracketed && f.words.trim() === "" && before !== undefined && before.kind === "number" && !before.isYear;
}

/**
 * A change achieved against the change planned (percentages): "GRDP tăng 7,5%, vượt kế hoạch
 * (7%)" is 7,5 / 7. The plan's figure alone is no result (UNCLEAR); no plan written: null, read
 * as any rate ("Đạt 107% chỉ tiêu").
 */
function changeAgainstTarget(shares: Figure[]): RatioReading | null {
  const percents = shares.filter((f) => f.kind === "percent" && f.role !== "prior");
  const plans = percents.filter((f) => f.plan);
  const results = percents.filter((f) => !f.plan);
  if (plans.length === 0) return null;
  if (plans.length > 1 || results.length !== 1 || !(plans[0]!.value > 0)) return UNCLEAR;
  return { percent: cleanPercent((results[0]!.value / plans[0]!.value) * 100) };
}

/**
 * Of several results, the one whose words name what the criterion measures, when no other's
 * do: "Không thu phí 20% hồ sơ; thanh toán trực tuyến 30%" on "Tỷ lệ thanh toán trực tuyến" is
 * 30 %. A figure in brackets comments on the one before ("99% (… trước hạn 45%)") and is no
 * rival to it. An "a/b" still wins over a percentage (§6); none named, or two: all, the first wins.
 */
function ownFigure(results: Figure[], measure: Measure): Figure[] {
  const outside = outsideBrackets(results);
  // One result outside brackets that names what the title measures wins over the asides in them:
  // "Tổng số 1.000 hồ sơ, trong đó trực tuyến 600 hồ sơ (60%), đúng hạn 98%" is 98 % on "… đúng hạn".
  const best = namedMost(outside, measure.pairs) ?? (outside.length === 1 && outside.length < results.length && namesMeasured(outside[0]!, measure) ? outside[0]! : null);
  return best && (best.kind === "fraction" || !results.some((f) => f.kind === "fraction")) ? [best] : results;
}

/** Its words name what the title measures, not only the thing it counts ("đúng hạn", not "hồ sơ"). */
const namesMeasured = (f: Figure, measure: Measure): boolean => measure.measured !== undefined && measure.measured.some((p) => f.words.includes(p));

/** The figures outside brackets, when any is. */
function outsideBrackets(figures: Figure[]): Figure[] {
  const outside = figures.filter((f) => !f.bracketed);
  return outside.length > 0 ? outside : figures;
}


/**
 * A part named by "trong đó" of a figure that is itself a result ("Đạt 40%; trong đó toàn trình
 * 25%"); a part of what was received is the result ("Tiếp nhận 100% hồ sơ trực tuyến, trong đó
 * giải quyết đúng hạn 98%").
 */
function partOfAResult(f: Figure, figures: Figure[]): boolean {
  if (!f.part) return false;
  const whole = figures.slice(0, figures.indexOf(f)).reverse().find((g) => !g.isYear);
  return whole !== undefined && whole.role !== "total" && whole.role !== "target";
}


/** A label that begins with the plan and says nothing reached ("Chỉ tiêu huyện giao về tỷ lệ …: 45%", "Kế hoạch năm 2024: 45%"). */
const PLAN_HEAD = /^\s*(?:số\s+)?(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|dự\s+toán|kh)(?!\p{L})/u;
const REACHED = /(?<!\p{L})(?:đạt|hoàn\s+thành|thực\s+hiện|kết\s+quả|đã)(?!\p{L})/u;
export const isThePlan = (f: Figure): boolean => f.plan && PLAN_HEAD.test(f.words) && !REACHED.test(f.words) && !TURNED.has(f.role);


function isShare(f: Figure, percents: boolean): boolean {
  if (f.kind === "fraction") return f.b! > 0 || f.a === 0;
  return percents && Number.isFinite(f.value) && (f.kind === "percent" || (f.rate && !f.isYear));
}

/** An "a/b" wins over a percentage (§6); "0/0" is nothing arose. */
function firstShare(pool: Figure[]): RatioReading {
  const f = firstOf(pool);
  if (f.kind !== "fraction") return { percent: cleanPercent(f.value) };
  return f.b === 0 ? NOTHING_AROSE : ratioOf(f.a!, f.b!);
}

const firstOf = (pool: Figure[]): Figure => pool.find((f) => f.kind === "fraction") ?? pool[0]!;

/**
 * The rate from a figure of what it is not: "Trễ hạn 2/300 hồ sơ" is 298/300 on time, "tỷ lệ
 * trễ hạn 0,67%" 99,33 %, "Chưa hoàn thành 2/28" 26/28, "hụt 15% dự toán" 85 %, "vượt 5% dự
 * toán" 105 % ("vượt kế hoạch 105%" names the rate itself). All late or all not done ("2/2",
 * "chưa số hóa 100%") is too odd to turn round.
 */
function turnedShare(f: Figure, shares: Figure[], measure: Measure): RatioReading {
  if (f.role === "excess") return f.kind === "fraction" ? UNCLEAR : beyondPlan(f, shares, measure);
  if (f.kind !== "fraction") return f.value < 100 || (f.role === "late" && f.value === 100) ? { percent: cleanPercent(100 - f.value) } : UNCLEAR;
  if (f.b === 0) return NOTHING_AROSE;
  return f.a! < f.b! ? ratioOf(f.b! - f.a!, f.b!) : UNCLEAR;
}

/**
 * "Vượt X%" beyond the plan: the whole plan (an estimate, a plan of revenue, or none written) is
 * 100 %, so 100 + X; a plan written as a level of a share ("Vượt chỉ tiêu 5% (chỉ tiêu huyện
 * giao 85%)") takes X points more, 90 %. Two levels written, or none on a share (its level is
 * not 100 %): UNCLEAR, never a guess.
 */
function beyondPlan(f: Figure, shares: Figure[], measure: Measure): RatioReading {
  if (f.value >= 100) return { percent: cleanPercent(f.value) };
  const levels = shares.filter((s) => s !== f && s.kind === "percent" && (s.role === "target" || s.plan) && s.role !== "excess");
  if (levels.length > 1 || (levels.length === 0 && measure.kind === "share")) return UNCLEAR;
  return { percent: cleanPercent((levels[0]?.value ?? 100) + f.value) };
}

/**
 * A change written as the two counts it is between, on a criterion measuring the change itself
 * ("Tỷ lệ giảm biên chế so với năm 2015"): "Năm 2015: 200 biên chế; năm 2024: 179 biên chế" is a
 * fall of 10,5 %. One count of an earlier year (or of last year by its words), one of the year
 * assessed (or of no year), of the same thing; a rise where a fall is measured is 0 %. Null when the
 * figures are not so.
 */
function changeOfCounts(figures: Figure[], measure: Measure): DeclaredRatio | null {
  const counts = figures.filter((f) => f.kind === "number" && !f.isYear && !f.duration && Number.isInteger(f.value));
  if (counts.length !== 2 || measure.since === undefined) return null;
  const then = counts.filter((f) => earlier(f, measure));
  const now = counts.filter((f) => !earlier(f, measure));
  if (then.length !== 1 || now.length !== 1 || then[0]!.value <= 0 || !sameThing(now[0]!.tail, then[0]!.tail)) return null;
  const [a, b] = [then[0]!.value, now[0]!.value];
  const change = ((measure.falls ? a - b : b - a) / a) * 100;
  return { percent: cleanPercent(Math.max(0, change)) };
}

/** An amount of money ("114,6 tỷ đồng", "52,5 triệu"): a figure with decimals that still counts against its plan, as a whole number does. */
const AMOUNT = /^\s*(?:tỷ|triệu|nghìn|ngàn)(?:\s+đồng)?(?!\p{L})|^\s*(?:đồng|vnđ|vnd)(?!\p{L})/u;

/**
 * Two counts named as a part and its whole: total and done ("Giao 28, hoàn thành 26"), total
 * and on time, on time and late ("Đúng hạn 298, trễ hạn 02" is 298/300), total and late, done
 * and not done ("Hoàn thành 26, chưa hoàn thành 2" is 26/28), total and not done.
 * Counts named otherwise (two of one kind, done beside late, three kinds, or not named) are UNCLEAR
 * — unless what was done is about the late ones (`aboutLate`: "Trễ hạn 02 hồ sơ, đã xin lỗi 02
 * hồ sơ" is 2/2 apologised), or the rate is of what was on time (`onTimeRate`: "Giải quyết 1.000
 * hồ sơ, trễ hạn 10 hồ sơ" is 990/1.000 on "… giải quyết đúng hạn", the late ones among those settled).
 */
function ratioOfCounts(figures: Figure[], aboutLate = false, onTimeRate = false, measure: Measure = PLAIN_RATE): RatioReading {
  const written = byTitle(wholesAndParts(figures, onTimeRate).filter((f) => f.kind === "number" && !f.isYear && !f.duration && (Number.isInteger(f.value) || AMOUNT.test(f.tail))), measure);
  const counts = earlyWithOnTime(written, measure);
  const named = (roles: Figure["role"][]) => counts.filter((f) => roles.includes(f.role));
  const groups = [named(["total", "target", "sent"]), named(["onTime"]), named(["done"]), named(["late"]), named(["notDone"])];
  const [t, o, d, l, n] = groups.map((g) => g[0]?.value);
  const present = [t, o, d, l, n].filter((v) => v !== undefined).length;
  // Two counts or more, not named as a part and its whole: figures the words do not sort, no missing data.
  if (present < 2) return written.length >= 2 ? UNCLEAR : null;
  // A one-stop shop's statistics line on an on-time criterion: "Tiếp nhận 1.250 (kỳ trước chuyển
  // sang 50, tiếp nhận mới 1.200); đã giải quyết 1.230 (đúng hạn 1.225, quá hạn 5); đang giải quyết
  // 20" is 1.225/1.230 — what was settled on time of what was settled, the two adding up to a figure
  // the line gives. Whatever else it counts (received, carried over, in hand) is no part of that rate.
  if (onTimeRate && groups[1]!.length === 1 && groups[3]!.length === 1 && o! + l! > 0 && counts.some((f) => f.role !== "onTime" && f.role !== "late" && f.value === o! + l!)) return ratioOf(o!, o! + l!);
  if (groups.some((g) => g.length > 1)) return UNCLEAR;
  // Work in hand beside a whole stated and what is done of it never lowers that whole: "Văn bản
  // đi 500, đã ký số 450, đang xử lý 20" is 450/500, the 20 among the 50 not signed (WB21-a).
  const inHand = groups[4]!.length === 1 && groups[4]![0]!.underway;
  if (present > 2) return present === 3 ? partsAddingUp(inHand, t, o, d, l, n) : UNCLEAR;
  // A result may pass its plan ("Dự toán: 1.200; thực hiện: 1.260" is 105 %), never the whole received.
  const beyondPlan = groups[0]![0]?.role === "target";
  // Never below nothing: "Tiếp nhận 200 hồ sơ, đang tiếp nhận 300" is no rate of −100/200 (WB20-4).
  const part = (a: number | undefined, b: number | undefined) => (a !== undefined && b !== undefined && b > 0 && a >= 0 && (a <= b || (beyondPlan && b === t)) ? (a > b ? { ...ratioOf(a, b), beyondPlan: true as const } : ratioOf(a, b)) : UNCLEAR);
  const rest = (a: number, b: number) => (a + b > 0 ? ratioOf(a, a + b) : NOTHING_AROSE);
  if (o !== undefined && l !== undefined) return rest(o, l);
  if (aboutLate && d !== undefined && l !== undefined) return part(d, l);
  if (onTimeRate && d !== undefined && l !== undefined) return part(d - l, d);
  if ((d ?? o) !== undefined && n !== undefined) return rest((d ?? o)!, n);
  if (t !== undefined && (l ?? n) !== undefined) return part(t - (l ?? n)!, t);
  return part(o ?? (t !== undefined ? d : undefined), t ?? d);
}

/** "Trước hạn": early, which is on time too. */
const EARLY = /(?<!\p{L})trước\s+(?:thời\s+)?h[ạẹ]n(?!\p{L})/u;

/**
 * Files settled early and files settled on time, counted apart as one-stop statistics list them
 * ("Trước hạn 500, đúng hạn 480, trễ hạn 20; tổng 1.000"), are both on time: one count of 980 —
 * the portal's on-time rate is (early + on time) / settled. Early counted within the on-time count
 * ("đúng hạn 980, trong đó trước hạn 500", "đúng hạn 980 (trước hạn 500)") is a part of it, not
 * added. A title measuring early files alone keeps them apart.
 */
function earlyWithOnTime(counts: Figure[], measure: Measure): Figure[] {
  const onTime = counts.filter((f) => f.role === "onTime");
  if (onTime.length !== 2) return counts;
  const labelled = (f: Figure) => EARLY.test(`${f.words} ${f.tail}`);
  const early = onTime.find(labelled);
  const due = onTime.find((f) => !labelled(f));
  const pairs = measure.pairs ?? [];
  if (early === undefined || due === undefined || (pairs.includes("trước hạn") && !pairs.includes("đúng hạn"))) return counts;
  if (counts[counts.indexOf(due) + 1] === early && (early.part || (early.bracketed && !due.bracketed))) return counts.filter((f) => f !== early);
  // Apart only in the portal's order, early first ("Trước hạn 500, đúng hạn 480"): after the on-time
  // figure ("Đúng hạn 980, trước hạn 500") it may be a part of it, and two shares past 100 % are.
  if (counts.indexOf(early) > counts.indexOf(due) || (early.kind === "percent" && early.value + due.value > 100.5)) return counts;
  return counts.filter((f) => f !== early).map((f) => (f === due ? { ...f, value: f.value + early.value } : f));
}

/**
 * A whole and both its parts, each named, when the parts add up to it: "Giao 28 nhiệm vụ, hoàn
 * thành 26, đang thực hiện 02" is 26/28, "Giải quyết 1.000 hồ sơ, đúng hạn 990, trễ hạn 10"
 * 990/1.000. Parts that do not make the whole are UNCLEAR, never a guess at which is wrong.
 */
function partsAddingUp(inHand: boolean, ...[t, o, d, l, n]: (number | undefined)[]): RatioReading {
  const whole = t ?? d;
  if (o !== undefined && l !== undefined && whole !== undefined && o + l === whole && whole > 0) return ratioOf(o, whole);
  // The whole, what is done (or done on time) of it, and the rest not done or still in hand.
  const done = o === undefined ? d : d === undefined ? o : undefined;
  if (t !== undefined && done !== undefined && n !== undefined && t > 0 && (done + n === t || (inHand && done + n < t))) return ratioOf(done, t);
  return UNCLEAR;
}

/**
 * Counts the words leave unsorted, sorted by the title (measure.thing, measure.measured): beside
 * a whole, the one count labelled with what the title measures ("trực tuyến 600 hồ sơ",
 * "tiếp nhận trực tuyến 600" beside "Tổng số 1.000 hồ sơ") is the part measured, not a second
 * whole; beside what is done and no whole, the count labelled with the thing the title counts
 * and nothing it measures ("Văn bản đi 500, ký số 450") is the whole (WB21-c).
 */
function byTitle(counts: Figure[], measure: Measure): Figure[] {
  const { thing, measured } = measure;
  if (counts.length < 2 || (!thing && !measured)) return counts;
  // A figure after "trong (tổng) số" is labelled by what follows it: the words before are its part's ("8 phản ánh trong số 50 hồ sơ").
  const label = (f: Figure) => (AFTER_WHOLE_WORD.test(f.words) ? f.tail : `${f.words} ${f.tail}`);
  const holds = (f: Figure, pairs: string[] | undefined) => pairs !== undefined && pairs.some((p) => label(f).includes(p));
  // The title's thing with its own qualifier: "văn bản đến" is no whole of "văn bản đi" (WB23-3).
  const another = (f: Figure) => thing !== undefined && opposed(thing.join(" "), label(f));
  if (counts.some((f) => f.role === "total" && another(f))) return counts.map((f) => (f.role === "total" && another(f) ? { ...f, role: null } : f));
  // What the title measures that no word of a role names already ("trực tuyến", not "tiếp nhận").
  const qualifiers = measured?.filter((p) => !namesARole(p));
  // "600 hồ sơ trực tuyến trong số 900 hồ sơ đủ điều kiện … trực tuyến": a whole itself of what the
  // title measures is some of the title's things, not all of them (rt-wb23 s2).
  // One naming both kinds ("hồ sơ trực tiếp và trực tuyến") is all of them (WB24-5).
  const narrowed = (f: Figure) => f.role === "total" && AFTER_WHOLE_WORD.test(f.words) && holds(f, qualifiers) && !namesBoth(label(f));
  if (counts.some(narrowed)) return counts.map((f) => (narrowed(f) ? { ...f, role: null } : f));
  // Work in hand is read by settleUnderway alone: beside a bare whole it stays unread (round 20).
  const open = counts.filter((f) => (f.role === null || f.role === "total") && !f.underway);
  // Never the title's counterpart: "trực tuyến một phần 18" is no part of "… trực tuyến toàn trình".
  const parts = open.filter((f) => holds(f, qualifiers) && !(measured !== undefined && opposed(label(f), measured.join(" "))));
  if (parts.length === 1 && open.some((f) => f !== parts[0] && f.role === "total" && !holds(f, qualifiers) && sameThing(parts[0]!.tail, f.tail))) {
    return counts.map((f) => (f === parts[0] ? { ...f, role: "done" as const } : f));
  }
  // A bare count with its breakdown in brackets after it: "200 TTHC (toàn trình: 150; một phần: 40)"
  // is 150 of 200 on "… toàn trình" — the count the brackets break down is their whole.
  const bare = parts.length === 1 && parts[0]!.bracketed ? counts[counts.indexOf(parts[0]!) - 1] : undefined;
  if (bare && bare.role === null && !bare.bracketed && !bare.underway && !holds(bare, qualifiers) && counts.filter((f) => !f.bracketed).length === 1) {
    return counts.map((f) => (f === parts[0] ? { ...f, role: "done" as const } : f === bare ? { ...f, role: "total" as const } : f));
  }
  // The done figure must be the title's own work ("ký số 450"): "Công chức: 20 người; đạt 18 người"
  // on "… được bồi dưỡng" says nothing of training (WB15-11).
  if (counts.some((f) => f.role === "total" || f.role === "target") || !counts.some((f) => (f.role === "done" || f.role === "onTime") && !f.underway && holds(f, measured))) return counts;
  const wholes = counts.filter((f) => f.role === null && !f.bracketed && holds(f, thing) && !holds(f, measured) && !another(f));
  return wholes.length === 1 ? counts.map((f) => (f === wholes[0] ? { ...f, role: "total" as const } : f)) : counts;
}

/** "… trong (tổng) số", "trên tổng số" closing a figure's words: what it counts is said after it. */
const AFTER_WHOLE_WORD = /(?<!\p{L})(?:trong|trên)(?:\s+tổng)?(?:\s+số)?\s*$/u;

/**
 * "Trong đó" names a part of the figure before it: that figure, named by no word, is the whole
 * ("Có 20 CBCC, trong đó 18 người đạt chuẩn" is 18/20); a part of what is already a part (done,
 * on time) is an aside about it ("đã xử lý đúng hạn 10, trong đó 02 … chuyển cơ quan khác").
 */
function wholesAndParts(figures: Figure[], onTimeRate = false): Figure[] {
  const whole = (i: number) => figures.slice(0, i).reverse().find((f) => !f.isYear);
  return figures.flatMap((f, i) => {
    // Where the rate is not of what was on time, those on time are an aside too ("Hoàn thành 26 nhiệm vụ, trong (số) đó 2 … trước hạn").
    const of = f.part && (f.role === "done" || (f.role === "onTime" && !onTimeRate)) ? whole(i) : undefined;
    if (of && (of.role === "done" || of.role === "onTime") && !issuedAndDone(of, f)) return [];
    const next = figures.slice(i + 1).find((g) => !g.isYear);
    const wholeOfPart = !f.isYear && next?.part === true && (f.role === null || issuedAndDone(f, next));
    return wholeOfPart ? [{ ...f, role: "total" as const }] : [f];
  });
}

/**
 * The documents issued ("Ban hành 20 văn bản, trong đó ký số 18"): what is issued is the whole of
 * what "trong đó" says was done with them — signed, published — no aside about work already done.
 * A part naming no such work ("trong đó 2 văn bản chuyển kỳ sau") is still an aside.
 */
const ISSUED = /(?<!\p{L})ban\s+hành(?!\p{L})/u;
const issuedAndDone = (whole: Figure, part: Figure): boolean =>
  whole.role === "done" && part.role === "done" && ISSUED.test(whole.words) && namesDoneVerb(`${part.words.replace(ISSUED, " ")} ${part.tail}`);

/** Last year's or the same period's by its words ("cùng kỳ năm trước"), or naming a year before the period assessed ("năm 2023: … 15%"). */
export const earlier = (f: Figure, measure: Measure): boolean => f.earlier || (measure.since !== undefined && f.year !== undefined && f.year < measure.since);
