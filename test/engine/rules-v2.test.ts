import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf } from "./v2-helpers.ts";

/** The rules of real decisions (CRITERIA-FORMAT.md §6), one table per rule; cells: D data, E score, F evidence, G note. */

describe("strict and inclusive bands: 'trên 90%: 2; từ 70% đến 90%: 1; dưới 70%: 0'", () => {
  const set = setOf([{ code: "1.1", title: "Tỷ lệ hoàn thành kế hoạch", max: 2, rule: { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] } }]);
  it.each<[string, number]>([
    ["90%", 1], // exactly 90: the strict bound does not hold
    ["90,01%", 2],
    ["26/28", 2], // 92.857… unrounded
    ["63/70", 1], // exactly 90
    ["70%", 1], // the inclusive bound holds at 70
    ["69,99%", 0],
    ["100%", 2],
  ])("%s gives %d", (data, points) => {
    expect(scores(score(set, [row("1.1", { data, evidence: EV })]))["1.1"]).toBe(points);
  });

  it("at an equal threshold 'above' outranks 'min'", () => {
    const tie = setOf([{ code: "1.1", title: "x", max: 2, rule: { kind: "ratio", bands: [{ min: 80, points: 1 }, { above: 80, points: 2 }, { min: 0, points: 0 }] } }]);
    expect([80, 80.5].map((p) => scores(score(tie, [row("1.1", { data: p, evidence: EV })]))["1.1"])).toEqual([1, 2]);
  });
});

describe("a data cell Excel turned into a date ('3/4' typed into a General cell is 3 April)", () => {
  const set = setOf([
    { code: "1.1", title: "Tỷ lệ hồ sơ đúng hạn", max: 2, rule: { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 50, points: 1 }, { min: 0, points: 0 }] } },
    { code: "1.2", title: "Số ứng dụng", max: 2, rule: { kind: "count", each: 1 } },
  ]);
  const date = { v: 45_385, z: "d/m" };

  it("is not data — never a percentage of 45,000 and full points: DATA_MISSING at that cell, saying what Excel did", () => {
    const report = score(set, [row("1.1", { data: date, self: 1, evidence: EV }), row("1.2", { data: { v: 45_385, z: "dd/mm/yyyy" }, self: 2, evidence: EV })]);
    expect(scores(report)).toEqual({ "1.1": 0, "1.2": 0 });
    expect(codes(report)).toEqual(expect.arrayContaining(["DATA_MISSING 1.1 Biểu!D2", "DATA_MISSING 1.2 Biểu!D3"]));
    const finding = report.findings.find((f) => f.criterion === "1.1" && f.code === "DATA_MISSING")!;
    expect(finding.message).toContain("đang là ngày 03/04/2024, không phải số liệu");
    const en = score(set, [row("1.1", { data: date, self: 1, evidence: EV })], { locale: "en" });
    expect(en.findings.find((f) => f.code === "DATA_MISSING")!.message).toContain("holds the date 03/04/2024, not data");
  });

  it("a self-score Excel turned into a date ('1.5' typed, 1 May) is not a score: SCORE_NOT_NUMBER showing the date; small figures in a date-formatted cell stay figures", () => {
    const manual = setOf([{ code: "1.1", title: "Ban hành kế hoạch", max: 2, rule: { kind: "manual", step: 0.25 } }, { code: "1.2", title: "Báo cáo", max: 2 }]);
    const report = score(manual, [row("1.1", { self: { v: 46_143, z: "d/m/yyyy" }, evidence: EV }), row("1.2", { self: { v: 2, z: "dd/mm/yyyy" }, evidence: EV })]);
    expect(scores(report)).toEqual({ "1.1": 0, "1.2": 2 });
    expect(codes(report)).toEqual(["SCORE_NOT_NUMBER 1.1 Biểu!E2"]);
    expect(report.findings[0]!.message).toContain("đang là ngày 01/05/2026");
    // A count of 2 in a date-formatted data cell is 2, not 02/01/1900.
    expect(scores(score(set, [row("1.2", { data: { v: 2, z: "dd/mm/yyyy" }, self: 2, evidence: EV })]))["1.2"]).toBe(2);
  });

  it("does not hide data elsewhere: a usable note still feeds the leaf", () => {
    const report = score(set, [row("1.1", { data: date, note: "Đúng hạn 28/28 hồ sơ", self: 2, evidence: EV })]);
    expect(scores(report)["1.1"]).toBe(2);
    expect(codes(report).filter((c) => c.startsWith("DATA_MISSING 1.1"))).toEqual([]);
  });
});

