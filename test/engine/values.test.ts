import { describe, expect, it } from "vitest";
import { findDates, isNotApplicableText, parseNumberText, readCellNumber, readDeclaredRatio } from "../../shared/values.ts";
import { ratioInText } from "../../shared/declared-data.ts";

describe("parseNumberText", () => {
  it.each([
    ["1,5", 1.5],
    [" 1.5 ", 1.5],
    ["0,25", 0.25],
    ["2", 2],
    ["-0,5", -0.5],
    ["1.250,5", 1250.5],
    ["1,250.5", 1250.5],
    ["1.250.000", 1250000],
    ["1 điểm", 1],
    ["0,5đ", 0.5],
    ["0,5 điểm.", 0.5],
    ["\u22120,5", -0.5],
    ["\u2013 0,5", -0.5],
    ["1 diem", 1],
    ["3 d", 3],
    ["5 (điểm)", 5],
    ["0,5.", 0.5],
    ["2,5.", 2.5],
    ["-0,5.", -0.5],
    ["1.", 1],
    ["1\u200b", 1],
    ["(0,5)", -0.5],
    ["(-0,5)", -0.5],
    ["Trừ 0,5", -0.5],
    ["trừ 1 điểm", -1],
    ["d", null],
    ["abc", null],
    ["1,5,6", null],
    ["", null],
    ["1.2.3", null],
  ])("%j → %j", (text, expected) => expect(parseNumberText(text)).toBe(expected));
});

describe("readCellNumber", () => {
  it("tells numbers, text, errors and blanks apart", () => {
    expect(readCellNumber({ v: 1 })).toEqual({ kind: "number", value: 1 });
    expect(readCellNumber({ v: "1,5" })).toEqual({ kind: "number", value: 1.5 });
    expect(readCellNumber({ err: "#REF!" })).toEqual({ kind: "error", text: "#REF!" });
    expect(readCellNumber({ v: "#DIV/0!" })).toEqual({ kind: "error", text: "#DIV/0!" });
    expect(readCellNumber({ v: "  " })).toEqual({ kind: "blank" });
    expect(readCellNumber(undefined)).toEqual({ kind: "blank" });
    expect(readCellNumber({ v: "đạt" })).toEqual({ kind: "text", text: "đạt" });
  });
});

describe("readDeclaredRatio", () => {
  it.each([
    [{ v: 0.92, z: "0%" }, 92],
    // A division left in General format is the fraction; one that multiplies by 100 is a percentage.
    [{ v: 1, f: "20/20" }, 100],
    [{ v: 0.95, f: "ROUND(D5/E5,2)" }, 95],
    [{ v: 95, f: "D5/E5*100" }, 95],
    // One cell or number over another is a ratio above 100 % too (revenue 120 % of the estimate);
    // past 10 (1,000 %) it was a percentage already; an average of percentages stays as it is.
    [{ v: 2, f: "B5/C5" }, 200],
    [{ v: 1.2, f: "1200/1000" }, 120],
    [{ v: 1.2, f: "'Số liệu'!$D$5 / 'Số liệu'!E5" }, 120],
    [{ v: 95, f: "B5/C5" }, 95],
    [{ v: 1.5, f: "SUM(B5:B8)/4" }, 1.5],
    [{ v: 3, f: "(B5+B6)/2" }, 3],
    // English thousands separators in an a/b of counts: "1,000" is one thousand, never 1.
    [{ v: "980/1,000" }, 98],
    [{ v: "950/1,000 hồ sơ" }, 95],
    [{ v: 0.29, z: "0.00%" }, 29],
    // An escaped "%" is shown, not applied: 95.5 in "0.0\%" reads "95.5%".
    [{ v: 95.5, z: "0.0\\%" }, 95.5],
    [{ v: 95.5, z: '0.0"%"' }, 95.5],
    [{ v: 92 }, 92],
    [{ v: "93,48%" }, 93.48],
    [{ v: "1250/1300" }, (1250 / 1300) * 100],
    [{ v: "15/28 nhiệm vụ" }, (15 / 28) * 100],
    [{ v: "Tỷ lệ đạt 55,96 %" }, 55.96],
    [{ v: "Báo cáo ngày 09/9/2022: 80%" }, 80],
    // The dates figures are given by: a month of a year, a day and month after a word of time.
    [{ v: "96,5% (số liệu đến hết tháng 11/2024)" }, 96.5],
    [{ v: "100% (số liệu từ tháng 01/2024 - 12/2024)" }, 100],
    [{ v: "Tính đến 30/11: đạt 92%" }, 92],
    [{ v: "96% (từ 01/01 đến 15/12/2024)" }, 96],
    [{ v: "12/15 hồ sơ" }, 80],
    [{ v: "5 xã/15 xã" }, (5 / 15) * 100],
    [{ v: "1.250 hồ sơ đúng hạn/1.300 hồ sơ" }, (1250 / 1300) * 100],
    // "a trên b", as reports write an a/b.
    [{ v: "1250 trên 1300" }, (1250 / 1300) * 100],
    [{ v: "Giải quyết đúng hạn 1.250 hồ sơ trên tổng số 1.300 hồ sơ" }, (1250 / 1300) * 100],
    [{ v: "26 nhiệm vụ trên tổng 28 nhiệm vụ" }, (26 / 28) * 100],
  ])("%j → %d %%", (cell, pct) => expect(readDeclaredRatio(cell)?.percent).toBeCloseTo(pct, 8));

  it.each([[{ v: "chưa có" }], [{ v: "5/0" }], [{ err: "#N/A" }], [{}], [{ v: "Quyết định số 12/QĐ-UBND" }], [{ v: -1e308 }], [{ v: 1e307, z: "0%" }], [{ v: "-5%" }], [{ v: "3 hội nghị trên địa bàn các xã" }]])("%j has no ratio", (cell) =>
    expect(readDeclaredRatio(cell)).toBeNull(),
  );
});

