import { describe, expect, it } from "vitest";
import { countInText, readDeclaredCount } from "../../shared/declared-data.ts";
import { codes, EV, score, scores, setOf } from "./v2-helpers.ts";

/**
 * The tenth red-team round (a Sở's reports): "báo cáo 6 tháng" is a report's name, yet its 6
 * was taken for the count of late reports (0 points for a unit with none late); "Chậm 2/4 báo
 * cáo" and "Gửi đúng hạn 4/4 báo cáo" were no data at all.
 */
describe("counts beside the names of reports", () => {
  it.each([
    ["Gửi đúng hạn 4/4 báo cáo (quý I, 6 tháng, quý III, năm)", 0],
    ["Đầy đủ, đúng hạn (quý I, 6 tháng, quý III, năm)", 0],
    ["Chậm báo cáo 6 tháng (01 báo cáo)", 1],
    ["Chậm 01 báo cáo 6 tháng", 1],
    ["Chậm 2/4 báo cáo", 2],
    ["Gửi đúng hạn 4/4 báo cáo", 0],
    ["Báo cáo tháng 6 chậm 1 lần", 1],
    ["Quý 2 chậm 1 báo cáo", 1],
    ["Đã triển khai 3 ứng dụng", 3],
  ])("%j counts %d", (text, n) => {
    expect(readDeclaredCount({ v: text })).toBe(n);
  });

  it("a share of on-time reports that is not all of them says nothing of the late ones (no data, said)", () => {
    expect(countInText("Gửi đúng hạn 3/4 báo cáo")).toBeNull();
    expect(countInText("9 tháng đầu năm")).toBeNull();
  });

  it("a deduction per late report scores from it", () => {
    const set = setOf([
      { code: "1.1", title: "Kế hoạch", max: 1 },
      { code: "1.2", title: "Báo cáo định kỳ (trừ 0,5 điểm mỗi báo cáo chậm)", max: 2, rule: { kind: "count", base: 2, each: -0.5 } },
    ]);
    const report = score(set, [["1", "Lĩnh vực 1", 3], ["1.1", "Kế hoạch", 1, null, 1, EV], ["1.2", "Báo cáo định kỳ", 2, "Gửi đúng hạn 4/4 báo cáo (quý I, 6 tháng, quý III, năm)", 2, EV]]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.2"]).toBe(2);
  });
});
