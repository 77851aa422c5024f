import { describe, expect, it } from "vitest";
import { importRows, XEP_LOAI } from "./import-round6-helpers.ts";

/**
 * IMP6-14: a condition on another criterion written "Nếu không ban hành Kế hoạch tại tiêu chí
 * 1.1 thì tiêu chí này được 0 điểm" or "Điều kiện: đã ban hành Kế hoạch CCHC năm (tiêu chí
 * 1.1)" was dropped, with no note. IMP6-15: "Đơn vị thuộc trường hợp nào thì chấm theo trường
 * hợp đó", "Chấm theo trường hợp có lợi cho đơn vị" on a parent's row are alternatives.
 */
const H = ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
const plan = ["1.1", "Ban hành kế hoạch CCHC năm", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"];

describe("a condition naming another criterion (IMP6-14)", () => {
  it.each([
    ["Từ 90% trở lên: 1 điểm; dưới 90%: 0 điểm. Nếu không ban hành Kế hoạch tại tiêu chí 1.1 thì tiêu chí này được 0 điểm"],
    ["Có: 1 điểm; không: 0 điểm. Điều kiện: đã ban hành Kế hoạch CCHC năm (tiêu chí 1.1)"],
    ["Có: 1 điểm; không: 0 điểm. Trường hợp chưa ban hành kế hoạch theo tiêu chí 1.1 thì tiêu chí này không có điểm"],
  ])("%j requires 1.1 scored", (method) => {
    const { set, notes } = importRows([H, ["I", "CHỈ ĐẠO", 2, null], plan, ["1.2", "Thực hiện kế hoạch", 1, method], [], XEP_LOAI]);
    expect(set.items[0]!.children![1]!.requires).toEqual({ code: "1.1", atLeast: 0.5 });
    expect(notes).toEqual([]);
  });

  it("notes an 'Điều kiện:' it cannot write as a requirement", () => {
    const { set, notes } = importRows([H, ["I", "CHỈ ĐẠO", 2, null], plan, ["1.2", "Thực hiện kế hoạch", 1, "Có: 1 điểm; không: 0 điểm. Điều kiện: tiêu chí 1.1 được đánh giá tốt"], [], XEP_LOAI]);
    expect(set.items[0]!.children![1]!.requires).toBeUndefined();
    expect(notes.map((n) => n.code)).toEqual(["REQUIREMENT_UNREAD"]);
  });
});

describe("cases the unit is scored by the one it falls in (IMP6-15)", () => {
  it.each([["Đơn vị thuộc trường hợp nào thì chấm theo trường hợp đó"], ["Chấm theo trường hợp có lợi cho đơn vị"]])("%j", (method) => {
    const { set, notes } = importRows([
      H,
      ["I", "TÀI CHÍNH CÔNG", 2, null],
      ["1", "Thực hiện cơ chế tự chủ", 2, method],
      ["1.1", "Đơn vị tự bảo đảm chi thường xuyên", 2, "Có: 2 điểm; Không: 0 điểm"],
      ["1.2", "Đơn vị do ngân sách bảo đảm: tiết kiệm chi", 2, "Tiết kiệm từ 10% trở lên: 2 điểm; dưới 10%: 1 điểm"],
      [null, "Tổng cộng", 2, null],
      [],
      XEP_LOAI,
    ]);
    expect(set.maxPoints).toBe(2);
    expect(set.items[0]!.children![0]).toMatchObject({ max: 2, combine: "best" });
    expect(notes).toEqual([]);
  });
});
