/**
 * Round 35 (rt-wb35): a heading's unit against its file's name compared as names, not words
 * inside the name (WB35-4); a document dated by a span of years after its number (WB35-7).
 */
import { describe, expect, it } from "vitest";
import { evidenceRegister, scoreWorkbook } from "../../shared/index.ts";
import { COLUMNS, codes, row, setOf, table } from "./v2-helpers.ts";

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