describe("'Không phát sinh → được tính đủ điểm' (notApplicable full) and 'không áp dụng' (exclude)", () => {
  const set = setOf([
    { code: "1.1", title: "Xử lý văn bản trái pháp luật", max: 3, notApplicable: "full", evidence: { required: true } },
    { code: "1.2", title: "Sắp xếp thôn", max: 2, notApplicable: "exclude" },
    { code: "1.3", title: "Tự kiểm tra văn bản", max: 1 },
    { code: "1.4", title: "Tỷ lệ hồ sơ trễ hạn có xin lỗi", max: 2, notApplicable: "full", rule: { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 0, points: 0 }] } },
    { code: "1.5", title: "Sáp nhập đơn vị", max: 2, optional: true, notApplicable: "full" },
  ]);
  it.each<[string, Record<string, unknown>[], Record<string, number>, number, string[]]>([
    ["words in the score cell score the max, explained in the note", [{ self: "Không phát sinh", note: "Trong năm không có văn bản trái pháp luật" }, { self: "Không áp dụng" }, { self: 1 }, { data: "0/0" }, { self: "KPS" }],
      { "1.1": 3, "1.2": 0, "1.3": 1, "1.4": 2, "1.5": 2 }, 8, []],
    ["a full item with required evidence and no explanation counts 0", [{ self: "Không phát sinh" }, { self: "N/A" }, { self: 1 }, { data: "Không phát sinh" }, { self: 2 }],
      { "1.1": 0, "1.2": 0, "1.3": 1, "1.4": 2, "1.5": 2 }, 8, ["EVIDENCE_MISSING 1.1 Biểu!F2"]],
    ["a mandatory item cannot be marked", [{ self: 3, evidence: EV }, { self: 2 }, { self: "Không phát sinh" }, { data: "100%" }, { self: 2 }],
      { "1.1": 3, "1.2": 2, "1.3": 0, "1.4": 2, "1.5": 2 }, 10, ["SCORE_NOT_NUMBER 1.3 Biểu!E4"]],
    // Said in the note with the data cell blank, as in the data cell.
    ["'Không phát sinh hồ sơ trễ hạn' in the note of a ratio item scores its max", [{ self: 3, evidence: EV }, { self: 2 }, { self: 1 }, { note: "Không phát sinh hồ sơ trễ hạn" }, { self: 2 }],
      { "1.1": 3, "1.2": 2, "1.3": 1, "1.4": 2, "1.5": 2 }, 10, []],
  ])("%s", (_name, cells, expected, max, findings) => {
    const report = score(set, cells.map((c, i) => row(`1.${i + 1}`, c)));
    expect(scores(report)).toEqual(expected);
    expect(report.max).toBe(max);
    expect(codes(report)).toEqual(findings);
  });
});

describe("penalties inside a criterion ('0 điểm và bị trừ 0,25 điểm') and parent floors", () => {
  const set = setOf([
    { code: "1.1", title: "Bố trí công chức đầu mối", max: 1, min: -0.25, rule: { kind: "choice", options: [1, 0, -0.25] } },
    { code: "1.2", title: "Kiểm tra, rà soát", max: 2, floor: 0, children: [
      { code: "1.2.1", title: "Ban hành kế hoạch", max: 1 },
      { code: "1.2.2", title: "Chậm báo cáo", max: 1, min: -2, rule: { kind: "manual", step: 0.5 } },
    ] },
  ]);
  it.each<[string, number[], Record<string, number>, number, string[]]>([
    ["the penalty is a valid score and counts", [-0.25, 1, 1], { "1.1": -0.25, "1.2.1": 1, "1.2.2": 1 }, 1.75, []],
    ["the floor stops the parent at 0", [1, 0, -2], { "1.1": 1, "1.2.1": 0, "1.2.2": -2 }, 1, []],
    ["below the leaf's min is SCORE_NEGATIVE", [-0.5, 1, 1], { "1.1": 0, "1.2.1": 1, "1.2.2": 1 }, 2, ["SCORE_NEGATIVE 1.1 Biểu!E2"]],
  ])("%s", (_name, [a, b, c], expected, total, findings) => {
    const report = score(set, [row("1.1", { self: a, evidence: EV }), row("1.2"), row("1.2.1", { self: b }), row("1.2.2", { self: c })]);
    expect(scores(report)).toEqual(expected);
    expect(report.total).toBe(total);
    expect(codes(report)).toEqual(findings);
  });
});

