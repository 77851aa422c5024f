import { describe, expect, it } from "vitest";
import { parseCriteriaSet, scoreWorkbook, type CriteriaSet, type GridSheet } from "../../shared/index.ts";

/**
 * The four failures found when the engine was tried on real published material (issue 13):
 * each table is laid out as the real one was, with a set written in the v1 format, and each
 * test failed before the §6 reading rules.
 */
function set(items: unknown[], maxPoints: number): CriteriaSet {
  const parsed = parseCriteriaSet({
    id: "real", title: "Thử trên bảng thật (minh họa)", year: 2023, unitType: "commune", period: { from: "2023-01-01", to: "2023-12-31" },
    maxPoints, bands: [{ label: "Đạt", min: 80 }, { label: "Chưa đạt", min: 0 }], items,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
}

const sheet = (rows: (string | number | null)[][]): GridSheet => ({
  name: "Biểu 01",
  rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))),
  merges: [],
});

describe("real failures of issue 13", () => {
  it("two data columns: the rate column feeds the ratio leaf, not the count beside it (was 0,04 instead of 2: 3,04/5 'Chưa đạt')", () => {
    const s = set([{ code: "1", title: "Dịch vụ công trực tuyến", max: 5, children: [
      { code: "1.1", title: "Tỷ lệ hồ sơ trực tuyến", max: 2, rule: { kind: "ratio", proportional: true } },
      { code: "1.2", title: "Duy trì cổng dịch vụ công", max: 3 },
    ] }], 5);
    const report = scoreWorkbook({ sheets: [sheet([
      ["STT", "Nội dung", "Điểm tối đa", "Số liệu thực hiện", "Tỷ lệ đạt được", "Điểm tự đánh giá", "Ghi chú"],
      ["1", "Dịch vụ công trực tuyến", 5, null, null, 5, null],
      ["1.1", "Tỷ lệ hồ sơ trực tuyến", 2, "2", "100%", 2, null],
      ["1.2", "Duy trì cổng dịch vụ công", 3, null, null, 3, null],
    ])] }, s);
    expect([report.total, report.max, report.band]).toEqual([5, 5, "Đạt"]);
    expect(report.findings).toEqual([]);
  });

  it("labels as codes: 'Tiêu chí 1' / 'Chỉ tiêu 1' in the first column and the titles in 'Nội dung' (was: every criterion missing)", () => {
    const s = set([
      { code: "1", title: "Công tác chỉ đạo, điều hành", max: 3, children: [
        { code: "1.1", title: "Ban hành kế hoạch CCHC", max: 1 },
        { code: "1.2", title: "Báo cáo CCHC định kỳ", max: 2 },
      ] },
      { code: "2", title: "Cải cách thủ tục hành chính", max: 2, children: [{ code: "2.1", title: "Công khai thủ tục hành chính", max: 2 }] },
    ], 5);
    const report = scoreWorkbook({ sheets: [sheet([
      ["UBND XÃ MINH HỌA"],
      ["Tiêu chí", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"],
      ["Tiêu chí 1", "Công tác chỉ đạo, điều hành", 3, 2.5, null],
      ["Chỉ tiêu 1", "Ban hành kế hoạch cải cách hành chính năm 2023", 1, 1, "Kế hoạch số 05/KH-UBND ngày 10/01/2023"],
      ["Chỉ tiêu 2", "Thực hiện chế độ báo cáo", 2, 1.5, "Báo cáo số 40/BC-UBND ngày 12/12/2023"],
      ["Tiêu chí 2", "Cải cách thủ tục hành chính", 2, 2, null],
      ["Chỉ tiêu 1", "Công khai đầy đủ thủ tục hành chính", 2, 2, "Quyết định số 12/QĐ-UBND ngày 05/01/2023"],
    ])] }, s);
    expect(report.findings).toEqual([]);
    expect(Object.fromEntries(report.items.map((i) => [i.code, [i.score, i.cell]]))).toEqual({
      "1.1": [1, "'Biểu 01'!D4"],
      "1.2": [1.5, "'Biểu 01'!D5"],
      "2.1": [2, "'Biểu 01'!D7"],
    });
  });

  it("data in the note: '26/28 nhiệm vụ (92,86%)' written in Ghi chú of a template without a data column (was DATA_MISSING, 0 points)", () => {
    const s = set([{ code: "1", title: "Công tác chỉ đạo, điều hành", max: 2, children: [
      { code: "1.1", title: "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC", max: 2, rule: { kind: "ratio", bands: [{ min: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] } },
    ] }], 2);
    const report = scoreWorkbook({ sheets: [sheet([
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Điểm tự đánh giá", "Ghi chú"],
      ["1", "Công tác chỉ đạo, điều hành", 2, 2, null],
      ["1.1", "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC", 2, 2, "Hoàn thành 26/28 nhiệm vụ (92,86%)"],
    ])] }, s);
    expect(report.items[0]).toMatchObject({ code: "1.1", score: 2 });
    expect(report.findings).toEqual([]);
  });

  it("a wrong 'Tổng cộng' is TOTAL_MISMATCH at its cell (was: nothing)", () => {
    const s = set([{ code: "1", title: "Công tác chỉ đạo, điều hành", max: 3, children: [
      { code: "1.1", title: "Ban hành kế hoạch CCHC", max: 1 },
      { code: "1.2", title: "Báo cáo CCHC định kỳ", max: 2 },
    ] }], 3);
    const report = scoreWorkbook({ sheets: [sheet([
      ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"],
      ["1", "Công tác chỉ đạo, điều hành", 3, 2.5],
      ["1.1", "Ban hành kế hoạch CCHC", 1, 1],
      ["1.2", "Báo cáo CCHC định kỳ", 2, 1.5],
      [null, "Tổng cộng", 3, 3],
    ])] }, s);
    expect(report.total).toBe(2.5);
    expect(report.findings.map((f) => [f.code, f.cell ?? null])).toEqual([["TOTAL_MISMATCH", "'Biểu 01'!D5"]]);
  });
});
