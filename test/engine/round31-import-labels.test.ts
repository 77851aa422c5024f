/**
 * RD31 (import-criteria, tester rt-rd31): the half-marked-label refusal (RD29-3, RD30-1/2).
 *
 * RD31-1: a table joined over sheets is scanned sheet by sheet, each down to its own end, so a
 * half label on the first sheet refuses as it did before (the second sheet's total row number no
 * longer cuts the first sheet's scan short).
 * RD31-2: "Chỉ tiêu thu năm: …" and "Chỉ tiêu thu 1 Tỷ đồng …" are revenue targets, no labels.
 * RD31-3: the scan ends where the table ends, when its total is above the body or missing: a note
 * under it, or the next annex on the sheet, never refuses.
 * RD31-4: "Tiêu chí so II" is refused like "Tiêu chí so 2".
 * RD31-5: a label cell holding its title or points after the label ("Tiêu chí số 2: Cải cách
 * TTHC"), beside the title cell, is that row's label, never a line of criterion 1.
 * RD31-6: the label meant keeps the case typed ("TIÊU CHÍ THỨ HAI").
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid, type GridCell } from "../../shared/index.ts";
import { edited, gridOf } from "./reading-rounds-helpers.ts";
import { codes, importsWhole, refusedAt, wholeOf } from "./import-rounds-helpers.ts";

type Value = string | number;
const cells = (rows: Value[][]): (GridCell | null)[][] => rows.map((r) => r.map((v) => (v === "" ? null : { v })));

/** `grid` with the cells of one named sheet set, given as [row, column] from zero ("" clears). */
function editedSheet(grid: Grid, name: string, edits: [number, number, Value][]): Grid {
  return {
    sheets: grid.sheets.map((sheet) => {
      if (sheet.name !== name) return sheet;
      const rows = sheet.rows.map((r) => [...r]);
      for (const [r, c, v] of edits) {
        while (rows.length <= r) rows.push([]);
        while (rows[r]!.length <= c) rows[r]!.push(null);
        rows[r]![c] = v === "" ? null : { v };
      }
      return { ...sheet, rows };
    }),
  };
}

const HEAD = ["Tiêu chí", "Nội dung", "Điểm tối đa", "Hướng dẫn chấm điểm", "Tài liệu kiểm chứng"];
/** Criteria 1–2 on 'PL-1' (label of 2 given), criterion 3 and the total of 15 on 'PL-2' (the tester's join.mjs). */
function joined(label2: string, pad = 0, lead = 2): Grid {
  const first: Value[][] = [
    ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ, PHƯỜNG NĂM 2025"], [], HEAD, [],
    ["Tiêu chí 1", "Công tác chỉ đạo, điều hành cải cách hành chính", 4],
    ["Chỉ tiêu 1", "Ban hành kế hoạch CCHC năm", 1, "Ban hành trước ngày 31/01: 1 điểm; không ban hành: 0 điểm", "Kế hoạch CCHC năm"],
    ["Chỉ tiêu 2", "Tuyên truyền cải cách hành chính", 1, "Có tuyên truyền: 1 điểm; không tuyên truyền: 0 điểm"],
    ["Chỉ tiêu 3", "Khắc phục tồn tại sau kiểm tra", 2, "Khắc phục 100%: 2 điểm; từ 50% đến dưới 100%: 1 điểm; dưới 50%: 0 điểm."],
    ...Array.from({ length: pad }, (): Value[] => []),
    [label2, "Cải cách thủ tục hành chính", 6],
    ["Chỉ tiêu 1", "Tỷ lệ hồ sơ giải quyết đúng và trước hạn", 3, "Điểm = tỷ lệ % hồ sơ đúng hạn × 3", "Báo cáo tình hình giải quyết TTHC"],
    ["Chỉ tiêu 2", "Dịch vụ công trực tuyến toàn trình có phát sinh hồ sơ", 3, "Mỗi dịch vụ: 0,5 điểm, tối đa 3 điểm"],
  ];
  const second: Value[][] = [
    ...Array.from({ length: lead }, (_, i): Value[] => (i === 0 ? ["(tiếp theo)"] : [])), HEAD, [],
    ["Tiêu chí 3", "Sự hài lòng của người dân, tổ chức", 5],
    ["Chỉ tiêu 1", "Hài lòng về thủ tục hành chính", 3, "Qua khảo sát ý kiến người dân, tổ chức"],
    ["Chỉ tiêu 2", "Hài lòng về thái độ phục vụ", 2, "Qua khảo sát ý kiến người dân, tổ chức"],
    ["", "Tổng số điểm", 15], [],
    ["Xếp loại: Xuất sắc: từ 95% trở lên; Tốt: từ 85% đến dưới 95%; Khá: từ 70% đến dưới 85%; Trung bình: từ 50% đến dưới 70%; Yếu: dưới 50%."],
  ];
  return { sheets: [{ name: "PL-1", rows: cells(first), merges: [] }, { name: "PL-2", rows: cells(second), merges: [] }] };
}

