/**
 * RD40-2 and RD40-3 (import-criteria, tester rt-rd40): what the importer says about a criterion's
 * own method cell when the set's reading comes from elsewhere. Notes only: every set read here is
 * the one read before. RD40-2: "Tối đa 2 điểm; đúng hạn 2, chậm 1" — options without "điểm"
 * beside a cap — was dropped for the table below with no note, where "… đúng hạn: 2 điểm; chậm: 1
 * điểm" names its levels. RD40-3: a bare cap restating the criterion's max ("Được 2 điểm", "2
 * điểm") was called an unusable level, though "Tối đa 2 điểm" says nothing.
 */
import { describe, expect, it } from "vitest";
import { importCriteriaSet } from "../../shared/index.ts";
import { COMMUNE_TOP, communeGridOf, importedCommune, type Value } from "./import-rounds-helpers.ts";

const commune = { id: "x", year: 2025, unitType: "commune" as const };
const imported = importedCommune;
const gridOf = communeGridOf;
const top = COMMUNE_TOP;

const BANDS_12: Value[][] = [["Tiêu chí 1.2 (2 điểm)", "Thực hiện trên 90% kế hoạch", 2], ["", "Thực hiện từ 70% đến 90% kế hoạch", 1], ["", "Thực hiện dưới 70% kế hoạch", 0]];
const BANDS_13: Value[][] = [["Tiêu chí 1.3 (2 điểm)", "Thực hiện trên 90% kế hoạch kiểm tra", 2], ["", "Thực hiện từ 70% đến 90% kế hoạch kiểm tra", 1], ["", "Thực hiện dưới 70% kế hoạch kiểm tra", 0]];

/** rd40's r00b (a method column): criterion 1.2's method cell is D8, its band table under it. */
function r00b(method: string, bands: Value[][] = BANDS_12): Value[][] {
  const r = (code: Value, title: Value, max: Value = "", meth: Value = "") => [code, title, max, meth, "", ""];
  return [
    ...top,
    ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm", "Tài liệu kiểm chứng", "Ghi chú"],
    r("I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CẢI CÁCH HÀNH CHÍNH", 6),
    r("1", "Kế hoạch CCHC năm", 3),
    r("1.1", "Ban hành kế hoạch CCHC năm", 1, "Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm"),
    r("1.2", "Mức độ thực hiện kế hoạch CCHC", 2, method),
    ...bands.map(([code, title, max]) => r(code!, title!, max)),
    r("2", "Báo cáo CCHC định kỳ", 1, "Gửi đầy đủ, đúng hạn: 1 điểm; không đầy đủ hoặc chậm: 0 điểm"),
    r("3", "Xử lý kiến nghị sau kiểm tra CCHC", 2, "Xử lý 100%: 2 điểm; từ 80% đến dưới 100%: 1 điểm; dưới 80%: 0 điểm"),
    r("II", "CẢI CÁCH THỦ TỤC HÀNH CHÍNH", 6),
    r("1", "Công khai thủ tục hành chính", 2, "Đầy đủ: 2 điểm; không đầy đủ: 1 điểm; không công khai: 0 điểm"),
    r("2", "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn", 4, "Từ 98% trở lên: 4 điểm; từ 90% đến dưới 98%: 2 điểm; dưới 90%: 0 điểm"),
    r("", "Tổng cộng (I + II)", 12),
  ];
}
const RATE = { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] };
const rule = (set: ReturnType<typeof imported>, code: string) => set.items.find((i) => i.code === code)?.rule;
const aboutD8 = (set: ReturnType<typeof imported>) => set.notesAt.filter((n) => n.startsWith("'Cấp xã'!D8:"));

