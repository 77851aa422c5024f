/**
 * RD32 (import-criteria, tester rt-rd32): the half-marked-label refusal and the label read
 * beside a title cell (RD31-1…6), mended.
 *
 * RD32-1: after "thu N" an amount word is a unit of money only as one ("2 tỷ", "1 Tỷ đồng"),
 * never a title's first word ("Tỷ lệ …", "Tỷ trọng …", "Đồng bộ …"): such a label is refused.
 * RD32-2: a blank row does not end the half-label scan when criteria with points follow it.
 * RD32-4: a Roman number after a half-marked "thu" ("Tiêu chí thu II") is refused like "so II".
 * RD32-7: a label and a capitalised word read as label + title only in the column holding the
 * table's labels, never in an STT column of codes beside an option line.
 * RD32-8: a label typed in capitals is advised in capitals ("TIÊU CHÍ So 2" → "TIÊU CHÍ SỐ 2").
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid } from "../../shared/index.ts";
import { edited, gridOf } from "./reading-rounds-helpers.ts";
import { codes, importsWhole, refusedAt, wholeOf } from "./import-rounds-helpers.ts";

type Value = string | number;

/** `grid` with whole rows of its first sheet put in from `at` (zero-based), the rows below moved down. */
function inserted(grid: Grid, at: number, rows: Value[][]): Grid {
  const sheet = grid.sheets[0]!;
  const added = rows.map((r) => r.map((v) => (v === "" ? null : { v })));
  return { sheets: [{ ...sheet, rows: [...sheet.rows.slice(0, at), ...added, ...sheet.rows.slice(at)] }, ...grid.sheets.slice(1)] };
}

