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
