import { describe, expect, it } from "vitest";
import { scoreWorkbook, type GridCell, type GridSheet } from "../../shared/index.ts";
import { COLUMNS, EV, row, setOf, type Cell } from "./v2-helpers.ts";

/**
 * A summary at criterion level ("Tổng hợp": the fields and criteria 1.1, 1.2 … with their
 * scores) beside one detailed sheet per field (outside round 6, C1/E1b): the detailed sheets
 * hold every leaf, the summary only the criteria that are leaves themselves. The detailed
 * sheets are scored, and the summary left out is said (TABLE_SKIPPED).
 */
const set = setOf(
  [
    { code: "1.1", title: "Kế hoạch", max: 2, children: [
      { code: "1.1.1", title: "Ban hành kế hoạch", max: 1 },
      { code: "1.1.2", title: "Thực hiện kế hoạch", max: 1 },
    ] },
    { code: "1.2", title: "Báo cáo định kỳ", max: 2 },
  ],
  {},
  [
    { code: "2", title: "Lĩnh vực 2", max: 4, children: [
      { code: "2.1", title: "Rà soát văn bản", max: 2 },
      { code: "2.2", title: "Tiếp cận pháp luật", max: 2, children: [
        { code: "2.2.1", title: "Đạt chuẩn", max: 1 },
        { code: "2.2.2", title: "Hòa giải ở cơ sở", max: 1 },
      ] },
    ] },
  ],
);

const cells = (rows: Cell[][]): (GridCell | null)[][] => rows.map((r) => r.map((v) => (v === null || v === undefined ? null : typeof v === "object" ? v : { v })));
const sheet = (name: string, rows: Cell[][]): GridSheet => ({ name, rows: cells(rows), merges: [] });

/** Field `f`'s detailed sheet: every row of the field, every leaf at its max. */
function fieldSheet(f: "1" | "2"): GridSheet {
  const leaves = f === "1" ? ["1.1.1", "1.1.2", "1.2"] : ["2.1", "2.2.1", "2.2.2"];
  const parents = f === "1" ? ["1", "1.1"] : ["2", "2.2"];
  const codes = [...parents, ...leaves].sort();
  const max = (c: string) => ({ "1": 4, "1.1": 2, "1.2": 2, "2": 4, "2.1": 2, "2.2": 2 })[c] ?? 1;
  return sheet(`LV${f}`, [[`LĨNH VỰC ${f}`], [], COLUMNS, ...codes.map((c) => row(c, leaves.includes(c) ? { max: max(c), self: max(c), evidence: EV } : { max: max(c) })), [null, "Cộng"]]);
}

/** The summary: fields and criteria (1.1, 1.2, 2.1, 2.2) with their scores, a totals line; its title names the year or not. */
function summary(year: boolean): GridSheet {
  const lines: [string, number][] = [["1", 4], ["1.1", 2], ["1.2", 2], ["2", 4], ["2.1", 2], ["2.2", 2]];
  return sheet("Tổng hợp", [
    [`BIỂU TỔNG HỢP KẾT QUẢ TỰ ĐÁNH GIÁ CHỈ SỐ CCHC${year ? " NĂM 2024" : ""}`],
    [],
    ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Ghi chú"],
    ...lines.map(([code, max]) => [code, `Tiêu chí ${code}`, max, max, null]),
    [null, "TỔNG CỘNG", 8, 8],
  ]);
}

describe("a summary at criterion level beside one sheet per field", () => {
  it.each([
    ["first, its title naming the year", () => [summary(true), fieldSheet("1"), fieldSheet("2")]],
    ["last, no year anywhere", () => [fieldSheet("1"), fieldSheet("2"), summary(false)]],
  ])("%s: the field sheets are scored, the summary left out is said", (_, sheets) => {
    const report = scoreWorkbook({ sheets: sheets() }, set);
    expect(report.sheets).toEqual(["LV1", "LV2"]);
    expect(report.total).toBe(8);
    expect(report.findings.map((f) => `${f.code} ${f.severity} ${f.cell ?? ""}`)).toEqual(["TABLE_SKIPPED info 'Tổng hợp'!A3"]);
    expect(report.findings[0]!.message).toContain(`Trang "Tổng hợp" là bảng tổng hợp`);
    expect(report.findings[0]!.message).toContain("theo 2 trang chi tiết từng lĩnh vực");
    expect(report.findings[0]!.message).not.toContain("xóa");
  });

  it("a summary of fields only is still left out without a word", () => {
    const fields = summary(true);
    const rows = fields.rows.filter((r, i) => i < 3 || !String(r[0]?.v ?? "").includes("."));
    const report = scoreWorkbook({ sheets: [{ ...fields, rows }, fieldSheet("1"), fieldSheet("2")] }, set);
    expect(report.sheets).toEqual(["LV1", "LV2"]);
    expect(report.findings).toEqual([]);
  });

  it("a detailed sheet for one field only does not beat the summary's other field", () => {
    // LV1 alone holds 3 leaves, the summary 2 of field 1 and 2.1: the summary keeps the workbook (as before).
    const report = scoreWorkbook({ sheets: [summary(true), fieldSheet("1")] }, set);
    expect(report.sheets).toEqual(["Tổng hợp"]);
  });
});
