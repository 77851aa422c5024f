import { describe, expect, it } from "vitest";
import { importMethods } from "./import-round6-helpers.ts";

/**
 * IMP6-5, IMP6-13: what a criterion gets when there was nothing to do, said the ways decisions
 * say it. "Không phát hiện vấn đề phải xử lý thì được điểm tối đa" is "nothing arose" (full
 * points); "không đánh giá tiêu chí này", "loại trừ tiêu chí này khi tính tổng điểm" take the
 * criterion out of the maximum. Each had been dropped without a word.
 */
const BANDS = "Xử lý 100%: 1 điểm; dưới 100%: 0 điểm. ";
const OPTIONS = "Thực hiện đúng: 1 điểm; không đúng: 0 điểm. ";

describe("'không phát hiện … thì được điểm tối đa' is nothing arose (IMP6-5)", () => {
  it.each([
    ["Không phát hiện vấn đề phải xử lý thì được điểm tối đa"],
    ["Trường hợp không kiểm tra phát hiện vấn đề thì được điểm tối đa"],
    ["Không phát hiện sai phạm: 1 điểm"],
    ["Nếu qua kiểm tra không phát hiện sai phạm thì được tính điểm tối đa."],
  ])("%j beside rate bands", (words) => {
    const { leaves, notesOf } = importMethods([BANDS + words]);
    expect(leaves[0]!.notApplicable).toBe("full");
    expect(leaves[0]!.rule).toEqual({ kind: "ratio", bands: [{ min: 100, points: 1 }, { min: 0, points: 0 }] });
    expect(notesOf(1)).toEqual([]);
  });

  it("keeps 'Không phát hiện sai phạm: 1 điểm; phát hiện sai phạm: 0 điểm' an option list", () => {
    const { leaves } = importMethods(["Không phát hiện sai phạm: 1 điểm; phát hiện sai phạm: 0 điểm"]);
    expect(leaves[0]!.rule).toEqual({ kind: "choice", options: [1, 0] });
    expect(leaves[0]!.notApplicable).toBeUndefined();
  });
});

describe("a criterion not assessed when it does not apply leaves the maximum (IMP6-13)", () => {
  it.each([
    ["Cơ quan không có đơn vị sự nghiệp thì không đánh giá tiêu chí này"],
    ["Đơn vị không có đơn vị trực thuộc thì loại trừ tiêu chí này khi tính tổng điểm"],
    ["Trường hợp không phát sinh thì không chấm điểm tiêu chí này"],
    ["Trường hợp không phát sinh thì không tính điểm tiêu chí này"],
    ["Không phát sinh: không chấm"],
    ["Trường hợp không có đơn vị trực thuộc thì không xét tiêu chí này."],
  ])("%j", (words) => {
    const { leaves, notesOf } = importMethods([OPTIONS + words]);
    expect(leaves[0]!.notApplicable).toBe("exclude");
    expect(leaves[0]!.rule).toEqual({ kind: "choice", options: [1, 0] });
    expect(notesOf(1)).toEqual([]);
  });

  it("notes a 'không phát sinh' clause whose outcome it cannot tell, never drops it", () => {
    const { leaves, notesOf } = importMethods([OPTIONS + "Không phát sinh thì không tính điểm"]);
    expect(leaves[0]!.notApplicable).toBeUndefined();
    expect(notesOf(1).length).toBeGreaterThan(0);
  });
});
