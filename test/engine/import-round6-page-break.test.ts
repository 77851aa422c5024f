import { describe, expect, it } from "vitest";
import { importRows, XEP_LOAI, type Value } from "./import-round6-helpers.ts";

/**
 * IMP6-1, IMP6-9: an annex pasted from Word or a PDF repeats its header, and the row of column
 * numbers under it, at each page. Neither is a line of the criterion above the break: the "(3)"
 * in the max column had become an option 3 of an all-or-nothing criterion, and "(2): (4)" a
 * band the importer could not use, noted against the criterion.
 */
const H: Value[] = ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm", "Tài liệu kiểm chứng"];
const annex = (numbers: Value[]): Value[][] => [
  ["BỘ CHỈ SỐ CCHC CẤP SỞ NĂM 2025"], [], H, numbers,
  ["I", "BẢO ĐẢM AN TOÀN THÔNG TIN", 12, null, null],
  ["1", "Không để xảy ra sự cố mất an toàn thông tin", 4, "Không để xảy ra sự cố: 4 điểm; Để xảy ra sự cố: 0 điểm", "Báo cáo ATTT"],
  H, numbers,
  ["2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 3, "Từ 90% trở lên: 3 điểm; từ 70% đến dưới 90%: 1 điểm; dưới 70%: 0 điểm", null],
  H, numbers,
  ["3", "Triển khai giám sát an toàn thông tin (SOC)", 5, "Có kết nối với SOC của tỉnh: 5 điểm; Không kết nối: 0 điểm", "Văn bản xác nhận"],
  H, numbers,
  ["", "TỔNG CỘNG", 12, null, null], [], XEP_LOAI,
];

describe("a header repeated at a page break, with its column numbers, is layout (IMP6-1, IMP6-9)", () => {
  it.each([
    ["(1) … (5)", ["(1)", "(2)", "(3)", "(4)", "(5)"]],
    ["1 … 5", [1, 2, 3, 4, 5]],
    ["A … E", ["A", "B", "C", "D", "E"]],
  ])("the numbers row %s adds no option and no note", (_, numbers) => {
    const { set, notes } = importRows(annex(numbers as Value[]));
    const [a, b, c] = set.items[0]!.children!;
    expect(a!.rule).toEqual({ kind: "choice", options: [4, 0] });
    expect(b!.rule).toEqual({ kind: "ratio", bands: [{ min: 90, points: 3 }, { min: 70, points: 1 }, { min: 0, points: 0 }] });
    expect(c!.rule).toEqual({ kind: "choice", options: [5, 0] });
    expect(notes.map((n) => `${n.code}@${n.cell}`)).toEqual([]);
    expect(set.maxPoints).toBe(12);
  });
});
