import { describe, expect, it } from "vitest";
import { importRows, XEP_LOAI, type Value } from "./import-round6-helpers.ts";

/**
 * IMP6-6: the survey part with its points only in its title ("B | ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (30
 * điểm)", the max cell blank) was lost whole: 30 of 100 points, and a note blaming the total.
 */
const annex = (partB: Value[]): Value[][] => [
  ["BỘ CHỈ SỐ CCHC CẤP XÃ NĂM 2025"],
  ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
  ["A", "ĐIỂM TỰ ĐÁNH GIÁ (70 điểm)", null, null],
  ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 70, null],
  ["1", "Kế hoạch CCHC năm", 30, "Kịp thời: 30 điểm; chậm: 15 điểm; không ban hành: 0 điểm"],
  ["2", "Chế độ báo cáo CCHC", 40, "Đầy đủ: 40 điểm; không đầy đủ: 0 điểm"],
  [null, "Cộng (A)", 70, null],
  partB,
  ["1", "Mức độ hài lòng của người dân, tổ chức", 30, "Điểm điều tra xã hội học"],
  [null, "TỔNG ĐIỂM (A+B)", 100, null],
  [],
  XEP_LOAI,
];

describe("a part whose points are written in its title is read (IMP6-6)", () => {
  it.each([
    [["B", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (30 điểm)", null, null]],
    [["B", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (30 điểm)", "", null]],
    [["B.", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC: 30 điểm", null, null]],
    [["B", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC", 30, null]],
  ])("%j", (partB) => {
    const { set, notes } = importRows(annex(partB as Value[]), { unitType: "commune" });
    expect(set.maxPoints).toBe(100);
    const survey = set.items.at(-1)!;
    expect(survey.max).toBe(30);
    expect(survey.children?.map((c) => c.rule) ?? [survey.rule]).toEqual([{ kind: "survey" }]);
    expect(notes.filter((n) => n.code !== "PART_RENUMBERED").map((n) => n.code)).toEqual([]);
  });
});
