import type { Locale } from "./findings.ts";
import { formatNumber, type MessageParams } from "./messages.ts";

/**
 * What the importer could not infer from a decision's table (CRITERIA-FORMAT.md §7), one
 * note per thing, each with the cell to look at. Vietnamese first, English second; numbers
 * with the locale's decimal mark.
 */
export const IMPORT_NOTE_CODES = [
  "SEVERAL_TABLES",
  "SHEETS_JOINED",
  "BANDS_DEFAULT",
  "BAND_STRICT_AS_MIN",
  "BAND_IN_POINTS",
  "BAND_UNREAD",
  "DUPLICATE_CODE",
  "PARENT_MISSING",
  "TITLE_MISSING",
  "MAX_MISSING",
  "MAX_DERIVED",
  "SUM_MISMATCH",
  "TOTAL_MISMATCH",
  "METHOD_UNREAD",
  "CLAUSE_UNUSED",
  "CAP_REST_UNUSED",
  "OPTION_OVER_MAX",
  "OPTIONS_BELOW_MAX",
  "CAP_DIFFERS",
  "NOT_APPLICABLE_PARTIAL",
  "BEST_ON_LEAF",
  "CASES_READ_AS_BEST",
  "PARENT_METHOD_IGNORED",
  "UNCODED_PARTS",
  "UNCODED_CRITERIA",
  "PERCENT_STEP_MANUAL",
  "REQUIREMENT_UNRESOLVED",
  "REQUIREMENT_UNREAD",
  "FLOOR_UNRESOLVED",
  "PART_RENUMBERED",
  "RATE_LOWER_IS_BETTER",
  "BANDS_AS_OPTIONS",
  "RULE_INVALID",
  "POINT_RANGE_MANUAL",
  "MAX_COLUMN_BY_LEVEL",
  "MAX_COLUMN_LEVEL_MISSING",
  "NOT_FOR_UNIT_TYPE",
  "APPLIES_TO_SOME",
  "DEDUCTION_IN_FIELD",
  "PERCENT_DROP_MANUAL",
  "COUNTS_SEVERAL",
  "BANDS_GAP",
  "PARTS_ADD_UP",
  "PROPORTIONAL_THRESHOLD",
  "PROPORTIONAL_ROUNDED",
  "PROPORTIONAL_FULL_FROM",
  "TABLES_ON_SHEET",
  "FIELDS_NUMBERED_ON",
  "TITLE_DISAGREES",
  "LABEL_POINTS_DIFFER",
] as const;
export type ImportNoteCode = (typeof IMPORT_NOTE_CODES)[number];

export interface ImportNote {
  code: ImportNoteCode;
  /** A1 address with its sheet, as findings write it. */
  cell: string;
  /** The item the note is about, when it is about one. */
  criterion?: string;
  message: string;
}

type Template = (p: MessageParams) => string;

/** A rule's kind in the note's own language: no English rule word inside a Vietnamese note. */
const RULE_KIND_VI: Record<string, string> = {
  choice: "các mức điểm còn lại",
  ratio: "các mức theo tỷ lệ",
  proportional: "cách chấm theo tỷ lệ",
  count: "cách chấm theo số lượng",
  percentStep: "cách chấm theo từng bậc tỷ lệ",
};
const RULE_KIND_EN: Record<string, string> = {
  choice: "the other options",
  ratio: "the rate bands",
  proportional: "the proportional rate",
  count: "the count rule",
  percentStep: "the steps of the rate",
};

