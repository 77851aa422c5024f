import { describe, expect, it } from "vitest";
import { findHeader } from "../../shared/locate-table.ts";
import type { GridSheet } from "../../shared/grid.ts";
import { scoreWorkbook } from "../../shared/index.ts";
import { EV, codes, scores, setOf, table } from "./v2-helpers.ts";

/**
 * Columns a form puts beside the unit's own, found by an outside tester's sixth round: the
 * appraiser's score written before the unit's ("Huyện đánh giá" | "Xã tự đánh giá") and the
 * form's guidance on evidence, each taken for the unit's because it came first.
 */
type V = string | number | null;
const merge = (r: number, c: number, r2: number, c2: number) => ({ s: { r, c }, e: { r: r2, c: c2 } });
const sheet = (rows: V[][], merges: GridSheet["merges"] = []): GridSheet => ({ name: "S", rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges });

describe("another level's appraisal before the unit's own score", () => {
  const twoRows = (first: string, second: string) =>
    sheet(
      [
        ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm đánh giá", null, "Ghi chú"],
        [null, null, null, null, null, first, second, null],
        ["1.1", "Kế hoạch", 2, null, "KH số 1/KH-UBND ngày 05/01/2024", 1, 2, null],
      ],
      [merge(0, 0, 1, 0), merge(0, 1, 1, 1), merge(0, 2, 1, 2), merge(0, 3, 1, 3), merge(0, 4, 1, 4), merge(0, 5, 0, 6), merge(0, 7, 1, 7)],
    );

  it.each([
    ["Huyện đánh giá", "Xã tự đánh giá"],
    ["Tỉnh đánh giá", "Huyện tự đánh giá"],
    ["Sở Nội vụ đánh giá", "Đơn vị tự chấm"],
    ["Hội đồng đánh giá", "Tự đánh giá"],
  ])("%j | %j under 'Điểm đánh giá': the unit's is the second", (first, second) => {
    expect(findHeader(twoRows(first, second), 2024)!.columns.self).toBe(6);
  });

  it.each([
    [["Điểm huyện đánh giá", "Điểm xã tự đánh giá"], 6],
    [["Điểm tỉnh đánh giá", "Điểm huyện tự đánh giá"], 6],
    [["Điểm tự đánh giá", "Điểm đánh giá của huyện"], 5],
    [["Điểm đánh giá của huyện", "Điểm tự đánh giá"], 6],
    [["Điểm xã đánh giá", "Điểm huyện đánh giá"], 5],
  ])("one-row labels %j: the unit's own is column %i", (labels, self) => {
    const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", ...labels, "Ghi chú"], ["1.1", "Kế hoạch", 2, null, null, 1, 2, null]]);
    expect(findHeader(s, 2024)!.columns.self).toBe(self);
  });

  it("a district's own 'Điểm huyện đánh giá', alone, is its score", () => {
    const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Điểm huyện đánh giá", "Ghi chú"], ["1.1", "Kế hoạch", 2, 2, null]]);
    expect(findHeader(s, 2024)!.columns.self).toBe(3);
  });
});

/**
 * The form's guidance on evidence ("Tài liệu kiểm chứng cần có", "Yêu cầu tài liệu kiểm chứng",
 * "Tài liệu kiểm chứng" over "Yêu cầu" | "Đơn vị cung cấp") beside the unit's own evidence column:
 * the guidance, filled in by the province, was read as the unit's evidence, so a criterion the unit
 * cited nothing for kept its points.
 */
describe("the form's evidence guidance beside the unit's evidence", () => {
  const set = setOf([
    { code: "1.1", title: "Ban hành kế hoạch", max: 1, evidence: { required: true } },
    { code: "1.2", title: "Báo cáo định kỳ", max: 1, evidence: { required: true } },
  ]);
  const HINT = "Kế hoạch CCHC năm 2024 của UBND xã";

  it.each([
    ["Tài liệu kiểm chứng cần có", "Tài liệu kiểm chứng của đơn vị"],
    ["Yêu cầu tài liệu kiểm chứng", "Tài liệu kiểm chứng"],
    ["Tài liệu kiểm chứng theo quy định", "Tài liệu kiểm chứng đơn vị cung cấp"],
    ["Tài liệu kiểm chứng (yêu cầu)", "Số, ký hiệu văn bản"],
    ["Hướng dẫn tài liệu kiểm chứng", "Tài liệu kiểm chứng"],
  ])("%j | %j: the unit's evidence is the second", (guidance, own) => {
    const header = ["STT", "Tiêu chí", "Điểm tối đa", guidance, "Số liệu kê khai", own, "Điểm tự đánh giá", "Ghi chú"];
    const rows = [["1", "Lĩnh vực 1", 2, null, null, null, 2, null], ["1.1", "Ban hành kế hoạch", 1, HINT, null, EV, 1, null], ["1.2", "Báo cáo định kỳ", 1, HINT, null, null, 1, null]];
    const report = scoreWorkbook(table(header, rows), set);
    expect(codes(report)).toContain("EVIDENCE_MISSING 1.2 Biểu!F4");
    expect(scores(report)).toMatchObject({ "1.1": 1, "1.2": 0 });
  });

  it("'Tài liệu kiểm chứng' over 'Yêu cầu' | 'Đơn vị cung cấp': the unit's is the second", () => {
    const s = sheet(
      [
        ["STT", "Tiêu chí", "Điểm tối đa", "Tài liệu kiểm chứng", null, "Điểm tự đánh giá"],
        [null, null, null, "Yêu cầu", "Đơn vị cung cấp", null],
        ["1.1", "Kế hoạch", 1, HINT, EV, 1],
      ],
      [merge(0, 0, 1, 0), merge(0, 1, 1, 1), merge(0, 2, 1, 2), merge(0, 3, 0, 4), merge(0, 5, 1, 5)],
    );
    expect(findHeader(s, 2024)!.columns.evidence).toBe(4);
  });

  it("a single guidance-like label is still the evidence column", () => {
    const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Tài liệu kiểm chứng theo yêu cầu", "Điểm tự đánh giá"], ["1.1", "Kế hoạch", 1, EV, 1]]);
    expect(findHeader(s, 2024)!.columns.evidence).toBe(3);
  });
});
