import { describe, expect, it } from "vitest";
import { EV, codes, row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * Habits an outside tester's fourth round found in workbooks offices produce (30/11/2026):
 * each read wrong before, each as a provincial reviewer reads it now.
 */
describe("a score formula saved without its calculated value", () => {
  const set = setOf([{ code: "1.1", title: "Ban hành kế hoạch CCHC", max: 3, rule: { kind: "manual", step: 1 } }]);

  it("is said to be a formula not yet calculated, not a blank score", () => {
    // openpyxl and some web exports write <f>1+2</f> with an empty <v>: Excel shows 3 once it recalculates.
    const report = score(set, [row("1", { max: 3 }), row("1.1", { max: 3, self: { f: "1+2" }, evidence: EV })]);
    expect(codes(report)).toEqual(["FORMULA_NOT_CALCULATED 1.1 Biểu!E3"]);
    expect(report.findings[0]!.severity).toBe("error");
    expect(scores(report)["1.1"]).toBe(0);
    expect(report.findings[0]!.message).toMatch(/công thức =1\+2 .*chưa được tính.*mở tệp bằng Excel/);
  });

  it("a bonus row's formula not calculated is said too (a blank bonus row is none)", () => {
    const withBonus = setOf([{ code: "1.1", title: "Báo cáo", max: 1 }], {}, [
      { code: "9", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [{ code: "9.1", title: "Được khen thưởng về CCHC", max: 1, rule: { kind: "manual", step: 1 } }] },
    ]);
    const report = score(withBonus, [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("9", {}), row("9.1", { self: { f: "IF(D5>0,1,0)" } })]);
    expect(codes(report)).toEqual(["FORMULA_NOT_CALCULATED 9.1 Biểu!E5"]);
  });
});

describe("a deduction typed without its minus sign", () => {
  const set = setOf([{ code: "1.1", title: "Báo cáo", max: 1 }], {}, [
    { code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [{ code: "8.2", title: "Chậm gửi báo cáo CCHC theo yêu cầu", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } }] },
  ]);
  const rows = (deduction: unknown) => [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("8", {}), row("8.2", { self: deduction as never })];

  it("is over the row's max 0 (SCORE_OVER_MAX, §4: counts 0), the message asking for the minus sign", () => {
    const report = score(set, rows(0.5));
    expect(scores(report)["8.2"]).toBe(0);
    expect(codes(report)).toEqual(["SCORE_OVER_MAX 8.2 Biểu!E5"]);
    expect(report.findings[0]!.severity).toBe("error");
    expect(report.findings[0]!.message).toMatch(/bị trừ 0,5 điểm, ghi -0,5/);
    expect(report.total).toBe(1);
  });

  it("a deduction past the item's floor is still an error, as is a negative one past it", () => {
    expect(codes(score(set, rows(3)))).toEqual(["SCORE_OVER_MAX 8.2 Biểu!E5"]);
    expect(codes(score(set, rows(-3)))).toEqual(["SCORE_NEGATIVE 8.2 Biểu!E5"]);
    expect(codes(score(set, rows(-0.5)))).toEqual([]);
  });
});

describe("a computed score the unit's formula carries past two decimals", () => {
  const set = setOf([{ code: "1.1", title: "Tỷ lệ hồ sơ đúng hạn", max: 8, rule: { kind: "ratio", proportional: true } }]);

  it("is no mismatch when it rounds to the computed score", () => {
    // 34,8 % of 8 points is 2,784: the sheet shows 2,78, the system computes 2,78.
    const report = score(set, [row("1", { max: 8 }), row("1.1", { max: 8, data: "34,8%", self: { f: "D3/100*8", v: 2.784 }, evidence: EV })]);
    expect(scores(report)["1.1"]).toBe(2.78);
    expect(codes(report)).toEqual([]);
  });

  it("is one when it rounds otherwise", () => {
    const report = score(set, [row("1", { max: 8 }), row("1.1", { max: 8, data: "34,8%", self: 2.9, evidence: EV })]);
    expect(codes(report)).toEqual(["RATIO_SCORE_MISMATCH 1.1 Biểu!E3"]);
  });
});

