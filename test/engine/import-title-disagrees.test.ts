import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type ImportCriteriaOptions } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { importRows, type Value } from "./import-round6-helpers.ts";

/**
 * CF3-5: `import-criteria` gave a set of the year and level it was asked for, whatever the
 * decision's own title said ("… CÁC XÃ, PHƯỜNG NĂM 2025" imported with --year 2024
 * --unit-type province), without a word. One note now says it at the title's cell; the set
 * keeps what the import was given.
 */
const H: Value[] = ["STT", "Lĩnh vực, tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
const table = (title: string): Value[][] => [
  [title],
  ["(Kèm theo Quyết định số 50/QĐ-UBND ngày 10/01/2025 của UBND tỉnh)"],
  H,
  ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 3, null],
  ["1", "Ban hành kế hoạch CCHC năm", 1, "Kịp thời: 1 điểm; chậm: 0,5 điểm; không ban hành: 0 điểm"],
  ["2", "Tỷ lệ hoàn thành kế hoạch", 2, "Từ 90% trở lên: 2 điểm; dưới 90%: 0 điểm"],
  [null, "TỔNG CỘNG", 3, null],
  ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"],
];
const disagreement = (title: string, options: Partial<ImportCriteriaOptions>) => {
  const { set, notes } = importRows(table(title), options);
  return { year: set.year, unitType: set.unitType, notes: notes.filter((n) => n.code === "TITLE_DISAGREES").map((n) => `${n.cell}: ${n.message}`) };
};

describe("the decision's title names another year or level (CF3-5)", () => {
  it("the fixture titled '… CÁC XÃ, PHƯỜNG NĂM 2025' imported for 2024 provinces: one note at A1, the set as asked", () => {
    const read = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/decisions/commune-word-labels.xlsx")));
    if (!read.ok) throw new Error(read.message);
    const result = importCriteriaSet(read.grid, { id: "x-2024", year: 2024, unitType: "province" });
    if (!result.ok) throw new Error(result.message);
    expect([result.set.year, result.set.unitType]).toEqual([2024, "province"]);
    expect(result.notes.filter((n) => n.code === "TITLE_DISAGREES").map((n) => [n.cell, n.message])).toEqual([
      [
        "'Phụ lục'!A1",
        'Tiêu đề "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ, PHƯỜNG NĂM 2025" ghi năm 2025, cấp xã, khác với năm 2024, cấp tỉnh đã chọn khi nhập: bộ tiêu chí vẫn ghi năm 2024, cấp tỉnh; chọn nhầm thì nhập lại với năm và cấp đúng.',
      ],
    ]);
    const english = importCriteriaSet(read.grid, { id: "x-2024", year: 2025, unitType: "department", locale: "en" });
    if (!english.ok) throw new Error(english.message);
    expect(english.notes.find((n) => n.code === "TITLE_DISAGREES")?.message).toBe(
      'The title "CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ, PHƯỜNG NĂM 2025" says commune level, not department level as the import was given: the set keeps department level; if that was a slip, import again with the right year and level.',
    );
  });

  it("agreeing titles, a ward for the communes' title, and titles naming no single year or level say nothing", () => {
    for (const [title, options] of [
      ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP XÃ NĂM 2025", { unitType: "commune", year: 2025 }],
      ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CỦA UBND CÁC XÃ, PHƯỜNG, THỊ TRẤN NĂM 2025", { unitType: "ward", year: 2025 }],
      ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC SỞ, BAN, NGÀNH (áp dụng từ năm 2023)", { unitType: "department", year: 2025 }],
      ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH GIAI ĐOẠN NĂM 2021 - 2025", { unitType: "district", year: 2024 }],
      ["BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN VÀ CẤP XÃ", { unitType: "district", year: 2024 }],
      ["Bộ chỉ số cải cách hành chính áp dụng đối với các phòng chuyên môn thuộc UBND quận, huyện, thị xã", { unitType: "department", year: 2024 }],
    ] as const) expect([title, disagreement(title, options).notes]).toEqual([title, []]);
  });

  it("a year alone, a level alone", () => {
    expect(disagreement("BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC SỞ, BAN, NGÀNH NĂM 2024", { unitType: "department", year: 2025 })).toEqual({
      year: 2025,
      unitType: "department",
      notes: ['PL!A1: Tiêu đề "BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CÁC SỞ, BAN, NGÀNH NĂM 2024" ghi năm 2024, khác với năm 2025 đã chọn khi nhập: bộ tiêu chí vẫn ghi năm 2025; chọn nhầm thì nhập lại với năm và cấp đúng.'],
    });
    expect(disagreement("BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN NĂM 2025", { unitType: "commune", year: 2025 }).notes).toEqual([
      'PL!A1: Tiêu đề "BỘ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH CẤP HUYỆN NĂM 2025" ghi cấp huyện, khác với cấp xã đã chọn khi nhập: bộ tiêu chí vẫn ghi cấp xã; chọn nhầm thì nhập lại với năm và cấp đúng.',
    ]);
  });
});
