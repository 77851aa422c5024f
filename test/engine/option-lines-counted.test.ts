/**
 * Option lines under a criterion that open with a count ("04 báo cáo đúng hạn: 3 điểm", "02 - 03
 * báo cáo: 1,5 điểm"), in a table whose codes are only in the titles: part of the criterion's
 * text (§6: numbered rows under a leaf are never criteria). They had been read as criterion 4
 * (UNKNOWN_CRITERION) and a second field 2 (DUPLICATE_CRITERION, "xóa dòng trùng" on the real
 * field's row), and a clean workbook failed.
 */
import { describe, expect, it } from "vitest";
import { parseCriteriaSet, scoreWorkbook, type CriteriaSet } from "../../shared/index.ts";
import { sheetOf, type Value } from "./merged-header-helpers.ts";

const parsed = parseCriteriaSet({
  id: "counted-lines", title: "Dòng đếm", year: 2024, unitType: "district", period: { from: "2024-01-01", to: "2024-12-31" },
  maxPoints: 10, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
  items: [
    { code: "1", title: "Chỉ đạo điều hành", max: 6, children: [
      { code: "1.1", title: "Kế hoạch CCHC", max: 3 },
      { code: "1.2", title: "Báo cáo định kỳ", max: 3, rule: { kind: "choice", options: [3, 1.5, 0] } } ] },
    { code: "2", title: "Tác động", max: 4, children: [{ code: "2.1", title: "Tự chấm", max: 4 }] },
  ],
});
if (!parsed.ok) throw new Error(parsed.message);
const set: CriteriaSet = parsed.set;
const HEAD: Value[] = ["Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"];
const EV = "Quyết định số 12/QĐ-UBND ngày 05/01/2024";

describe("option lines that open with a count, codes in the titles", () => {
  it.each([
    [["04 báo cáo đúng hạn: 3 điểm", "02 - 03 báo cáo: 1,5 điểm", "01 báo cáo hoặc không gửi: 0 điểm"]],
    [["2 cuộc kiểm tra trở lên: 3 điểm", "1 cuộc: 1,5 điểm"]],
    [["3.5 điểm cho mỗi báo cáo"]],
  ])("%j: no finding, every criterion read", (lines) => {
    const report = scoreWorkbook(sheetOf([HEAD,
      ["I. CHỈ ĐẠO ĐIỀU HÀNH", 6, 6, ""], ["1.1. Kế hoạch CCHC", 3, 3, EV], ["1.2. Báo cáo định kỳ", 3, 3, EV],
      ...lines.map((line): Value[] => [line, "", "", ""]),
      ["II. TÁC ĐỘNG", 4, 4, ""], ["2.1. Tự chấm", 4, 4, EV]], []), set);
    expect(report.findings.map((f) => `${f.code} ${f.cell ?? ""}`)).toEqual([]);
    expect(report.total).toBe(10);
  });
});
