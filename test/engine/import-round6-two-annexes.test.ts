import { describe, expect, it } from "vitest";
import { importRows, type Value } from "./import-round6-helpers.ts";

/**
 * IMP6-4: a decision copied from Word puts both annexes on one sheet, each with its "Phụ lục"
 * line, title and header. `--unit-type district` read the departments' annex and labelled it
 * district, in silence. The annex whose title names the level asked for is read, and the note
 * says the sheet holds several.
 */
const H: Value[] = ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
const so: Value[][] = [
  ["Phụ lục I"], ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA CÁC SỞ, BAN, NGÀNH"], ["(Kèm theo Quyết định số 50/QĐ-UBND ngày 10/01/2025 của UBND tỉnh)"], H,
  ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 3, null],
  ["1", "Ban hành kế hoạch CCHC năm", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"],
  ["2", "Tỷ lệ hoàn thành kế hoạch", 2, "Từ 90% trở lên: 2 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm"],
  ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 7, null],
  ["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", 4, "Điểm = Tỷ lệ × 4"],
  ["2", "Công bố TTHC kịp thời", 3, "Kịp thời: 3 điểm; chậm: 1,5 điểm; không công bố: 0 điểm"],
  [null, "TỔNG CỘNG", 10, null],
  ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"],
];
const huyen: Value[][] = [
  ["Phụ lục II"], ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC HUYỆN, THỊ XÃ, THÀNH PHỐ"], ["(Kèm theo Quyết định số 50/QĐ-UBND ngày 10/01/2025 của UBND tỉnh)"], H,
  ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 4, null],
  ["1", "Ban hành kế hoạch CCHC năm", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"],
  ["2", "Kiểm tra CCHC đối với cấp xã", 3, "Từ 30% số xã trở lên: 3 điểm; dưới 30%: 0 điểm"],
  ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 6, null],
  ["1", "Tỷ lệ hồ sơ giải quyết đúng hạn", 6, "Điểm = Tỷ lệ × 6"],
  [null, "TỔNG CỘNG", 10, null],
  ["Xếp loại: Tốt: từ 85% trở lên; Khá: từ 70% đến dưới 85%; Trung bình: từ 50% đến dưới 70%; Yếu: dưới 50%"],
];
const sheet = [...so, [], [], ...huyen];

describe("two annexes on one sheet (IMP6-4)", () => {
  it("reads the districts' annex for --unit-type district, noted", () => {
    const { set, notes } = importRows(sheet, { unitType: "district" });
    expect(set.title).toContain("HUYỆN");
    expect(set.items.map((i) => i.max)).toEqual([4, 6]);
    expect(set.items[0]!.children![1]!.max).toBe(3);
    expect(set.bands.map((b) => b.min)).toEqual([85, 70, 50, 0]);
    expect(notes.map((n) => `${n.code}@${n.cell}`)).toEqual(["TABLES_ON_SHEET@PL!A18"]);
    expect(notes[0]!.message).toContain("HUYỆN");
  });

  it("reads the departments' annex for --unit-type department, with its own bands, noted", () => {
    const { set, notes } = importRows(sheet, { unitType: "department" });
    expect(set.title).toContain("SỞ, BAN, NGÀNH");
    expect(set.items.map((i) => i.max)).toEqual([3, 7]);
    expect(set.bands.map((b) => b.min)).toEqual([90, 80, 70, 0]);
    expect(notes.map((n) => n.code)).toEqual(["TABLES_ON_SHEET"]);
  });

  it("reads the first annex, noted, when no title names the level — and its title's level is said (CF3-5)", () => {
    const { set, notes } = importRows(sheet, { unitType: "commune" });
    expect(set.items.map((i) => i.max)).toEqual([3, 7]);
    expect(notes.map((n) => n.code)).toEqual(["TABLES_ON_SHEET", "TITLE_DISAGREES"]);
    expect(notes[1]!.message).toContain("ghi cấp sở, khác với cấp xã");
  });

  it("reads one annex with its page-break header as one table, no note", () => {
    const { set, notes } = importRows([...so.slice(0, 7), H, ...so.slice(7)], { unitType: "department" });
    expect(set.maxPoints).toBe(10);
    expect(notes).toEqual([]);
  });
});
