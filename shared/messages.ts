import { SEVERITY, type Finding, type FindingCode, type Locale } from "./findings.ts";
import { UNIT_LEVEL_LABEL } from "./unit-level-labels.ts";
import { impossibleDayText } from "./impossible-date.ts";

/** Values a message may mention; numbers (and lists of them, "3; 1,5; 0") are shown with the locale's decimal mark. */
export type MessageParams = Record<string, string | number | readonly number[] | undefined>;
type Shown = Record<string, string | undefined>;

type Template = (p: Shown) => string;

/** "1 point", "2 points", "0.5 points": English takes the singular for exactly one (CF1-7). */
const points = (x: string | undefined) => `${x} ${x === "1" ? "point" : "points"}`;

/** A rate written as a bound or an approximation (written-bound.ts), as the message says it before the figure. */
const BOUND_VI: Record<string, string> = { below: "dưới ", above: "trên ", atLeast: "ít nhất ", about: "khoảng " };
const BOUND_EN: Record<string, string> = { below: "under ", above: "over ", atLeast: "at least ", about: "about " };
const boundVi = (bound: string | undefined): string => (bound === undefined ? "" : (BOUND_VI[bound] ?? ""));
const boundEn = (bound: string | undefined): string => (bound === undefined ? "" : (BOUND_EN[bound] ?? ""));

/**
 * What to enter in a blank score cell: a score up to the max, or 0 — or, for a choice leaf whose
 * scale has no 0 ("Kịp thời: 1; chậm: 0,5"), one of its levels, as SCORE_STEP would then ask.
 */
const enterVi = (p: Shown) => (p.options !== undefined ? levelsVi(p.options) : `nhập điểm (tối đa ${p.max}) hoặc 0`);
const enterEn = (p: Shown) => (p.options !== undefined ? levelsEn(p.options) : `enter a score (max ${p.max}) or 0`);
/** "chọn một trong các mức 3; 1,5 hoặc 0": a leaf's levels, the last joined by "or" so that the list ends before the sentence goes on. */
const levelsVi = (options: string) => `chọn một trong các mức ${options.replace(/; (?=[^;]*$)/, " hoặc ")}`;
const levelsEn = (options: string) => `enter one of the levels ${options.replace(/; (?=[^;]*$)/, " or ")}`;
/** What to type instead of a word in a score cell: the leaf's levels when it has them, else a number. */
const numberVi = (p: Shown) => (p.options !== undefined ? levelsVi(p.options) : "nhập một số, ví dụ 1 hoặc 0,5");
const numberEn = (p: Shown) => (p.options !== undefined ? levelsEn(p.options) : "enter a number such as 1 or 0.5");

/** One catalogue, keyed by finding code and locale. Each message says what to do. */
/**
 * WRONG_CRITERIA_SET's advice, where the set is chosen with the check (the CLI's --set). The
 * pane, whose set comes with the period, says its own instead (addin/src/pane/wrong-set.ts).
 */
export const WRONG_SET_ADVICE: Record<Locale, string> = {
  vi: "hãy chọn đúng bộ tiêu chí rồi kiểm tra lại, trước khi sửa bảng theo các lỗi dưới đây",
  en: "choose the right set and check again before changing the table for the findings below",
};

