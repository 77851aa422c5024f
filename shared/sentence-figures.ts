import { groupedWhole, parseNumberText } from "./values.ts";

/**
 * The figures of a sentence of declared data and what its words name each one ("Gửi 04 báo
 * cáo, chậm 01 báo cáo": 4 sent, 1 late; "Chỉ tiêu tỉnh giao 98%; kết quả thực hiện 92%": a
 * target and a result). The text comes with its dates and document numbers blanked out.
 */

/**
 * What a figure is: late or on-time cases, a target or plan (assigned, planned), a total
 * (received, due), reports sent, work done, or last year's; the part not done or short of the
 * plan ("chưa hoàn thành 2/28", "hụt 15% dự toán": the rate is the rest), the part beyond the
 * plan ("vượt 5% dự toán": the rate is 100 % and it), or a change or level that is no rate of
 * the plan ("tăng 5% so với năm trước", "chưa đạt 80%").
 */
export type FigureRole = "late" | "onTime" | "target" | "total" | "sent" | "done" | "prior" | "notDone" | "excess" | "change" | null;
/** A word of direction before a figure: up or down by it, against the plan or against something else. */
type WordRole = Exclude<FigureRole, null> | "over" | "under";

export interface Figure {
  kind: "fraction" | "percent" | "number";
  /** The percentage (of a fraction too), or the number itself. */
  value: number;
  a?: number;
  b?: number;
  /** A whole number 1900–2100 standing alone: a year, which names the year of the figures after it. */
  isYear: boolean;
  role: FigureRole;
  /** "Tỷ lệ" names it: a plain number is then a percentage written without its "%" ("tỷ lệ: 92,86"). */
  rate: boolean;
  /** Its label names a plan, or it stands in brackets after one: "chỉ tiêu giảm 1%", "vượt kế hoạch (7%)". */
  plan: boolean;
  /** The year named before it in its clause ("Năm 2025 đạt 96%"). */
  year?: number;
  /** "2 ngày", "3 giờ": a duration, never a count of cases. */
  duration: boolean;
  /** The next clause says only that it was on time ("Đã gửi đủ 04 báo cáo, đúng hạn"). */
  onTimeAfter: boolean;
  /** Its label, lower case: what it is a figure of ("thanh toán trực tuyến 30%"); the words after may be about another ("10% hồ sơ không số hóa"). */
  words: string;
  /** The words after it in its clause, lower case: what it counts ("01 sáng kiến cấp tỉnh"). */
  tail: string;
  /** It stands in brackets: a comment on the figure before them ("99% (trước hạn 45%)"), never the answer beside one outside. */
  bracketed: boolean;
  /** "Trong đó" stands between it and the figure before: a part of that figure ("Đạt 40%; trong đó toàn trình 25%"). */
  part: boolean;
  /** Its own words give it to last year or the same period ("cùng kỳ năm trước: … đạt 20%"), never comparing with it ("so với cùng kỳ"). */
  earlier: boolean;
  /** It continues a list of what the figure before counts, joined by "," or "và" ("01 sáng kiến cấp tỉnh, 01 sáng kiến cấp cơ sở"). */
  listed: boolean;
  /** "Đang" + a done-verb names it ("đang xử lý 20"): work in hand, which never lowers a whole stated beside it. */
  underway: boolean;
}

const WHOLE = String.raw`(\d{1,3}(?:\.\d{3})+|\d{1,3}(?:,\d{3})+|\d+)`;
const FIGURE = new RegExp(
  [
    String.raw`(?<![\d.,/])${WHOLE}\s*\/\s*${WHOLE}(?![\d/]|[.,]\d)`,
    String.raw`(?<![\d.,])(\d+(?:[.,]\d+)?)\s*%`,
    String.raw`(?<![\d.,/])(\d{1,3}(?:\.\d{3})+(?![.,]\d)|\d{1,3}(?:,\d{3})+(?![.,]\d)|\d+(?:[.,]\d+)?)(?![\d/]|[.,]\d|\s*\/\s*\d)`,
  ].join("|"),
  "gu",
);

/** Where a clause ends: punctuation between clauses, a dash between spaces, a line break. */
const BOUNDARY = /[;,()[\]\n|]|\.(?=\s|$)|\s[-–—]\s/u;
const BOUNDARIES = new RegExp(BOUNDARY.source, "gu");

const word = (alternatives: string) => new RegExp(String.raw`(?<!\p{L})(?:${alternatives})(?!\p{L})`, "gu");
/** "Không có báo cáo chậm", "không trễ hạn", "không có hồ sơ nào quá hạn" (or "trễ hẹn", "quá hẹn": the one-stop shop's appointment): no late case. */
export const NONE_LATE = word(String.raw`(?:không|chưa)\s+(?:có\s+)?(?:\p{L}+\s+){0,4}?(?:chậm(?:\s+trễ)?|trễ(?:\s+(?:hạn|hẹn))?|quá\s+(?:hạn|hẹn)|lỡ\s+hẹn|sai\s+hẹn|thiếu)`);
/** The plan a figure is measured against: the estimate (revenue), the plan, the target, the level. */
const PLAN = String.raw`dự\s+toán|kế\s+hoạch|chỉ\s+tiêu|mục\s+tiêu|mức|kh`;
/** Who gives the plan: "dự toán huyện giao", "chỉ tiêu tỉnh giao". */
const GIVEN = String.raw`(?:\s+(?:huyện|tỉnh|xã|thành\s+phố|trung\s+ương|cấp\s+trên))?\s+(?:được\s+)?giao`;
/** "vượt (mức) kế hoạch (huyện/được giao)", "tăng so với dự toán": a direction word with the plan it names. */
const AGAINST_PLAN = String.raw`(?:\s+(?:so\s+với\s+)?(?:${PLAN})(?:\s+(?:${PLAN}))?(?:${GIVEN})?)?`;
/** The words before a figure in brackets or after a colon name a plan: "vượt kế hoạch (7%)". */
const PLAN_BEFORE = new RegExp(String.raw`(?<!\p{L})(?:${PLAN})(?:${GIVEN})?\s*[(:]\s*$`, "u");
/** A plan named, also by the resolution that sets it ("Nghị quyết HĐND tỉnh: tăng 7%"). */
const NAMES_PLAN = new RegExp(word(String.raw`${PLAN}|nghị\s+quyết`).source, "u");
/** What a change is measured against when it is no rate of the plan: last year, the same period, a year. */
const NAMES_PRIOR = new RegExp(word(String.raw`năm\s+trước|năm\s+ngoái|cùng\s+kỳ|kỳ\s+trước|so\s+với\s+năm`).source, "u");
/**
 * The verbs of what rated criteria count as done: tasks completed, files settled, staff
 * trained, communes inspected, capital disbursed, documents published or updated. Negated
 * ("chưa kiểm tra", "không được bồi dưỡng") any of them names the part not done.
 */
