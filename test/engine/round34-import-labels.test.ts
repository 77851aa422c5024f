/**
 * RD34 (import-criteria, tester rt-rd34): the last round's five commits mended narrowly.
 *
 * RD34-1: in a column of codes (STT, TT) a label with points in any shape ("(tối đa 4 điểm)",
 * ": 4 điểm", "- 4 điểm", "(4 Điểm)") beside its own title and its own max is that row's label, as
 * 6758130 read it; only beside a band/option line (no max of its own) it stays that line's text.
 * RD34-2: after a half-marked "thu N" a money word is money only where a band sits (no max of its
 * own); on a row with its own max ("Tiêu chí thu 3 Đồng chí …", 5) the label is refused by its cell.
 * RD34-3: a method line excuses a label's differing points only when it gives them per item.
 * RD34-4: with no max at all (MAX_MISSING, 0) the note names the label's points.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid } from "../../shared/index.ts";
import { edited, gridOf } from "./reading-rounds-helpers.ts";
import { importsWhole, refusedAt, wholeOf } from "./import-rounds-helpers.ts";

const commune = { id: "x", year: 2025, unitType: "commune" as const };
const district = { id: "x", year: 2025, unitType: "district" as const };
const words = gridOf("fixtures/decisions/commune-word-labels.xlsx");
const options = gridOf("fixtures/decisions/commune-option-rows.xlsx");
const method = gridOf("fixtures/decisions/district-method-column.xlsx");

/** The word-label decision with an STT column: fields labelled in it, criteria coded 1.1 … 2.2. */
const mixed = (f1: string, f2: string, f3: string) =>
  edited(words, { A3: "STT", A5: f1, A6: "1.1", A7: "1.2", A8: "1.3", A9: f2, A10: "2.1", A11: "2.2", A12: f3 });
const notesOf = (grid: Grid, o = commune) => {
  const imported = importCriteriaSet(grid, o);
  if (!imported.ok) throw new Error(imported.message);
  return imported.notes.map((n) => `${n.cell}: ${n.message}`);
};

