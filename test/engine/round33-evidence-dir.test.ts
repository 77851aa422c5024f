/**
 * Round 33 (rt-wb33): documents cited through the register sheet by its own symbol column and
 * several to a cell (WB33-6, WB33-5), evidence dated only by a month or a year (WB33-8),
 * numbered units in Vietnamese order (WB33-11), a survey score left blank (WB33-9).
 */
import { describe, expect, it } from "vitest";
import { compareVietnamese, evidenceRegister, parseSurveyCsv, rankUnits, scoreWorkbook, type GridCell } from "../../shared/index.ts";
import { COLUMNS, codes, row, setOf, table } from "./v2-helpers.ts";

const CODES = ["1.1", "1.2", "1.3", "1.4", "1.5", "1.6"];
const set = setOf(CODES.map((code) => ({ code, title: `Tiêu chí ${code}`, max: 1, rule: { kind: "manual", step: 1 }, evidence: { required: true } })));
const cells = (rows: unknown[][]): (GridCell | null)[][] => rows.map((r) => r.map((v) => (v === null || v === "" ? null : { v: v as string | number })));

/** A register "STT | Ký hiệu | Tên tài liệu" (or without its symbol column), the documents from its fourth row (C4 …). */
function register(docs: [number, string, string][], withSymbol = true) {
  return {
    name: "Tài liệu kiểm chứng",
    merges: [],
    rows: cells([
      ["DANH MỤC TÀI LIỆU KIỂM CHỨNG"],
      [],
      withSymbol ? ["STT", "Ký hiệu", "Tên tài liệu"] : ["STT", "", "Tên tài liệu"],
      ...docs.map(([n, symbol, text]) => [n, withSymbol ? symbol : "", text]),
    ]),
  };
}
const OLD = "Quyết định số 12/QĐ-UBND ngày 05/01/2023";
const NEW = (n: number) => `Báo cáo số ${44 + n}/BC-UBND ngày 15/0${5 + n}/2024`;

/** Each leaf scored 1, its evidence cell as given (the rest cite a 2024 decision in full). */
function workbook(evidence: Record<string, string>, sheet = register([[1, "TL01", OLD], [2, "TL02", NEW(1)]])) {
  const rows = [["1", "Lĩnh vực 1", 6, null, null, null, null], ...CODES.map((c) => row(c, { max: 1, self: 1, evidence: evidence[c] ?? "Quyết định số 15/QĐ-UBND ngày 05/02/2024" }))];
  const t = table(COLUMNS, rows);
  return { sheets: [...t.sheets, sheet] };
}
const evidenceFindings = (grid: ReturnType<typeof workbook>) => codes(scoreWorkbook(grid, set)).filter((c) => c.startsWith("EVIDENCE"));

describe("WB33-6: a register with a symbol column is looked up by the symbol cited", () => {
  const shifted = register([[1, "TL05", OLD], [2, "TL06", NEW(1)], [3, "TL07", NEW(2)], [4, "TL08", NEW(3)], [5, "TL09", NEW(4)]]);
  it("'TL05' is the document whose symbol is TL05 (STT 1, 2023), not STT 5", () => {
    expect(evidenceFindings(workbook({ "1.1": "TL05", "1.2": "Xem TL09", "1.3": "TL 05" }, shifted))).toEqual([
      "EVIDENCE_DATE_OUT_OF_PERIOD 1.1 'Tài liệu kiểm chứng'!C4",
      "EVIDENCE_DATE_OUT_OF_PERIOD 1.3 'Tài liệu kiểm chứng'!C4",
    ]);
  });
  it("a symbol the column does not hold is still the running number; without a symbol column, the running number as before", () => {
    expect(evidenceFindings(workbook({ "1.1": "TL1" }, shifted))).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 'Tài liệu kiểm chứng'!C4"]);
    const plain = register([[1, "", NEW(1)], [2, "", NEW(2)], [3, "", NEW(3)], [4, "", NEW(4)], [5, "", OLD]], false);
    expect(evidenceFindings(workbook({ "1.1": "TL05" }, plain))).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 'Tài liệu kiểm chứng'!C8"]);
  });
});

