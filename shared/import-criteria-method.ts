import { bandGaps, bandSpan, byStart, lowerPaysMore, type BandGap, type BandSpan } from "./import-criteria-band-spans.ts";
import { capIn, deductionCapIn, lowerBound, splitClauses, withoutDeductionCap, type Clause, type MethodLine } from "./import-criteria-clauses.ts";
import { readFloor, type FloorReading } from "./import-criteria-floor.ts";
import { readCondition, type RequirementLevel } from "./import-criteria-requirement.ts";
import { foldText } from "./text.ts";
import { parseNumberText } from "./values.ts";

/**
 * What a leaf's scoring method says, read from its text (CRITERIA-FORMAT.md §7): fixed
 * options, percentage bands with strict ("trên 90%") or inclusive ("từ 70%") bounds,
 * points per counted item, a proportional rate, a survey, "không phát sinh → đủ điểm",
 * penalties and best-of. Only the words are read here; the max, the adjustment section and
 * the notes are the builder's.
 */
export type RatioBandReading = { above: number; points: number } | { min: number; points: number };

export type RuleReading =
  | { kind: "none" }
  | { kind: "survey" }
  /**
   * `nothingDone`: bands read as options, because the band below the others pays points while
   * "không thực hiện: 0 điểm" pays none, which a rate alone cannot tell apart.
   */
  | { kind: "choice"; options: number[]; nothingDone?: { text: string; cell: string; lowPoints: number } }
  | { kind: "ratio"; bands: RatioBandReading[] }
  | { kind: "proportional"; target?: number; rounding?: number }
  /** "Điểm = Tỷ lệ × 2; tỷ lệ dưới 50%: 0 điểm": proportional above a threshold, which a set's rule cannot hold. */
  | { kind: "proportionalThreshold"; below: number; text: string; upTo?: true }
  /** "Từ 80% trở lên: 1 điểm; dưới 80% thì điểm = tỷ lệ % x 1": the max from a rate, the rate itself below it (A7-3). */
  | { kind: "proportionalBelow"; from: number; text: string }
  /** `cap`: the most it gives ("tổng không quá 5 điểm"); `deductionCap`: the most it takes off ("tối đa trừ 1 điểm"). */
  | { kind: "count"; each: number; cap: number | null; deductionCap?: number }
  /** "Cứ 10% … được 0,2 điểm": points per step of a rate, proportional when 100 % lands on the max. */
  | { kind: "percentStep"; per: number; each: number }
  /** "Cứ giảm 10% thì trừ 0,5 điểm": points off per step of a rate below its top, which a set's rules cannot say. */
  | { kind: "percentDrop"; per: number; each: number; text: string }
  /** "Chấm từ 0 đến 2 điểm": any score in the range; `points` are every figure the method names. */
  | { kind: "pointRange"; points: number[]; text: string }
  /** "Trễ hạn từ 5% trở xuống: 2 điểm; trên 5%: 0": fewer is better, which a set's lower bounds cannot say. */
  | { kind: "lowerIsBetter"; top: number }
  /** "Ban hành Kế hoạch: 0,5 điểm; Tổ chức thực hiện: 0,5 điểm" on a 1-point item: parts that add up to the max, each earned apart. */
  | { kind: "parts"; points: number[] }
  /** "Mỗi nhiệm vụ chậm trừ 0,5 điểm; mỗi nhiệm vụ không hoàn thành trừ 1 điểm": two counts, one declared number. */
  | { kind: "severalCounts"; each: number[]; text: string };

export interface MethodReading {
  rule: RuleReading;
  /**
   * "Không phát sinh … được tính đủ điểm": points awarded when nothing arose; "exclude" when the
   * item then leaves the maximum ("… không tính vào tổng điểm"); null: not said.
   */
  notApplicablePoints: number | "full" | "exclude" | null;
  /** "Tính điểm cho trường hợp nào có điểm cao nhất". */
  best: boolean;
  /** Clauses naming points that the rule could not use. */
  unused: Clause[];
  /** Rates a `ratio` rule's bands say nothing of ("từ 90% trở lên: 2; từ 50% đến dưới 80%: 1" leaves 80–<90 %). */
  gaps: BandGap[];
  /** The method had words but no rule could be read from them. */
  unreadable: boolean;
  /**
   * "Chỉ chấm khi tiêu chí 4 đạt điểm tối đa": the criterion it depends on, as the decision codes
   * it, and whether that one must reach its max or only score above 0.
   */
  requires: { code: string; level: RequirementLevel; text: string; cell: string } | null;
  /** Clauses that read as a condition ("chỉ chấm điểm khi …") but say nothing a set's `requires` can hold. */
  conditionsUnread: Clause[];
  /** "Tổng điểm tiêu chí 2.1 không nhỏ hơn 0": the least points of the item it names (or of this one). */
  floor: (FloorReading & { text: string; cell: string }) | null;
  /** The clauses left once conditions and floors are read: what a rule is made of. */
  said: Clause[];
}