describe("best of alternatives ('tính điểm cho trường hợp nào có điểm cao nhất')", () => {
  const set = setOf([
    { code: "1.1", title: "Đối thoại với người dân", max: 2, combine: "best", children: [
      { code: "1.1.1", title: "Chủ tịch trực tiếp đối thoại", max: 2, rule: { kind: "choice", options: [2, 0] } },
      { code: "1.1.2", title: "Ủy quyền Phó Chủ tịch đối thoại", max: 1, rule: { kind: "choice", options: [1, 0] } },
    ] },
    { code: "1.2", title: "Báo cáo", max: 1 },
  ]);
  it.each<[string, (number | null)[], number | null, number, string[]]>([
    ["the greater alternative counts", [2, 1], null, 3, []],
    ["one alternative scored: the blank one raises no SCORE_BLANK", [null, 1], null, 2, []],
    ["a typed parent is checked against the greatest, not the sum", [2, 1], 3, 3, ["SUM_MISMATCH 1.1 Biểu!E2"]],
    ["all blank: SCORE_BLANK on each", [null, null], null, 1, ["SCORE_BLANK 1.1.1 Biểu!E3", "SCORE_BLANK 1.1.2 Biểu!E4"]],
  ])("%s", (_name, [a, b], parent, total, findings) => {
    const report = score(set, [row("1.1", { self: parent }), row("1.1.1", { self: a }), row("1.1.2", { self: b }), row("1.2", { self: 1 })]);
    expect(report.total).toBe(total);
    expect(report.max).toBe(3);
    expect(report.fields[0]!.score).toBe(total);
    expect(codes(report)).toEqual(findings);
  });
});

describe("a bonus or deduction row left blank, or scored 0, is none (as an absent one is, §4)", () => {
  const set = setOf(
    [{ code: "1.1", title: "Báo cáo", max: 1 }],
    {},
    [{ code: "9", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [
      { code: "9.1", title: "Vi phạm bị nhắc nhở (trừ 0,5 điểm mỗi lần)", max: 0, min: -2, rule: { kind: "count", each: -0.5 } },
      { code: "9.2", title: "Được khen thưởng về CCHC", max: 1, rule: { kind: "manual", step: 1 } },
    ] }],
  );
  const rows = (deduction: Record<string, unknown>, bonus: Record<string, unknown> = {}) => [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("9", {}), row("9.1", deduction), row("9.2", bonus)];

  it("a bonus left blank raises no SCORE_BLANK; a blank criterion still does", () => {
    expect(codes(score(set, rows({})))).toEqual([]);
    expect(scores(score(set, rows({}, { self: 1, evidence: EV })))["9.2"]).toBe(1);
    expect(codes(score(set, [row("1", { max: 1 }), row("1.1", { max: 1 }), row("9", {}), row("9.1", {}), row("9.2", {})]))).toEqual(["SCORE_BLANK 1.1 Biểu!E3"]);
  });

  it.each<[string, Record<string, unknown>, number, string[]]>([
    ["blank: no violation, no DATA_MISSING", {}, 0, []],
    ["scored 0 with no count: the same", { self: 0 }, 0, []],
    ["two violations counted", { data: 2, self: -1 }, -1, []],
    ["scored -0,5 with no count: its count is asked for", { self: -0.5 }, 0, ["DATA_MISSING 9.1 Biểu!D5"]],
  ])("%s", (_name, deduction, points, findings) => {
    const report = score(set, rows(deduction));
    expect(scores(report)["9.1"]).toBe(points);
    expect(codes(report)).toEqual(findings);
  });
});