describe("RD34-1: a field or criterion label with its own title and max, in a column of codes", () => {
  const plain = wholeOf(mixed("Tiêu chí 1 (4 điểm)", "Tiêu chí 2 (6 điểm)", "Tiêu chí 3 (5 điểm)"), commune);
  it("the plain shape is the whole decision", () => expect(plain.max).toBe(15));
  it.each<[string, string, string]>([
    ["Tiêu chí 1 (tối đa 4 điểm)", "Tiêu chí 2 (tối đa 6 điểm)", "Tiêu chí 3 (tối đa 5 điểm)"],
    ["Tiêu chí 1: 4 điểm", "Tiêu chí 2: 6 điểm", "Tiêu chí 3: 5 điểm"],
    ["Tiêu chí 1 - 4 điểm", "Tiêu chí 2 - 6 điểm", "Tiêu chí 3 - 5 điểm"],
    ["Tiêu chí 1 (4 Điểm)", "Tiêu chí 2 (6 Điểm)", "Tiêu chí 3 (5 Điểm)"],
    ["TIÊU CHÍ 1 (4 ĐIỂM)", "TIÊU CHÍ 2 (6 ĐIỂM)", "TIÊU CHÍ 3 (5 ĐIỂM)"],
    ["Tiêu chí 1 (Tối đa 4 Điểm)", "Tiêu chí 2 (Tối đa 6 Điểm)", "Tiêu chí 3 (Tối đa 5 Điểm)"],
  ])("'%s' … is the field, the set whole (15, no made-up field)", (f1, f2, f3) => {
    importsWhole(mixed(f1, f2, f3), commune, plain);
    expect(notesOf(mixed(f1, f2, f3)).filter((n) => n.includes("đã tạo mục") || n.includes("cộng lại"))).toEqual([]);
  });
  it("the plain shape with a capital 'Điểm' and the max column blank reads as the lowercase one", () => {
    const blank = { C5: "", C9: "" };
    const lower = wholeOf(edited(mixed("Tiêu chí 1 (4 điểm)", "Tiêu chí 2 (6 điểm)", "Tiêu chí 3 (5 điểm)"), blank), commune);
    importsWhole(edited(mixed("Tiêu chí 1 (4 Điểm)", "Tiêu chí 2 (6 Điểm)", "Tiêu chí 3 (5 ĐIỂM)"), blank), commune, lower);
  });
  const untouched = wholeOf(options, commune);
  it.each<[string, Record<string, string>]>([
    ["fields 'Lĩnh vực I: 6 điểm'", { A8: "Lĩnh vực I: 6 điểm", A24: "Lĩnh vực II: 6 điểm", A33: "Lĩnh vực III: 8 điểm" }],
    ["fields 'Lĩnh vực I (tối đa 6 điểm)'", { A8: "Lĩnh vực I (tối đa 6 điểm)", A24: "Lĩnh vực II (tối đa 6 điểm)", A33: "Lĩnh vực III (tối đa 8 điểm)" }],
    ["a criterion 'Tiêu chí 2: 4 điểm'", { A29: "Tiêu chí 2: 4 điểm" }],
    ["a criterion 'Tiêu chí 2 - 4 điểm'", { A29: "Tiêu chí 2 - 4 điểm" }],
  ])("%s beside its title and max keeps the option decision's codes (20)", (_, edit) => {
    importsWhole(edited(options, edit), commune, untouched);
  });
  it("criteria '(tối đa 3 điểm)' read as the plain '(3 điểm)' do (20)", () => {
    const at = (shape: (n: number) => string) => ({ A9: `Tiêu chí 1 ${shape(3)}`, A18: `Tiêu chí 2 ${shape(1)}`, A20: `Tiêu chí 3 ${shape(2)}` });
    const plainCrit = wholeOf(edited(options, at((n) => `(${n} điểm)`)), commune);
    expect(plainCrit.max).toBe(20);
    importsWhole(edited(options, at((n) => `(tối đa ${n} điểm)`)), commune, plainCrit);
  });
  it("a district field 'Tiêu chí 2 (tối đa 6 điểm)' keeps its title", () => {
    const imported = importCriteriaSet(edited(method, { A13: "Tiêu chí 2 (tối đa 6 điểm)" }), district);
    if (!imported.ok) throw new Error(imported.message);
    expect(imported.set.items.find((i) => i.code === "2")?.title).toBe("Cải cách thủ tục hành chính");
    expect(imported.notes.filter((n) => n.message.includes("đã tạo mục"))).toEqual([]);
  });
});

describe("RD34-2: a half-marked 'thu N' before a money word, on a row with its own max", () => {
  it.each<[string, Grid, typeof commune, string, string]>([
    ["Đồng chí", edited(words, { A12: "", B12: "Tiêu chí thu 3 Đồng chí Chủ tịch UBND xã đối thoại với người dân" }), commune, "'Phụ lục'!B12", "Tiêu chí thu 3"],
    ["Đồng loạt", edited(words, { A12: "", B12: "Tiêu chí thu 3 Đồng loạt khảo sát sự hài lòng của người dân, tổ chức" }), commune, "'Phụ lục'!B12", "Tiêu chí thu 3"],
    ["Tỷ số (word labels)", edited(words, { A10: "", B10: "Chỉ tiêu thu 1 Tỷ số hồ sơ giải quyết đúng và trước hạn" }), commune, "'Phụ lục'!B10", "Chỉ tiêu thu 1"],
    ["Tỷ số (options)", edited(options, { A29: "", B29: "Tiêu chí thu 2 Tỷ số hồ sơ TTHC giải quyết đúng hạn" }), commune, "'Cấp xã'!B29", "Tiêu chí thu 2"],
    ["Đồng thuận", edited(options, { A25: "", B25: "Tiêu chí thu 1 Đồng thuận của người dân về công khai TTHC" }), commune, "'Cấp xã'!B25", "Tiêu chí thu 1"],
  ])("a title opening with '%s' is refused by its cell with the advice", (_, grid, o, cell, text) => {
    refusedAt(grid, o, cell, text, text.replace(/thu/u, "thứ"));
  });
  it.each<[string, Record<string, string>]>([
    ["bands in the title column", { B11: "Chỉ tiêu thu 1 Tỷ đồng trở lên", B12: "Chỉ tiêu thu 500 Triệu đến dưới 1 Tỷ", B13: "Dưới 500 Triệu" }],
    ["a band 'thu 2 Tỷ đồng thời …'", { B11: "Chỉ tiêu thu 2 Tỷ đồng thời nộp đúng hạn", B12: "Chỉ tiêu thu 1 Tỷ mỗi năm", B13: "Không đạt" }],
  ])("revenue %s still import", (_, edit) => {
    expect(importCriteriaSet(edited(options, edit), commune).ok).toBe(true);
  });
});

