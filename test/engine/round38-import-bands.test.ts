/**
 * RD38 (import-criteria, tester rt-rd38): a labelled criterion is no band of the row above.
 *
 * fcdfdbd (RD37-3) read a labelled line with a lower bound in mid-title ("… đạt trên 95% …",
 * "… đạt 100% …", "… từ 80% trở lên") as the opening band of the coded row above whenever the
 * lines after it closed a band table. Labelled criteria ("Tiêu chí 2 (2 điểm)") met that too:
 * RD38-1 a field's criterion dropped, the field's max shrunk; RD38-2 a coded choice leaf turned
 * into a rate table; RD38-3 a field's three criteria made one free-scored leaf; RD38-4 a
 * criterion with its own remaining bands spliced into the previous criterion's table; RD38-5 the
 * note calling the criterion's title the field's method. An opening band stands right under the
 * criterion it serves, which is no field and has no rule of its own, holds no method of its own,
 * and its table closes before the next labelled line with a method of its own.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid } from "../../shared/index.ts";
import { edited, gridOf } from "./reading-rounds-helpers.ts";
import { codes, importsWhole, wholeOf } from "./import-rounds-helpers.ts";

const commune = { id: "x", year: 2025, unitType: "commune" as const };
const options = gridOf("fixtures/decisions/commune-option-rows.xlsx");

type Value = string | number;
type Item = { code: string; title: string; maxPoints: number; rule?: unknown; children?: Item[] };
const HEAD: Value[] = ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Hướng dẫn chấm điểm", "Tài liệu kiểm chứng"];
const gridOfRows = (rows: Value[][]): Grid => ({
  sheets: [{ name: "Cấp xã", merges: [], rows: [["BỘ CHỈ SỐ CCHC CẤP XÃ NĂM 2025"], [], HEAD, ...rows].map((r) => r.map((v) => (v === "" ? null : { v }))) }],
});
const imported = (grid: Grid) => {
  const result = importCriteriaSet(grid, commune);
  if (!result.ok) throw new Error(result.message);
  const all = (items: Item[]): Item[] => items.flatMap((i) => [i, ...all(i.children ?? [])]);
  return { max: result.set.maxPoints, items: all(result.set.items as Item[]), codes: codes(result.set.items), notes: result.notes.map((n) => n.message) };
};
const fieldTwo: Value[][] = [
  ["II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 4, ""],
  ["Tiêu chí 3 (4 điểm)", "Công khai thủ tục hành chính", 4, "Công khai đầy đủ: 4 điểm; không đầy đủ: 2 điểm; không công khai: 0 điểm"],
];

describe("RD38-1/RD38-5: a field's labelled criterion with a bound in its title stays a criterion", () => {
  it.each<[string, string, string, Value, Value]>([
    ["n27: 'đạt trên 95%', then 'Không …'", "Tỷ lệ hồ sơ TTHC đạt trên 95% giải quyết đúng hạn", "Không để xảy ra sai phạm trong giải quyết TTHC", 2, "Đạt: 2 điểm; không đạt: 0 điểm"],
    ["n28: 'đạt 100%'", "Tỷ lệ TTHC đạt 100% được công khai đúng quy định", "Không để xảy ra sai phạm trong giải quyết TTHC", 2, "Đạt: 2 điểm; không đạt: 0 điểm"],
    ["n29: 'từ 80% trở lên', then 'Chưa …'", "Tỷ lệ người dân hài lòng từ 80% trở lên", "Chưa để xảy ra khiếu nại vượt cấp", 2, "Đạt: 2 điểm; không đạt: 0 điểm"],
    ["n30: max cells blank", "Tỷ lệ hồ sơ TTHC đạt trên 95% giải quyết đúng hạn", "Không để xảy ra sai phạm trong giải quyết TTHC", "", "Đạt: 2 điểm; không đạt: 0 điểm"],
    ["n03-like: no method", "Tỷ lệ hồ sơ TTHC đạt trên 95% giải quyết đúng hạn", "Không để xảy ra sai phạm trong giải quyết TTHC", 2, ""],
  ])("%s: two criteria under field I, its 4 points kept", (_, first, second, max, method) => {
    const set = imported(gridOfRows([
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", max === "" ? "" : 4, ""],
      ["Tiêu chí 1 (2 điểm)", first, max, method],
      ["Tiêu chí 2 (2 điểm)", second, max, method === "" ? "" : "Không để xảy ra: 2 điểm; có sai phạm: 0 điểm"],
      ...fieldTwo,
      ["", "Tổng cộng", 8, ""],
    ]));
    expect(set.max).toBe(8);
    expect(set.items.filter((i) => i.title === first)).toHaveLength(1);
    expect(set.items.filter((i) => i.title === second)).toHaveLength(1);
    expect(set.notes.filter((n) => n.includes(first))).toEqual([]);
  });
  it("n08: 'trên 90%', 'từ 5 đến 10 ngày', 'dưới 5%', each with its method: field I is no free-scored leaf", () => {
    const set = imported(gridOfRows([
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 6, ""],
      ["Tiêu chí 1 (2 điểm)", "Tỷ lệ hồ sơ đạt trên 90% được giải quyết đúng hạn", 2, "Đạt: 2 điểm; không đạt: 0 điểm"],
      ["Tiêu chí 2 (2 điểm)", "Số văn bản ban hành từ 5 đến 10 ngày", 2, "Đúng thời hạn: 2 điểm; chậm: 0 điểm"],
      ["Tiêu chí 3 (2 điểm)", "Tỷ lệ hồ sơ trễ hạn dưới 5%", 2, "Không để xảy ra: 2 điểm; có sai phạm: 0 điểm"],
      ...fieldTwo,
      ["", "Tổng cộng", 10, ""],
    ]));
    expect(set.items.filter((i) => i.title === "Tỷ lệ hồ sơ đạt trên 90% được giải quyết đúng hạn")).toHaveLength(1);
    expect(set.items.find((i) => i.code === "1")?.children?.length ?? 0).toBeGreaterThan(0);
  });
});

describe("RD38-2: a coded choice leaf keeps its rule above a labelled criterion", () => {
  it("n34: 1.1 a choice 2/1/0, 1.2 'đạt trên 90%' and 1.3 kept, 9 points", () => {
    const set = imported(gridOfRows([
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 5, ""],
      ["1", "Ban hành kế hoạch CCHC năm", 2, "Ban hành kịp thời: 2 điểm; không kịp thời: 1 điểm; không ban hành: 0 điểm"],
      ["Tiêu chí 2 (2 điểm)", "Tỷ lệ nhiệm vụ đạt trên 90% kế hoạch", 2, "Đạt: 2 điểm; không đạt: 0 điểm"],
      ["Tiêu chí 3 (1 điểm)", "Không để xảy ra sai phạm", 1, "Không: 1 điểm; có: 0 điểm"],
      ...fieldTwo,
      ["", "Tổng cộng", 9, ""],
    ]));
    expect(set.max).toBe(9);
    expect(set.items.find((i) => i.title === "Ban hành kế hoạch CCHC năm")?.rule).toEqual({ kind: "choice", options: [2, 1, 0] });
    expect(set.items.filter((i) => i.title === "Tỷ lệ nhiệm vụ đạt trên 90% kế hoạch")).toHaveLength(1);
  });
});

describe("RD38-1: labelled criteria under a coded criterion are no band table of it", () => {
  it("n14: 'Tiêu chí 1.1/1.2/1.3 (2 điểm)' under '1 Kế hoạch CCHC năm' (6): no rate table made of them", () => {
    const set = imported(gridOfRows([
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 6, ""],
      ["1", "Kế hoạch CCHC năm", 6, ""],
      ["Tiêu chí 1.1 (2 điểm)", "Tỷ lệ nhiệm vụ đạt trên 90% kế hoạch", 2, ""],
      ["Tiêu chí 1.2 (2 điểm)", "Tổ chức từ 2 đến 4 cuộc kiểm tra CCHC", 2, ""],
      ["Tiêu chí 1.3 (2 điểm)", "Không để xảy ra sai phạm", 2, ""],
      ...fieldTwo,
      ["", "Tổng cộng", 10, ""],
    ]));
    expect(set.notes.filter((n) => n.includes("Tổ chức từ 2 đến 4 cuộc kiểm tra CCHC") && n.includes("theo tỷ lệ"))).toEqual([]);
  });
  it("n25: 'Tiêu chí 1.2 (2 điểm)' '… đạt 100% …', 'Tiêu chí 1.3 (1 điểm)' 'từ 50% đến 80%', 'Tiêu chí 1.4 (1 điểm)' 'Chưa …': the first stays a criterion", () => {
    const set = imported(gridOfRows([
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH", 6, ""],
      ["1", "Kế hoạch CCHC năm", 3, ""],
      ["1.1", "Ban hành kế hoạch CCHC năm", 1, "Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm"],
      ["1.2", "Mức độ thực hiện kế hoạch CCHC", 4, ""],
      ["Tiêu chí 1.2 (2 điểm)", "Tỷ lệ TTHC đạt 100% được số hóa", 2, ""],
      ["Tiêu chí 1.3 (1 điểm)", "Tỷ lệ số hóa từ 50% đến 80% hồ sơ", 1, ""],
      ["Tiêu chí 1.4 (1 điểm)", "Chưa có phản ánh kiến nghị", 1, ""],
      ["2", "Báo cáo CCHC định kỳ", 3, "Gửi đầy đủ, đúng hạn: 3 điểm; không đầy đủ hoặc chậm: 0 điểm"],
      ...fieldTwo,
      ["", "Tổng cộng", 10, ""],
    ]));
    expect(set.items.filter((i) => i.title === "Tỷ lệ TTHC đạt 100% được số hóa")).toHaveLength(1);
  });
});

describe("RD38-4: a labelled criterion after the previous criterion's band table is no band of it", () => {
  const plain = wholeOf(options, commune);
  const rule = (grid: Grid, code: string) => JSON.stringify(imported(grid).items.find((i) => i.code === code)?.rule);
  it("n35: 'Tiêu chí 3 (2 điểm)' beside '… đạt 100%', its own bands after it: 1.3 kept, 1.1.2 untouched", () => {
    // Criterion 2 (rows 18–19) and criterion 3's 100% line (row 21) taken out, that bound moved into its title.
    const sheet = options.sheets[0]!;
    const kept = { sheets: [{ ...sheet, rows: sheet.rows.filter((_, r) => r !== 17 && r !== 18 && r !== 20) }] };
    const grid = edited(kept, { A18: "Tiêu chí 3 (2 điểm)", B18: "Xử lý kiến nghị sau kiểm tra CCHC đạt 100%" });
    const set = imported(grid);
    expect(set.items.filter((i) => i.title === "Xử lý kiến nghị sau kiểm tra CCHC đạt 100%")).toHaveLength(1);
    expect(rule(grid, "1.1.2")).toBe(rule(options, "1.1.2"));
  });
  it("n37: 'Tiêu chí 2 (1 điểm)' beside '… đạt trên 90%', then 'Tiêu chí 3 (1 điểm)' beside 'Không …': both criteria", () => {
    const grid = edited(options, {
      A18: "Tiêu chí 2 (1 điểm)", B18: "Tỷ lệ báo cáo gửi đúng hạn đạt trên 90%", C18: "1",
      A19: "Tiêu chí 3 (1 điểm)", B19: "Không để xảy ra sai sót trong báo cáo", C19: "1",
    });
    const set = imported(grid);
    expect(set.items.filter((i) => i.title === "Tỷ lệ báo cáo gửi đúng hạn đạt trên 90%")).toHaveLength(1);
    expect(rule(grid, "1.1.2")).toBe(rule(options, "1.1.2"));
    expect(plain.max).toBe(20);
  });
});

describe("RD37-3 stays mended: a labelled opening band right under its criterion", () => {
  const plain = wholeOf(options, commune);
  it.each<[string, Record<string, string>]>([
    ["b20", { A15: "Tiêu chí 1.2 (2 điểm)", B15: "Thực hiện trên 90% kế hoạch" }],
    ["b23", { A30: "Tiêu chí 2.1 (4 điểm)", B30: "Đạt từ 98% trở lên" }],
  ])("%s: imported whole", (_, edit) => importsWhole(edited(options, edit), commune, plain));
});