const SURVEY = /dieu tra (?:xa hoi hoc|xhh)|(?<![a-z])dt ?xhh(?![a-z])|khao sat|(?<![a-z])sipas(?![a-z])/;
// "Tính điểm cho trường hợp nào có điểm cao nhất"; "Chỉ chấm một trong hai trường hợp", "được chọn 01 trong 02 nội dung".
// "Đơn vị thuộc trường hợp nào thì chấm theo trường hợp đó", "chấm theo trường hợp có lợi cho đơn vị" (IMP6-15).
const BEST = /cao nhat|(?:cham|chon|tinh)(?: diem)? (?:01|1|mot) trong (?:0?[2-5]|hai|ba|bon|nam|cac)(?![a-z\d])|truong hop nao thi (?:cham|tinh)(?: diem)? theo truong hop do|theo truong hop co loi/;

/** A parent's title that says its children are alternatives ("… (đơn vị được chọn 01 trong 02 nội dung sau để chấm điểm)"). */
export function titleSaysBest(title: string): boolean {
  return BEST.test(foldText(title));
}
// "× 100" turns a rate into a percentage ("Tỷ lệ % = (…/tổng số …) x 100"): not a points formula.
// "Điểm = (Số hồ sơ đúng hạn/Tổng số hồ sơ) x 1 điểm" is a rate too, written as its fraction.
const PROPORTIONAL = /(ty le|ti le)[^=]*?(?:\sx\s|×|\*|nhan)\s*(?:voi\s*)?(?:so\s*)?(?:diem|(?!100(?![\d.,]))\d)|diem[^=]{0,20}=[^=]*(ty le|ti le)|diem[^=]{0,20}=\s*\([^()=]*\/[^()=]*\)\s*(?:x|×|\*|nhan)\s*(?:voi\s*)?(?!100(?![\d.,]))\d|(?:tinh|cham) (?:diem )?theo ty le|diem[^=]{0,20}=[^=;()]*\/[^=;()]*(?:\sx\s|×|\*|nhan)\s*(?:voi\s*)?(?!100(?![\d.,]))\d/;
/**
 * "(làm tròn đến 0,25 điểm)", "(điểm được làm tròn 0,5)": a rounding of the proportional points a
 * set cannot say (it rounds to hundredths). The rounding is the points' when "điểm" names what
 * is rounded or the step, never the rate's ("tỷ lệ làm tròn đến 01 chữ số thập phân") (IMP7-12).
 */
const ROUNDED_TO = /lam tron (?:den |toi |theo )?(?:muc )?(\d+(?:[.,]\d+)?)\s*diem|diem (?:\S+ ){0,2}?(?:duoc |se )?lam tron (?:den |toi |theo )?(?:muc )?(\d+(?:[.,]\d+)?)(?!\s*(?:chu so|so thap phan|%))/;
/** "Đạt từ 80% trở lên được điểm tối đa", "Tỷ lệ từ 45% trở lên: đạt điểm tối đa": where a proportional rate reaches the max. */
const FULL_AT = /(?:duoc|dat)\s+(?:du\s+)?(?:so\s+)?diem toi da|du diem/;
// "Không có hồ sơ quá hạn: 1 điểm" is an option; "không có hồ sơ phát sinh", "không có
// nhiệm vụ phải ban hành … được tính" say that nothing arose, and so does "không được giao
// nhiệm vụ" and any "không có … thì được (tính) điểm tối đa" ("Nếu đơn vị không có TTHC thuộc
// thẩm quyền thì được điểm tối đa", "… không có đơn vị trực thuộc thì được điểm tối đa").
const NOTHING_AROSE =
  /khong phat sinh|khong duoc giao|khong co [^:;]*?(?:thi |van )?duoc tinh|khong co (?:\S+ ){0,4}?(?:phat sinh|phai)\b|khong co (?:nhiem vu|du an|doi tuong)|khong thuoc (?:doi tuong|pham vi)|khong (?:co|(?:\S+ ){0,2}?phat hien)\b[^:;]*?(?:\b(?:thi|van)\s+|:\s*)(?:van\s+)?(?:duoc|dat)\s+(?:(?:tinh|cham)\s+)?(?:du so diem|du diem|(?:so\s+)?diem toi da|toi da)/;
