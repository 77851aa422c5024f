import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../shared/evidence.ts";

describe("evidence entries as units cite them", () => {
  it.each([
    ["Kế hoạch số 08/KH-UBND ngày 22/01/2025", "Kế hoạch", "08", "KH-UBND", "2025-01-22"],
    ["KH 08/KH-UBND ngày 22/01/2025", "Kế hoạch", "08", "KH-UBND", "2025-01-22"],
    ["QĐ số 12/QĐ-UBND (05/01/2024)", "Quyết định", "12", "QĐ-UBND", "2024-01-05"],
    ["Số 45/2024/QĐ-UBND ngày 20/02/2024", "Quyết định", "45", "2024/QĐ-UBND", "2024-02-20"],
    ["08/TTr-UBND (22.01.2025)", "Tờ trình", "08", "TTr-UBND", "2025-01-22"],
    ["Công văn số 123/UBND-VP ngày 1/2/2025", "Công văn", "123", "UBND-VP", "2025-02-01"],
    ["Số 123/UBND-VP ngày 1/2/2025", null, "123", "UBND-VP", "2025-02-01"],
    ["Quyết định 1234/QĐ-UBND ngày 15 tháng 12 năm 2023", "Quyết định", "1234", "QĐ-UBND", "2023-12-15"],
  ])("%j: %s số %s/%s, %s", (text, kind, number, symbol, date) => {
    expect(parseEvidence(text)).toEqual([{ text, kind, number, symbol, date, recognised: true }]);
  });

  it("splits on new lines and ';', and leaves what it cannot read unrecognised", () => {
    expect(parseEvidence("Thông báo số 25/TB-UBND ngày 15/10/2025\nKH 03/KH-UBND ngày 08/01/2025; Đính kèm").map((r) => [r.kind, r.recognised])).toEqual([
      ["Thông báo", true],
      ["Kế hoạch", true],
      [null, false],
    ]);
  });
});
