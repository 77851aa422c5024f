import { describe, expect, it } from "vitest";
import { importMethods } from "./import-round6-helpers.ts";

/**
 * IMP6-11: a proportional rule with a threshold ("Điểm = Tỷ lệ × 2; tỷ lệ dưới 50%: 0 điểm")
 * had lost the threshold in silence, so a unit at 40 % got 0,8 the decision refuses; a set's
 * proportional rule cannot hold a threshold, so the leaf is scored by hand, noted. "Số hồ sơ
 * đúng hạn / tổng số hồ sơ × 2 (làm tròn đến 0,25 điểm)" is a proportional rule, not the only
 * option 0,25; its rounding, which the set cannot say, is noted.
 */
describe("proportional rules with a threshold or a rounding (IMP6-11)", () => {
  it.each([
    ["Điểm = Tỷ lệ × 2; tỷ lệ dưới 50%: 0 điểm", 50],
    ["Điểm = Tỷ lệ × 2. Trường hợp tỷ lệ dưới 80% thì không có điểm", 80],
    ["Điểm = (Số hồ sơ đúng hạn/Tổng số hồ sơ) x 2; dưới 70%: không có điểm", 70],
  ])("%j is scored by hand, the threshold named", (method, below) => {
    const { leaves, notesOf } = importMethods([method], 2);
    expect(leaves[0]!.rule).toEqual({ kind: "manual", step: 0.01 });
    expect(notesOf(1).map((n) => n.code)).toEqual(["PROPORTIONAL_THRESHOLD"]);
    expect(notesOf(1)[0]!.message).toContain(`dưới ${below}%`);
  });

  it("reads a fraction times the max as proportional and notes its rounding", () => {
    const { leaves, notesOf } = importMethods(["Điểm = số hồ sơ đúng hạn / tổng số hồ sơ × 2 (làm tròn đến 0,25 điểm)"], 2);
    expect(leaves[0]!.rule).toEqual({ kind: "ratio", proportional: true });
    expect(notesOf(1).map((n) => n.code)).toEqual(["PROPORTIONAL_ROUNDED"]);
    expect(notesOf(1)[0]!.message).toContain("0,25");
  });

  it("keeps the documented readings: a target from 'đạt từ 80% trở lên được điểm tối đa', a formula below the top band", () => {
    const { leaves, notes } = importMethods(["Điểm = Tỷ lệ × 2; đạt từ 80% trở lên được điểm tối đa", "Đạt từ 50% trở lên: 2 điểm. Dưới 50%: Điểm = (Tỷ lệ/50%) x 2"], 2);
    expect(leaves.map((l) => l.rule)).toEqual([{ kind: "ratio", proportional: true, target: 80 }, { kind: "ratio", proportional: true, target: 50 }]);
    expect(notes.map((n) => n.code)).toEqual([]);
  });
});