/** "Không có hồ sơ quá hạn: 1 điểm" beside rate bands of the apologies for them: the max when nothing arose, not an option. */
// An inspection that found nothing ("Không phát hiện sai phạm: 1 điểm") had nothing to handle either (IMP6-5).
const NONE_OF_THEM = /^(?:(?:truong hop|neu)\s+)?(?:(?:don vi|trong nam|trong ky|qua kiem tra)\s+)?khong (?:co|(?:\S+ ){0,2}?phat hien)\b/;
const FULL_POINTS = /du diem|diem toi da|toi da|du so diem/;
/** "Không chấm tiêu chí này và không tính vào tổng điểm (tối đa)": out of the maximum, not full points. */
// "… thì không đánh giá / không chấm điểm / không xét tiêu chí này", "loại trừ tiêu chí này khi tính tổng điểm":
// the criterion is not assessed, so it leaves the maximum (IMP6-13).
const EXCLUDED =
  /khong (?:duoc )?(?:tinh|cong) (?:vao|trong) tong (?:so )?diem|(?:loai|tru|bo) (?:ra )?khoi tong (?:so )?diem|khong (?:danh gia|xet|(?:cham|tinh) diem|cham)(?: doi voi)? (?:tieu chi|chi tieu|noi dung|tieu chi thanh phan|tctp) nay|loai (?:tru )?(?:tieu chi|chi tieu|noi dung) nay\b[^;]*?(?:khoi|khi tinh|ra)/;
/**
 * "Không thực hiện hoặc không phát sinh: 0 điểm": a case that did arise shares the clause, so its
 * points stay an option as well as what nothing arising gets (the 0 had been lost, and a unit
 * that typed it was told its score was off the scale).
 */
function alsoAnOption(c: Clause): boolean {
  if (c.points === null) return false;
  const label = c.folded.split(":")[0]!;
  return label.split(/\s+hoac\s+/).some((part) => part.trim() !== "" && !NOTHING_AROSE.test(part) && !FULL_POINTS.test(part));
}

/** "Không phát sinh: không chấm": nothing arose, and the criterion is then not scored. */
const NOT_SCORED = /(?::|\bthi)\s*khong (?:cham|danh gia|xet)\s*[.]?\s*$/;
/**
 * "mỗi" (each), never "mọi" (all): both fold to "moi", so the written text is read. "Mỗi
 * quý" is how often, not what is counted, unless points are taken off per period; "cứ 01
 * TTHC … được 0,25 điểm" counts too, "căn cứ" does not.
 */
const EACH = /(?<!\p{L})mỗi(?!\p{L})(?!\s+(?:quý|tháng|năm|kỳ|đợt|tuần)(?!\p{L}))(?!\s+\d+(?:[.,]\d+)?\s*%)|(?<!\p{L})(?<!căn\s+)cứ\s+(?:mỗi\s+)?\d+(?:[.,]\d+)?(?![\d.,]|\s*%)|điểm\s*\/\s*(?:0?1\s+)?(?!(?:không|có|chưa)(?!\p{L}))\p{L}/iu;
/** "01 ứng dụng: 0,5 điểm": points for one item (unless other clauses give 02, 03 … their own points). */
const PER_ONE = /^\s*0?1\s+\p{L}[^:;\d]{0,40}:\s*\d+(?:[.,]\d+)?\s*(?:điểm|đ)(?!\p{L})/iu;
const PER_MANY = /^\s*0?[2-9]\s+\p{L}/u;
/** "Thiếu 01 báo cáo trừ 0,5 điểm", "Chậm 01 báo cáo bị trừ 0,5 điểm": points off for one item, so for each (IMP6-3). */
const PER_ONE_OFF = /(?<![\d\p{L},.])0?1\s+\p{L}[^:;\d]{0,40}?(?<!\p{L})trừ\s+\d+(?:[.,]\d+)?\s*(?:điểm|đ)(?!\p{L})/iu;
const PER_MANY_OFF = /(?<![\d\p{L},.])0?[2-9]\s+\p{L}[^:;\d]{0,40}?(?<!\p{L})trừ(?!\p{L})/iu;
/** "Cứ giảm 10% thì trừ 0,5 điểm", "mỗi 1% giảm trừ 0,2 điểm": a percentage is no counted item. */
const PERCENT_DROP = /(?<!\p{L})(?:cứ|mỗi)\s+(?:giảm\s+)?(\d+(?:[.,]\d+)?)\s*%.{0,80}?(?<!\p{L})trừ\s+(\d+(?:[.,]\d+)?)\s*(?:điểm|đ)(?!\p{L})/iu;
/**
 * "Cứ 10% … được 0,2 điểm", "mỗi 10% hoàn thành được 0,2 điểm", "cứ đạt 10% thì được 0,2
 * điểm", "0,2 điểm cho mỗi 10%": a step of a rate, not a counted item ("mỗi" names what
 * is counted, and a percentage is no thing to count).
 */
