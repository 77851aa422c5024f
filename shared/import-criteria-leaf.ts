import { round2, toCents } from "./decimal.ts";
import type { BandGap } from "./import-criteria-band-spans.ts";
import { splitClauses, type MethodLine } from "./import-criteria-clauses.ts";
import type { ImportNoteCode } from "./import-criteria-messages.ts";
import { readMethod, type RatioBandReading, type RuleReading } from "./import-criteria-method.ts";
import { capRestUnused, restatesMax } from "./import-criteria-own-cell.ts";
import type { MessageParams } from "./messages.ts";
import { foldText } from "./text.ts";

/** A criteria item as the importer writes it (CRITERIA-FORMAT.md §1 and §6). */
export type ImportedRule =
  | { kind: "manual"; step: number }
  | { kind: "choice"; options: number[] }
  | { kind: "ratio"; bands: RatioBandReading[] }
  | { kind: "ratio"; proportional: true; target?: number }
  | { kind: "count"; each: number; base: number }
  | { kind: "survey" };

export interface ImportedItem {
  code: string;
  title: string;
  max?: number;
  min?: number;
  adjustment?: true;
  combine?: "best";
  /** A parent's least accepted score ("tổng điểm … không nhỏ hơn 0"). */
  floor?: number;
  notApplicable?: "full" | "exclude";
  /**
   * "Chỉ chấm khi tiêu chí 4 đạt điểm tối đa": `atLeast` is the named item's max; "… đạt điểm"
   * its smallest positive score. Set once the tree is built.
   */
  requires?: { code: string; atLeast: number };
  rule?: ImportedRule;
  evidence?: { required: true; hint: string };
  children?: ImportedItem[];
}

export interface LeafSource {
  code: string;
  title: string;
  max: number | null;
  method: MethodLine[];
  note: MethodLine[];
  evidence: string;
  /** Cell of the row's max, where notes about the row point. */
  cell: string;
  survey: boolean;
  /** In the bonus/deduction section: "trừ" makes a deduction (max 0, negative min). */
  adjustment: boolean;
  deduction: boolean;
  labelPoints?: LabelPoints;
  /** "(Áp dụng đối với các huyện có …)": units the words do not cover write "Không áp dụng" (A7-1). */
  appliesToSome?: { said: string; cell: string } | undefined;
}

/** Points a label cell gives, the label as typed and its cell. */
export interface LabelPoints {
  points: number;
  text: string;
  cell: string;
}

/**
 * Points a label gave beside a blank max column ("Tiêu chí 2 (4 điểm)") differing from the max
 * the children or method give: noted naming both, never the max — 3e003dd took them for it, so a
 * per-item "(0,5 điểm)" capped a 3-point criterion and the set shrank 15 → 12,5 (RD33-5/6).
 */
export function labelPointsDiffer(code: string, label: LabelPoints | undefined, max: number, from: "children" | "best" | "method", note: Note): void {
  if (!label || toCents(label.points) === toCents(max)) return;
  note("LABEL_POINTS_DIFFER", label.cell, { code, text: label.text, label: label.points, max, from });
}

/**
 * The method's own words give the label's points per item ("Mỗi dịch vụ: 0,5 điểm", "Cứ 01 …
 * được 0,5 điểm", "0,5 điểm/lần", "0,5 điểm/01 sáng kiến", "0,5 điểm cho mỗi …") for "(0,5
 * điểm)". A band's points ("từ 50% đến dưới 100%: 1 điểm") are no excuse: the label and max
 * disagree (RD34-3); nor are a deduction per item ("mỗi tồn tại … trừ 1 điểm"), a period ("mỗi
 * quý: 2 điểm") or a slash between bands ("1 điểm/ ban hành sau …: 0,5 điểm") (RD35-5).
 */
