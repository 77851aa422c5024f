import { describe, expect, it } from "vitest";
import { parseCriteriaSet, scoreWorkbook } from "../../shared/index.ts";
import { importRows, sheetOf, type Value } from "./import-round6-helpers.ts";

/**
 * IMP7-11 (the unit's workbook, read by shared/locate-table.ts): a commune's self-assessment in
 * the annex's own A/B layout with the subtotal "Cộng điểm phần A" or "Cộng phần A" got
 * UNKNOWN_CRITERION on the subtotal and DUPLICATE_CRITERION (an error) on the survey row, read
 * as a second 2.1: the commune was told to delete its survey row. "Cộng (A)" was read right.
 */
const decision: Value[][] = [
  ["BỘ CHỈ SỐ CCHC CẤP XÃ NĂM 2025"], ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
  ["A", "ĐIỂM TỰ ĐÁNH GIÁ", 70],
  ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", 30],
  ["1", "Ban hành Kế hoạch CCHC", 10, "Ban hành đúng hạn: 10 điểm; chậm: 5 điểm; không ban hành: 0 điểm"],
  ["2", "Họp giao ban CCHC", 20, "Đủ 4 cuộc: 20 điểm; từ 2 đến 3 cuộc: 10 điểm; dưới 2 cuộc: 0 điểm"],
  ["II", "CẢI CÁCH TTHC", 40],
  ["1", "Công khai TTHC", 40, "Đầy đủ: 40 điểm; không đầy đủ: 0 điểm"],
  ["", "Cộng (A)", 70],
  ["B", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC", 30],
  ["1", "Mức độ hài lòng của người dân", 30, "Theo kết quả điều tra xã hội học"],
  ["", "TỔNG CỘNG (A+B)", 100],
  ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 65% đến dưới 80%; Yếu: dưới 65%"],
];

const unit = (subtotal: string): Value[][] => [
  ["BÁO CÁO TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2025 - UBND XÃ HÒA AN"],
  ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự chấm", "Tài liệu kiểm chứng"],
  ["A", "ĐIỂM TỰ ĐÁNH GIÁ (70 điểm)", "", 55],
  ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", 30, 15],
  ["1", "Ban hành Kế hoạch CCHC", 10, 5, "Kế hoạch số 05/KH-UBND ngày 20/02/2025"],
  ["2", "Họp giao ban CCHC", 20, 10, "Biên bản số 12/BB-UBND ngày 10/12/2025"],
  ["II", "CẢI CÁCH TTHC", 40, 40],
  ["1", "Công khai TTHC", 40, 40, "Báo cáo số 121/BC-UBND ngày 10/12/2025"],
  ["", subtotal, 70, 55],
  ["B", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (30 điểm)", "", ""],
  ["1", "Mức độ hài lòng của người dân", 30, ""],
  ["", "TỔNG CỘNG ĐIỂM (A+B)", 100, 55],
];

describe("a unit's workbook in the annex's A/B layout, whatever its subtotal says (IMP7-11)", () => {
  const imported = importRows(decision, { unitType: "commune" });
  const parsed = parseCriteriaSet(imported.set);
  if (!parsed.ok) throw new Error(parsed.message);
  it.each([["Cộng (A)"], ["Cộng phần A"], ["Cộng điểm phần A"], ["Tổng cộng phần A"]])("%s", (subtotal) => {
    const report = scoreWorkbook({ sheets: [sheetOf(unit(subtotal), "Tự chấm")] }, parsed.set);
    const codes = report.findings.map((f) => f.code);
    expect(codes).not.toContain("DUPLICATE_CRITERION");
    expect(codes).not.toContain("UNKNOWN_CRITERION");
    expect(report.total).toBe(55);
  });
});
