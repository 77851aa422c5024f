import { describe, expect, it } from "vitest";
import { readBands } from "../../shared/import-criteria-bands.ts";
import { importCriteriaSet, parseCriteriaSet, ruleKindHelp, type GridSheet, type ImportCriteriaOptions, type ImportedItem } from "../../shared/index.ts";

/**
 * The third outside pass over real decision wordings (20 tables imported wrong): each table
 * is built here as the tester built it, and each test failed before its fix.
 */
type Value = string | number | null;
const HEADER: Value[] = ["STT", "Lĩnh vực/Tiêu chí/Tiêu chí thành phần", "Điểm tối đa", "Phương pháp chấm điểm", "Tài liệu kiểm chứng"];
const XEP_LOAI: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"];
const FIELD: Value[] = ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", null, "", ""];

interface Table {
  header?: Value[][];
  rows: Value[][];
  below?: Value[][];
  merges?: GridSheet["merges"];
  unitType?: ImportCriteriaOptions["unitType"];
}

function imported({ header = [HEADER], rows, below = [[], XEP_LOAI], merges = [], unitType = "district" }: Table) {
  const values = [["BỘ TIÊU CHÍ XÁC ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH"], [], ...header, ...rows, ...below];
  const sheet: GridSheet = { name: "S", rows: values.map((r) => r.map((v) => (v === null || v === "" ? null : { v }))), merges };
  const result = importCriteriaSet({ sheets: [sheet] }, { id: "t", year: 2025, unitType });
  if (!result.ok) throw new Error(result.message);
  expect(parseCriteriaSet(result.set).ok).toBe(true);
  return { set: result.set, notes: result.notes.map((n) => [n.code, n.cell, n.criterion]), messages: result.notes.map((n) => n.message) };
}

/** The leaves of field 1, by code. */
const leaves = (rows: Value[][]) => imported({ rows: [FIELD, ...rows] });
const rules = (items: ImportedItem[]) => items.map((i) => i.rule);
const withoutMessages = ({ code, title, ...rest }: ImportedItem) => rest;
const codesOf = (notes: unknown[][]) => notes.map((n) => n[0]);

describe("round 3 (1): a range of points is a manual score, not one option", () => {
  it("'chấm từ 0 đến 2 điểm', 'từ 0 - 1 điểm tùy mức độ' are manual with the README's step, noted", () => {
    const { set, notes } = leaves([
      ["1", "Tuyên truyền CCHC", 2, "Căn cứ mức độ thực hiện, chấm từ 0 đến 2 điểm", ""],
      ["2", "Sáng kiến", 1, "Đánh giá từ 0 - 1 điểm tùy mức độ", ""],
      ["3", "Đối thoại", 1, "Từ 0 điểm đến 0,75 điểm", ""],
    ]);
    expect(rules(set.items[0]!.children!)).toEqual([
      { kind: "manual", step: 0.5 },
      { kind: "manual", step: 0.5 },
      { kind: "manual", step: 0.25 },
    ]);
    expect(notes).toContainEqual(["POINT_RANGE_MANUAL", "S!D5", "1.1"]);
    expect(codesOf(notes)).not.toContain("METHOD_UNREAD");
  });

  it("the rule-help example for manual imports as its JSON", () => {
    const help = ruleKindHelp("vi").find((h) => h.key === "manual")!;
    const example = JSON.parse(help.example) as ImportedItem;
    const { set } = leaves([["1", example.title, example.max!, help.phrase, ""]]);
    expect(withoutMessages(set.items[0]!.children![0]!)).toEqual(withoutMessages(example));
  });
});

describe("round 3 (2), (3): proportional rates, their target and formulas without the word 'tỷ lệ'", () => {
  it("'đạt từ 80% trở lên được điểm tối đa' beside 'Điểm = Tỷ lệ × điểm tối đa' is the target", () => {
    const { set } = leaves([
      ["1", "Số hóa hồ sơ", 4, "Điểm = Tỷ lệ × điểm tối đa; đạt từ 80% trở lên được điểm tối đa", ""],
      ["2", "Thanh toán trực tuyến", 2, "Điểm = Tỷ lệ thanh toán trực tuyến x 2. Tỷ lệ từ 45% trở lên: đạt điểm tối đa", ""],
      ["3", "DVC trực tuyến", 2, "Tỷ lệ hồ sơ trực tuyến đạt từ 50% trở lên: 2 điểm; dưới 50%: điểm = (tỷ lệ đạt được/50%) x 2", ""],
      ["4", "Hồ sơ đúng hạn", 2, "Điểm = Tỷ lệ x 2", ""],
    ]);
    expect(rules(set.items[0]!.children!)).toEqual([
      { kind: "ratio", proportional: true, target: 80 },
      { kind: "ratio", proportional: true, target: 45 },
      { kind: "ratio", proportional: true, target: 50 },
      { kind: "ratio", proportional: true },
    ]);
  });

  it("the rule-help example for a proportional rate imports as its JSON", () => {
    const help = ruleKindHelp("vi").find((h) => h.key === "proportional")!;
    const example = JSON.parse(help.example) as ImportedItem;
    const { set } = leaves([["1", example.title, example.max!, help.phrase, ""]]);
    expect(withoutMessages(set.items[0]!.children![0]!)).toEqual(withoutMessages(example));
  });

  it("'Điểm = (Số hồ sơ đúng hạn/Tổng số hồ sơ) x 1 điểm' is proportional, not the option 1", () => {
    const { set, notes } = leaves([
      ["1", "Công khai TTHC", 2, "Điểm đạt được = (Số TTHC được công khai đúng quy định / Tổng số TTHC thuộc thẩm quyền) x 2", ""],
      ["2", "Hồ sơ đúng hạn", 1, "Điểm = (Số hồ sơ giải quyết đúng hạn/Tổng số hồ sơ đã giải quyết) x 1 điểm", ""],
      ["3", "Số hóa", 2, "Số điểm = Tỷ lệ số hóa x 2", ""],
    ]);
    expect(rules(set.items[0]!.children!)).toEqual([
      { kind: "ratio", proportional: true },
      { kind: "ratio", proportional: true },
      { kind: "ratio", proportional: true },
    ]);
    expect(codesOf(notes)).not.toContain("METHOD_UNREAD");
  });

  it("a rate defined '× 100' before its bands stays bands", () => {
    const { set } = leaves([["1", "Hồ sơ đúng hạn", 2, "Tỷ lệ = (Số hồ sơ đúng hạn/Tổng số hồ sơ) x 100%; Đạt 100%: 2 điểm; Dưới 100%: 0 điểm", ""]]);
    expect(rules(set.items[0]!.children!)).toEqual([{ kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 0, points: 0 }] }]);
  });
});