const CATALOGUE: Record<FindingCode, Record<Locale, Template>> = {
  HEADER_NOT_FOUND: {
    vi: () => "Không tìm thấy bảng tiêu chí: cần một dòng tiêu đề có cột \"Tiêu chí\" và cột \"Điểm tối đa\" hoặc \"Điểm tự đánh giá\".",
    en: () => "No criteria table found: a header row needs a \"Tiêu chí\" (criterion) column and a max-points or self-score column.",
  },
  CRITERIA_INVALID: {
    vi: (p) => `Bộ tiêu chí không hợp lệ: ${p.detail}.`,
    en: (p) => `The criteria set is invalid: ${p.detail}.`,
  },
  UNKNOWN_CRITERION: {
    // Without a code: a scored row inserted between criteria (uncoded-scored-rows.ts).
    vi: (p) =>
      p.code === undefined
        ? `Dòng "${p.title}" có điểm tự đánh giá ${p.points} nhưng không có mã tiêu chí, nên không phải tiêu chí của bộ ${p.set}: điểm của dòng này không được tính. Nếu đây là một tiêu chí của bộ, ghi mã của nó vào ô này; nếu là phần chi tiết của tiêu chí phía trên (điểm đã nằm trong điểm của tiêu chí đó), ghi "Trong đó:" ở đầu dòng; nếu không, bỏ điểm ở dòng này.`
        : `Mã tiêu chí ${p.code} không có trong bộ tiêu chí ${p.set}: kiểm tra lại mã hoặc dùng đúng biểu mẫu năm nay.`,
    en: (p) =>
      p.code === undefined
        ? `Row "${p.title}" has a self-score of ${p.points} but no criterion code, so it is no criterion of set ${p.set}: its points are not counted. If it is one of the set's criteria, write its code in this cell; if it details the criterion above (its points are already in that criterion's score), begin the row with "Trong đó:"; if not, remove the score from this row.`
        : `Criterion code ${p.code} is not in criteria set ${p.set}: check the code or use this year's template.`,
  },
  MISSING_CRITERION: {
    vi: (p) => `Thiếu dòng cho tiêu chí ${p.code} "${p.title}": bổ sung dòng này vào bảng tự đánh giá.`,
    en: (p) => `No row for criterion ${p.code} "${p.title}": add it to the self-assessment table.`,
  },
  DUPLICATE_CRITERION: {
    vi: (p) => `Tiêu chí ${p.code} xuất hiện nhiều lần (đã có ở ${p.first}): xóa dòng trùng.`,
    en: (p) => `Criterion ${p.code} appears more than once (already at ${p.first}): remove the duplicate row.`,
  },
  MAX_MISMATCH: {
    vi: (p) => `Điểm tối đa của ${p.field ? "lĩnh vực" : "tiêu chí"} ${p.code} trong tệp là ${p.found}, bộ tiêu chí quy định ${p.max}: có thể đang dùng biểu mẫu cũ; sửa ô này thành ${p.max} (hệ thống đã tính theo ${p.max}).`,
    en: (p) => `The maximum of ${p.field ? "field" : "criterion"} ${p.code} in the file is ${p.found} but the set says ${p.max} (an old template?): change the cell to ${p.max}; it was scored against ${p.max}.`,
  },
  SCORE_BLANK: {
    vi: (p) =>
      p.written !== undefined && p.min !== undefined
        ? `Dòng điểm trừ của tiêu chí ${p.code} kê khai ${p.cases ? `${p.cases} trường hợp` : "có trường hợp"} ("${p.written}") nhưng ô điểm tự đánh giá ${p.zero ? "ghi 0" : "để trống"}, nên chưa bị trừ điểm nào: nhập điểm trừ bằng số âm (ví dụ ${p.example}; thấp nhất ${p.min}); nếu không có trường hợp nào, sửa lại số liệu kê khai.`
        : !p.note
        ? `Tiêu chí ${p.code} chưa có điểm tự đánh giá: ${enterVi(p)}.`
        : p.mode === "none"
          ? `Tiêu chí ${p.code} chưa có điểm tự đánh giá; ô ghi chú ghi "${p.note}", nhưng tiêu chí này áp dụng với mọi đơn vị, không ghi "Không phát sinh" được: ${enterVi(p)}.`
          : p.mode === "full"
            ? `Tiêu chí ${p.code} chưa có điểm tự đánh giá; ô ghi chú ghi "${p.note}". Hệ thống chỉ đọc "Không phát sinh" ở ô điểm, không đọc ở ghi chú: nếu đúng là không phát sinh, ghi "Không phát sinh" vào ô điểm tự đánh giá (tiêu chí được tính đủ ${p.max} điểm); nếu có phát sinh, ${enterVi(p)}.`
            : `Tiêu chí ${p.code} chưa có điểm tự đánh giá; ô ghi chú ghi "${p.note}". Hệ thống chỉ đọc "Không áp dụng" ở ô điểm, không đọc ở ghi chú: nếu tiêu chí không áp dụng với đơn vị, ghi "Không áp dụng" vào ô điểm tự đánh giá (${p.max} điểm của tiêu chí được bỏ khỏi tổng điểm tối đa); nếu có áp dụng, ${enterVi(p)}.`,
    en: (p) =>
      p.written !== undefined && p.min !== undefined
        ? `The deduction row of criterion ${p.code} declares ${p.cases ? `${p.cases} case${p.cases === "1" ? "" : "s"}` : "a case"} ("${p.written}") but its self-score cell ${p.zero ? "holds 0" : "is blank"}, so nothing is deducted: enter the deduction as a negative number (e.g. ${p.example}; at least ${p.min}); if there was no case, correct the declared data.`
        : !p.note
        ? `Criterion ${p.code} has no self-score: ${enterEn(p)}.`
        : p.mode === "none"
          ? `Criterion ${p.code} has no self-score; its note says "${p.note}", but the criterion applies to every unit and cannot be marked "Không phát sinh": ${enterEn(p)}.`
          : p.mode === "full"
            ? `Criterion ${p.code} has no self-score; its note says "${p.note}". "Không phát sinh" counts in the score cell, not in the note: if nothing arose, write "Không phát sinh" in the self-score cell (the criterion then scores its full ${points(p.max)}); if something did, ${enterEn(p)}.`
            : `Criterion ${p.code} has no self-score; its note says "${p.note}". "Không áp dụng" counts in the score cell, not in the note: if the criterion does not apply to the unit, write "Không áp dụng" in the self-score cell (its ${points(p.max)} then ${p.max === "1" ? "leaves" : "leave"} the maximum); if it does, ${enterEn(p)}.`,
  },
  SCORE_NOT_NUMBER: {
    vi: (p) =>
      p.notApplicable
        ? p.parent
          ? `Tiêu chí ${p.code} không ghi "Không áp dụng" riêng được: cả mục ${p.parent} áp dụng hoặc không. Nếu mục ${p.parent} không áp dụng, ghi "Không áp dụng" ở dòng của mục ${p.parent}; nếu có, nhập điểm tự đánh giá.`
          : p.arose
            ? `Tiêu chí ${p.code} áp dụng với mọi đơn vị, không ghi "Không phát sinh" được ("${p.value}"): ${enterVi(p)}.`
            : `Tiêu chí ${p.code} bắt buộc áp dụng, không được ghi "Không áp dụng" ("${p.value}"): nhập điểm tự đánh giá.`
        : p.tickBox
          ? `Ô điểm tự đánh giá của tiêu chí ${p.code} là một ô đánh dấu (hộp kiểm, đang ${p.tickBox === "ticked" ? "được tích" : "bỏ trống"}), không phải điểm: dấu tích chỉ cho biết đã làm hay chưa, không cho biết được bao nhiêu điểm. Xóa hộp kiểm khỏi ô (trong Google Trang tính: Dữ liệu › Xác thực dữ liệu, xóa quy tắc hộp kiểm) rồi nhập điểm bằng số, từ 0 đến ${p.max}.`
          : p.asDate
          ? `Điểm tự đánh giá của tiêu chí ${p.code} đang là ngày ${p.value}, không phải số (Excel tự đổi "1.5" gõ vào thành ngày): gõ lại bằng dấu phẩy (1,5) hoặc định dạng ô là Số.`
          : p.optional
          ? `Điểm tự đánh giá của tiêu chí ${p.code} ("${p.value}") không phải là số: ${numberVi(p)}; nếu tiêu chí không áp dụng với đơn vị, ghi "Không áp dụng" (${p.max} điểm của tiêu chí được bỏ khỏi tổng điểm tối đa, ghi 0 thì không).`
          : `Điểm tự đánh giá của tiêu chí ${p.code} ("${p.value}") không phải là số: ${numberVi(p)}.`,
    en: (p) =>
      p.notApplicable
        ? p.parent
          ? `Criterion ${p.code} cannot be marked "N/A" alone: item ${p.parent} applies as a whole or not at all. If it does not, mark ${p.parent}'s own row "N/A"; if it does, enter a self-score.`
          : p.arose
            ? `Criterion ${p.code} applies to every unit and cannot be marked "Không phát sinh" (nothing arose; "${p.value}"): ${enterEn(p)}.`
            : `Criterion ${p.code} always applies and cannot be marked "N/A" ("${p.value}"): enter a self-score.`
        : p.tickBox
          ? `The self-score cell of ${p.code} is a tick box (${p.tickBox === "ticked" ? "ticked" : "not ticked"}), not a score: a tick says whether something was done, not how many points it earns. Remove the tick box from the cell (in Google Sheets: Data › Data validation, remove the checkbox rule) and type the score as a number from 0 to ${p.max}.`
          : p.asDate
          ? `The self-score of ${p.code} is the date ${p.value}, not a number (Excel turns "1.5" typed in into a date): type it again as your Excel writes decimals, or format the cell as Number.`
          : p.optional
          ? `The self-score of ${p.code} ("${p.value}") is not a number: ${numberEn(p)}; if the criterion does not apply to the unit, write "Không áp dụng" (its ${points(p.max)} then ${p.max === "1" ? "leaves" : "leave"} the maximum; 0 does not).`
          : `The self-score of ${p.code} ("${p.value}") is not a number: ${numberEn(p)}.`,
  },
  SCORE_OVER_MAX: {
    vi: (p) =>
      p.deducted
        ? `Tiêu chí ${p.code} là điểm trừ (ghi số âm, cao nhất là 0) nhưng ghi ${p.value}: nếu bị trừ ${p.value} điểm, ghi ${p.deducted}; tính 0 điểm cho đến khi sửa.`
        : `Điểm tự đánh giá của tiêu chí ${p.code} là ${p.value}, vượt điểm tối đa ${p.max}: sửa lại, tính 0 điểm cho đến khi sửa.`,
    en: (p) =>
      p.deducted
        ? `${p.code} is a deduction (a negative number, at most 0) but shows ${p.value}: if ${points(p.value)} ${p.value === "1" ? "is" : "are"} deducted, write ${p.deducted}; it counts 0 until then.`
        : `The self-score of ${p.code} is ${p.value}, above the maximum ${p.max}: fix it; it counts 0 until then.`,
  },
  SCORE_NEGATIVE: {
    vi: (p) => `Điểm tự đánh giá của tiêu chí ${p.code} là ${p.value}, thấp hơn mức tối thiểu ${p.min}: sửa lại.`,
    en: (p) => `The self-score of ${p.code} is ${p.value}, below the minimum ${p.min}: fix it.`,
  },
  SCORE_STEP: {
    vi: (p) =>
      p.options !== undefined
        ? `Điểm ${p.value} của tiêu chí ${p.code} không đúng thang điểm ${p.options}: chọn một trong các mức đó.`
        : `Điểm ${p.value} của tiêu chí ${p.code} không đúng bước ${p.step} (tính từ 0): nhập một bội số của ${p.step}.`,
    en: (p) =>
      p.options !== undefined
        ? `Score ${p.value} of ${p.code} is not on the scale ${p.options}: pick one of them.`
        : `Score ${p.value} of ${p.code} is not a multiple of the step ${p.step} (counted from 0): enter a multiple of ${p.step}.`,
  },
  NOT_APPLICABLE_NOT_ALLOWED: {
    vi: (p) =>
      p.written
        ? `Tiêu chí ${p.code} bắt buộc có số liệu: "${p.written}" (không phát sinh) không được chấp nhận cho tiêu chí này; nhập số liệu thực hiện trong năm.`
        : `Tiêu chí ${p.code} bắt buộc áp dụng, không được ghi "Không áp dụng": nhập điểm tự đánh giá.`,
    en: (p) =>
      p.written
        ? `Criterion ${p.code} needs its figures: "${p.written}" (nothing arose) is not accepted for it; enter the year's figures.`
        : `Criterion ${p.code} always applies and cannot be marked "N/A": enter a self-score.`,
  },
  RATIO_SCORE_MISMATCH: {
    vi: (p) => `Tiêu chí ${p.code}: số liệu kê khai ${boundVi(p.bound)}${p.percent}% cho ${p.computed} điểm, nhưng điểm tự đánh giá là ${p.value}: hệ thống tính ${p.computed}; sửa điểm tự đánh giá thành ${p.computed}, hoặc kiểm tra lại số liệu kê khai.`,
    en: (p) => `Criterion ${p.code}: declared ${boundEn(p.bound)}${p.percent}% gives ${points(p.computed)} but the self-score is ${p.value}: ${p.computed} is used; change the self-score to ${p.computed}, or check the declared data.`,
  },
  DATA_APPROXIMATE: {
    vi: (p) => `Tiêu chí ${p.code}: số liệu ${p.written !== undefined ? `"${p.written}"` : `ghi ${boundVi(p.bound)}${p.percent}%`} không phải con số chính xác; hệ thống tính như ${p.bound === "below" ? `dưới ${p.percent}%` : p.bound === "above" ? `trên ${p.percent}%` : `đạt ${p.percent}%`} (${p.computed} điểm). Ghi tỷ lệ chính xác, ví dụ "98,5%", hoặc dạng a/b, ví dụ "985/1.000 hồ sơ", để đoàn thẩm định đối chiếu với tài liệu kiểm chứng.`,
    en: (p) => `Criterion ${p.code}: the data ${p.written !== undefined ? `"${p.written}"` : `says ${boundEn(p.bound)}${p.percent}%`} is not an exact figure; scored as ${p.bound === "below" ? `under ${p.percent}%` : p.bound === "above" ? `over ${p.percent}%` : `${p.percent}%`} (${points(p.computed)}). Write the exact rate, such as "98.5%", or a/b, such as "985/1000 files", so that reviewers can check it against the evidence.`,
  },
  RATE_DIFFERS_FROM_COUNTS: {
    vi: (p) =>
      p.scored === "counts"
        ? `Tiêu chí ${p.code}: ô số liệu ghi ${p.counts} (${p.countsPercent}%, ${p.countsPoints} điểm) nhưng tỷ lệ ghi cùng ô là ${p.percent}% (${p.computed} điểm); hệ thống tính theo số liệu ${p.counts}. Sửa tỷ lệ cho khớp số liệu, hoặc sửa số liệu nếu tỷ lệ mới đúng.`
        : p.scored === "rateInCell"
          ? `Tiêu chí ${p.code}: ô số liệu ghi tỷ lệ ${p.percent}% (${p.computed} điểm), khác với số liệu ${p.counts} ghi cùng ô (${p.countsPercent}%, ${p.countsPoints} điểm); hệ thống tính theo tỷ lệ ghi. Sửa tỷ lệ cho khớp số liệu, hoặc sửa số liệu nếu tỷ lệ mới đúng.`
          : `Tiêu chí ${p.code}: tỷ lệ ghi ${p.percent}% (${p.computed} điểm) khác với số liệu ${p.counts}${p.countsCell ? ` ở ô ${p.countsCell}` : ""} (${p.countsPercent}%, ${p.countsPoints} điểm); hệ thống tính theo tỷ lệ ghi. Kiểm tra lại hai ô: sửa tỷ lệ cho khớp số liệu, hoặc đặt công thức tính tỷ lệ từ số liệu.`,
    en: (p) =>
      p.scored === "counts"
        ? `Criterion ${p.code}: the data cell gives ${p.counts} (${p.countsPercent}%, ${points(p.countsPoints)}) but also the rate ${p.percent}% (${points(p.computed)}); the counts ${p.counts} are scored. Correct the rate to match the counts, or the counts if the rate is right.`
        : p.scored === "rateInCell"
          ? `Criterion ${p.code}: the data cell gives the rate ${p.percent}% (${points(p.computed)}), which differs from the counts ${p.counts} in the same cell (${p.countsPercent}%, ${points(p.countsPoints)}); the rate is scored. Correct the rate to match the counts, or the counts if the rate is right.`
          : `Criterion ${p.code}: the rate ${p.percent}% (${points(p.computed)}) differs from the counts ${p.counts}${p.countsCell ? ` in ${p.countsCell}` : ""} (${p.countsPercent}%, ${points(p.countsPoints)}); the rate is scored. Check both cells: correct the rate to match the counts, or compute it from them with a formula.`,
  },
  RATIO_OVER_100: {
    vi: (p) => `Tiêu chí ${p.code}: số liệu kê khai ${p.written} có tử số lớn hơn mẫu số (${p.percent}%), hệ thống tính như đạt ${p.percent}%. Kiểm tra lại hai con số: thường là gõ nhầm hoặc nhầm cột; nếu đúng là vượt kế hoạch thì giữ nguyên.`,
    en: (p) => `Criterion ${p.code}: the declared ${p.written} has a part larger than its whole (${p.percent}%), scored as ${p.percent}%. Check both figures: usually a typo or two columns mixed up; if the plan was truly exceeded, leave it.`,
  },
  COMPUTED_SCORE_MISMATCH: {
    vi: (p) => `Tiêu chí ${p.code}: số lượng kê khai ${p.count} cho ${p.computed} điểm, nhưng điểm tự đánh giá là ${p.value}: hệ thống tính ${p.computed}; sửa điểm tự đánh giá thành ${p.computed}, hoặc kiểm tra lại số lượng kê khai.`,
    en: (p) => `Criterion ${p.code}: the declared count ${p.count} gives ${points(p.computed)} but the self-score is ${p.value}: ${p.computed} is used; change the self-score to ${p.computed}, or check the declared count.`,
  },
  DATA_MISSING: {
    vi: (p) =>
      p.notApplicable
        ? `Tiêu chí ${p.code} bắt buộc có số liệu: ${p.written ? `"${p.written}" (không phát sinh)` : `"không phát sinh"`} không được chấp nhận cho tiêu chí này; nhập số liệu thực hiện trong năm, chưa có thì tính 0 điểm.`
        : p.unclear === "number"
          ? `Tiêu chí ${p.code}: ô số liệu ghi một số không rõ là phân số hay tỷ lệ phần trăm (0,95 là 95% hay 0,95%? 5 trong ô định dạng % hiện thành 500%): ghi rõ tỷ lệ kèm dấu %, ví dụ "95%", hoặc dạng a/b; chưa sửa thì tính 0 điểm.`
          : p.unclear
            ? `Tiêu chí ${p.code}: không rõ con số nào ở ${p.inNote ? "cột ghi chú" : "ô số liệu"} là số liệu kê khai (chỉ có chỉ tiêu, kế hoạch, số đã gửi, số đề xuất, mức tăng, giảm hoặc vượt mà không rõ so với mức nào, hoặc nhiều con số không ghi rõ là gì): ghi rõ ${p.kind === "count" ? `số được tính, ví dụ "chậm 1 báo cáo", "đã triển khai 3 ứng dụng", hoặc 0` : `kết quả thực hiện, ví dụ "hoàn thành 26/28 nhiệm vụ" hoặc "đúng hạn 298/300 hồ sơ"`}; chưa sửa thì tính 0 điểm.`
            : p.deduction
              ? `Tiêu chí ${p.code} cần số trường hợp bị trừ điểm: nếu không có trường hợp nào, ghi 0 vào ${p.inNote ? "cột ghi chú" : "cột số liệu"}; chưa có thì tính 0 điểm.`
              : p.asDate
                ? `Tiêu chí ${p.code}: ô số liệu đang là ${p.shown ? `ngày ${p.shown}` : "một ngày tháng"}, không phải số liệu (Excel tự đổi "3/4" gõ vào thành ngày 3 tháng 4). Gõ lại có dấu nháy đơn ở đầu ('3/4) hoặc định dạng ô là Văn bản; chưa sửa thì tính 0 điểm.`
                : p.kind === "count" && p.value !== undefined
                  ? `Tiêu chí ${p.code}: ô số liệu ghi ${p.value}, không phải một số trường hợp: ghi số nguyên từ 0 trở lên (ví dụ 3); chưa sửa thì tính 0 điểm.`
                  : `Tiêu chí ${p.code} cần số liệu kê khai (${p.kind === "count" ? "một số nguyên, ví dụ 3" : "tỷ lệ % hoặc dạng a/b, ví dụ 1250/1300"}): bổ sung vào ${p.inNote ? "cột ghi chú" : "cột số liệu"}${p.full ? `; nếu trong năm không phát sinh trường hợp nào, ghi "Không phát sinh"${p.kind === "ratio" ? " hoặc 0/0" : ""} để được tính đủ điểm` : ""}; chưa có thì tính 0 điểm.`,
    en: (p) =>
      p.notApplicable
        ? `Criterion ${p.code} needs its figures: ${p.written ? `"${p.written}" (nothing arose)` : `"nothing arose"`} is not accepted for it; enter the year's figures; it counts 0 until then.`
        : p.unclear === "number"
          ? `Criterion ${p.code}: the data cell holds a number that may be a fraction or a percentage (is 0.95 95% or 0.95%? 5 in a %-formatted cell shows as 500%): write the rate with its % sign, such as "95%", or as a/b; it counts 0 until then.`
          : p.unclear
            ? `Criterion ${p.code}: it is not clear which figure in the ${p.inNote ? "note" : "data cell"} is the declared data (only a target, a plan, the reports sent, what was proposed, a rise, fall or excess against no level given, or several figures not named): write ${p.kind === "count" ? `the figure counted, such as "chậm 1 báo cáo" (1 late report), "đã triển khai 3 ứng dụng" (3 apps deployed), or 0` : `the result, such as "hoàn thành 26/28 nhiệm vụ" or "đúng hạn 298/300 hồ sơ"`}; it counts 0 until then.`
            : p.deduction
              ? `Criterion ${p.code} needs the number of cases deducted for: if there were none, write 0 in the ${p.inNote ? "note" : "data"} column; it counts 0 until then.`
              : p.asDate
                ? `Criterion ${p.code}: the data cell holds ${p.shown ? `the date ${p.shown}` : "a date"}, not data (Excel turns "3/4" typed in into 3 April). Type it again with a leading apostrophe ('3/4) or format the cell as Text; it counts 0 until then.`
                : p.kind === "count" && p.value !== undefined
                  ? `Criterion ${p.code}: the data cell holds ${p.value}, which is no number of cases: write a whole number of 0 or more (such as 3); it counts 0 until then.`
                  : `Criterion ${p.code} needs declared data (${p.kind === "count" ? "a whole number such as 3" : "a percentage or a/b such as 1250/1300"}) in the ${p.inNote ? "note" : "data"} column${p.full ? `; if no case arose in the year, write "Không phát sinh"${p.kind === "ratio" ? " or 0/0" : ""} for full points` : ""}; it counts 0 until then.`,
  },
  REQUIREMENT_NOT_MET: {
    vi: (p) => `Tiêu chí ${p.code} chỉ được tính khi tiêu chí ${p.target} đạt từ ${p.atLeast} điểm; ${p.target} hiện được ${p.reached} điểm nên ${p.code} tính 0 (mất ${p.lost} điểm).`,
    en: (p) => `Criterion ${p.code} counts only when ${p.target} reaches ${points(p.atLeast)}; ${p.target} has ${p.reached}, so ${p.code} counts 0 (${points(p.lost)} lost).`,
  },
  HIDDEN_ROW_SKIPPED: {
    vi: (p) =>
      p.count
        ? `${p.count} dòng ẩn ở ${p.at} (mã ${p.code} đến ${p.last}) trùng mã với các dòng đang hiện (từ ${p.shown}): chỉ tính các dòng đang hiện. Nếu dòng ẩn mới là dòng đúng, hãy hiện chúng và xóa các dòng kia.`
        : `Dòng ẩn ở ${p.at} mang mã ${p.code}, trùng với dòng đang hiện ở ${p.shown}: chỉ tính dòng đang hiện. Nếu dòng ẩn mới là dòng đúng, hãy hiện nó và xóa dòng kia.`,
    en: (p) =>
      p.count
        ? `${p.count} hidden rows at ${p.at} (codes ${p.code} to ${p.last}) carry the codes of visible rows (from ${p.shown}): only the visible rows count. If the hidden rows are the right ones, unhide them and delete the others.`
        : `The hidden row at ${p.at} carries code ${p.code}, as does the visible row at ${p.shown}: only the visible row counts. If the hidden row is the right one, unhide it and delete the other.`,
  },
  TABLE_SKIPPED: {
    vi: (p) =>
      p.sheets
        ? `Trang "${p.sheet}" là bảng tổng hợp (${p.leaves} tiêu chí) và không được chấm: điểm được chấm theo ${p.sheets} trang chi tiết từng lĩnh vực (bắt đầu ở ${p.at}), nơi có đủ các tiêu chí. Nếu trang "${p.sheet}" mới là bản đúng, hãy đối chiếu lại các trang chi tiết.`
        : p.otherUnit
          ? `Trang "${p.sheet}" là bảng tự đánh giá của ${p.otherUnit} (${p.leaves} tiêu chí) và không được chấm: mỗi lần kiểm tra chỉ chấm bảng của một đơn vị, ở đây là bảng của ${p.scoredUnit} ở ${p.at}. Mỗi đơn vị nộp bảng tự đánh giá của mình.`
          : p.why === "revision"
            ? `Trang "${p.sheet}" cũng có bảng tự đánh giá (${p.leaves} tiêu chí) nhưng không được chấm: tên trang "${p.scored}" ghi là bản sửa đổi, bổ sung nên bảng ở ${p.at} được chấm. Nếu trang "${p.sheet}" mới là bản đúng, hãy xóa trang "${p.scored}" khỏi tệp.`
            : `Trang "${p.sheet}" cũng có bảng tự đánh giá (${p.leaves} tiêu chí) nhưng không được chấm: chỉ chấm bảng ở ${p.at}. Nếu trang "${p.sheet}" mới là bản đúng, hãy xóa bản kia khỏi tệp, hoặc ghi năm vào tên trang cũ (ví dụ "TĐG 2023").`,
    en: (p) =>
      p.sheets
        ? `Sheet "${p.sheet}" is a summary (${p.leaves} criteria) and was not scored: the scores come from the ${p.sheets} detailed sheets per field (from ${p.at}), which hold every criterion. If "${p.sheet}" is the right one, check the detailed sheets against it.`
        : p.otherUnit
          ? `Sheet "${p.sheet}" is the self-assessment table of ${p.otherUnit} (${p.leaves} criteria) and was not scored: a check scores one unit's table, here ${p.scoredUnit}'s at ${p.at}. Each unit submits its own table.`
          : p.why === "revision"
            ? `Sheet "${p.sheet}" also holds a self-assessment table (${p.leaves} criteria) that was not scored: the tab "${p.scored}" is named as a revision, so the table at ${p.at} was scored. If "${p.sheet}" is the right one, delete "${p.scored}" from the file.`
            : `Sheet "${p.sheet}" also holds a self-assessment table (${p.leaves} criteria) that was not scored: only the table at ${p.at} was. If "${p.sheet}" is the right one, delete the other from the file, or put the year in the old sheet's name (e.g. "TĐG 2023").`,
  },
  SELF_COLUMNS_UNORDERED: {
    vi: (p) =>
      `${p.otherLabel === undefined ? `Bảng có hai cột điểm tự đánh giá ghi tiêu đề như nhau (cột ${p.scored} và cột ${p.other})` : `Bảng có hai cột đều được đọc là điểm tự đánh giá (cột ${p.scored} "${p.scoredLabel}" và cột ${p.other} "${p.otherLabel}")`}, khác nhau ở ${p.count} tiêu chí (${Number(p.count) > 1 ? "ví dụ " : ""}tiêu chí ${p.code}): hệ thống chấm theo cột ${p.scored}. Nếu cột ${p.other} mới là điểm tự đánh giá sau cùng của đơn vị, hãy ghi "lần 2" hoặc "(sau bổ sung)" vào tiêu đề cột đó; nếu đó là điểm của cơ quan thẩm định, hãy ghi tiêu đề "Điểm thẩm định"; hoặc xóa cột không dùng, rồi kiểm tra lại.`,
    en: (p) =>
      `${p.otherLabel === undefined ? `The table has two self-score columns labelled alike (columns ${p.scored} and ${p.other})` : `The table has two columns both read as self-scores (column ${p.scored} "${p.scoredLabel}" and column ${p.other} "${p.otherLabel}")`} that differ on ${p.count} ${p.count === "1" ? "criterion" : "criteria"} (${Number(p.count) > 1 ? "e.g. " : ""}${p.code}): column ${p.scored} was scored. If column ${p.other} holds the unit's final self-scores, write "lần 2" or "(sau bổ sung)" in its label; if it holds the appraisers' scores, label it "Điểm thẩm định"; or delete the column not used, and check again.`,
  },
  TABLES_DIFFER: {
    vi: (p) =>
      p.otherUnit
        ? `Tệp này có bảng tự đánh giá của nhiều đơn vị: ${p.scoredUnit} (trang "${p.scored}") và ${p.otherUnit}. Chỉ chấm bảng của ${p.scoredUnit} ở ${p.at}: điểm dưới đây là kết quả riêng của đơn vị đó, không phải của các đơn vị kia, cũng không phải của đơn vị hình thành sau sáp nhập (nếu các đơn vị này đã hợp nhất). Mỗi đơn vị nộp bảng tự đánh giá của mình trong một tệp riêng; đơn vị mới sau sáp nhập cần bảng tự đánh giá của chính mình.`
        : `Trang "${p.scored}" và trang "${p.sheet}" đều có đủ bảng tự đánh giá nhưng khác nhau ở ${p.count} tiêu chí (ví dụ tiêu chí ${p.code}: "${p.value || "trống"}" ở trang "${p.scored}", "${p.other || "trống"}" ở trang "${p.sheet}"). Điểm được chấm theo trang "${p.scored}" ở ${p.at}${whyVi(p)}. Nếu trang "${p.sheet}" mới là bản đúng, hãy xóa trang "${p.scored}" khỏi tệp (hoặc ghi "lần 2", "bổ sung" vào tên trang đúng) rồi kiểm tra lại.`,
    en: (p) =>
      p.otherUnit
        ? `This file holds the self-assessment tables of several units: ${p.scoredUnit} (sheet "${p.scored}") and ${p.otherUnitEn ?? p.otherUnit}. Only ${p.scoredUnit}'s table at ${p.at} was scored: the result below is that unit's alone, not the others' nor that of a unit formed by merging them. Each unit submits its own table in a file of its own; a unit formed by a merger needs a self-assessment table of its own.`
        : `Sheets "${p.scored}" and "${p.sheet}" both hold the whole self-assessment table but differ on ${p.count} ${p.count === "1" ? "criterion" : "criteria"} (e.g. ${p.code}: "${p.value || "blank"}" on "${p.scored}", "${p.other || "blank"}" on "${p.sheet}"). The scores are those of "${p.scored}" at ${p.at}${whyEn(p)}. If "${p.sheet}" is the right one, delete "${p.scored}" from the file (or name the right one "lần 2", "bổ sung") and check again.`,
  },
  WRONG_CRITERIA_SET: {
    vi: (p) =>
      `Bảng này có vẻ không làm theo bộ tiêu chí "${p.set}"${p.year ? `: tiêu đề ghi năm ${p.year}, bộ tiêu chí là của năm ${p.setYear}` : ""}${p.unitType ? `${p.year ? ";" : ":"} bảng của đơn vị ${levelLabel(p.unitType, "vi")}, bộ tiêu chí dành cho ${levelLabel(p.setUnitType, "vi")}${p.unit ? ` (tiêu đề ghi đơn vị "${p.unit}")` : ""}` : ""}. Có ${p.disagreements} chỗ không khớp (điểm tối đa, tên hoặc mã tiêu chí): ${WRONG_SET_ADVICE.vi}.`,
    en: (p) =>
      `This table does not seem to follow the criteria set "${p.set}"${p.year ? `: its title says ${p.year}, the set is for ${p.setYear}` : ""}${p.unitType ? `${p.year ? ";" : ":"} it is a ${levelLabel(p.unitType, "en")} unit's table, the set is for the ${levelLabel(p.setUnitType, "en")}${p.unit ? ` (the heading names the unit "${p.unit}")` : ""}` : ""}. ${p.disagreements} rows disagree with the set (maximum, title or code): ${WRONG_SET_ADVICE.en}.`,
  },
  NOT_APPLICABLE_IGNORED: {
    vi: (p) => `Mục ${p.code} ghi "${p.value}" nhưng các tiêu chí con đã có điểm: hệ thống tính theo điểm các tiêu chí con. Nếu mục này không áp dụng với đơn vị, xóa điểm của các tiêu chí con.`,
    en: (p) => `Item ${p.code} says "${p.value}" but its sub-criteria are scored: their scores count. If the item does not apply to the unit, clear its sub-criteria's scores.`,
  },
  TOTAL_MISMATCH: {
    vi: (p) => `Dòng tổng cộng ghi ${p.value} điểm nhưng điểm tự đánh giá các tiêu chí cộng lại là ${p.sum}: kiểm tra công thức cộng — có bỏ sót dòng nào không (điểm thưởng, điểm trừ cũng được cộng vào tổng), và hàm SUM bỏ qua ô chữ (số nhập dạng chữ, "Không phát sinh") còn hệ thống tính "Không phát sinh" bằng điểm tối đa và tiêu chí chấm theo số liệu bằng điểm tính được.`,
    en: (p) => `The totals row shows ${p.value} but the self-scores add up to ${p.sum}: check the sum — whether it leaves a row out (bonus and deduction rows count in the total too), and SUM skips text cells (numbers typed as text, "Không phát sinh") while the system counts "Không phát sinh" at the maximum and data-scored criteria at their computed points.`,
  },
  SUM_MISMATCH: {
    vi: (p) =>
      p.best
        ? `Điểm của mục ${p.code} là ${p.value} nhưng phương án có điểm cao nhất được ${p.sum}: mục này tính theo phương án cao nhất, không cộng các phương án.`
        : `Điểm của mục ${p.code} là ${p.value} nhưng tổng điểm các tiêu chí thành phần là ${p.sum}: kiểm tra công thức cộng (hàm SUM bỏ qua ô chữ — số nhập dạng chữ, "Không phát sinh" — còn hệ thống tính "Không phát sinh" bằng điểm tối đa và tiêu chí chấm theo số liệu bằng điểm tính được).`,
    en: (p) =>
      p.best
        ? `Item ${p.code} shows ${p.value} but its best alternative scores ${p.sum}: it takes the highest alternative, not their sum.`
        : `Item ${p.code} shows ${p.value} but its sub-criteria add up to ${p.sum}: check the SUM formula (SUM skips text cells — numbers typed as text, "Không phát sinh" — while the system counts "Không phát sinh" at the maximum and data-scored criteria at their computed points).`,
  },
  FORMULA_ERROR: {
    vi: (p) => `${p.code ? `Ô của tiêu chí ${p.code}` : "Ô tổng cộng"} có lỗi công thức ${p.value}: sửa công thức hoặc nhập giá trị.`,
    en: (p) => `${p.code ? `A cell of ${p.code}` : "The totals cell"} holds the formula error ${p.value}: fix the formula or type the value.`,
  },
  FORMULA_NOT_CALCULATED: {
    vi: (p) => `Ô ${p.cellKind === "data" ? "số liệu" : "điểm"} của tiêu chí ${p.code} chứa công thức =${p.formula} nhưng chưa được tính (tệp lưu từ phần mềm khác, chưa mở bằng Excel): mở tệp bằng Excel, lưu lại rồi kiểm tra lại; chưa có giá trị thì tính 0 điểm.`,
    en: (p) => `The ${p.cellKind === "data" ? "data" : "score"} cell of ${p.code} holds the formula =${p.formula} but no calculated value (saved by another program, never opened in Excel): open the file in Excel, save it and check again; it counts 0 until then.`,
  },
  DEDUCTION_WITHOUT_MINUS: {
    vi: (p) => `Tiêu chí ${p.code} là điểm trừ nhưng ghi ${p.value} (số dương): hệ thống tính trừ ${p.value} điểm; ghi điểm trừ bằng số âm (${p.deducted}) cho rõ.`,
    en: (p) => `${p.code} is a deduction but shows ${p.value} (positive): it is deducted as ${p.deducted}; write deductions as negative numbers (${p.deducted}).`,
  },
  TITLE_OF_OTHER_CRITERION: {
    vi: (p) => `Dòng mang mã ${p.code} nhưng nội dung là của tiêu chí ${p.other} "${p.otherTitle}": có thể đang dùng biểu mẫu năm trước, khi mã các tiêu chí còn khác; kiểm tra lại mã (hệ thống chấm dòng này theo mã ${p.code}).`,
    en: (p) => `This row carries code ${p.code} but its title is criterion ${p.other}'s "${p.otherTitle}": last year's template, with codes since changed? Check the code (the row is scored as ${p.code}).`,
  },
  EVIDENCE_MISSING: {
    vi: (p) =>
      p.formula
        ? `Tiêu chí ${p.code} có điểm ${p.value} nhưng ô tài liệu kiểm chứng chứa công thức =${p.formula} không có giá trị (chưa được tính — tệp lưu từ phần mềm khác, chưa mở bằng Excel — hoặc công thức cho ô trống), nên chưa đọc được tài liệu nào: mở tệp bằng Excel, lưu lại rồi kiểm tra lại; ô vẫn trống thì ghi số, ký hiệu, ngày văn bản hoặc giải trình ở cột ghi chú; chưa có thì tính 0 điểm.`
        : `Tiêu chí ${p.code} ${p.written ? `ghi "${p.written}" (được tính ${p.value} điểm)` : `có điểm ${p.value}`} nhưng chưa có tài liệu kiểm chứng${p.hint ? ` (${p.hint})` : ""}: ghi số, ký hiệu, ngày văn bản hoặc giải trình ở cột ghi chú; chưa có thì tính 0 điểm.`,
    en: (p) =>
      p.formula
        ? `Criterion ${p.code} scores ${p.value} but its evidence cell holds the formula =${p.formula} with no value (not calculated — saved by another program, never opened in Excel — or a formula giving an empty cell), so no document is read: open the file in Excel, save it and check again; if the cell stays empty, cite the document or explain in the note column; it counts 0 until then.`
        : `Criterion ${p.code} ${p.written ? `says "${p.written}" (counted ${points(p.value)})` : `scores ${p.value}`} without evidence${p.hint ? ` (${p.hint})` : ""}: cite the document's number, symbol and date or explain in the note column; it counts 0 until then.`,
  },
  EVIDENCE_DATE_OUT_OF_PERIOD: {
    // A document dated only by a month or a year ("tháng 01/2023", "năm 2023") is said as written.
    vi: (p) => `Tài liệu "${p.value}" của tiêu chí ${p.code} ghi ${p.dated ?? `ngày ${p.date}`}, ngoài kỳ đánh giá ${p.from}–${p.to}: kiểm tra lại ngày, hoặc ghi lý do văn bản vẫn còn hiệu lực ở cột ghi chú (ví dụ "Văn bản còn hiệu lực", "Kế hoạch giai đoạn 2021–2025") hoặc khi chấp nhận cảnh báo trong add-in.`,
    en: (p) => `Document "${p.value}" of ${p.code} is dated ${p.datedPlain ?? p.date}, outside the period ${p.from}–${p.to}: check the date, or record why it still applies in the note column (e.g. "Văn bản còn hiệu lực", "Kế hoạch giai đoạn 2021–2025") or when accepting the warning in the add-in.`,
  },
  // A link (A6-4): a criterion may ask where a result is published; a document is still cited by its number.
  EVIDENCE_UNRECOGNISED: {
    vi: (p) =>
      p.link === "yes"
        ? `Tài liệu "${p.value}" (tiêu chí ${p.code}) là một đường dẫn: nếu tiêu chí yêu cầu đường dẫn đăng tải thì giữ nguyên; nếu dẫn tới một văn bản, ghi kèm số, ký hiệu và ngày của văn bản (ví dụ "Quyết định số 12/QĐ-UBND ngày 05/01/2024").`
        : `Không nhận ra số, ký hiệu hoặc ngày của tài liệu "${p.value}" (tiêu chí ${p.code}): nên ghi dạng "Quyết định số 12/QĐ-UBND ngày 05/01/2024".`,
    en: (p) =>
      p.link === "yes"
        ? `"${p.value}" (${p.code}) is a link: keep it where the criterion asks where a result is published; where it leads to a document, add the document's number, symbol and date (e.g. "Quyết định số 12/QĐ-UBND ngày 05/01/2024").`
        : `No number, symbol or date recognised in "${p.value}" (${p.code}): cite it like "Quyết định số 12/QĐ-UBND ngày 05/01/2024".`,
  },
  // The register says the same of such a day (impossible-date.ts): no month 25, no 30th of February.
  EVIDENCE_DATE_INVALID: {
    vi: (p) => `Tài liệu "${p.value}" của tiêu chí ${p.code} ${impossibleDayText(writtenDay(p), "vi")}`,
    en: (p) => `Document "${p.value}" of ${p.code} ${impossibleDayText(writtenDay(p), "en")}`,
  },
  SURVEY_SCORED: {
    vi: (p) => `Tiêu chí ${p.code} được chấm qua điều tra xã hội học: điểm tự đánh giá (${p.value}) không được tính.`,
    en: (p) => `Criterion ${p.code} is scored by the survey: the self-score (${p.value}) is ignored.`,
  },
};