const DONE_VERB = String.raw`hoàn\s+thành|đạt|thực\s+hiện|giải\s+quyết|triển\s+khai|xử\s+lý|số\s+h[óo]a|ký\s+số|ban\s+hành|áp\s+dụng|đưa\s+vào|công\s+nhận|kiểm\s+tra|thanh\s+tra|bồi\s+dưỡng|đào\s+tạo|tập\s+huấn|giải\s+ngân|thanh\s+toán|công\s+khai|niêm\s+yết|cập\s+nhật|đăng\s+tải|rà\s+soát|chuẩn\s+h[óo]a|kết\s+nối|tích\s+hợp|sắp\s+xếp|phê\s+duyệt|nghiệm\s+thu|trả\s+kết\s+quả|tiếp\s+nhận`;
/**
 * A done-word negated ("chưa hoàn thành", "không đạt chuẩn", "chưa được bồi dưỡng") or still
 * under way ("đang thực hiện", as settleUnderway reads it beside the figures around), what is left over ("còn tồn (đọng)"), a shortfall ("hụt", "thiếu") and what awaits recognition ("đang
 * chờ Hội đồng … công nhận"): the figure is the part not done.
 */
const NOT_DONE = word(String.raw`(?:chưa|không)\s+(?:được\s+)?(?:${DONE_VERB})(?:\s+được)?|đang\s+(?:${DONE_VERB})|còn\s+tồn(?:\s+đọng)?|tồn\s+đọng|(?:còn\s+)?(?:hụt|thiếu)|(?:đang\s+)?chờ(?:\s+\p{L}+){0,6}?\s+(?:công\s+nhận|phê\s+duyệt|xét\s+duyệt)`);
/** The done-word `verb` of an item's title, negated ("chưa (được) cấp mã"), as NOT_DONE reads the listed ones. */
export const notDoneOf = (verb: string): RegExp => word(String.raw`(?:chưa|không)\s+(?:được\s+)?${verb.trim().split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join(String.raw`\s+`)}`);
/** "Chưa đạt 80%", "không đạt chỉ tiêu 90%": the level not reached, not the part not done. */
const LEVEL_NOT_REACHED = new RegExp(String.raw`(?<!\p{L})(?:chưa|không)\s+(?:được\s+)?đạt(?:\s+(?:${PLAN}|yêu\s+cầu)(?:${GIVEN})?)?\s*$`, "u");
/**
 * "Chưa đạt dự toán: 95%", "Chưa hoàn thành kế hoạch giải ngân: 85%": a done-word negated, the
 * plan named, then what was reached after a colon — the result that fell short, not the part
 * not done ("Chưa hoàn thành 5% dự toán" names no plan before its figure).
 */
const SHORT_RESULT = new RegExp(String.raw`(?<!\p{L})(?:chưa|không)\s+(?:được\s+)?(?:${DONE_VERB})(?:\s+đạt)?\s+(?:${PLAN}|yêu\s+cầu)(?:\s+\p{L}+){0,4}?\s*:\s*(?:\p{L}+\s+){0,3}$`, "u");

/**
 * Words naming a figure; of several, the one nearest the figure wins ("giải quyết đúng hạn
 * 298" is on time, "phải gửi: 04" a total). At an equal end the earlier entry wins.
 */
