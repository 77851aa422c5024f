import { describe, expect, it } from "vitest";
import { importRows, type Value } from "./import-round6-helpers.ts";

/**
 * IMP6-2: field rows numbered "1." / "1" in the STT column, criteria coded in their titles
 * ("1.1. Ban hành kế hoạch CCHC năm") with a blank STT. The field rows were dropped: fields
 * invented as "Lĩnh vực n", and the "ĐIỂM THƯỞNG, ĐIỂM TRỪ" field's points counted in the max.
 */
const annex = (f1: Value, f2: Value): Value[][] => [
  ["BỘ TIÊU CHÍ CCHC CẤP HUYỆN NĂM 2024"],
  ["STT", "Nội dung tiêu chí", "Điểm tối đa", "Cách chấm"],
  [f1, "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 3, null],
  [null, "1.1. Ban hành kế hoạch CCHC năm", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"],
  [null, "1.2. Kiểm tra CCHC", 2, "Từ 30% số xã trở lên: 2 điểm; dưới 30%: 0 điểm"],
  [f2, "ĐIỂM THƯỞNG, ĐIỂM TRỪ", null, null],
  [null, "2.1. Được khen thưởng về CCHC", 1, "Bằng khen: 1 điểm; Giấy khen: 0,5 điểm"],
  [null, "Tổng cộng", 3, null],
  [],
  ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"],
];

describe("field numbers in the STT column over criteria coded in their titles (IMP6-2)", () => {
  it.each([
    ["1.", "2."],
    ["1", "2"],
    [1, 2],
  ])("fields %j and %j keep their titles, maxima and the bonus field", (f1, f2) => {
    const { set, notes } = importRows(annex(f1, f2), { unitType: "district", year: 2024 });
    expect(set.maxPoints).toBe(3);
    expect(set.items.map((i) => [i.code, i.title, i.max, i.adjustment ?? false])).toEqual([
      ["1", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 3, false],
      ["2", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", undefined, true],
    ]);
    expect(set.items[1]!.children![0]!.rule).toEqual({ kind: "choice", options: [1, 0.5, 0] });
    expect(notes.map((n) => n.code)).toEqual([]);
  });
});