const PERCENT_STEP = /(?<!\p{L})(?<!căn\s+)(?:cứ|mỗi)\s+(?:mỗi\s+)?(?:(?:đạt|tăng|hoàn thành|thực hiện)\s+(?:thêm\s+|được\s+)?)?(\d+(?:[.,]\d+)?)\s*%/iu;
const PER_PERIOD = /(?<!\p{L})mỗi\s+(?:quý|tháng|năm|kỳ|đợt|tuần)(?!\p{L})/iu;
const DEDUCT = /(?<!\p{L})trừ(?!\p{L})/iu;

/** A leaf's method; with its max, shares of the max ("được 50% số điểm") are points. */
export function readMethod(lines: MethodLine[], max: number | null = null): MethodReading {
  const split = splitClauses(lines, max);
  const all = split.map((c) => c.folded).join(" ; ");
  const reading: MethodReading = { rule: { kind: "none" }, notApplicablePoints: null, best: BEST.test(all), unused: [], gaps: [], unreadable: false, requires: null, conditionsUnread: [], floor: null, said: [] };
  const clauses = split.filter((c) => {
    const floor = readFloor(c.folded);
    if (floor) reading.floor = { ...floor, text: c.text, cell: c.cell };
    return !floor;
  }).filter((c) => {
    const condition = readCondition(c.folded);
    if (condition === null) return true;
    if (condition !== "unread") reading.requires = { ...condition, text: c.text, cell: c.cell };
    else reading.conditionsUnread.push(c);
    // An unread condition that names points stays an option too: only its note is added.
    return condition === "unread" && c.points !== null;
  });
  reading.said = clauses;
  if (clauses.length === 0) return reading;

  const rest = clauses.filter((c) => {
    if (EXCLUDED.test(c.folded) && c.points === null) {
      reading.notApplicablePoints = "exclude";
      return false;
    }
    if (!NOTHING_AROSE.test(c.folded)) return true;
    if (NOT_SCORED.test(c.folded) && c.points === null) {
      reading.notApplicablePoints = "exclude";
      return false;
    }
    reading.notApplicablePoints = FULL_POINTS.test(c.folded) ? "full" : c.points;
    return alsoAnOption(c);
  });
  const scored = rest.filter((c) => c.points !== null && !BEST.test(c.folded));
  // Survey words score the leaf only when no clause has points of its own ("Căn cứ kết quả
  // khảo sát …: Tốt: 2 điểm; Khá: 1 điểm" is scored by its levels).
  if (SURVEY.test(all) && scored.length === 0) return { ...reading, rule: { kind: "survey" } };
  const dropped = rest.find((c) => PERCENT_DROP.test(c.text.normalize("NFC")));
  if (dropped) {
    const [, per, each] = PERCENT_DROP.exec(dropped.text.normalize("NFC"))!;
    return { ...reading, rule: { kind: "percentDrop", per: parseNumberText(per!) ?? 0, each: parseNumberText(each!) ?? 0, text: dropped.text } };
  }
  const stepped = rest.find((c) => PERCENT_STEP.test(c.text.normalize("NFC")));
  if (stepped) return withRest(reading, percentStep(stepped), rest, stepped, max);
  const perOne = (c: Clause) =>
    (PER_ONE.test(c.text.normalize("NFC")) && !rest.some((o) => PER_MANY.test(o.text.normalize("NFC")))) ||
    (PER_ONE_OFF.test(c.text.normalize("NFC")) && !rest.some((o) => PER_MANY_OFF.test(o.text.normalize("NFC"))));
  const counted = rest.find((c) => counts(c.text.normalize("NFC")) || perOne(c));
  if (counted) {
    const rule = countRule(counted, all);
    // A second count at another rate ("… chậm trừ 0,5; … không hoàn thành trừ 1") is another
    // number the unit would declare: one count cannot score both.
    const others = rest.filter((c) => c !== counted && counts(c.text.normalize("NFC"))).map((c) => ({ c, rule: countRule(c, all) }));
    const apart = others.filter((o) => o.rule.kind === "count" && rule.kind === "count" && o.rule.each !== rule.each);
    if (rule.kind === "count" && apart.length > 0) {
      const each = [rule.each, ...apart.map((o) => (o.rule as { each: number }).each)];
      return { ...reading, rule: { kind: "severalCounts", each, text: [counted, ...apart.map((o) => o.c)].map((c) => c.text).join("; ") } };
    }
    return withRest(reading, rule, rest, counted, max);
  }
  const ranged = scored.find((c) => c.range);
  if (ranged) return { ...reading, rule: { kind: "pointRange", points: scored.flatMap((c) => (c.range ? [c.range.from, c.range.to] : [c.points!])), text: ranged.text } };
  // Bands with points win over a proportional reading of a line that defines the rate. A band
  // whose points are the formula ("dưới 45%: điểm = (tỷ lệ/45%) x 1 điểm") is no fixed band:
  // its "1 điểm" is the formula's factor, and the rate below 45 % is paid pro rata.
  const fixedBands = scored.filter((c) => lowerBound(c.folded) !== null && !PROPORTIONAL.test(c.folded));
  if (PROPORTIONAL.test(all) && fixedBands.length < 2) {
    // "… dưới 50%: 0 điểm", "… dưới 80% thì không có điểm", "từ 50% trở xuống: 0 điểm": nothing
    // up to a rate, pro rata above it (IMP6-11, IMP7-6); "Tỷ lệ từ 50% trở lên: Điểm = Tỷ lệ × 2":
    // the formula's own clause pays from a rate, so nothing under it (IMP7-6).
    const threshold = rest.map((c) => ({ c, below: zeroUpTo(c) ?? paysFrom(c) })).find((t) => t.below !== null);
    const upTo = threshold && AT_MOST.test(threshold.c.folded) ? { upTo: true as const } : {};
    if (threshold) return { ...reading, rule: { kind: "proportionalThreshold", below: threshold.below!, text: threshold.c.text, ...upTo } };
    // The formula only under a rate ("dưới 80% thì điểm = tỷ lệ % x 1") beside the max from it: 70 %
    // earns 0,7, where a target of 80 would pay 0,88 (A7-3). Divided by that rate ("(tỷ lệ/80%) x
    // 1") it is the target; under 100 % it is plain proportional.
    const under = rest.find((c) => {
      const bound = PROPORTIONAL.test(c.folded) && !/\/\s*\d+(?:[.,]\d+)?\s*%/.test(c.folded) ? lowerBound(c.folded) : null;
      return bound?.bound === "below" && bound.value > 0 && bound.value < 100;
    });
    if (under) return { ...reading, rule: { kind: "proportionalBelow", from: lowerBound(under.folded)!.value, text: rest.map((c) => c.text).join("; ") } };
    return { ...reading, rule: proportional(all, rest, max) };
  }
  reading.rule = optionsOrBands(scored, reading.unused, reading.gaps);
  if (reading.rule.kind === "choice" && max !== null) reading.rule = partsAddingUp(scored, reading.rule, max) ?? reading.rule;
  if (reading.rule.kind === "ratio") noneOfThemBesideBands(reading, reading.rule.bands, max);
  if (reading.rule.kind === "choice") noneOfThemBesideOptions(reading, scored, max);
  reading.unreadable = reading.rule.kind === "none" && !reading.best && reading.notApplicablePoints === null;
  return reading;
}

