import { describe, expect, it } from "vitest";
import { countInText, ratioInText, readDeclaredCount } from "../../shared/declared-data.ts";
import { findHeader, readTableRows } from "../../shared/locate-table.ts";
import { codes, EV, row, score, scores, setOf, table } from "./v2-helpers.ts";

/** Reading real layouts (CRITERIA-FORMAT.md §6 "Reading the workbook" and "Details settled"). */

describe("declared data written in words", () => {
  it.each<[string, ReturnType<typeof ratioInText>]>([
    ["Hoàn thành 26/28 nhiệm vụ (92,86%)", { percent: 92.8571428571, numerator: 26, denominator: 28, statedPercent: 92.86 }],
    ["Đạt 93,48%", { percent: 93.48 }],
    ["Kế hoạch số 12/KH-UBND ngày 05/01/2024: đạt 95%", { percent: 95 }],
    ["Theo Nghị định 61/2018/NĐ-CP, đã giải quyết 1.250/1.300 hồ sơ", { percent: 96.1538461538, numerator: 1250, denominator: 1300 }],
    ["Báo cáo tháng 12/2024: 15/28", { percent: 53.5714285714, numerator: 15, denominator: 28 }],
    ["0/0 hồ sơ", "nothing-arose"],
    ["Văn bản số 307/KH-MTTQ-BTT ngày 09/9/2022", null],
    ["Đã ban hành 3 kế hoạch", null],
  ])("ratio in %j", (text, expected) => expect(ratioInText(text)).toEqual(expected));

  it.each<[string, number | null]>([
    ["Triển khai 4 ứng dụng", 4],
    ["Năm 2024 triển khai 4 ứng dụng", 4],
    ["Quyết định số 12/QĐ-UBND ngày 05/01/2024 về 3 ứng dụng", 3],
    ["ngày 5 tháng 1 năm 2024", null],
    ["đạt 50%, 2 ứng dụng", 2],
    ["1,5 điểm", null],
    ["Tiếp nhận 1.250 hồ sơ", 1250],
    // Commas group thousands as an English Windows writes them; "1,5" stays a decimal, no count.
    ["Tiếp nhận 1,250 hồ sơ", 1250],
    ["Đạt 1.5 điểm", null],
  ])("count in %j", (text, expected) => expect(countInText(text)).toBe(expected));

  it.each<[unknown, number | null]>([
    [{ v: 3 }, 3],
    [{ v: "3" }, 3],
    [{ v: 2.5 }, null],
    [{ v: -1 }, null],
    [{ v: 0.5, z: "0%" }, null],
    [{ v: "5 ứng dụng" }, 5],
    // Dots group thousands in a count, as Vietnamese writes them: one thousand two hundred and fifty.
    [{ v: "1.250" }, 1250],
    [{ v: "1.000" }, 1000],
    [{ v: "1.250 hồ sơ" }, 1250],
    [{ v: "1,250" }, 1250],
    [{ v: "1,5" }, null],
  ])("count cell %j", (cell, n) => {
    expect(readDeclaredCount(cell as never)).toBe(n);
  });

  it("an a/b in the data cell reads its dot-grouped counts as a note does: 1.250/1.300 is 1250 of 1300", () => {
    const set = setOf([{ code: "1.1", title: "Hồ sơ đúng hạn", max: 2, rule: { kind: "ratio", proportional: true } }]);
    const report = score(set, [row("1.1", { data: "1.250/1.300", self: 1.92, evidence: EV })]);
    expect(report.items[0]).toMatchObject({ numerator: 1250, denominator: 1300 });
  });
});

describe("two data columns: a count and a rate", () => {
  const header = ["STT", "Nội dung", "Điểm tối đa", "Số liệu thực hiện", "Tỷ lệ đạt được", "Điểm tự đánh giá", "Ghi chú"];
  const set = setOf([
    { code: "1.1", title: "Tỷ lệ hồ sơ trực tuyến", max: 2, rule: { kind: "ratio", proportional: true } },
    { code: "1.2", title: "Số ứng dụng", max: 3, rule: { kind: "count", each: 1 } },
  ]);
  it.each<[string, (string | number | null)[], (string | number | null)[], Record<string, number>, string[]]>([
    ["the ratio reads the rate, the count the count", ["2", "100%", null], [2, "66,67%", null], { "1.1": 2, "1.2": 2 }, []],
    ["an a/b in the count column when the rate is empty", ["15/20", null, null], [3, null, null], { "1.1": 1.5, "1.2": 3 }, []],
    ["a plain count is never a rate", ["2", null, null], [3, null, null], { "1.1": 0, "1.2": 3 }, ["DATA_MISSING 1.1 Biểu!E2"]],
    ["the note when both are empty", [null, null, "Đạt 30/40 hồ sơ"], [null, null, "3 ứng dụng"], { "1.1": 1.5, "1.2": 3 }, []],
  ])("%s", (_name, [count1, rate1, note1], [count2, rate2, note2], expected, findings) => {
    const report = score(set, [["1.1", "a", 2, count1, rate1, null, note1], ["1.2", "b", 3, count2, rate2, null, note2]], {}, header);
    expect(scores(report)).toEqual(expected);
    expect(codes(report)).toEqual(findings);
  });
});

