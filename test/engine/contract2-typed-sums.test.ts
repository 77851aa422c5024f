/**
 * CF2-1, CF2-2 (contract tester, round 2): SUM_MISMATCH combines a parent's typed scores "the same
 * way" as TOTAL_MISMATCH (CRITERIA-FORMAT.md §6): survey leaves out (their self-score is ignored,
 * §1), a blank ratio or count leaf at its computed score, a best parent at its best alternative as
 * the engine scores it. A subtotal right by those rules draws neither warning; a wrong one is told
 * the figure that draws neither.
 */
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, scoreWorkbook, type CriteriaSet, type Report } from "../../shared/index.ts";
import { sheetOf, type Value } from "./merged-header-helpers.ts";

const HEAD: Value[] = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];

function setOf(maxPoints: number, items: unknown[]): CriteriaSet {
  const parsed = parseCriteriaSet({
    id: "cf2-sums", title: "Tổng tự cộng", year: 2024, unitType: "district", period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }], items,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
}
const mismatches = (report: Report) => report.findings.filter((f) => /^(SUM|TOTAL)_MISMATCH$/.test(f.code)).map((f) => `${f.code} ${f.message}`);

describe("CF2-1: a survey leaf's self-score is in no typed sum", () => {
  const set = setOf(6, [{ code: "1", title: "Lĩnh vực 1", max: 6, children: [
    { code: "1.1", title: "Tiêu chí 1.1", max: 2 }, { code: "1.2", title: "Tiêu chí 1.2", max: 2 },
    { code: "1.3", title: "Khảo sát", max: 2, rule: { kind: "survey" } } ] }]);
  const grid = (t: number) => sheetOf([HEAD, ["1", "Lĩnh vực 1", 6, "", "", t, ""], ["1.1", "Tiêu chí 1.1", 2, "", "", 1, ""], ["1.2", "Tiêu chí 1.2", 2, "", "", 1, ""],
    ["1.3", "Khảo sát", 2, "", "", 2, ""], ["", "Tổng cộng", 6, "", "", t, ""]], []);

  it("field and total typed 1 + 1 = 2 (the survey's 2 ignored): neither warning", () => {
    const report = scoreWorkbook(grid(2), set);
    expect(mismatches(report)).toEqual([]);
    expect(report.findings.some((f) => f.code === "SURVEY_SCORED")).toBe(true);
  });
  it("field typed 4 (Excel's SUM over the survey's 2 too) is taken as that SUM; the totals row is told 2", () => {
    const messages = mismatches(scoreWorkbook(grid(4), set));
    expect(messages.find((m) => m.startsWith("SUM_MISMATCH"))).toBeUndefined();
    expect(messages.find((m) => m.startsWith("TOTAL_MISMATCH"))).toContain("cộng lại là 2");
  });
  it("field typed 5: SUM_MISMATCH names 2, as TOTAL_MISMATCH does, never 4", () => {
    const messages = mismatches(scoreWorkbook(sheetOf([HEAD, ["1", "Lĩnh vực 1", 6, "", "", 5, ""], ["1.1", "Tiêu chí 1.1", 2, "", "", 1, ""], ["1.2", "Tiêu chí 1.2", 2, "", "", 1, ""],
      ["1.3", "Khảo sát", 2, "", "", 2, ""], ["", "Tổng cộng", 6, "", "", 2, ""]], []), set));
    expect(messages).toEqual([expect.stringContaining("SUM_MISMATCH Điểm của mục 1 là 5 nhưng tổng điểm các tiêu chí thành phần là 2")]);
  });
});

