import { describe, expect, it } from "vitest";
import { importRows, XEP_LOAI } from "./import-round6-helpers.ts";

/**
 * IMP6-10: a bonus section named "ĐIỂM KHUYẾN KHÍCH", "TIÊU CHÍ THƯỞNG" or "CỘNG ĐIỂM" was an
 * ordinary field: its points went into the maximum (3 for a 2-point set), the note blaming the
 * decision's total.
 */
const annex = (bonus: string, deduction: string) => [
  ["BỘ CHỈ SỐ CCHC"],
  ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
  ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 2, null],
  ["1", "Ban hành kế hoạch CCHC", 2, "Kịp thời: 2 điểm; chậm: 1 điểm; không ban hành: 0 điểm"],
  ["II", bonus, 1, null],
  ["1", "Có sáng kiến được công nhận", 1, "Mỗi sáng kiến được cộng 0,5 điểm, tối đa 1 điểm"],
  ["III", deduction, -1, null],
  ["1", "Chậm gửi báo cáo", -1, "Mỗi báo cáo chậm trừ 0,25 điểm, tối đa trừ 1 điểm"],
  [null, "Tổng cộng", 2, null],
  [],
  XEP_LOAI,
];

describe("bonus and deduction sections under other names (IMP6-10)", () => {
  it.each([
    ["ĐIỂM KHUYẾN KHÍCH", "ĐIỂM TRỪ"],
    ["TIÊU CHÍ THƯỞNG", "TIÊU CHÍ TRỪ ĐIỂM"],
    ["CỘNG ĐIỂM", "TRỪ ĐIỂM"],
    ["ĐIỂM THƯỞNG", "ĐIỂM TRỪ"],
  ])("%j and %j stand outside the maximum", (bonus, deduction) => {
    const { set, notes } = importRows(annex(bonus, deduction));
    expect(set.maxPoints).toBe(2);
    expect(set.items.map((i) => i.adjustment ?? false)).toEqual([false, true, true]);
    expect(notes.map((n) => n.code)).toEqual([]);
  });
});
