/**
 * Contract tester CF3-10: a workbook the server cannot read was refused with a generic
 * Vietnamese sentence ("Tệp không phải sổ tính Excel đọc được"), what to do (password, a CSV
 * renamed, a damaged file) only in the English half or nowhere, while the CLI says it in
 * Vietnamese. The Worker now gives the reader's own reason, Vietnamese first, as the CLI does.
 */
import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import { call, uniqueKey } from "./helpers.ts";
import { workerFetch } from "./observed-statuses.ts";
import { AT, newPeriod } from "./cycle-helpers.ts";

const P = "t-cf3-unreadable";

function base64(bytes: Uint8Array): string {
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** What Excel writes for a workbook with a password: an OLE2 container holding EncryptionInfo and EncryptedPackage. */
function encrypted(): Uint8Array {
  const cfb = (XLSX as unknown as { CFB: { utils: { cfb_new(): unknown; cfb_add(c: unknown, n: string, d: Uint8Array): void }; write(c: unknown, o: { type: string }): ArrayBuffer } }).CFB;
  const container = cfb.utils.cfb_new();
  cfb.utils.cfb_add(container, "/EncryptionInfo", new Uint8Array([4, 0, 4, 0, 0x40, 0, 0, 0]));
  cfb.utils.cfb_add(container, "/EncryptedPackage", new Uint8Array(64));
  return new Uint8Array(cfb.write(container, { type: "array" }));
}

/** A real workbook cut short (an interrupted download). */
function truncated(): Uint8Array {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["Mã tiêu chí", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1.2", "Báo cáo", 3, 3]]), "Tự đánh giá");
  const bytes = new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
  return bytes.subarray(0, Math.floor(bytes.length / 2));
}

const csv = new TextEncoder().encode("Mã tiêu chí,Tiêu chí,Điểm tối đa,Điểm tự đánh giá\n1.2,Báo cáo,3,3\n");

const submit = (bytes: Uint8Array) =>
  call("POST", "/v1/submissions", { body: { period: P, unit: "xa-an-phu", file: { name: "tu-danh-gia.xlsx", base64: base64(bytes) } }, at: AT, headers: { "Idempotency-Key": uniqueKey("cf3") } });

describe("an unreadable workbook is refused with what to do, Vietnamese first", () => {
  it.each([
    ["a password", encrypted, /^Tệp được đặt mật khẩu: mở bằng Excel, bỏ mật khẩu \(Tệp > Thông tin > Bảo vệ sổ làm việc .*\), lưu lại rồi kiểm tra tệp đó \/ the workbook is protected by a password/],
    ["a damaged file", truncated, /^Tệp bị cắt cụt \(tải về hoặc chép chưa hết\): tải lại hoặc chép lại tệp .* \/ the file is cut short \(an interrupted download or copy\): .* \(.+\)$/],
    ["a CSV renamed", () => csv, /^Tệp là tệp văn bản \(CSV\), không phải tệp Excel: mở tệp bằng Excel, chọn Lưu thành .* \/ a text file \(CSV\) named as a workbook/],
  ])("%s", async (_, bytes, said) => {
    await newPeriod(P);
    const res = await submit(bytes());
    expect([res.status, res.body.error.code]).toEqual([422, "NOT_A_WORKBOOK"]);
    expect(res.body.error.message).toMatch(said);
  });

  it("says the same for a survey sent as .xlsx", async () => {
    const res = await workerFetch("https://parindex.test/v1/periods/2024-commune/survey", {
      method: "POST",
      body: encrypted(),
      headers: { Authorization: "Bearer demo-admin", "Content-Type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "X-Test-Now": "2025-03-01T09:00:00+07:00" },
    });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([res.status, body.error.code]).toEqual([422, "NOT_A_WORKBOOK"]);
    expect(body.error.message).toMatch(/^Tệp được đặt mật khẩu: /);
  });
});
