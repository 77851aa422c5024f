/**
 * API round 5 (API5-8): a survey workbook (.xlsx) sent as text/csv was told it was "saved as
 * Unicode/UTF-16" and to save it again as CSV UTF-8. Its bytes are a ZIP (an OLE file for .xls):
 * the answer now says it is an Excel workbook and how to send it, since the route reads .xlsx.
 */
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { workerFetch } from "./observed-statuses.ts";

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function surveyWorkbook(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Đơn vị", "Mã", "Điểm"], ["xa-an-loc", "7.1.1", 4.5]]), "Khảo sát");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}

const send = (body: Uint8Array, type: string) =>
  workerFetch("https://parindex.test/v1/periods/2024-commune/survey", {
    method: "POST",
    body,
    headers: { Authorization: "Bearer demo-admin", "Content-Type": type, "X-Test-Now": "2025-03-01T09:00:00+07:00" },
  });

describe("a survey workbook sent as CSV", () => {
  it("is told it is an Excel workbook and which Content-Type reads it, not 'saved as UTF-16'", async () => {
    const res = await send(surveyWorkbook(), "text/csv");
    const body = (await res.json()) as { error: { code: string; message: string; issues?: { message: string }[] } };
    expect([res.status, body.error.code]).toEqual([422, "SURVEY_INVALID"]);
    const text = JSON.stringify(body);
    expect(text).not.toContain("UTF-16");
    expect(text).toContain("sổ tính Excel");
    expect(text).toContain(XLSX_TYPE);
  });

  it("is imported when sent with the workbook's own Content-Type", async () => {
    expect((await send(surveyWorkbook(), XLSX_TYPE)).status).toBe(201);
  });
});
