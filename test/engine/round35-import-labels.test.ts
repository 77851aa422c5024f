/**
 * RD35 (import-criteria, tester rt-rd35): the last round's commits mended narrowly.
 *
 * RD35-1/RD35-2: in a column of codes (STT, TT) the row's title decides whether a label with
 * points is the row's label, never its max cell — beside a band or option line it stays that
 * line's text with the band's points typed in the max column; beside a criterion's or field's own
 * title it is the label in any shape, max typed or blank.
 * RD35-4: a mark ("-") on an earlier band row is no field's code: the revenue band table imports.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid } from "../../shared/index.ts";
import { edited, gridOf } from "./reading-rounds-helpers.ts";
import { importsWhole, wholeOf } from "./import-rounds-helpers.ts";

const commune = { id: "x", year: 2025, unitType: "commune" as const };
const district = { id: "x", year: 2025, unitType: "district" as const };
const words = gridOf("fixtures/decisions/commune-word-labels.xlsx");
const options = gridOf("fixtures/decisions/commune-option-rows.xlsx");
const method = gridOf("fixtures/decisions/district-method-column.xlsx");

/** The word-label decision with an STT column: fields labelled in it, criteria coded 1.1 … 2.2. */
const mixed = (f1: string, f2: string, f3: string, extra: Record<string, string> = {}) =>
  edited(words, { A3: "STT", A5: f1, A6: "1.1", A7: "1.2", A8: "1.3", A9: f2, A10: "2.1", A11: "2.2", A12: f3, ...extra });
/** `edited`, with numbers typed as numbers (a max column's points as the decision types them). */
const typed = (grid: Grid, edits: Record<string, string | number>): Grid => {
  const out = edited(grid, Object.fromEntries(Object.entries(edits).map(([a, v]) => [a, String(v)])));
  for (const [a, v] of Object.entries(edits)) {
    if (typeof v !== "number") continue;
    const m = /^([A-Z])(\d+)$/.exec(a)!;
    out.sheets[0]!.rows[Number(m[2]) - 1]![m[1]!.charCodeAt(0) - 65] = { v };
  }
  return out;
};
const notesOf = (grid: Grid, o = commune) => {
  const imported = importCriteriaSet(grid, o);
  if (!imported.ok) throw new Error(imported.message);
  return imported.notes.map((n) => `${n.cell}: ${n.message}`);
};

