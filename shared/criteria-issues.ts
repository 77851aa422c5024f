import type { Locale } from "./findings.ts";
import { formatNumber } from "./messages.ts";

/**
 * Why a criteria set is invalid (CRITERIA_INVALID), in Vietnamese and English. Structural
 * issues carry a key and their values, so the message is written once per locale here and
 * the zod issue keeps the English text for the HTTP edge.
 */
type Value = string | number;
type Params = Record<string, Value>;

const CATALOGUE = {
  hundredths: { vi: () => "tối đa hai chữ số thập phân", en: () => "at most two decimals" },
  setIdForm: {
    vi: () => "chỉ gồm chữ cái không dấu, chữ số, '.', '_' hoặc '-', bắt đầu bằng chữ hoặc số, tối đa 100 ký tự (ví dụ ha-noi-huyen-2024)",
    en: () => "letters without diacritics, digits, '.', '_' or '-' only, starting with a letter or digit, at most 100 characters (e.g. ha-noi-huyen-2024)",
  },
  periodOrder: { vi: () => "ngày bắt đầu (period.from) sau ngày kết thúc (period.to)", en: () => "period.from is after period.to" },
  duplicateCode: { vi: (p) => `mã ${p.code} bị trùng`, en: (p) => `duplicate code ${p.code}` },
  codeNotUnderParent: { vi: (p) => `mã ${p.code} không nằm dưới mã của mục cha ${p.parent}`, en: (p) => `code ${p.code} does not extend its parent's ${p.parent}` },
  topLevelDotted: { vi: (p) => `mã cấp lĩnh vực ${p.code} phải là một số`, en: (p) => `top-level code ${p.code} must be a single number` },
  adjustmentNotTop: { vi: () => "adjustment (điểm thưởng, điểm trừ) chỉ dùng cho mục cấp lĩnh vực", en: () => "adjustment is allowed on top-level items only" },
  parentWithRule: { vi: (p) => `mục ${p.code} có mục con nên không có rule`, en: (p) => `item ${p.code} has children and a rule` },
  parentNoMax: { vi: (p) => `mục ${p.code} thiếu max (điểm tối đa)`, en: (p) => `item ${p.code} has no max` },
  parentSum: {
    vi: (p) => `điểm tối đa của ${p.code} là ${p.max} nhưng các mục con cộng lại là ${p.sum}`,
    en: (p) => `max of ${p.code} is ${p.max} but its children sum to ${p.sum}`,
  },
  bestMax: {
    vi: (p) => `${p.code} tính theo phương án cao nhất (combine "best") nên điểm tối đa phải là ${p.greatest}, điểm tối đa lớn nhất của các mục con, không phải ${p.max}`,
    en: (p) => `max of ${p.code} is ${p.max} but a "best" parent's max is its greatest child max, ${p.greatest}`,
  },
  maxPointsSum: {
    vi: (p) => `maxPoints là ${p.max} nhưng các lĩnh vực (không kể điểm thưởng, điểm trừ) cộng lại là ${p.sum}`,
    en: (p) => `maxPoints is ${p.max} but the top-level items sum to ${p.sum}`,
  },
  leafNoMax: { vi: (p) => `tiêu chí ${p.code} thiếu max (điểm tối đa)`, en: (p) => `leaf ${p.code} has no max` },
  minAboveMax: { vi: (p) => `min của ${p.code} lớn hơn max`, en: (p) => `min of ${p.code} is above its max` },
  maxNegative: { vi: (p) => `max của ${p.code} là số âm`, en: (p) => `max of ${p.code} is negative` },
  optionOutside: { vi: (p) => `một mức điểm của ${p.code} nằm ngoài [${p.min}; ${p.max}]`, en: (p) => `an option of ${p.code} lies outside [${p.min}, ${p.max}]` },
  // CF3-7: a max the leaf's step never lands on (shared/criteria-schema-reach.ts).
  maxOffStep: {
    vi: (p) => `điểm tối đa ${p.max} của ${p.code} không phải bội số của bước ${p.step} (tính từ 0): không ai chấm được đủ điểm; sửa bước hoặc điểm tối đa`,
    en: (p) => `max ${p.max} of ${p.code} is not a multiple of its step ${p.step} (counted from 0): no score can reach it; fix the step or the max`,
  },
  ratioNeedsBands: { vi: (p) => `quy tắc tỷ lệ của ${p.code} cần bands (các mức) hoặc proportional`, en: (p) => `ratio rule of ${p.code} needs bands or proportional` },
  bandPointsOutside: { vi: (p) => `một mức của ${p.code} cho điểm nằm ngoài [${p.min}; ${p.max}]`, en: (p) => `a band of ${p.code} gives points outside [${p.min}, ${p.max}]` },
  bandBothBounds: {
    vi: (p) => `một mức của ${p.code} có cả "above" (trên) và "min" (từ): chỉ dùng một trong hai`,
    en: (p) => `a band of ${p.code} has both "above" and "min": use one of them`,
  },
  bandNoBound: { vi: (p) => `một mức của ${p.code} thiếu "min" (từ) hoặc "above" (trên)`, en: (p) => `a band of ${p.code} has neither "min" nor "above"` },
  surveyInAdjustment: { vi: (p) => `tiêu chí điều tra xã hội học ${p.code} nằm trong mục điểm thưởng, điểm trừ`, en: (p) => `survey rule inside an adjustment section (${p.code})` },
  leafOnly: { vi: (p) => `"${p.field}" chỉ dùng cho tiêu chí không có mục con (${p.code})`, en: (p) => `"${p.field}" is for leaves only (${p.code})` },
  parentOnly: {
    vi: (p) => `"${p.field}" chỉ dùng cho mục có mục con (${p.code}); tiêu chí lẻ dùng "min"`,
    en: (p) => `"${p.field}" is for parents only (${p.code}); a leaf uses "min"`,
  },
  notApplicableSurvey: { vi: (p) => `tiêu chí điều tra xã hội học ${p.code} không ghi "không phát sinh" được`, en: (p) => `survey item ${p.code} cannot be marked not applicable` },
  floorAboveMax: { vi: (p) => `mức sàn (floor) của ${p.code} là ${p.floor}, cao hơn điểm tối đa ${p.max}`, en: (p) => `floor of ${p.code} (${p.floor}) is above its max (${p.max})` },
  countZeroEach: { vi: (p) => `quy tắc đếm của ${p.code} cần "each" khác 0`, en: (p) => `count rule of ${p.code} needs a non-zero each` },
  requiresMissing: { vi: (p) => `${p.code} có điều kiện theo ${p.target}, nhưng bộ tiêu chí không có mã này`, en: (p) => `${p.code} requires ${p.target}, which this set does not have` },
  requiresSelf: { vi: (p) => `${p.code} có điều kiện theo chính nó (${p.target})`, en: (p) => `${p.code} requires itself (${p.target})` },
  // A parent's accepted score holds its child's: the condition would wait on the item it conditions.
  requiresAncestor: {
    vi: (p) => `${p.code} có điều kiện theo chính nó (${p.target}): ${p.target} là mục cha chứa ${p.code}, điểm của nó gồm cả điểm ${p.code}; đặt điều kiện theo một mục khác`,
    en: (p) => `${p.code} requires itself (${p.target}): ${p.target} is a parent of ${p.code} and its score includes ${p.code}'s; name another item`,
  },
  requiresSurvey: {
    vi: (p) => `${p.code} có điều kiện theo ${p.target}, một tiêu chí điều tra xã hội học: điều kiện chỉ theo tiêu chí tự đánh giá`,
    en: (p) => `${p.code} requires survey item ${p.target}: conditions name self-assessed items only`,
  },
  requiresUnreachable: {
    vi: (p) => `${p.code} cần ${p.target} đạt ${p.atLeast} điểm, nhưng ${p.target} tối đa ${p.max}`,
    en: (p) => `${p.code} requires ${p.target} to reach ${p.atLeast} but its max is ${p.max}`,
  },
  requiresCycle: { vi: (p) => `điều kiện vòng tròn: ${p.chain}`, en: (p) => `circular requires: ${p.chain}` },
  codeMapTwice: { vi: (p) => `codeMap ghi mã cũ ${p.from} hai lần`, en: (p) => `codeMap lists old code ${p.from} twice` },
  codeMapTarget: { vi: (p) => `codeMap chuyển ${p.from} sang ${p.to}, nhưng bộ tiêu chí không có mã này`, en: (p) => `codeMap maps ${p.from} to ${p.to}, which this set does not have` },
} satisfies Record<string, Record<Locale, (p: Params) => string>>;

