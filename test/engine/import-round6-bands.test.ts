import { describe, expect, it } from "vitest";
import { importRows, type Value } from "./import-round6-helpers.ts";

/**
 * IMP6-12: xếp loại laid out as a small table under the criteria ("Tốt | Từ 90 điểm trở lên")
 * was not read, and the note said the decision had none; the national grouping's words
 * ("Nhóm A: từ 90% trở lên; …") neither.
 */
const body: Value[][] = [
  ["BỘ CHỈ SỐ CCHC"],
  ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"],
  ["I", "CÔNG TÁC CHỈ ĐẠO", 100, null],
  ["1", "Ban hành kế hoạch", 100, "Có: 100 điểm; Không: 0 điểm"],
  [null, "Tổng cộng", 100, null],
  [],
];

describe("xếp loại under the table in other layouts (IMP6-12)", () => {
  it("reads a two-column table of labels and ranges", () => {
    const { set, notes } = importRows([...body, ["XẾP LOẠI"], ["Tốt", "Từ 90 điểm trở lên"], ["Khá", "Từ 80 đến dưới 90 điểm"], ["Trung bình", "Từ 65 đến dưới 80 điểm"], ["Yếu", "Dưới 65 điểm"]]);
    expect(set.bands).toEqual([
      { label: "Tốt", min: 90 },
      { label: "Khá", min: 80 },
      { label: "Trung bình", min: 65 },
      { label: "Yếu", min: 0 },
    ]);
    expect(notes).toEqual([]);
  });

  it("reads the national grouping's 'Nhóm A … D'", () => {
    const { set, notes } = importRows([...body, ["Phân nhóm: Nhóm A: từ 90% trở lên; Nhóm B: từ 80% đến dưới 90%; Nhóm C: từ 70% đến dưới 80%; Nhóm D: dưới 70%"]]);
    expect(set.bands).toEqual([
      { label: "Nhóm A", min: 90 },
      { label: "Nhóm B", min: 80 },
      { label: "Nhóm C", min: 70 },
      { label: "Nhóm D", min: 0 },
    ]);
    expect(notes).toEqual([]);
  });
});
