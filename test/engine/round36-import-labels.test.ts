/**
 * RD36 (import-criteria, tester rt-rd36): a labelled criterion's title is a criterion's title.
 *
 * RD36-1..4: in a column of codes a label with points beside a title saying a degree or option
 * ("… đầy đủ, kịp thời", "Không để xảy ra …", "Chưa có …", "Có …") or a single share ("… đạt từ
 * 90% trở lên", "Xử lý 100% …", "… đạt trên 50%") is that criterion's label: decisions title
 * criteria that way. Only a band's own signs make the row a band line — a dash, two bounds or a
 * lower bound, its points in the title — or a degree among option lines typed the same way.
 * RD36-5: a field's label beside an upper-case title saying a degree is the field's label.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet, type Grid } from "../../shared/index.ts";
import { edited, gridOf } from "./reading-rounds-helpers.ts";
import { importsWhole, wholeOf } from "./import-rounds-helpers.ts";

const commune = { id: "x", year: 2025, unitType: "commune" as const };
const district = { id: "x", year: 2025, unitType: "district" as const };
const options = gridOf("fixtures/decisions/commune-option-rows.xlsx");
const method = gridOf("fixtures/decisions/district-method-column.xlsx");

/** Field I's criteria labelled in the STT column, as the ps19 layout does. */
const labels = { A9: "Tiêu chí 1 (tối đa 3 điểm)", A18: "Tiêu chí 2 (tối đa 1 điểm)", A20: "Tiêu chí 3 (tối đa 2 điểm)" };
/** Field II's criteria labelled. */
const labels2 = { A25: "Tiêu chí 1 (2 điểm)", A29: "Tiêu chí 2 (4 điểm)" };
const notesOf = (grid: Grid, o = commune) => {
  const imported = importCriteriaSet(grid, o);
  if (!imported.ok) throw new Error(imported.message);
  return imported.notes.map((n) => `${n.cell}: ${n.message}`);
};

describe("RD36-1: a labelled criterion titled with a degree or option word stays the criterion", () => {
  const plain = wholeOf(edited(options, labels), commune);
  it.each<[string, Record<string, string>]>([
    ["đầy đủ, kịp thời", { B18: "Gửi báo cáo CCHC định kỳ đầy đủ, kịp thời" }],
    ["Không để xảy ra", { B18: "Không để xảy ra tình trạng chậm gửi báo cáo CCHC định kỳ" }],
    ["Đầy đủ …", { B18: "Đầy đủ báo cáo CCHC định kỳ theo quy định" }],
    ["Đúng quy định …", { B18: "Đúng quy định về chế độ báo cáo CCHC định kỳ" }],
    ["Chưa có …", { B20: "Chưa có kiến nghị sau kiểm tra CCHC tồn đọng" }],
    ["Có …", { B18: "Có báo cáo CCHC định kỳ gửi đúng hạn" }],
    ["Xử lý 100% …", { B20: "Xử lý 100% kiến nghị sau kiểm tra CCHC" }],
    ["colon labels", { A9: "Tiêu chí 1: 3 điểm", A18: "Tiêu chí 2: 1 điểm", A20: "Tiêu chí 3: 2 điểm", B18: "Gửi báo cáo CCHC định kỳ đầy đủ, kịp thời" }],
    ["dash labels", { A9: "Tiêu chí 1 - 3 điểm", A18: "Tiêu chí 2 - 1 điểm", A20: "Tiêu chí 3 - 2 điểm", B20: "Không còn kiến nghị sau kiểm tra CCHC chưa xử lý" }],
  ])("'%s': the 20 points and codes of the plain titles", (_, edit) => {
    expect(plain.max).toBe(20);
    importsWhole(edited(options, { ...labels, ...edit }), commune, plain);
  });
  it("fields without codes: the same as with plain titles", () => {
    const blankFields = { A8: "", A24: "", A33: "" };
    const plainNoCodes = wholeOf(edited(options, { ...blankFields, ...labels }), commune);
    importsWhole(edited(options, { ...blankFields, ...labels, B18: "Gửi báo cáo CCHC định kỳ đầy đủ, kịp thời" }), commune, plainNoCodes);
  });
});