const CATALOGUE: Record<ImportNoteCode, Record<Locale, Template>> = {
  SEVERAL_TABLES: {
    vi: (p) => `Tệp có bảng tiêu chí ở nhiều trang tính (${p.sheets}); đã đọc trang "${p.sheet}". Chọn trang khác bằng --sheet.`,
    en: (p) => `The workbook has criteria tables on several sheets (${p.sheets}); read "${p.sheet}". Pick another with --sheet.`,
  },
  SHEETS_JOINED: {
    vi: (p) => `Bảng tiêu chí tiếp tục qua các trang tính ${p.sheets} (cùng cột, mã nối tiếp nhau): đã đọc cả các trang này thành một bộ tiêu chí.`,
    en: (p) => `The criteria table continues over the sheets ${p.sheets} (same columns, codes following on): read them all as one set.`,
  },
  TITLE_DISAGREES: {
    vi: (p) => `Tiêu đề "${p.title}" ghi ${p.said}, khác với ${p.asked} đã chọn khi nhập: bộ tiêu chí vẫn ghi ${p.asked}; chọn nhầm thì nhập lại với năm và cấp đúng.`,
    en: (p) => `The title "${p.title}" says ${p.saidEn ?? p.said}, not ${p.askedEn ?? p.asked} as the import was given: the set keeps ${p.askedEn ?? p.asked}; if that was a slip, import again with the right year and level.`,
  },
  BANDS_DEFAULT: {
    vi: () => `Không thấy quy định xếp loại dưới bảng: tạm dùng Tốt từ 90%, Khá từ 80%, Trung bình từ 70%, Yếu dưới 70%; sửa "bands" theo quyết định.`,
    en: () => `No rating bands (xếp loại) found below the table: using Tốt from 90%, Khá from 80%, Trung bình from 70%, Yếu below 70%; correct "bands" from the decision.`,
  },
  BAND_STRICT_AS_MIN: {
    vi: (p) => `Xếp loại "${p.label}" ghi "trên ${p.value}%": bộ tiêu chí chỉ có ngưỡng "từ", đã ghi từ ${p.value}% (đúng bằng ${p.value}% cũng được xếp "${p.label}"); kiểm tra lại.`,
    en: (p) => `Band "${p.label}" says "above ${p.value}%": set bands are inclusive, so it reads from ${p.value}% (exactly ${p.value}% also gets "${p.label}"); check it.`,
  },
  BAND_IN_POINTS: {
    vi: (p) => `Xếp loại "${p.label}" tính theo điểm (${p.value} điểm) trên tổng ${p.total}: đã quy ra ${p.percent}%.`,
    en: (p) => `Band "${p.label}" is in points (${p.value}) out of ${p.total}: converted to ${p.percent}%.`,
  },
  BAND_UNREAD: {
    vi: (p) => `Dòng xếp loại nhắc tới "${p.label}" nhưng không đọc được ngưỡng của mức này: bổ sung vào "bands" theo quyết định.`,
    en: (p) => `The rating line names "${p.label}" but its threshold could not be read: add it to "bands" from the decision.`,
  },
  DUPLICATE_CODE: {
    vi: (p) => `Mã ${p.code} lặp lại (đã có ở ${p.first}): bỏ qua dòng này và các dòng cách chấm dưới nó.`,
    en: (p) => `Code ${p.code} appears again (first at ${p.first}): this row and its method rows are skipped.`,
  },
  PARENT_MISSING: {
    vi: (p) => `Tiêu chí ${p.code} không có dòng mục cha ${p.parent}: đã tạo mục ${p.parent} "${p.title}"; đặt lại tên theo quyết định.`,
    en: (p) => `Criterion ${p.code} has no parent row ${p.parent}: created ${p.parent} "${p.title}"; rename it from the decision.`,
  },
  TITLE_MISSING: {
    vi: (p) => `Dòng mã ${p.code} không có tên tiêu chí: đặt tạm "Tiêu chí ${p.code}"; sửa theo quyết định.`,
    en: (p) => `Row ${p.code} has no criterion title: named "Tiêu chí ${p.code}" for now; correct it from the decision.`,
  },
  MAX_MISSING: {
    vi: (p) =>
      p.text === undefined
        ? `Tiêu chí ${p.code} không có điểm tối đa và không suy ra được từ cách chấm: tạm để 0; nhập điểm tối đa.`
        : `Tiêu chí ${p.code} không có điểm tối đa và không suy ra được từ cách chấm: tạm để 0; nhãn "${p.text}" ghi ${p.label} điểm — kiểm tra lại quyết định rồi nhập điểm tối đa.`,
    en: (p) =>
      p.text === undefined
        ? `Criterion ${p.code} has no max and none can be derived from its method: set to 0; enter its max.`
        : `Criterion ${p.code} has no max and none can be derived from its method: set to 0; its label "${p.text}" says ${p.label} points — check the decision and enter its max.`,
  },
  MAX_DERIVED: {
    vi: (p) => `Mục ${p.code} không ghi điểm tối đa: lấy ${p.max} (${p.from === "children" ? "tổng các tiêu chí con" : p.from === "best" ? "tiêu chí con cao nhất" : "mức điểm cao nhất của cách chấm"}).`,
    en: (p) => `Item ${p.code} states no max: using ${p.max} (${p.from === "children" ? "the sum of its children" : p.from === "best" ? "its greatest child" : "the highest points of its method"}).`,
  },
  LABEL_POINTS_DIFFER: {
    vi: (p) =>
      p.from === undefined
        ? `Mục ${p.code}: nhãn "${p.text}" ghi ${p.label} điểm nhưng cột điểm tối đa ghi ${p.max}: dùng ${p.max}; kiểm tra lại quyết định.`
        : `Mục ${p.code}: nhãn "${p.text}" ghi ${p.label} điểm nhưng cột điểm tối đa để trống và ${p.from === "children" ? "các tiêu chí con cộng lại" : p.from === "best" ? "tiêu chí con cao nhất là" : "cách chấm cho tối đa"} ${p.max}: dùng ${p.max}; kiểm tra lại quyết định.`,
    en: (p) =>
      p.from === undefined
        ? `Item ${p.code}: its label "${p.text}" says ${p.label} points but the max column says ${p.max}: using ${p.max}; check the decision.`
        : `Item ${p.code}: its label "${p.text}" says ${p.label} points but the max column is blank and ${p.from === "children" ? "its children add up to" : p.from === "best" ? "its greatest child is" : "its method gives at most"} ${p.max}: using ${p.max}; check the decision.`,
  },
  SUM_MISMATCH: {
    vi: (p) => `Điểm tối đa của mục ${p.code} ghi ${p.value} nhưng các tiêu chí con cộng lại ${p.sum}: bộ tiêu chí dùng ${p.sum}; kiểm tra lại quyết định.`,
    en: (p) => `Max of ${p.code} is ${p.value} but its children add up to ${p.sum}: the set uses ${p.sum}; check the decision.`,
  },
  TOTAL_MISMATCH: {
    vi: (p) => `Dòng tổng cộng ghi ${p.value} điểm nhưng các lĩnh vực cộng lại ${p.sum}: bộ tiêu chí dùng ${p.sum}.`,
    en: (p) => `The totals row says ${p.value} points but the fields add up to ${p.sum}: the set uses ${p.sum}.`,
  },
  METHOD_UNREAD: {
    vi: (p) => `Không đọc được cách chấm của tiêu chí ${p.code} ("${p.text}"): để chấm tự do, bước ${p.step}; sửa "rule" nếu cần.`,
    en: (p) => `Could not read the method of ${p.code} ("${p.text}"): left as manual, step ${p.step}; edit its "rule" if needed.`,
  },
  CLAUSE_UNUSED: {
    vi: (p) => `Tiêu chí ${p.code}: không dùng được mức "${p.text}" cùng ${RULE_KIND_VI[String(p.kind)] ?? "cách chấm đã đọc"}; kiểm tra lại.`,
    en: (p) => `Criterion ${p.code}: the level "${p.text}" does not fit with ${RULE_KIND_EN[String(p.kind)] ?? "the method read"}; check it.`,
  },
  CAP_REST_UNUSED: {
    vi: (p) => `Tiêu chí ${p.code}: chưa dùng phần "${p.text}" của ô cách chấm (ngoài điểm tối đa ${p.cap}); ${p.from === "manual" ? "để chấm tự do" : "cách chấm lấy từ các dòng bên dưới"}; kiểm tra lại.`,
    en: (p) => `Criterion ${p.code}: the part "${p.text}" of its method cell (beside the max of ${p.cap}) is not used; ${p.from === "manual" ? "left as manual" : "the method was read from the lines below"}; check it.`,
  },
  OPTION_OVER_MAX: {
    vi: (p) => `Tiêu chí ${p.code}: mức ${p.value} điểm vượt điểm tối đa ${p.max}: đã bỏ mức này.`,
    en: (p) => `Criterion ${p.code}: the level of ${p.value} points exceeds its max ${p.max}: dropped.`,
  },
  OPTIONS_BELOW_MAX: {
    vi: (p) => `Tiêu chí ${p.code}: mức cao nhất của cách chấm là ${p.value} điểm, thấp hơn điểm tối đa ${p.max}; kiểm tra lại.`,
    en: (p) => `Criterion ${p.code}: its method tops out at ${p.value} points, below its max ${p.max}; check it.`,
  },
  CAP_DIFFERS: {
    vi: (p) => `Tiêu chí ${p.code}: cách chấm ghi tối đa ${p.cap} điểm nhưng cột điểm tối đa ghi ${p.max}: dùng ${p.max}.`,
    en: (p) => `Criterion ${p.code}: the method caps at ${p.cap} points but the max column says ${p.max}: using ${p.max}.`,
  },
  NOT_APPLICABLE_PARTIAL: {
    vi: (p) => `Tiêu chí ${p.code}: "không phát sinh" được ${p.value} điểm, không phải đủ điểm tối đa ${p.max}: bộ tiêu chí chưa ghi được quy định này; xem lại.`,
    en: (p) => `Criterion ${p.code}: "nothing arose" gives ${p.value} points, not its full max ${p.max}: the set cannot say this; review it.`,
  },
  CASES_READ_AS_BEST: {
    vi: (p) => `Tiêu chí ${p.code}: các trường hợp "${p.cases}" đều được tối đa ${p.max} điểm và có cách chấm riêng, nên được đọc là đơn vị thuộc trường hợp nào thì chấm theo trường hợp đó (lấy điểm cao nhất); kiểm tra lại với quyết định.`,
    en: (p) => `Criterion ${p.code}: the cases "${p.cases}" are each worth up to ${p.max} points and scored their own way, so they are read as alternatives (the unit scored by its case, the highest taken); check it against the decision.`,
  },
  BEST_ON_LEAF: {
    vi: (p) => `Tiêu chí ${p.code} ghi "tính điểm cao nhất" nhưng không có tiêu chí con: bỏ qua.`,
    en: (p) => `Criterion ${p.code} says "take the highest" but has no sub-criteria: ignored.`,
  },
  PARENT_METHOD_IGNORED: {
    vi: (p) => `Mục ${p.code} có tiêu chí con nên được chấm theo các tiêu chí con; cách chấm "${p.text}" ở dòng mục không được dùng.`,
    en: (p) => `Item ${p.code} is scored by its sub-criteria; the method "${p.text}" on its own row is not used.`,
  },
  UNCODED_PARTS: {
    vi: (p) => `Các dòng không đánh mã dưới tiêu chí ${p.code} cộng lại đúng ${p.max} điểm, có thể là tiêu chí thành phần: bộ tiêu chí chấm ${p.code} chung; đánh mã các dòng đó nếu cần chấm riêng.`,
    en: (p) => `The uncoded rows under ${p.code} add up to its ${p.max} points and may be sub-criteria: the set scores ${p.code} as one; give them codes to score them apart.`,
  },
  UNCODED_CRITERIA: {
    vi: (p) => `Các dòng không đánh mã dưới ${p.code} có điểm và cách chấm riêng từng dòng, có thể là các tiêu chí: bộ tiêu chí chấm ${p.code} chung; đánh mã các dòng đó nếu cần chấm riêng.`,
    en: (p) => `The uncoded rows under ${p.code} each have their own points and method and may be criteria: the set scores ${p.code} as one; give them codes to score them apart.`,
  },
  PERCENT_STEP_MANUAL: {
    vi: (p) => `Tiêu chí ${p.code}: cứ ${p.per}% được ${p.each} điểm, tới 100% là ${p.full} điểm, không bằng điểm tối đa ${p.max}: để chấm tự do; sửa "rule" nếu cần.`,
    en: (p) => `Criterion ${p.code}: ${p.each} points per ${p.per}% reach ${p.full} at 100%, not its max ${p.max}: left as manual; edit its "rule" if needed.`,
  },
  REQUIREMENT_UNRESOLVED: {
    vi: (p) => `Tiêu chí ${p.code} có điều kiện "${p.text}" nhưng không ghi được điều kiện theo tiêu chí ${p.target} (${p.reason === "missing" ? "bộ tiêu chí không có mã này" : "không phải tiêu chí tự chấm khác"}): chưa ghi "requires"; bổ sung theo quyết định.`,
    en: (p) => `Criterion ${p.code} says "${p.text}" but its condition on ${p.target} cannot be set (${p.reason === "missing" ? "the set has no such code" : "not another self-assessed item"}): no "requires" written; add it from the decision.`,
  },
  REQUIREMENT_UNREAD: {
    vi: (p) => `Tiêu chí ${p.code} có câu như một điều kiện chấm điểm ("${p.text}") nhưng không đọc được tiêu chí nào phải đạt mức nào: chưa ghi "requires"; bổ sung theo quyết định nếu đúng là điều kiện.`,
    en: (p) => `Criterion ${p.code} has what reads as a condition ("${p.text}") but no item and level could be read from it: no "requires" written; add it from the decision if it is one.`,
  },
  FLOOR_UNRESOLVED: {
    vi: (p) => `Tiêu chí ${p.code} ghi mức điểm thấp nhất ("${p.text}") nhưng không ghi được vào bộ tiêu chí (chỉ mục có tiêu chí con mới có "floor", hoặc không thấy mục được nhắc tới): kiểm tra lại.`,
    en: (p) => `Criterion ${p.code} states a least score ("${p.text}") that the set cannot hold (only an item with sub-criteria has a "floor", or the item named was not found): check it.`,
  },
  PART_RENUMBERED: {
    vi: (p) => `Phần "${p.part}" đánh số lại từ đầu: các mục của phần này được đánh tiếp từ ${p.from}${p.field === "yes" ? `, thành mục ${p.from} "${p.part}"` : ""}; kiểm tra lại mã.`,
    en: (p) => `Part "${p.part}" restarts its numbering: its items continue from ${p.from}${p.field === "yes" ? `, as item ${p.from} "${p.part}"` : ""}; check the codes.`,
  },
  RATE_LOWER_IS_BETTER: {
    vi: (p) => `Tiêu chí ${p.code} chấm theo tỷ lệ càng thấp càng được nhiều điểm ("từ … trở xuống"): ngưỡng của bộ tiêu chí chỉ là cận dưới nên không ghi được; để chấm tự do, hoặc đổi sang tỷ lệ ngược lại (đúng hạn thay cho trễ hạn).`,
    en: (p) => `Criterion ${p.code} gives more points to a lower rate ("… or less"): a set's bands are lower bounds and cannot say it; left as manual, or restate it as the opposite rate (on time instead of late).`,
  },
  BANDS_AS_OPTIONS: {
    vi: (p) => `Tiêu chí ${p.code}: mức tỷ lệ thấp nhất vẫn được ${p.points} điểm nhưng "${p.text}" được 0 điểm; số liệu tỷ lệ không phân biệt được hai trường hợp này nên các mức được ghi thành lựa chọn để đơn vị tự chấm (không thực hiện thì 0 điểm); kiểm tra lại.`,
    en: (p) => `Criterion ${p.code}: the lowest rate band still gives ${p.points} points but "${p.text}" gives 0; a rate alone cannot tell these apart, so the levels are options the unit scores itself (nothing done scores 0); check it.`,
  },
  RULE_INVALID: {
    vi: (p) => `Cách chấm đọc được của tiêu chí ${p.code} không hợp lệ (${p.detail}): để chấm tự do, bước ${p.step}.`,
    en: (p) => `The method read for ${p.code} is not valid (${p.detail}): left as manual, step ${p.step}.`,
  },
  POINT_RANGE_MANUAL: {
    vi: (p) => `Tiêu chí ${p.code} chấm trong một khoảng điểm ("${p.text}"): để chấm tự do, bước ${p.step} (quyết định không ghi bước chấm); sửa "step" nếu cần.`,
    en: (p) => `Criterion ${p.code} is scored within a range of points ("${p.text}"): left as manual, step ${p.step} (the decision names no step); edit "step" if needed.`,
  },
  MAX_COLUMN_BY_LEVEL: {
    vi: (p) => `Bảng có điểm tối đa theo từng cấp (${p.labels}): bộ tiêu chí ${p.level} dùng cột "${p.label}"; nhập lại với --unit-type khác cho cấp khác.`,
    en: (p) => `The table has a max column per level (${p.labels}): this ${p.unit} set uses "${p.label}"; import again with another --unit-type for another level.`,
  },
  MAX_COLUMN_LEVEL_MISSING: {
    vi: (p) => `Bảng có điểm tối đa theo từng cấp (${p.labels}) nhưng không có cột cho ${p.level}: tạm dùng cột "${p.label}"; kiểm tra lại --unit-type hoặc điểm tối đa.`,
    en: (p) => `The table has a max column per level (${p.labels}) but none for ${p.unit}: using "${p.label}" for now; check --unit-type or the maxes.`,
  },
  NOT_FOR_UNIT_TYPE: {
    vi: (p) => `Tiêu chí ${p.code} ghi "${p.said}": không đưa vào bộ tiêu chí ${p.level} (cùng các tiêu chí con, nếu có); nhập lại với --unit-type khác nếu cần.`,
    en: (p) => `Criterion ${p.code} says "${p.said}": left out of this ${p.unit} set (with any sub-criteria); import again with another --unit-type if needed.`,
  },
  APPLIES_TO_SOME: {
    vi: (p) => `Tiêu chí ${p.code} ghi "${p.said}": chỉ chấm với các đơn vị thuộc diện này; đơn vị khác ghi "Không áp dụng" vào ô điểm và điểm tối đa của tiêu chí được trừ khỏi tổng điểm ("notApplicable": "exclude"); kiểm tra lại.`,
    en: (p) => `Criterion ${p.code} says "${p.said}": only the units it covers are scored on it; another unit writes "Không áp dụng" in the score cell and the criterion's max leaves its total ("notApplicable": "exclude"); check it.`,
  },
  DEDUCTION_IN_FIELD: {
    vi: (p) => `Tiêu chí ${p.code} là điểm trừ trong lĩnh vực: ghi điểm tối đa 0, trừ nhiều nhất ${p.cap} điểm (min -${p.cap}); không cộng vào điểm tối đa của lĩnh vực.`,
    en: (p) => `Criterion ${p.code} is a deduction inside its field: max 0, at most ${p.cap} points off (min -${p.cap}); it adds nothing to the field's max.`,
  },
  PERCENT_DROP_MANUAL: {
    vi: (p) => `Tiêu chí ${p.code} trừ ${p.each} điểm cho mỗi ${p.per}% giảm ("${p.text}"): bộ tiêu chí không ghi được cách trừ này (tính theo từng bậc ${p.per}% hay theo tỷ lệ); để chấm tự do, bước ${p.step}; nếu cần, sửa "rule" thành các mức tỷ lệ.`,
    en: (p) => `Criterion ${p.code} takes ${p.each} points off per ${p.per}% below the top ("${p.text}"): a set cannot say this (by whole steps of ${p.per}% or pro rata); left as manual, step ${p.step}; edit its "rule" into rate bands if needed.`,
  },
  COUNTS_SEVERAL: {
    vi: (p) => `Tiêu chí ${p.code} tính điểm theo nhiều loại số lượng với mức điểm khác nhau ("${p.text}"): bộ tiêu chí chỉ ghi được một số lượng cho mỗi tiêu chí; để chấm tự do, bước ${p.step}; tách thành các tiêu chí con nếu cần tính tự động.`,
    en: (p) => `Criterion ${p.code} counts several things at different rates ("${p.text}"): a set counts one number per criterion; left as manual, step ${p.step}; split it into sub-criteria to compute it.`,
  },
  BANDS_GAP: {
    vi: (p) => `Tiêu chí ${p.code}: các mức tỷ lệ của quyết định không nói tới khoảng ${gapVi(p)} nên không rõ khoảng này được bao nhiêu điểm: để chấm tự do, bước ${p.step}; khi đã rõ, sửa "rule" thành các mức tỷ lệ.`,
    en: (p) => `Criterion ${p.code}: the decision's rate bands say nothing of the rates ${gapEn(p)}, so what it scores there is unknown: left as manual, step ${p.step}; once known, edit its "rule" into rate bands.`,
  },
  PARTS_ADD_UP: {
    vi: (p) => `Tiêu chí ${p.code}: cách chấm ghi ${p.count} phần, mỗi phần có điểm riêng, cộng lại đúng điểm tối đa ${p.max} (không phải các mức để chọn một): để chấm tự do từ 0 đến ${p.max}, bước ${p.step}; kiểm tra lại.`,
    en: (p) => `Criterion ${p.code}: its method names ${p.count} parts, each with its own points, that add up to its max ${p.max} (not options to pick one of): left as manual from 0 to ${p.max}, step ${p.step}; check it.`,
  },
  PROPORTIONAL_THRESHOLD: {
    vi: (p) => `Tiêu chí ${p.code} chấm theo tỷ lệ nhưng không có điểm khi tỷ lệ ${p.upTo === "yes" ? "từ" : "dưới"} ${p.below}%${p.upTo === "yes" ? " trở xuống" : ""} ("${p.text}"): bộ tiêu chí không ghi được ngưỡng này nên để chấm tự do, bước ${p.step}; kiểm tra ngưỡng khi thẩm định.`,
    en: (p) => `Criterion ${p.code} is scored pro rata but gives nothing ${p.upTo === "yes" ? "at or below" : "below"} ${p.below}% ("${p.text}"): a set cannot hold that threshold, so it is left as manual, step ${p.step}; check the threshold when reviewing.`,
  },
  PROPORTIONAL_FULL_FROM: {
    vi: (p) => `Tiêu chí ${p.code} được điểm tối đa khi tỷ lệ từ ${p.from}% trở lên, dưới ${p.from}% thì điểm theo đúng tỷ lệ ("${p.text}"): bộ tiêu chí không ghi được cách chấm này (chấm theo tỷ lệ so với ${p.from}% sẽ cho điểm cao hơn quyết định) nên để chấm tự do, bước ${p.step}; kiểm tra điểm khi thẩm định.`,
    en: (p) => `Criterion ${p.code} gets its max from ${p.from}% and the rate itself below ${p.from}% ("${p.text}"): a set cannot hold that (pro rata against ${p.from}% would pay more than the decision), so it is left as manual, step ${p.step}; check the score when reviewing.`,
  },
  PROPORTIONAL_ROUNDED: {
    vi: (p) => `Tiêu chí ${p.code}: quyết định làm tròn điểm theo tỷ lệ đến ${p.step} điểm; bộ tiêu chí làm tròn đến 0,01 điểm: kiểm tra lại.`,
    en: (p) => `Criterion ${p.code}: the decision rounds its pro rata points to ${p.step}; the set rounds them to 0.01: check it.`,
  },
  TABLES_ON_SHEET: {
    vi: (p) => `Trang tính "${p.sheet}" có ${p.count} bảng tiêu chí (các phụ lục nối tiếp nhau): đã đọc bảng "${p.title}"${p.byLevel === "yes" ? ", bảng ghi đúng cấp của loại đơn vị đã chọn" : " (không bảng nào ghi cấp của loại đơn vị đã chọn)"}${p.form ? `; bảng "${p.form}" là phiếu khảo sát, không phải bộ tiêu chí` : ""}; các bảng khác không được đọc, kiểm tra lại.`,
    en: (p) => `Sheet "${p.sheet}" holds ${p.count} criteria tables (annexes one under another): read "${p.title}"${p.byLevel === "yes" ? ", the one naming the chosen unit type's level" : " (none names the chosen unit type's level)"}${p.form ? `; "${p.form}" is a survey form, no criteria table` : ""}; the others were not read, check it.`,
  },
  FIELDS_NUMBERED_ON: {
    vi: (p) => `Các tiêu chí được đánh số liên tục qua các lĩnh vực (${p.fields}): bộ tiêu chí giữ số của quyết định nên mỗi tiêu chí là một mục riêng, các dòng lĩnh vực này không thành mục cha và báo cáo theo lĩnh vực sẽ theo từng tiêu chí; nếu cần, đánh số lại tiêu chí theo lĩnh vực (1.1, 1.2 …) rồi nhập lại.`,
    en: (p) => `The criteria are numbered on across the fields (${p.fields}): the set keeps the decision's numbers, so each criterion is an item of its own, these field rows are no parents and reports by field follow the criteria; if needed, renumber the criteria per field (1.1, 1.2 …) and import again.`,
  },
};

