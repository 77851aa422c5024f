import { describe, expect, it } from "vitest";
import * as XLSX from "@e965/xlsx";
import { evidenceRegister, scoreWorkbook, type GridCell } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { codes, setOf } from "./v2-helpers.ts";

/**
 * The eleventh red-team round: dates on an evidence sheet of its own ("TLKC") were read as
 * serial numbers ("… 45512"), so a document dated outside the period was never flagged, and the
 * register listed none of that sheet's documents; a workbook saved with the 1904 date system had
 * every evidence date read four years and a day early.
 */
const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch CCHC", max: 2, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
  { code: "1.2", title: "Báo cáo CCHC", max: 1, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
]);
const serial = (iso: string) => Math.round((Date.parse(iso) - Date.UTC(1899, 11, 30)) / 86_400_000);
const cells = (rows: unknown[][]): (GridCell | null)[][] => rows.map((r) => r.map((v) => (v === null ? null : typeof v === "object" ? (v as GridCell) : { v: v as string | number })));
const table = { name: "Tự đánh giá", merges: [], rows: cells([["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1", "Lĩnh vực 1", 3, null], ["1.1", "Ban hành kế hoạch CCHC", 2, 2], ["1.2", "Báo cáo CCHC", 1, 1]]) };
const list = {
  name: "TLKC",
  merges: [],
  rows: cells([
    ["STT", "Mã tiêu chí", "Tên tài liệu kiểm chứng", "Số, ký hiệu", "Ngày ban hành"],
    [1, "1.1", "Kế hoạch CCHC", "106/KH-UBND", { v: serial("2023-06-20"), z: "dd/mm/yyyy" }],
    [2, "1.2", "Báo cáo CCHC năm 2024", "45/BC-UBND", { v: serial("2024-12-10"), z: "dd/mm/yyyy" }],
  ]),
};

describe("dates on an evidence sheet of its own", () => {
  it("are the dates the cells show: one outside the period is flagged", () => {
    const report = scoreWorkbook({ sheets: [table, list] }, set);
    expect(codes(report)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 TLKC!C2"]);
    expect(report.findings[0]!.message).toContain("20/06/2023");
  });

  it("its documents are in the register, dated", () => {
    const register = evidenceRegister({ sheets: [table, list] }, set);
    expect(register.documents.map((d) => [d.number, d.symbol, d.dates])).toEqual([
      ["106", "KH-UBND", ["2023-06-20"]],
      ["45", "BC-UBND", ["2024-12-10"]],
    ]);
  });
});

describe("a workbook saved with the 1904 date system", () => {
  it("has its date cells read as the dates Excel shows", () => {
    const aoa = [["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ngày ban hành"], ["1", "Lĩnh vực 1", 3], ["1.1", "Kế hoạch", 2, 2, "12/KH-UBND"], ["1.2", "Báo cáo", 1, 1, "45/BC-UBND"]];
    const ws = XLSX.utils.aoa_to_sheet(aoa);
    // In the 1904 system 10/01/2024 is 1,462 days fewer than in the 1900 system.
    ws["F3"] = { t: "n", v: serial("2024-01-10") - 1462, z: "dd/mm/yyyy" };
    ws["F4"] = { t: "n", v: serial("2024-12-10") - 1462, z: "dd/mm/yyyy" };
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "TĐG");
    wb.Workbook = { ...(wb.Workbook ?? {}), WBProps: { date1904: true } };
    const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
    const read = readWorkbookBytes(bytes);
    if (!read.ok) throw new Error(read.message);
    expect(read.grid.sheets[0]!.rows[2]![5]!.v).toBe(serial("2024-01-10"));
    expect(codes(scoreWorkbook(read.grid, set))).toEqual([]);
  });
});

describe("documents on one line joined by | · •", () => {
  it.each([" | ", " · ", " • "])("%j: each document dated by its own date, one outside the period flagged", (mark) => {
    const sheet = { name: "TĐG", merges: [], rows: cells([["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"], ["1", "Lĩnh vực 1", 3, null, null],
      ["1.1", "Ban hành kế hoạch CCHC", 2, 2, `Kế hoạch số 12/KH-UBND ngày 10/01/2024${mark}Báo cáo số 5/BC-UBND ngày 15/12/2023`], ["1.2", "Báo cáo CCHC", 1, 1, "Báo cáo số 45/BC-UBND ngày 10/12/2024"]]) };
    expect(codes(scoreWorkbook({ sheets: [sheet] }, set))).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 TĐG!E3"]);
  });
});
