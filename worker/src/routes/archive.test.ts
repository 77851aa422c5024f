import * as XLSX from "@e965/xlsx";
import { workerFetch } from "../../test/observed-statuses.ts";
import { describe, expect, it } from "vitest";
import { call, uniqueKey } from "../../test/helpers.ts";
import { AT, newPeriod, step, submitFor } from "../../test/cycle-helpers.ts";
import { unzipSync } from "fflate";

const A = "t-archive-2024";

function workbookBase64(): { bytes: Uint8Array; base64: string } {
  const ws = XLSX.utils.aoa_to_sheet([
    ["Mã tiêu chí", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Tài liệu kiểm chứng", "Điểm tự đánh giá"],
    ["1.2", "Báo cáo CCHC định kỳ", 3, "Báo cáo số 15/BC-UBND ngày 10/12/2024", 3],
  ]);
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, ws, "Tự đánh giá");
  const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return { bytes, base64: btoa(bin) };
}

/** Reads the ZIP back with fflate (which checks each entry's CRC-32). */
const readZip = (zip: Uint8Array): Map<string, Uint8Array> => new Map(Object.entries(unzipSync(zip)));

describe("evidence archive", () => {
  it("keeps the submitted workbook in R2, scores it when sent alone, and lets reviewers and the unit download it", async () => {
    await newPeriod(A);
    const { bytes, base64 } = workbookBase64();
    const res = await call("POST", "/v1/submissions", { body: { period: A, unit: "xa-an-phu", file: { name: "C:\\Hồ sơ\\tu-danh-gia.xlsx", base64 } }, at: AT, headers: { "Idempotency-Key": uniqueKey("file") } });
    expect(res.status).toBe(201);
    expect(res.body.report.items.find((i: { code: string }) => i.code === "1.2").score).toBe(3);
    for (const who of ["reviewer", "unit", "admin"] as const) {
      const file = await workerFetch(`https://parindex.test/v1/submissions/${res.body.id}/file`, { headers: { Authorization: `Bearer demo-${who}` } });
      expect([who, file.status]).toEqual([who, 200]);
      expect(file.headers.get("Content-Disposition")).toContain("tu-danh-gia.xlsx");
      expect(new Uint8Array(await file.arrayBuffer())).toEqual(bytes);
    }
    const other = await submitFor(A, "xa-dong-hai");
    expect((await call("GET", `/v1/submissions/${other.id}/file`, { as: "reviewer" })).status).toBe(404);
    expect((await call("GET", `/v1/submissions/${other.id}/file`, { as: "admin" })).body.error.code).toBe("FILE_NOT_FOUND");
    // old clients (items, no file) keep working
    const plain = await submitFor(A, "xa-an-phu", { short: 1 });
    expect(plain.version).toBe(2);
  });

  it("bundles a unit's workbooks, server reports and appraisal as a ZIP", async () => {
    await newPeriod(A);
    const { bytes, base64 } = workbookBase64();
    await submitFor(A, "xa-an-loc", { file: { name: "an-loc.xlsx", base64 } });
    await step(A, "xa-an-loc", { action: "start_review" });
    const res = await workerFetch(`https://parindex.test/v1/units/xa-an-loc/periods/${A}/bundle.zip`, { headers: { Authorization: "Bearer demo-reviewer" } });
    expect([res.status, res.headers.get("Content-Type")]).toEqual([200, "application/zip"]);
    const files = readZip(new Uint8Array(await res.arrayBuffer()));
    expect([...files.keys()]).toEqual(["v1/bao-cao-may-chu.json", "v1/an-loc.xlsx", "tham-dinh.json"]);
    expect(files.get("v1/an-loc.xlsx")).toEqual(bytes);
    expect(JSON.parse(new TextDecoder().decode(files.get("tham-dinh.json")))).toMatchObject({ status: "under_review", turn: "reviewer", history: [{ status: "under_review" }] });
    expect((await call("GET", `/v1/units/xa-an-loc/periods/${A}/bundle.zip`, { as: "unit" })).status).toBe(404);
    expect((await call("GET", `/v1/units/xa-binh-hoa/periods/${A}/bundle.zip`, { as: "reviewer" })).status).toBe(404);
  });
});