/** "từ 50% trở xuống", "50% trở xuống": a rate and all under it. */
const AT_MOST = /(\d+(?:[.,]\d+)?)\s*%\s*(?:tro xuong|do xuong|tro lai)/;

/** The rate a clause giving 0 points reaches ("dưới 50%: 0 điểm", "từ 50% trở xuống: 0 điểm"), or null. */
function zeroUpTo(c: Clause): number | null {
  if (c.points !== 0) return null;
  const most = AT_MOST.exec(c.folded);
  const bound = most ? null : lowerBound(c.folded);
  const value = most ? parseNumberText(most[1]!) : bound?.bound === "below" ? bound.value : null;
  return value !== null && value > 0 ? value : null;
}

/** A rate written as the condition opening a clause: "Tỷ lệ từ 50% trở lên:", "Trên 30%:", "≥ 50%,". */
const FROM_RATE = /^(?:[^\d:;]{0,30}?\s)?(?:tu|tren|dat tu|>=|≥|>)\s*(\d+(?:[.,]\d+)?)\s*%(?:\s*tro len)?\s*(?:thi\s*)?[:,]/;

/** The rate a proportional formula's own clause pays from ("Tỷ lệ từ 50% trở lên: Điểm = Tỷ lệ × 2"), or null. */
function paysFrom(c: Clause): number | null {
  const from = PROPORTIONAL.test(c.folded) ? FROM_RATE.exec(c.folded) : null;
  const value = from ? parseNumberText(from[1]!) : null;
  return value !== null && value > 0 && value < 100 ? value : null;
}