/** A gap between rate bands in words: "từ 80% đến dưới 90%", "trên 80% đến 90%". */
function gapVi(p: MessageParams): string {
  return `${p.fromIncluded === "yes" ? "từ" : "trên"} ${p.from}% đến ${p.toIncluded === "yes" ? "" : "dưới "}${p.to}%`;
}

function gapEn(p: MessageParams): string {
  return `${p.fromIncluded === "yes" ? "from" : "above"} ${p.from}% ${p.toIncluded === "yes" ? "up to" : "to below"} ${p.to}%`;
}

/** Why no set could be made, beside the engine's HEADER_NOT_FOUND and CRITERIA_INVALID. */
const FAILURES = {
  SHEET_NOT_FOUND: {
    vi: (p: MessageParams) => `Không có trang tính "${p.sheet}" (có: ${p.sheets}).`,
    en: (p: MessageParams) => `No sheet named "${p.sheet}" (sheets: ${p.sheets}).`,
  },
  HALF_MARKED_LABELS: {
    vi: (p: MessageParams) =>
      `Không đọc được bảng tiêu chí: nhãn "${p.text}" (${p.cell}) gõ có dấu nhưng "so"/"thu" thiếu dấu nên không được coi là nhãn. Gõ "${p.meant}" (hoặc bỏ dấu cả nhãn) rồi nhập lại.`,
    en: (p: MessageParams) =>
      `The criteria table cannot be read: the label "${p.text}" (${p.cell}) is typed with its marks but "so"/"thu" without, so it is not read as a label. Type "${p.meant}" (or the whole label without marks) and import again.`,
  },
  NO_POINTS: {
    vi: () => "bảng không cho điểm nào: cột điểm tối đa trống hoặc bằng 0 ở mọi lĩnh vực",
    en: () => "the table gives no points: the max column is blank or 0 for every field",
  },
} satisfies Record<string, Record<Locale, Template>>;

export function importFailure(code: keyof typeof FAILURES, params: MessageParams, locale: Locale): string {
  return FAILURES[code][locale](params);
}

export function importNote(code: ImportNoteCode, cell: string, params: MessageParams, locale: Locale): ImportNote {
  const shown: MessageParams = {};
  for (const [k, v] of Object.entries(params)) shown[k] = typeof v === "number" ? formatNumber(v, locale) : v;
  const note: ImportNote = { code, cell, message: CATALOGUE[code][locale](shown) };
  if (typeof params.code === "string") note.criterion = params.code;
  return note;
}
