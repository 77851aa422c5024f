import { describe, expect, it } from "vitest";
import { importRows, XEP_LOAI } from "./import-round6-helpers.ts";

/**
 * IMP6-7: criteria numbered on across fields ("I | CÔNG TÁC CHỈ ĐẠO | 6" over 1, 2, then "II |
 * CẢI CÁCH TTHC | 4" over 3, 4). The set keeps the decision's numbers (a unit's workbook in the
 * same layout is read with them), so the Roman rows cannot be the criteria's parents; they had
 * been dropped in silence, and now the note names them.
 */
describe("field rows over criteria numbered on across them (IMP6-7)", () => {
  it("keeps the criteria's own numbers and notes the field rows it could not place", () => {
    const { set, notes } = importRows([
      ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 6, null],
      ["1", "Kế hoạch CCHC năm", 2, "Kịp thời: 2 điểm; chậm: 1 điểm; không ban hành: 0 điểm"],
      ["2", "Tuyên truyền CCHC", 4, "Đầy đủ: 4 điểm; không đầy đủ: 2 điểm; không thực hiện: 0 điểm"],
      ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 4, null],
      ["3", "Niêm yết, công khai TTHC", 2, "Đầy đủ: 2 điểm; không đầy đủ: 0 điểm"],
      ["4", "Xử lý phản ánh, kiến nghị", 2, "Đúng hạn: 2 điểm; trễ hạn: 0 điểm"],
      [null, "TỔNG CỘNG", 10, null],
      [],
      XEP_LOAI,
    ], { unitType: "commune" });
    expect(set.maxPoints).toBe(10);
    expect(set.items.map((i) => i.code)).toEqual(["1", "2", "3", "4"]);
    expect(notes.map((n) => `${n.code}@${n.cell}`)).toEqual(["FIELDS_NUMBERED_ON@PL!B2"]);
    expect(notes[0]!.message).toContain("II");
  });

  it("notes them too when a criterion under them has sub-criteria (3.1, 3.2): they were dropped in silence there", () => {
    const { set, notes } = importRows([
      ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
      ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", 3, null],
      ["1", "Ban hành kế hoạch CCHC", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"],
      ["2", "Báo cáo CCHC", 2, "Đầy đủ, đúng hạn: 2 điểm; chậm: 1 điểm"],
      ["II", "THỦ TỤC HÀNH CHÍNH", 4, null],
      ["3", "Giải quyết TTHC", 4, null],
      ["3.1", "Tỷ lệ đúng hạn", 2, "Đạt 100%: 2 điểm; từ 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm"],
      ["3.2", "Tỷ lệ trực tuyến", 2, "Đạt 50% trở lên: 2 điểm; dưới 50%: 0 điểm"],
      [null, "TỔNG CỘNG", 7, null],
      [],
      XEP_LOAI,
    ], { unitType: "commune" });
    expect(set.items.map((i) => i.code)).toEqual(["1", "2", "3"]);
    expect(set.items[2]!.children?.map((i) => i.code)).toEqual(["3.1", "3.2"]);
    expect(notes.map((n) => `${n.code}@${n.cell}`)).toEqual(["FIELDS_NUMBERED_ON@PL!B2"]);
    expect(notes[0]!.message).toContain("II THỦ TỤC HÀNH CHÍNH");
  });

  it("fields over sub-criteria numbered within each field (1.1, 2.1) are parents: no note", () => {
    const { set, notes } = importRows([
      ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
      ["I", "CÔNG TÁC CHỈ ĐẠO ĐIỀU HÀNH", 3, null],
      ["1", "Kế hoạch", 3, null],
      ["1.1", "Ban hành kế hoạch CCHC", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"],
      ["1.2", "Báo cáo CCHC", 2, "Đầy đủ, đúng hạn: 2 điểm; chậm: 1 điểm"],
      ["II", "THỦ TỤC HÀNH CHÍNH", 4, null],
      ["1", "Giải quyết TTHC", 4, null],
      ["1.1", "Tỷ lệ đúng hạn", 2, "Đạt 100%: 2 điểm; từ 90% đến dưới 100%: 1 điểm; dưới 90%: 0 điểm"],
      ["1.2", "Tỷ lệ trực tuyến", 2, "Đạt 50% trở lên: 2 điểm; dưới 50%: 0 điểm"],
      [null, "TỔNG CỘNG", 7, null],
      [],
      XEP_LOAI,
    ], { unitType: "commune" });
    expect(set.maxPoints).toBe(7);
    expect(notes.map((n) => n.code)).not.toContain("FIELDS_NUMBERED_ON");
  });
});
