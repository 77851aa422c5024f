import { describe, expect, it } from "vitest";
import { importRows, type Value } from "./import-round6-helpers.ts";

/**
 * IMP7-9: alternative cases as lettered rows, each worth the parent's max and scored by its own
 * method, were folded into the parent as options ([2; 1; 0], a department at 40 % autonomy could
 * choose 2), and the parent's best-of sentence noted as having no children.
 */
const H: Value[] = ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
const XL: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"];
const kids: Value[][] = [
  ["a)", "Trường hợp có đơn vị sự nghiệp trực thuộc", 2, "Từ 50% đơn vị tự chủ trở lên: 2 điểm; dưới 50%: 1 điểm"],
  ["b)", "Trường hợp không có đơn vị sự nghiệp trực thuộc", 2, "Ban hành kế hoạch sắp xếp: 2 điểm; không ban hành: 0 điểm"],
];
const table = (parent: Value[], extra: Value[][] = [], children = kids): Value[][] => [
  H, ["I", "TỔ CHỨC BỘ MÁY", 3], ["1", "Ban hành kế hoạch", 1, "Có: 1 điểm; không: 0 điểm"], parent, ...extra, ...children, ["", "TỔNG CỘNG", 3], [], XL,
];

describe("lettered alternative cases are children the parent takes the best of (IMP7-9)", () => {
  it.each([
    ["in the method cell", table(["2", "Tự chủ của đơn vị sự nghiệp", 2, "Đơn vị thuộc trường hợp nào thì chấm theo trường hợp đó"])],
    ["in the title", table(["2", "Tự chủ của đơn vị sự nghiệp (đơn vị thuộc trường hợp nào thì chấm điểm theo trường hợp đó)", 2])],
    ["in a note row", table(["2", "Tự chủ của đơn vị sự nghiệp", 2], [["", "Ghi chú: Đơn vị thuộc trường hợp nào thì chấm theo trường hợp đó"]])],
    ["as 'chọn một trong hai'", table(["2", "Tự chủ của đơn vị sự nghiệp", 2, "Chọn một trong hai trường hợp sau"])],
  ])("%s", (_, rows) => {
    const { set, notes } = importRows(rows);
    const parent = set.items[0]!.children![1]!;
    expect(parent.combine).toBe("best");
    expect(parent.max).toBe(2);
    expect(parent.children!.map((c) => [c.code, c.rule])).toEqual([
      ["1.2.1", { kind: "ratio", bands: [{ min: 50, points: 2 }, { min: 0, points: 1 }] }],
      ["1.2.2", { kind: "choice", options: [2, 0] }],
    ]);
    expect(set.maxPoints).toBe(3);
    expect(notes.map((n) => n.code)).not.toContain("BEST_ON_LEAF");
  });

  it("without the sentence, cases each worth the whole and scored their own way are read so too, noted", () => {
    const { set, notes } = importRows(table(["2", "Tự chủ của đơn vị sự nghiệp", 2]));
    const parent = set.items[0]!.children![1]!;
    expect(parent.combine).toBe("best");
    expect(parent.children!.map((c) => c.max)).toEqual([2, 2]);
    expect(set.maxPoints).toBe(3);
    expect(notes.map((n) => `${n.code}@${n.cell}`)).toContain("CASES_READ_AS_BEST@PL!C4");
    expect(notes.find((n) => n.code === "CASES_READ_AS_BEST")!.message).toContain("Trường hợp có đơn vị sự nghiệp trực thuộc");
  });

  it("lettered rows without a method of their own under a criterion stay its options", () => {
    const { set } = importRows(table(["2", "Ban hành quy chế", 2], [], [["a)", "Ban hành kịp thời", 2, null], ["b)", "Ban hành chậm", 1, null], ["c)", "Không ban hành", 0, null]]));
    expect(set.items[0]!.children![1]!.rule).toEqual({ kind: "choice", options: [2, 1, 0] });
  });
});