/**
 * Beside rate bands a clause without a rate cannot be a band: "100% hồ sơ quá hạn có văn bản
 * xin lỗi: 1 điểm; dưới 100%: 0; không có hồ sơ quá hạn: 1 điểm" gives the max when there was
 * nothing to rate. Beside options ("Không có hồ sơ quá hạn: 1 điểm; Có …: 0") it stays one.
 */
function noneOfThemBesideBands(reading: MethodReading, bands: RatioBandReading[], max: number | null): void {
  const top = max ?? Math.max(...bands.map((b) => b.points));
  const none = reading.unused.find((c) => NONE_OF_THEM.test(c.folded) && c.points === top && top > 0);
  if (!none || reading.notApplicablePoints !== null) return;
  reading.notApplicablePoints = none.points;
  reading.unused = reading.unused.filter((c) => c !== none);
}

/**
 * "Thực hiện đầy đủ: 1 điểm; không đầy đủ: 0 điểm. Không có kết luận: 1 điểm": a case with nothing
 * to carry out paid the max that another option pays already is what nothing arising gets, as "…
 * thì được 1 điểm" is (A7-2). "Không có hồ sơ quá hạn: 1 điểm; Có …: 0" is the better option only:
 * no other clause pays its points.
 */
function noneOfThemBesideOptions(reading: MethodReading, scored: Clause[], max: number | null): void {
  if (reading.notApplicablePoints !== null) return;
  const top = max ?? Math.max(...scored.map((c) => c.points ?? 0));
  const none = scored.find((c) => NONE_OF_THEM.test(c.folded) && c.points === top && top > 0);
  const done = none && scored.some((c) => c !== none && c.points === top && !NONE_OF_THEM.test(c.folded) && !/^co\b/.test(c.folded));
  if (done) reading.notApplicablePoints = top;
}

function counts(text: string): boolean {
  return EACH.test(text) || (PER_PERIOD.test(text) && DEDUCT.test(text));
}

/**
 * The clauses beside a count or a step that it does not use. A count's base is used: "Đầy đủ,
 * đúng hạn: 1 điểm; mỗi báo cáo chậm trừ 0,25" starts from the max, "không có: 0 điểm; mỗi sáng
 * kiến 0,5" from 0.
 */
function withRest(reading: MethodReading, rule: RuleReading, rest: Clause[], used: Clause, max: number | null): MethodReading {
  const base = rule.kind !== "count" ? null : rule.each < 0 ? max : 0;
  const isBase = (c: Clause) => c.points === base && lowerBound(c.folded) === null;
  const unused = rest.filter((c) => c !== used && c.points !== null && !isBase(c) && capIn(c.folded) === null && deductionCapIn(c.folded) === null);
  return { ...reading, rule, unused, unreadable: rule.kind === "none" };
}

/** "Mỗi ứng dụng 1 điểm, tổng không quá 5 điểm"; "trừ 0,5 điểm mỗi báo cáo chậm". */
function countRule(clause: Clause, all: string): RuleReading {
  const cap = capIn(all);
  const deductionCap = deductionCapIn(all);
  const folded = withoutDeductionCap(clause.folded);
  for (const m of folded.matchAll(/(\d+(?:[.,]\d+)?)\s*diem/g)) {
    if (/(toi da|khong qua)(\s+la)?\s*$/.test(folded.slice(0, m.index))) continue;
    const each = parseNumberText(m[1]!);
    if (each === null || each === 0) continue;
    return { kind: "count", each: DEDUCT.test(clause.text.normalize("NFC")) ? -each : each, cap, ...(deductionCap !== null ? { deductionCap } : {}) };
  }
  return { kind: "none" };
}