describe("RD34-3: a method line excuses a label's points only when it gives them per item", () => {
  it.each<[string, Record<string, string>, string, RegExp]>([
    ["a band's 1 point", { A8: "Chỉ tiêu 3 (1 điểm)" }, "'Phụ lục'!A8", /ghi 1 điểm.*ghi 2/u],
    ["a band's 0,5 point", { A6: "Chỉ tiêu 1 (0,5 điểm)" }, "'Phụ lục'!A6", /ghi 0,5 điểm.*ghi 1/u],
    ["a band's 0 point", { A6: "Chỉ tiêu 1 (0 điểm)" }, "'Phụ lục'!A6", /ghi 0 điểm.*ghi 1/u],
  ])("%s beside a typed max is noted", (_, edit, cell, said) => {
    expect(notesOf(edited(words, edit)).find((n) => n.startsWith(cell)) ?? "none").toMatch(said);
  });
  it("with the max column blank, the method's max is noted beside the label's 1 point", () => {
    const notes = notesOf(edited(words, { A8: "Chỉ tiêu 3 (1 điểm)", C8: "" }));
    expect(notes.find((n) => n.startsWith("'Phụ lục'!A8")) ?? notes.join("\n")).toMatch(/ghi 1 điểm.*2/u);
  });
  it.each<[string, string]>([["Mỗi dịch vụ công: 0,5 điểm, tối đa 3 điểm"], ["0,5 điểm/01 dịch vụ, tối đa 3 điểm"], ["0,5 điểm/lần, tổng không quá 3 điểm"], ["Mỗi dịch vụ được 0,5 điểm"]].map(([m]) => [m!, m!]))(
    "the per-item '%s' stays silent",
    (line) => {
      const notes = notesOf(edited(words, { A11: "Chỉ tiêu 2 (0,5 điểm)", D11: line }));
      expect(notes.filter((n) => n.startsWith("'Phụ lục'!A11"))).toEqual([]);
    },
  );
});

describe("RD34-4: no max at all, the label's points named", () => {
  it.each<[string, Record<string, string>, string, string]>([
    ["a leaf", { A10: "Chỉ tiêu 1 (3 điểm)", C10: "" }, "2.1", "3"],
    ["the survey field", { A12: "Tiêu chí 3 (5 điểm)", C12: "" }, "3", "5"],
  ])("%s: the set keeps 0 and a note names the label's points", (_, edit, code, points) => {
    const grid = edited(words, edit);
    const imported = importCriteriaSet(grid, commune);
    if (!imported.ok) throw new Error(imported.message);
    const all = (items: { code: string; max?: number; children?: unknown[] }[]): { code: string; max?: number }[] =>
      items.flatMap((i) => [i, ...all((i.children ?? []) as typeof items)]);
    expect(all(imported.set.items).find((i) => i.code === code)?.max).toBe(0);
    const notes = notesOf(grid);
    expect(notes.some((n) => n.includes(`ghi ${points} điểm`))).toBe(true);
  });
});