describe("a rate formula dividing by zero (#DIV/0! from =0/0)", () => {
  const item = (notApplicable?: "full" | "exclude") => ({ code: "1.1", title: "Tỷ lệ hồ sơ trễ hạn được xin lỗi", max: 3, rule: { kind: "ratio", proportional: true }, ...(notApplicable ? { notApplicable } : {}) });
  const rows = (data: unknown) => [row("1", { max: 3 }), row("1.1", { max: 3, data: data as never, self: 3, evidence: EV, note: "Không có hồ sơ trễ hạn" })];

  it("is nothing arose: full points where the item says so, left out where it says that", () => {
    const full = score(setOf([item("full")]), rows({ f: "E3/F3", err: "#DIV/0!" }));
    expect(scores(full)["1.1"]).toBe(3);
    expect(codes(full)).toEqual([]);
    const excluded = score(setOf([item("exclude")]), rows({ f: "E3/F3", err: "#DIV/0!" }));
    expect(excluded.items.find((i) => i.code === "1.1")).toMatchObject({ notApplicable: true });
  });

  it("stays the formula's error on an item that must have cases, and any other error stays one", () => {
    expect(codes(score(setOf([item()]), rows({ f: "E3/F3", err: "#DIV/0!" })))).toEqual(["FORMULA_ERROR 1.1 Biểu!D3"]);
    expect(codes(score(setOf([item("full")]), rows({ f: "VLOOKUP(A3,X!A:B,2,0)", err: "#N/A" })))).toEqual(["FORMULA_ERROR 1.1 Biểu!D3"]);
  });
});

describe("a deduction inside a criterion with nothing to deduct (base 0)", () => {
  // "4.4.2 Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật": max 0, min −2, each −1, base 0.
  const set = setOf([
    { code: "1.1", title: "Báo cáo", max: 1 },
    { code: "1.2", title: "Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật", max: 0, min: -2, rule: { kind: "count", each: -1, base: 0 } },
  ]);
  const rows = (deduction: Record<string, unknown>) => [row("1", { max: 1 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", deduction)];

  it.each<[string, Record<string, unknown>]>([
    ["scored 0", { self: 0 }],
    ["scored '0' as text", { self: "0" }],
    ["scored '0 điểm'", { self: "0 điểm" }],
    ["left blank", {}],
  ])("%s with no count: nothing deducted, and the count asked for (§6: a count leaf without usable data is DATA_MISSING), 0 if none", (_name, deduction) => {
    const report = score(set, rows(deduction));
    expect(codes(report)).toEqual(["DATA_MISSING 1.2 Biểu!D4"]);
    expect(report.findings[0]!.message).toContain("nếu không có trường hợp nào, ghi 0");
    expect(scores(report)["1.2"]).toBe(0);
    expect(codes(score(set, rows({ ...deduction, data: 0 })))).toEqual([]);
  });

  it("scored −1 with no count: its count is still asked for", () => {
    expect(codes(score(set, rows({ self: -1 })))).toEqual(["DATA_MISSING 1.2 Biểu!D4"]);
  });
});

describe("what the messages say matches what was typed", () => {
  const set = setOf([{ code: "1.1", title: "Tỷ lệ hồ sơ đúng hạn", max: 2, rule: { kind: "ratio", proportional: true } }]);

  it("'95 phần trăm' is 95 %", () => {
    const report = score(set, [row("1", { max: 2 }), row("1.1", { max: 2, data: "95 phần trăm", self: 1.9, evidence: EV })]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.1"]).toBe(1.9);
  });

  it("'0/0' on an item that must have cases says nothing arose, not 'Không áp dụng'", () => {
    const report = score(set, [row("1", { max: 2 }), row("1.1", { max: 2, data: "0/0", self: 2, evidence: EV })]);
    expect(codes(report)).toEqual(["DATA_MISSING 1.1 Biểu!D3"]);
    expect(report.findings[0]!.message).toContain("0/0");
    expect(report.findings[0]!.message).not.toContain("Không áp dụng");
  });
});

describe("formulas saved without their values outside the score column", () => {
  const ratio = setOf([{ code: "1.1", title: "Tỷ lệ hồ sơ đúng hạn", max: 2, rule: { kind: "ratio", proportional: true } }]);
  const manual = setOf([{ code: "1.1", title: "Báo cáo CCHC", max: 2, rule: { kind: "manual", step: 1 }, evidence: { required: true } }]);

  it("a data cell's formula not calculated is said as such, at the data cell", () => {
    const report = score(ratio, [row("1", { max: 2 }), row("1.1", { max: 2, data: { f: "1250/1300" }, self: 1.92, evidence: EV })]);
    expect(codes(report)).toEqual(["FORMULA_NOT_CALCULATED 1.1 Biểu!D3"]);
    expect(report.findings[0]!.message).toMatch(/Ô số liệu của tiêu chí 1\.1 chứa công thức =1250\/1300/);
  });

  it("a HYPERLINK saved without its value cites the text it shows (else its address)", () => {
    const shown = score(manual, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: { f: 'HYPERLINK("https://drive.example.vn/f/1","Báo cáo số 45/BC-UBND ngày 10/12/2024")' } })]);
    expect(codes(shown)).toEqual([]);
    const bare = score(manual, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: { f: 'HYPERLINK("https://drive.example.vn/f/1")' } })]);
    expect(scores(bare)["1.1"]).toBe(2);
    // Without a link either, it cites nothing.
    expect(codes(score(manual, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2, evidence: { f: "A1&B1" } })]))).toEqual(["EVIDENCE_MISSING 1.1 Biểu!F3"]);
  });
});