describe("WB33-5: several register entries in one cell, 'TL-01', '(1)'", () => {
  it.each(["TL01, TL02", "TL01; TL02", "TL01;TL02", "TL01 và TL02", "TL-01", "(1)", "[1]", "Xem TL01, TL02", "TL01 + TL02"])("%s is resolved entry by entry and dated at the register cell", (cited) => {
    expect(evidenceFindings(workbook({ "1.1": cited }))).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 'Tài liệu kiểm chứng'!C4"]);
  });
  it("each entry's finding points at its own register cell, in check and in the register", () => {
    const grid = workbook({ "1.1": "TL02, TL01", "1.2": "TL02; TL03" }, register([[1, "TL01", OLD], [2, "TL02", NEW(1)], [3, "TL03", "Kế hoạch số 9/KH-UBND ngày 10/12/2025"]]));
    expect(evidenceFindings(grid)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 'Tài liệu kiểm chứng'!C4", "EVIDENCE_DATE_OUT_OF_PERIOD 1.2 'Tài liệu kiểm chứng'!C6"]);
    const cited = evidenceRegister(grid, set).documents.find((d) => d.number === "9")!;
    expect(cited.cells).toEqual(["'Tài liệu kiểm chứng'!C6"]);
  });
  it("without a symbol column, 'TL01, TL02' are the running numbers 1 and 2", () => {
    const plain = register([[1, "", OLD], [2, "", NEW(1)]], false);
    expect(evidenceFindings(workbook({ "1.1": "TL01, TL02", "1.2": "TL02; TL01" }, plain))).toEqual([
      "EVIDENCE_DATE_OUT_OF_PERIOD 1.1 'Tài liệu kiểm chứng'!C4",
      "EVIDENCE_DATE_OUT_OF_PERIOD 1.2 'Tài liệu kiểm chứng'!C4",
    ]);
  });
  it("'(1)' with other words, or with no register sheet, is read as written", () => {
    expect(evidenceFindings(workbook({ "1.1": "(1) Quyết định số 15/QĐ-UBND ngày 05/02/2024" }))).toEqual([]);
    const lone = { sheets: [workbook({ "1.1": "(1)" }).sheets[0]!] };
    expect(evidenceFindings(lone as ReturnType<typeof workbook>)).toEqual(["EVIDENCE_UNRECOGNISED 1.1 Biểu!F3"]);
  });
});

describe("WB33-8: evidence dated only by a month or a year", () => {
  it.each([
    ["Kế hoạch số 12/KH-UBND tháng 01/2023", "tháng 01/2023"],
    ["Kế hoạch số 12/KH-UBND tháng 1 năm 2023", "tháng 1 năm 2023"],
    ["Kế hoạch số 12/KH-UBND, 01/2023", "tháng 01/2023"],
    ["Báo cáo số 45/BC-UBND năm 2023", "năm 2023"],
    ["Báo cáo số 45/BC-UBND năm 2025", "năm 2025"],
  ])("%s is outside the period, said as written", (cited, written) => {
    const report = scoreWorkbook(workbook({ "1.1": cited }), set);
    const found = report.findings.filter((f) => f.code.startsWith("EVIDENCE"));
    expect(found.map((f) => `${f.code} ${f.criterion}`)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1"]);
    expect(found[0]!.message).toContain(`ghi ${written}, ngoài kỳ đánh giá`);
  });
  it.each([
    "Kế hoạch số 12/KH-UBND tháng 01/2024",
    "Báo cáo số 45/BC-UBND năm 2024",
    "Báo cáo kết quả CCHC năm 2023 số 45/BC-UBND",
    "Báo cáo số 45/BC-UBND kết quả CCHC năm 2023",
    "Báo cáo số 45/BC-UBND ngày 10/01/2024 về kết quả CCHC năm 2023",
  ])("%s: a month or year inside the period, or the subject of the document, is no finding", (cited) => {
    expect(evidenceFindings(workbook({ "1.1": cited }))).toEqual([]);
  });
});

describe("WB33-8 in the register: a document dated by its month or year alone", () => {
  it("is out of the period as written, and not 'không ghi ngày'", () => {
    const register = evidenceRegister(workbook({ "1.1": "Báo cáo số 45/BC-UBND năm 2023", "1.2": "Kế hoạch số 12/KH-UBND tháng 3/2024" }), set);
    const doc = (number: string) => register.documents.find((d) => d.number === number)!;
    expect(doc("45").flags).toEqual(["OUT_OF_PERIOD"]);
    expect(doc("45").messages.vi[0]).toContain("Báo cáo số 45/BC-UBND ghi năm 2023, ngoài kỳ đánh giá 01/01/2024–31/12/2024");
    expect(doc("45").messages.en[0]).toContain("is dated 2023, outside the period");
    expect(doc("12").flags).toEqual([]);
  });
});

describe("WB33-11: runs of digits compared by their number", () => {
  it("numbered wards in numeric order, letters in Vietnamese order, a stable order for zero padding", () => {
    const names = ["Phường 10", "Phường 2", "Xã Tân Phú 12", "Phường 1", "Phường 11", "Xã Tân Phú 2", "Phường 9", "Phường 3", "Phường 02", "Đà Lạt", "Dĩ An"];
    expect([...names].sort(compareVietnamese)).toEqual(["Dĩ An", "Đà Lạt", "Phường 1", "Phường 2", "Phường 02", "Phường 3", "Phường 9", "Phường 10", "Phường 11", "Xã Tân Phú 2", "Xã Tân Phú 12"]);
    expect([...names].reverse().sort(compareVietnamese)).toEqual([...names].sort(compareVietnamese));
    const ranked = rankUnits(["Phường 10", "Phường 2", "Phường 1", "Phường 02"].map((unit) => ({ unit, percent: 68 })));
    expect(ranked.map((r) => `${r.rank} ${r.unit}`)).toEqual(["1 Phường 1", "1 Phường 2", "1 Phường 02", "1 Phường 10"]);
  });
});

describe("WB33-9: a survey score left blank", () => {
  it.each(["7.1,8\n3.5.2,\n", "7.1;8\n3.5.2;\n", "7.1,8\n3.5.2\n"])("is said as such and refused: %j", (text) => {
    const parsed = parseSurveyCsv(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.errors).toEqual([{ line: 2, message: {
      vi: "tiêu chí 3.5.2 chưa có điểm khảo sát: nhập điểm (0 nếu không đạt) hoặc xóa dòng",
      en: "item 3.5.2 has no survey score: enter the score (0 if not met) or delete the line",
    } }]);
  });
});