describe("CF2-2: SUM_MISMATCH names the §6 sum", () => {
  // 1.3 ratio "100%" → 2, 1.4 count 2 × 1 → 2, 1.5 base 2 with 0 late → 2; 1.1, 1.2, 1.6 typed 2:
  // §6's sum is 2 + 2 + 2 + 2 + 2 + 2 = 12; Excel's SUM of the typed cells is 6.
  const set = setOf(12, [{ code: "1", title: "Lĩnh vực 1", max: 12, children: [
    { code: "1.1", title: "A", max: 2 }, { code: "1.2", title: "B", max: 2 },
    { code: "1.3", title: "Tỷ lệ", max: 2, rule: { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 0, points: 0 }] } },
    { code: "1.4", title: "Đếm", max: 2, rule: { kind: "count", each: 1 } },
    { code: "1.5", title: "Báo cáo chậm", max: 2, rule: { kind: "count", each: -1, base: 2 } },
    { code: "1.6", title: "C", max: 2 } ] }]);
  const grid = (p: number) => sheetOf([HEAD, ["1", "Lĩnh vực 1", 12, "", "", p, ""], ["1.1", "A", 2, "", "", 2, ""], ["1.2", "B", 2, "", "", 2, ""],
    ["1.3", "Tỷ lệ", 2, "100%", "", "", ""], ["1.4", "Đếm", 2, 2, "", "", ""], ["1.5", "Báo cáo chậm", 2, 0, "", "", ""], ["1.6", "C", 2, "", "", 2, ""],
    ["", "Tổng cộng", 12, "", "", 12, ""]], []);

  it.each([12, 6])("field typed %s: accepted", (p) => {
    expect(mismatches(scoreWorkbook(grid(p), set))).toEqual([]);
  });
  it("field typed 99: told 12 (what the totals row adds), never 6", () => {
    const report = scoreWorkbook(grid(99), set);
    expect(report.total).toBe(12);
    const sum = report.findings.find((f) => f.code === "SUM_MISMATCH")!;
    expect(sum.message).toContain("là 99 nhưng tổng điểm các tiêu chí thành phần là 12");
  });

  it("a best parent is told its best alternative as scored: 2 (ratio 95 %), not the typed −0,5", () => {
    const best = setOf(2, [{ code: "1", title: "Lĩnh vực 1", max: 2, children: [
      { code: "1.1", title: "Phương án tốt nhất", max: 2, combine: "best", children: [
        { code: "1.1.1", title: "Phương án A", max: 2, min: -0.5 },
        { code: "1.1.2", title: "Phương án B", max: 2, rule: { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 0, points: 0 }] } } ] } ] }]);
    const report = scoreWorkbook(sheetOf([HEAD, ["1", "Lĩnh vực 1", 2, "", "", "", ""], ["1.1", "Phương án tốt nhất", 2, "", "", 3, ""],
      ["1.1.1", "Phương án A", 2, "", "", "-0,5", ""], ["1.1.2", "Phương án B", 2, "95%", "", "", ""]], []), best);
    expect(report.total).toBe(2);
    expect(report.findings.find((f) => f.code === "SUM_MISMATCH")?.message).toContain("là 3 nhưng phương án có điểm cao nhất được 2:");
  });
});

describe("a wrong subtotal is told at its own row, not again at the right rows above it", () => {
  // 1 (3) = 1.1 (1) + 1.2 (2); 1.2 (2) = 1.2.1 (1) + 1.2.2 (1): 1.2.2 typed 0,5 makes 1.2 wrong.
  const set = setOf(3, [{ code: "1", title: "Lĩnh vực 1", max: 3, children: [
    { code: "1.1", title: "A", max: 1 },
    { code: "1.2", title: "B", max: 2, children: [{ code: "1.2.1", title: "B1", max: 1 }, { code: "1.2.2", title: "B2", max: 1 }] } ] }]);
  const grid = (field: number, sub: number) => sheetOf([HEAD, ["1", "Lĩnh vực 1", 3, "", "", field, ""], ["1.1", "A", 1, "", "", 1, ""], ["1.2", "B", 2, "", "", sub, ""],
    ["1.2.1", "B1", 1, "", "", 1, ""], ["1.2.2", "B2", 1, "", "", 0.5, ""]], []);

  it("field typed 3 (1 + 2, the rows just beneath): only 1.2 is told 1,5", () => {
    expect(mismatches(scoreWorkbook(grid(3, 2), set))).toEqual([expect.stringContaining("SUM_MISMATCH Điểm của mục 1.2 là 2 nhưng tổng điểm các tiêu chí thành phần là 1,5")]);
  });
  it("field typed 2,5 (a SUM over the leaves): accepted too", () => {
    expect(mismatches(scoreWorkbook(grid(2.5, 2), set))).toEqual([expect.stringContaining("SUM_MISMATCH Điểm của mục 1.2 là 2")]);
  });
  it("field typed 4: told 3, what the rows just beneath add to", () => {
    const messages = mismatches(scoreWorkbook(grid(4, 2), set));
    expect(messages).toHaveLength(2);
    expect(messages).toContainEqual(expect.stringContaining("Điểm của mục 1 là 4 nhưng tổng điểm các tiêu chí thành phần là 3"));
  });
  it("every subtotal right: no warning", () => {
    expect(mismatches(scoreWorkbook(sheetOf([HEAD, ["1", "Lĩnh vực 1", 3, "", "", 2.5, ""], ["1.1", "A", 1, "", "", 1, ""], ["1.2", "B", 2, "", "", 1.5, ""],
      ["1.2.1", "B1", 1, "", "", 1, ""], ["1.2.2", "B2", 1, "", "", 0.5, ""]], []), set))).toEqual([]);
  });
});
