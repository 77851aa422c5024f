import { describe, expect, it } from "vitest";
import { findHeader } from "../../shared/locate-table.ts";
import type { GridSheet } from "../../shared/grid.ts";
import { evidenceRegister } from "../../shared/evidence-register.ts";
import { codes, COLUMNS, EV, score, scores, setOf, table, type Cell } from "./v2-helpers.ts";

/**
 * Locating the table's columns and rows, found by an outside tester's twelfth round: self-score
 * labels of the "Điểm … chấm" family not read (every leaf SCORE_BLANK, 28,87 for 62,37), a share
 * of the points ("Tỷ lệ điểm đạt (%)") read as the declared rate, sub-criteria written as bullets
 * under their criterion lost (MISSING_CRITERION), and subtotals repeating their field's code made
 * false DUPLICATE_CRITERION errors.
 */
const sheet = (rows: (string | number | null)[][]): GridSheet => ({ name: "S", rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges: [] });

const ratio = { kind: "ratio", bands: [{ min: 95, points: 3 }, { min: 80, points: 1 }, { min: 0, points: 0 }] };
const commune = setOf(
  [
    { code: "1.1", title: "Ban hành kế hoạch CCHC năm đúng thời hạn", max: 2 },
    { code: "1.2", title: "Tỷ lệ hồ sơ giải quyết đúng hạn", max: 3, rule: ratio },
  ],
  { unitType: "commune" },
);
const district = setOf(commune.items[0]!.children!, { unitType: "district" });

/** Rows of `commune`: code, title, max, data, evidence, then the score columns given (appraisal, own …), a note. */
const rows = (scoresOf: (own: number | null) => Cell[]): Cell[][] => [
  ["1", "Lĩnh vực 1", 5, null, null, ...scoresOf(null), null],
  ["1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 2, null, EV, ...scoresOf(2), null],
  ["1.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 3, "90/100", EV, ...scoresOf(1), null],
];
const header = (...scoreLabels: string[]) => ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", ...scoreLabels, "Ghi chú"];

describe("the unit's own score labelled 'Điểm … chấm'", () => {
  it.each([
    "Điểm chấm của đơn vị",
    "Điểm xã chấm",
    "Điểm chấm",
    "Điểm phường chấm",
    "Điểm Sở tự chấm",
    "Điểm do đơn vị tự chấm",
    "Điểm cơ quan chấm",
    "Điểm UBND xã chấm",
    "Điểm do UBND phường chấm",
    "Điểm chấm của xã",
    "Điểm chấm của UBND xã",
    "Diem xa cham",
    "Diem cham cua don vi",
    "Xã chấm điểm",
    "ĐIỂM XÃ CHẤM",
  ])("%j alone is the self-score", (label) => {
    const report = score(commune, rows((own) => [own]), {}, header(label));
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1 });
  });

  /** The appraiser's column holds 0 for every leaf: reading it would score nothing. */
  it.each([
    ["Điểm chấm của Hội đồng", "Điểm chấm của đơn vị"],
    ["Điểm huyện chấm", "Điểm xã chấm"],
    ["Điểm chấm của Hội đồng thẩm định", "Điểm chấm"],
    ["Điểm chấm của huyện", "Điểm chấm của xã"],
    ["Điểm UBND huyện chấm", "Điểm UBND xã chấm"],
    ["Điểm Sở Nội vụ chấm", "Điểm chấm"],
  ])("%j | %j: the unit's own is the second", (appraisal, own) => {
    const report = score(commune, rows((s) => [s === null ? null : 0, s]), {}, header(appraisal, own));
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1 });
  });

  it.each([
    ["Điểm xã chấm", "Điểm huyện chấm"],
    ["Điểm chấm của đơn vị", "Điểm chấm của Hội đồng"],
  ])("%j | %j: the unit's own is the first", (own, appraisal) => {
    const report = score(commune, rows((s) => [s, s === null ? null : 0]), {}, header(own, appraisal));
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1 });
  });

  it("a district's 'Điểm huyện chấm' beside the province's 'Điểm tỉnh chấm' is its own, whichever comes first", () => {
    const s = (labels: string[]) => sheet([header(...labels), ["1.1", "Kế hoạch", 2, null, null, 1, 2, null]]);
    expect(findHeader(s(["Điểm tỉnh chấm", "Điểm huyện chấm"]), 2024, 0, "district")!.columns.self).toBe(6);
    expect(findHeader(s(["Điểm huyện chấm", "Điểm tỉnh chấm"]), 2024, 0, "district")!.columns.self).toBe(5);
    const report = score(district, [["1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 2, null, EV, 0, 2, null], ["1.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 3, "90/100", EV, 0, 1, null]], {}, header("Điểm tỉnh chấm", "Điểm huyện chấm"));
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1 });
  });

  it.each(["Tiêu chí chấm điểm", "Hướng dẫn chấm", "Cách chấm điểm", "Thang điểm chấm"])("%j is no score column", (label) => {
    const s = sheet([["STT", "Nội dung", "Điểm tối đa", label, "Điểm tự đánh giá"], ["1.1", "Kế hoạch", 2, "Có: 2 điểm", 2]]);
    expect(findHeader(s, 2024)!.columns.self).toBe(4);
  });
});