const ROLE_WORDS: [RegExp, WordRole][] = [
  // "Không có báo cáo chậm", "không trễ hạn": none late, before "chậm" alone.
  [NONE_LATE, "onTime"],
  // "Chưa giải quyết đúng hạn 2/300 hồ sơ": late, before "đúng hạn" alone. A one-stop shop's
  // "hẹn" (the date on its appointment slip) is its deadline: "trễ hẹn", "quá hẹn", "đúng hẹn".
  [word(String.raw`(?:không|chưa)\s+(?:\p{L}+\s+){0,3}?đúng\s+(?:thời\s+)?(?:hạn|hẹn)|trễ(?:\s+(?:hạn|hẹn))?|quá\s+(?:thời\s+)?(?:hạn|hẹn)|lỡ\s+hẹn|sai\s+hẹn|chậm(?:\s+trễ)?|muộn|tre\s+h[ae]n|qua\s+h[ae]n`), "late"],
  [word(String.raw`(?:đúng|trước)\s+(?:thời\s+)?(?:hạn|hẹn)|kịp\s+thời|dung\s+h[ae]n`), "onTime"],
  [word(String.raw`năm\s+trước|năm\s+ngoái|cùng\s+kỳ|kỳ\s+trước|lần\s+trước`), "prior"],
  // "Chưa hoàn thành 2/28", "2/20 công chức chưa đạt chuẩn", "hụt 15%", before the done-words they negate.
  [NOT_DONE, "notDone"],
  // "Vượt kế hoạch 5%", "tăng 5%": up or down by the figure, before the plan word they may end with.
  // "Hoàn thành vượt tiến độ" is ahead of time, no excess over a plan.
  // "Đạt và vượt 18/20 chỉ tiêu" is what was met, no excess.
  [word(String.raw`(?:(?<!đạt\s+và\s+)vượt(?!\s+(?:tiến\s+độ|thời\s+hạn))|tăng(?!\s+cường)|cao\s+hơn)${AGAINST_PLAN}`), "over"],
  [word(String.raw`(?:giảm|thấp\s+hơn)${AGAINST_PLAN}`), "under"],
  // "Đề nghị công nhận 02 sáng kiến", "Đề xuất triển khai thêm 01 phần mềm": proposed, before the done-word it ends with.
  [word(String.raw`(?:được\s+)?giao(?!\s+(?:dịch|ban))|kế\s+hoạch|dự\s+toán|dự\s+kiến|chỉ\s+tiêu|mục\s+tiêu|phấn\s+đấu|yêu\s+cầu|định\s+mức|(?:đề\s+xuất|đề\s+nghị|đăng\s+ký)(?:\s+(?:xét\s+)?(?:${DONE_VERB}))?`), "target"],
  // "Tiếp nhận và giải quyết 1.000 hồ sơ": what was received, settled with it, is the whole (its end is "giải quyết"'s: the earlier entry wins).
  [word(String.raw`tổng(?!\s+hợp)|tiếp\s+nhận(?:\s+và\s+giải\s+quyết)?|phải(?:\s+\p{L}+){0,2}|phát\s+sinh`), "total"],
  // "Không gửi 01 báo cáo", "01 báo cáo chưa nộp": not sent, the part not done, before "gửi" alone (IMP7-7).
  [word(String.raw`(?:không|chưa)\s+(?:\p{L}+\s+)?(?:gửi|nộp)`), "notDone"],
  [word(String.raw`gửi|nộp`), "sent"],
  // Every done-verb NOT_DONE reads negated names what was done ("Kiểm tra 5 xã; chưa kiểm tra 10 xã"); "trong đó" the part of a whole.
  [word(String.raw`${DONE_VERB}|kết\s+quả|xin\s+lỗi|được|đã|trong\s+(?:số\s+)?đó`), "done"],
];
/** Whether words name a verb of work done ("ký số", "công khai", "hoàn thành" …): tested, never searched through. */
const DONE_VERB_NAMED = new RegExp(word(DONE_VERB).source, "u");
/** A title's first verb of work done, or of a service given ("cung cấp"): where its thing ends and what it measures begins (rate-measure.ts). */
const TITLE_WORK = new RegExp(word(String.raw`${DONE_VERB}|cung\s+cấp`).source, "u");
export const titleWorkAt = (title: string): number => TITLE_WORK.exec(title)?.index ?? -1;
/** A title's first word of a kind with its counterpart ("trực tuyến", "toàn trình", "đi"): where a title naming no verb ("Tỷ lệ hồ sơ trực tuyến") measures. */
export function titleKindAt(title: string): number {
  const found = COUNTERPARTS.flat().map((re) => re.exec(title)?.index ?? -1).filter((i) => i >= 0);
  return found.length > 0 ? Math.min(...found) : -1;
}
export const namesDoneVerb = (words: string): boolean => DONE_VERB_NAMED.test(words.toLowerCase());
/** "Đạt 100% kế hoạch", "so với chỉ tiêu": a result measured against a target, not the target ("vượt kế hoạch 5%" is an excess). */
const MEASURED_AGAINST = word(String.raw`(?:đạt|so\s+với|hoàn\s+thành)\s+(?:\p{L}+\s+){0,2}?(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu)`);
// Tested, never searched through: a global pattern would keep its lastIndex from one label to the next (WB39-1).
const RATE_WORD = new RegExp(word(String.raw`t[ỷỉ]\s*lệ|ty\s+le`).source, "u");
const DURATION = /^\s*(?:ngày|giờ|tiếng|phút|tuần)(?!\p{L})/u;

const HAS_LETTER = /\p{L}/u;

/** "85% công chức theo kế hoạch": after a figure, what it was measured by, not a target. */
const BY_PLAN = word(String.raw`theo\s+(?:chỉ\s+tiêu|kế\s+hoạch|mục\s+tiêu|yêu\s+cầu)`);

/**
 * The role named last in `words`: the word nearest a figure before it, or the last word
 * describing one after it (`after`: there a plan names the whole, "28 nhiệm vụ được giao",
 * never a target beside the result; "105% vượt kế hoạch" is what was done).
 */
function roleIn(words: string, after = false, titleNotDone?: RegExp): WordRole | null {
  // Most data cells are a bare figure ("96%", "26/28"): no word, no role, none of the regexes below.
  if (!HAS_LETTER.test(words)) return null;
  const text = (after ? words.toLowerCase().replace(BY_PLAN, " ") : words.toLowerCase()).replace(MEASURED_AGAINST, " đạt ");
  let best: { at: number; role: WordRole } | null = null;
  for (const [re, role] of titleNotDone ? [...ROLE_WORDS, [titleNotDone, "notDone"] as const] : ROLE_WORDS) {
    for (const m of text.matchAll(re)) {
      const at = m.index! + m[0].length;
      if (!best || at > best.at) best = { at, role };
    }
  }
  if (!after || !best) return best?.role ?? null;
  return best.role === "target" ? "total" : best.role === "over" ? "done" : best.role === "under" ? null : best.role;
}

/**
 * A figure's role: what its label names, else what the words after it describe; those name
 * lateness or the part not done over a verb ("Gửi 12/12 báo cáo đúng hạn", "giải quyết 298 hồ
 * sơ đúng hạn", "Đã có 2/20 công chức chưa đạt chuẩn"). A change up or down ("vượt", "tăng",
 * "giảm") is beyond or short of the plan only when the words name the plan and no earlier
 * year: "Vượt 5% dự toán", not "tăng 5% so với năm trước".
 */
