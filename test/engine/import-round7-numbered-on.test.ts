import { describe, expect, it } from "vitest";
import { importRows, type Value } from "./import-round6-helpers.ts";

/**
 * IMP7-4: criteria numbered on across field rows (1c0190a keeps the decision's numbers, so the
 * field rows are no parents); "III | ĐIỂM THƯỞNG | 5" over "5 | Sáng kiến …" lost its section's
 * words with its row, and the bonus counted in the max: 105 for a 100-point set, every
 * department's percentage computed on it.
 */
const H: Value[] = ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
const XL: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 65% đến dưới 80%; Yếu: dưới 65%"];
const body: Value[][] = [
  ["BỘ CHỈ SỐ CCHC CẤP SỞ"], H,
  ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 40],
  ["1", "Ban hành kế hoạch", 20, "Đúng hạn: 20 điểm; chậm: 10 điểm; không ban hành: 0 điểm"],
  ["2", "Hoàn thành kế hoạch", 20, "Đạt 100%: 20 điểm; từ 80% đến dưới 100%: 10 điểm; dưới 80%: 0 điểm"],
  ["II", "CẢI CÁCH TTHC", 60],
  ["3", "Tỷ lệ hồ sơ đúng hạn", 30, "Từ 95% trở lên: 30 điểm; từ 90% đến dưới 95%: 15 điểm; dưới 90%: 0 điểm"],
  ["4", "Công khai TTHC", 30, "Đầy đủ: 30 điểm; không đầy đủ: 0 điểm"],
];

describe("a bonus or deduction field over criteria numbered on (IMP7-4)", () => {
  it.each([["ĐIỂM THƯỞNG"], ["ĐIỂM THƯỞNG, ĐIỂM TRỪ"], ["ĐIỂM KHUYẾN KHÍCH"]])("'III | %s' over criterion 5: outside the max", (title) => {
    const { set, notes } = importRows([...body, ["III", title, 5], ["5", "Sáng kiến CCHC được công nhận", 5, "Mỗi sáng kiến: 2,5 điểm, tối đa 5 điểm"], ["", "TỔNG CỘNG", 100], XL]);
    expect(set.maxPoints).toBe(100);
    expect(set.items.map((i) => `${i.code}${i.adjustment ? "+" : ""}`)).toEqual(["1", "2", "3", "4", "5+"]);
    expect(notes.map((n) => n.code)).toEqual(["FIELDS_NUMBERED_ON"]);
  });

  it("a deduction field after it is one too, the fields before stay counted", () => {
    const { set } = importRows([
      ...body,
      ["III", "ĐIỂM THƯỞNG", 5], ["5", "Sáng kiến CCHC được công nhận", 5, "Mỗi sáng kiến: 2,5 điểm, tối đa 5 điểm"],
      ["IV", "ĐIỂM TRỪ", -2], ["6", "Chậm gửi báo cáo", -2, "Mỗi báo cáo chậm trừ 1 điểm, tối đa trừ 2 điểm"],
      ["", "TỔNG CỘNG", 100], XL,
    ]);
    expect(set.maxPoints).toBe(100);
    expect(set.items.filter((i) => i.adjustment).map((i) => i.code)).toEqual(["5", "6"]);
  });
});