describe("counted items ('mỗi ứng dụng 1 điểm, tối đa 5'; 'trừ 0,5 điểm mỗi báo cáo chậm')", () => {
  const set = setOf([
    { code: "1.1", title: "Ứng dụng CNTT", max: 5, rule: { kind: "count", each: 1 } },
    { code: "1.2", title: "Báo cáo đúng hạn", max: 2, rule: { kind: "count", base: 2, each: -0.5 } },
  ]);
  it.each<[string, Record<string, unknown>, Record<string, unknown>, Record<string, number>, string[]]>([
    ["counts in the data column", { data: 3 }, { data: "1" }, { "1.1": 3, "1.2": 1.5 }, []],
    ["capped at the max and clamped at 0", { data: "7 ứng dụng" }, { data: 6 }, { "1.1": 5, "1.2": 0 }, []],
    ["a declared 0 is n = 0 (base), not nothing arose", { data: 0 }, { data: 0 }, { "1.1": 0, "1.2": 2 }, []],
    ["'0/0' or 'Không phát sinh' on a counted item without notApplicable is refused", { data: "0/0" }, { data: 1 }, { "1.1": 0, "1.2": 1.5 }, ["DATA_MISSING 1.1 Biểu!D2"]],
    // A deduction per late report that did not arise is none: the item keeps its base.
    ["'Không phát sinh' or 'Không có báo cáo chậm' on a deduction count is n = 0", { data: "Không có ứng dụng nào" }, { data: "Không phát sinh" }, { "1.1": 0, "1.2": 2 }, []],
    ["'Không có báo cáo chậm' in words is n = 0", { data: 1 }, { data: "Không có báo cáo chậm" }, { "1.1": 1, "1.2": 2 }, []],
    ["'Không có báo cáo chậm (4/4 báo cáo đúng hạn)' is n = 0, not 4; so is 'Không' or '-'", { data: "-" }, { data: "Không có báo cáo chậm (4/4 báo cáo đúng hạn)" }, { "1.1": 0, "1.2": 2 }, []],
    // Round 12: all reports on time ("4/4 báo cáo đúng hạn", "Đã gửi đủ 04 báo cáo, đúng hạn") is none late, as "Gửi đúng hạn 4/4" was in round 10.
    ["'4/4 báo cáo đúng hạn' is none late", { data: 1 }, { data: "4/4 báo cáo đúng hạn" }, { "1.1": 1, "1.2": 2 }, []],
    // A deduction inside a criterion left blank is a count leaf without usable data (§6): 0, DATA_MISSING (the message says to write 0).
    ["a deduction count left blank, or scored at its base, asks for its count", { data: 1 }, { self: 2 }, { "1.1": 1, "1.2": 0 }, ["DATA_MISSING 1.2 Biểu!D3"]],
    ["from the note when the data cell is empty, never a date or a document number", { note: "Báo cáo số 15/BC-UBND ngày 10/12/2024: triển khai 4 ứng dụng" }, { data: 0 }, { "1.1": 4, "1.2": 2 }, []],
    ["a differing self-score is COMPUTED_SCORE_MISMATCH", { data: 3, self: 5 }, { data: 2, self: 1 }, { "1.1": 3, "1.2": 1 }, ["COMPUTED_SCORE_MISMATCH 1.1 Biểu!E2"]],
    ["no usable count is DATA_MISSING and 0", { data: "nhiều" }, { data: 2.5 }, { "1.1": 0, "1.2": 0 }, ["DATA_MISSING 1.1 Biểu!D2", "DATA_MISSING 1.2 Biểu!D3"]],
  ])("%s", (_name, a, b, expected, findings) => {
    const report = score(set, [row("1.1", a), row("1.2", b)]);
    expect(scores(report)).toEqual(expected);
    expect(codes(report)).toEqual(findings);
  });

  it("names the declared count in the report and the mismatch", () => {
    const report = score(set, [row("1.1", { data: 3, self: 5 }), row("1.2", { data: 1 })]);
    expect(report.items[0]).toMatchObject({ kind: "count", count: 3, dataCell: "Biểu!D2" });
    expect(report.findings[0]!.message).toBe("Tiêu chí 1.1: số lượng kê khai 3 cho 3 điểm, nhưng điểm tự đánh giá là 5: hệ thống tính 3; sửa điểm tự đánh giá thành 3, hoặc kiểm tra lại số lượng kê khai.");
  });
});