describe("round 3 (4): halves and shares of the max as options", () => {
  it("'được 1/2 số điểm', 'bằng 50% số điểm', 'một nửa số điểm', 'không có điểm' are options of the max", () => {
    const { set, notes } = leaves([
      ["1", "Ban hành kế hoạch", 1, "Đúng hạn: 1 điểm; Chậm: được 1/2 số điểm; Không ban hành: 0 điểm", ""],
      ["2", "Báo cáo", 1, "Đúng hạn: 1 điểm; Chậm: bằng 50% số điểm; Không báo cáo: 0 điểm", ""],
      ["3", "Tuyên truyền", 1, "Thực hiện đầy đủ: đạt điểm tối đa; Thực hiện chưa đầy đủ: một nửa số điểm; Không thực hiện: không có điểm", ""],
      ["4", "Kiểm tra", 2, "Đầy đủ: 2 điểm; Chưa đầy đủ: được một nửa số điểm tối đa; Không kiểm tra: không được điểm", ""],
    ]);
    expect(rules(set.items[0]!.children!)).toEqual([
      { kind: "choice", options: [1, 0.5, 0] },
      { kind: "choice", options: [1, 0.5, 0] },
      { kind: "choice", options: [1, 0.5, 0] },
      { kind: "choice", options: [2, 1, 0] },
    ]);
    expect(codesOf(notes)).not.toContain("OPTIONS_BELOW_MAX");
  });
});

describe("round 3 (5): 'không tính vào tổng điểm' takes the item out of the maximum", () => {
  it("is notApplicable 'exclude', never 'full', with or without 'tối đa'", () => {
    const { set, notes } = leaves([
      ["1", "Kế hoạch CCHC", 2, "Ban hành kịp thời: 2 điểm; không kịp thời: 0", ""],
      ["2", "Quản lý biên chế", 1, "Đúng quy định: 1 điểm; Không: 0. Tiêu chí này không áp dụng đối với đơn vị không có đơn vị sự nghiệp trực thuộc, không tính vào tổng điểm", ""],
      ["3", "Xử lý văn bản", 1, "Xử lý đầy đủ: 1 điểm; không: 0. Đơn vị không có văn bản phải xử lý thì không chấm tiêu chí này và không tính vào tổng điểm tối đa", ""],
      ["4", "Xử lý kiến nghị", 1, "Xử lý đầy đủ: 1 điểm; không: 0. Trường hợp không phát sinh thì được tính điểm tối đa", ""],
    ]);
    expect(set.items[0]!.children!.map((i) => [i.code, i.notApplicable, i.rule])).toEqual([
      ["1.1", undefined, { kind: "choice", options: [2, 0] }],
      ["1.2", "exclude", { kind: "choice", options: [1, 0] }],
      ["1.3", "exclude", { kind: "choice", options: [1, 0] }],
      ["1.4", "full", { kind: "choice", options: [1, 0] }],
    ]);
    expect(codesOf(notes)).not.toContain("NOT_APPLICABLE_PARTIAL");
  });
});

