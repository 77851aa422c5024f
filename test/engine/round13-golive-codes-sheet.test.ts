/**
 * Go-live round (GL-1, GL-9): the codes sheet names each unit's parent, so two "Xã Tân Lập"
 * of two districts are told apart, and the web checker's address when its maker knows it.
 */
import { describe, expect, it } from "vitest";
import { activationSheetCsv, activationSheetRows, activationSheetTable, unitWithParent, type IssuedCode } from "../../shared/index.ts";

const expiresAt = "2026-12-14T23:59:59+07:00";
const namesakes: IssuedCode[] = [
  { code: "57FT-J4PB-PV", unit: { id: "xa-tan-lap", name: "Xã Tân Lập", parent: { id: "huyen-yen-son", name: "Huyện Yên Sơn" } }, role: "unit", expiresAt },
  { code: "74ZY-HQKN-5T", unit: { id: "xa-tan-lap-2", name: "Xã Tân Lập", parent: { id: "huyen-ham-yen", name: "Huyện Hàm Yên" } }, role: "unit", expiresAt },
];

describe("GL-1: the parent on the codes sheet", () => {
  it("is a column 'Trực thuộc' beside the unit's name, in the CSV and the XLSX alike", () => {
    const lines = activationSheetCsv(namesakes, "vi").split("\r\n");
    expect(lines[0]).toBe("\uFEFFĐơn vị;Trực thuộc;Mã đơn vị;Mã kích hoạt;Dùng được đến hết ngày;Cách dùng");
    expect(lines[1]).toMatch(/^Xã Tân Lập;Huyện Yên Sơn;xa-tan-lap;57FT-J4PB-PV;14\/12\/2026;/);
    expect(lines[2]).toMatch(/^Xã Tân Lập;Huyện Hàm Yên;xa-tan-lap-2;74ZY-HQKN-5T;14\/12\/2026;/);
    const table = activationSheetTable(namesakes, "en");
    expect(table.rows[0]).toEqual(["Unit", "Parent unit", "Unit id", "Activation code", "Valid through", "How to use it"]);
    expect(table.widths).toHaveLength(table.rows[0]!.length);
  });

  it("leaves the cell empty for a province or an answer without a parent", () => {
    const rows = activationSheetRows([{ code: "ABCD-EFGH-JK", unit: { id: "tinh-x", name: "Tỉnh X", parent: null }, role: "unit", expiresAt }, { code: "ABCD-EFGH-JM", unit: { id: "x", name: "X" }, role: "unit", expiresAt }], "vi");
    expect(rows.slice(1).map((r) => r[1])).toEqual(["", ""]);
  });

  it("names a unit with its parent once activated", () => {
    expect(unitWithParent(namesakes[1]!.unit)).toBe("Xã Tân Lập (Huyện Hàm Yên)");
    expect(unitWithParent({ name: "Tỉnh X", parent: null })).toBe("Tỉnh X");
    expect(unitWithParent({ name: "Xã An Phú" })).toBe("Xã An Phú");
  });
});

describe("GL-9: the web checker's address on the sheet", () => {
  it("is in the instruction when the sheet's maker knows the origin", () => {
    const [, vi] = activationSheetRows(namesakes, "vi", { origin: "https://cchc.tinhx.gov.vn" });
    expect(vi?.at(-1)).toBe("Mở Chỉ số CCHC (trong Excel hoặc trên trang web của tỉnh https://cchc.tinhx.gov.vn/), chọn Kích hoạt và nhập mã này. Mỗi mã chỉ dùng được một lần.");
    const [, en] = activationSheetRows(namesakes, "en", { origin: "https://cchc.tinhx.gov.vn" });
    expect(en?.at(-1)).toBe("Open PAR INDEX (in Excel or on the province's web page https://cchc.tinhx.gov.vn/), choose Activate and type this code. Each code works once.");
  });

  it("keeps today's sentence without one", () => {
    const [, vi] = activationSheetRows(namesakes, "vi");
    expect(vi?.at(-1)).toBe("Mở Chỉ số CCHC (trong Excel hoặc trên trang web của tỉnh), chọn Kích hoạt và nhập mã này. Mỗi mã chỉ dùng được một lần.");
  });
});