export type IssueKey = keyof typeof CATALOGUE;

/** The text of a structural issue; numbers with the locale's decimal mark. */
export function issueText(key: IssueKey, params: Params, locale: Locale): string {
  const shown: Params = {};
  for (const [k, v] of Object.entries(params)) shown[k] = typeof v === "number" ? formatNumber(v, locale) : v;
  return (CATALOGUE[key][locale] as (p: Params) => string)(shown);
}

/** The zod issue fields this module reads. */
export interface SchemaIssue {
  code: string;
  message: string;
  path: PropertyKey[];
  params?: Record<string, unknown>;
  keys?: string[];
  expected?: unknown;
  format?: string;
  options?: unknown[];
  values?: unknown[];
  minimum?: unknown;
  maximum?: unknown;
  origin?: string;
  inclusive?: boolean;
}

const TYPE_VI: Record<string, string> = { number: "một số", string: "một chuỗi ký tự", boolean: "true hoặc false", object: "một đối tượng {…}", array: "một danh sách […]" };

/** A zod issue in the locale: structural ones from the catalogue, the common zod ones in plain words. */
export function localiseIssue(issue: SchemaIssue, locale: Locale): string {
  const key = issue.params?.key;
  if (typeof key === "string" && key in CATALOGUE) return issueText(key as IssueKey, (issue.params ?? {}) as Params, locale);
  const vi = locale === "vi";
  const list = (xs: unknown[] | undefined) => (xs ?? []).map((x) => JSON.stringify(x)).join(", ");
  switch (issue.code) {
    case "unrecognized_keys":
      return vi
        ? `khóa ${list(issue.keys)} không có trong định dạng bộ tiêu chí (CRITERIA-FORMAT): xóa hoặc sửa chính tả`
        : `unknown key ${list(issue.keys)}: the criteria format does not define it (remove it or fix its spelling)`;
    case "invalid_union":
      if (issue.path[issue.path.length - 1] === "kind") {
        return vi ? `loại quy tắc (kind) phải là một trong: ${list(issue.options)}` : `rule kind must be one of ${list(issue.options)}`;
      }
      break;
    case "invalid_type":
      if (issue.expected === "int") return vi ? "phải là số nguyên" : "must be a whole number";
      if (vi) return issue.expected === "undefined" ? "thiếu giá trị" : `cần ${TYPE_VI[String(issue.expected)] ?? String(issue.expected)}`;
      break;
    case "invalid_value":
      if (vi) return `phải là một trong: ${list(issue.values)}`;
      break;
    case "invalid_format":
      if (issue.message === issueText("setIdForm", {}, "en")) return issueText("setIdForm", {}, locale);
      if (vi) return issue.format === "date" ? "cần ngày dạng YYYY-MM-DD" : issue.message === "dotted code such as 1.2.3" ? "cần mã dạng 1.2.3" : "sai định dạng";
      break;
    case "too_small":
      if (issue.origin === "array") return vi ? `cần ít nhất ${String(issue.minimum)} mục` : issue.message;
      if (issue.origin === "string") return vi ? "không được để trống" : issue.message;
      // "Từ 0 trở lên" holds 0 itself: a bound that refuses it (step, target, maxPoints) says "lớn hơn".
      return bound(issue.minimum, issue.inclusive !== false, vi, ["phải từ", "trở lên"], ["phải lớn hơn", ""], ["must be at least", "must be greater than"]);
    case "too_big":
      return bound(issue.maximum, issue.inclusive !== false, vi, ["phải không quá", ""], ["phải nhỏ hơn", ""], ["must be at most", "must be less than"]);
  }
  return issue.message;
}

/** A numeric bound in words: inclusive ("từ 0 trở lên", "at least 0") or strict ("lớn hơn 0", "greater than 0"). */
function bound(limit: unknown, inclusive: boolean, vi: boolean, viInclusive: [string, string], viStrict: [string, string], en: [string, string]): string {
  const n = typeof limit === "number" ? formatNumber(limit, vi ? "vi" : "en") : String(limit);
  if (!vi) return `${inclusive ? en[0] : en[1]} ${n}`;
  const [before, after] = inclusive ? viInclusive : viStrict;
  return `${before} ${n}${after ? ` ${after}` : ""}`;
}
