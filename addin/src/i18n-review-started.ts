import type { Locale } from "../../shared/index.ts";

/**
 * "Hồ sơ của Xã An Lộc (Huyện An Bình), kỳ đánh giá năm 2024 — cấp xã, hạn nộp … (đã gia hạn)":
 * the unit and the period side by side, never the period's label in brackets of its own around
 * the brackets the unit's district and the extension already bring (A4-7: three levels deep).
 */
export function fileOf(unit: string, period: string, locale: Locale): string {
  const p = period.charAt(0).toLowerCase() + period.slice(1);
  return locale === "vi" ? `Hồ sơ của ${unit}, ${p}` : `The file of ${unit}, ${p}`;
}

/**
 * The refusal of a new version once the review started (409 REVIEW_STARTED), in the unit's
 * and period's names and in words for its stage (PANE3-4): the server's sentence carries raw
 * ids and tells every stage to explain, even after the final result.
 */
export const REVIEW_STARTED_STRINGS: Record<Locale, Record<"under_review" | "returned_for_explanation" | "explained" | "final" | "unknown", (unit: string, period: string) => string>> = {
  vi: {
    under_review: (u, p) => `${fileOf(u, p, "vi")}: đang được tỉnh thẩm định nên không nhận phiên bản mới; đơn vị chưa cần làm gì lúc này.`,
    returned_for_explanation: (u, p) => `${fileOf(u, p, "vi")}: đã được trả lại để giải trình nên không nhận phiên bản mới; giải trình từng tiêu chí ở phần "Thẩm định hồ sơ" bên dưới.`,
    explained: (u, p) => `${u} đã gửi giải trình cho ${p} nên không nhận phiên bản mới; tỉnh sẽ thẩm định lại.`,
    final: (u, p) => `${fileOf(u, p, "vi")}: đã có kết quả thẩm định cuối cùng nên không nhận phiên bản mới; muốn mở lại, liên hệ cơ quan thường trực CCHC của tỉnh.`,
    unknown: (u, p) => `${fileOf(u, p, "vi")}: đã vào thẩm định nên không nhận phiên bản mới.`,
  },
  en: {
    under_review: (u, p) => `${fileOf(u, p, "en")}: the province is appraising it, so no new version is accepted; nothing to do for now.`,
    returned_for_explanation: (u, p) => `${fileOf(u, p, "en")}: returned for explanation, so no new version is accepted; explain each criterion under "Appraisal" below.`,
    explained: (u, p) => `${u} sent its explanation for ${p}, so no new version is accepted; the province will appraise again.`,
    final: (u, p) => `${fileOf(u, p, "en")}: the final appraisal result is out, so no new version is accepted; to reopen it, contact the province's administrative reform office.`,
    unknown: (u, p) => `${fileOf(u, p, "en")}: the review has started, so no new version is accepted.`,
  },
};

/** The stage a REVIEW_STARTED sentence names, in either language the server writes it (its status token or its Vietnamese label). */
export function reviewStartedStage(message: string | undefined): keyof (typeof REVIEW_STARTED_STRINGS)["vi"] {
  const m = message ?? "";
  if (/\bunder_review\b|Đang thẩm định/.test(m)) return "under_review";
  if (/\breturned_for_explanation\b|Trả lại để giải trình/.test(m)) return "returned_for_explanation";
  if (/\bexplained\b|Đã giải trình/.test(m)) return "explained";
  if (/\(final\)|Kết quả cuối cùng/.test(m)) return "final";
  return "unknown";
}
