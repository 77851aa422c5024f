import { describe, expect, it } from "vitest";
import {
  activationSheetCsv,
  formatActivationCode,
  normalizeActivationCode,
  onboardingMessage,
  parseUnitTypeText,
  periodLabel,
  UNIT_IMPORT_PROBLEMS,
  type IssuedCode,
  type OnboardingMessageCode,
} from "../../shared/index.ts";

describe("activation codes as people type them", () => {
  it.each([
    ["ABCD-EFGH-JK", "ABCDEFGHJK"],
    ["abcd efgh jk", "ABCDEFGHJK"],
    [" abcd.efgh_jk ", "ABCDEFGHJK"],
    ["ABCD–EFGH—JK", "ABCDEFGHJK"],
    ["ＡＢＣＤ－ＥＦＧＨ－ＪＫ", "ABCDEFGHJK"],
    ["DEMO-OOOO-O1", "DEM0000001"],
    ["1IL0-0000-00", "1110000000"],
  ])("%s → %s", (typed, symbols) => expect(normalizeActivationCode(typed)).toBe(symbols));

  it.each(["", "ABCD-EFGH-J", "ABCD-EFGH-JKM", "ABCD-EFGH-JU", "ABCD-EFGH-J*", "Đ000-0000-00"])("refuses %j", (typed) => expect(normalizeActivationCode(typed)).toBeNull());

  it("shows 10 symbols in groups of four", () => expect(formatActivationCode("ABCDEFGHJK")).toBe("ABCD-EFGH-JK"));
});

describe("a period's label", () => {
  it("names the year, the level and the deadline (its hour too, not being the day's end) in Vietnam time", () => {
    expect(periodLabel({ year: 2024, unitType: "commune", deadline: "2025-01-31T17:00:00+07:00" }, "vi")).toBe("Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 17:00 ngày 31/01/2025");
    expect(periodLabel({ year: 2024, unitType: "ward", deadline: "2025-01-31T17:00:00+07:00" }, "en")).toBe("Assessment period 2024 — commune level, due 17:00 on 31/01/2025");
    // 31/01 23:30 in Vietnam is still 31/01, though it is 16:30 UTC.
    expect(periodLabel({ year: 2025, unitType: "district", deadline: "2026-01-31T16:30:00Z", extended: true }, "vi")).toBe("Kỳ đánh giá năm 2025 — cấp huyện, hạn nộp 23:30 ngày 31/01/2026 (đã gia hạn)");
  });
});

describe("unit types as a sheet says them", () => {
  it.each([
    ["Xã", "commune"], ["THỊ TRẤN", "commune"], ["phường", "ward"], ["Huyện", "district"], ["Quận", "district"], ["Thị xã", "district"],
    ["Sở", "department"], ["Tỉnh", "province"], ["cấp xã", "commune"], ["commune", "commune"], ["Thành phố", "district"], ["TP", "district"], ["Tp.", "district"], ["Đặc khu", "commune"], ["", null], ["làng", null],
  ])("%j → %s", (text, type) => expect(parseUnitTypeText(text)).toBe(type));
});

describe("the codes sheet", () => {
  it("is Excel CSV: BOM, ';', dd/mm/yyyy, formula-safe names, one instruction per row", () => {
    const codes: IssuedCode[] = [{ code: "ABCD-EFGH-JK", unit: { id: "xa-x", name: "=HYPERLINK(\"x\")" }, role: "unit", expiresAt: "2025-01-29T23:59:59+07:00" }];
    const lines = activationSheetCsv(codes, "vi").split("\r\n");
    expect(lines[0]).toBe("\uFEFFĐơn vị;Trực thuộc;Mã đơn vị;Mã kích hoạt;Dùng được đến hết ngày;Cách dùng");
    expect(lines[1]).toBe(`"'=HYPERLINK(""x"")";;xa-x;ABCD-EFGH-JK;29/01/2025;Mở Chỉ số CCHC (trong Excel hoặc trên trang web của tỉnh), chọn Kích hoạt và nhập mã này. Mỗi mã chỉ dùng được một lần.`);
  });
});

describe("onboarding messages", () => {
  const codes: OnboardingMessageCode[] = ["ACTIVATION_INVALID", "ACTIVATION_USED", "ACTIVATION_RATE_LIMITED", "UNIT_NOT_FOUND", "UNIT_NOT_BELOW", "UNIT_NOT_OPEN", "UNKNOWN_UNITS", "NO_UNITS_UNDER", "UNITS_IMPORT_INVALID", "UNITS_IMPORT_CONFLICT", ...UNIT_IMPORT_PROBLEMS];
  it.each(codes)("%s is one sentence in each language that says what to do", (code) => {
    for (const locale of ["vi", "en"] as const) {
      const text = onboardingMessage(code, locale, { row: 3, value: "x", unit: "x", units: "x", name: "x", minutes: 15, count: 2, parent: "x", parentRow: 2, first: 2, ids: "x", type: "x", allowed: "x", date: "x", id: "x", words: "x", period: "x", from: "x", day: "x", next: "x" });
      expect(text).toMatch(/^[^\n]+[.]$/);
      expect(text).toContain(":");
      expect(text).not.toContain("undefined");
    }
  });
});