export function methodGives(method: MethodLine[], label: LabelPoints | undefined): boolean {
  if (!label) return false;
  const n = String(label.points).replace(".", "[.,]");
  const said = new RegExp(`(?<![\\d.,])${n}\\s*(?:điểm|đ)(?!\\p{L})`, "giu");
  const clauses = method.flatMap((line) => line.text.split(/[;\n]/u));
  return clauses.some((clause) => [...clause.matchAll(said)].some((m) => {
    const before = clause.slice(0, m.index);
    const after = clause.slice(m.index + m[0].length);
    const each = [...before.matchAll(EACH)].at(-1);
    const governs = each !== undefined && !/(?<!\p{L})trừ(?!\p{L})/iu.test(before.slice(each.index));
    return governs || PER_AFTER.test(after) || (/^\/\S/u.test(after) && !BAND_POINTS.test(after));
  }));
}

/**
 * "Mỗi …", "Cứ …", "Từng …" before the points: each item, not a period ("mỗi quý", "mỗi năm",
 * "mỗi 6 tháng", "cứ mỗi quý": RD36-8).
 */
const EACH = /(?<!\p{L})(?:mỗi|cứ|từng)(?!\p{L})(?!\s+(?:mỗi\s+)?(?:\d+\s+)?(?:quý|tháng|năm|kỳ|đợt|tuần|ngày)(?!\p{L}))/giu;
/** "… điểm cho mỗi / cho một / trên 01 …" after the points. */
const PER_AFTER = /^\s*(?:(?:cho|trên)\s+)?mỗi(?!\p{L})(?!\s+(?:quý|tháng|năm|kỳ|đợt|tuần|ngày)(?!\p{L}))|^\s*(?:cho|trên)\s+(?:một|01|1)(?![\d\p{L}])/iu;
/** Another band's points after a slash ("/ không ban hành: 0 điểm"): the slash separates bands. */
const BAND_POINTS = /:\s*\d+(?:[.,]\d+)?\s*(?:điểm|đ)(?!\p{L})/iu;

/**
 * An evidence cell that says none is asked for: "-", "Không", "Không yêu cầu tài liệu kiểm
 * chứng", "Hệ thống tự động trích xuất, đơn vị không phải cung cấp". Requiring evidence there
 * would refuse every point the unit scores (EVIDENCE_MISSING counts them 0).
 */
const NO_EVIDENCE = /^[\s\-–—.\/x*]*$|^(?:khong|khong co|ko)\s*[.]?$|khong (?:yeu cau|can|phai|bat buoc)\b|tu dong (?:trich xuat|tong hop|cap nhat|lay)/;

export type Note = (code: ImportNoteCode, cell: string, params: MessageParams) => void;

/** The finest step that lands on the max: 0.25 as decisions usually score, else hundredths. */
export function manualStep(max: number, min = 0): number {
  return [0.25, 0.05].find((step) => Number.isInteger(round2(max / step)) && Number.isInteger(round2(min / step))) ?? 0.01;
}

