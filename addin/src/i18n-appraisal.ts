import type { Locale } from "../../shared/index.ts";
import { countEn } from "./format.ts";
import { fileOf } from "./i18n-review-started.ts";

/** The review stages a unit meets after submitting (the Worker's review status). */
export type ReviewStage = "submitted" | "under_review" | "returned_for_explanation" | "explained" | "final";

/**
 * The unit's side of the appraisal (thẩm định) and the explanation round (giải trình),
 * PAR-INDEX.md §3: what stage the file is at, the reviewer's reductions and comments, and the
 * explanation sent back. Loaded with the part that shows it (appraisal-part.ts).
 */
export const APPRAISAL_STRINGS = {
  vi: {
    title: "Thẩm định hồ sơ",
    stage: {
      submitted: (unit: string, period: string) => `${fileOf(unit, period, "vi")}: đã nộp; tỉnh chưa bắt đầu thẩm định.`,
      under_review: (unit: string, period: string, round: number) => `${fileOf(unit, period, "vi")}: đang được tỉnh thẩm định, vòng ${round}; đơn vị chưa cần làm gì lúc này.`,
      returned_for_explanation: (unit: string, period: string) =>
        `${fileOf(unit, period, "vi")}: đã được tỉnh trả lại để giải trình. Dưới đây là các tiêu chí có điểm thẩm định khác điểm tự chấm: giải trình từng tiêu chí (kèm tài liệu kiểm chứng nếu có) rồi bấm "Gửi giải trình".`,
      explained: (unit: string, period: string) => `${unit} đã gửi giải trình cho ${period}: tỉnh sẽ thẩm định lại, đơn vị chưa cần làm gì lúc này.`,
      final: (unit: string, period: string) => `${fileOf(unit, period, "vi")}: đã có kết quả thẩm định cuối cùng; muốn mở lại, liên hệ cơ quan thường trực CCHC của tỉnh.`,
    },
    finalScore: (appraised: string, self: string, max: string, percent: string) =>
      `Điểm thẩm định phần đơn vị tự đánh giá: ${appraised}/${max} (${percent}; tự chấm ${self}). Chỉ số chung do tỉnh công bố, có cả điểm điều tra xã hội học.`,
    noReductions: "Không có tiêu chí nào bị điều chỉnh điểm; nếu cần, liên hệ người thẩm định.",
    columns: { criterion: "Tiêu chí", scores: "Tự chấm → thẩm định", comment: "Nhận xét của người thẩm định" },
    noComment: "(không có nhận xét)",
    explanation: (code: string) => `Giải trình cho tiêu chí ${code}`,
    evidence: (code: string) => `Tài liệu kiểm chứng cho tiêu chí ${code} (không bắt buộc)`,
    evidenceHint: "Số, ký hiệu văn bản hoặc đường dẫn tới tệp.",
    send: "Gửi giải trình",
    nothingTyped: "Chưa có nội dung giải trình: nhập ít nhất một tiêu chí rồi gửi.",
    sent: (n: number) => `Đã gửi giải trình ${n} tiêu chí. Tỉnh sẽ thẩm định lại; kết quả hiện ở đây khi có.`,
    keptDraft: "Nội dung đã nhập vẫn được giữ trên máy này: bấm Gửi giải trình lại khi có mạng.",
    unreadable: "Chưa đọc được trạng thái thẩm định của hồ sơ.",
  },
  en: {
    title: "Appraisal",
    stage: {
      submitted: (unit: string, period: string) => `${fileOf(unit, period, "en")}: submitted; the province has not started the review yet.`,
      under_review: (unit: string, period: string, round: number) => `${fileOf(unit, period, "en")}: the province is appraising it, round ${round}; nothing to do for now.`,
      returned_for_explanation: (unit: string, period: string) =>
        `${fileOf(unit, period, "en")}: the province returned it for explanation. Below are the criteria whose appraised score differs from the self-score: explain each one (with evidence if any), then press "Send explanation".`,
      explained: (unit: string, period: string) => `${unit} sent its explanation for ${period}: the province will appraise again; nothing to do for now.`,
      final: (unit: string, period: string) => `${fileOf(unit, period, "en")}: the final appraisal result is out; to reopen it, contact the province's administrative reform office.`,
    },
    finalScore: (appraised: string, self: string, max: string, percent: string) =>
      `Appraised score of the self-assessed part: ${appraised}/${max} (${percent}; self-score ${self}). The province publishes the overall index, with the survey score.`,
    noReductions: "No criterion's score was changed; if needed, contact the reviewer.",
    columns: { criterion: "Criterion", scores: "Self → appraised", comment: "Reviewer's comment" },
    noComment: "(no comment)",
    explanation: (code: string) => `Explanation for criterion ${code}`,
    evidence: (code: string) => `Evidence for criterion ${code} (optional)`,
    evidenceHint: "Document number or a link to the file.",
    send: "Send explanation",
    nothingTyped: "No explanation typed: fill in at least one criterion, then send.",
    sent: (n: number) => `Explanation for ${countEn(n, "criterion", "criteria")} sent. The province will appraise again; the result shows here when it comes.`,
    keptDraft: "What you typed is kept on this computer: press Send explanation again when online.",
    unreadable: "The file's review stage could not be read.",
  },
} satisfies Record<Locale, unknown>;

