import { describe, expect, it } from "vitest";
import { importRows, sheetOf, type Value } from "./import-round6-helpers.ts";

/**
 * IMP7-1: 8355325 read the annex whose title names the level; a survey form annexed after the
 * criteria ("PHỤ LỤC II – PHIẾU KHẢO SÁT … ĐỐI VỚI UBND CẤP XÃ") names it too, and replaced the
 * whole set (two questions out of 10). IMP7-5: Phụ lục I closed by its xếp loại line, no
 * "TỔNG CỘNG", hid Phụ lục II: a district got the departments' table and bands, in silence.
 */
const criteria: Value[][] = [
  ["PHỤ LỤC I"], ["BỘ TIÊU CHÍ ĐÁNH GIÁ KẾT QUẢ CẢI CÁCH HÀNH CHÍNH NĂM 2025"], ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
  ["I", "CÔNG TÁC CHỈ ĐẠO", 60], ["1", "Ban hành kế hoạch", 60, "Đúng hạn: 60 điểm; chậm: 30 điểm; không ban hành: 0 điểm"],
  ["II", "CẢI CÁCH TTHC", 40], ["1", "Tỷ lệ hồ sơ đúng hạn", 40, "Từ 95% trở lên: 40 điểm; từ 90% đến dưới 95%: 20 điểm; dưới 90%: 0 điểm"],
  ["", "TỔNG CỘNG", 100],
  ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 65% đến dưới 80%; Yếu: dưới 65%"],
];
const form = (title: string, label = "Nội dung câu hỏi"): Value[][] => [
  ["PHỤ LỤC II"], [title], ["STT", label, "Điểm tối đa", "Cách tính điểm"],
  ["1", "Ông/bà có hài lòng với thái độ của công chức?", 5, "Rất hài lòng: 5 điểm; hài lòng: 3 điểm; không hài lòng: 0 điểm"],
  ["2", "Ông/bà có hài lòng với thời gian giải quyết?", 5, "Rất hài lòng: 5 điểm; hài lòng: 3 điểm; không hài lòng: 0 điểm"],
  ["", "TỔNG CỘNG", 10],
];

describe("a survey form annexed after the criteria is never the criteria annex (IMP7-1)", () => {
  it.each([
    ["PHIẾU KHẢO SÁT SỰ HÀI LÒNG CỦA NGƯỜI DÂN ĐỐI VỚI UBND CẤP XÃ", "Nội dung câu hỏi"],
    ["PHIẾU ĐIỀU TRA XÃ HỘI HỌC ĐỐI VỚI UBND CẤP XÃ", "Nội dung"],
    ["MẪU PHIẾU LẤY Ý KIẾN NGƯỜI DÂN VỀ UBND CẤP XÃ", "Nội dung"],
    ["KHẢO SÁT SỰ HÀI LÒNG ĐỐI VỚI UBND CẤP XÃ", "Nội dung câu hỏi"],
  ])("%s on one sheet: the criteria are read", (title, label) => {
    const { set, notes } = importRows([...criteria, [], ...form(title, label)], { unitType: "commune" });
    expect(set.maxPoints).toBe(100);
    expect(set.title).toContain("BỘ TIÊU CHÍ");
    expect(set.bands.map((b) => b.min)).toEqual([90, 80, 65, 0]);
    expect(notes.map((n) => n.code)).toEqual(["TABLES_ON_SHEET"]);
    expect(notes[0]!.message).toContain(`bảng "${title}" là phiếu khảo sát, không phải bộ tiêu chí`);
  });

  it("nor does a later table naming the level whose title names no index (a summary sheet)", () => {
    const summary: Value[][] = [
      ["PHỤ LỤC II"], ["BIỂU TỔNG HỢP KẾT QUẢ TỰ CHẤM ĐIỂM CỦA UBND CẤP XÃ"], ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
      ["1", "Ban hành kế hoạch", 60, "Đúng hạn: 60 điểm; không ban hành: 0 điểm"], ["2", "Tỷ lệ hồ sơ đúng hạn", 40, "Điểm = Tỷ lệ × 40"], ["", "TỔNG CỘNG", 100],
    ];
    const { set, notes } = importRows([...criteria, [], ...summary], { unitType: "commune" });
    expect(set.title).toContain("BỘ TIÊU CHÍ");
    expect(set.items.map((i) => i.code)).toEqual(["1", "2"]);
    expect(set.items[0]!.children!.map((c) => c.code)).toEqual(["1.1"]);
    expect(notes.map((n) => n.code)).toEqual(["TABLES_ON_SHEET"]);
  });

  it("on a sheet of its own it does not take the first sheet's place", () => {
    const { set } = importRows([], { unitType: "commune" }, [sheetOf(criteria, "PL I"), sheetOf(form("PHIẾU KHẢO SÁT SỰ HÀI LÒNG CỦA NGƯỜI DÂN ĐỐI VỚI UBND CẤP XÃ"), "PL II")]);
    expect(set.maxPoints).toBe(100);
  });
});