/** One leaf: its max, min, rule and "không phát sinh" from the words of its method. */
export function buildLeaf(src: LeafSource, note: Note): ImportedItem {
  const parts = uncodedParts(src);
  if (parts) note("UNCODED_PARTS", parts, { code: src.code, max: src.max ?? 0 });
  else {
    const criteria = uncodedCriteria(src);
    if (criteria) note("UNCODED_CRITERIA", criteria, { code: src.code });
  }
  const typed = src.max === null ? null : Math.abs(src.max);
  const reading = readMethod(parts ? [] : src.method, typed);
  const aside = readMethod(src.note);
  const item: ImportedItem = { code: src.code, title: src.title };
  const at = src.method[0]?.cell ?? src.cell;
  const survey = src.survey || reading.rule.kind === "survey" || aside.rule.kind === "survey";
  const rule: RuleReading = survey ? { kind: "survey" } : reading.rule;

  const top = highestPoints(rule);
  // A deduction row inside an ordinary field ("Điểm trừ: … | -2", or a blank max and "tối đa trừ 2
  // điểm") is read as one in the bonus/deduction section: max 0, its figure the most taken off. A
  // blank max beside "tối đa 2 điểm" alone may be the criterion's own max: a deduction only when it says so.
  const saysDeduction = rule.kind === "count" && (rule.deductionCap !== undefined || /diem tru|tru diem/.test(foldText(src.title)));
  const deductionCap = rule.kind === "count" && rule.each < 0 && saysDeduction ? (rule.deductionCap ?? rule.cap) : null;
  const inField = !src.adjustment && !survey && (src.max !== null ? src.max < 0 : deductionCap !== null);
  const deducting = inField ? { ...src, adjustment: true, deduction: true } : src;
  // A method of deductions only ("bị trừ 1 điểm") tops out at 0, never below.
  let max = typed ?? (inField ? deductionCap : rule.kind === "count" ? rule.cap : top === null ? null : Math.max(0, top));
  if (max === null) {
    // A label's points are never the max (RD33-5/6), but the note names them: the decision's number (RD34-4).
    const label = src.labelPoints;
    note("MAX_MISSING", src.cell, { code: src.code, ...(label ? { text: label.text, label: label.points } : {}) });
    max = 0;
  } else if (inField) note("DEDUCTION_IN_FIELD", src.cell, { code: src.code, cap: max });
  else if (typed === null) {
    note("MAX_DERIVED", src.cell, { code: src.code, max, from: "method" });
    // "(0,5 điểm)" beside "Mỗi dịch vụ: 0,5 điểm, tối đa 3 điểm" is the method's own points per item (RD33-6).
    if (!methodGives(src.method, src.labelPoints)) labelPointsDiffer(src.code, src.labelPoints, max, "method", note);
  }

  if (deducting.adjustment && deducting.deduction) {
    item.max = 0;
    item.min = -(rule.kind === "count" ? (rule.deductionCap ?? rule.cap ?? max) : max);
  } else {
    item.max = max;
    // "Mỗi báo cáo chậm trừ 0,25 điểm, tối đa trừ 1 điểm" on a 2-point item keeps at least 1.
    if (rule.kind === "count" && rule.each < 0 && rule.deductionCap !== undefined && rule.deductionCap > 0 && rule.deductionCap < max) item.min = round2(max - rule.deductionCap);
  }
  // A survey item is never the unit's to declare "không phát sinh".
  const nothingArose = survey ? null : (reading.notApplicablePoints ?? aside.notApplicablePoints);
  const fullWhenNone = nothingArose === "full" || (nothingArose !== null && nothingArose !== "exclude" && nothingArose === item.max && item.max > 0);
  item.rule = ruleFor(rule, item, deducting, note, at, reading.gaps, fullWhenNone);
  const lowest = lowestPoints(item.rule);
  if (lowest !== null && lowest < (item.min ?? 0)) item.min = lowest;

  if (reading.unreadable && !survey) note("METHOD_UNREAD", at, { code: src.code, text: excerpt(src.method), step: (item.rule as { step?: number }).step ?? 0.25 });
  for (const clause of reading.unused) if (!restatesMax(src, clause, item.max)) note("CLAUSE_UNUSED", clause.cell, { code: src.code, text: clause.text, kind: rule.kind });
  const capRest = reading.unreadable || survey ? null : capRestUnused(src, reading.said);
  if (capRest) note("CAP_REST_UNUSED", capRest.cell, { code: src.code, text: capRest.text, cap: capRest.cap, from: item.rule.kind === "manual" ? "manual" : "below" });
  if (reading.best) note("BEST_ON_LEAF", at, { code: src.code });
  // A criterion for some units of the level only: the others are not scored on it, so its max
  // leaves their denominator, whatever a unit it covers gets when nothing arose (A7-1).
  const someUnits = src.appliesToSome && !survey && !deducting.adjustment ? src.appliesToSome : null;
  if (someUnits) {
    item.notApplicable = "exclude";
    note("APPLIES_TO_SOME", someUnits.cell, { code: src.code, said: someUnits.said });
  } else if (nothingArose === "exclude") {
    // A bonus or a deduction stands outside the maximum already.
    if (!deducting.adjustment) item.notApplicable = "exclude";
  } else if (fullWhenNone) item.notApplicable = "full";
  else if (nothingArose !== null) note("NOT_APPLICABLE_PARTIAL", at, { code: src.code, value: nothingArose, max: item.max });
  if (src.evidence && !survey && !NO_EVIDENCE.test(foldText(src.evidence))) item.evidence = { required: true, hint: src.evidence };
  const requires = reading.requires ?? aside.requires;
  if (requires && !survey) item.requires = { code: requires.code, atLeast: 0 };
  // A condition left unread would score the leaf as if it had none: never in silence.
  for (const clause of [...reading.conditionsUnread, ...aside.conditionsUnread]) note("REQUIREMENT_UNREAD", clause.cell, { code: src.code, text: clause.text });
  return item;
}

