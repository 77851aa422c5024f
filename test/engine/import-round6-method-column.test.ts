import { describe, expect, it } from "vitest";
import { importRows, XEP_LOAI } from "./import-round6-helpers.ts";

/**
 * IMP6-8: the method column under labels the importer did not know ("Nội dung chấm điểm",
 * "Mức độ đánh giá", "Thang điểm đánh giá", "Điểm chấm") was not read: every leaf became
 * `manual`, with no note. A column whose cells on the criteria rows say "… : N điểm" holds the
 * method whatever its label.
 */
const annex = (label: string) => [
  ["BỘ CHỈ SỐ CCHC CẤP SỞ NĂM 2025"],
  ["STT", "Tiêu chí", "Điểm tối đa", label, "Tài liệu kiểm chứng"],
  ["I", "CHỈ ĐẠO, ĐIỀU HÀNH", 3, null, null],
  ["1", "Ban hành kế hoạch CCHC", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm", "Kế hoạch"],
  ["2", "Tỷ lệ hoàn thành kế hoạch", 2, "Từ 90% trở lên: 2 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm", "Báo cáo"],
  [null, "TỔNG CỘNG", 3, null, null],
  [],
  XEP_LOAI,
];

describe("the method column under any label (IMP6-8)", () => {
  it.each([["Nội dung chấm điểm"], ["Mức độ đánh giá"], ["Thang điểm đánh giá"], ["Điểm chấm"], ["Nội dung"]])("%j", (label) => {
    const { set, notes } = importRows(annex(label));
    expect(set.items[0]!.children!.map((c) => c.rule)).toEqual([
      { kind: "choice", options: [1, 0.5, 0] },
      { kind: "ratio", bands: [{ min: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] },
    ]);
    expect(notes).toEqual([]);
  });
});
