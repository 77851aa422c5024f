import { describe, expect, it } from "vitest";
import { importMethods } from "./import-round6-helpers.ts";

/**
 * IMP7-6: b1c2ddf caught a proportional rule's threshold only as "dưới 50%: 0 điểm" after the
 * formula; written as the formula's own condition ("Tỷ lệ từ 50% trở lên: Điểm = Tỷ lệ × 2")
 * or as "từ 50% trở xuống: 0 điểm", it was plain proportional in silence (40 % → 0,8 the
 * decision refuses). IMP7-12: "(điểm được làm tròn 0,5)" was dropped where "(làm tròn đến 0,25
 * điểm)" was noted.
 */
describe("a proportional rule's threshold however it is written (IMP7-6)", () => {
  it.each([
    ["Tỷ lệ từ 50% trở lên: Điểm = Tỷ lệ × 2", "dưới 50%"],
    ["Từ 60% trở lên: Điểm = (Số hồ sơ đúng hạn/Tổng số hồ sơ) x 2", "dưới 60%"],
    ["Trên 30%: điểm = tỷ lệ × 2", "dưới 30%"],
    ["Điểm = Tỷ lệ × 2. Tỷ lệ từ 50% trở xuống: 0 điểm", "từ 50% trở xuống"],
    ["Điểm = Tỷ lệ × 2; 40% trở xuống: không có điểm", "từ 40% trở xuống"],
  ])("%j is scored by hand, the threshold named", (method, said) => {
    const { leaves, notesOf } = importMethods([method], 2);
    expect(leaves[0]!.rule).toEqual({ kind: "manual", step: 0.01 });
    expect(notesOf(1).map((n) => n.code)).toEqual(["PROPORTIONAL_THRESHOLD"]);
    expect(notesOf(1)[0]!.message).toContain(`tỷ lệ ${said}`);
  });

  it("a formula under a rate with the max above it stays proportional (no threshold)", () => {
    const { leaves, notes } = importMethods(["Tỷ lệ đạt 100%: 2 điểm; dưới 100%: Điểm = Tỷ lệ × 2", "Đạt từ 50% trở lên: 2 điểm. Dưới 50%: Điểm = (Tỷ lệ/50%) x 2"], 2);
    expect(leaves.map((l) => l.rule)).toEqual([{ kind: "ratio", proportional: true }, { kind: "ratio", proportional: true, target: 50 }]);
    expect(notes).toEqual([]);
  });
});

describe("a proportional rule's rounding of its points (IMP7-12)", () => {
  it.each([
    ["Điểm đạt được = Tỷ lệ % × 2 (điểm được làm tròn 0,5)", "0,5"],
    ["Điểm = Tỷ lệ × 2 (điểm làm tròn đến 0,25)", "0,25"],
    ["Điểm = Tỷ lệ × 2, làm tròn đến mức 0,5 điểm", "0,5"],
  ])("%j is noted", (method, step) => {
    const { leaves, notesOf } = importMethods([method], 2);
    expect(leaves[0]!.rule).toEqual({ kind: "ratio", proportional: true });
    expect(notesOf(1).map((n) => n.code)).toEqual(["PROPORTIONAL_ROUNDED"]);
    expect(notesOf(1)[0]!.message).toContain(step);
  });

  it.each([["Điểm = Số hồ sơ đúng hạn / Tổng số hồ sơ × 2 (tỷ lệ làm tròn đến 01 chữ số thập phân)"], ["Điểm = Tỷ lệ × 2, điểm làm tròn đến 02 chữ số thập phân"]])("the rate's rounding or hundredths change nothing: %j", (method) => {
    const { leaves, notes } = importMethods([method], 2);
    expect(leaves[0]!.rule).toEqual({ kind: "ratio", proportional: true });
    expect(notes).toEqual([]);
  });
});
