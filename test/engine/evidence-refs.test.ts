import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../shared/evidence.ts";
import { a1, findHeader, scoreWorkbook } from "../../shared/index.ts";
import { loadFixtureGrid, loadFixtureSet } from "../../fixtures/load-fixture.ts";

describe("evidence entries as units cite them", () => {
  it.each([
    ["Kế hoạch số 08/KH-UBND ngày 22/01/2025", "Kế hoạch", "08", "KH-UBND", "2025-01-22"],
    ["Quyết định số 1.234/QĐ-UBND ngày 05/01/2024", "Quyết định", "1234", "QĐ-UBND", "2024-01-05"],
    ["7. Công văn số 88/UBND-VP ngày 05/01/2024", "Công văn", "88", "UBND-VP", "2024-01-05"],
    ["KH 08/KH-UBND ngày 22/01/2025", "Kế hoạch", "08", "KH-UBND", "2025-01-22"],
    ["QĐ số 12/QĐ-UBND (05/01/2024)", "Quyết định", "12", "QĐ-UBND", "2024-01-05"],
    ["Số 45/2024/QĐ-UBND ngày 20/02/2024", "Quyết định", "45", "2024/QĐ-UBND", "2024-02-20"],
    ["08/TTr-UBND (22.01.2025)", "Tờ trình", "08", "TTr-UBND", "2025-01-22"],
    ["Công văn số 123/UBND-VP ngày 1/2/2025", "Công văn", "123", "UBND-VP", "2025-02-01"],
    ["Số 123/UBND-VP ngày 1/2/2025", null, "123", "UBND-VP", "2025-02-01"],
    ["Quyết định 1234/QĐ-UBND ngày 15 tháng 12 năm 2023", "Quyết định", "1234", "QĐ-UBND", "2023-12-15"],
  ])("%j: %s số %s/%s, %s", (text, kind, number, symbol, date) => {
    expect(parseEvidence(text)).toEqual([{ text, kind, number, symbol, date, recognised: true }]);
  });

  it.each([
    "Quyết định số 12/QĐ-UBND ngày 05/01/2024, Kế hoạch số 08/KH-UBND ngày 22/01/2023",
    "Quyết định 12/QĐ-UBND ngày 05/01/2024 và Kế hoạch 08/KH-UBND ngày 22/01/2023",
    "1. QĐ số 12/QĐ-UBND ngày 05/01/2024 2. KH số 08/KH-UBND ngày 22/01/2023",
    "QĐ số 12/QĐ-UBND, ngày 05/01/2024, KH số 08/KH-UBND, ngày 22/01/2023",
  ])("a line listing two documents is two entries, each with its own date: %j", (text) => {
    expect(parseEvidence(text).map((r) => [r.kind, r.number, r.date])).toEqual([
      ["Quyết định", "12", "2024-01-05"],
      ["Kế hoạch", "08", "2023-01-22"],
    ]);
  });

  it("a document cited inside another's entry, with no list break between them, stays one entry", () => {
    expect(parseEvidence("Kế hoạch số 08/KH-UBND ngày 22/01/2025 thực hiện Nghị định 61/2018/NĐ-CP").map((r) => [r.kind, r.number])).toEqual([["Kế hoạch", "08"]]);
    expect(parseEvidence("Báo cáo số 40/BC-UBND, 41/BC-UBND").map((r) => [r.kind, r.number])).toEqual([["Báo cáo", "40"], ["Báo cáo", "41"]]);
  });

  it("reads no number, symbol or date out of a link's path; a citation beside its link is read as written", () => {
    const read = (text: string) => parseEvidence(text).map((r) => [r.kind, r.number, r.symbol, r.date, r.recognised]);
    expect(read("https://drive.google.com/file/d/1AbC23/view?usp=sharing")).toEqual([[null, null, null, null, false]]);
    expect(read("http://vpdt.hanoi.gov.vn/vbpq/2024/12/QD-UBND.pdf")).toEqual([[null, null, null, null, false]]);
    expect(read("www.sonoivu.gov.vn/van-ban/05/01/2024/12-qd-ubnd")).toEqual([[null, null, null, null, false]]);
    expect(read("Quyết định số 12/QĐ-UBND ngày 05/01/2024 (https://congbao.gov.vn/van-ban/99/QD-BNV)")).toEqual([["Quyết định", "12", "QĐ-UBND", "2024-01-05", true]]);
    // Two links on one line, with a comma between numbers inside them, stay one entry.
    expect(parseEvidence("Xem https://a.gov.vn/1/QD-A, https://b.gov.vn/2/KH-B")).toHaveLength(1);
  });

  it("splits on new lines and ';', and leaves what it cannot read unrecognised", () => {
    expect(parseEvidence("Thông báo số 25/TB-UBND ngày 15/10/2025\nKH 03/KH-UBND ngày 08/01/2025; Đính kèm").map((r) => [r.kind, r.recognised])).toEqual([
      ["Thông báo", true],
      ["Kế hoạch", true],
      [null, false],
    ]);
  });
});