/** Why one of two full tables was scored (table-selection.ts's first preference that differed). */
function whyVi(p: Shown): string {
  switch (p.why) {
    case "revision":
      return ", vì tên trang ghi là bản sửa đổi, bổ sung";
    case "year":
      return ", vì tên hoặc tiêu đề trang ghi đúng năm đánh giá";
    case "draft":
      return `, vì trang "${p.sheet}" ghi là bản nháp hoặc bản cũ`;
    case "hidden":
      return `, vì trang "${p.sheet}" đang bị ẩn`;
    case "scores":
      return `, vì trang "${p.sheet}" chưa nhập điểm tự đánh giá`;
    case "more":
    case "codes":
      return ", vì trang này có nhiều tiêu chí hơn";
    default:
      return `, vì trang này đứng trước: tên trang không cho biết bản nào mới hơn${p.excelCopy ? ` ("${p.excelCopy}" là tên Excel tự đặt khi sao chép trang, không phải bản sửa)` : ""}`;
  }
}

function whyEn(p: Shown): string {
  switch (p.why) {
    case "revision":
      return ", as its tab names it a revision";
    case "year":
      return ", as its tab or title names the year assessed";
    case "draft":
      return `, as "${p.sheet}" is named as a draft or an old copy`;
    case "hidden":
      return `, as "${p.sheet}" is hidden`;
    case "scores":
      return `, as "${p.sheet}" has no self-score typed`;
    case "more":
    case "codes":
      return ", as it holds more criteria";
    default:
      return `, as it comes first: the tabs' names do not say which is newer${p.excelCopy ? ` ("${p.excelCopy}" is the name Excel gives a copied sheet, not a revision)` : ""}`;
  }
}

