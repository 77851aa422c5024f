/**
 * CF2-3 (contract tester, round 2): word labels ("Tiêu chí 1", "Chỉ tiêu 2", CRITERIA-FORMAT.md
 * §6 "Codes may be written as words") in a column of their own, after an STT column that is blank
 * or holds only running numbers 1, 2, 3 …, are the codes: the STT column holds none of the set's
 * codes, as a running-number column beside dotted codes yields to them (README "choices").
 */
import { describe, expect, it } from "vitest";
import { findHeader, parseCriteriaSet, scoreWorkbook, type CriteriaSet } from "../../shared/index.ts";
import { sheetOf, type Value } from "./merged-header-helpers.ts";

function wordsSet(): CriteriaSet {
  const parsed = parseCriteriaSet({
    id: "cf2-words", title: "Mã bằng chữ", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints: 10, bands: [{ label: "Tốt", min: 90 }, { label: "Khá", min: 80 }, { label: "Yếu", min: 0 }],
    items: [
      { code: "1", title: "Chỉ đạo điều hành", max: 6, children: [
        { code: "1.1", title: "Tỷ lệ hồ sơ đúng hạn", max: 2, rule: { kind: "ratio", bands: [{ min: 90, points: 2 }, { min: 0, points: 0 }] } },
        { code: "1.2", title: "Số ứng dụng CNTT", max: 2, rule: { kind: "count", each: 1 } },
        { code: "1.3", title: "Tỷ lệ giải quyết", max: 2, rule: { kind: "ratio", proportional: true } } ] },
      { code: "2", title: "Báo cáo", max: 4, children: [
        { code: "2.1", title: "Báo cáo chậm", max: 2, rule: { kind: "count", each: -0.5, base: 2 } },
        { code: "2.3", title: "Tuyên truyền", max: 2, rule: { kind: "manual", step: 0.5 } } ] },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
}

const BODY: Value[][] = [
  ["Tiêu chí 1", "Chỉ đạo điều hành", 6, "", "", "", ""],
  ["Chỉ tiêu 1", "Tỷ lệ hồ sơ đúng hạn", 2, 45, "90%", "", ""],
  ["Chỉ tiêu 2", "Số ứng dụng CNTT", 2, 3, "", "", ""],
  ["Chỉ tiêu 3", "Tỷ lệ giải quyết", 2, "", "", "", "Đã giải quyết 26/28 hồ sơ (92,86%) theo Quyết định số 12/QĐ-UBND ngày 05/01/2024"],
  ["Tiêu chí 2", "Báo cáo", 4, "", "", "", ""],
  ["Chỉ tiêu 1", "Báo cáo chậm", 2, "", "", "", "Chậm 2 báo cáo năm 2024"],
  ["Chỉ tiêu 3", "Tuyên truyền", 2, "", "", 1.5, ""],
  ["Tổng cộng", "", 10, "", "", "", ""],
];
const HEAD = (title: string): Value[] => ["STT", "Tiêu chí", title, "Điểm tối đa", "Số liệu thực hiện", "Tỷ lệ đạt được", "Điểm tự đánh giá", "Ghi chú"];

/**
 * By hand (§3, §6): 1.1 rate 90 % ≥ 90 → 2; 1.2 count 3, each 1 → min(3, 2) = 2; 1.3 a/b wins over
 * the percentage, 26/28 = 92,857 % × 2 = 1,857 → 1,86; 2.1 "Chậm 2 báo cáo năm 2024": 2 (a year is
 * no count) → 2 − 2 × 0,5 = 1; 2.3 typed 1,5. Total 8,36 / 10 = 83,6 % → Khá.
 */
const scores = { "1.1": 2, "1.2": 2, "1.3": 1.86, "2.1": 1, "2.3": 1.5 };

describe("CF2-3: word labels in their own column after an STT column", () => {
  it.each<[string, (i: number) => Value, string]>([
    ["blank STT", () => "", "Nội dung"],
    ["blank STT, titles under 'Tên tiêu chí'", () => "", "Tên tiêu chí"],
    ["running STT 1 … 7", (i) => (i < 7 ? i + 1 : ""), "Nội dung"],
    ["running STT on the leaves only", (i) => ["", 1, 2, 3, "", 4, 5, ""][i]!, "Nội dung"],
    ["STT restarting in each part, blank on the parts", (i) => ["", 1, 2, 3, "", 1, 2, ""][i]!, "Nội dung"],
    ["STT restarting in each part, the parts numbered too", (i) => [1, 1, 2, 3, 2, 1, 2, ""][i]!, "Nội dung"],
  ])("%s: the labels are the codes, the titles stand beside them (8,36 / 10)", (_, stt, title) => {
    const grid = sheetOf([HEAD(title), ...BODY.map((row, i) => [stt(i), ...row])], []);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns).toMatchObject({ code: 1, title: 2 });
    const report = scoreWorkbook(grid, wordsSet());
    expect(report.findings.filter((f) => f.severity === "error" || f.severity === "warning").map((f) => f.code)).toEqual([]);
    for (const [code, score] of Object.entries(scores)) expect(report.items.find((i) => i.code === code)?.score).toBe(score);
    expect(report.total).toBe(8.36);
    expect(report.percent).toBe(83.6);
    expect(report.band).toBe("Khá");
  });

  it("a Roman / local STT before the labels is read as before (8,36 / 10)", () => {
    const stt = ["I", "1", "2", "3", "II", "1", "3", ""];
    const grid = sheetOf([HEAD("Nội dung"), ...BODY.map((row, i) => [stt[i]!, ...row])], []);
    expect(scoreWorkbook(grid, wordsSet()).total).toBe(8.36);
  });
});