function ruleFor(rule: RuleReading, item: ImportedItem, src: LeafSource, note: Note, at: string, unsaid: BandGap[], fullWhenNone = false): ImportedRule {
  const max = item.max!;
  const fits = (points: number) => {
    if (points <= max) return true;
    note("OPTION_OVER_MAX", at, { code: src.code, value: points, max });
    return false;
  };
  switch (rule.kind) {
    case "survey":
      return { kind: "survey" };
    case "choice": {
      if (rule.nothingDone) note("BANDS_AS_OPTIONS", rule.nothingDone.cell, { code: src.code, text: rule.nothingDone.text, points: rule.nothingDone.lowPoints });
      const options = rule.options.filter((o) => fits(o));
      // A bonus or a deduction is 0 when it does not happen ("có vi phạm: trừ 1 điểm").
      if (src.adjustment && options.length > 0 && !options.includes(0)) {
        const firstNegative = options.findIndex((o) => o < 0);
        options.splice(firstNegative < 0 ? options.length : firstNegative, 0, 0);
      }
      // "Không phát hiện sai phạm thì được điểm tối đa; … đã khắc phục: 0,5; chưa khắc phục: 0": the
      // case it names is the unit's to score as written, the max among the options (IMP7-8).
      if (fullWhenNone && !src.adjustment && options.length > 0 && !options.includes(max)) options.unshift(max);
      if (options.length > 0 && !src.adjustment && Math.max(...options) < max) note("OPTIONS_BELOW_MAX", at, { code: src.code, value: Math.max(...options), max });
      return options.length > 0 ? { kind: "choice", options } : { kind: "manual", step: manualStep(max, item.min) };
    }
    case "ratio": {
      // Rates the decision says nothing of are never paid by a guess (a band for them, even one
      // paying 0, would say what the decision does not): the leaf is scored by hand, noted.
      if (unsaid.length > 0) {
        const step = manualStep(max, item.min);
        for (const g of unsaid) note("BANDS_GAP", at, { code: src.code, from: g.from, to: g.to, fromIncluded: g.fromIncluded ? "yes" : "no", toIncluded: g.toIncluded ? "yes" : "no", step });
        return { kind: "manual", step };
      }
      const bands = rule.bands.filter((b) => fits(b.points));
      if (bands.length > 0 && Math.max(...bands.map((b) => b.points)) < max) note("OPTIONS_BELOW_MAX", at, { code: src.code, value: Math.max(...bands.map((b) => b.points)), max });
      return bands.length > 0 ? { kind: "ratio", bands } : { kind: "manual", step: manualStep(max, item.min) };
    }
    case "percentStep": {
      // "Cứ 10% … được 0,2 điểm" on a 2-point item reaches its max at 100 %: proportional.
      const full = round2((100 / rule.per) * rule.each);
      if (full === max && max > 0) return { kind: "ratio", proportional: true };
      note("PERCENT_STEP_MANUAL", at, { code: src.code, per: rule.per, each: rule.each, full, max });
      return { kind: "manual", step: manualStep(max, item.min) };
    }
    case "proportional":
      if (rule.rounding !== undefined) note("PROPORTIONAL_ROUNDED", at, { code: src.code, step: rule.rounding });
      return rule.target === undefined ? { kind: "ratio", proportional: true } : { kind: "ratio", proportional: true, target: rule.target };
    case "proportionalThreshold":
      // Pro rata points, so hundredths: the unit computes them, the reviewer checks the threshold.
      note("PROPORTIONAL_THRESHOLD", at, { code: src.code, below: rule.below, text: rule.text, step: 0.01, upTo: rule.upTo ? "yes" : "no" });
      return { kind: "manual", step: 0.01 };
    case "proportionalBelow":
      note("PROPORTIONAL_FULL_FROM", at, { code: src.code, from: rule.from, text: rule.text, step: 0.01 });
      return { kind: "manual", step: 0.01 };
    case "count": {
      if (rule.cap !== null && src.max !== null && rule.cap !== Math.abs(src.max) && !src.adjustment) note("CAP_DIFFERS", at, { code: src.code, cap: rule.cap, max });
      // A deduction inside a criterion starts from its max and goes down to 0 ("trừ 0,5 điểm mỗi báo cáo chậm").
      const base = rule.each < 0 && !src.adjustment ? max : 0;
      return { kind: "count", each: src.adjustment && src.deduction ? -Math.abs(rule.each) : rule.each, base };
    }
    case "pointRange": {
      // The decision names no step: the coarsest of 0,5 / 0,25 … that lands on every figure it names.
      const step = [0.5, 0.25, 0.05].find((s) => [...rule.points, max, item.min ?? 0].every((p) => Number.isInteger(round2(p / s)))) ?? 0.01;
      note("POINT_RANGE_MANUAL", at, { code: src.code, text: rule.text, step });
      return { kind: "manual", step };
    }
    case "percentDrop": {
      // Whether 95 % loses half a step or nothing ("cứ giảm 10%") is the decision's to say: scored by hand.
      const step = [0.25, 0.05].find((s) => [rule.each, max].every((p) => Number.isInteger(round2(p / s)))) ?? 0.01;
      note("PERCENT_DROP_MANUAL", at, { code: src.code, text: rule.text, per: rule.per, each: rule.each, step });
      return { kind: "manual", step };
    }
    case "parts": {
      // Each part earned or not: any sum of them, 0 for none, in the steps they land on.
      const step = [0.5, 0.25, 0.05].find((s) => [...rule.points, max].every((p) => Number.isInteger(round2(p / s)))) ?? 0.01;
      note("PARTS_ADD_UP", at, { code: src.code, count: rule.points.length, max, step });
      return { kind: "manual", step };
    }
    case "severalCounts": {
      const step = [0.25, 0.05].find((s) => [...rule.each, max].every((p) => Number.isInteger(round2(p / s)))) ?? 0.01;
      note("COUNTS_SEVERAL", at, { code: src.code, text: rule.text, step });
      return { kind: "manual", step };
    }
    case "lowerIsBetter":
      note("RATE_LOWER_IS_BETTER", at, { code: src.code });
      return { kind: "manual", step: manualStep(max, item.min) };
    case "none":
      return { kind: "manual", step: manualStep(max, item.min) };
  }
}

