/**
 * API round 5: what a submission is scored from.
 * - API5-4: `grid` and `file` together were scored from the grid while the file was archived
 *   unread, so the "original workbook" a reviewer opens could be another workbook. The server
 *   now reads the file too and refuses (422 GRID_FILE_MISMATCH) a grid whose scores are not the file's.
 * - API5-6: `sheet` naming a sheet the workbook does not have was refused as "no criteria table"
 *   (HEADER_NOT_FOUND); now 422 SHEET_NOT_FOUND naming it and the sheets there are, as the CLI says.
 */
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { call, count, uniqueKey } from "./helpers.ts";
import { AT, newPeriod } from "./cycle-helpers.ts";

const P = "t-round5-sub";

function workbook(self: number, sheet = "Tự đánh giá"): { base64: string; grid: unknown } {
  const ws = XLSX.utils.aoa_to_sheet([
    ["Mã tiêu chí", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Tài liệu kiểm chứng", "Điểm tự đánh giá"],
    ["1.2", "Báo cáo CCHC định kỳ", 3, "Báo cáo số 15/BC-UBND ngày 10/12/2024", self],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, sheet);
  const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new Error(read.message);
  // The grid as a client sends it: what the server's own reader sees in the file.
  return { base64: btoa(bin), grid: { sheets: read.grid.sheets.map((s) => ({ ...s, merges: s.merges ?? [] })) } };
}

const submit = (body: Record<string, unknown>) =>
  call("POST", "/v1/submissions", { body: { period: P, unit: "xa-an-phu", ...body }, at: AT, headers: { "Idempotency-Key": uniqueKey("r5") } });

describe("a submission with grid and file", () => {
  it("stores the grid with its own file (the scores agree)", async () => {
    await newPeriod(P);
    const a = workbook(3);
    const res = await submit({ grid: a.grid, file: { name: "tu-danh-gia.xlsx", base64: a.base64 } });
    expect(res.status, res.text).toBe(201);
    expect(res.body.report.items.find((i: { code: string }) => i.code === "1.2").score).toBe(3);
  });

  it("refuses a grid that is not the file's reading, archiving nothing", async () => {
    await newPeriod(P);
    const [versions, files] = [await count("submissions"), await count("submission_files")];
    const res = await submit({ grid: workbook(3).grid, file: { name: "khac.xlsx", base64: workbook(0).base64 } });
    expect([res.status, res.body?.error?.code], res.text).toEqual([422, "GRID_FILE_MISMATCH"]);
    expect(res.body.error.message).toContain("1.2");
    expect([await count("submissions"), await count("submission_files")]).toEqual([versions, files]);
  });
});

describe("a submission's sheet", () => {
  it("naming a sheet the workbook does not have → 422 SHEET_NOT_FOUND naming the sheets there are", async () => {
    await newPeriod(P);
    const res = await submit({ grid: workbook(3).grid, sheet: "Bảng 2024" });
    expect([res.status, res.body?.error?.code], res.text).toEqual([422, "SHEET_NOT_FOUND"]);
    expect(res.body.error.message).toContain('"Bảng 2024"');
    expect(res.body.error.message).toContain("Tự đánh giá");
  });

  it("matches a sheet as Excel does (case, NFD)", async () => {
    await newPeriod(P);
    for (const sheet of ["tự đánh giá", "Tự đánh giá".normalize("NFD")]) expect((await submit({ grid: workbook(3).grid, sheet })).status).toBe(201);
  });
});
