import { describe, expect, it } from "vitest";
import { evidenceRegister, scoreWorkbook, type GridCell } from "../../shared/index.ts";
import { codes, scores, setOf } from "./v2-helpers.ts";

/**
 * The evidence list kept under the table on the same sheet (WB17-12): below "Tổng cộng", a
 * "DANH MỤC TÀI LIỆU KIỂM CHỨNG" numbered 1, 2, 3 … as commune workbooks keep it at least as
 * often as on a sheet of its own. "Xem TL số N" was EVIDENCE_UNRECOGNISED for every leaf and the
 * list's dates went unchecked; it now serves the references as the register sheet does (WB16-16).
 */
const set = setOf(
  [
    { code: "1.1", title: "Ban hành kế hoạch CCHC", max: 2, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
    { code: "1.2", title: "Báo cáo CCHC", max: 1, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
  ],
  { period: { from: "2024-01-01", to: "2024-12-31" } },
);
const cells = (rows: unknown[][]): (GridCell | null)[][] => rows.map((r) => r.map((v) => (v === null || v === undefined ? null : { v: v as string | number })));
const sheet = (e1: string, e2: string, second = "10/12/2024", total = true) => ({
  name: "Tự đánh giá",
  merges: [],
  rows: cells([
    ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"],
    ["1", "Lĩnh vực 1", 3, null, null],
    ["1.1", "Ban hành kế hoạch CCHC", 2, 2, e1],
    ["1.2", "Báo cáo CCHC", 1, 1, e2],
    ...(total ? [["", "Tổng cộng", 3, 3, null]] : []),
    [],
    ["DANH MỤC TÀI LIỆU KIỂM CHỨNG"],
    ["STT", "Tên tài liệu", "Số, ký hiệu", "Ngày ban hành", "Ghi chú"],
    [1, "Kế hoạch CCHC năm 2024", "12/KH-UBND", "05/01/2024", "Tiêu chí 1.1"],
    [2, "Báo cáo CCHC năm 2024", "45/BC-UBND", second, "Tiêu chí 1.2"],
  ]),
});

describe("WB17-12: the numbered evidence list under the table on the same sheet", () => {
  it.each([
    ["Xem TL số 1", "Xem TL số 2"],
    ["TL 1", "TL 2"],
  ])("%s, %s: read as the listed documents", (e1, e2) => {
    const report = scoreWorkbook({ sheets: [sheet(e1, e2)] }, set);
    expect(codes(report)).toEqual([]);
    expect(report.findings.filter((f) => f.code === "EVIDENCE_UNRECOGNISED")).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1 });
  });

  it("the listed document's date is checked against the period", () => {
    const report = scoreWorkbook({ sheets: [sheet("Xem TL số 1", "Xem TL số 2", "10/12/2022")] }, set);
    expect(codes(report)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.2 'Tự đánh giá'!B10"]);
  });

  it("a number the list lacks is still unrecognised", () => {
    const report = scoreWorkbook({ sheets: [sheet("Xem TL số 1", "Xem TL số 9")] }, set);
    expect(report.findings.filter((f) => f.code === "EVIDENCE_UNRECOGNISED").map((f) => f.criterion)).toEqual(["1.2"]);
  });

  it("the register lists the referenced documents under their criteria", () => {
    const register = evidenceRegister({ sheets: [sheet("Xem TL số 1", "Xem TL số 2")] }, set);
    expect(register.documents.map((d) => [d.number, d.symbol, d.criteria])).toEqual([
      ["12", "KH-UBND", ["1.1"]],
      ["45", "BC-UBND", ["1.2"]],
    ]);
  });
});
