import { describe, expect, it } from "vitest";
import { importRows, leavesOf, type Value } from "./import-round6-helpers.ts";

/**
 * IMP7-2, IMP7-3: a part row with its points in its title ("B | ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (30
 * điểm)", "C | ĐIỂM THƯỞNG, ĐIỂM TRỪ (tối đa 3 điểm)") was a part only after a subtotal worded
 * "Cộng (A)": after "Cộng điểm phần A", "Cộng phần A" or none, it became an option of the leaf
 * above and the survey item a duplicate (a commune scored out of 70); after the survey part, the
 * bonus was dropped and the deduction became a 2-point survey item (out of 102).
 */
const H: Value[] = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm", "Tài liệu kiểm chứng"];
const partA: Value[][] = [
  ["BỘ CHỈ SỐ CCHC CẤP XÃ NĂM 2025"], H,
  ["A", "ĐIỂM TỰ ĐÁNH GIÁ (70 điểm)", ""],
  ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", 30],
  ["1", "Ban hành Kế hoạch CCHC", 10, "Ban hành đúng hạn: 10 điểm; chậm: 5 điểm; không ban hành: 0 điểm", "Kế hoạch"],
  ["2", "Tỷ lệ hoàn thành kế hoạch", 20, "Đạt 100%: 20 điểm; từ 80% đến dưới 100%: 10 điểm; dưới 80%: 0 điểm", "Báo cáo"],
  ["II", "CẢI CÁCH TTHC", 40],
  ["1", "Tỷ lệ hồ sơ đúng hạn", 40, "Từ 95% trở lên: 40 điểm; từ 90% đến dưới 95%: 20 điểm; dưới 90%: 0 điểm", "Báo cáo"],
];
const survey = (title: string, max: Value): Value[][] => [["B", title, max], ["1", "Mức độ hài lòng của người dân", 30, "Theo kết quả điều tra xã hội học", ""]];
const XL: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 65% đến dưới 80%; Yếu: dưới 65%"];
const end: Value[][] = [["", "TỔNG CỘNG ĐIỂM (A+B)", 100], XL];

describe("a survey part with its points in its title, whatever stands before it (IMP7-2)", () => {
  // With no subtotal the part becomes a field holding its items, as import-criteria-tables.test.ts has it.
  it.each([["Cộng điểm phần A", "3"], ["Cộng phần A", "3"], ["Cộng (A)", "3"], ["Tổng điểm phần A", "3"], [null, "3.1"]])("after %s: the survey item is the set's, out of 100", (subtotal, code) => {
    const rows = [...partA, ...(subtotal === null ? [] : [["", subtotal, 70]]), ...survey("ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (30 điểm)", ""), ...end];
    const { set, notes } = importRows(rows, { unitType: "commune" });
    expect(set.maxPoints).toBe(100);
    const leaves = leavesOf(set.items);
    expect(leaves.map((l) => `${l.code}:${l.rule?.kind}`)).toEqual(["1.1:choice", "1.2:ratio", "2.1:ratio", `${code}:survey`]);
    expect(set.items.map((i) => i.title)).not.toContain("ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (30 điểm)");
    expect(notes.map((n) => n.code)).not.toContain("DUPLICATE_CODE");
    expect(notes.map((n) => n.code)).not.toContain("TOTAL_MISMATCH");
    expect(notes.map((n) => n.code)).not.toContain("CLAUSE_UNUSED");
  });

  it("its points after a colon or as 'tối đa' are no words of the part either", () => {
    for (const title of ["ĐIỂM ĐIỀU TRA XÃ HỘI HỌC: 30 điểm", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC (tối đa 30 điểm)"]) {
      const { set } = importRows([...partA, ...survey(title, ""), ...end], { unitType: "commune" });
      expect(set.maxPoints).toBe(100);
      expect(leavesOf(set.items).at(-1)!.rule).toEqual({ kind: "survey" });
    }
  });
});

describe("a bonus/deduction part with its points in its title after the survey part (IMP7-3)", () => {
  const c = (title: string, max: Value): Value[][] => [
    ["C", title, max],
    ["1", "Có sáng kiến CCHC được huyện công nhận", 3, "Mỗi sáng kiến được công nhận: 1,5 điểm, tối đa 3 điểm", "QĐ"],
    ["2", "Bị cơ quan có thẩm quyền phê bình về CCHC", -2, "Mỗi lần bị phê bình trừ 1 điểm, tối đa trừ 2 điểm", "VB"],
  ];
  it.each([["ĐIỂM THƯỞNG, ĐIỂM TRỪ (tối đa 3 điểm)"], ["ĐIỂM THƯỞNG, ĐIỂM TRỪ (3 điểm)"], ["CỘNG ĐIỂM, TRỪ ĐIỂM"]])("%s: bonus and deduction stay adjustments", (title) => {
    const rows = [...partA, ["", "Cộng (A)", 70], ...survey("ĐIỂM ĐIỀU TRA XÃ HỘI HỌC", 30), ...c(title, ""), ...end];
    const { set } = importRows(rows, { unitType: "commune" });
    expect(set.maxPoints).toBe(100);
    const adj = set.items.at(-1)!;
    expect(adj.adjustment).toBe(true);
    expect(adj.title).toBe(title.replace(/\s*\(.*\)$/, ""));
    expect(adj.children!.map((l) => l.rule)).toEqual([
      { kind: "count", each: 1.5, base: 0 },
      { kind: "count", each: -1, base: 0 },
    ]);
    expect(leavesOf(set.items).filter((l) => l.rule?.kind === "survey").map((l) => l.code)).toEqual(["3"]);
  });
});
