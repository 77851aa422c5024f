import * as XLSX from "@e965/xlsx";
import { describe, expect, it } from "vitest";
import type { IssuedCode } from "../../shared/index.ts";
import { codesSheet } from "../src/codes-sheet.ts";
import type { OwnSheetSpec } from "../src/own-sheet.ts";
import { FileHost } from "../src/web/file-host.ts";
import { reportWorkbook } from "../src/web/report-download.ts";
import { downloadFileName } from "../src/web/workbook-page.ts";

/**
 * The web checker's download (issue 16 item 4): the sheets the add-in would have written,
 * as an .xlsx built with SheetJS, read back here as Excel would open it.
 */
const spec: OwnSheetSpec = {
  role: "result",
  title: "KẾT QUẢ",
  notes: ["=HYPERLINK(\"http://x\")"],
  tables: [
    {
      name: "T",
      caption: "Bảng",
      columns: [
        { header: "Mã", format: "text" },
        { header: "Điểm", format: "decimal" },
        { header: "Ngày", format: "date" },
        { header: "Ghi chú", format: "text", wrap: true },
      ],
      rows: [
        ["1.10", 1.5, "2024-01-05", "+84 912 345 678"],
        ["2", 0, "", "@tên"],
      ],
      empty: "—",
    },
  ],
  charts: [],
  freezeHeader: false,
};

async function readBack(specs: { name: string; spec: OwnSheetSpec }[]): Promise<XLSX.WorkBook> {
  return XLSX.read(await reportWorkbook(specs), { type: "array", cellNF: true });
}

describe("the report as a workbook", () => {
  it("keeps text as text, numbers as numbers and dates as date cells; nothing becomes a formula", async () => {
    const book = await readBack([{ name: "Kết quả kiểm tra", spec }]);
    const sheet = book.Sheets["Kết quả kiểm tra"]!;
    const at = (a: string) => sheet[a];
    expect(at("A1")).toMatchObject({ t: "s", v: "KẾT QUẢ" });
    // "1.10" is a code, not the number 1.1; a formula-looking note is text with the apostrophe the exports use
    expect(at("A2")).toMatchObject({ t: "s", v: "'=HYPERLINK(\"http://x\")" });
    expect(at("A6")).toMatchObject({ t: "s", v: "1.10" });
    expect(at("B6")).toMatchObject({ t: "n", v: 1.5 });
    expect(at("C6")).toMatchObject({ t: "n", z: "dd/mm/yyyy" });
    expect(XLSX.SSF.format("dd/mm/yyyy", at("C6")!.v as number)).toBe("05/01/2024");
    expect(at("D6")).toMatchObject({ t: "s", v: "'+84 912 345 678" });
    expect(at("D7")).toMatchObject({ t: "s", v: "'@tên" });
    for (const address of Object.keys(sheet).filter((k) => !k.startsWith("!"))) expect(sheet[address]!.f, address).toBeUndefined();
  });

  it("holds every sheet the add-in wrote for the file, under the names it gave them", async () => {
    const host = new FileHost({ sheets: [{ name: "CCHC Mã kích hoạt", rows: [[{ v: "của người dùng" }]] }] });
    const codes: IssuedCode[] = [{ code: "ABCD-EFGH-JK", unit: { id: "xa-hoa-mot", name: "Xã Hòa Một" }, role: "unit", expiresAt: "2026-12-13T23:59:59+07:00" }];
    const written = await host.writeOwnSheet(codesSheet(codes, "vi", new Date(2026, 10, 29, 10, 19)), "vi");
    expect(written).toEqual({ name: "CCHC Mã kích hoạt (CCHC)", besideSheet: "CCHC Mã kích hoạt" });
    const book = await readBack([...host.ownSheets.values()]);
    expect(book.SheetNames).toEqual(["CCHC Mã kích hoạt (CCHC)"]);
    const rows = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets["CCHC Mã kích hoạt (CCHC)"]!, { header: 1, raw: false, dateNF: "dd/mm/yyyy" });
    expect(rows[0]).toEqual(["MÃ KÍCH HOẠT CHỈ SỐ CCHC"]);
    expect(rows[1]).toEqual(["Tạo bởi Chỉ số CCHC lúc 29/11/2026 10:19"]);
    expect(rows[4]).toEqual(["Đơn vị", "Trực thuộc", "Mã đơn vị", "Mã kích hoạt", "Dùng được đến hết ngày", "Cách dùng"]);
    // an answer without a parent (an older server) leaves "Trực thuộc" empty
    expect([rows[5]![0], ...rows[5]!.slice(2, 5)]).toEqual(["Xã Hòa Một", "xa-hoa-mot", "ABCD-EFGH-JK", "13/12/2026"]);
    expect(rows[5]![1] ?? "").toBe("");
  });
});

describe("the downloaded report's name", () => {
  it("is the workbook's name and the suffix, or the suffix alone when no workbook was opened (not 'ket-qua-kiem-tra - ket-qua-kiem-tra')", () => {
    expect(downloadFileName("Xã An Phú.xlsx", "vi")).toBe("Xã An Phú - ket-qua-kiem-tra.xlsx");
    expect(downloadFileName("", "vi")).toBe("ket-qua-kiem-tra.xlsx");
    expect(downloadFileName("", "en")).toBe("check-results.xlsx");
  });
});
