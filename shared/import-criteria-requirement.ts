/**
 * A condition on another criterion in a method's words (CRITERIA-FORMAT.md §6 `requires`):
 * "Chỉ chấm điểm khi TCTP 1.1 đạt điểm tối đa", "Nếu tiêu chí thành phần 1.3.1 không đạt điểm
 * thì tiêu chí này không được chấm điểm", "Chỉ tính điểm nếu đã ban hành Kế hoạch tại tiêu chí
 * 1.1". Read on folded text (lowercase, no diacritics).
 *
 * What the named item must reach: "đạt điểm tối đa" is its max; "đạt điểm", "không đạt 0
 * điểm", "đã ban hành … tại tiêu chí 1.1" is any score above 0 — `requires` holds a lower bound
 * (score ≥ atLeast), so the set writes the smallest positive score that item can take.
 */
export type RequirementLevel = "max" | "scored";

/** The clause stops or allows scoring ("chỉ được chấm", "không được tính điểm"). */
// Also the outcome "… thì tiêu chí này được 0 điểm / không có điểm", and a clause labelled "Điều kiện:" (IMP6-14).
const EFFECT = /chi (?:duoc )?(?:cham|tinh)|khong (?:duoc )?(?:cham|tinh)|thi (?:tieu chi nay |chi tieu nay |noi dung nay )?(?:(?:duoc|bi|dat) 0 diem|khong (?:co|duoc) diem)|^dieu kien\b/;
/** Before the code: "không / chưa ban hành Kế hoạch tại", the outcome 0: the named item must have been done. */
const NOT_DONE_AT = /(?:khong|chua)\s+(?:ban hanh|thuc hien|hoan thanh|xay dung|to chuc|trien khai|phe duyet)\b[^;]*?\s(?:tai|o|theo|cua)\s+$/;
/** "Điều kiện: đã ban hành Kế hoạch CCHC năm (tiêu chí 1.1)": done-words before the bracketed code. */
const DONE_BEFORE = /^dieu kien\s*:?\s*(?:la\s+)?(?:da|co|duoc)\s+(?:ban hanh|thuc hien|hoan thanh|xay dung|to chuc|trien khai|phe duyet)\b[^;]*?\(\s*$/;
/** Another criterion by its code; "tiêu chí này" (this one) has none. */
const REFERENCE = /(?:tieu chi thanh phan|chi tieu thanh phan|tctp|tieu chi|chi tieu|noi dung|muc)\s+(?:so\s+)?(\d+(?:\.\d+)*)(?!\d)\.?/;
/** After the code: "đạt điểm tối đa", "không đạt đủ điểm", "được chấm điểm tối đa". */
const AT_MAX = /^\s*(?:(?:khong|chua)\s+)?(?:dat|duoc)\s+(?:duoc\s+)?(?:(?:cham|tinh)\s+)?(?:diem toi da|toi da|du so diem|du diem|(?:du\s+)?(?:so\s+)?diem toi da)/;
/** After the code: "không đạt điểm", "đạt 0 điểm", "bị 0 điểm", "có điểm", "được chấm điểm" (not "… tối đa"). */
const SCORED = /^\s*(?:(?:(?:khong|chua)\s+)?(?:duoc\s+)?(?:dat|co|cham|tinh)(?:\s+duoc)?\s+diem|(?:dat|bi|duoc|co)\s+0\s*diem|duoc\s+(?:cham\s+|tinh\s+)?diem)(?!\s+toi da)/;
/** Before the code: "đã ban hành Kế hoạch tại", "có thực hiện … ở": the named item was done, so scored. */
const DONE_AT = /(?:da|co|duoc)\s+(?:ban hanh|thuc hien|hoan thanh|xay dung|to chuc|trien khai|phe duyet)\b[^;]*?\s(?:tai|o|theo|cua)\s+$/;
/** "Chỉ chấm điểm khi …", "chỉ tính điểm nếu …": a condition, whatever it names. */
const ONLY_WHEN = /chi (?:duoc )?(?:cham|tinh)(?: diem)?[^;]*?\s(?:khi|neu|trong truong hop|voi dieu kien)\s/;

/** The first other criterion a clause names by its code ("tiêu chí 2.1", "TCTP 1.1"), or null. */
export function criterionNamed(folded: string): string | null {
  return REFERENCE.exec(folded)?.[1] ?? null;
}

export type ConditionReading = { code: string; level: RequirementLevel } | "unread" | null;

/**
 * A clause's condition: the code and level, "unread" when it clearly is a condition (another
 * criterion named beside "chỉ/không được chấm", or "chỉ chấm khi …") that cannot be written as
 * `requires`, or null when it is no condition.
 */
export function readCondition(folded: string): ConditionReading {
  if (!EFFECT.test(folded)) return null;
  const ref = REFERENCE.exec(folded);
  if (!ref) return ONLY_WHEN.test(folded) ? "unread" : null;
  const after = folded.slice(ref.index + ref[0].length);
  const code = ref[1]!;
  if (AT_MAX.test(after)) return { code, level: "max" };
  const before = folded.slice(0, ref.index);
  if (SCORED.test(after) || DONE_AT.test(before) || NOT_DONE_AT.test(before) || DONE_BEFORE.test(before)) return { code, level: "scored" };
  return "unread";
}