describe("RD40-2: a cap's cell whose text beyond the cap is not used says so, by its address", () => {
  it.each([
    ["n09", "Tối đa 2 điểm; đúng hạn 2, chậm 1", "đúng hạn 2, chậm 1"],
    ["RD41-6: split by ';'", "Tối đa 2 điểm; đúng hạn 2; chậm 1", "đúng hạn 2; chậm 1"],
    ["RD41-6: one a line", "Tối đa 2 điểm\nđúng hạn 2\nchậm 1", "đúng hạn 2; chậm 1"],
    ["n28f's cell", "Tối đa 2 điểm (đủ, đúng hạn 2; chậm 0)", "đủ, đúng hạn 2; chậm 0"],
    ["the cap after", "Đúng hạn 2, chậm 1 (chấm tối đa 2 điểm)", "Đúng hạn 2, chậm 1"],
    ["a sentence", "Chấm tối đa 2 điểm. Đủ, đúng hạn 2, chậm 1, không gửi 0", "Đủ, đúng hạn 2, chậm 1, không gửi 0"],
  ])("%s ('%s'): 1.1.2 keeps the rate table below, D8 names '%s'", (_, method, rest) => {
    const set = imported(r00b(method));
    expect(rule(set, "1.1.2")).toEqual(RATE);
    expect(set.max).toBe(12);
    expect(aboutD8(set)).toEqual([`'Cấp xã'!D8: Tiêu chí 1.1.2: chưa dùng phần "${rest}" của ô cách chấm (ngoài điểm tối đa 2); cách chấm lấy từ các dòng bên dưới; kiểm tra lại.`]);
  });
  it("n10: under a 'Tiêu chí 1.3' table the reading is as before, and D8 is named", () => {
    const before = imported(r00b("Tối đa 2 điểm", BANDS_13));
    const set = imported(r00b("Tối đa 2 điểm; đúng hạn 2, chậm 1", BANDS_13));
    expect(set.items).toEqual(before.items);
    expect(aboutD8(set)).toHaveLength(1);
    expect(aboutD8(set)[0]).toContain('chưa dùng phần "đúng hạn 2, chậm 1" của ô cách chấm');
  });
  it("a table read as manual (its bands leave 70–90 % unsaid): the note says the criterion is scored freely", () => {
    const set = imported(r00b("Tối đa 2 điểm; đúng hạn 2, chậm 1", [BANDS_12[0]!, BANDS_12[2]!]));
    expect(rule(set, "1.1.2")).toMatchObject({ kind: "manual" });
    expect(aboutD8(set)).toContain(`'Cấp xã'!D8: Tiêu chí 1.1.2: chưa dùng phần "đúng hạn 2, chậm 1" của ô cách chấm (ngoài điểm tối đa 2); để chấm tự do; kiểm tra lại.`);
  });
  it("in English too", () => {
    const result = importCriteriaSet(gridOf(r00b("Tối đa 2 điểm; đúng hạn 2, chậm 1")), { ...commune, locale: "en" as const });
    if (!result.ok) throw new Error(result.message);
    expect(result.notes.filter((n) => n.cell === "'Cấp xã'!D8").map((n) => n.message)).toEqual([
      'Criterion 1.1.2: the part "đúng hạn 2, chậm 1" of its method cell (beside the max of 2) is not used; the method was read from the lines below; check it.',
    ]);
  });
  it.each([
    ["the cap alone", "Tối đa 2 điểm"],
    ["RD41-1: documents", "Tối đa 2 điểm; theo Nghị định 61, Thông tư 01"],
    ["RD41-1: a document", "Tối đa 2 điểm; theo Thông tư 01"],
    ["RD41-1: articles", "Tối đa 2 điểm (Điều 1, Điều 2)"],
    ["RD41-1: periods", "Tối đa 2 điểm; báo cáo quý 1, quý 2, quý 3, quý 4"],
    ["RD41: periods with figures", "Tối đa 2 điểm; Quý 1 2, quý 2 1"],
    ["RD41-1: a count", "Tối đa 2 điểm; tổng số nhiệm vụ 5, hoàn thành 5"],
    ["RD41-2: figures that pay nothing", "Tối đa 2 điểm; chậm 0, không gửi 0"],
    ["words only", "Tối đa 2 điểm; căn cứ báo cáo CCHC năm"],
  ])("%s ('%s'): no note at D8", (_, method) => {
    const set = imported(r00b(method));
    expect(rule(set, "1.1.2")).toEqual(RATE);
    expect(aboutD8(set)).toEqual([]);
  });
  it("n12 kept: the levels written with 'điểm' are named as before, and nothing more", () => {
    const set = imported(r00b("Tối đa 2 điểm. Ban hành đúng hạn: 2 điểm; chậm: 1 điểm"));
    expect(rule(set, "1.1.2")).toEqual(RATE);
    expect(aboutD8(set).map((n) => n.replace(/^.*?: /u, ""))).toEqual([
      'Tiêu chí 1.1.2: không dùng được mức "Ban hành đúng hạn: 2 điểm" cùng các mức theo tỷ lệ; kiểm tra lại.',
      'Tiêu chí 1.1.2: không dùng được mức "chậm: 1 điểm" cùng các mức theo tỷ lệ; kiểm tra lại.',
    ]);
  });
});

describe("RD40-3: a criterion's cell restating its own max says nothing, as 'Tối đa 2 điểm' does", () => {
  it.each([["n14", "Được 2 điểm"], ["r03", "2 điểm"], ["", "02 điểm"], ["", "Được tính 2 điểm"], ["", "(2 điểm)"], ["", "2đ"], ["", "Đạt 2,0 điểm."]])("%s '%s' on a 2-point criterion: the rate table, no note at D8", (_, method) => {
    const set = imported(r00b(method));
    expect(rule(set, "1.1.2")).toEqual(RATE);
    expect(aboutD8(set)).toEqual([]);
  });
  it("n15: under a 'Tiêu chí 1.3' table, as 'Tối đa 2 điểm' is read and said", () => {
    const cap = imported(r00b("Tối đa 2 điểm", BANDS_13));
    const set = imported(r00b("Được 2 điểm", BANDS_13));
    expect(set.items).toEqual(cap.items);
    expect(aboutD8(set)).toEqual(aboutD8(cap));
  });
  it.each([["Được 3 điểm"], ["1 điểm"]])("a figure other than the max ('%s') is still named", (method) => {
    const set = imported(r00b(method));
    expect(aboutD8(set)).toHaveLength(1);
    expect(aboutD8(set)[0]).toContain(`không dùng được mức "${method}"`);
  });
});
