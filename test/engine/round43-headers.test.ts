/**
 * Round 43 (rt-wb43), mending round 42's mends of round 40's header rules: who asked for a revision
 * ("bổ sung theo …") is read to where the one who scored is named, not to the first comma or bracket
 * (WB43-1/2/6/7); a slash joins the unit's names in either order, and no slash hides another office
 * (WB43-4/5); a failure word anywhere after "đã" is no result (WB43-3); a formula dividing two counts
 * is a rate in an on-time column too (WB43-8).
 */
import { describe, expect, it } from "vitest";
import { findHeader, type UnitType } from "../../shared/index.ts";
import { anotherBodys, unitsOwn } from "./self-columns-helpers.ts";
import { flat } from "./data-columns-helpers.ts";
import type { Row, Value } from "./merged-header-helpers.ts";


describe("WB43-1, WB43-6, WB43-7: who asked for the revision runs to where a scorer is named", () => {
  it.each([
    ["commune", "Điểm tự đánh giá (bổ sung theo Công văn số 125/SNV-CCHC, ngày 10/3/2025 của Sở Nội vụ)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Đoàn thẩm định (Sở Nội vụ))"],
    ["commune", "Điểm tự đánh giá bổ sung theo Kết luận (số 12/KL-SNV) của Sở Nội vụ"],
    ["commune", "Điểm tự đánh giá (bổ sung theo ý kiến của Phòng Nội vụ, UBND huyện)"],
    ["department", "Điểm tự đánh giá bổ sung theo Công văn của UBND tỉnh, Sở Nội vụ"],
    ["commune", "Điểm tự đánh giá của cơ quan/đơn vị (bổ sung theo yêu cầu của Phòng Nội vụ, Sở Nội vụ)"],
    ["department", "Điểm tự đánh giá sau bổ sung (theo yêu cầu của Phòng Nội vụ)"],
    ["commune", "Điểm tự đánh giá bổ sung lần 2 theo yêu cầu của Phòng Nội vụ"],
    ["commune", "Điểm tự đánh giá sau bổ sung, theo yêu cầu của Phòng Nội vụ"],
    ["department", "Điểm tự đánh giá bổ sung hồ sơ theo yêu cầu của Phòng Nội vụ"],
    ["commune", "Điểm tự đánh giá (đơn vị bổ sung theo yêu cầu của Phòng Nội vụ, điều chỉnh lại)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ, đơn vị chấm lại)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo kết quả đánh giá của Sở Nội vụ)"],
  ] as [UnitType, string][])("%s: %s is the unit's own revision", unitsOwn);

  it.each([
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ - Đoàn thẩm định chấm lại)"],
    ["commune", "Điểm tự đánh giá\n(bổ sung theo yêu cầu của Phòng Nội vụ\nĐoàn thẩm định chấm lại)"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận và Hội đồng thẩm định chấm lại"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận. Đoàn kiểm tra chấm lại"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận\nĐiểm thẩm định"],
    ["commune", "Điểm tự đánh giá (bổ sung theo kết luận, Sở Nội vụ chấm lại)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo kết luận; Phòng Nội vụ thẩm định)"],
  ] as [UnitType, string][])("%s: %s is the appraisers' figure", anotherBodys);
});

describe("WB43-4, WB43-5: a slash joins the unit's names either way; without it an office is another body", () => {
  it.each([
    ["department", "Điểm tự đánh giá của phòng/cơ quan (sau bổ sung)"],
    ["department", "Điểm tự đánh giá (phòng/đơn vị điều chỉnh)"],
    ["department", "Điểm tự đánh giá của cơ quan / phòng (sau bổ sung)"],
  ] as [UnitType, string][])("%s: %s is the unit's own revision", unitsOwn);
  it.each([
    ["commune", "Điểm tự đánh giá (cơ quan phòng Tư pháp chấm lại, bổ sung)"],
    ["commune", "Điểm tự đánh giá (đơn vị phòng Tài chính điều chỉnh)"],
  ] as [UnitType, string][])("%s: %s is another office's figure", anotherBodys);
});

describe("WB43-3: a failure word anywhere after 'đã' makes no result", () => {
  const done = (x: Row): Value => (x.counts ? x.counts[0] : "");
  const whole = (x: Row): Value => (x.counts ? x.counts[1] : "");
  const dataOf = (plan: string, head: string) => findHeader(flat([plan, head], [whole, done]).sheets[0]!, 2024)?.columns.data;
  it.each(
    ["đã trễ hẹn", "đã quá hẹn", "đã lỡ hẹn", "đã sai hẹn", "đã trả về", "đã hoàn trả", "đã chuyển trả", "đã rút", "đã chậm", "đã trễ", "đã loại bỏ", "đã tạm dừng", "đã vi phạm", "đã tồn", "đã thay thế"].map((v) => [`Số hồ sơ ${v}`]),
  )("Số văn bản phải ban hành | %s: no result", (head) => expect(dataOf("Số văn bản phải ban hành", head)).toBeUndefined());
  it.each([["Số báo cáo đã nộp chậm"], ["Số báo cáo đã gửi chậm"], ["Số báo cáo đã nộp muộn"], ["Số báo cáo đã gửi trễ"], ["Số hồ sơ đã trả chậm"], ["Số hồ sơ đã xử lý quá hẹn"]])(
    "Số báo cáo phải nộp | %s: a late count, no result",
    (head) => expect(dataOf("Số báo cáo phải nộp", head)).toBeUndefined(),
  );
  it.each([["Số báo cáo đã nộp"], ["Số TTHC đã rút gọn"], ["Số TTHC đã công bố"]])("Số báo cáo phải nộp | %s: the result", (head) =>
    expect(dataOf("Số báo cáo phải nộp", head)).toBe(4),
  );
});