/** "Cứ 10% hồ sơ đúng hạn được 0,2 điểm": 0,2 per 10 %; the points may come first ("được 0,2 điểm cho mỗi 10%"). */
function percentStep(clause: Clause): RuleReading {
  const per = parseNumberText(PERCENT_STEP.exec(clause.text.normalize("NFC"))![1]!);
  const after = clause.folded.slice(clause.folded.search(/%/) + 1);
  const pointsIn = (text: string) => /(\d+(?:[.,]\d+)?)\s*(?:diem|d\b)/.exec(text);
  const points = pointsIn(after) ?? pointsIn(clause.folded);
  const each = points ? parseNumberText(points[1]!) : null;
  if (per === null || per <= 0 || each === null || each === 0) return { kind: "none" };
  return { kind: "percentStep", per, each: DEDUCT.test(clause.text.normalize("NFC")) ? -each : each };
}

/**
 * "Điểm = tỷ lệ × điểm tối đa"; "(tỷ lệ / 80%) × điểm tối đa" sets the target, and so does a
 * clause giving the max from a rate on ("đạt từ 80% trở lên được điểm tối đa").
 */
function proportional(all: string, clauses: Clause[], max: number | null): RuleReading {
  // The rate may be named at length: "(Tỷ lệ thanh toán trực tuyến / 45%) × 2", "tỷ lệ % hồ sơ trực tuyến × 2 / 50%".
  const target = /(?:ty le|ti le)[^/;:]{0,60}\/\s*(\d+(?:[.,]\d+)?)\s*%/.exec(all);
  const full = clauses.map((c) => (FULL_AT.test(c.folded) || (max !== null && c.points === max) ? lowerBound(c.folded) : null)).find((b) => b !== null && b.bound !== "below");
  const value = target ? parseNumberText(target[1]!) : (full?.value ?? null);
  const rounded = ROUNDED_TO.exec(all);
  const rounding = rounded ? parseNumberText((rounded[1] ?? rounded[2])!) : null;
  return { kind: "proportional", ...(value !== null && value > 0 && value < 100 ? { target: value } : {}), ...(rounding !== null && rounding > 0.01 ? { rounding } : {}) };
}

/** Percentage clauses make bands, with what they leave unsaid in `gaps`; otherwise each clause's points are one option. */
function optionsOrBands(scored: Clause[], unused: Clause[], gaps: BandGap[]): RuleReading {
  if (scored.length === 0) return { kind: "none" };
  const withPercent = scored.filter((c) => lowerBound(c.folded) !== null);
  if (withPercent.length === 0) return { kind: "choice", options: [...new Set(scored.map((c) => c.points!))].sort((a, b) => b - a) };
  const read: { band: RatioBandReading; span: BandSpan; points: number }[] = [];
  for (const clause of scored) {
    // "Không thực hiện: 0" beside percentage bands is the band that starts at 0.
    const span = bandSpan(clause.folded) ?? (clause.points === 0 ? { from: null, to: null } : null);
    const band = span && bandOf(span, clause.points!);
    const same = band && read.find((r) => sameThreshold(r.band, band));
    if (span && band && !same) read.push({ band, span, points: band.points });
    else if (!same || same.points !== band!.points) unused.push(clause);
  }
  const ascending = read.sort((a, b) => byStart(a.span, b.span));
  const bands = ascending.map((r) => r.band).sort(byThresholdDescending);
  if (lowerPaysMore(ascending)) return { kind: "lowerIsBetter", top: Math.max(...bands.map((b) => b.points)) };
  const options = nothingDoneBesidePaidFloor(scored, bands, unused);
  if (options) return options;
  gaps.push(...bandGaps(ascending));
  return { kind: "ratio", bands };
}

/**
 * Points that no option reaches the max with, but that add up to it ("Ban hành Kế hoạch: 0,5
 * điểm; Tổ chức thực hiện: 0,5 điểm" on a 1-point item, "Niêm yết tại Bộ phận Một cửa (0,5 điểm)
 * và đăng trên Trang thông tin điện tử (0,5 điểm)"): each part is earned apart, not picked one
 * of. A choice that cannot reach the leaf's own max is never the reading.
 */
