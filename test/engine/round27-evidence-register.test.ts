import { describe, expect, it } from "vitest";
import { parseEvidence } from "../../shared/evidence.ts";
import { evidenceRegister, scoreWorkbook, type Grid } from "../../shared/index.ts";
import { loadFixtureGrid, loadFixtureSet } from "../../fixtures/load-fixture.ts";

/**
 * The evidence register after 141551d let a symbol go on past a spaced dash ("12/QĐ - UBND"):
 * what followed any spaced dash was glued on — a date, a copy count, the issuer's name — so one
 * decision was two documents and its DATE_CONFLICT was lost (RD27-4); a date "12/6/2024 - Đoàn …"
 * became document 12, symbol "6/2024" (RD27-5); "Số 13/QĐ - UBND" lost its kind (RD27-7).
 */
const read = (text: string) => parseEvidence(text).map((r) => [r.kind, r.number, r.symbol, r.date]);

describe("a spaced dash ends the symbol before what cannot be part of one (RD27-4)", () => {
  it.each<[string, (string | null)[]]>([
    // A date, a year or a count after the dash.
    ["Quyết định số 12/QĐ-UBND - 05/01/2024", ["Quyết định", "12", "QĐ-UBND", "2024-01-05"]],
    ["Quyết định số 12/QĐ - UBND - 05/01/2024", ["Quyết định", "12", "QĐ-UBND", "2024-01-05"]],
    ["Quyết định 12/QĐ-UBND - 2024", ["Quyết định", "12", "QĐ-UBND", null]],
    ["Kế hoạch số 15/KH-UBND - 01 bản, ngày 10/01/2024", ["Kế hoạch", "15", "KH-UBND", "2024-01-10"]],
    ["Kế hoạch số 15/KH - UBND - 01 bản, ngày 10/01/2024", ["Kế hoạch", "15", "KH-UBND", "2024-01-10"]],
    ["Báo cáo số 12/BC - UBND - 1 bản", ["Báo cáo", "12", "BC-UBND", null]],
    // The issuer's name or a title after a symbol typed whole: it is not typed with spaced dashes.
    ["Quyết định số 12/QĐ-UBND - UBND xã Tân Kỳ", ["Quyết định", "12", "QĐ-UBND", null]],
    ["Nghị quyết số 3/NQ-HĐND - HĐND xã khóa XX", ["Nghị quyết", "3", "NQ-HĐND", null]],
    ["Tờ trình số 10/TTr-UBND - TC ngày 3/4/2024", ["Tờ trình", "10", "TTr-UBND", "2024-04-03"]],
    // Words with marks are words, never a symbol's abbreviation.
    ["Quyết định số 12/QĐ - UBND - QUYẾT ĐỊNH BAN HÀNH KẾ HOẠCH", ["Quyết định", "12", "QĐ-UBND", null]],
    ["Quyết định số 12/QĐ - UBND - Đoàn kiểm tra huyện", ["Quyết định", "12", "QĐ-UBND", null]],
    ["Kế hoạch số 12/KH - BCĐ ngày 05/01/2024 - kèm phụ lục", ["Kế hoạch", "12", "KH-BCĐ", "2024-01-05"]],
    // 141551d's own: spaces round the dashes inside a symbol.
    ["Quyết định số 12/QĐ - UBND ngày 05/01/2024", ["Quyết định", "12", "QĐ-UBND", "2024-01-05"]],
    ["Văn bản số 123/UBND - TP ngày 01/02/2024", ["Văn bản", "123", "UBND-TP", "2024-02-01"]],
    ["Quyết định số 12/2024/QĐ - UBND ngày 05/01/2024", ["Quyết định", "12", "2024/QĐ-UBND", "2024-01-05"]],
    ["Kế hoạch số 307/KH - MTTQ - BTT ngày 09/9/2022", ["Kế hoạch", "307", "KH-MTTQ-BTT", "2022-09-09"]],
  ])("%j", (text, ref) => {
    expect(read(text)).toEqual([ref]);
  });
});

describe("a date is never a document number and symbol (RD27-5)", () => {
  it.each([
    "Biên bản kiểm tra ngày 12/6/2024 - Đoàn kiểm tra huyện",
    "Biên bản kiểm tra ngày 12/6/2024 - UBND xã",
    "Biên bản kiểm tra ngày 12/6/2024 - ĐOÀN KIỂM TRA",
    "Biên bản kiểm tra 12/6/2024 - UBND",
    "Biên bản ngày 12/6/2024-UBND",
  ])("%j has no number", (text) => {
    expect(read(text)).toEqual([["Biên bản", null, null, "2024-06-12"]]);
  });

  it("a document cited after the date is still read", () => {
    expect(read("Ngày 15/3/2024, UBND xã ban hành Quyết định số 33/QĐ-UBND")).toEqual([["Quyết định", "33", "QĐ-UBND", "2024-03-15"]]);
    expect(read("Biên bản ngày 12/6/2024 - Đoàn kiểm tra, kèm Quyết định số 33/QĐ-UBND")[0]!.slice(1, 3)).toEqual(["33", "QĐ-UBND"]);
  });
});