function roleOf(label: string, tail: string, titleNotDone?: RegExp): FigureRole {
  // "Chưa đạt dự toán: 95%", "Chưa đạt yêu cầu: giải ngân 85%": the result that fell short, whatever word names the plan.
  // Unless the words after the colon name the figure a shortfall or a fall ("Chưa hoàn thành dự
  // toán: còn thiếu 5%", "…: giảm 5% so với dự toán"): then it is read by them.
  const lower = label.toLowerCase();
  if (SHORT_RESULT.test(lower) && !SHORT_BY.has(roleIn(lower.slice(lower.lastIndexOf(":") + 1)))) return "done";
  const own = roleIn(label, false, titleNotDone);
  const described = roleIn(tail, true, titleNotDone) as FigureRole;
  if (own === "over" || own === "under") return changeAgainst(own, `${label} ${tail}`.toLowerCase());
  if (own === "notDone" && LEVEL_NOT_REACHED.test(label.toLowerCase())) return "change";
  if (own === null) return described;
  return (own === "sent" || own === "done") && (described === "late" || described === "onTime" || described === "notDone") ? described : own;
}

/** Words naming a figure the part short of the plan or a fall below it. */
const SHORT_BY = new Set<WordRole | null>(["notDone", "under"]);

function changeAgainst(direction: "over" | "under", words: string): FigureRole {
  if (NAMES_PRIOR.test(words) || !NAMES_PLAN.test(words)) return "change";
  return direction === "over" ? "excess" : "notDone";
}

/**
 * The figures a sentence of declared data is read by: no note of a unit's data holds more,
 * and a cell of 32 767 characters full of figures costs no more than this many.
 */
const MOST_FIGURES = 40;

/**
 * The figures of `text` in the order written (the first MOST_FIGURES), each with what its words
 * name it; `titleNotDone`: the item's own done-word negated ("chưa cấp mã" where the title says
 * "được cấp mã"), the part not done as the listed ones are.
 */
export function sentenceFigures(text: string, titleNotDone?: RegExp): Figure[] {
  const matches: RegExpMatchArray[] = [];
  for (const m of text.matchAll(FIGURE)) if (matches.push(m) >= MOST_FIGURES) break;
  const figures: Figure[] = [];
  // A bare figure or two ("96%", "26/28 (92,86%)"): no word names a role, a rate or a duration.
  if (!HAS_LETTER.test(text)) return matches.map(readFigure);
  let labelStart = 0;
  const brackets = { depth: 0, scanned: 0 };
  /** Years that close the clause of the figure before them ("01 sáng kiến năm 2023"): theirs, not the next one's. */
  const trailing = new Set<number>();
  /** Figures "đang" + a done-verb names, with the role their words give without "đang". */
  const underway = new Map<Figure, FigureRole>();
  /** Figures of a part of the year ("20 nhiệm vụ trong 6 tháng"): yearOverPart. */
  const partYear = new Set<Figure>();
  matches.forEach((m, i) => {
    const start = m.index!;
    const end = start + m[0].length;
    const previousEnd = i === 0 ? 0 : matches[i - 1]!.index! + matches[i - 1]![0].length;
    const cut = lastBoundaryEnd(text.slice(previousEnd, start));
    // The label: its clause's words since the last figure that is not a year ("Năm 2025 đạt 96%");
    // after a figure in brackets, the words before the brackets ("Vượt chỉ tiêu (85%) 5%": vượt 5%).
    const previous = figures[i - 1];
    const throughYear = cut === null && previous?.isYear === true && !trailing.has(i - 1);
    const aside = previous !== undefined && ASIDE_CLOSED.test(text.slice(previousEnd, start)) ? asideOpening(text, matches, i - 1) : null;
    if (!throughYear) labelStart = cut !== null ? previousEnd + cut : previousEnd;
    const label = aside ? text.slice(aside.start, aside.end) : text.slice(labelStart, start);
    const next = matches[i + 1];
    const after = text.slice(end, next ? next.index! : text.length);
    const tailEnd = firstBoundary(after);
    const figure = readFigure(m);
    const ownWords = ownTail(after.slice(0, tailEnd ?? after.length));
    if (!figure.isYear) figure.role = cut === null && i > 0 && REFERENCE_OF_PREVIOUS.test(label.toLowerCase()) ? "target" : roleOf(label, ownWords, titleNotDone);
    if (figure.role === "notDone" && UNDERWAY.test(`${label} ${ownWords}`.toLowerCase())) {
      const stated = roleOf(label.replace(UNDERWAY_WORD, " "), ownWords.replace(UNDERWAY_WORD, " "), titleNotDone);
      if (stated !== "notDone") underway.set(figure, stated);
      figure.underway = true;
    }
    if (cut === null && previous !== undefined) partOfWhole(figure, previous, label, after);
    if (!figure.isYear && previous !== undefined && !previous.isYear) restate(figure, previous, text.slice(previousEnd, start), text.slice(end));
    figure.rate = RATE_WORD.test(label.toLowerCase());
    figure.plan = NAMES_PLAN.test(label.toLowerCase()) || (!HAS_LETTER.test(label) && PLAN_BEFORE.test(text.slice(Math.max(0, labelStart - 40), labelStart).toLowerCase()));
    if (throughYear) figure.year = previous.value;
    // "01 sáng kiến năm 2023 và 02 sáng kiến năm 2024": a year after a figure in its clause is that figure's.
    if (figure.isYear && previous !== undefined && !previous.isYear && previous.year === undefined && cut === null && YEAR_AFTER.test(label)) {
      previous.year = figure.value;
      trailing.add(i);
    }
    figure.duration = DURATION.test(after);
    figure.words = label.toLowerCase();
    figure.tail = after.slice(0, tailEnd ?? after.length).toLowerCase();
    figure.bracketed = bracketDepth(text, start, brackets) > 0;
    const between = text.slice(previousEnd, start).toLowerCase();
    figure.part = i > 0 && PART_OF.test(between);
    const own = i === 0 ? between : throughYear ? text.slice(labelStart, start).toLowerCase() : between.slice(firstBoundary(between) ?? between.length);
    figure.earlier = namesEarlierPeriod(own);
    // The same figure said again ("18/20 (95%)", "18/20 = 95%") is of its year: "Năm 2023: 18/20 (95%)" is 2023's
    // whole, where the bracket had been this year's figure beside last year's 18/20 (a period set from 2024).
    if (!figure.isYear && previous !== undefined && !previous.isYear && saidAgain(text.slice(previousEnd, start).toLowerCase())) {
      figure.year ??= previous.year;
      figure.earlier ||= previous.earlier;
    }
    figure.listed = previous !== undefined && !previous.isYear && continuesList(between, figure.tail);
    figure.onTimeAfter = tailEnd !== null && roleIn(nextClause(after.slice(tailEnd + 1), next !== undefined) ?? "") === "onTime";
    const rest = text.slice(end).toLowerCase();
    const clauseAfter = rest.slice(0, firstBoundary(rest) ?? rest.length);
    if (!figure.isYear && partOfYear(clauseAfter)) partYear.add(figure);
    figures.push(figure);
  });
  if (underway.size > 0) settleUnderway(figures, underway);
  if (partYear.size > 0) yearOverPart(figures, partYear);
  totalOfDone(figures);
  return figures;
}

