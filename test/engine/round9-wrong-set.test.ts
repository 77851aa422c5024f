import { describe, expect, it } from "vitest";
import { scoreWorkbook, type GridCell } from "../../shared/index.ts";
import { COLUMNS, EV, setOf, type Cell } from "./v2-helpers.ts";

/**
 * A workbook checked against a set it was not made for (last year's set, another level's) gave
 * dozens of MAX_MISMATCH saying "có thể đang dùng biểu mẫu cũ" and nothing naming the set as the
 * cause (ninth red-team round). WRONG_CRITERIA_SET says it, first, only when the heading names
 * another year or level AND the rows disagree with the set.
 */
const set2024 = setOf([
  { code: "1.1", title: "Ban hành kế hoạch", max: 2 },
  { code: "1.2", title: "Báo cáo định kỳ", max: 2 },
  { code: "1.3", title: "Kiểm tra", max: 2 },
]);
const commune = { ...set2024, unitType: "commune" as const };
const cell = (v: Cell): GridCell | null => (v === null || v === undefined ? null : typeof v === "object" ? v : { v });
// This year's form: other maxima (3, 3, 1) for the same codes.
const workbook = (heading: string[]) => ({
  sheets: [{ name: "TĐG", merges: [], rows: [...heading.map((h) => [h]), [], COLUMNS, ["1", "Lĩnh vực 1", 7], ["1.1", "Ban hành kế hoạch", 3, null, 3, EV], ["1.2", "Báo cáo định kỳ", 3, null, 3, EV], ["1.3", "Kiểm tra", 1, null, 1, EV]].map((r) => (r as Cell[]).map(cell)) }],
});
const wrongSet = (report: ReturnType<typeof scoreWorkbook>) => report.findings.filter((f) => f.code === "WRONG_CRITERIA_SET");

describe("WRONG_CRITERIA_SET", () => {
  it("names the year the heading gives when the rows disagree with the set, first among the findings", () => {
    const report = scoreWorkbook(workbook(["UBND HUYỆN AN BÌNH", "UBND XÃ TÂN AN", "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2025"]), commune);
    expect(report.findings[0]?.code).toBe("WRONG_CRITERIA_SET");
    expect(report.findings[0]?.severity).toBe("warning");
    expect(report.findings[0]?.cell).toBe("TĐG!A3");
    expect(report.findings[0]?.message).toContain("tiêu đề ghi năm 2025, bộ tiêu chí là của năm 2024");
    expect(report.findings[0]?.message).not.toContain("cấp"); // the level is right
  });

  it("names the unit's level when the heading's unit is of another level", () => {
    const report = scoreWorkbook(workbook(["UBND TỈNH AN BÌNH", "SỞ TƯ PHÁP", "BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CCHC NĂM 2024"]), { ...set2024, unitType: "district" });
    expect(wrongSet(report)).toHaveLength(1);
    expect(wrongSet(report)[0]!.message).toContain("bảng của đơn vị cấp sở, ban, ngành, bộ tiêu chí dành cho cấp huyện");
    expect(scoreWorkbook(workbook(["UBND TỈNH AN BÌNH", "SỞ TƯ PHÁP"]), { ...set2024, unitType: "district" }, { locale: "en" }).findings[0]?.message).toContain("department level");
  });

  it("is not said when the rows fit the set, nor for a date line's year", () => {
    const fits = workbook(["UBND XÃ TÂN AN", "BẢNG TỰ ĐÁNH GIÁ NĂM 2025"]);
    for (const row of fits.sheets[0]!.rows.slice(4)) if (row[2]) row[2] = { v: { "1.1": 2, "1.2": 2, "1.3": 2 }[String(row[0]?.v)] ?? 6 };
    for (const row of fits.sheets[0]!.rows.slice(4)) if (row[4]) row[4] = { v: 2 };
    expect(wrongSet(scoreWorkbook(fits, commune))).toEqual([]);
    expect(wrongSet(scoreWorkbook(workbook(["UBND XÃ TÂN AN", "Tân An, ngày 15 tháng 01 năm 2025"]), commune))).toEqual([]);
    expect(wrongSet(scoreWorkbook(workbook(["UBND XÃ TÂN AN", "BẢNG TỰ ĐÁNH GIÁ NĂM 2024"]), commune))).toEqual([]);
  });
});