describe("the kind of a symbol typed with spaced dashes (RD27-7)", () => {
  it.each<[string, string]>([
    ["Số 13/QĐ - UBND ngày 05/02/2024", "Quyết định"],
    ["Số 14/KH - UBND ngày 06/02/2024", "Kế hoạch"],
    ["QĐ số 12/QĐ - UBND - ngày 05/01/2024", "Quyết định"],
    ["Số 15/BC – UBND ngày 06/02/2024", "Báo cáo"],
  ])("%j is a %s", (text, kind) => {
    expect(read(text)[0]![0]).toBe(kind);
  });
});

describe("the register of the demo commune with one cell edited (the tester's ev-*.xlsx)", () => {
  const set = loadFixtureSet("demo-commune-2024");
  /** commune-code-in-title.xlsx, evidence column E: E9 and E12 given. */
  const edited = (e9: string, e12: string): Grid => {
    const grid = loadFixtureGrid("commune-code-in-title");
    const rows = grid.sheets[0]!.rows.map((r) => [...r]);
    rows[8]![4] = { v: e9 };
    rows[11]![4] = { v: e12 };
    return { ...grid, sheets: [{ ...grid.sheets[0]!, rows }, ...grid.sheets.slice(1)] };
  };
  const documents = (grid: Grid) => evidenceRegister(grid, set).documents.map((d) => [d.kind, d.number, d.symbol, d.dates.join(" "), d.flags.join(" ")]);

  it("the same decision dated after a dash is one document with its two dates (ev-conflict)", () => {
    const register = evidenceRegister(edited("Quyết định số 12/QĐ-UBND ngày 05/01/2024", "Quyết định số 12/QĐ-UBND - 15/01/2024"), set);
    expect(register.documents.map((d) => [d.number, d.symbol, d.dates, d.flags])).toEqual([["12", "QĐ-UBND", ["2024-01-05", "2024-01-15"], ["DATE_CONFLICT"]]]);
    expect(register.counts).toMatchObject({ documents: 1, citations: 26, DATE_CONFLICT: 1 });
  });

  it("and with the same date, one document (ev-dash-date)", () => {
    expect(documents(edited("Quyết định số 12/QĐ-UBND ngày 05/01/2024", "Quyết định số 12/QĐ-UBND - 05/01/2024"))).toEqual([["Quyết định", "12", "QĐ-UBND", "2024-01-05", ""]]);
  });

  it("a copy count after a dash is no document of its own (ev-copies)", () => {
    const listed = documents(edited("Kế hoạch số 15/KH-UBND ngày 10/01/2024", "Kế hoạch số 15/KH-UBND - 01 bản, ngày 10/01/2024"));
    expect(listed).toEqual([["Kế hoạch", "15", "KH-UBND", "2024-01-10", ""], ["Quyết định", "12", "QĐ-UBND", "2024-01-05", ""]]);
  });

  it("a minute dated 'ngày 12/6/2024 - Đoàn …' is listed without number, and flagged so (ev-bienban)", () => {
    const grid = edited("Quyết định số 12/QĐ-UBND ngày 05/01/2024", "Biên bản kiểm tra ngày 12/6/2024 - Đoàn kiểm tra huyện");
    const register = evidenceRegister(grid, set);
    const minute = register.documents.find((d) => d.kind === "Biên bản")!;
    expect([minute.number, minute.symbol, minute.flags]).toEqual([null, null, ["NO_NUMBER"]]);
    expect(minute.messages.vi[0]).toContain("không có số, ký hiệu");
    expect(register.counts.NO_NUMBER).toBe(1);
  });

  it("'Số 13/QĐ - UBND' is listed as the decision it is (ev-spaced-kind)", () => {
    const grid = edited("Số 13/QĐ - UBND ngày 05/02/2024", "Số 14/KH - UBND ngày 06/02/2024");
    expect(documents(grid)).toEqual([
      ["Quyết định", "13", "QĐ-UBND", "2024-02-05", ""],
      ["Quyết định", "12", "QĐ-UBND", "2024-01-05", ""],
      ["Kế hoạch", "14", "KH-UBND", "2024-02-06", ""],
    ]);
  });

  it("scoring is as before: the demo commune's 76 points", () => {
    const grid = edited("Quyết định số 12/QĐ-UBND ngày 05/01/2024", "Biên bản kiểm tra ngày 12/6/2024 - Đoàn kiểm tra huyện");
    expect(scoreWorkbook(grid, set).total).toBe(scoreWorkbook(loadFixtureGrid("commune-code-in-title"), set).total);
  });
});
