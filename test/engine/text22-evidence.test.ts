import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../shared/evidence.ts";
import { documentKey } from "../../shared/evidence-register.ts";
import { evidenceRegister, scoreWorkbook } from "../../shared/index.ts";
import { codes, row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * Evidence as Vietnamese text really arrives (red-team round 22): a cell holding only an
 * invisible character kept the point (WB22-1); an invisible character inside a year read the
 * year wrong (WB22-2); full-width digits or slash left the date unread (WB22-3); an uncalculated
 * formula was "no evidence" (WB22-4); Word's line break, a lone CR, U+2028/U+2029 and "；" did not
 * part two citations (WB22-5); a boolean was a document (WB22-10); "12/QĐ - UBND" and U+2010
 * made a document "12/QĐ" and "１２" no number (WB22-14); "ngay 5 thang 1 nam 2022" was no date (WB22-16).
 */
const set = setOf([{ code: "1.1", title: "Ban hành kế hoạch CCHC", max: 1, rule: { kind: "manual", step: 0.5 }, evidence: { required: true } }]);
const check = (evidence: unknown) => score(set, [row("1.1", { self: 0.5, evidence: evidence as string })]);
const read = (text: string) => parseEvidence(text).map((r) => [r.number, r.symbol, r.date]);

describe("a cell holding only invisible characters is blank (WB22-1)", () => {
  it.each(["\u00ad", "\u200d", "\u200c", "\u2060", "\ufeff", "\u00a0", "\u200b", "\u034f", "\u180e", "\u2800", "\u3164", "\u115f", "\u202f", "\u3000", "\u00ad\u200d \u2060"])("%j", (text) => {
    const report = check(text);
    expect(codes(report)).toEqual(["EVIDENCE_MISSING 1.1 Biểu!F2"]);
    expect(scores(report)["1.1"]).toBe(0);
  });
});

describe("dates read through invisible and full-width characters (WB22-2, WB22-3, WB22-16)", () => {
  it.each([
    ["Quyết định số 12/QĐ-UBND ngày 05/01/20\u00ad24", "2024-01-05"],
    ["Quyết định số 12/QĐ-UBND ngày 05/01/20\u200b24", "2024-01-05"],
    ["Quyết định số 12/QĐ-UBND ngày 05/01/20\u206024", "2024-01-05"],
    ["Quyết định số 12/QĐ-UBND ngày ０５/０１/２０２２", "2022-01-05"],
    ["Quyết định số 12/QĐ-UBND ngày 05／01／2022", "2022-01-05"],
    ["Quyet dinh so 12/QD-UBND ngay 5 thang 1 nam 2022", "2022-01-05"],
    ["QUYET DINH SO 12/QD-UBND NGAY 5 THANG 1 NAM 2022", "2022-01-05"],
  ])("%j is dated %s", (text, date) => {
    expect(parseEvidence(text).map((r) => r.date)).toEqual([date]);
  });

  it("an old document written in full-width digits is flagged, and the message names the date the cell shows", () => {
    expect(codes(check("Quyết định số 12/QĐ-UBND ngày ０５/０１/２０２２"))).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 Biểu!F2"]);
    expect(codes(check("Quyết định số 12/QĐ-UBND ngày 05/01/20\u00ad24"))).toEqual([]);
  });

  it("letters with marks are never folded (only digits and punctuation)", () => {
    expect(parseEvidence("Quyết định số 12/QĐ-UBND ngày ０５/０１/２０２４")[0]!.text).toContain("Quyết định");
  });
});

describe("line breaks of every kind part citations (WB22-5)", () => {
  it.each(["\u000b", "\r", "\u2028", "\u2029", "；", "\r\n", "\n"])("%j", (sep) => {
    const text = `Kế hoạch số 5/KH-UBND ngày 03/01/2024${sep}Quyết định số 12/QĐ-UBND ngày 05/01/2022`;
    expect(read(text)).toEqual([["5", "KH-UBND", "2024-01-03"], ["12", "QĐ-UBND", "2022-01-05"]]);
    expect(codes(check(text))).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 Biểu!F2"]);
  });
});

describe("an uncalculated formula in the evidence cell (WB22-4)", () => {
  // EVIDENCE_MISSING still (office-habits.test.ts holds "A1&B1" to it), saying the formula is not calculated and what to do.
  it("says the formula is not calculated and to open and save it in Excel, never 'no evidence'", () => {
    const report = check({ f: '"Quyết định số 12/QĐ-UBND ngày 05/01/"&"2024"' });
    expect(codes(report)).toEqual(["EVIDENCE_MISSING 1.1 Biểu!F2"]);
    expect(report.findings[0]!.message).toContain("chưa được tính");
    expect(report.findings[0]!.message).toContain("không có giá trị");
    expect(report.findings[0]!.message).toContain("mở tệp bằng Excel, lưu lại");
    expect(report.findings[0]!.message).not.toContain("chưa có tài liệu kiểm chứng");
    expect(report.findings[0]!.message).toContain('="Quyết định số 12/QĐ-UBND ngày 05/01/"&"2024"');
    expect(scores(report)["1.1"]).toBe(0);
  });

  it("so too a string formula saved with an empty value (<v></v>, as generators write it)", () => {
    const report = check({ v: "", f: '"Quyết định số 12/QĐ-UBND ngày 05/01/"&"2024"' });
    expect(codes(report)).toEqual(["EVIDENCE_MISSING 1.1 Biểu!F2"]);
    expect(report.findings[0]!.message).toContain("mở tệp bằng Excel, lưu lại");
  });

  it("a HYPERLINK formula saved without its value still cites its text", () => {
    expect(codes(check({ f: 'HYPERLINK("https://x.vn/a","Quyết định số 12/QĐ-UBND ngày 05/01/2024")' }))).toEqual([]);
  });
});

describe("a boolean in the evidence column is no document (WB22-10)", () => {
  it.each([false, true])("%s", (value) => {
    const report = check({ v: value, w: value ? "TRUE" : "FALSE" });
    expect(codes(report)).toEqual(["EVIDENCE_MISSING 1.1 Biểu!F2"]);
    expect(scores(report)["1.1"]).toBe(0);
    expect(report.findings[0]!.message).not.toMatch(/"(true|false)"/);
  });
});

describe("document numbers as offices type them (WB22-14)", () => {
  it.each([
    "Quyết định số 12/QĐ - UBND ngày 05/01/2024",
    "Quyết định số 12/QĐ‐UBND ngày 05/01/2024",
    "Quyết định số 12/QĐ‑UBND ngày 05/01/2024",
    "Quyết định số １２/QĐ-UBND ngày 05/01/2024",
    "Quyết định số 12／QĐ－UBND ngày 05/01/2024",
  ])("%j is 12/QĐ-UBND", (text) => {
    const [ref] = parseEvidence(text);
    expect(documentKey(ref!.number!, ref!.symbol!)).toBe("12/qd-ubnd");
    expect(ref!.date).toBe("2024-01-05");
  });

  it("a title after a spaced dash is no part of the symbol", () => {
    expect(read("Quyết định số 12/QĐ-UBND - Quyết định ban hành kế hoạch")).toEqual([["12", "QĐ-UBND", null]]);
  });
});

describe("an evidence cell of only invisible characters leaves the evidence sheet's list to stand in (WB22-1)", () => {
  const listed = setOf([{ code: "1.1", title: "Ban hành kế hoạch CCHC", max: 2, rule: { kind: "manual", step: 1 }, evidence: { required: true } }]);
  const grid = (own: string) => ({
    sheets: [
      { name: "Tự đánh giá", merges: [], rows: [["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng"], ["1", "Lĩnh vực 1", 2, null, null], ["1.1", "Ban hành kế hoạch CCHC", 2, 2, own]].map((r) => r.map((v) => (v === null ? null : { v }))) },
      { name: "TLKC", merges: [], rows: [["STT", "Mã tiêu chí", "Tên tài liệu kiểm chứng", "Số, ký hiệu", "Ngày ban hành"], [1, "1.1", "Kế hoạch CCHC", "106/KH-UBND", "20/06/2023"]].map((r) => r.map((v) => ({ v }))) },
    ],
  });
  it.each(["", "\u00ad", "\u200d\u2060"])("%j", (own) => {
    const report = scoreWorkbook(grid(own), listed);
    expect(codes(report)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1 TLKC!C2"]);
    expect(evidenceRegister(grid(own), listed).documents.map((d) => [d.number, d.citations.length])).toEqual([["106", 1]]);
  });
});
