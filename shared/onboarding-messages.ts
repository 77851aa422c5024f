import type { UnitImportProblemCode } from "./api-onboarding.ts";
import type { Locale } from "./findings.ts";

/**
 * What a person is told when going live goes wrong (issue 16, "Bad input"): one sentence
 * that says what to do, in Vietnamese or English. The Worker answers these in `message`
 * (Accept-Language picks the language); the pane may show them as they come.
 */
export type OnboardingMessageCode =
  | "ACTIVATION_INVALID"
  | "ACTIVATION_USED"
  | "ACTIVATION_RATE_LIMITED"
  | "UNIT_NOT_FOUND"
  | "UNIT_NOT_BELOW"
  | "UNIT_NOT_OPEN"
  | "UNKNOWN_UNITS"
  | "NO_UNITS_UNDER"
  | "UNITS_IMPORT_INVALID"
  | "UNITS_IMPORT_CONFLICT"
  | UnitImportProblemCode;

type Params = Record<string, string | number>;
type Template = (p: Params) => string;

const CATALOGUE: Record<OnboardingMessageCode, Record<Locale, Template>> = {
  ACTIVATION_INVALID: {
    vi: () => "Mã kích hoạt không đúng hoặc đã hết hạn: kiểm tra lại 10 ký tự (dạng ABCD-EFGH-JK) hoặc đề nghị nơi cấp mã cấp mã mới.",
    en: () => "The activation code is wrong or has expired: check its 10 characters (like ABCD-EFGH-JK) or ask whoever gave it to you for a new one.",
  },
  ACTIVATION_USED: {
    vi: () => "Mã kích hoạt này đã được dùng (mỗi mã chỉ dùng một lần): đề nghị nơi cấp mã cấp mã mới.",
    en: () => "This activation code has been used already (each code works once): ask whoever gave it to you for a new one.",
  },
  ACTIVATION_RATE_LIMITED: {
    vi: (p) => `Đã nhập sai mã kích hoạt quá nhiều lần: đợi ${p.minutes} phút rồi nhập lại thật cẩn thận.`,
    en: (p) => `Too many wrong activation codes: wait ${p.minutes} minutes, then type the code again carefully.`,
  },
  UNIT_NOT_FOUND: {
    vi: (p) => `Không tìm thấy đơn vị ${p.unit} trong phạm vi của bạn: kiểm tra lại mã đơn vị.`,
    en: (p) => `There is no unit ${p.unit} within your scope: check the unit id.`,
  },
  UNIT_NOT_BELOW: {
    vi: (p) => `Người thẩm định chỉ cấp mã cho các đơn vị trực thuộc, không cho chính đơn vị mình (${p.unit}): đề nghị cấp trên hoặc quản trị tỉnh cấp.`,
    en: (p) => `A reviewer issues codes only for the units below its own, not for ${p.unit} itself: ask the level above or the provincial admin.`,
  },
  UNIT_NOT_OPEN: {
    vi: (p) => `Đơn vị ${p.name} không còn hoạt động (đã sáp nhập hoặc giải thể): cấp mã cho đơn vị kế thừa.`,
    en: (p) => `Unit ${p.name} no longer exists (merged or dissolved): issue a code for the unit that took it over.`,
  },
  UNKNOWN_UNITS: {
    vi: (p) =>
      p.under === undefined
        ? `Không có hoặc không thuộc phạm vi của bạn: ${p.units}: bỏ các đơn vị này khỏi danh sách rồi gửi lại.`
        : `Không có hoặc không thuộc phạm vi của bạn: ${p.units}: ghi trong "under" ${p.under ? `đơn vị của bạn (${p.under}) hoặc một đơn vị trực thuộc nó` : "mã của một đơn vị có thật (tỉnh hoặc một huyện)"} rồi gửi lại.`,
    en: (p) =>
      p.under === undefined
        ? `Unknown or outside your scope: ${p.units}: remove them from the list and send it again.`
        : `Unknown or outside your scope: ${p.units}: put in "under" ${p.under ? `your own unit (${p.under}) or one below it` : "the id of a unit that exists (the province or a district)"} and send it again.`,
  },
  NO_UNITS_UNDER: {
    vi: (p) => `Không có đơn vị nào đang hoạt động trực thuộc ${p.unit}: chọn một huyện hoặc tỉnh có đơn vị trực thuộc.`,
    en: (p) => `No open unit is below ${p.unit}: pick a district or the province that has units below it.`,
  },
  UNITS_IMPORT_INVALID: {
    vi: (p) => `Danh sách đơn vị có ${p.count} lỗi nên chưa tạo đơn vị nào: sửa các ô được chỉ ra rồi gửi lại.`,
    en: (p) => `The units list has ${p.count} problem(s), so no unit was created: fix the cells pointed out and send it again.`,
  },
  UNITS_IMPORT_CONFLICT: {
    vi: () => "Một đơn vị trong danh sách vừa được tạo bởi một lần nhập khác: xem trước lại danh sách rồi gửi lại.",
    en: () => "A unit of this list was just created by another import: preview the list again, then send it.",
  },
  NAME_MISSING: {
    vi: (p) => `Dòng ${p.row}: chưa có tên đơn vị: nhập tên, ví dụ "Xã An Phú".`,
    en: (p) => `Row ${p.row}: the unit has no name: type one, e.g. "Xã An Phú".`,
  },
  TYPE_UNKNOWN: {
    vi: (p) => `Dòng ${p.row}: loại đơn vị "${p.value}" không rõ: ghi một trong ${p.words}.`,
    en: (p) => `Row ${p.row}: unit type "${p.value}" is not known: write one of ${p.words}.`,
  },
  PARENT_MISSING: {
    vi: (p) => `Dòng ${p.row}: chưa có đơn vị cấp trên: ghi tên hoặc mã của đơn vị cấp trên (chỉ cấp tỉnh mới để trống).`,
    en: (p) => `Row ${p.row}: no parent unit: write the parent's name or id (only a province has none).`,
  },
  PARENT_NOT_FOUND: {
    vi: (p) => `Dòng ${p.row}: không có đơn vị cấp trên "${p.value}": ghi đúng tên hoặc mã, hoặc thêm đơn vị đó vào danh sách.`,
    en: (p) => `Row ${p.row}: there is no parent unit "${p.value}": write its exact name or id, or add it to the list.`,
  },
  PARENT_AMBIGUOUS: {
    vi: (p) => `Dòng ${p.row}: có nhiều đơn vị tên "${p.value}": ghi mã đơn vị (${p.ids}) thay cho tên.`,
    en: (p) => `Row ${p.row}: several units are named "${p.value}": write the id (${p.ids}) instead of the name.`,
  },
  PARENT_WRONG_LEVEL: {
    vi: (p) => `Dòng ${p.row}: ${p.type} không thể trực thuộc ${p.parent}: chọn đơn vị cấp trên là ${p.allowed}.`,
    en: (p) => `Row ${p.row}: a ${p.type} cannot sit under ${p.parent}: pick a parent that is a ${p.allowed}.`,
  },
  // With `start`: the parent starts after the row's day (GL-5: a province created from the merge day blocked every older unit).
  PARENT_NOT_VALID: {
    vi: (p) =>
      p.start === undefined
        ? `Dòng ${p.row}: đơn vị cấp trên ${p.parent} không hoạt động vào ngày ${p.date}: sửa ngày hiệu lực hoặc chọn đơn vị cấp trên khác.`
        : p.root
          ? `Dòng ${p.row}: đơn vị cấp trên ${p.parent} không hoạt động vào ngày ${p.date}: bản ghi tỉnh ${p.parent} chỉ bắt đầu từ ngày ${p.start}, nên không có đơn vị hay kết quả nào trước ngày đó. Ghi ngày hiệu lực từ ${p.start} trở đi; hoặc, để lưu đơn vị và kết quả từ ngày ${p.date}, tạo bản ghi tỉnh bắt đầu từ ngày sớm nhất cần lưu kết quả (ví dụ 01/01 của năm đầu tiên nhập) rồi ghi mã của nó ở cột đơn vị cấp trên.`
          : `Dòng ${p.row}: đơn vị cấp trên ${p.parent} không hoạt động vào ngày ${p.date}: đơn vị này chỉ bắt đầu từ ngày ${p.start}. Ghi ngày hiệu lực từ ${p.start} trở đi, hoặc chọn đơn vị cấp trên đang hoạt động vào ngày ${p.date}.`,
    en: (p) =>
      p.start === undefined
        ? `Row ${p.row}: parent ${p.parent} does not exist on ${p.date}: change the date or pick another parent.`
        : p.root
          ? `Row ${p.row}: parent ${p.parent} does not exist on ${p.date}: the province record ${p.parent} starts only on ${p.start}, so no unit or result can be held before that day. Date the row from ${p.start} on; or, to hold units and results from ${p.date}, create a province record that starts on the earliest day results are held for (e.g. 01/01 of the first year imported) and write its id in the parent column.`
          : `Row ${p.row}: parent ${p.parent} does not exist on ${p.date}: it starts only on ${p.start}. Date the row from ${p.start} on, or pick a parent that exists on ${p.date}.`,
  },
  PARENT_HAS_PROBLEM: {
    vi: (p) => `Dòng ${p.row}: đơn vị cấp trên ở dòng ${p.parentRow} đang có lỗi: sửa dòng ${p.parentRow} trước.`,
    en: (p) => `Row ${p.row}: the parent unit on row ${p.parentRow} has a problem: fix row ${p.parentRow} first.`,
  },
  DUPLICATE_NAME: {
    vi: (p) => `Dòng ${p.row}: "${p.value}" trùng tên với dòng ${p.first} trong cùng đơn vị cấp trên: xóa dòng trùng hoặc sửa tên.`,
    en: (p) => `Row ${p.row}: "${p.value}" repeats row ${p.first} under the same parent: remove the duplicate or rename it.`,
  },
  EXISTS_DIFFERENTLY: {
    vi: (p) => `Dòng ${p.row}: đã có đơn vị "${p.value}" (${p.id}) thuộc cùng đơn vị cấp trên nhưng khác loại hoặc ngày hiệu lực: sửa dòng này cho khớp hoặc đổi tên.`,
    en: (p) => `Row ${p.row}: unit "${p.value}" (${p.id}) already exists under this parent with another type or start date: make the row match or rename it.`,
  },
  PERIOD_LOCKED: {
    vi: (p) => `Dòng ${p.row}: đơn vị có hiệu lực từ ${p.from} sẽ vào danh sách đơn vị của kỳ ${p.period} (các đơn vị có hiệu lực ngày ${p.day}), mà kỳ này đã khóa nên không thêm được đơn vị vào năm của kỳ: đơn vị thành lập sau ngày đó thì ghi ngày hiệu lực từ ${p.next}; đơn vị đã có trong năm đó thì quản trị tỉnh mở khóa kỳ theo quyết định của hội đồng, thêm đơn vị rồi khóa lại.`,
    en: (p) => `Row ${p.row}: a unit valid from ${p.from} would join the units of period ${p.period} (those valid on ${p.day}), which is locked, and no unit is added to a locked period's year: a unit formed after that day starts on ${p.next} or later; one that existed that year is added by the provincial admin unlocking the period on the council's decision, adding it, and locking it again.`,
  },
  DATE_MISSING: {
    vi: (p) => `Dòng ${p.row}: chưa có ngày bắt đầu hiệu lực: nhập ngày dạng dd/mm/yyyy, ví dụ 01/07/2025.`,
    en: (p) => `Row ${p.row}: no start date: type it as dd/mm/yyyy, e.g. 01/07/2025.`,
  },
  DATE_INVALID: {
    // What is wrong, when it can be said (A5-9): the month has fewer days, or there is no such month (day and month swapped?).
    vi: (p) =>
      p.days !== undefined
        ? `Dòng ${p.row}: "${p.value}" không phải ngày có thật: tháng ${p.month} năm ${p.year} chỉ có ${p.days} ngày; sửa lại ngày (dạng dd/mm/yyyy).`
        : p.swapped !== undefined
          ? `Dòng ${p.row}: "${p.value}": không có tháng ${p.month}, có lẽ đã ghi tháng trước ngày; ghi ngày trước tháng (dd/mm/yyyy): ${p.swapped}.`
          : `Dòng ${p.row}: "${p.value}" không phải ngày hợp lệ: nhập ngày dạng dd/mm/yyyy, ví dụ 01/07/2025.`,
    en: (p) =>
      p.days !== undefined
        ? `Row ${p.row}: "${p.value}" is not a day: month ${p.month} of ${p.year} has ${p.days} days; correct the day (dd/mm/yyyy).`
        : p.swapped !== undefined
          ? `Row ${p.row}: "${p.value}": there is no month ${p.month}, the month was probably written first; write the day first (dd/mm/yyyy): ${p.swapped}.`
          : `Row ${p.row}: "${p.value}" is not a valid date: type it as dd/mm/yyyy, e.g. 01/07/2025.`,
  },
};

export function onboardingMessage(code: OnboardingMessageCode, locale: Locale, params: Params = {}): string {
  return CATALOGUE[code][locale](params);
}
