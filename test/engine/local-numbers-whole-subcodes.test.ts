/**
 * Roman fields over criteria numbered locally in the STT column ("I" over 1, 2), with the
 * sub-criteria's whole codes only in their titles ("1.1.1. Ban hành …", the STT cell blank): the
 * set's codes, never 1.1.1.1 — read so, a clean workbook had fifteen UNKNOWN and eleven
 * MISSING_CRITERION findings and half its score. Written local to the field ("2.1" under
 * criterion 2 of field II) a sub-criterion is still 2.2.1.
 */
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, scoreWorkbook, type CriteriaSet } from "../../shared/index.ts";
import { sheetOf, type Value } from "./merged-header-helpers.ts";

const parsed = parseCriteriaSet({
  id: "whole-subcodes", title: "Mã đầy đủ", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" },
  maxPoints: 10, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
  items: [
    { code: "1", title: "Chỉ đạo điều hành", max: 5, children: [
      { code: "1.1", title: "Kế hoạch CCHC", max: 3, children: [{ code: "1.1.1", title: "Ban hành kế hoạch", max: 1 }, { code: "1.1.2", title: "Hoàn thành kế hoạch", max: 2 }] },
      { code: "1.2", title: "Báo cáo", max: 2 } ] },
    { code: "2", title: "Thể chế", max: 5, children: [
      { code: "2.1", title: "Rà soát văn bản", max: 2 },
      { code: "2.2", title: "Tiếp cận pháp luật", max: 3, children: [{ code: "2.2.1", title: "Đạt chuẩn", max: 2 }, { code: "2.2.2", title: "Tuyên truyền", max: 1 }] } ] },
  ],
});
if (!parsed.ok) throw new Error(parsed.message);
const set: CriteriaSet = parsed.set;
const HEAD: Value[] = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá"];

describe("whole sub-criterion codes in titles under locally numbered criteria", () => {
  it.each([
    ["whole", "2.2.1. Đạt chuẩn", "2.2.2. Tuyên truyền"],
    ["local to the field", "2.1. Đạt chuẩn", "2.2. Tuyên truyền"],
  ])("field II's sub-criteria written %s: every criterion read, no finding", (_how, first, second) => {
    const report = scoreWorkbook(sheetOf([HEAD,
      ["I", "Chỉ đạo điều hành", 5, 5], [1, "Kế hoạch CCHC", 3, 3], [null, "1.1.1. Ban hành kế hoạch", 1, 1], [null, "1.1.2. Hoàn thành kế hoạch", 2, 2], [2, "Báo cáo", 2, 2],
      ["II", "Thể chế", 5, 5], [1, "Rà soát văn bản", 2, 2], [2, "Tiếp cận pháp luật", 3, 3], [null, first, 2, 2], [null, second, 1, 1]], []), set);
    expect(report.findings.map((f) => `${f.code} ${f.criterion ?? ""}`)).toEqual([]);
    expect(report.total).toBe(10);
  });
});