describe("an evidence cell that says there is none", () => {
  it.each(["Chưa có", "Không", "không có tài liệu", "Đang cập nhật", "Sẽ bổ sung sau", "0", "Không có văn bản."])("%j cites nothing", (text) => expect(parseEvidence(text)).toEqual([]));

  it.each(["Có", "Không phát sinh", "Quyết định số 12/QĐ-UBND"])("%j is an entry", (text) => expect(parseEvidence(text)).toHaveLength(1));

  // The clean province workbook with leaf 1.1.1's evidence and note cells set: its report.
  const set = loadFixtureSet("demo-province-2024");
  const grid = loadFixtureGrid("province-clean");
  const sheet = grid.sheets.find((s) => findHeader(s)?.columns.note !== undefined)!;
  const { columns } = findHeader(sheet)!;
  const r = sheet.rows.findIndex((row) => row[columns.code!]?.v === "1.1.1");
  const scoredWith = (evidence: string | null, note: string | null) => {
    const cell = (v: string | null) => (v === null ? null : { v });
    const rows = sheet.rows.map((row, i) => (i === r ? Object.assign([...row], { [columns.evidence!]: cell(evidence), [columns.note!]: cell(note) }) : row));
    return scoreWorkbook({ sheets: grid.sheets.map((s) => (s === sheet ? { ...s, rows } : s)) }, set);
  };
  const missing = (report: ReturnType<typeof scoreWorkbook>) => report.findings.filter((f) => f.code === "EVIDENCE_MISSING").map((f) => f.criterion);

  it("beside a positive score, 'Chưa có' is EVIDENCE_MISSING and the points are not accepted, as a blank cell", () => {
    const after = scoredWith("Chưa có", null);
    expect(missing(after)).toEqual(["1.1.1"]);
    expect(after.items.find((i) => i.code === "1.1.1")!.score).toBe(0);
    expect(after.total).toBeLessThan(scoreWorkbook(grid, set).total);
  });

  it("an evidence cell holding a formula's error ('#N/A' from a lookup) cites nothing, and the formula is named", () => {
    const rows = sheet.rows.map((row, i) => (i === r ? Object.assign([...row], { [columns.evidence!]: { err: "#N/A", f: "VLOOKUP(A11,DM!A:B,2,0)" } }) : row));
    const report = scoreWorkbook({ sheets: grid.sheets.map((s) => (s === sheet ? { ...s, rows } : s)) }, set);
    expect(missing(report)).toEqual(["1.1.1"]);
    expect(report.findings.filter((f) => f.code === "FORMULA_ERROR").map((f) => [f.criterion, f.cell])).toEqual([["1.1.1", a1(sheet.name, r, columns.evidence!)]]);
  });

  it("a note that says nothing ('Không', '-', '0') explains nothing; a promise does", () => {
    for (const note of ["Không", "-", "0", "không có"]) expect(missing(scoredWith(null, note))).toEqual(["1.1.1"]);
    for (const note of ["Sẽ bổ sung sau", "Văn bản đang trình ký"]) expect(missing(scoredWith(null, note))).toEqual([]);
  });
});