describe("RD31: import-criteria — half-marked labels, where the table is", () => {
  const commune = { id: "x", year: 2024, unitType: "commune" as const };
  const department = { id: "x", year: 2024, unitType: "department" as const };
  const words = gridOf("fixtures/decisions/commune-word-labels.xlsx");
  const options = gridOf("fixtures/decisions/commune-option-rows.xlsx");
  const sheets = gridOf("fixtures/decisions/department-sheets.xlsx");

  it("RD31-1: the two sheets without a half label are read as one set of 15 points", () => {
    importsWhole(joined("Tiêu chí 2"), commune, { codes: ["1", "1.1", "1.2", "1.3", "2", "2.1", "2.2", "3", "3.1", "3.2"], max: 15 });
  });

  it.each<[string, Grid, string, string, string]>([
    ["bare", joined("Tiêu chí so 2"), "'PL-1'!A9", "Tiêu chí so 2", "Tiêu chí số 2"],
    ["with 'thu' and one line before the second header", joined("Tiêu chí thu 2", 0, 1), "'PL-1'!A9", "Tiêu chí thu 2", "Tiêu chí thứ 2"],
    ["with the second sheet's header on its first row", joined("Tiêu chí so 2", 0, 0), "'PL-1'!A9", "Tiêu chí so 2", "Tiêu chí số 2"],
    ["three blank rows before it", joined("Tiêu chí so 2", 3), "'PL-1'!A12", "Tiêu chí so 2", "Tiêu chí số 2"],
    ["opening its cell before a title", joined("Tiêu chí so 2: Cải cách TTHC"), "'PL-1'!A9", "Tiêu chí so 2", "Tiêu chí số 2"],
    ["its number spelled", joined("Tiêu chí thu hai"), "'PL-1'!A9", "Tiêu chí thu hai", "Tiêu chí thứ hai"],
  ])("RD31-1: a half label on the first sheet of a joined table, %s, is refused by its cell", (_, grid, cell, text, meant) => {
    refusedAt(grid, commune, cell, text, meant);
  });

  const revenue = (line: string) => edited(options, { B18: "Thực hiện dự toán thu ngân sách xã", B19: line });
  it.each<[string, Grid, Grid]>([
    ["a leaf's method line after a colon", revenue("Chỉ tiêu thu năm: đạt 100% dự toán trở lên: 1 điểm; dưới 100% dự toán: 0 điểm"), revenue("Thu ngân sách năm đạt 100% dự toán trở lên: 1 điểm; dưới 100% dự toán: 0 điểm")],
    ["a leaf's method line after a dash", revenue("Chỉ tiêu thu năm - đạt từ 100% dự toán: 1 điểm\n- dưới 100% dự toán: 0 điểm"), revenue("Thu ngân sách năm - đạt từ 100% dự toán: 1 điểm\n- dưới 100% dự toán: 0 điểm")],
    ["a leaf's method line before an acronym", revenue("Chỉ tiêu thu năm HĐND xã giao: đạt 100% trở lên: 1 điểm; dưới 100%: 0 điểm"), revenue("Thu ngân sách năm HĐND xã giao: đạt 100% trở lên: 1 điểm; dưới 100%: 0 điểm")],
    ["an option row after a colon", edited(options, { B21: "Chỉ tiêu thu năm: đạt 100% dự toán" }), edited(options, { B21: "Thu ngân sách năm: đạt 100% dự toán" })],
    ["an option row before an acronym", edited(options, { B21: "Chỉ tiêu thu năm UBND huyện giao: đạt 100%" }), edited(options, { B21: "Thu ngân sách năm UBND huyện giao: đạt 100%" })],
    ["an option row with an amount", edited(options, { B21: "Chỉ tiêu thu 1 Tỷ đồng trở lên" }), edited(options, { B21: "Thu ngân sách 1 Tỷ đồng trở lên" })],
  ])("RD31-2: a revenue target 'Chỉ tiêu thu năm …' as %s is text, never a label: imported as its plain wording is", (_, grid, plain) => {
    importsWhole(grid, commune, wholeOf(plain, commune));
  });

  it("RD31-2: a department's option row 'Chỉ tiêu thu năm: 1 điểm' is text", () => {
    importsWhole(editedSheet(sheets, "Cấp sở", [[6, 0, "Chỉ tiêu thu năm: 1 điểm"]]), department, wholeOf(editedSheet(sheets, "Cấp sở", [[6, 0, "Thu ngân sách năm: 1 điểm"]]), department));
  });

  const totalAtTop = editedSheet(options, options.sheets[0]!.name, [[6, 0, ""], [6, 1, "TỔNG CỘNG (I + II + III)"], [6, 2, 20], [35, 1, ""], [35, 2, ""]]);
  const noTotal = editedSheet(options, options.sheets[0]!.name, [[35, 1, ""], [35, 2, ""]]);
  const wordsNoTotal = edited(words, { B13: "", C13: "" });
  it.each<[string, Grid, [number, number, Value][], typeof commune | typeof department]>([
    ["total at the top", totalAtTop, [[39, 1, "Tiêu chí so 2: áp dụng từ năm 2025"]], commune],
    ["no total", noTotal, [[39, 1, "Tiêu chí so 2: áp dụng từ năm 2025"]], commune],
    ["no total, a revenue line", noTotal, [[38, 0, "Chỉ tiêu thu năm: giao theo Nghị quyết HĐND xã"]], commune],
    ["no total, word labels", wordsNoTotal, [[13, 0, "Tiêu chí so 2: Bỏ từ năm 2025"]], commune],
    ["no total, word labels, a bare label", wordsNoTotal, [[13, 0, "Chỉ tiêu thu 1"]], commune],
    ["a department's, no total", sheets, [[13, 0, "Tiêu chí so 3: Áp dụng từ 2025"]], department],
  ])("RD31-3: a half label in a note under the table (%s) is no label: the set imports whole", (_, grid, edits, o) => {
    importsWhole(editedSheet(grid, o === department ? "Cấp sở" : grid.sheets[0]!.name, edits), o, wholeOf(grid, o));
  });

  it("RD31-3: a half label in the next annex on the sheet does not refuse the annex imported", () => {
    const dept = sheets.sheets.find((s) => s.name === "Cấp sở")!.rows.slice(0, 12);
    const annex2 = (row: Value[]) => cells([[], ["PHỤ LỤC II"], ["BỘ TIÊU CHÍ ĐÁNH GIÁ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN"],
      ["TT", "Tiêu chí", "Điểm tối đa", "Cách tính điểm"], ["1", "Công tác chỉ đạo, điều hành", 2], ["1.1", "Ban hành kế hoạch CCHC năm", 2, "Ban hành kịp thời: 2 điểm; không kịp thời: 1 điểm"],
      row, ["2.1", "Công khai thủ tục hành chính", 3, "Công khai đầy đủ: 3 điểm; không đầy đủ: 1 điểm"], ["", "Tổng cộng", 5]]);
    const stacked = (row: Value[]): Grid => ({ sheets: [{ name: "Phụ lục", rows: [...dept, ...annex2(row)], merges: [] }] });
    importsWhole(stacked(["Tiêu chí so 2: Cải cách TTHC", "", 3]), department, wholeOf(stacked(["2", "Cải cách thủ tục hành chính", 3]), department));
  });

  it.each<[string, Record<string, string>, string]>([
    ["bare", { A9: "Tiêu chí so II" }, "Tiêu chí so II"],
    ["before its title", { A9: "Tiêu chí so II: Cải cách TTHC" }, "Tiêu chí so II"],
  ])("RD31-4: a Roman number after a half-marked 'so', %s, is refused by its cell like 'so 2'", (_, edits, text) => {
    refusedAt(edited(words, edits), commune, "!A9", text, "Tiêu chí số II");
  });

  it.each<[string, string, string]>([
    ["TIÊU CHÍ THU HAI", "TIÊU CHÍ THU HAI", "TIÊU CHÍ THỨ HAI"],
    ["TIÊU CHÍ SO 2", "TIÊU CHÍ SO 2", "TIÊU CHÍ SỐ 2"],
  ])("RD31-6: the label meant for %s keeps the capitals typed", (typed, text, meant) => {
    refusedAt(edited(words, { A9: typed }), commune, "!A9", text, meant);
  });

  it.each<[string]>([["Tiêu chí số 2: Cải cách TTHC"], ["Tiêu chí 2: Cải cách TTHC"], ["Tiêu chí thứ hai: Cải cách TTHC"], ["Tiêu chí số 2 - Cải cách TTHC"], ["Tiêu chí 2 (6 điểm)"]])(
    "RD31-5: a label cell also holding a title or points (%s) beside the title cell is criterion 2 with that cell's title",
    (label) => {
      const grid = edited(words, { A9: label });
      importsWhole(grid, commune, wholeOf(words, commune));
      const imported = importCriteriaSet(grid, commune);
      if (imported.ok) expect(imported.set.items.find((i) => i.code === "2")).toMatchObject({ title: "Cải cách thủ tục hành chính", max: 6 });
    },
  );
});