describe("a share of the points beside the declared data", () => {
  /** The share column holds self ÷ max: 1.2's would be 33 % (0 points) where its data, 90/100, gives 1. */
  const withShare = (label: string) =>
    score(
      commune,
      [
        ["1", "Lĩnh vực 1", 5, null, null, null, null, null],
        ["1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 2, null, EV, 2, 1, null],
        ["1.2", "Tỷ lệ hồ sơ giải quyết đúng hạn", 3, "90/100", EV, 1, { v: 1 / 3, z: "0.00%" }, null],
      ],
      {},
      header("Điểm tự đánh giá", label),
    );

  it.each(["Tỷ lệ điểm đạt (%)", "Tỷ lệ % điểm đạt được", "% điểm đạt", "Tỷ lệ điểm tự đánh giá/điểm tối đa", "Phần trăm điểm đạt", "Tỷ lệ đạt (% số điểm)", "Ty le diem dat"])("%j is no rate of the work", (label) => {
    const report = withShare(label);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1 });
    expect(report.items.find((i) => i.code === "1.2")?.dataCell).toBe("Biểu!D4");
  });

  it.each(["Tỷ lệ đạt được (%)", "Tỷ lệ (%)"])("%j stays the rates column (CRITERIA-FORMAT §6)", (label) => {
    const s = sheet([header("Điểm tự đánh giá", label), ["1.2", "Tỷ lệ hồ sơ", 3, "90/100", null, 1, 90, null]]);
    expect(findHeader(s, 2024)!.columns.rate).toBe(6);
  });
});