describe("data in the note column", () => {
  const set = setOf([{ code: "1.1", title: "Tỷ lệ hoàn thành", max: 2, rule: { kind: "ratio", bands: [{ min: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] } }]);
  const noDataColumn = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ghi chú"];
  it("DATA_MISSING points at the note cell when there is no data column", () => {
    const report = score(set, [["1.1", "a", 2, null, EV, "Đã hoàn thành"]], {}, noDataColumn);
    expect(codes(report)).toEqual(["DATA_MISSING 1.1 Biểu!F2"]);
    expect(report.findings[0]!.message).toContain("bổ sung vào cột ghi chú");
  });
  it("a mismatch stays at the score cell; the report names the note as the data cell", () => {
    const report = score(set, [["1.1", "a", 2, 2, EV, "Hoàn thành 20/28 nhiệm vụ (71,43%)"]], {}, noDataColumn);
    expect(codes(report)).toEqual(["RATIO_SCORE_MISMATCH 1.1 Biểu!D2"]);
    expect(report.items[0]).toMatchObject({ score: 1, numerator: 20, denominator: 28, dataCell: "Biểu!F2" });
  });
  it("the data column wins when it holds data", () => {
    expect(scores(score(set, [row("1.1", { data: "95%", evidence: EV, note: "20/28" })]))["1.1"]).toBe(2);
  });
});

describe("codes written as words, titles in 'Nội dung'", () => {
  const sheetOf = (rows: (string | number | null)[][]) => table(["Tiêu chí", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"], rows).sheets[0]!;
  it("local numbering under the nearest higher label; dotted labels stay as written", () => {
    const s = sheetOf([
      ["Lĩnh vực II", "Cải cách thể chế", 4, 4],
      ["Tiêu chí 1", "Xây dựng văn bản", 2, 2],
      ["Chỉ tiêu 1", "Ban hành đúng thẩm quyền", 1, 1],
      ["TCTP 1.2", "Đúng trình tự", 1, 1],
      ["Tiêu chí 2", "Kiểm tra văn bản", 2, 2],
      ["Tiêu chí thành phần 2.2.1", "Tự kiểm tra", 2, 2],
    ]);
    const header = findHeader(s)!;
    expect([header.columns.code, header.columns.title]).toEqual([0, 1]);
    expect(readTableRows(s, header).map((r) => [r.code, r.title])).toEqual([
      ["2", "Cải cách thể chế"], ["2.1", "Xây dựng văn bản"], ["2.1.1", "Ban hành đúng thẩm quyền"], ["2.1.2", "Đúng trình tự"], ["2.2", "Kiểm tra văn bản"], ["2.2.1", "Tự kiểm tra"],
    ]);
  });

  it("numbered rows under a word-coded row are its children only where the set has children", () => {
    const s = sheetOf([
      ["Tiêu chí 1", "Công tác chỉ đạo", 3, 3],
      ["Chỉ tiêu 1", "Kế hoạch CCHC", 2, 2],
      ["1", "Ban hành đúng hạn", 1, 1],
      ["2", "Tổ chức thực hiện", 1, 1],
      ["Chỉ tiêu 2", "Báo cáo định kỳ", 1, 1],
      ["1", "Báo cáo đúng hạn: 1 điểm", null, null],
      ["2", "Báo cáo chậm: 0 điểm", null, null],
    ]);
    const known = { parents: new Set(["1", "1.1"]), all: new Set(["1", "1.1", "1.1.1", "1.1.2", "1.2"]) };
    expect(readTableRows(s, findHeader(s)!, known).map((r) => r.code)).toEqual(["1", "1.1", "1.1.1", "1.1.2", "1.2", null, null]);
  });

  it("labels in the titles win over a running STT; letters under a leaf are its options", () => {
    const s = table(["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], [
      [1, "Tiêu chí 1: Công tác chỉ đạo", 3, 3],
      [2, "Chỉ tiêu 1: Kế hoạch CCHC", 2, 2],
      [3, "Chỉ tiêu 2: Báo cáo định kỳ", 1, 1],
      [null, "a) Báo cáo đúng hạn: 1 điểm", null, null],
      [null, "b) Báo cáo chậm: 0 điểm", null, null],
    ]).sheets[0]!;
    expect(readTableRows(s, findHeader(s)!, { parents: new Set(["1"]), all: new Set(["1", "1.1", "1.2"]) }).map((r) => r.code)).toEqual(["1", "1.1", "1.2", null, null]);
  });

  it("scores such a table: option rows under a leaf are never criteria", () => {
    const set = setOf([
      { code: "1.1", title: "Kế hoạch CCHC", max: 2, children: [{ code: "1.1.1", title: "Ban hành đúng hạn", max: 1 }, { code: "1.1.2", title: "Tổ chức thực hiện", max: 1 }] },
      { code: "1.2", title: "Báo cáo định kỳ", max: 1, rule: { kind: "choice", options: [1, 0] } },
    ]);
    const report = score(set, [
      ["Tiêu chí 1", "Công tác chỉ đạo", 3, 2.5],
      ["Chỉ tiêu 1", "Kế hoạch CCHC", 2, 1.5],
      ["1", "Ban hành đúng hạn", 1, 1],
      ["2", "Tổ chức thực hiện", 1, 0.5],
      ["Chỉ tiêu 2", "Báo cáo định kỳ", 1, 1],
      ["1", "Báo cáo đúng hạn: 1 điểm", 1, null],
      ["2", "Báo cáo chậm: 0 điểm", 0, null],
    ], {}, ["Tiêu chí", "Nội dung", "Điểm tối đa", "Điểm tự đánh giá"]);
    expect(scores(report)).toEqual({ "1.1.1": 1, "1.1.2": 0.5, "1.2": 1 });
    expect(codes(report)).toEqual([]);
  });
});

describe("a parent row over ratio leaves left blank (a CLI tester: SUM_ and TOTAL_MISMATCH could not both be met)", () => {
  const ratio = { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 0, points: 0 }] };
  const set = setOf([
    { code: "1.1", title: "Nhóm", max: 5, children: [
      { code: "1.1.1", title: "Tỷ lệ", max: 2, rule: ratio },
      { code: "1.1.2", title: "Kế hoạch", max: 3, rule: { kind: "manual", step: 0.5 } },
    ] },
  ]);
  const rows = (parent: number, total: number) => [
    row("1.1", { self: parent }),
    row("1.1.1", { data: "100%" }), // blank: computed 2, as §6 allows
    row("1.1.2", { self: 2.5 }),
    [null, "Tổng cộng", 5, null, total, null, null],
  ];
  it.each<[string, number, number, string[]]>([
    ["typed as the sum with the computed score: no warning", 4.5, 4.5, []],
    ["typed as a SUM formula sees it: no SUM_MISMATCH (the totals row counts the computed 2)", 2.5, 4.5, []],
    ["neither: SUM_MISMATCH", 3.5, 4.5, ["SUM_MISMATCH 1.1 Biểu!E2"]],
  ])("%s", (_name, parent, total, findings) => {
    expect(codes(score(set, rows(parent, total)))).toEqual(findings);
  });
});

describe("the totals row (TOTAL_MISMATCH)", () => {
  const set = setOf(
    [
      { code: "1.1", title: "Tỷ lệ", max: 2, rule: { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 0, points: 0 }] } },
      { code: "1.2", title: "Không phát sinh → đủ điểm", max: 1, notApplicable: "full" },
      { code: "1.3", title: "Không áp dụng", max: 1, notApplicable: "exclude" },
      { code: "1.4", title: "Điều tra", max: 2, rule: { kind: "survey" } },
    ],
    {},
    [{ code: "9", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [{ code: "9.1", title: "Chậm báo cáo", max: 0, min: -1, rule: { kind: "manual", step: 0.5 } }] }],
  );
  const rows = (total: string | number | { err: string } | null) => [
    row("1.1", { data: "100%" }), // blank: counts its computed 2
    row("1.2", { self: "Không phát sinh", note: "Không có" }), // counts its max 1
    row("1.3", { self: "Không áp dụng" }), // counts nothing
    row("1.4", { self: 2 }), // survey: never in the totals row
    row("9.1", { self: -0.5 }),
    [null, "Tổng cộng", 6, null, total, null, null],
  ];
  it.each<[string, string | number | { err: string } | null, string[]]>([
    ["a right total", 2.5, []],
    ["a wrong total", 4.5, ["TOTAL_MISMATCH  Biểu!E7"]],
    ["a blank total is not checked", null, []],
    ["a text total is not checked", "Hai điểm rưỡi", []],
    ["an error value is FORMULA_ERROR", { err: "#REF!" }, ["FORMULA_ERROR  Biểu!E7"]],
  ])("%s", (_name, total, findings) => {
    const report = score(set, rows(total));
    expect(codes(report).filter((c) => !c.startsWith("SURVEY_SCORED"))).toEqual(findings);
  });
  it("says both numbers with decimal commas", () => {
    expect(score(set, rows(4.5)).findings.find((f) => f.code === "TOTAL_MISMATCH")!.message).toBe(
      "Dòng tổng cộng ghi 4,5 điểm nhưng điểm tự đánh giá các tiêu chí cộng lại là 2,5: kiểm tra công thức cộng — có bỏ sót dòng nào không (điểm thưởng, điểm trừ cũng được cộng vào tổng), và hàm SUM bỏ qua ô chữ (số nhập dạng chữ, \"Không phát sinh\") còn hệ thống tính \"Không phát sinh\" bằng điểm tối đa và tiêu chí chấm theo số liệu bằng điểm tính được.",
    );
  });
});
