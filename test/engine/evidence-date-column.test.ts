import { describe, expect, it } from "vitest";
import { datedEvidence, evidenceCellDates, evidenceRegister, isDateFormat, serialDate, type GridCell } from "../../shared/index.ts";
import { codes, row, score, setOf, type Cell } from "./v2-helpers.ts";

/** 22/01/2025 as Excel keeps it: days since 1899-12-30. */
const JAN_22_2025 = 45679;

describe("a date cell as the grid holds it", () => {
  it.each<[string | undefined, boolean]>([
    ["dd/mm/yyyy", true],
    ["m/d/yy", true],
    ["[$-42A]dd/mm/yyyy;@", true],
    ["d-mmm-yy", true],
    ["yyyy-mm-dd", true],
    ["General", false],
    [undefined, false],
    ["0.00", false],
    ["0%", false],
    ["mm:ss", false],
    ['#,##0 "đ"', false],
    ["[Red]0.0", false],
  ])("format %j shows a date: %s", (format, isDate) => expect(isDateFormat(format)).toBe(isDate));

  it("reads the serial as its day", () => {
    expect(serialDate(JAN_22_2025)).toBe("2025-01-22");
    expect(serialDate(JAN_22_2025 + 0.75)).toBe("2025-01-22");
    expect(serialDate(45292)).toBe("2024-01-01");
    expect(serialDate(0)).toBeNull();
  });
});

describe("the dates of an evidence date cell ('Ngày ban hành')", () => {
  it.each<[string, GridCell | undefined, (string | null)[]]>([
    ["a date cell", { v: JAN_22_2025, z: "dd/mm/yyyy" }, ["2025-01-22"]],
    ["a date cell in Excel's default short date", { v: JAN_22_2025, z: "m/d/yy" }, ["2025-01-22"]],
    ["a plain number", { v: JAN_22_2025 }, []],
    ["a number formatted as a number", { v: 12, z: "0.00" }, []],
    ["text dd/mm/yyyy", { v: "22/01/2025" }, ["2025-01-22"]],
    ["text with dashes", { v: "22-01-2025" }, ["2025-01-22"]],
    ["text with dots", { v: "22.01.2025" }, ["2025-01-22"]],
    ["text in words", { v: "ngày 22 tháng 01 năm 2025" }, ["2025-01-22"]],
    ["a date a line", { v: "10/01/2024\n02/12/2024" }, ["2024-01-10", "2024-12-02"]],
    ["a line without a date", { v: "10/01/2024\nđang trình ký" }, ["2024-01-10", null]],
    ["a range on one line", { v: "01/01/2024 - 31/12/2024" }, [null]],
    ["an error", { err: "#VALUE!" }, []],
    ["nothing", undefined, []],
  ])("%s", (_what, cell, dates) => expect(evidenceCellDates(cell)).toEqual(dates));
});

describe("entries dated from the row's date cell", () => {
  const dates = (text: string, cell: GridCell | undefined) => datedEvidence(text, cell).map((r) => [r.date, r.dateFromColumn ?? false]);

  it("one date dates every entry without its own", () => {
    expect(dates("Kế hoạch số 08/KH-UBND\nBáo cáo số 20/BC-UBND", { v: "22/01/2025" })).toEqual([
      ["2025-01-22", true],
      ["2025-01-22", true],
    ]);
  });

  it("the i-th line's date dates the i-th entry when the counts match", () => {
    expect(dates("Kế hoạch số 15/KH-UBND;\nBáo cáo số 120/BC-UBND", { v: "10/01/2024\n02/12/2024" })).toEqual([
      ["2024-01-10", true],
      ["2024-12-02", true],
    ]);
  });

  it("leaves the entries undated when the counts differ (no guessing)", () => {
    expect(dates("A 1/KH-UBND\nB 2/KH-UBND\nC 3/KH-UBND", { v: "10/01/2024\n02/12/2024" })).toEqual([
      [null, false],
      [null, false],
      [null, false],
    ]);
  });

  it("an entry's own date wins", () => {
    expect(dates("Kế hoạch số 08/KH-UBND ngày 22/01/2025\nBáo cáo số 20/BC-UBND", { v: "05/05/2023\n10/11/2025" })).toEqual([
      ["2025-01-22", false],
      ["2025-11-10", true],
    ]);
  });

  it("an entry dated so is recognised, as the same text with its date would be", () => {
    expect(datedEvidence("Báo cáo tổng kết", { v: "22/01/2025" })[0]).toMatchObject({ recognised: true, date: "2025-01-22" });
    expect(datedEvidence("Báo cáo tổng kết", undefined)[0]).toMatchObject({ recognised: false, date: null });
  });
});

describe("scoring reads the 'Ngày ban hành' column beside the evidence", () => {
  const set = setOf([
    { code: "1.1", title: "Tiêu chí 1.1", max: 1, evidence: { required: true } },
    { code: "1.2", title: "Tiêu chí 1.2", max: 1, evidence: { required: true } },
  ]);
  const header = ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu kê khai", "Điểm tự đánh giá", "Số, ký hiệu văn bản", "Ghi chú", "Ngày ban hành"];
  const dated = (code: string, evidence: string, date: Cell) => [...row(code, { max: 1, self: 1, evidence }), date];
  const field = [...row("1", { max: 2 }), null];

  it("flags an out-of-period date from the date cell at that cell, as a warning; an in-period one is not flagged", () => {
    const report = score(set, [field, dated("1.1", "Kế hoạch số 08/KH-UBND", { v: 45000, z: "dd/mm/yyyy" }), dated("1.2", "Báo cáo số 20/BC-UBND", "02/12/2024")], {}, header);
    expect(codes(report)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 Biểu!H3"]);
    expect(report.findings[0]!.severity).toBe("warning");
    expect(report.findings[0]!.message).toMatch(/Kế hoạch số 08\/KH-UBND.*15\/03\/2023/);
    expect(report.items.map((i) => i.score)).toEqual([1, 1]);
  });

  it("an entry's own date wins over the date cell", () => {
    const report = score(set, [field, dated("1.1", "Kế hoạch số 08/KH-UBND ngày 05/01/2024", "15/03/2023"), dated("1.2", "Báo cáo số 20/BC-UBND ngày 15/03/2023", "02/12/2024")], {}, header);
    expect(codes(report)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.2 Biểu!F4"]);
  });

  it("the evidence register dates the documents from the column too", () => {
    const grid = { sheets: [{ name: "Biểu", merges: [], rows: [header, field, dated("1.1", "Kế hoạch số 08/KH-UBND", "15-03-2023"), dated("1.2", "Báo cáo số 20/BC-UBND", "02.12.2024")].map((r) => r.map((v) => (v === null ? null : typeof v === "object" ? v : { v }))) }] };
    const register = evidenceRegister(grid, set);
    expect(register.documents.map((d) => [d.number, d.dates, d.flags])).toEqual([
      ["08", ["2023-03-15"], ["OUT_OF_PERIOD"]],
      ["20", ["2024-12-02"], []],
    ]);
  });
});