/**
 * "Tổng số hồ sơ đã giải quyết: 1.000; số hồ sơ được số hóa kết quả: 900": of two figures of work
 * done, the one its own words call the total ("tổng số … đã giải quyết") is the whole of the other
 * (its verb, nearer the figure, had made both done: the figure said missing). Only where exactly
 * one of them is so called.
 */
function totalOfDone(figures: Figure[]): void {
  const done = figures.filter((f) => !f.isYear && f.role === "done");
  if (done.length < 2) return;
  const named = done.filter((f) => TOTAL_NAMED.test(f.words));
  if (named.length === 1) named[0]!.role = "total";
}

/** "… trong 6 tháng (đầu năm)", "… trong quý I", "… 6 tháng đầu năm", "nửa đầu năm": a figure of a part of the year. */
function partOfYear(clause: string): boolean {
  const m = /^\s*(?:\p{L}+\s+){0,4}?(?:trong\s+|của\s+)?(?:(\d+|sáu|ba|chín)\s+tháng(?!\p{L})|quý\s+(?:[ivx]+|\d)(?!\p{L})|nửa\s+(?:đầu\s+|cuối\s+)?năm)/u.exec(clause);
  if (!m) return false;
  return m[1] === undefined || !/^\d+$/.test(m[1]) || Number(m[1]) < 12;
}

/**
 * "Hoàn thành 20 nhiệm vụ trong 6 tháng, 26 nhiệm vụ trong năm": beside a figure of the same
 * thing for the year (or no span), one of a part of it is a step on the way, not the data — the
 * index scores the year assessed (WB24-3). Alone, a count done "trong 6 tháng" is still read as
 * written: what was done by then is done in the year ("Hoàn thành 26 nhiệm vụ trong 3 tháng đầu
 * năm, cả năm giao 28" is 26/28, round 23). A whole too: "giao 14 nhiệm vụ trong 6 tháng, 28
 * nhiệm vụ cả năm" gives 28 as the plan, never 26/14 = 185,71 % (WB25-4).
 */
function yearOverPart(figures: Figure[], partYear: Set<Figure>): void {
  for (const part of partYear) {
    if (part.role === null) continue;
    const at = figures.indexOf(part);
    const year = figures.find((f, i) => i > at && !f.isYear && !partYear.has(f) && f.kind === part.kind && (f.role === null || f.role === part.role) && !SPAN.test(f.tail) && sameThing(part.tail, f.tail) && thingAfter(f.tail).length > 0 && !periodKind(f.tail));
    if (!year) continue;
    year.role = part.role;
    // No more one of a list with the part-year figure ("5 phản ánh trong quý I, 8 phản ánh trong năm"): the year's alone.
    year.listed = false;
    part.role = null;
  }
}

/**
 * "01 báo cáo năm", "01 báo cáo quý": a period written right after the noun, with no "trong",
 * "cả", "của" …, names a kind of the thing (the annual report), not the span it was counted in —
 * no year's figure of what was counted in a part of it (WB25-2). "năm 2024" is the year.
 */
function periodKind(tail: string): boolean {
  const own = tail.slice(0, firstBoundary(tail) ?? tail.length);
  return /^\s*(?!(?:bộ|cái|chiếc|bản|quyển|cuốn|tờ|tập|khoản)\s)\p{L}+(?:\s+\p{L}+)?\s+(?:năm|quý|tháng)(?!\p{L})(?!\s*\d)/u.test(own) && !/^\s*(?:\p{L}+\s+){0,2}(?:cả|của|trong|đầu|cuối|nửa|kế|mỗi)\s+(?:năm|quý|tháng)(?!\p{L})/u.test(own);
}

/** "Đang" before a done-verb ("đang thực hiện", "đang ký số"). */
const UNDERWAY = new RegExp(word(String.raw`đang\s+(?:${DONE_VERB})`).source, "u");
const UNDERWAY_WORD = /(?<!\p{L})đang(?!\p{L})/giu;