function partsAddingUp(scored: Clause[], choice: { options: number[] }, max: number): RuleReading | null {
  if (max <= 0 || Math.max(...choice.options) >= max) return null;
  const points = scored.flatMap((c) => {
    const figures = [...c.folded.matchAll(/(?:^|[\s:(])(\d+(?:[.,]\d+)?)\s*(?:diem|d)\b/g)].filter((m) => !/(toi da|khong qua)\s*$/.test(c.folded.slice(0, m.index + 1).trimEnd()));
    const all = figures.length >= 2 && !DEDUCT.test(c.text.normalize("NFC")) ? figures.map((m) => parseNumberText(m[1]!) ?? 0) : [c.points!];
    return all.filter((p) => p !== 0);
  });
  if (points.length < 2 || points.some((p) => p < 0 || p >= max)) return null;
  return Math.round(points.reduce((sum, p) => sum + p * 100, 0)) === Math.round(max * 100) ? { kind: "parts", points } : null;
}

/** "Trên 90%" is strict, "từ 70%" inclusive, a band from 0 ("dưới 70%", "từ 70% trở xuống") starts at 0. */
function bandOf(span: BandSpan, points: number): RatioBandReading {
  if (span.from === null) return { min: 0, points };
  return span.from.strict ? { above: span.from.value, points } : { min: span.from.value, points };
}

/**
 * "Dưới 80%: 0,5 điểm; không thực hiện: 0 điểm": the lowest band pays at any rate, even 0 %,
 * yet doing nothing pays 0. Declared data cannot tell a low rate from nothing done (a plan
 * never issued has no rate), so bands would pay for nothing done: the levels become options
 * the unit chooses from (§7: fixed points are a choice), the 0 among them.
 */
function nothingDoneBesidePaidFloor(scored: Clause[], bands: RatioBandReading[], unused: Clause[]): RuleReading | null {
  const nothingDone = scored.find((c) => c.points === 0 && lowerBound(c.folded) === null);
  const paidFloor = bands.find((b) => "min" in b && b.min === 0 && b.points > 0);
  if (!nothingDone || !paidFloor) return null;
  unused.splice(0, unused.length, ...unused.filter((c) => c !== nothingDone));
  const options = [...new Set(scored.map((c) => c.points!))].sort((a, b) => b - a);
  return { kind: "choice", options, nothingDone: { text: nothingDone.text, cell: nothingDone.cell, lowPoints: paidFloor.points } };
}

function threshold(b: RatioBandReading): number {
  return "above" in b ? b.above : b.min;
}

function sameThreshold(a: RatioBandReading, b: RatioBandReading): boolean {
  return threshold(a) === threshold(b) && "above" in a === "above" in b;
}

/** Greatest threshold first; at an equal threshold a strict bound outranks an inclusive one. */
function byThresholdDescending(a: RatioBandReading, b: RatioBandReading): number {
  return threshold(b) - threshold(a) || Number("above" in b) - Number("above" in a);
}

/**
 * A title that names the survey: "(điều tra xã hội học)", "qua khảo sát", or the survey's
 * own name after its code ("ĐIỀU TRA XÃ HỘI HỌC", "Điểm điều tra xã hội học", "Chỉ số hài
 * lòng (SIPAS)", "Mức độ hài lòng của người dân …", "Khảo sát sự hài lòng …") — not a task
 * ("Tổ chức khảo sát …", "Phối hợp điều tra …") nor a rate the unit declares ("Tỷ lệ hài lòng …").
 */
const SURVEY_TITLE =
  /\([^)]*(dieu tra xa hoi hoc|dt ?xhh|khao sat)[^)]*\)|(?:qua|bang) (?:dieu tra xa hoi hoc|khao sat)|^(?:diem |ket qua )?(?:dieu tra (?:xa hoi hoc|xhh)|dt ?xhh(?![a-z]))|^khao sat (?:su |muc do )?hai long|^(?:chi so|muc do) hai long|(?<![a-z])sipas(?![a-z])/;

export function titleNamesSurvey(title: string): boolean {
  return SURVEY_TITLE.test(foldText(title));
}

/**
 * A title naming the bonus and deduction section ("ĐIỂM THƯỞNG, ĐIỂM TRỪ", "Điểm cộng, trừ",
 * "ĐIỂM KHUYẾN KHÍCH", "TIÊU CHÍ THƯỞNG", "CỘNG ĐIỂM" / "TRỪ ĐIỂM", IMP6-10).
 */
export const ADJUSTMENT_SECTION = /diem thuong|diem tru|diem cong|thuong,? phat|cong,? tru|thuong va tru|cong va tru|diem khuyen khich|tieu chi thuong|tru diem|(?:^|tieu chi |duoc )cong diem/;
