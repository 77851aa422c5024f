import { describe, expect, it } from "vitest";
import { scoreWorkbook, type GridCell } from "../../shared/index.ts";
import { codes, setOf, type Cell } from "./v2-helpers.ts";

/**
 * "Tài liệu kiểm chứng" over "Số, ký hiệu văn bản" | "Ngày ban hành" | "Trích yếu nội dung", and
 * no note column: the unit's "Năm 2024 không phát sinh văn bản trái pháp luật" in the summary
 * column was not read as its explanation (EVIDENCE_MISSING, 0 of 3: tenth red-team round).
 */
const set = setOf([
  { code: "1.1", title: "Kế hoạch", max: 2, evidence: { required: true } },
  { code: "1.2", title: "Kiểm tra văn bản trái pháp luật", max: 3, notApplicable: "full", evidence: { required: true } },
]);
const cell = (v: Cell): GridCell | null => (v === null || v === undefined ? null : typeof v === "object" ? v : { v });
const grid = (withNote: boolean) => {
  const top = ["STT", "Tiêu chí", "Điểm tối đa", "Tài liệu kiểm chứng", null, null, "Điểm tự đánh giá", ...(withNote ? ["Ghi chú"] : [])];
  const sub = [null, null, null, "Số, ký hiệu văn bản", "Ngày ban hành", "Trích yếu nội dung", null, ...(withNote ? [null] : [])];
  const rows: Cell[][] = [
    top,
    sub,
    ["1", "Lĩnh vực 1", 5],
    ["1.1", "Kế hoạch", 2, "15/KH-SNN", "10/01/2024", "Kế hoạch CCHC năm 2024", 2],
    ["1.2", "Kiểm tra văn bản trái pháp luật", 3, null, null, "Năm 2024 không phát sinh văn bản trái pháp luật", "Không phát sinh"],
  ];
  return { sheets: [{ name: "TĐG", rows: rows.map((r) => r.map(cell)), merges: [{ s: { r: 0, c: 3 }, e: { r: 0, c: 5 } }, ...[0, 1, 2, 6].map((c) => ({ s: { r: 0, c }, e: { r: 1, c } }))] }] };
};

describe("the summary column under the evidence group", () => {
  it("is the note when the table has no note column: its explanation counts", () => {
    const report = scoreWorkbook(grid(false), set);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(5);
  });

  it("stays out of the way when the table has a note column of its own", () => {
    const report = scoreWorkbook(grid(true), set);
    expect(codes(report)).toEqual(["EVIDENCE_MISSING 1.2 TĐG!D5"]);
  });
});