describe("sub-criteria written as bullets under their criterion", () => {
  const set = setOf(
    [
      {
        code: "1.1",
        title: "Kế hoạch cải cách hành chính năm",
        max: 4,
        children: [
          { code: "1.1.1", title: "Ban hành kế hoạch CCHC năm đúng thời hạn", max: 1 },
          { code: "1.1.2", title: "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC năm", max: 3 },
        ],
      },
      {
        code: "1.2",
        title: "Giải quyết thủ tục hành chính",
        max: 5,
        children: [
          { code: "1.2.1", title: "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi người dân, tổ chức", max: 2 },
          { code: "1.2.2", title: "Thực hiện liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", max: 3 },
        ],
      },
      { code: "1.3", title: "Báo cáo CCHC định kỳ", max: 2 },
    ],
    { unitType: "commune" },
  );
  const tableRows = (code: (title: string) => [Cell, string], titles = [set.items[0]!.children![0]!.children!.map((c) => c.title), set.items[0]!.children![1]!.children!.map((c) => c.title)]): Cell[][] => [
    ["1", "Lĩnh vực 1", 11, null, 9, null, null],
    ["1.1", "Kế hoạch cải cách hành chính năm", 4, null, 3, null, null],
    [...code(titles[0]![0]!), 1, null, 1, EV, null],
    [...code(titles[0]![1]!), 3, null, 2, EV, null],
    ["1.2", "Giải quyết thủ tục hành chính", 5, null, 4, null, null],
    [...code(titles[1]![0]!), 2, null, 1, EV, null],
    [...code(titles[1]![1]!), 3, null, 3, EV, null],
    ["1.3", "Báo cáo CCHC định kỳ", 2, null, 2, EV, null],
  ];
  const expected = { "1.1.1": 1, "1.1.2": 2, "1.2.1": 1, "1.2.2": 3, "1.3": 2 };

  it.each([
    ["'- ' before the title", (t: string): [Cell, string] => [null, `- ${t}`]],
    ["'+ ' before the title", (t: string): [Cell, string] => [null, `+ ${t}`]],
    ["'• ' before the title", (t: string): [Cell, string] => [null, `• ${t}`]],
    ["'– ' before the title", (t: string): [Cell, string] => [null, `– ${t}`]],
    ["'-' with no space", (t: string): [Cell, string] => [null, `-${t}`]],
    ["'-' in the code column", (t: string): [Cell, string] => ["-", t]],
    ["'+' in the code column", (t: string): [Cell, string] => ["+", t]],
    ["the code cell blank", (t: string): [Cell, string] => [null, t]],
  ])("%s: each row is its sub-criterion", (_, code) => {
    const report = score(set, tableRows(code));
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject(expected);
  });

  it("the evidence register lists the documents those rows cite, as scoring reads them", () => {
    const grid = table(COLUMNS, tableRows((t) => [null, `- ${t}`]));
    expect(evidenceRegister(grid, set).documents.flatMap((d) => d.criteria)).toEqual(["1.1.1", "1.1.2", "1.2.1", "1.2.2", "1.3"]);
  });

  it("titles shortened as offices shorten them are still their sub-criteria's", () => {
    const short = [
      ["Ban hành kế hoạch CCHC năm", "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC"],
      ["Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi người dân", "Thực hiện liên thông thủ tục đăng ký khai sinh, thường trú, BHYT"],
    ];
    for (const bullet of ["- ", "+ ", ""]) {
      const report = score(set, tableRows((t) => [null, `${bullet}${t}`], short));
      expect(codes(report)).toEqual([]);
      expect(scores(report)).toMatchObject(expected);
    }
  });

  it("with no codes at all, the criterion after a sub-criterion is found by its title too, abbreviations spelt out or not", () => {
    const rows = tableRows((t) => [null, `- ${t}`]).map((r, i) => (i === 0 || i === 1 || i === 4 ? [null, ...r.slice(1)] : r));
    rows[7] = [null, "Báo cáo cải cách hành chính định kỳ", 2, null, 2, EV, null];
    const report = score(set, rows);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject(expected);
  });

  it("descriptive bullets under a criterion (a breakdown, documents, notes) are no criteria", () => {
    const report = score(set, [
      ["1", "Lĩnh vực 1", 11, null, 9, null, null],
      ["1.1", "Kế hoạch cải cách hành chính năm", 4, null, 3, null, null],
      ["1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 1, null, 1, EV, null],
      [null, "- Kế hoạch số 05/KH-UBND ngày 10/01/2024", null, null, null, null, null],
      ["1.1.2", "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC năm", 3, "26/28", 2, EV, null],
      [null, "- Số nhiệm vụ trong kế hoạch: 28", null, null, null, null, null],
      [null, "- Số nhiệm vụ hoàn thành: 26", null, null, null, null, null],
      ["1.2", "Giải quyết thủ tục hành chính", 5, null, 4, null, null],
      [null, "+ Tổng số hồ sơ tiếp nhận: 300", null, null, null, null, null],
      [null, "+ Hồ sơ trễ hạn: 2", null, null, null, null, null],
      ["1.2.1", "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi người dân, tổ chức", 2, null, 1, EV, null],
      ["1.2.2", "Thực hiện liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", 3, null, 3, EV, null],
      ["1.3", "Báo cáo CCHC định kỳ", 2, null, 2, EV, null],
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject(expected);
  });

  it("a bullet repeating a sub-criterion's title does not take it from the row that carries its code", () => {
    const report = score(set, [
      ["1", "Lĩnh vực 1", 11, null, 9, null, null],
      ["1.1", "Kế hoạch cải cách hành chính năm", 4, null, 3, null, null],
      [null, "- Ban hành kế hoạch CCHC năm đúng thời hạn", null, null, null, null, null],
      ["1.1.1", "Ban hành kế hoạch CCHC năm đúng thời hạn", 1, null, 1, EV, null],
      ["1.1.2", "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch CCHC năm", 3, null, 2, EV, null],
      ["1.2", "Giải quyết thủ tục hành chính", 5, null, 4, null, null],
      ["1.2.1", "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi người dân, tổ chức", 2, null, 1, EV, null],
      ["1.2.2", "Thực hiện liên thông thủ tục đăng ký khai sinh, đăng ký thường trú, cấp thẻ bảo hiểm y tế cho trẻ em dưới 6 tuổi", 3, null, 3, EV, null],
      ["1.3", "Báo cáo CCHC định kỳ", 2, null, 2, EV, null],
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject(expected);
  });

  it("a bullet naming another criterion's sub-criterion is not taken for it", () => {
    const report = score(set, [
      ["1", "Lĩnh vực 1", 11, null, 9, null, null],
      ["1.1", "Kế hoạch cải cách hành chính năm", 4, null, 3, null, null],
      [null, "- Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi người dân, tổ chức", 2, null, 1, EV, null],
      ["1.3", "Báo cáo CCHC định kỳ", 2, null, 2, EV, null],
    ]);
    expect(codes(report).filter((c) => c.startsWith("MISSING_CRITERION"))).toContain("MISSING_CRITERION 1.2.1");
  });
});

describe("a field's subtotal repeating the field's code", () => {
  const set = setOf(
    [
      { code: "1.1", title: "Kế hoạch", max: 2 },
      { code: "1.2", title: "Báo cáo", max: 1 },
    ],
    {},
    [{ code: "2", title: "Lĩnh vực 2", max: 2, children: [{ code: "2.1", title: "Văn bản", max: 2 }] }],
  );
  const fieldRows = (sub: (field: string) => [Cell, string], fieldCode = (f: string) => f): Cell[][] => [
    [fieldCode("1"), "Lĩnh vực 1", 3, null, 3, null, null],
    ["1.1", "Kế hoạch", 2, null, 2, EV, null],
    ["1.2", "Báo cáo", 1, null, 1, EV, null],
    [...sub("1"), 3, null, 3, null, null],
    [fieldCode("2"), "Lĩnh vực 2", 2, null, 1, null, null],
    ["2.1", "Văn bản", 2, null, 1, EV, null],
    [...sub("2"), 2, null, 1, null, null],
    [null, "Tổng cộng", 5, null, 4, null, null],
  ];
  const roman = (f: string) => (f === "1" ? "I" : "II");

  it.each([
    ["'I | Cộng lĩnh vực I' under Roman fields", (f: string): [Cell, string] => [roman(f), `Cộng lĩnh vực ${roman(f)}`], roman],
    ["'1 | Cộng lĩnh vực I' under Roman fields", (f: string): [Cell, string] => [f, `Cộng lĩnh vực ${roman(f)}`], roman],
    ["'1 | Cộng lĩnh vực 1' under fields 1, 2", (f: string): [Cell, string] => [f, `Cộng lĩnh vực ${f}`], (f: string) => f],
    ["'1 | Tổng điểm lĩnh vực 1'", (f: string): [Cell, string] => [f, `Tổng điểm lĩnh vực ${f}`], (f: string) => f],
    ["'I | Cộng'", (f: string): [Cell, string] => [roman(f), "Cộng"], roman],
    ["'I | Cộng điểm'", (f: string): [Cell, string] => [roman(f), "Cộng điểm"], roman],
  ])("%s is a subtotal, no second row of the field", (_, sub, fieldCode) => {
    const report = score(set, fieldRows(sub, fieldCode));
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1, "2.1": 1 });
    expect(report.total).toBe(4);
  });

  it("a criterion whose title only starts like a total keeps its row", () => {
    const set2 = setOf([{ code: "1.1", title: "Kế hoạch", max: 2 }, { code: "1.2", title: "Tổng điểm hài lòng của người dân", max: 1 }], {}, [set.items[1]]);
    const report = score(set2, [
      ["I", "Lĩnh vực 1", 3, null, 3, null, null],
      ["1.1", "Kế hoạch", 2, null, 2, EV, null],
      ["1.2", "Tổng điểm hài lòng của người dân", 1, null, 1, EV, null],
      ["II", "Lĩnh vực 2", 2, null, 1, null, null],
      ["2.1", "Văn bản", 2, null, 1, EV, null],
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1, "2.1": 1 });
  });

  it("after the last field's subtotal the grand total is the one checked", () => {
    for (const sub of [[null, "Cộng"], ["II", "Cộng lĩnh vực II"], [null, "Cộng lĩnh vực II"]] as [Cell, string][]) {
      const rows = fieldRows((f) => (f === "1" ? ["I", "Cộng lĩnh vực I"] : sub), roman);
      rows[rows.length - 1] = [null, "Tổng cộng", 5, null, 5, null, null];
      expect(codes(score(set, rows))).toEqual(["TOTAL_MISMATCH  Biểu!E9"]);
    }
  });
});