describe("two annexes on one sheet without a grand total ending the first (IMP7-5)", () => {
  const H: Value[] = ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
  const so: Value[][] = [
    ["Phụ lục I"], ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH"], H,
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 3, null],
    ["1", "Ban hành kế hoạch CCHC năm", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"],
    ["2", "Tỷ lệ hoàn thành kế hoạch", 2, "Từ 90% trở lên: 2 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm"],
    ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"],
  ];
  const huyen: Value[][] = [
    ["Phụ lục II"], ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"], H,
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 4, null],
    ["1", "Ban hành kế hoạch CCHC năm", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"],
    ["2", "Kiểm tra CCHC đối với cấp xã", 3, "Từ 30% số xã trở lên: 3 điểm; dưới 30%: 0 điểm"],
    [null, "TỔNG CỘNG", 4, null],
    ["Xếp loại: Tốt: từ 85% trở lên; Khá: từ 70% đến dưới 85%; Trung bình: từ 50% đến dưới 70%; Yếu: dưới 50%"],
  ];
  it("a district gets the districts' annex and bands, noted", () => {
    const { set, notes } = importRows([...so, [], ...huyen], { unitType: "district" });
    expect(set.title).toContain("HUYỆN");
    expect(set.items[0]!.children!.map((l) => l.title)).toEqual(["Ban hành kế hoạch CCHC năm", "Kiểm tra CCHC đối với cấp xã"]);
    expect(set.bands.map((b) => b.min)).toEqual([85, 70, 50, 0]);
    expect(notes.map((n) => n.code)).toEqual(["TABLES_ON_SHEET"]);
  });
  it("a department gets its own annex and bands, noted", () => {
    const { set, notes } = importRows([...so, [], ...huyen], { unitType: "department" });
    expect(set.maxPoints).toBe(3);
    expect(set.bands.map((b) => b.min)).toEqual([90, 80, 70, 0]);
    expect(notes.map((n) => n.code)).toEqual(["TABLES_ON_SHEET"]);
  });
});

describe("one sheet per level named only in its tab", () => {
  const annex = (max: number): Value[][] => [
    ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2025"], ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
    ["I", "CÔNG TÁC CHỈ ĐẠO", max], ["1", "Ban hành kế hoạch", max, `Đúng hạn: ${max} điểm; chậm: 0 điểm`],
    ["", "TỔNG CỘNG", max],
  ];
  const sheets = () => [sheetOf(annex(4), "PL1 - Sở"), sheetOf(annex(6), "PL2 - Huyện"), sheetOf(annex(8), "PL3 - Xã, phường")];
  it.each([
    ["department", 4],
    ["district", 6],
    ["commune", 8],
    ["ward", 8],
  ] as const)("%s reads its own tab (the titles name no level)", (unitType, max) => {
    expect(importRows([], { unitType }, sheets()).set.maxPoints).toBe(max);
  });
});
