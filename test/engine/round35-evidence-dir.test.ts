/**
 * Round 35 (rt-wb35): a heading's unit against its file's name compared as names, not words
 * inside the name (WB35-4); a document dated by a span of years after its number (WB35-7).
 */
import { describe, expect, it } from "vitest";
import { evidenceRegister, scoreWorkbook } from "../../shared/index.ts";
import { headingNamesFile } from "../../shared/heading-unit-of-file.ts";
import type { HeadingUnit } from "../../shared/heading-unit.ts";
import { COLUMNS, codes, row, setOf, table } from "./v2-helpers.ts";

const heading = (text: string): HeadingUnit => ({ text, key: text, type: "commune", rank: 0, cell: "'Tự đánh giá'!A1" });

describe("WB35-4: the file's unit name is the heading's, not a name it starts with or holds", () => {
  it.each([
    ["Xã An Phú Đông", "UBND XÃ AN PHÚ"],
    ["Xã Tân An Hội", "UBND XÃ TÂN AN"],
    ["Phường 1 Quận 3", "UBND PHƯỜNG 12"],
    ["Xã Tân An", "UBND XÃ TÂN AN HỘI"],
    ["Tân An Hội", "UBND XÃ TÂN AN"],
    ["Xã Hòa Nam", "UBND XÃ HÒA"],
    ["Báo cáo tự đánh giá xã Phú Hòa Đông", "UBND XÃ PHÚ HÒA"],
    ["Xã An Phú", "UBND XÃ TÂN AN"],
  ])("%s headed %s is another unit", (file, text) => {
    expect(headingNamesFile(file, heading(text))).toBe("other");
  });

  it.each([
    ["Xã Tân An", "UBND XÃ TÂN AN"],
    ["Xã Tân An - bản cuối", "UBND XÃ TÂN AN"],
    ["Xã Tân An (1)", "UBND XÃ TÂN AN"],
    ["Xã Tân An lần 2", "UBND XÃ TÂN AN"],
    ["Xã Tân An_lan 2", "UBND XÃ TÂN AN"],
    ["Xã Tân An sửa", "UBND XÃ TÂN AN"],
    ["Xã Tân An (đã sửa)", "UBND XÃ TÂN AN"],
    ["Xã Tân An final", "UBND XÃ TÂN AN"],
    ["Xã Tân An năm 2024", "UBND XÃ TÂN AN"],
    ["Xã Tân An 2024", "UBND XÃ TÂN AN"],
    ["Xã Tân An - bản chính thức (2)", "UBND XÃ TÂN AN"],
    ["UBND xã Tân An", "UBND XÃ TÂN AN"],
    ["Xa Tan An", "UBND XÃ TÂN AN"],
    ["Tân An", "UBND XÃ TÂN AN"],
    ["Báo cáo tự đánh giá xã Tân An", "UBND XÃ TÂN AN"],
    ["Xã Tân An, huyện Củ Chi", "UBND XÃ TÂN AN"],
    ["Xã Hòa Nam", "UBND XÃ HÒA NAM"],
    ["Phường 3", "UBND PHƯỜNG 3"],
    ["Phường 03", "UBND PHƯỜNG 3"],
    ["Phường 1 Quận 3", "UBND PHƯỜNG 1"],
    ["Phường 3 (Quận 5)", "UBND PHƯỜNG 3"],
    ["Phuong_4", "ỦY BAN NHÂN DÂN PHƯỜNG 4"],
    ["Thị trấn 30-4", "THỊ TRẤN 30/4"],
    ["HoaAn", "UBND XÃ HÒA AN"],
    ["P3", "UBND PHƯỜNG 3"],
    ["XaAnPhu", "UBND XÃ AN PHÚ"],
    ["Xã 19-5", "XÃ 19/5"],
  ])("%s headed %s is the same unit", (file, text) => {
    expect(headingNamesFile(file, heading(text))).toBe("same");
  });

  it.each([
    ["P3", "UBND PHƯỜNG 3"],
    ["P.3", "UBND PHƯỜNG 12"],
    ["P3", "UBND PHƯỜNG 12"],
    ["XaAnPhu", "UBND XÃ AN PHÚ"],
    ["XaAnPhu", "UBND XÃ TÂN AN"],
    ["xaanphu", "UBND XÃ TÂN AN"],
    ["TT Hà Lam", "UBND THỊ TRẤN NAM PHƯỚC"],
    ["X. An Phú", "UBND XÃ TÂN AN"],
  ])("%s (an abbreviation, or a name run together) headed %s is not read as a unit: no note either way", (file, text) => {
    expect(headingNamesFile(file, heading(text))).not.toBe("other");
  });
});

const CODES = ["1.1", "1.2"];
const set = setOf(CODES.map((code) => ({ code, title: `Tiêu chí ${code}`, max: 1, rule: { kind: "manual", step: 1 }, evidence: { required: true } })));
function workbook(evidence: Record<string, string>) {
  const rows = [["1", "Lĩnh vực 1", 2, null, null, null, null], ...CODES.map((c) => row(c, { max: 1, self: 1, evidence: evidence[c] ?? "Quyết định số 15/QĐ-UBND ngày 05/02/2024" }))];
  return table(COLUMNS, rows);
}
const evidenceFindings = (grid: ReturnType<typeof workbook>) => codes(scoreWorkbook(grid, set)).filter((c) => c.startsWith("EVIDENCE"));

describe("WB35-7: a span of years after a document's number dates it by the span", () => {
  it.each([
    "Báo cáo số 45/BC-UBND năm 2023-2024",
    "Báo cáo số 45/BC-UBND năm 2023 - 2024",
    "Báo cáo số 45/BC-UBND năm 2023 – 2024",
    "Báo cáo số 45/BC-UBND năm 2024-2025",
    "Kế hoạch số 12/KH-UBND năm 2022-2025",
    "Báo cáo số 45/BC-UBND năm 2023 đến 2024",
    "Báo cáo số 45/BC-UBND năm 2023 đến năm 2024",
    "Báo cáo số 45/BC-UBND năm 2023-24",
  ])("%s reaches into the period: no finding, in check or in the register", (cited) => {
    const grid = workbook({ "1.1": cited });
    expect(evidenceFindings(grid)).toEqual([]);
    const doc = evidenceRegister(grid, set).documents.find((d) => d.citations.some((c) => c.text === cited))!;
    expect(doc.flags).toEqual([]);
  });

  it.each([
    ["Báo cáo số 45/BC-UBND năm 2021-2022", "năm 2021-2022"],
    ["Báo cáo số 45/BC-UBND năm 2025 - 2026", "năm 2025 - 2026"],
  ])("%s wholly outside the period is flagged, said as written", (cited, written) => {
    const grid = workbook({ "1.1": cited });
    const found = scoreWorkbook(grid, set).findings.filter((f) => f.code.startsWith("EVIDENCE"));
    expect(found.map((f) => `${f.code} ${f.criterion}`)).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.1"]);
    expect(found[0]!.message).toContain(`ghi ${written}, ngoài kỳ đánh giá`);
    const doc = evidenceRegister(grid, set).documents.find((d) => d.number === "45")!;
    expect(doc.flags).toEqual(["OUT_OF_PERIOD"]);
  });

  it("a single year stays as round 33 read it", () => {
    expect(evidenceFindings(workbook({ "1.1": "Báo cáo số 45/BC-UBND năm 2023" }))).toEqual([expect.stringMatching(/^EVIDENCE_DATE_OUT_OF_PERIOD 1\.1 /)]);
  });
});
