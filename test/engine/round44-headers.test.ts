/**
 * Round 44 (rt-wb44), mending round 43: a failure word after "đã" is read with its diacritics —
 * "sửa chữa" is no "chưa", "rút ngắn" no "rút" (WB44-7); who asked for a revision ends where a clause
 * ends and a scorer follows — never at a scoring word of who asked itself, nor inside a slashed name
 * (WB44-1/2/5/6).
 */
import { describe, expect, it } from "vitest";
import { findHeader, type UnitType } from "../../shared/index.ts";
import { anotherBodys, unitsOwn } from "./self-columns-helpers.ts";
import { flat } from "./data-columns-helpers.ts";
import type { Row, Value } from "./merged-header-helpers.ts";

const done = (x: Row): Value => (x.counts ? x.counts[0] : "");
const whole = (x: Row): Value => (x.counts ? x.counts[1] : "");
const dataOf = (plan: string, head: string) => findHeader(flat([plan, head], [whole, done]).sheets[0]!, 2024)?.columns.data;

describe("WB44-7: a failure word after 'đã' is read with its diacritics", () => {
  it.each([
    ["Số sai sót phải khắc phục", "Số sai sót đã sửa chữa"],
    ["Số văn bản phải sửa chữa", "Số văn bản đã sửa chữa"],
    ["Số văn bản phải ban hành", "Số văn bản đã sửa chữa"],
    ["Số TTHC phải rút ngắn thời gian", "Số TTHC đã rút ngắn"],
    ["Số TTHC phải cắt giảm thời gian", "Số TTHC đã rút ngắn"],
    ["Số văn bản phải ban hành", "Số văn bản đã rút gọn"],
    ["Số TTHC phải cắt giảm thời gian", "SỐ TTHC ĐÃ RÚT NGẮN"],
    // WB45-6 (tenth session): "đã" typed without its marks, or with an eth for đ.
    ["Số sai sót phải khắc phục", "Số sai sót da sửa chữa"],
    ["Số TTHC phải cắt giảm thời gian", "Số TTHC ðã rút ngắn"],
    ["Số sai sót phải khắc phục", "Số sai sót ðã sửa chữa"],
    ["Số TTHC phải cắt giảm thời gian", "SỐ TTHC ÐÃ RÚT NGẮN"],
  ])("%s | %s: the result", (plan, head) => expect(dataOf(plan, head)).toBe(4));

  it.each([
    ["Số văn bản phải ban hành", "Số văn bản đã rút"],
    ["Số văn bản phải ban hành", "Số văn bản đã chưa ban hành"],
    ["Số báo cáo phải nộp", "Số báo cáo đã nộp chậm"],
    ["Số báo cáo phải nộp", "SỐ BÁO CÁO ĐÃ GỬI TRỄ"],
    ["Số văn bản phải ban hành", "Số hồ sơ đã trễ hẹn"],
    ["Số văn bản phải ban hành", "Số hồ sơ đã rút hồ sơ"],
    ["Số báo cáo phải nộp", "Số báo cáo da nộp chậm"],
    ["Số báo cáo phải nộp", "Số báo cáo ðã nộp chậm"],
    ["Số văn bản phải ban hành", "Số văn bản da rút"],
  ])("%s | %s: no result", (plan, head) => expect(dataOf(plan, head)).toBeUndefined());
});


describe("WB44-1, WB44-6: a scoring word of who asked, or a slashed name of the unit, does not end who asked", () => {
  it.each([
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Hội đồng đánh giá)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Sở Nội vụ khi thẩm định)"],
    ["district", "Điểm tự đánh giá (bổ sung theo hướng dẫn của Sở Nội vụ về chấm điểm)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ để đánh giá lại)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo biên bản làm việc của Hội đồng đánh giá Sở Nội vụ)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo Thông báo của Sở Nội vụ về việc điều chỉnh điểm)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo kết quả chấm điểm thẩm định của Sở Nội vụ)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo Thông báo điểm thẩm định của Sở Nội vụ)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo kết luận của Sở Nội vụ sau kiểm tra)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo Công văn số 125/SNV-CCHC của Sở Nội vụ về việc thẩm định kết quả tự đánh giá)"],
    ["commune", "Điểm tự đánh giá bổ sung theo Công văn của UBND tỉnh về chấm điểm Chỉ số CCHC"],
    ["department", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ, cơ quan/phòng chấm lại)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ, cơ quan/phòng chấm lại)"],
    ["department", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ; đơn vị/phòng điều chỉnh)"],
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ, phòng chấm lại)"],
    ["district", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ, phòng chấm lại)"],
  ] as [UnitType, string][])("%s: %s is the unit's own revision", unitsOwn);
});

describe("WB44-2, WB44-5: the appraisers named after who asked, or between 'bổ sung' and 'theo'", () => {
  it.each([
    ["commune", "Điểm tự đánh giá (bổ sung theo yêu cầu của Phòng Nội vụ) - Điểm của Đoàn kiểm tra"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận; điểm của Hội đồng thẩm định"],
    ["commune", "Điểm tự đánh giá (bổ sung theo kết luận; điểm của Sở Nội vụ)"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận, kết quả chấm của Đoàn thẩm định"],
    ["commune", "Điểm tự đánh giá (bổ sung theo kết luận) (Sở Nội vụ)"],
    ["commune", "Điểm tự đánh giá bổ sung theo kết luận\nĐiểm của Đoàn thẩm định"],
    ["commune", "Điểm tự đánh giá bổ sung, Sở chấm theo kết luận"],
    ["commune", "Điểm tự đánh giá bổ sung, HĐTĐ chấm theo biên bản"],
    ["commune", "Điểm tự đánh giá bổ sung; Đoàn chấm theo kết luận"],
  ] as [UnitType, string][])("%s: %s is the appraisers' figure", anotherBodys);
});