/** The day, month and year of an EVIDENCE_DATE_INVALID finding's params. */
const writtenDay = (p: Shown) => ({ day: Number(p.day), month: Number(p.month), year: Number(p.year) });

/** "cấp xã", "district level" … for a unit type shown in a message (an unknown word as it is). */
function levelLabel(type: string | undefined, locale: Locale): string {
  return type !== undefined && type in UNIT_LEVEL_LABEL ? UNIT_LEVEL_LABEL[type as keyof typeof UNIT_LEVEL_LABEL][locale] : (type ?? "");
}

export function formatNumber(n: number, locale: Locale): string {
  const s = String(Math.round(n * 100) / 100);
  return locale === "vi" ? s.replace(".", ",") : s;
}

/** A number as the unit wrote it, every decimal kept (12 significant digits drop a formula's float noise). */
function formatAsWritten(n: number, locale: Locale): string {
  const s = String(Number(n.toPrecision(12)));
  return locale === "vi" ? s.replace(".", ",") : s;
}

/**
 * Params shown as written, not rounded to hundredths: the score a finding refuses. Rounded, a
 * refused 4,251 read "Điểm 4,25 … không đúng bước 0,25" and a 5,004 over a max of 5 read "là 5,
 * vượt điểm tối đa 5" — the message contradicted itself.
 */
