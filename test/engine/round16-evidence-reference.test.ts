import { describe, expect, it } from "vitest";
import { evidenceRegister, scoreWorkbook, type GridCell } from "../../shared/index.ts";
import { codes, scores, setOf } from "./v2-helpers.ts";

/**
 * Evidence written as a reference to the workbook's own evidence sheet (WB16-16): "Xem TL số 3"
 * beside a "DANH MỤC TÀI LIỆU KIỂM CHỨNG" sheet numbered 1, 2, 3 … with no criteria codes. Each
 * such cell was EVIDENCE_UNRECOGNISED, telling the unit to write out a citation its own register
 * holds, and the register's dates were never checked.
 */
const set = setOf(
  [
    { code: "1.1", title: "Ban hành kế hoạch CCHC", max: 2, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
    { code: "1.2", title: "Báo cáo CCHC", max: 1, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
  ],
  { period: { from: "2024-01-01", to: "2024-12-31" } },
);
const cells = (rows: unknown[][]): (GridCell | null)[][] => rows.map((r) => r.map((v) => (v === null ? null : { v: v as string | number })));
const table = (e1: string, e2: string) => ({
  name: "Tự đánh giá",
  merges: [],
  rows: cells([
    ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"],
    ["1", "Lĩnh vực 1", 3, null, null],
    ["1.1", "Ban hành kế hoạch CCHC", 2, 2, e1],
    ["1.2", "Báo cáo CCHC", 1, 1, e2],
  ]),
});
const register = (second = "10/12/2024") => ({
  name: "TLKC",
  merges: [],
  rows: cells([
    ["DANH MỤC TÀI LIỆU KIỂM CHỨNG"],
    ["STT", "Tên tài liệu", "Số, ký hiệu", "Ngày ban hành", "Ghi chú"],
    [1, "Kế hoạch CCHC năm 2024", "12/KH-UBND", "05/01/2024", "Tiêu chí 1.1"],
    [2, "Báo cáo CCHC năm 2024", "45/BC-UBND", second, "Tiêu chí 1.2"],
  ]),
});

describe("evidence referenced by number to the workbook's own register (WB16-16)", () => {
  it.each([
    ["Xem TL số 1", "Xem TL số 2"],
    ["TL số 1", "Tài liệu số 2"],
    ["TL01", "TL02"],
    ["Xem tài liệu kiểm chứng số 1", "Theo TLKC số 2"],
    ["Xem mục 1 Danh mục tài liệu", "Xem STT 2 tại sheet TLKC"],
  ])("%s, %s: read as the listed documents", (e1, e2) => {
    const report = scoreWorkbook({ sheets: [table(e1, e2), register()] }, set);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1 });
  });

  it("the listed document's date is checked against the period", () => {
    const report = scoreWorkbook({ sheets: [table("Xem TL số 1", "Xem TL số 2"), register("10/12/2022")] }, set);
    expect(codes(report)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.2 TLKC!B4"]);
  });

  it("the register lists the referenced documents under their criteria", () => {
    const register1 = evidenceRegister({ sheets: [table("Xem TL số 1", "Xem TL số 2"), register()] }, set);
    expect(register1.documents.map((d) => [d.number, d.symbol, d.criteria])).toEqual([
      ["12", "KH-UBND", ["1.1"]],
      ["45", "BC-UBND", ["1.2"]],
    ]);
  });

  it("a number not in the register, or no register, is read as written", () => {
    expect(codes(scoreWorkbook({ sheets: [table("Xem TL số 7", "Xem TL số 2"), register()] }, set))).toEqual(["EVIDENCE_UNRECOGNISED 1.1 'Tự đánh giá'!E3"]);
    expect(codes(scoreWorkbook({ sheets: [table("Xem TL số 1", "Xem TL số 2")] }, set))).toEqual(["EVIDENCE_UNRECOGNISED 1.1 'Tự đánh giá'!E3", "EVIDENCE_UNRECOGNISED 1.2 'Tự đánh giá'!E4"]);
  });
});
