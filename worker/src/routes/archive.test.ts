import * as XLSX from "@e965/xlsx";
import { workerFetch } from "../../test/observed-statuses.ts";
import { describe, expect, it } from "vitest";
import { env } from "cloudflare:test";
import { call, count, uniqueKey } from "../../test/helpers.ts";
import { AT, itemsWith, newPeriod, step, submitFor } from "../../test/cycle-helpers.ts";
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

describe("evidence files: media types and names (issue 15, items 3 and 9)", () => {
  const send = (file: Record<string, string>) =>
    call("POST", "/v1/submissions", { body: { period: A, unit: "xa-an-phu", items: itemsWith(0), file }, at: AT, headers: { "Idempotency-Key": uniqueKey("ct") } });

  it("accepts only workbook media types, without CR/LF, and only workbook bytes", async () => {
    await newPeriod(A);
    const { base64 } = workbookBase64();
    const before = await count("submission_files");
    for (const contentType of ["text/html", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\nX-Injected: 1", "image/svg+xml"]) {
      const res = await send({ name: "a.xlsx", base64, contentType });
      expect([contentType, res.status, res.body.error.code]).toEqual([contentType, 400, "VALIDATION_FAILED"]);
    }
    const html = await send({ name: "a.xlsx", base64: btoa("<html><script>alert(1)</script></html>") });
    expect([html.status, html.body.error.code]).toEqual([422, "NOT_A_WORKBOOK"]);
    expect(await count("submission_files")).toBe(before);
    expect((await send({ name: "a.xls", base64, contentType: "application/vnd.ms-excel" })).status).toBe(201);
  });

  it("serves downloads with nosniff, and a stored type from before the allow-list as a neutral binary", async () => {
    await newPeriod(A);
    // A row stored before the allow-list (files are append-only: written once, as the API used to).
    const stored = await submitFor(A, "xa-an-phu");
    const { bytes } = workbookBase64();
    const key = `submissions/${stored.id}/a.xlsx`;
    await env.ARCHIVE!.put(key, bytes);
    await env.DB.prepare("INSERT INTO submission_files (submission_id, r2_key, name, content_type, size, sha256) VALUES (?1, ?2, 'a.xlsx', ?3, ?4, 'x')")
      .bind(stored.id, key, "text/html\r\nX-Injected: 1", bytes.length)
      .run();
    const file = await workerFetch(`https://parindex.test/v1/submissions/${stored.id}/file`, { headers: { Authorization: "Bearer demo-admin" } });
    expect([file.status, file.headers.get("Content-Type"), file.headers.get("X-Content-Type-Options"), file.headers.get("X-Injected")]).toEqual([200, "application/octet-stream", "nosniff", null]);
    for (const path of [`/v1/units/xa-an-phu/periods/${A}/bundle.zip`, `/v1/periods/${A}/ranking?format=csv`, `/v1/periods/${A}/ranking?format=xlsx`, `/v1/submissions/${stored.id}/register?format=csv`]) {
      const res = await workerFetch(`https://parindex.test${path}`, { headers: { Authorization: "Bearer demo-admin", "X-Test-Now": AT } });
      expect([path, res.status, res.headers.get("X-Content-Type-Options")]).toEqual([path, 200, "nosniff"]);
    }
  });

  it.each([
    ["..", "workbook.xlsx"],
    ["../../etc/passwd", "passwd"],
    ["C:x.xlsx:stream", "C_x.xlsx_stream"],
    ["hoso\u202Exslx.exe", "hosoxslx.exe"],
    ["CON.xlsx", "_CON.xlsx"],
    [" .Tự đánh giá 2024.xlsx. ", "Tự đánh giá 2024.xlsx"],
    ['a"b\r\nc.xlsx', "a_bc.xlsx"],
  ])("stores, zips and names %j as %j", async (name, safe) => {
    await newPeriod(A);
    const { base64 } = workbookBase64();
    const stored = await send({ name, base64 });
    expect(stored.status).toBe(201);
    const file = await workerFetch(`https://parindex.test/v1/submissions/${stored.body.id}/file`, { headers: { Authorization: "Bearer demo-admin" } });
    const disposition = file.headers.get("Content-Disposition")!;
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(safe).replace(/['()*!]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)}`);
    expect(disposition).not.toMatch(/[\r\n\u202e]|\.\.|filename="[^"]*"[^;]/);
    const zip = await workerFetch(`https://parindex.test/v1/units/xa-an-phu/periods/${A}/bundle.zip`, { headers: { Authorization: "Bearer demo-admin" } });
    const entries = [...readZip(new Uint8Array(await zip.arrayBuffer())).keys()];
    expect(entries).toContain(`v${stored.body.version}/${safe}`);
    for (const entry of entries) expect(entry).not.toMatch(/\.\.|:|\\|[\u202a-\u202e\u2066-\u2069]|^\//);
  });
});
