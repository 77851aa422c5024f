import { describe, expect, it } from "vitest";
import { parseEvidence, scoreWorkbook, type GridCell } from "../../shared/index.ts";
import { codes, setOf } from "./v2-helpers.ts";

/**
 * A citation dated on a day that does not exist — "31/02/2024", or "12/25/2024" typed month
 * first, as an Excel set to English writes it — was registered undated without a word (left
 * alone in the eleventh round), and a later date in the same line, often the decree the plan
 * carries out, was taken as the document's own. A reviewer sends such a citation back: the
 * unit is told to check it (warning EVIDENCE_DATE_INVALID), and no other date stands in for it.
 */
const set = setOf([{ code: "1.1", title: "Ban hành kế hoạch CCHC", max: 2, rule: { kind: "manual", step: 1 }, evidence: { required: true } }]);
const cells = (rows: unknown[][]): (GridCell | null)[][] => rows.map((r) => r.map((v) => (v === null ? null : { v: v as string | number })));
const scored = (evidence: string) =>
  scoreWorkbook(
    {
      sheets: [
        {
          name: "Tự đánh giá",
          merges: [],
          rows: cells([["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"], ["1", "Lĩnh vực 1", 2, null, null], ["1.1", "Ban hành kế hoạch CCHC", 2, 2, evidence]]),
        },
      ],
    },
    set,
  );

describe("a citation dated on a day that does not exist", () => {
  it("is flagged at its cell, and keeps its points (the document is cited)", () => {
    const report = scored("Kế hoạch số 12/KH-UBND ngày 31/02/2024");
    expect(codes(report)).toEqual(["EVIDENCE_DATE_INVALID 1.1 'Tự đánh giá'!E3"]);
    expect(report.findings[0]!.severity).toBe("warning");
    expect(report.findings[0]!.message).toContain("31/02/2024");
    expect(report.findings[0]!.message).toContain("tháng 02 năm 2024 không có ngày 31"); // as the register says it (impossible-date.ts)
    expect(report.total).toBe(2);
  });

  it("typed month first says so", () => {
    const report = scored("Quyết định số 5/QĐ-UBND ngày 12/25/2024");
    expect(codes(report)).toEqual(["EVIDENCE_DATE_INVALID 1.1 'Tự đánh giá'!E3"]);
    expect(report.findings[0]!.message).toContain("ghi tháng trước ngày");
    expect(report.findings[0]!.message).toContain("25/12/2024");
  });

  it("a month that cannot be one, the day no month either, says there is no such month", () => {
    expect(scored("Quyết định số 5/QĐ-UBND ngày 30/25/2024").findings[0]!.message).toContain("không có tháng 25");
  });

  it("is not dated by a later date in the line", () => {
    const [ref] = parseEvidence("Kế hoạch số 16/KH-UBND ngày 30/02/2024 thực hiện Nghị quyết số 08-NQ/TU ngày 22 tháng 4 năm 2021");
    expect([ref!.number, ref!.date, ref!.invalidDate]).toEqual(["16", null, { iso: null, day: 30, month: 2, year: 2024 }]);
    // Before, the resolution's date was taken: a false "outside the period" beside no word on the real fault.
    expect(codes(scored("Kế hoạch số 16/KH-UBND ngày 30/02/2024 thực hiện Nghị quyết số 08-NQ/TU ngày 22 tháng 4 năm 2021"))).toEqual([
      "EVIDENCE_DATE_INVALID 1.1 'Tự đánh giá'!E3",
    ]);
  });

  it("in words, and a date alone, are flagged as well", () => {
    expect(codes(scored("Báo cáo ngày 31 tháng 4 năm 2024"))).toEqual(["EVIDENCE_DATE_INVALID 1.1 'Tự đánh giá'!E3"]);
    expect(codes(scored("Kế hoạch 29/02/2023"))).toEqual(["EVIDENCE_DATE_INVALID 1.1 'Tự đánh giá'!E3"]);
  });

  it("a real day, 29/02 of a leap year, and numbers that are no date are not", () => {
    expect(codes(scored("Kế hoạch số 12/KH-UBND ngày 29/02/2024"))).toEqual([]);
    expect(codes(scored("Nghị quyết số 15/2024/NQ-HĐND ngày 10/7/2024"))).toEqual([]);
    expect(codes(scored("Quyết định số 1.234/QĐ-UBND ngày 05/01/2024"))).toEqual([]);
  });
});