const AS_WRITTEN: Partial<Record<FindingCode, readonly string[]>> = {
  SCORE_STEP: ["value"],
  SCORE_OVER_MAX: ["value", "deducted"],
  SCORE_NEGATIVE: ["value"],
  // Shown with as many decimals as keep it off the bound it missed (ratio-bands.ts percentShown).
  RATIO_SCORE_MISMATCH: ["percent"],
  RATIO_OVER_100: ["percent"],
  DATA_APPROXIMATE: ["percent"],
  RATE_DIFFERS_FROM_COUNTS: ["percent", "countsPercent"],
};

/** Numbers in the locale's decimals, lists of them joined by "; " ("3; 1,5; 0"); `exact` keys keep every decimal. */
export function showParams(params: MessageParams, locale: Locale, exact: readonly string[] = []): Shown {
  const shown: Shown = {};
  for (const [k, v] of Object.entries(params)) {
    const format = exact.includes(k) ? formatAsWritten : formatNumber;
    shown[k] = typeof v === "number" ? format(v, locale) : Array.isArray(v) ? v.map((x: number) => formatNumber(x, locale)).join("; ") : (v as string | undefined);
  }
  return shown;
}

export function message(code: FindingCode, params: MessageParams, locale: Locale): string {
  return CATALOGUE[code][locale](showParams(params, locale, AS_WRITTEN[code]));
}

export interface FindingInput {
  code: FindingCode;
  criterion?: string | undefined;
  cell?: string | undefined;
  params?: MessageParams;
}

export function makeFinding(input: FindingInput, locale: Locale): Finding {
  const finding: Finding = {
    code: input.code,
    severity: SEVERITY[input.code],
    message: message(input.code, { code: input.criterion, ...input.params }, locale),
  };
  if (input.criterion !== undefined) finding.criterion = input.criterion;
  if (input.cell !== undefined) finding.cell = input.cell;
  return finding;
}