/**
 * What "đang" + a done-verb makes of a figure depends on the figures beside it: alone it is
 * what is being done, the result as stated ("Hiện đang ký số 95% văn bản đi" is 95 %); beside a
 * figure of what IS done it is the part still under way ("hoàn thành 26, đang thực hiện 02"),
 * or the whole when it opens the sentence no smaller than that figure ("Đang thực hiện 28 nhiệm
 * vụ, đã hoàn thành 26", "Đang giải quyết 1.000 hồ sơ, đã giải quyết đúng hạn 990"): a whole is
 * not its own part; beside a whole written as such ("Giao 28 …") it is the part not done yet.
 */
function settleUnderway(figures: Figure[], underway: Map<Figure, FigureRole>): void {
  const done = figures.filter((f) => !f.isYear && !underway.has(f) && (f.role === "done" || f.role === "onTime"));
  // A whole written beside it: the work assigned ("Giao 28 nhiệm vụ, đang thực hiện 02") or a total.
  const assigned = figures.some((f) => !f.isYear && !underway.has(f) && f.role === "target");
  const whole = assigned || figures.some((f) => !f.isYear && !underway.has(f) && f.role === "total");
  for (const [figure, stated] of underway) {
    const at = figures.indexOf(figure);
    if (done.length === 0) {
      // Alone, the result as stated. Beside the work assigned or said to remain ("Giao 28 …, đang
      // thực hiện 02", "còn 02 … đang thực hiện"), the part not done yet. Beside a bare total it
      // may be either ("Tổng số 10 phản ánh, đang xử lý 08": handled, or still in hand?) — no
      // guess: unread, and the unit is asked to write it plainly (rounds 19–20 found both readings wrong).
      if (!whole) figure.role = stated;
      else if (!assigned && !REMAINING.test(figure.words)) figure.role = null;
    } else if (WHOLE_BEFORE.test(figure.words) || TOTAL_NAMED.test(figure.words)) {
      // "Hoàn thành 26 trong số 28 nhiệm vụ đang triển khai": the scope, wherever it stands (WB20-1);
      // so is a figure its own words call the total ("Đúng hạn 990; tổng số hồ sơ đang giải quyết 1000").
      figure.role = "total";
    } else if (!whole && done.some((d) => d.kind === figure.kind && countOf(d) <= countOf(figure) && figures.indexOf(d) > at)) {
      // Only as the scope the sentence opens with, before what is done of it ("Đang thực hiện 28
      // nhiệm vụ, đã hoàn thành 26"); after it, the rest still under way ("Hoàn thành 12 nhiệm vụ,
      // đang thực hiện 16 nhiệm vụ" is 12 of 28) (WB19-1).
      figure.role = "total";
    }
  }
}

/**
 * "26 nhiệm vụ trong số 28 nhiệm vụ", "450 văn bản trong số 500 văn bản đi", "600 hồ sơ trong
 * 1.000 hồ sơ": a count after "trong (tổng) số" or "trên tổng số" in the clause of another is the
 * whole, and that other its part — whatever the whole's own words add ("… hồ sơ đã tiếp nhận")
 * or the part's verb would name alone ("Tiếp nhận trực tuyến 600 hồ sơ trong 1.000 hồ sơ").
 * Counts only: "95% trong 20 ngày" is no part of a whole.
 */
function partOfWhole(figure: Figure, previous: Figure, label: string, after: string): void {
  if (figure.isYear || previous.isYear || figure.kind !== "number" || previous.kind !== "number" || SPAN.test(after)) return;
  if (!WHOLE_BEFORE.test(label.toLowerCase())) return;
  if (!sameThing(previous.tail, after.toLowerCase())) {
    // "8 phản ánh trong tổng số 9 cuộc họp": the total of another thing is no whole here either.
    if (figure.role === "total") figure.role = null;
    return;
  }
  if (figure.role === null || figure.role === "done") figure.role = "total";
  if (previous.role === null || previous.role === "total") previous.role = "done";
}

/** "Trong 12 tháng", "trong 5 ngày", "trong 2 năm": a span of time, never the whole of anything counted (WB23-7). */
const SPAN = /^\s*(?:ngày|giờ|tiếng|phút|tuần|tháng|quý|năm)(?!\p{L})/u;

/**
 * The syllables of what a figure counts, from the words after it, up to its clause's end or
 * "trong"/"trên" — a measure word before its noun left out ("1.000 bộ hồ sơ" counts hồ sơ, WB24-6).
 */
function thingAfter(tail: string): string[] {
  const own = tail.slice(0, firstBoundary(tail) ?? tail.length);
  const cut = /(?<!\p{L})(?:trong|trên)(?!\p{L})/u.exec(own);
  const words = own.slice(0, cut?.index ?? own.length).match(/\p{L}+/gu) ?? [];
  // A measure word alone ("trong tổng số 1.000 bộ") names no noun: it counts what its part counts (WB25-10).
  return words.length > 0 && MEASURE_WORD.test(words[0]!) ? words.slice(1) : words;
}

/** Measure words, counted before the noun they measure: "bộ hồ sơ", "cái", "chiếc", "bản", "quyển", "tờ". */
const MEASURE_WORD = /^(?:bộ|cái|chiếc|bản|quyển|cuốn|tờ|tập|khoản)$/u;

/**
 * "NV" and "nhiệm vụ", "HS" and "hồ sơ", "PAKN" and "phản ánh, kiến nghị": a word written as the
 * initials of the syllables the other side opens with names the same thing (WB24-6).
 */
function initialsOf(short: string, long: string[]): boolean {
  const plain = (w: string) => w.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d");
  if (short.length < 2 || short.length > long.length || plain(short) !== short) return false;
  return long.slice(0, short.length).map((w) => plain(w)[0]).join("") === short.replace(/đ/g, "d");
}

