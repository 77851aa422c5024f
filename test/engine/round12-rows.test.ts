import { describe, expect, it } from "vitest";
import { findHeader } from "../../shared/locate-table.ts";
import type { GridSheet } from "../../shared/grid.ts";
import { codes, EV, score, scores, setOf, type Cell } from "./v2-helpers.ts";

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
