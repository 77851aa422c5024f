import { describe, expect, it } from "vitest";
import { a1, quoteSheetName } from "../../shared/grid.ts";

/**
 * A finding's `cell` names its sheet as Excel writes it (CRITERIA-FORMAT §4). A CLI tester found
 * names Excel quotes and the engine did not: "R", "C", "TRUE", and names that start with an
 * R1C1 reference ("R2Báo", "C1x", "RC123Test") — Excel reads on past the number, so `R2Báo!G7`
 * is no reference to that sheet.
 */
describe("sheet names quoted as Excel writes them", () => {
  it.each(["R", "C", "r", "rc", "TRUE", "false", "C1x", "RC123Test", "R2Báo", "R1C1x", "R1C1", "A1", "CA1", "xfd1048576", "1Báo cáo", ".ẩn", "Tự đánh giá", "Bảng-điểm", "Q3 SALES"])(
    "%j is quoted",
    (name) => {
      expect(quoteSheetName(name)).toBe(`'${name}'`);
    },
  );

  it.each(["Sheet1", "TĐG", "Tự_đánh_giá", "Bảng.điểm", "RA", "ZZZ1", "R0", "XFE1", "TRUEs", "Điểm"])("%j stays bare", (name) => {
    expect(quoteSheetName(name)).toBe(name);
  });

  it("an apostrophe is doubled inside the quotes", () => {
    expect(a1("Xã Đông'Sơn", 6, 6)).toBe("'Xã Đông''Sơn'!G7");
  });
});
