import { describe, expect, it } from "vitest";
import { describeOfficeError, officeErrorCode, WorkbookProblem, technicalDetail } from "../src/errors.ts";
import { FakeOfficeError } from "./strict-excel/excel-rules.ts";

/** What the user reads when a workbook action fails: Excel's codes, the workbook's problems, storage, the add-in's bugs — kept apart. */
const office = (code: string) => new FakeOfficeError(code, "raw message", "Table.name");

describe("describeOfficeError", () => {
  it("InvalidArgument is no longer 'invalid cell address' (a table name or a long text raises it too)", () => {
    expect(describeOfficeError(office("InvalidArgument"), "vi")).not.toContain("Địa chỉ ô");
    expect(describeOfficeError(office("InvalidArgument"), "en")).not.toMatch(/cell address/i);
  });

  it.each([
    ["ItemAlreadyExists", "trùng tên", "already has"],
    ["GeneralException", "lỗi nội bộ", "internal error"],
    ["ResponsePayloadSizeLimitExceeded", "5 MB", "5 MB"],
    ["RequestPayloadSizeLimitExceeded", "5 MB", "5 MB"],
    ["InvalidOperationInCellEditMode", "sửa ô", "editing a cell"],
  ])("%s has its own words in both languages", (code, vi, en) => {
    expect(describeOfficeError(office(code), "vi")).toContain(vi);
    expect(describeOfficeError(office(code), "en")).toContain(en);
  });

  it("a payload refused on a read no longer blames the criteria table", () => {
    expect(describeOfficeError(office("ResponsePayloadSizeLimitExceeded"), "vi")).not.toContain("Bảng tiêu chí");
  });

  it("an Office code without words of its own is named, for the administrator", () => {
    expect(describeOfficeError(office("FilteredRangeConflict"), "vi")).toContain("mã lỗi FilteredRangeConflict");
  });

  it("a full storage is told apart from Excel's errors", () => {
    const quota = Object.assign(new Error("The quota has been exceeded."), { name: "QuotaExceededError", code: 22 });
    expect(describeOfficeError(quota, "vi")).toContain("Bộ nhớ của add-in");
    expect(describeOfficeError(quota, "en")).toContain("storage on this computer is full");
  });

  it("the add-in's own bugs are not blamed on Excel", () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'rows')");
    expect(describeOfficeError(bug, "vi")).toContain("không phải của Excel");
    // the bug's own (English) text never sits in the Vietnamese sentence, but is kept for the administrator
    expect(describeOfficeError(bug, "vi")).not.toContain("reading 'rows'");
    expect(technicalDetail(bug)).toBe("TypeError: Cannot read properties of undefined (reading 'rows')");
    expect(technicalDetail(office("ItemNotFound"))).toBeNull();
    expect(technicalDetail(new WorkbookProblem("SheetHidden", "Số liệu"))).toBeNull();
    // an object with a `code` but none of office.js's marks is not an Excel error either
    expect(officeErrorCode(Object.assign(new Error("x"), { code: "ItemNotFound" }))).toBeNull();
    expect(officeErrorCode(office("ItemNotFound"))).toBe("ItemNotFound");
  });

  it("the workbook's own problems name the sheet", () => {
    expect(describeOfficeError(new WorkbookProblem("SheetHidden", "Số liệu"), "vi")).toContain('"Số liệu" đang bị ẩn');
    expect(describeOfficeError(new WorkbookProblem("SheetMissing", "Số liệu"), "en")).toContain('"Số liệu" is no longer');
  });
});