/**
 * "900 hồ sơ trong số 1.000 hồ sơ", "26 trong số 28 nhiệm vụ", "trong tổng số 1.000": the whole
 * counts what its part counts — the same noun, or a noun said on one side only. "900 hồ sơ trong
 * số 1.000 văn bản", "26 nhiệm vụ trong 12 tháng", "450 văn bản đi trong số 600 văn bản đến" name
 * another thing, no whole of the part (WB23-2). A whole naming both kinds ("hồ sơ trực tiếp và
 * trực tuyến", "… trực tiếp, trực tuyến") is the whole of either (WB24-5).
 */
export function sameThing(partTail: string, wholeAfter: string): boolean {
  const [a, b] = [thingAfter(partTail), thingAfter(wholeAfter)];
  if (a.length === 0 || b.length === 0) return true;
  const abbreviated = initialsOf(a[0]!, b) || initialsOf(b[0]!, a);
  if (!abbreviated && (a[0] !== b[0] || (a[1] !== undefined && b[1] !== undefined && a[1] !== b[1]))) return false;
  const own = (s: string) => s.slice(0, firstBoundary(s) ?? s.length);
  const whole = own(wholeAfter);
  // "… trực tiếp, trực tuyến": the other kind listed right after the comma is still the whole's.
  const listed = wholeAfter.slice(whole.length).match(/^\s*[,/]\s*([^,;()]*)/u)?.[1] ?? "";
  const both = COUNTERPARTS.some(([p, q]) => p.test(listed) || q.test(listed)) ? `${whole} ${listed}` : whole;
  return !opposed(own(partTail), both) || namesBoth(both);
}

/** What tells one kind of a thing from its counterpart: outgoing and incoming, online and in person, in full and in part. */
const COUNTERPARTS: [RegExp, RegExp][] = [
  [/(?<!\p{L})đi(?!\p{L})/u, /(?<!\p{L})đến(?!\p{L})/u],
  [/(?<!\p{L})trực\s+tuyến(?!\p{L})/u, /(?<!\p{L})trực\s+tiếp(?!\p{L})/u],
  // An online service in full and in part ("dịch vụ công trực tuyến toàn trình", "… một phần").
  [/(?<!\p{L})toàn\s+trình(?!\p{L})/u, /(?<!\p{L})một\s+phần(?!\p{L})/u],
];

/** `a` names one side of a counterpart and `b` the other ("văn bản đi" and "văn bản đến", "văn bản đến và đi"). */
export function opposed(a: string, b: string): boolean {
  const [x, y] = [a.toLowerCase(), b.toLowerCase()];
  return COUNTERPARTS.some(([p, q]) => (p.test(x) && !q.test(x) && q.test(y)) || (q.test(x) && !p.test(x) && p.test(y)));
}

/** Both sides of a counterpart named: "hồ sơ trực tiếp và trực tuyến", "văn bản đi và đến" — all of the thing. */
export function namesBoth(s: string): boolean {
  const x = s.toLowerCase();
  return COUNTERPARTS.some(([p, q]) => p.test(x) && q.test(x));
}

/** "Tổng (số)" in a figure's own label: it is the whole, whatever verb follows ("tổng số hồ sơ đang giải quyết"). */
const TOTAL_NAMED = /(?<!\p{L})tổng(?!\s+hợp)(?!\p{L})/u;

/** What is said to remain ("còn 02 …", "còn lại 02", "chưa … 02"). */
const REMAINING = /(?<!\p{L})(?:còn|chưa)(?!\p{L})/u;
/** The words just before a figure make it the whole: "trong số 28", "trong 1.000", "trên tổng số 500". */
const WHOLE_BEFORE = /(?<!\p{L})(?:trong|trên)(?:\s+tổng)?(?:\s+số)?\s*$/u;
/** A word naming what a figure is (late, done, a total …) stands in `words`. */
export const namesARole = (words: string): boolean => roleIn(words) !== null;

/** A figure's amount to compare with another of its kind: a fraction's done part, else its value. */
const countOf = (f: Figure): number => (f.kind === "fraction" ? f.a ?? f.value : f.value);

/**
 * A figure as its match reads, with no role, rate, duration or year yet (a bare figure has
 * none; the sentence's words add them). One object shape for every figure: a spread per
 * figure cost most of the time of a data cell "100%", read 30 times in a workbook.
 */
function readFigure(m: RegExpMatchArray): Figure {
  const figure: Figure = {
    kind: "number", value: Number.NaN, isYear: false, role: null, rate: false, plan: false, duration: false, onTimeAfter: false,
    words: "", tail: "", bracketed: false, part: false, earlier: false, listed: false, underway: false,
  };
  if (m[1] !== undefined) {
    const a = groupedWhole(m[1]) ?? Number(m[1]);
    const b = groupedWhole(m[2]!) ?? Number(m[2]!);
    figure.kind = "fraction";
    figure.value = b > 0 ? (a / b) * 100 : Number.NaN;
    figure.a = a;
    figure.b = b;
  } else if (m[3] !== undefined) {
    figure.kind = "percent";
    figure.value = parseNumberText(m[3]) ?? Number.NaN;
  } else {
    const raw = m[4]!;
    figure.value = groupedWhole(raw) ?? parseNumberText(raw) ?? Number.NaN;
    figure.isYear = /^\d{4}$/.test(raw) && figure.value >= 1900 && figure.value <= 2100;
  }
  return figure;
}

/** "… năm" just before a year that follows a figure in its clause: the year that figure is of. */
const YEAR_AFTER = /(?<!\p{L})năm\s*$/iu;

/** The words after a figure up to a colon: those after it label the next ("1.000 hồ sơ: trễ hạn 10"). */
const ownTail = (tail: string): string => {
  const colon = tail.indexOf(":");
  return colon < 0 ? tail : tail.slice(0, colon);
};

/** "Trong (số) đó": what follows is a part of the figure before. */
const PART_OF = new RegExp(word(String.raw`trong\s+(?:số\s+)?đó`).source, "u");