describe("ratioInText (a note)", () => {
  it("reads 'a trên (tổng số) b' as a/b, never 'trên địa bàn'", () => {
    expect(ratioInText("Giải quyết đúng hạn 1.250 hồ sơ trên tổng số 1.300 hồ sơ")).toMatchObject({ numerator: 1250, denominator: 1300 });
    expect(ratioInText("0 trên 0 hồ sơ")).toBe("nothing-arose");
    expect(ratioInText("Tổ chức 3 hội nghị trên địa bàn 15 xã")).toBeNull();
    expect(ratioInText("Giải quyết đúng hạn 980/1,000 hồ sơ")).toMatchObject({ numerator: 980, denominator: 1000 });
    expect(ratioInText("Đạt 950 trên 1,000 hồ sơ")).toMatchObject({ numerator: 950, denominator: 1000 });
  });
});

describe("dates and N/A", () => {
  it("reads dd/mm/yyyy and words, rejects impossible dates", () => {
    expect(findDates("Kế hoạch số 307/KH-MTTQ-BTT ngày 09/9/2022")).toEqual(["2022-09-09"]);
    expect(findDates("Quyết định ngày 5 tháng 1 năm 2024")).toEqual(["2024-01-05"]);
    expect(findDates("ngày 31/02/2024")).toEqual([]);
  });
  it("reads 'ngày dd/mm/yy' (20yy) and yyyy-mm-dd; a two-digit year without 'ngày' is no date", () => {
    expect(findDates("QĐ số 12/QĐ-UBND ngày 05/01/24")).toEqual(["2024-01-05"]);
    expect(findDates("Báo cáo 2024-12-15")).toEqual(["2024-12-15"]);
    expect(findDates("05/01/24")).toEqual([]);
    expect(findDates("ngày 05/01/2024")).toEqual(["2024-01-05"]);
    expect(findDates("2024-13-05")).toEqual([]);
  });
  it.each(["Không áp dụng", "KHÔNG ÁP DỤNG", "N/A", "n/a", "KAD", "(Không áp dụng)", "Ko phát sinh", "k phát sinh trong năm", "Không PS", "ko áp dụng"])("%s is not applicable", (s) =>
    expect(isNotApplicableText(s)).toBe(true),
  );
  it("a score is not N/A", () => expect(isNotApplicableText("0")).toBe(false));
  it.each(["Không có", "Không thực hiện", "Kế hoạch phát sinh thêm"])("%s is not N/A (it says what was not done)", (s) => expect(isNotApplicableText(s)).toBe(false));
});
