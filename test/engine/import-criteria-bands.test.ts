import { describe, expect, it } from "vitest";
import { readBands } from "../../shared/import-criteria-bands.ts";

const read = (texts: string[], maxPoints = 100) => {
  const notes: string[] = [];
  const bands = readBands(texts.map((text, i) => ({ cell: `S!A${i + 1}`, text })), maxPoints, (code) => notes.push(code));
  return { bands: bands.map((b) => [b.label, b.min]), notes };
};

describe("readBands: the rating bands under a decision's table", () => {
  it.each([
    [["Xếp loại:", "- Loại Tốt: từ 90 điểm trở lên", "- Loại Khá: từ 80 điểm đến dưới 90 điểm", "- Loại Trung bình: từ 70 đến dưới 80 điểm", "- Loại Yếu: dưới 70 điểm"]],
    [["Ghi chú: Xếp loại: Tốt: ≥ 90%; Khá: 80% - < 90%; Trung bình: 70% - < 80%; Yếu: < 70%."]],
    [["Tốt: từ 90 đến 100%; Khá: từ 80 đến dưới 90%; Trung bình: từ 70 đến dưới 80%; Yếu: dưới 70%"]],
  ])("reads a range by its lower end and a symbol as a word: %j", (texts) => {
    expect(read(texts).bands).toEqual([
      ["Tốt", 90],
      ["Khá", 80],
      ["Trung bình", 70],
      ["Yếu", 0],
    ]);
  });

  it.each([
    [["Đơn vị đạt từ 90 điểm trở lên xếp loại Tốt; từ 75 điểm đến dưới 90 điểm xếp loại Khá; từ 60 điểm đến dưới 75 điểm thì được xếp loại Trung bình; dưới 60 điểm xếp loại Yếu."], [["Tốt", 90], ["Khá", 75], ["Trung bình", 60], ["Yếu", 0]]],
    [["Xuất sắc ≥ 90%; Tốt ≥ 80%; Khá ≥ 65%; Yếu < 65%"], [["Xuất sắc", 90], ["Tốt", 80], ["Khá", 65], ["Yếu", 0]]],
  ])("reads the label after its bound, and a sign after the label with no colon: %j", (texts, bands) => {
    expect(read(texts)).toEqual({ bands, notes: [] });
  });

  it.each([
    [["Xếp loại: Xuất sắc: 90 - 100 điểm; Tốt: 80 - dưới 90 điểm; Khá: 70 - dưới 80 điểm; Trung bình: 50 - dưới 70 điểm; Yếu: dưới 50 điểm"], [["Xuất sắc", 90], ["Tốt", 80], ["Khá", 70], ["Trung bình", 50], ["Yếu", 0]]],
    [["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình (từ 65% đến dưới 80%); Yếu: dưới 65%"], [["Tốt", 90], ["Khá", 80], ["Trung bình", 65], ["Yếu", 0]]],
    [["Phân loại: Loại A (Tốt): từ 90% trở lên; Loại B (Khá): từ 80% đến dưới 90%; Loại C (Trung bình): từ 70% đến dưới 80%; Loại D (Yếu): dưới 70%"], [["Tốt", 90], ["Khá", 80], ["Trung bình", 70], ["Yếu", 0]]],
  ])("reads a range whose unit follows its upper end, and a band in brackets: %j", (texts, bands) => {
    expect(read(texts)).toEqual({ bands, notes: [] });
  });

  it("reads bands in points above the set's max as a 100-point scale, not points of the set", () => {
    expect(read(["Xếp loại: Xuất sắc: 90 - 100 điểm; Tốt: 80 - dưới 90 điểm; Yếu: dưới 80 điểm"], 6).bands).toEqual([["Xuất sắc", 90], ["Tốt", 80], ["Yếu", 0]]);
  });

  it("notes a band the line names but whose threshold it could not read", () => {
    expect(read(["Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình là còn lại trên mức Yếu; Yếu: dưới 70%"])).toEqual({
      bands: [["Tốt", 90], ["Khá", 80], ["Yếu", 0]],
      notes: ["BAND_UNREAD"],
    });
  });

  it("keeps a strict band as its bound, noted", () => {
    expect(read(["Tốt: trên 90%; Khá: trên 80 đến 90%; Yếu: dưới 80%"])).toEqual({
      bands: [
        ["Tốt", 90],
        ["Khá", 80],
        ["Yếu", 0],
      ],
      notes: ["BAND_STRICT_AS_MIN", "BAND_STRICT_AS_MIN"],
    });
  });
});