/** Last year or the same period, named as whose a figure is; "so với …" compares with it instead. */
const EARLIER_PERIOD = new RegExp(word(String.raw`cùng\s+kỳ|năm\s+trước|năm\s+ngoái|kỳ\s+trước`).source, "u");
const COMPARED_WITH_EARLIER = new RegExp(String.raw`so\s+với\s+(?:\p{L}+\s+){0,3}?(?:cùng\s+kỳ|năm\s+trước|năm\s+ngoái|kỳ\s+trước)(?:\s+năm\s+trước)?`, "gu");

/** The words of a figure's own stretch (after the clause of the figure before) name an earlier period as its. */
const namesEarlierPeriod = (stretch: string): boolean => EARLIER_PERIOD.test(stretch.replace(COMPARED_WITH_EARLIER, " "));

/** How deep in brackets `text` is at `at`, scanning on from where the last call stopped (figures come in order). */
function bracketDepth(text: string, at: number, state: { depth: number; scanned: number }): number {
  for (const ch of text.slice(state.scanned, at)) {
    if (ch === "(" || ch === "[") state.depth++;
    else if ((ch === ")" || ch === "]") && state.depth > 0) state.depth--;
  }
  state.scanned = at;
  return state.depth;
}

/**
 * The words between two figures are the first one's kind and a "," or "và", and the second
 * counts another kind of the same thing ("01 sáng kiến cấp tỉnh, 01 sáng kiến cấp cơ sở"): one
 * list, under the verb that ends it. No word names a role in between ("Gửi 04 báo cáo; chậm
 * 01" is none), a first figure of the thing itself is its whole ("04 báo cáo, 01 báo cáo
 * chậm"), and a second whose kind is only the role is a part ("04 báo cáo định kỳ, 01 báo cáo chậm").
 */
function continuesList(between: string, tail: string): boolean {
  const joined = /^([\p{L}\s]*?)(?:\s*,\s*|\s+và\s+)$/u.exec(between);
  if (joined === null || roleIn(joined[1]!) !== null) return false;
  const [first, next] = [joined[1]!.trim().split(/\s+/), tail.trim().split(/\s+/)];
  const shared = first.findIndex((w, k) => w !== next[k]);
  return shared > 0 && shared < next.length && !startsWithRole(next.slice(shared).join(" "));
}

/** A word naming a role opens `words`. */
function startsWithRole(words: string): boolean {
  return ROLE_WORDS.some(([re]) => {
    re.lastIndex = 0;
    const at = re.exec(words)?.index;
    re.lastIndex = 0;
    return at === 0;
  });
}

/**
 * "còn thiếu 50 tỷ đồng (5%)", "Hụt thu 50 triệu đồng, tương đương 5% dự toán": a figure that
 * says again the one before, as its share, is of what that one is — the shortfall or the late
 * ones — or of what the words after its bracket name ("còn 20 tỷ đồng (15%) chưa giải ngân").
 */
function restate(figure: Figure, previous: Figure, between: string, rest: string): void {
  const m = RESTATES.exec(between.toLowerCase());
  if (!m || roleIn(m[1]!) !== null || (figure.role !== null && figure.role !== "total")) return;
  const closing = m[2] === "(" ? /^\s*\)([^;,()[\]\n|]*)/u.exec(rest)?.[1] ?? "" : "";
  const role = previous.role === "notDone" || previous.role === "late" ? previous.role : roleIn(closing, true);
  if (role === "notDone" || role === "late") figure.role = role;
}
/** The noun of the figure before, then "(" or "tương đương": the same amount said again. */
const RESTATES = /^([\p{L}\s]*?)\s*(\(|,?\s*(?:tương\s+đương(?:\s+với)?|tức\s+là|bằng|chiếm))\s*$/u;
/** A period named between two figures ("18/20 hồ sơ năm nay (95%)"): the second is no longer the first said again. */
const NAMES_PERIOD = /(?<!\p{L})(?:năm|kỳ|quý|tháng)(?!\p{L})/u;
/** The same figure said again, for its year: as RESTATES, or after "=" ("18/20 = 95%"), no period named between. */
const saidAgain = (between: string): boolean => !NAMES_PERIOD.test(between) && (RESTATES.test(between) || /^[\p{L}\s]*?\s*=\s*$/u.test(between));

/** A figure's bracket closed and nothing else before the next: "(85%) 5%". */
const ASIDE_CLOSED = /^\s*\)\s*$/u;
/** "so với chỉ tiêu 90%" straight after a figure: the level that figure is measured against ("Vượt 5% so với chỉ tiêu 90%"). */
const REFERENCE_OF_PREVIOUS = new RegExp(String.raw`^\s*so\s+với\s+(?:${PLAN})(?:${GIVEN})?\s*$`, "u");

/** The words of the clause before the "(" that opens on figure `i`, when one does ("Vượt chỉ tiêu huyện giao (85%"). */
function asideOpening(text: string, matches: RegExpMatchArray[], i: number): { start: number; end: number } | null {
  const from = i === 0 ? 0 : matches[i - 1]!.index! + matches[i - 1]![0].length;
  const before = text.slice(from, matches[i]!.index!);
  const open = /\(\s*$/u.exec(before);
  if (!open) return null;
  const words = before.slice(0, open.index);
  const cut = lastBoundaryEnd(words);
  return { start: from + (cut ?? 0), end: from + open.index };
}

function lastBoundaryEnd(s: string): number | null {
  let end: number | null = null;
  for (const m of s.matchAll(BOUNDARIES)) end = m.index! + m[0].length;
  return end;
}

function firstBoundary(s: string): number | null {
  return BOUNDARY.exec(s)?.index ?? null;
}

/** The clause that starts `rest`, when it holds no figure (null when the next figure stands in it). */
function nextClause(rest: string, figureFollows: boolean): string | null {
  const end = firstBoundary(rest);
  if (end === null) return figureFollows ? null : rest;
  return rest.slice(0, end);
}