describe("round 3 (6), (7): a table for several unit levels", () => {
  const twoLevels: Table = {
    header: [
      ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", null, "Phương pháp chấm điểm"],
      [null, null, "Cấp huyện", "Cấp xã", null],
    ],
    merges: [{ s: { r: 2, c: 2 }, e: { r: 2, c: 3 } }, { s: { r: 2, c: 0 }, e: { r: 3, c: 0 } }, { s: { r: 2, c: 1 }, e: { r: 3, c: 1 } }, { s: { r: 2, c: 4 }, e: { r: 3, c: 4 } }],
    rows: [
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 6, 4, ""],
      ["1", "Kế hoạch CCHC", 2, 1, "Ban hành kịp thời: đạt điểm tối đa; không kịp thời: 0"],
      ["2", "Kiểm tra CCHC", 2, 2, "Có: đạt điểm tối đa; Không: 0"],
      ["3", "Tuyên truyền", 2, 1, "Có: đạt điểm tối đa; Không: 0"],
      ["", "Tổng cộng", 6, 4, ""],
    ],
  };
  const maxes = (items: ImportedItem[]) => items[0]!.children!.map((i) => [i.max, i.rule]);

  it("'Điểm tối đa' merged over 'Cấp huyện | Cấp xã' reads the column of --unit-type, noted with its label", () => {
    const commune = imported({ ...twoLevels, unitType: "commune" });
    expect(maxes(commune.set.items)).toEqual([
      [1, { kind: "choice", options: [1, 0] }],
      [2, { kind: "choice", options: [2, 0] }],
      [1, { kind: "choice", options: [1, 0] }],
    ]);
    expect(commune.set.maxPoints).toBe(4);
    expect(commune.notes).toContainEqual(["MAX_COLUMN_BY_LEVEL", "S!D4", undefined]);
    expect(commune.messages.join("\n")).toContain('"Điểm tối đa Cấp xã"');
    expect(codesOf(commune.notes)).not.toContain("TOTAL_MISMATCH");

    const district = imported({ ...twoLevels, unitType: "district" });
    expect(district.set.maxPoints).toBe(6);
    expect(district.notes).toContainEqual(["MAX_COLUMN_BY_LEVEL", "S!C4", undefined]);
  });

  it("one header row 'Điểm tối đa cấp huyện | Điểm tối đa cấp xã' too; a level the table lacks keeps the first column, noted", () => {
    const table: Table = { header: [["STT", "Tiêu chí", "Điểm tối đa cấp huyện", "Điểm tối đa cấp xã", "Phương pháp chấm điểm"]], rows: twoLevels.rows };
    expect(imported({ ...table, unitType: "commune" }).set.maxPoints).toBe(4);
    const department = imported({ ...table, unitType: "department" });
    expect(department.set.maxPoints).toBe(6);
    expect(department.notes).toContainEqual(["MAX_COLUMN_LEVEL_MISSING", "S!C3", undefined]);
  });

  it("a row with points in another level's column and '-', 'x' or nothing in this level's is not this level's: left out, noted", () => {
    const rows: Value[][] = [
      ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 7, 3, ""],
      ["1", "Kế hoạch CCHC", 2, 1, "Ban hành kịp thời: đạt điểm tối đa; không kịp thời: 0"],
      ["2", "Kiểm tra đơn vị trực thuộc", 2, "-", "Có: đạt điểm tối đa; Không: 0"],
      ["3", "Tuyên truyền", 2, 2, "Có: đạt điểm tối đa; Không: 0"],
      ["4", "Trung tâm hành chính công cấp huyện", 1, null, "Có: 1 điểm; Không: 0"],
      ["", "Tổng cộng", 7, 3, ""],
    ];
    const commune = imported({ ...twoLevels, rows, unitType: "commune" });
    expect(commune.set.items[0]!.children!.map((i) => [i.code, i.max])).toEqual([["1.1", 1], ["1.3", 2]]);
    expect(commune.set.maxPoints).toBe(3);
    expect(commune.notes.filter(([code]) => code === "NOT_FOR_UNIT_TYPE").map(([, cell]) => cell)).toEqual(["S!B7", "S!B9"]);
    expect(commune.messages.join("\n")).toContain('Tiêu chí 1.2 ghi "Điểm tối đa Cấp xã: -"');
    const district = imported({ ...twoLevels, rows, unitType: "district" });
    expect(district.set.maxPoints).toBe(7);
    // A field's own total left blank for the communes, its criteria with their points: kept.
    const blankField = imported({ ...twoLevels, rows: [["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 6, null, ""], ...twoLevels.rows.slice(1)], unitType: "commune" });
    expect(blankField.set.maxPoints).toBe(4);
    expect(codesOf(blankField.notes)).not.toContain("NOT_FOR_UNIT_TYPE");
  });

  it("a bare 'Sở' over a max column is the departments' (told from 'số' by its marks)", () => {
    const table: Table = {
      header: [
        ["STT", "Lĩnh vực, tiêu chí, tiêu chí thành phần", "Điểm tối đa", null, "Phương pháp chấm điểm"],
        [null, null, "Sở", "Huyện", null],
      ],
      merges: twoLevels.merges,
      rows: twoLevels.rows,
    };
    const department = imported({ ...table, unitType: "department" });
    expect(department.set.maxPoints).toBe(6);
    expect(department.notes).toContainEqual(["MAX_COLUMN_BY_LEVEL", "S!C4", undefined]);
    expect(imported({ ...table, unitType: "district" }).notes).toContainEqual(["MAX_COLUMN_BY_LEVEL", "S!D4", undefined]);
  });

  it("a criterion '(Áp dụng đối với cấp xã)' is left out of a district's set, noted; one for districts stays", () => {
    const rows: Value[][] = [
      FIELD,
      ["1", "Kế hoạch CCHC", 2, "Ban hành kịp thời: 2 điểm; không kịp thời: 0", ""],
      ["2", "Sắp xếp đơn vị sự nghiệp (Áp dụng đối với cấp huyện)", 1, "Thực hiện đúng lộ trình: 1 điểm; không: 0", ""],
      ["3", "Sắp xếp thôn, tổ dân phố (Áp dụng đối với cấp xã)", 1, "Thực hiện đúng lộ trình: 1 điểm; không: 0", ""],
      ["4", "Quản lý biên chế", 1, "Đúng quy định: 1 điểm; Không: 0. Tiêu chí này không áp dụng đối với đơn vị không có đơn vị sự nghiệp trực thuộc, không tính vào tổng điểm", ""],
      ["5", "Đối thoại (không áp dụng đối với cấp xã)", 1, "Có: 1 điểm; Không: 0", ""],
    ];
    const district = imported({ rows });
    expect(district.set.items[0]!.children!.map((i) => i.code)).toEqual(["1.1", "1.2", "1.4", "1.5"]);
    expect(district.set.maxPoints).toBe(5);
    expect(district.notes).toContainEqual(["NOT_FOR_UNIT_TYPE", "S!B7", "1.3"]);
    const commune = imported({ rows, unitType: "commune" });
    expect(commune.set.items[0]!.children!.map((i) => i.code)).toEqual(["1.1", "1.3", "1.4"]);
    expect(codesOf(commune.notes).filter((c) => c === "NOT_FOR_UNIT_TYPE")).toHaveLength(2);
  });
});

describe("round 3 (8): the survey part after a subtotal row", () => {
  const partA: Value[][] = [
    ["A", "ĐIỂM TỰ ĐÁNH GIÁ", 70, "", ""],
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 70, "", ""],
    ["1", "Kế hoạch CCHC", 40, "Ban hành kịp thời: 40 điểm; không kịp thời: 0", ""],
    ["2", "Kiểm tra", 30, "Có: 30 điểm; Không: 0", ""],
  ];
  const partB = (field: string, first: string, second: string): Value[][] => [
    ["B", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC", 30, "", ""],
    [field, "Mức độ hài lòng của người dân, tổ chức", 30, "", ""],
    [first, "Hài lòng về tiếp cận dịch vụ", 15, "", ""],
    [second, "Hài lòng về kết quả giải quyết", 15, "", ""],
  ];
  const surveyField = (items: ImportedItem[]) => items.map((i) => [i.code, i.max, i.children!.map((c) => [c.code, c.rule?.kind])]);
  const expected = [
    ["1", 70, [["1.1", "choice"], ["1.2", "choice"]]],
    ["2", 30, [["2.1", "survey"], ["2.2", "survey"]]],
  ];

  it.each(["Cộng (A)", "Tổng cộng (A)", "Tổng điểm phần A", "Tổng cộng điểm tự đánh giá", "Tổng cộng", "Cộng", "Cộng phần A"])("reads past '%s' and checks the '(A+B)' total", (subtotal) => {
    const { set, notes } = imported({ rows: [...partA, ["", subtotal, 70, "", ""], ...partB("I", "1", "2"), ["", "Cộng (B)", 30, "", ""], ["", "TỔNG ĐIỂM (A+B)", 100, "", ""]] });
    expect(surveyField(set.items)).toEqual(expected);
    expect(set.maxPoints).toBe(100);
    expect(set.items[0]!.children![1]!.rule).toEqual({ kind: "choice", options: [30, 0] });
    expect(codesOf(notes)).not.toContain("TOTAL_MISMATCH");
    expect(codesOf(notes)).not.toContain("OPTION_OVER_MAX");
  });

  it("global codes in part B ('II', '2.1'), and a wrong grand total is noted at its cell", () => {
    const { set, notes } = imported({ rows: [...partA, ["", "Cộng (A)", 70, "", ""], ...partB("II", "2.1", "2.2"), ["", "Cộng (B)", 30, "", ""], ["", "TỔNG ĐIỂM (A+B)", 90, "", ""]] });
    expect(surveyField(set.items)).toEqual(expected);
    expect(notes).toContainEqual(["TOTAL_MISMATCH", "S!C14", undefined]);
  });

  it("part B as a second table with its own title line and header", () => {
    const { set, notes } = imported({
      rows: [
        ...partA,
        ["", "Tổng cộng (A)", 70, "", ""],
        [],
        ["B. ĐIỂM ĐÁNH GIÁ QUA ĐIỀU TRA XÃ HỘI HỌC (30 điểm)"],
        HEADER,
        ["I", "Mức độ hài lòng của người dân, tổ chức", 30, "Điểm đánh giá qua điều tra xã hội học", ""],
        ["1", "Hài lòng về tiếp cận dịch vụ", 15, "Điều tra xã hội học", ""],
        ["2", "Hài lòng về kết quả giải quyết", 15, "Điều tra xã hội học", ""],
        ["", "Tổng cộng (B)", 30, "", ""],
        ["", "TỔNG ĐIỂM (A+B)", 100, "", ""],
      ],
    });
    expect(surveyField(set.items)).toEqual(expected);
    expect(set.items[1]!.title).toBe("Mức độ hài lòng của người dân, tổ chức");
    expect(codesOf(notes)).not.toContain("TOTAL_MISMATCH");
  });
});

describe("round 3 (9), (10): the lowest band and a strict bound written before the rate", () => {
  it("'Yếu: từ 50% trở xuống' is the band from 0", () => {
    const notes: string[] = [];
    const bands = readBands([{ cell: "S!A9", text: "Xếp loại: Tốt: trên 85%; Khá: trên 70% đến 85%; Trung bình: trên 50% đến 70%; Yếu: từ 50% trở xuống" }], 100, (code) => notes.push(code));
    expect(bands).toEqual([
      { label: "Tốt", min: 85 },
      { label: "Khá", min: 70 },
      { label: "Trung bình", min: 50 },
      { label: "Yếu", min: 0 },
    ]);
    expect(notes).toEqual(["BAND_STRICT_AS_MIN", "BAND_STRICT_AS_MIN", "BAND_STRICT_AS_MIN"]);
  });

  it("'90% < TL ≤ 95%' is above 90, '90% ≤ Tỷ lệ < 95%' from 90", () => {
    const { set } = leaves([
      ["1", "Tỷ lệ hồ sơ TTHC đúng hạn", 2, "TL > 95%: 2 điểm\n90% < TL ≤ 95%: 1 điểm\nTL ≤ 90%: 0 điểm", ""],
      ["2", "Tỷ lệ số hóa", 2, "Tỷ lệ ≥ 95%: 2 điểm; 90% ≤ Tỷ lệ < 95%: 1 điểm; Tỷ lệ < 90%: 0 điểm", ""],
    ]);
    expect(rules(set.items[0]!.children!)).toEqual([
      { kind: "ratio", bands: [{ above: 95, points: 2 }, { above: 90, points: 1 }, { min: 0, points: 0 }] },
      { kind: "ratio", bands: [{ min: 95, points: 2 }, { min: 90, points: 1 }, { min: 0, points: 0 }] },
    ]);
  });
});

describe("round 3 (11): a cap on deductions is the least the item keeps, never its max", () => {
  it("'tối đa trừ 1 điểm', 'tổng số điểm trừ không quá 1 điểm' on a 2-point item: min 1", () => {
    const { set, notes } = leaves([
      ["1", "Chế độ báo cáo CCHC", 2, "Mỗi báo cáo gửi chậm trừ 0,25 điểm, tối đa trừ 1 điểm", ""],
      ["2", "Kiểm tra CCHC", 2, "Mỗi cơ quan không được kiểm tra theo kế hoạch trừ 0,5 điểm; tổng số điểm trừ không quá 1 điểm", ""],
      ["3", "Văn bản", 2, "Mỗi văn bản ban hành chậm trừ 0,5 điểm, trừ tối đa 2 điểm", ""],
    ]);
    expect(set.items[0]!.children!.map((i) => [i.max, i.min, i.rule])).toEqual([
      [2, 1, { kind: "count", each: -0.25, base: 2 }],
      [2, 1, { kind: "count", each: -0.5, base: 2 }],
      [2, undefined, { kind: "count", each: -0.5, base: 2 }],
    ]);
    expect(codesOf(notes)).not.toContain("CAP_DIFFERS");
    expect(codesOf(notes)).not.toContain("CLAUSE_UNUSED");
  });

  it("in the bonus/deduction section the cap is the min", () => {
    const { set, notes } = imported({
      rows: [
        ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 2, "", ""],
        ["1", "Kế hoạch CCHC", 2, "Có: 2 điểm; Không: 0", ""],
        ["II", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", null, "", ""],
        ["1", "Chậm gửi báo cáo", null, "Trừ 0,5 điểm mỗi báo cáo chậm, tổng số điểm trừ không quá 1,5 điểm", ""],
      ],
    });
    expect(set.items[1]!.children!.map((i) => [i.max, i.min, i.rule])).toEqual([[0, -1.5, { kind: "count", each: -0.5, base: 0 }]]);
    expect(codesOf(notes)).not.toContain("CLAUSE_UNUSED");
  });
});

describe("round 3 (13): a deduction row inside an ordinary field", () => {
  const field = (row: Value[]): Value[][] => [
    ["V", "XÂY DỰNG VÀ NÂNG CAO CHẤT LƯỢNG ĐỘI NGŨ CBCCVC", 3, "", ""],
    ["1", "Tuyển dụng công chức", 2, "Đúng quy định: 2 điểm; không đúng: 0", ""],
    ["2", "Đào tạo, bồi dưỡng", 1, "Hoàn thành kế hoạch: 1 điểm; không: 0", ""],
    row,
    ["", "Tổng cộng", 3, "", ""],
  ];

  it.each([
    ["max written -2", ["3", "Điểm trừ: CBCCVC bị xử lý kỷ luật", -2, "Mỗi trường hợp bị kỷ luật trừ 0,5 điểm", ""]],
    ["a blank max and 'tối đa trừ 2 điểm'", ["3", "Chấp hành kỷ luật, kỷ cương hành chính (điểm trừ)", "", "Mỗi trường hợp bị kỷ luật trừ 0,5 điểm, tối đa trừ 2 điểm", ""]],
  ])("%s: max 0, min -2, -0,5 each; the field keeps its 3 points", (_what, row) => {
    const { set, notes } = imported({ rows: field(row) });
    expect(set.items.map((i) => [i.code, i.max])).toEqual([["5", 3]]);
    expect(set.items[0]!.children![2]).toMatchObject({ code: "5.3", max: 0, min: -2, rule: { kind: "count", each: -0.5, base: 0 } });
    expect(notes).toContainEqual(["DEDUCTION_IN_FIELD", "S!C7", "5.3"]);
    expect(codesOf(notes)).not.toContain("SUM_MISMATCH");
    expect(codesOf(notes)).not.toContain("TOTAL_MISMATCH");
    expect(codesOf(notes)).not.toContain("MAX_MISSING");
  });

  it("a fixed deduction ('-1 | Có vi phạm: trừ 1 điểm') is options 0 and -1", () => {
    const { set } = imported({ rows: field(["3", "Vi phạm kỷ luật", -1, "Có cán bộ vi phạm: trừ 1 điểm", ""]) });
    expect(set.items[0]!.children![2]).toMatchObject({ max: 0, min: -1, rule: { kind: "choice", options: [0, -1] } });
  });
});

describe("round 3 (14), (15): points per item written 'N điểm/01 …', and points abbreviated 'đ'", () => {
  it("'0,25 điểm/01 văn bản', 'Được 0,5 điểm/01 sáng kiến, tối đa 1 điểm', '01 ứng dụng: 0,5 điểm' are counts", () => {
    const { set } = leaves([
      ["1", "Sáng kiến", 1, "Được 0,5 điểm/01 sáng kiến được công nhận, tối đa 1 điểm", ""],
      ["2", "Văn bản chậm", 1, "Trừ 0,25 điểm/01 văn bản ban hành chậm", ""],
      ["3", "Ứng dụng", 2, "01 ứng dụng: 0,5 điểm; tổng không quá 2 điểm", ""],
    ]);
    expect(rules(set.items[0]!.children!)).toEqual([
      { kind: "count", each: 0.5, base: 0 },
      { kind: "count", each: -0.25, base: 1 },
      { kind: "count", each: 0.5, base: 0 },
    ]);
  });

  it("'Kịp thời: 1đ, chậm: 0,5đ, không ban hành: 0đ', 'Có: 1,0đ / Không: 0đ', 'Kịp thời 1đ; chậm 0,5đ' are options", () => {
    const { set, notes } = leaves([
      ["1", "Kế hoạch", 1, "Kịp thời: 1đ, chậm: 0,5đ, không ban hành: 0đ", ""],
      ["2", "Báo cáo", 1, "Kịp thời 1đ; chậm 0,5đ; không báo cáo 0đ", ""],
      ["3", "Kiểm tra", 1, "Có: 1,0đ / Không: 0đ", ""],
      ["4", "Tuyên truyền", 1, "Có thực hiện (1đ); Không thực hiện (0đ)", ""],
    ]);
    expect(rules(set.items[0]!.children!)).toEqual([
      { kind: "choice", options: [1, 0.5, 0] },
      { kind: "choice", options: [1, 0.5, 0] },
      { kind: "choice", options: [1, 0] },
      { kind: "choice", options: [1, 0] },
    ]);
    expect(codesOf(notes)).not.toContain("OPTIONS_BELOW_MAX");
  });
});

describe("round 3 (19): the method column under other labels", () => {
  it.each(["Phương thức chấm điểm", "Cách xác định điểm", "Căn cứ chấm điểm", "Nguyên tắc chấm điểm", "Cách cho điểm", "Thang điểm chi tiết", "Tiêu chí chấm điểm"])("'%s'", (label) => {
    const { set } = imported({
      header: [["STT", "Tiêu chí", "Điểm tối đa", label]],
      rows: [
        ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 3, ""],
        ["1", "Kế hoạch CCHC", 1, "Ban hành kịp thời: 1 điểm; không kịp thời: 0,5 điểm; không ban hành: 0 điểm"],
        ["2", "Tỷ lệ hoàn thành", 2, "Trên 90%: 2 điểm; từ 70% đến 90%: 1 điểm; dưới 70%: 0 điểm"],
      ],
    });
    expect(rules(set.items[0]!.children!)).toEqual([
      { kind: "choice", options: [1, 0.5, 0] },
      { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] },
    ]);
  });
});

