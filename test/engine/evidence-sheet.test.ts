import { describe, expect, it } from "vitest";
import { scoreWorkbook, type GridCell } from "../../shared/index.ts";
import { codes, scores, setOf } from "./v2-helpers.ts";

/** Evidence kept on a sheet of its own, linked by code (an outside tester's fifth round: 0/100 before). */
const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch CCHC", max: 2, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
  { code: "1.2", title: "Báo cáo CCHC", max: 1, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
]);
const cells = (rows: unknown[][]): (GridCell | null)[][] => rows.map((r) => r.map((v) => (v === null ? null : { v: v as string | number })));
const table = (evidence?: string) => ({
  name: "Tự đánh giá",
  merges: [],
  rows: cells([
    ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", ...(evidence === undefined ? [] : ["Tài liệu kiểm chứng"])],
    ["1", "Lĩnh vực 1", 3, null],
    ["1.1", "Ban hành kế hoạch CCHC", 2, 2, ...(evidence === undefined ? [] : [evidence])],
    ["1.2", "Báo cáo CCHC", 1, 1],
  ]),
});
const list = {
  name: "TLKC",
  merges: [],
  rows: cells([
    ["DANH MỤC TÀI LIỆU KIỂM CHỨNG"],
    [],
    ["STT", "Mã tiêu chí", "Tên tài liệu kiểm chứng", "Số, ký hiệu", "Ngày ban hành"],
    [1, "1.1", "Kế hoạch CCHC năm 2024", "12/KH-UBND", "05/01/2024"],
    [2, "1.2", "Báo cáo CCHC năm 2024", "45/BC-UBND", "10/12/2024"],
    [3, "1.2", "Báo cáo CCHC quý III", "30/BC-UBND", "20/09/2024"],
  ]),
};

describe("evidence listed on a sheet of its own", () => {
  it("is each leaf's evidence when the table has no evidence column", () => {
    const report = scoreWorkbook({ sheets: [table(), list] }, set);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1 });
  });

  it("a leaf's own filled evidence cell wins; a blank one takes the list's", () => {
    const report = scoreWorkbook({ sheets: [table("Chưa có"), list] }, set);
    expect(codes(report)).toEqual(["EVIDENCE_MISSING 1.1 'Tự đánh giá'!E3"]);
    expect(scores(report)).toMatchObject({ "1.1": 0, "1.2": 1 });
  });

  it("a list without the set's codes (running numbers only) is no evidence", () => {
    const numbersOnly = { ...list, rows: list.rows.map((r) => [r[0] ?? null, ...r.slice(2)]) };
    expect(codes(scoreWorkbook({ sheets: [table(), numbersOnly] }, set))).toEqual(["EVIDENCE_MISSING 1.1 'Tự đánh giá'!D3", "EVIDENCE_MISSING 1.2 'Tự đánh giá'!D4"]);
  });
});