describe("conditions ('requires')", () => {
  const set = setOf([
    { code: "1.1", title: "Ban hành kế hoạch", max: 1, rule: { kind: "choice", options: [1, 0.5, 0] } },
    { code: "1.2", title: "Kiểm tra thực hiện kế hoạch", max: 2, requires: { code: "1.1", atLeast: 0.5 } },
    { code: "1.3", title: "Khen thưởng", max: 1, requires: { code: "1.2", atLeast: 1 } },
  ]);
  it.each<[string, number[], Record<string, number>, string[]]>([
    ["met", [0.5, 2, 1], { "1.1": 0.5, "1.2": 2, "1.3": 1 }, []],
    ["unmet: the leaf scores 0 and says which", [0, 2, 1], { "1.1": 0, "1.2": 0, "1.3": 0 }, ["REQUIREMENT_NOT_MET 1.2 Biểu!E3", "REQUIREMENT_NOT_MET 1.3 Biểu!E4"]],
    ["no finding when the leaf would score 0 anyway", [0, 0, 0], { "1.1": 0, "1.2": 0, "1.3": 0 }, []],
  ])("%s", (_name, [a, b, c], expected, findings) => {
    const report = score(set, [row("1.1", { self: a }), row("1.2", { self: b }), row("1.3", { self: c })]);
    expect(scores(report)).toEqual(expected);
    expect(codes(report)).toEqual(findings);
  });

  it("keeps the score the leaf would have and says it", () => {
    const report = score(set, [row("1.1", { self: 0 }), row("1.2", { self: 2 }), row("1.3", { self: 0 })]);
    expect(report.items[1]).toMatchObject({ score: 0, scoreIfConditionMet: 2 });
    expect(report.findings[0]!.message).toBe("Tiêu chí 1.2 chỉ được tính khi tiêu chí 1.1 đạt từ 0,5 điểm; 1.1 hiện được 0 điểm nên 1.2 tính 0 (mất 2 điểm).");
  });
});

describe("survey not conducted: whenSurveyAbsent rescale (Hà Nội's department index)", () => {
  const set = setOf(
    [{ code: "1.1", title: "Tự đánh giá", max: 70 }],
    { whenSurveyAbsent: "rescale" },
    [{ code: "2", title: "Điều tra xã hội học", max: 30, children: [{ code: "2.1", title: "Hài lòng", max: 20, rule: { kind: "survey" } }, { code: "2.2", title: "Tin cậy", max: 10, rule: { kind: "survey" } }] }],
  );
  it.each<[string, Record<string, number> | undefined, number, number, number]>([
    ["no survey: the 70 points are scaled to 100", undefined, 56, 70, 80],
    ["a partial import counts the missing item as 0", { "2.1": 15 }, 71, 100, 71],
    ["a full import", { "2.1": 15, "2.2": 9 }, 80, 100, 80],
  ])("%s", (_name, survey, total, max, percent) => {
    const report = score(set, [row("1.1", { self: 56 })], { survey });
    expect([report.total, report.max, report.percent]).toEqual([total, max, percent]);
    expect(report.selfAssessable).toEqual({ score: 56, max: 70, percent: 80 });
  });
});

describe("messages use decimal commas in Vietnamese and dots in English", () => {
  const set = setOf([
    { code: "1.1", title: "a", max: 3, rule: { kind: "choice", options: [3, 1.5, 0] } },
    { code: "1.2", title: "b", max: 2, rule: { kind: "manual", step: 0.5 } },
    { code: "1.3", title: "c", max: 1 },
  ]);
  const rows = [row("1.1", { self: 2 }), row("1.2", { self: 1.25 }), row("1.3", { self: 0.5 }), row("", {})];
  it("vi", () => {
    const messages = score(set, rows).findings.map((f) => f.message);
    expect(messages).toEqual([
      "Điểm 2 của tiêu chí 1.1 không đúng thang điểm 3; 1,5; 0: chọn một trong các mức đó.",
      "Điểm 1,25 của tiêu chí 1.2 không đúng bước 0,5 (tính từ 0): nhập một bội số của 0,5.",
    ]);
  });
  it("en", () => {
    const messages = score(set, rows, { locale: "en" }).findings.map((f) => f.message);
    expect(messages).toEqual([
      "Score 2 of 1.1 is not on the scale 3; 1.5; 0: pick one of them.",
      "Score 1.25 of 1.2 is not a multiple of the step 0.5 (counted from 0): enter a multiple of 0.5.",
    ]);
  });
});
