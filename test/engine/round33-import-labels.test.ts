/**
 * RD33 (import-criteria, tester rt-rd33): last round's importer commits mended narrowly.
 *
 * RD33-1: a sheet left out (another level's annex) never refuses the table read (466cd10 withdrawn).
 * RD33-2: after a half-marked "thu N" a money word is money unless it opens a title's compound
 * ("Tỷ lệ", "Tỷ trọng", "Đồng bộ", "Đồng thời", "Triệu tập"): "1 Tỷ đến dưới 2 Tỷ" is a band.
 * RD33-4: a label with points as ": N điểm", "- N điểm", "(tối đa N điểm)" is read as a label only
 * in the column of labels; in a column of codes beside a band line it stays that line's text.
 * RD33-5/6: a label's points are never a max (MAX_FROM_LABEL withdrawn): the max stays what the
 * children or the method give, and differing points are only noted (LABEL_POINTS_DIFFER) — not on
 * a bonus/deduction section (it has no max), not when the method's own words give them per item.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid } from "../../shared/index.ts";
import { edited, gridOf } from "./reading-rounds-helpers.ts";
import { codes } from "./import-rounds-helpers.ts";

type Item = { code: string; max?: number; children?: Item[] };
type Value = string | number;
const cellsOf = (rows: Value[][]) => rows.map((r) => r.map((v) => (v === "" ? null : { v })));

describe("RD33: import-criteria — last round's commits mended", () => {
  const commune = { id: "x", year: 2024, unitType: "commune" as const };
  const options = gridOf("fixtures/decisions/commune-option-rows.xlsx");
  const whole = (grid: Grid, o: { id: string; year: number; unitType: "commune" | "district" }) => {
    const imported = importCriteriaSet(grid, o);
    if (!imported.ok) return { refused: imported.message };
    return { codes: codes(imported.set.items), max: imported.set.maxPoints };
  };

  const HEAD = ["Tiêu chí", "Nội dung", "Điểm tối đa", "Hướng dẫn chấm điểm", "Tài liệu kiểm chứng"];
  const communeSheet = { name: "Cấp xã", merges: [], rows: cellsOf([["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ NĂM 2024"], [], HEAD, [],
    ["Tiêu chí 1", "Công tác chỉ đạo, điều hành cải cách hành chính", 4], ["Chỉ tiêu 1", "Ban hành kế hoạch CCHC năm", 4, "Ban hành: 4 điểm; không ban hành: 0 điểm"],
    ["Tiêu chí 2", "Cải cách thủ tục hành chính", 6], ["Chỉ tiêu 1", "Tỷ lệ hồ sơ giải quyết đúng và trước hạn", 6, "Điểm = tỷ lệ % hồ sơ đúng hạn × 6"],
    ["Tiêu chí 3", "Sự hài lòng của người dân, tổ chức", 5], ["Chỉ tiêu 1", "Hài lòng về thủ tục hành chính", 5, "Qua khảo sát ý kiến người dân, tổ chức"],
    ["", "Tổng số điểm", 15]]) };
  const otherLevel = (title: string, label: string): Grid => ({ sheets: [communeSheet, { name: "Khác", merges: [], rows: cellsOf([[title], [], HEAD, [],
    [label, "Xây dựng chính quyền điện tử", 5], ["Chỉ tiêu 1", "Dịch vụ công trực tuyến toàn trình", 5, "Đạt: 5 điểm"], ["", "Tổng số điểm", 5]]) }] });
  it.each<[string, string]>([
    ["CHỈ SỐ CCHC CẤP PHƯỜNG - TIÊU CHÍ RIÊNG", "Tiêu chí so 4"],
    ["PHỤ LỤC II - CẤP HUYỆN", "Tiêu chí so 4"],
    ["CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ NĂM 2023", "Tiêu chí thu 4"],
  ])("RD33-1: a sheet titled '%s' opening with '%s' does not refuse the table read", (title, label) => {
    expect(whole(otherLevel(title, label), commune)).toEqual({ codes: ["1", "1.1", "2", "2.1", "3", "3.1"], max: 15 });
  });

  const bands = (b: string, c = "Không đạt") => edited(options, { B11: "Chỉ tiêu thu 2 Tỷ đồng trở lên", B12: b, B13: c });
  it.each<[string]>([
    ["Chỉ tiêu thu 1 Tỷ đến dưới 2 Tỷ"], ["Chỉ tiêu thu 1 Tỷ hoặc hơn"], ["Chỉ tiêu thu 1 Tỷ và vượt dự toán"],
    ["Chỉ tiêu thu 2 Tỷ so với năm trước"], ["Chỉ tiêu thu 2 Tỷ mỗi năm"], ["Chỉ tiêu thu 2 Tỷ trong năm"],
    ["Chỉ tiêu thu 2 Tỷ tối thiểu"], ["Chỉ tiêu thu 2 Tỷ không đạt"], ["Chỉ tiêu thu 50 Triệu đến dưới 1 Tỷ"],
    ["Chỉ tiêu thu 2 Triệu USD trở lên"], ["Chỉ tiêu thu 2 Tỷ Ngân sách"], ["Chỉ tiêu thu 3 Nghìn Đồng mỗi người"], ["Chỉ tiêu thu 2 USD mỗi hồ sơ"],
  ])("RD33-2: the band '%s' after 'thu N' is a revenue target, the set as with 'Thu ngân sách'", (line) => {
    const plain = line.replace(/^Chỉ tiêu thu/u, "Thu ngân sách");
    expect(whole(bands(line), commune)).toEqual(whole(bands(plain), commune));
  });
  it("RD33-2: 'Triệu tập …' after 'thu N' is a title's first word, refused by its cell", () => {
    const got = whole(edited(options, { A25: "", B25: "Tiêu chí thu 1 Triệu tập hội nghị CCHC" }), commune);
    expect(got).toMatchObject({ refused: expect.stringContaining('"Tiêu chí thu 1"') });
  });

  const district = { id: "x", year: 2024, unitType: "district" as const };
  const method = gridOf("fixtures/decisions/district-method-column.xlsx");
  it.each<[string, Grid, Grid, typeof commune | typeof district]>([
    ["': 1 điểm' beside a band line", edited(options, { A16: "Tiêu chí 1.2: 1 điểm", B16: "Thực hiện từ 70% đến 90% kế hoạch" }), edited(options, { B16: "Thực hiện từ 70% đến 90% kế hoạch" }), commune],
    ["': 2 điểm' beside a method line", edited(method, { A16: "Tiêu chí 2.1.1: 2 điểm", B16: "Từ 90% đến dưới 98%" }), edited(method, { B16: "Từ 90% đến dưới 98%" }), district],
    ["'- 2 điểm' beside a method line", edited(method, { A16: "Tiêu chí 2.1.1 - 2 điểm", B16: "Từ 90% đến dưới 98%" }), edited(method, { B16: "Từ 90% đến dưới 98%" }), district],
    ["'(tối đa 2 điểm)' beside a method line", edited(method, { A16: "Tiêu chí 2.1.1 (tối đa 2 điểm)", B16: "Từ 90% đến dưới 98%" }), edited(method, { B16: "Từ 90% đến dưới 98%" }), district],
  ])("RD33-4: in a column of codes, a label with points %s does not re-nest the field", (_, grid, plain, o) => {
    expect(whole(grid, o)).toEqual(whole(plain, o));
  });

  const words = gridOf("fixtures/decisions/commune-word-labels.xlsx");
  const read = (grid: Grid) => {
    const imported = importCriteriaSet(grid, commune);
    if (!imported.ok) throw new Error(imported.message);
    const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(i.children ?? [])]);
    return { notes: imported.notes.map((n) => `${n.cell}: ${n.message}`), items: all(imported.set.items as Item[]), max: imported.set.maxPoints };
  };
  it("RD33-5: a parent's label points with the max column blank are no max: the children's sum is, and the label is noted naming both", () => {
    const { notes, items } = read(edited(words, { A9: "Tiêu chí 2 (4 điểm)", C9: "" }));
    expect(items.find((i) => i.code === "2")?.max).toBe(6);
    expect(notes.some((n) => n.includes("ghi trong nhãn"))).toBe(false);
    expect(notes.some((n) => n.includes("Mục 2 không ghi điểm tối đa: lấy 6"))).toBe(true);
    expect(notes.find((n) => n.includes("!A9")) ?? notes.join("\n")).toMatch(/ghi 4 điểm.*6/u);
  });
  it.each<[string]>([["Tiêu chí 4 (2 điểm)"], ["Tiêu chí 4 (tối đa 2 điểm)"], ["Tiêu chí 4 - 2 điểm"], ["Tiêu chí 4: 2 điểm"]])(
    "RD33-5: a bonus section's label '%s' is no max and says none was taken",
    (label) => {
      const rows = [[label, "Điểm thưởng"], ["Chỉ tiêu 1", "Sáng kiến CCHC được công nhận", 1.5, "Mỗi sáng kiến: 0,5 điểm"], ["Chỉ tiêu 2", "Giải thưởng về CCHC", 1, "Có: 1 điểm"]];
      const sheet = words.sheets[0]!;
      const added = rows.map((r) => r.map((v) => ({ v })));
      const grid = { sheets: [{ ...sheet, rows: [...sheet.rows.slice(0, 12), ...added, ...sheet.rows.slice(12)] }] };
      const { notes, items } = read(grid);
      expect(items.find((i) => i.code === "4.2")).toBeDefined();
      expect(notes.filter((n) => /lấy 2 điểm|ghi trong nhãn/u.test(n))).toEqual([]);
    },
  );
  it("RD33-6: a per-item '(0,5 điểm)' beside a method 'tối đa 3 điểm' is no max and needs no note", () => {
    const { notes, items, max } = read(edited(words, { A11: "Chỉ tiêu 2 (0,5 điểm)", C11: "" }));
    expect(items.find((i) => i.code === "2.2")?.max).toBe(3);
    expect(max).toBe(15);
    expect(notes.filter((n) => n.includes("!A11") || n.includes("0,5:"))).toEqual([]);
  });
  it("RD33-6: the same bracket beside a max column of 3 needs no note either", () => {
    const { notes, items } = read(edited(words, { A11: "Chỉ tiêu 2 (0,5 điểm)" }));
    expect(items.find((i) => i.code === "2.2")?.max).toBe(3);
    expect(notes).toEqual(read(words).notes);
  });
});
