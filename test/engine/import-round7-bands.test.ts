import { describe, expect, it } from "vitest";
import { importRows, type Value } from "./import-round6-helpers.ts";

/**
 * IMP7-10: 4d40584 read the xếp loại laid out as a two-column table; numbered as most annexes
 * number it ("1 | Xuất sắc | Từ 90 điểm trở lên") or written with ≥ / < as bare numbers, it got
 * the default bands and a note saying the decision had none.
 */
const H: Value[] = ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
const body = (max = 100): Value[][] => [
  ["BỘ CHỈ SỐ CCHC CẤP SỞ"], H,
  ["I", "LĨNH VỰC A", max * 0.6], ["1", "Ban hành kế hoạch", max * 0.6, `Đúng hạn: ${max * 0.6} điểm; không ban hành: 0 điểm`],
  ["II", "LĨNH VỰC B", max * 0.4], ["1", "Công khai TTHC", max * 0.4, `Đầy đủ: ${max * 0.4} điểm; không đầy đủ: 0 điểm`],
  ["", "TỔNG CỘNG", max], [],
];

describe("a xếp loại table numbered or written with ≥ / < (IMP7-10)", () => {
  it.each([
    ["numbered 1 …", [["", "XẾP LOẠI"], ["1", "Xuất sắc", "Từ 90 điểm trở lên"], ["2", "Tốt", "Từ 80 đến dưới 90 điểm"], ["3", "Khá", "Từ 65 đến dưới 80 điểm"], ["4", "Trung bình", "Dưới 65 điểm"]], ["Xuất sắc", "Tốt", "Khá", "Trung bình"]],
    ["numbered 1. …", [["", "XẾP LOẠI"], ["1.", "Xuất sắc", "Từ 90% trở lên"], ["2.", "Tốt", "Từ 80% đến dưới 90%"], ["3.", "Khá", "Từ 65% đến dưới 80%"], ["4.", "Trung bình", "Dưới 65%"]], ["Xuất sắc", "Tốt", "Khá", "Trung bình"]],
    ["with ≥ / <", [["", "Xếp loại", "Điểm"], ["", "Tốt", "≥ 90"], ["", "Khá", "≥ 80 và < 90"], ["", "Trung bình", "≥ 65 và < 80"], ["", "Yếu", "< 65"]], ["Tốt", "Khá", "Trung bình", "Yếu"]],
  ])("%s", (_, grading, labels) => {
    const { set, notes } = importRows([...body(), ...(grading as Value[][])]);
    expect(set.bands).toEqual((labels as string[]).map((label, i) => ({ label, min: [90, 80, 65, 0][i] })));
    expect(notes.map((n) => n.code)).not.toContain("BANDS_DEFAULT");
  });

  it("bare numbers on a 50-point set are its points, noted as percent", () => {
    const { set, notes } = importRows([...body(50), ["", "Xếp loại", "Điểm"], ["", "Tốt", "≥ 45"], ["", "Khá", "≥ 40 và < 45"], ["", "Trung bình", "≥ 32,5 và < 40"], ["", "Yếu", "< 32,5"]]);
    expect(set.bands.map((b) => b.min)).toEqual([90, 80, 65, 0]);
    expect(notes.map((n) => n.code)).toContain("BAND_IN_POINTS");
  });
});