describe("RD35-1: a label beside a band line stays that line's, its points typed in the max column", () => {
  const untouched = wholeOf(options, commune);
  it.each<[string, Record<string, string | number>]>([
    ["': 1 điểm', C16 1", { A16: "Tiêu chí 1.2: 1 điểm", B16: "Thực hiện từ 70% đến 90% kế hoạch", C16: 1 }],
    ["': 1 điểm', every band typed", { A16: "Tiêu chí 1.2: 1 điểm", B16: "Thực hiện từ 70% đến 90% kế hoạch", C15: 2, C16: 1, C17: 0 }],
    ["'(tối đa 1 điểm)'", { A16: "Tiêu chí 1.2 (tối đa 1 điểm)", B16: "Thực hiện từ 70% đến 90% kế hoạch", C16: 1 }],
    ["'- 1 điểm'", { A16: "Tiêu chí 1.2 - 1 điểm", B16: "Thực hiện từ 70% đến 90% kế hoạch", C16: 1 }],
    ["': 1 điểm', C16 '1' as text", { A16: "Tiêu chí 1.2: 1 điểm", B16: "Thực hiện từ 70% đến 90% kế hoạch", C16: "1" }],
    ["'(1 ĐIỂM)'", { A16: "Tiêu chí 1.2 (1 ĐIỂM)", B16: "Thực hiện từ 70% đến 90% kế hoạch", C16: 1 }],
  ])("option decision, label %s beside 'Thực hiện từ 70% …': untouched (20)", (_, edit) => {
    importsWhole(typed(options, edit), commune, untouched);
  });

  const noDash = { B26: "Công khai đầy đủ, đúng quy định", B27: "Công khai không đầy đủ", B28: "Không công khai" };
  const plainNoDash = wholeOf(edited(options, noDash), commune);
  it.each<[string, Record<string, string>]>([
    ["'Tiêu chí 1: 1 điểm' beside 'Công khai không đầy đủ'", { A27: "Tiêu chí 1: 1 điểm" }],
    ["'Tiêu chí 1 (tối đa 2 điểm)' beside 'Công khai đầy đủ, đúng quy định'", { A26: "Tiêu chí 1 (tối đa 2 điểm)" }],
    ["'TIÊU CHÍ 1 (1 ĐIỂM)' beside 'Công khai không đầy đủ'", { A27: "TIÊU CHÍ 1 (1 ĐIỂM)" }],
  ])("bands typed without a dash, %s: criterion 2.2 kept (20)", (_, edit) => {
    expect(plainNoDash.max).toBe(20);
    importsWhole(edited(options, { ...noDash, ...edit }), commune, plainNoDash);
  });

  it.each<[string, string]>([
    ["Tiêu chí 2 (4 điểm)", "Tỷ lệ hồ sơ TTHC giải quyết không quá hạn"],
    ["Tiêu chí 2: 4 điểm", "Tỷ lệ hồ sơ TTHC giải quyết đầy đủ, kịp thời"],
    ["Tiêu chí 2 (4 điểm)", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt từ 98% trở lên"],
  ])("a criterion's own title saying a degree ('%s' beside '%s' | 4, over the 2 above) stays the criterion (20)", (label, title) => {
    const plain = wholeOf(edited(options, { B29: title }), commune);
    expect(plain.max).toBe(20);
    importsWhole(edited(options, { A29: label, B29: title }), commune, plain);
  });

  it("district: 'Tiêu chí 2.1.1: 2 điểm' beside 'Từ 90% đến dưới 98%' with 2 typed leaves the method decision whole", () => {
    const plain = wholeOf(typed(method, { C16: 2 }), district);
    importsWhole(typed(method, { A16: "Tiêu chí 2.1.1: 2 điểm", B16: "Từ 90% đến dưới 98%", C16: 2 }), district, plain);
  });
});

describe("RD35-2: a field or criterion label beside its own title, the max column blank", () => {
  it.each<[string, string, string]>([
    ["Tiêu chí 1 (tối đa 4 điểm)", "Tiêu chí 2 (tối đa 6 điểm)", "Tiêu chí 3 (tối đa 5 điểm)"],
    ["Tiêu chí 1: 4 điểm", "Tiêu chí 2: 6 điểm", "Tiêu chí 3: 5 điểm"],
    ["Tiêu chí 1 - 4 điểm", "Tiêu chí 2 - 6 điểm", "Tiêu chí 3 - 5 điểm"],
  ])("'%s' … reads as the plain '(N điểm)' does, every max blank or the survey's alone", (f1, f2, f3) => {
    for (const blank of [{ C5: "", C9: "", C12: "" }, { C12: "" }, { C5: "", C9: "" }] as Record<string, string>[]) {
      const plain = wholeOf(mixed("Tiêu chí 1 (4 điểm)", "Tiêu chí 2 (6 điểm)", "Tiêu chí 3 (5 điểm)", blank), commune);
      expect(plain.codes.filter((c) => !c.includes("."))).toEqual(["1", "2", "3"]);
      importsWhole(mixed(f1, f2, f3, blank), commune, plain);
      expect(notesOf(mixed(f1, f2, f3, blank)).filter((n) => n.includes("đã tạo mục"))).toEqual([]);
    }
  });
  it("the first field's title saying a degree, no coded row above it, is the field's ('Lĩnh vực I: 6 điểm' beside '… KỊP THỜI' | 6)", () => {
    const degree = { B8: "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH KỊP THỜI" };
    const plain = wholeOf(edited(options, degree), commune);
    expect(plain.max).toBe(20);
    importsWhole(edited(options, { ...degree, A8: "Lĩnh vực I: 6 điểm" }), commune, plain);
  });
  const untouched = wholeOf(options, commune);
  it.each<[string, Record<string, string>]>([
    ["a criterion 'Tiêu chí 2: 4 điểm'", { A29: "Tiêu chí 2: 4 điểm", C29: "" }],
    ["fields 'Lĩnh vực I: 6 điểm'", { A8: "Lĩnh vực I: 6 điểm", A24: "Lĩnh vực II: 6 điểm", A33: "Lĩnh vực III: 8 điểm", C8: "", C24: "", C33: "" }],
  ])("%s with its max blank keeps the option decision's codes and points (20)", (_, edit) => {
    importsWhole(edited(options, edit), commune, untouched);
  });
});

describe("RD35-4: a mark on an earlier band row is no field's code", () => {
  it("revenue bands '-' | 'Chỉ tiêu thu 2 Tỷ trở lên', '' | 'Chỉ tiêu thu 1 Tỷ mỗi năm' import as the unmarked table", () => {
    const bands = { B26: "Chỉ tiêu thu 2 Tỷ trở lên", B27: "Chỉ tiêu thu 1 Tỷ mỗi năm", B28: "Không đạt" };
    const plain = wholeOf(edited(options, bands), commune);
    expect(plain.max).toBe(20);
    importsWhole(edited(options, { ...bands, A26: "-" }), commune, plain);
    importsWhole(edited(options, { ...bands, A26: "+" }), commune, plain);
  });
});

describe("RD35-5/6: a method excuses a label's differing points only where it gives them per item", () => {
  const labelNote = (grid: Grid, cell: string) => notesOf(grid).filter((n) => n.startsWith(`'Phụ lục'!${cell}:`) && n.includes("nhãn"));
  it.each<[string, Record<string, string>, string]>([
    ["bands separated by '/'", { A6: "Chỉ tiêu 1 (0,5 điểm)", D6: "Ban hành trước ngày 31/01: 1 điểm/ ban hành sau ngày 31/01: 0,5 điểm/ không ban hành: 0 điểm" }, "A6"],
    ["'mỗi quý', a period", { A8: "Chỉ tiêu 3 (1 điểm)", D8: "Khắc phục đủ mỗi quý: 2 điểm; khắc phục không đủ mỗi quý: 1 điểm; không khắc phục: 0 điểm" }, "A8"],
    ["a band's points and a per-item deduction of the same number", { A8: "Chỉ tiêu 3 (1 điểm)", D8: "Khắc phục 100%: 2 điểm; từ 50% đến dưới 100%: 1 điểm, mỗi tồn tại không khắc phục trừ 1 điểm; dưới 50%: 0 điểm" }, "A8"],
    ["a per-item deduction alone", { A8: "Chỉ tiêu 3 (1 điểm)", D8: "Khắc phục 100%: 2 điểm; mỗi tồn tại chưa khắc phục trừ 1 điểm" }, "A8"],
  ])("%s: the label's differing points are noted", (_, edit, cell) => {
    expect(labelNote(edited(words, edit), cell)).toHaveLength(1);
  });
  it.each<[string, string]>([
    ["Cứ 01 … được 0,5 điểm", "Cứ 01 dịch vụ công trực tuyến toàn trình phát sinh hồ sơ được 0,5 điểm, tối đa 3 điểm"],
    ["Từng … : 0,5 điểm", "Từng dịch vụ công trực tuyến toàn trình có phát sinh hồ sơ: 0,5 điểm, tối đa 3 điểm"],
    ["Cứ mỗi …", "Cứ mỗi dịch vụ công trực tuyến toàn trình có phát sinh hồ sơ được 0,5 điểm, tối đa 3 điểm"],
    ["0,5 điểm cho mỗi …", "0,5 điểm cho mỗi dịch vụ công trực tuyến toàn trình có phát sinh hồ sơ, tối đa 3 điểm"],
    ["0,5 điểm/01 …", "Dịch vụ công trực tuyến toàn trình có phát sinh hồ sơ: 0,5 điểm/01 dịch vụ; tối đa 3 điểm"],
    ["0,5 điểm/văn bản", "Ban hành văn bản hướng dẫn: 0,5 điểm/văn bản, tối đa 3 điểm"],
    ["0,5 điểm trên 01 …", "Tính 0,5 điểm trên 01 dịch vụ công trực tuyến toàn trình có phát sinh hồ sơ, tối đa 3 điểm"],
  ])("per item '%s', the max blank: no label note", (_, method) => {
    expect(labelNote(edited(words, { A11: "Chỉ tiêu 2 (0,5 điểm)", C11: "", D11: method }), "A11")).toEqual([]);
  });
});