describe("RD32: import-criteria — half-marked labels and labels beside titles", () => {
  const commune = { id: "x", year: 2024, unitType: "commune" as const };
  const district = { id: "x", year: 2024, unitType: "district" as const };
  const words = gridOf("fixtures/decisions/commune-word-labels.xlsx");
  const options = gridOf("fixtures/decisions/commune-option-rows.xlsx");
  const method = gridOf("fixtures/decisions/district-method-column.xlsx");

  it.each<[string, Record<string, string>, string, string, string]>([
    ["a criterion's label before 'Tỷ lệ'", { A9: "Tiêu chí thu 2 Tỷ lệ giải quyết TTHC" }, "!A9", "Tiêu chí thu 2", "Tiêu chí thứ 2"],
    ["a leaf's label before 'Tỷ lệ'", { A10: "Chỉ tiêu thu 1 Tỷ lệ hồ sơ giải quyết đúng và trước hạn" }, "!A10", "Chỉ tiêu thu 1", "Chỉ tiêu thứ 1"],
    ["in the title cell, the label cell blank", { A10: "", B10: "Chỉ tiêu thu 1 Tỷ lệ hồ sơ giải quyết đúng và trước hạn" }, "!B10", "Chỉ tiêu thu 1", "Chỉ tiêu thứ 1"],
    ["before 'Tỉ trọng'", { A10: "", B10: "Chỉ tiêu thu 1 Tỉ trọng hồ sơ trực tuyến" }, "!B10", "Chỉ tiêu thu 1", "Chỉ tiêu thứ 1"],
    ["before 'Đồng bộ'", { A10: "", B10: "Chỉ tiêu thu 1 Đồng bộ dữ liệu hồ sơ TTHC" }, "!B10", "Chỉ tiêu thu 1", "Chỉ tiêu thứ 1"],
    ["before 'Đồng thời'", { A10: "", B10: "Chỉ tiêu thu 1 Đồng thời công khai kết quả" }, "!B10", "Chỉ tiêu thu 1", "Chỉ tiêu thứ 1"],
  ])("RD32-1: 'thu N' %s is a half-marked label, refused by its cell", (_, edits, cell, text, meant) => {
    refusedAt(edited(words, edits), commune, cell, text, meant);
  });

  it("RD32-1: in the option layout, 'Tiêu chí thu 1 Tỷ lệ …' in the title cell is refused by its cell", () => {
    refusedAt(edited(options, { A25: "", B25: "Tiêu chí thu 1 Tỷ lệ công khai thủ tục hành chính" }), commune, "!B25", "Tiêu chí thu 1", "Tiêu chí thứ 1");
  });

  it.each<[string]>([["Chỉ tiêu thu 1 Tỷ đồng trở lên"], ["Chỉ tiêu thu 2 Triệu đồng"], ["Chỉ tiêu thu 500 Triệu"], ["Chỉ tiêu thu 3 Nghìn tỷ đồng"]])(
    "RD32-1: an amount after 'thu N' (%s) on an option row stays a revenue target",
    (line) => {
      const plain = line.replace(/^Chỉ tiêu thu/u, "Thu ngân sách");
      importsWhole(edited(options, { B21: line }), commune, wholeOf(edited(options, { B21: plain }), commune));
    },
  );

  const wordsNoTotal = edited(words, { B13: "", C13: "" });
  it.each<[string, Grid, string, string, string]>([
    ["a half-labelled bonus criterion with no max and its leaves", inserted(wordsNoTotal, 12, [[], ["Tiêu chí so 4", "Điểm thưởng"], ["Chỉ tiêu 1", "Sáng kiến CCHC được công nhận", 1, "Mỗi sáng kiến: 0,5 điểm"], ["Chỉ tiêu 2", "Giải thưởng về CCHC", 1, "Có: 1 điểm"]]), "!A14", "Tiêu chí so 4", "Tiêu chí số 4"],
    ["a heading, then a half-labelled criterion with points", inserted(wordsNoTotal, 12, [[], ["", "ĐIỂM THƯỞNG"], ["Tiêu chí so 4", "Sáng kiến cải cách hành chính", 2, "Mỗi sáng kiến: 1 điểm"]]), "!A15", "Tiêu chí so 4", "Tiêu chí số 4"],
    ["a heading, then 'thu 4'", inserted(wordsNoTotal, 12, [[], ["", "ĐIỂM THƯỞNG"], ["Tiêu chí thu 4", "Sáng kiến cải cách hành chính", 2, "Mỗi sáng kiến: 1 điểm"]]), "!A15", "Tiêu chí thu 4", "Tiêu chí thứ 4"],
    ["the total at the top", inserted(inserted(wordsNoTotal, 12, [[], ["", "ĐIỂM THƯỞNG"], ["Tiêu chí so 4", "Sáng kiến cải cách hành chính", 2, "Mỗi sáng kiến: 1 điểm"]]), 4, [["", "Tổng số điểm", 15]]), "!A16", "Tiêu chí so 4", "Tiêu chí số 4"],
  ])("RD32-2: after a blank row under a table with no total below, %s, is refused by its cell", (_, grid, cell, text, meant) => {
    refusedAt(grid, commune, cell, text, meant);
  });

  it("RD32-2: the same bonus criterion fully labelled is imported", () => {
    const grid = inserted(wordsNoTotal, 12, [[], ["Tiêu chí 4", "Điểm thưởng"], ["Chỉ tiêu 1", "Sáng kiến CCHC được công nhận", 1, "Mỗi sáng kiến: 0,5 điểm"], ["Chỉ tiêu 2", "Giải thưởng về CCHC", 1, "Có: 1 điểm"]]);
    expect(wholeOf(grid, commune).codes).toContain("4.2");
  });

  it.each<[string, Grid, string, string, string]>([
    ["bare in the label cell", edited(words, { A9: "Tiêu chí thu II" }), "!A9", "Tiêu chí thu II", "Tiêu chí thứ II"],
    ["before a field's title, the code cell blank", edited(options, { A24: "", B24: "Lĩnh vực thu II: CẢI CÁCH THỦ TỤC HÀNH CHÍNH" }), "!B24", "Lĩnh vực thu II", "Lĩnh vực thứ II"],
  ])("RD32-4: a Roman number after a half-marked 'thu', %s, is refused by its cell", (_, grid, cell, text, meant) => {
    refusedAt(grid, commune, cell, text, meant);
  });

  it.each<[string, string]>([
    ["TIÊU CHÍ So 2", "TIÊU CHÍ SỐ 2"],
    ["TIÊU CHÍ so 2", "TIÊU CHÍ SỐ 2"],
  ])("RD32-8: the label meant for %s is in capitals as the label's words are", (typed, meant) => {
    refusedAt(edited(words, { A9: typed }), commune, "!A9", typed, meant);
  });

  it.each<[string, Grid, Grid, typeof commune | typeof district]>([
    ["an option row's STT cell 'Tiêu chí 1 Đạt yêu cầu'", edited(options, { A11: "Tiêu chí 1 Đạt yêu cầu" }), options, commune],
    ["an option row's STT cell 'Tiêu chí 1 Đạt'", edited(options, { A26: "Tiêu chí 1 Đạt" }), options, commune],
    ["a district's TT cell 'Tiêu chí 2.1.1 Đạt' beside a method line", edited(method, { A16: "Tiêu chí 2.1.1 Đạt", B16: "Từ 90% đến dưới 98%" }), method, district],
  ])("RD32-7: a label and a capitalised word in %s, a column of codes, is no criterion: the set is the fixture's", (_, grid, plain, o) => {
    importsWhole(grid, o, wholeOf(plain, o));
  });

  it("RD32-7: a field's label and title in the STT cell beside the field's title ('Lĩnh vực II: Cải cách TTHC') is still that field", () => {
    importsWhole(edited(options, { A24: "Lĩnh vực II: Cải cách TTHC" }), commune, wholeOf(options, commune));
  });

  const notesOf = (grid: Grid) => {
    const imported = importCriteriaSet(grid, commune);
    if (!imported.ok) throw new Error(imported.message);
    return { notes: imported.notes.map((n) => `${n.cell}: ${n.message}`), items: imported.set.items };
  };
  it.each<[string, Record<string, string>, string, string]>([
    ["a criterion", { A9: "Tiêu chí 2 (5 điểm)" }, "!A9", "ghi 5 điểm"],
    ["a leaf", { A10: "Chỉ tiêu 1 (2 điểm)" }, "!A10", "ghi 2 điểm"],
  ])("RD32-6: the points in %s's label differing from the max column are noted, naming both", (_, edits, cell, label) => {
    const { notes } = notesOf(edited(words, edits));
    const note = notes.find((n) => n.includes(cell) && n.includes(label));
    expect(note ?? notes.join("\n")).toMatch(/cột điểm tối đa ghi \d/u);
  });

  // RD33-5 withdrew the max read from a label: with the max column blank the label's points are
  // noted beside the max the children give, never taken for it.
  it("RD32-6: with the max column blank, the label's points are noted beside the children's sum", () => {
    const { notes, items } = notesOf(edited(words, { A9: "Tiêu chí 2 (4 điểm)", C9: "" }));
    expect(notes.some((n) => n.includes("!A9") && n.includes("ghi 4 điểm") && n.includes("cộng lại 6"))).toBe(true);
    expect(notes.some((n) => n.includes("Mục 2 không ghi điểm tối đa: lấy 6"))).toBe(true);
    expect(items.find((i) => i.code === "2")?.max).toBe(6);
  });

  it("RD32-6: the same points in the label and the max column need no note", () => {
    expect(notesOf(edited(words, { A9: "Tiêu chí 2 (6 điểm)" })).notes).toEqual(notesOf(words).notes);
  });

  const HEAD = ["Tiêu chí", "Nội dung", "Điểm tối đa", "Hướng dẫn chấm điểm", "Tài liệu kiểm chứng"];
  const cellsOf = (rows: Value[][]) => rows.map((r) => r.map((v) => (v === "" ? null : { v })));
  /** Criteria 1–2 on 'PL-1'; criterion 3, its leaves (the second one's label given) and the total on 'PL-2'. */
  const twoSheets = (label: string, total = true): Grid => ({
    sheets: [
      { name: "PL-1", merges: [], rows: cellsOf([["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ, PHƯỜNG NĂM 2024"], [], HEAD, [],
        ["Tiêu chí 1", "Công tác chỉ đạo, điều hành cải cách hành chính", 4], ["Chỉ tiêu 1", "Ban hành kế hoạch CCHC năm", 4, "Ban hành: 4 điểm; không ban hành: 0 điểm"],
        ["Tiêu chí 2", "Cải cách thủ tục hành chính", 6], ["Chỉ tiêu 1", "Tỷ lệ hồ sơ giải quyết đúng và trước hạn", 6, "Điểm = tỷ lệ % hồ sơ đúng hạn × 6"]]) },
      { name: "PL-2", merges: [], rows: cellsOf([["(tiếp theo)"], [], HEAD, [],
        ["Tiêu chí 3", "Sự hài lòng của người dân, tổ chức", 5], ["Chỉ tiêu 1", "Hài lòng về thủ tục hành chính", 3, "Qua khảo sát ý kiến người dân, tổ chức"],
        [label, "Hài lòng về thái độ phục vụ", 2, "Qua khảo sát ý kiến người dân, tổ chức"], ...(total ? [["", "Tổng số điểm", 15]] : []), [],
        ["Xếp loại: Xuất sắc: từ 95% trở lên; Tốt: từ 85% đến dưới 95%; Khá: từ 70% đến dưới 85%; Trung bình: từ 50% đến dưới 70%; Yếu: dưới 50%."]]) },
    ],
  });
  it("RD32-3: the second sheet without a half label continues the table: 15 points", () => {
    expect(wholeOf(twoSheets("Chỉ tiêu 2"), commune)).toEqual({ codes: ["1", "1.1", "2", "2.1", "3", "3.1", "3.2"], max: 15 });
  });
  it("RD32-3: a sheet per level, each from criterion 1, is no continuation: its half label does not refuse the one read", () => {
    const grid = twoSheets("Chỉ tiêu so 2");
    const pl2 = grid.sheets[1]!;
    const rows = pl2.rows.map((r, i) => (i === 4 ? [{ v: "Tiêu chí 1" }, ...r.slice(1)] : r));
    expect(importCriteriaSet({ sheets: [grid.sheets[0]!, { ...pl2, rows }] }, commune).ok).toBe(true);
  });

  it.each<[string]>([["Tiêu chí 2 (tối đa 6 điểm)"], ["Tiêu chí 2 - 6 điểm"], ["Tiêu chí 2: 6 điểm"], ["Tiêu chí 2: 6đ"]])(
    "RD32-5: a label cell with its points as '%s' beside the title cell is criterion 2 with that cell's title",
    (label) => {
      const grid = edited(words, { A9: label });
      importsWhole(grid, commune, wholeOf(words, commune));
      const imported = importCriteriaSet(grid, commune);
      if (imported.ok) expect(imported.set.items.find((i) => i.code === "2")).toMatchObject({ title: "Cải cách thủ tục hành chính", max: 6 });
    },
  );
  it("RD32-5: those points differing from the max column are noted too", () => {
    const { notes } = notesOf(edited(words, { A9: "Tiêu chí 2: 5 điểm" }));
    expect(notes.some((n) => n.includes("!A9") && n.includes("ghi 5 điểm nhưng cột điểm tối đa ghi 6"))).toBe(true);
  });
});