describe("round 3 (17): codes marked with a footnote star", () => {
  it("'2*', '3(*)', '4 (**)' in the code column are codes; the mark stays on the title", () => {
    const { set, notes } = imported({
      rows: [
        ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 4, "", ""],
        ["1", "Kế hoạch CCHC", 1, "Có: 1 điểm; Không: 0 điểm", ""],
        ["2*", "Tuyên truyền CCHC", 1, "Có: 1 điểm; Không: 0 điểm", ""],
        ["3(*)", "Kiểm tra CCHC", 1, "Có: 1 điểm; Không: 0 điểm", ""],
        ["4 (**)", "Khảo sát", 1, "Có: 1 điểm; Không: 0 điểm", ""],
      ],
    });
    expect(set.items[0]!.children!.map((i) => [i.code, i.title, i.rule])).toEqual([
      ["1.1", "Kế hoạch CCHC", { kind: "choice", options: [1, 0] }],
      ["1.2", "Tuyên truyền CCHC (*)", { kind: "choice", options: [1, 0] }],
      ["1.3", "Kiểm tra CCHC (*)", { kind: "choice", options: [1, 0] }],
      ["1.4", "Khảo sát (**)", { kind: "choice", options: [1, 0] }],
    ]);
    expect(codesOf(notes)).not.toContain("SUM_MISMATCH");
  });

  it("'1.2*. …' and '(*) 1.3. …' at the start of a title are codes", () => {
    const { set } = imported({
      header: [["TT", "Nội dung tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"]],
      rows: [
        ["", "I. CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 4, ""],
        ["", "1.1. Kế hoạch CCHC", 1, "Có: 1 điểm; Không: 0 điểm"],
        ["", "1.2*. Tuyên truyền CCHC", 1, "Có: 1 điểm; Không: 0 điểm"],
        ["", "(*) 1.3. Kiểm tra CCHC", 1, "Có: 1 điểm; Không: 0 điểm"],
        ["", "1.4. Khảo sát (*)", 1, "Có: 1 điểm; Không: 0 điểm"],
      ],
    });
    expect(set.items[0]!.children!.map((i) => [i.code, i.title])).toEqual([
      ["1.1", "Kế hoạch CCHC"],
      ["1.2", "Tuyên truyền CCHC (*)"],
      ["1.3", "Kiểm tra CCHC (*)"],
      ["1.4", "Khảo sát (*)"],
    ]);
  });
});