describe("RD36-2/3: a share or degree in a criterion's title beside a labelled or equal neighbour", () => {
  const plain2 = wholeOf(edited(options, labels2), commune);
  it.each<[string, Record<string, string>]>([
    ["'… đạt từ 90% trở lên' | 4 after a labelled 2", { B29: "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt từ 90% trở lên" }],
    ["the same, max blank", { B29: "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt từ 90% trở lên", C29: "" }],
    ["the field's first criterion '… đầy đủ, đúng quy định …'", { B25: "Công khai đầy đủ, đúng quy định thủ tục hành chính" }],
  ])("%s: 20 points, criterion 2.1 a choice", (_, edit) => {
    expect(plain2.max).toBe(20);
    importsWhole(edited(options, { ...labels2, ...edit }), commune, plain2);
  });
  it("the sheet's first criterion 'Ban hành kịp thời kế hoạch CCHC năm': 20, no repeated code", () => {
    const plain = wholeOf(edited(options, labels), commune);
    const grid = edited(options, { ...labels, B9: "Ban hành kịp thời kế hoạch CCHC năm" });
    importsWhole(grid, commune, plain);
    expect(notesOf(grid).filter((n) => n.includes("lặp lại"))).toEqual([]);
  });
  const low = { C24: "4", C29: "2", C36: "18" };
  const plainLow = wholeOf(edited(options, { ...low, A29: "Tiêu chí 2 (2 điểm)", B29: "Giải quyết hồ sơ TTHC" }), commune);
  it.each<[string]>([["Tỷ lệ hồ sơ TTHC giải quyết đúng hạn đạt 100%"], ["Giải quyết hồ sơ TTHC đúng hạn, không để quá hạn"]])(
    "'Tiêu chí 2 (2 điểm)' beside '%s' | 2 after a coded 2: 18 points", (title) => {
      expect(plainLow.max).toBe(18);
      importsWhole(edited(options, { ...low, A29: "Tiêu chí 2 (2 điểm)", B29: title }), commune, plainLow);
    });
});

describe("RD36-4: district, 'Tiêu chí 2.1.2 (3 điểm)' beside '… đạt trên 50%' | 3", () => {
  // 2.1.2's label among bare codes still re-nests what follows, as in every earlier tree (RD36's
  // "one labelled criterion among coded siblings"); what 94127ac broke is 2.1.1's bands.
  it("2.1.2 is not read as a band of 2.1.1: 2.1.1's rule is the untouched decision's", () => {
    const imported = importCriteriaSet(edited(method, { A18: "Tiêu chí 2.1.2 (3 điểm)", B18: "Tỷ lệ hồ sơ trực tuyến toàn trình đạt trên 50%" }), district);
    expect(imported.ok).toBe(true);
    if (!imported.ok) return;
    const untouched = importCriteriaSet(method, district);
    if (!untouched.ok) throw new Error(untouched.message);
    const find = (items: typeof imported.set.items, code: string): (typeof items)[number] | undefined =>
      items.flatMap((i) => [i, ...(i.children ?? [])]).find((i) => i.code === code) ?? items.map((i) => find(i.children ?? [], code)).find(Boolean);
    expect(find(imported.set.items, "2.1.2")).toBeDefined();
    expect(JSON.stringify(find(imported.set.items, "2.1.1"))).toBe(JSON.stringify(find(untouched.set.items, "2.1.1")));
  });
});

describe("RD36-5: a field label beside an upper-case title saying a degree is the field's", () => {
  const field3 = { B33: "KHÔNG ĐỂ XẢY RA SAI PHẠM TRONG THỰC THI CÔNG VỤ", C33: "3", C34: "2", C35: "1", C36: "15" };
  it("'Lĩnh vực III (3 điểm)': no renumbering note", () => {
    expect(notesOf(edited(options, { ...field3, A33: "Lĩnh vực III (3 điểm)" })).filter((n) => n.includes("đánh số lại"))).toEqual([]);
  });
  it("'Lĩnh vực III (8 điểm)' over 3 typed: the label's points are noted as differing", () => {
    const notes = notesOf(edited(options, { ...field3, A33: "Lĩnh vực III (8 điểm)" }));
    expect(notes.filter((n) => n.includes('nhãn "Lĩnh vực III (8 điểm)"'))).toHaveLength(1);
    expect(notes.filter((n) => n.includes("đánh số lại"))).toEqual([]);
  });
});

describe("RD36-6: a band line's label gives that band its points when the title does not", () => {
  const itemsOf = (grid: Grid) => {
    const imported = importCriteriaSet(grid, commune);
    if (!imported.ok) throw new Error(imported.message);
    return JSON.stringify(imported.set.items);
  };
  it.each<[string]>([["Tiêu chí 1.2 (1 điểm)"], ["Tiêu chí 1.2 (1 ĐIỂM)"], ["Tiêu chí 1.2: 1 điểm"]])(
    "'%s' beside 'Thực hiện từ 70% đến 90% kế hoạch', the max blank: the ratio of the untouched decision", (label) => {
      expect(itemsOf(edited(options, { A16: label, B16: "Thực hiện từ 70% đến 90% kế hoạch" }))).toBe(itemsOf(options));
    });
});

describe("RD36-8: a period with its number or behind 'Cứ' is no item: the label's differing points are noted", () => {
  const words = gridOf("fixtures/decisions/commune-word-labels.xlsx");
  it.each<[string]>([["Mỗi 6 tháng có hồ sơ trực tuyến: 0,5 điểm"], ["Mỗi 06 tháng có hồ sơ trực tuyến: 0,5 điểm"], ["Cứ mỗi quý có hồ sơ trực tuyến được 0,5 điểm"]])(
    "'%s'", (method) => {
      const notes = notesOf(edited(words, { A11: "Chỉ tiêu 2 (0,5 điểm)", D11: method }));
      expect(notes.filter((n) => n.startsWith("'Phụ lục'!A11:") && n.includes("nhãn"))).toHaveLength(1);
    });
});