/**
 * Uncoded rows with points that add up to the leaf's max, none of them the whole max, are
 * parts of the criterion rather than alternatives: the cell of the first, or null.
 */
function uncodedParts(src: LeafSource): string | null {
  const scored = src.method.filter((l) => l.points !== undefined);
  if (scored.length < 2 || src.max === null || scored.some((l) => l.points! <= 0 || l.points! >= src.max!)) return null;
  return scored.reduce((sum, l) => sum + toCents(l.points!), 0) === toCents(src.max) ? scored[0]!.cell : null;
}

/**
 * Several uncoded rows under a leaf, each with points beside it and a method of its own
 * ("Kế hoạch CCHC | 2 | Kịp thời: 2 điểm; chậm: 1 điểm"): maybe criteria without codes.
 * The cell of the first, or null.
 */
function uncodedCriteria(src: LeafSource): string | null {
  const own = src.method.filter((l) => l.points !== undefined && splitClauses([{ text: l.text, cell: l.cell }]).filter((c) => c.points !== null).length >= 2);
  return own.length >= 2 ? own[0]!.cell : null;
}

function highestPoints(rule: RuleReading): number | null {
  if (rule.kind === "choice") return Math.max(...rule.options);
  if (rule.kind === "ratio") return Math.max(...rule.bands.map((b) => b.points));
  if (rule.kind === "lowerIsBetter") return rule.top;
  if (rule.kind === "pointRange") return Math.max(...rule.points);
  if (rule.kind === "percentStep") return round2((100 / rule.per) * rule.each);
  if (rule.kind === "parts") return round2(rule.points.reduce((sum, p) => sum + p, 0));
  return null;
}

function lowestPoints(rule: ImportedRule): number | null {
  if (rule.kind === "choice") return Math.min(...rule.options);
  return null;
}

function excerpt(lines: MethodLine[]): string {
  const text = lines.map((l) => l.text).join("; ");
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}