describe("round 3 (18): 'one of the two' over alternatives is best-of", () => {
  it.each([
    ["in the parent's method", "Đối thoại với người dân, doanh nghiệp", "Chỉ chấm một trong hai trường hợp dưới đây"],
    ["in the parent's title", "Đối thoại với người dân, doanh nghiệp (đơn vị được chọn 01 trong 02 nội dung sau để chấm điểm)", ""],
  ])("%s", (_where, title, method) => {
    const { set, notes } = imported({
      rows: [
        ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 3, "", ""],
        ["1", "Kế hoạch", 1, "Có: 1; Không: 0", ""],
        ["2", title, 2, method, ""],
        ["2.1", "Chủ tịch UBND trực tiếp đối thoại", 2, "Có: 2 điểm; Không: 0", ""],
        ["2.2", "Ủy quyền cho Phó Chủ tịch đối thoại", 1, "Có: 1 điểm; Không: 0", ""],
      ],
    });
    expect(set.items[0]!.children![1]).toMatchObject({ code: "1.2", max: 2, combine: "best" });
    expect(set.maxPoints).toBe(3);
    expect(codesOf(notes)).not.toContain("SUM_MISMATCH");
  });
});

describe("round 3 (12): Roman fields whose later fields are single rows", () => {
  const first: Value[][] = [
    ["I", "CÔNG TÁC CHỈ ĐẠO, ĐIỀU HÀNH CCHC", 10, "", ""],
    ["1", "Kế hoạch CCHC", 4, "Ban hành kịp thời: 4 điểm; không kịp thời: 0", ""],
    ["2", "Kiểm tra CCHC", 6, "Có: 6 điểm; Không: 0", ""],
  ];
  const shape = (items: ImportedItem[]): unknown[] => items.map((i) => [i.code, i.max, i.adjustment ?? false, i.rule?.kind ?? null, ...(i.children ? [shape(i.children)] : [])]);

  it("a survey field of one row after field I with local numbers", () => {
    const { set, notes } = imported({ rows: [...first, ["II", "ĐIỀU TRA XÃ HỘI HỌC VỀ MỨC ĐỘ HÀI LÒNG", 30, "Điểm do Sở Nội vụ tổng hợp từ kết quả điều tra xã hội học", ""], ["", "Tổng cộng", 40, "", ""]] });
    expect(shape(set.items)).toEqual([
      ["1", 10, false, null, [["1.1", 4, false, "choice"], ["1.2", 6, false, "choice"]]],
      ["2", 30, false, "survey"],
    ]);
    expect(codesOf(notes)).not.toContain("TOTAL_MISMATCH");
  });

  it("a one-row field II, then 'III | ĐIỂM THƯỞNG, ĐIỂM TRỪ' with bullet rows of their own points", () => {
    const { set, notes } = imported({
      rows: [
        ...first,
        ["II", "Công tác tuyên truyền CCHC", 5, "Có kế hoạch và thực hiện đầy đủ: 5 điểm; không: 0", ""],
        ["III", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", "", "", ""],
        ["", "- Có sáng kiến được công nhận", 1, "Cộng 1 điểm", ""],
        ["", "- Chậm gửi báo cáo", -1, "Trừ 0,5 điểm/báo cáo, tối đa trừ 1 điểm", ""],
        ["", "Tổng cộng", 15, "", ""],
      ],
    });
    expect(shape(set.items)).toEqual([
      ["1", 10, false, null, [["1.1", 4, false, "choice"], ["1.2", 6, false, "choice"]]],
      ["2", 5, false, "choice"],
      ["3", undefined, true, null, [["3.1", 1, false, "choice"], ["3.2", 0, false, "count"]]],
    ]);
    expect(set.items[2]!.children![1]).toMatchObject({ title: "Chậm gửi báo cáo", min: -1, rule: { kind: "count", each: -0.5, base: 0 } });
    expect(set.maxPoints).toBe(15);
    expect(codesOf(notes)).not.toContain("TOTAL_MISMATCH");
    expect(codesOf(notes)).not.toContain("CLAUSE_UNUSED");
  });

  it("Roman rows over fields numbered on ('I. TỰ ĐÁNH GIÁ' over 1, 2 with their criteria) stay parts", () => {
    const { set } = imported({
      rows: [
        ["I", "ĐIỂM TỰ ĐÁNH GIÁ", 10, "", ""],
        ["1", "CÔNG TÁC CHỈ ĐẠO", 4, "", ""],
        ["1.1", "Kế hoạch CCHC", 4, "Có: 4 điểm; Không: 0", ""],
        ["2", "CẢI CÁCH THỂ CHẾ", 6, "", ""],
        ["2.1", "Ban hành VBQPPL", 6, "Có: 6 điểm; Không: 0", ""],
        ["II", "ĐIỂM ĐIỀU TRA XÃ HỘI HỌC", 5, "", ""],
        ["3", "Mức độ hài lòng", 5, "", ""],
        ["3.1", "Hài lòng về thủ tục", 5, "", ""],
      ],
    });
    expect(set.items.map((i) => i.code)).toEqual(["1", "2", "3"]);
  });
});

describe("round 3 (16): points taken off per step of a rate below 100 %", () => {
  it("'cứ giảm 10% thì trừ 0,5 điểm', 'mỗi 1% giảm trừ 0,2 điểm' stay manual with a Vietnamese note, never a count", () => {
    const { set, notes, messages } = leaves([
      ["1", "Mức độ hoàn thành kế hoạch CCHC", 2, "Hoàn thành 100% kế hoạch: 2 điểm; cứ giảm 10% thì trừ 0,5 điểm", ""],
      ["2", "Tỷ lệ hồ sơ đúng hạn", 2, "Đạt 100%: 2 điểm; mỗi 1% giảm trừ 0,2 điểm", ""],
    ]);
    expect(rules(set.items[0]!.children!)).toEqual([
      { kind: "manual", step: 0.25 },
      { kind: "manual", step: 0.05 },
    ]);
    expect(notes).toContainEqual(["PERCENT_DROP_MANUAL", "S!D5", "1.1"]);
    expect(notes).toContainEqual(["PERCENT_DROP_MANUAL", "S!D6", "1.2"]);
    expect(codesOf(notes)).not.toContain("RULE_INVALID");
    expect(messages.join("\n")).not.toMatch(/outside|band of/);
  });
});

describe("round 3 (20): footnotes under the table apply to the rows they mark", () => {
  it("'(*) … không có kiến nghị … được tính điểm tối đa' and '(**) Chỉ chấm … khi tiêu chí 1 đạt điểm tối đa'", () => {
    const { set } = imported({
      rows: [
        FIELD,
        ["1", "Kế hoạch CCHC", 2, "Ban hành kịp thời: 2 điểm; không kịp thời: 0", ""],
        ["2", "Xử lý kiến nghị (*)", 1, "Xử lý đầy đủ: 1 điểm; không: 0", ""],
        ["3", "Kiểm tra văn bản (**)", 1, "Kiểm tra đầy đủ: 1 điểm; không: 0", ""],
        ["", "Tổng cộng", 4, "", ""],
      ],
      below: [["Ghi chú:"], ["(*) Trường hợp trong năm không có kiến nghị phải xử lý thì được tính điểm tối đa."], ["(**) Chỉ chấm điểm tiêu chí này khi tiêu chí 1 đạt điểm tối đa."], XEP_LOAI],
    });
    expect(set.items[0]!.children!.map((i) => [i.code, i.notApplicable, i.requires])).toEqual([
      ["1.1", undefined, undefined],
      ["1.2", "full", undefined],
      ["1.3", undefined, { code: "1.1", atLeast: 2 }],
    ]);
  });
});

describe("round 3: what the new readings leave alone", () => {
  it("'áp dụng cho huyện' inside a sentence restricts nothing", () => {
    const { set } = imported({ rows: [FIELD, ["1", "Triển khai văn bản áp dụng cho huyện", 1, "Có: 1 điểm; Không: 0", ""]], unitType: "commune" });
    expect(set.items[0]!.children!.map((i) => i.code)).toEqual(["1.1"]);
  });

  it("a bonus saying it is outside the maximum is no 'exclude'; a blank max with 'tối đa 2 điểm' alone stays the max", () => {
    const { set } = imported({
      rows: [
        FIELD,
        ["1", "Báo cáo", null, "Mỗi báo cáo chậm trừ 0,5 điểm, tối đa 2 điểm", ""],
        ["II", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", null, "", ""],
        ["1", "Sáng kiến", 1, "Có sáng kiến được công nhận: cộng 1 điểm. Điểm thưởng không tính vào tổng điểm tối đa", ""],
      ],
    });
    expect(set.items[0]!.children![0]).toMatchObject({ max: 2, rule: { kind: "count", each: -0.5, base: 2 } });
    expect(set.items[1]!.children![0]!.notApplicable).toBeUndefined();
  });
});

describe("round 3 (16): a rule the schema refuses is noted in the note's own language", () => {
  it("the RULE_INVALID note says why in Vietnamese", () => {
    const { notes, messages } = leaves([["1", "Sáng kiến", 1, "Mỗi sáng kiến được 0,125 điểm, tối đa 1 điểm", ""]]);
    expect(codesOf(notes)).toContain("RULE_INVALID");
    const said = messages.find((m) => m.startsWith("Cách chấm đọc được"))!;
    expect(said).not.toMatch(/\b(the|of|gives|never|reaches)\b/);
  });
});
