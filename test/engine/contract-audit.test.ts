import { describe, expect, it } from "vitest";
import { parseCriteriaSet } from "../../shared/index.ts";
import { codes, EV, row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * Where an outside audit found the engine off CRITERIA-FORMAT.md's written contract (30/11):
 * each case quotes the clause it holds the engine to.
 */

const validity = (items: unknown[], maxPoints?: number) =>
  parseCriteriaSet({
    id: "audit", title: "Bộ thử", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints: maxPoints ?? (items as { max?: number; adjustment?: boolean }[]).filter((i) => !i.adjustment).reduce((a, i) => a + (i.max ?? 0), 0),
    bands: [{ label: "Tốt", min: 0 }], items,
  });

describe("§6 counted items: points are clamp(base + n × each, min, max)", () => {
  it("takes a max reached only by clamping ('mỗi sáng kiến 2 điểm, tối đa 3') and a base the clamp brings inside", () => {
    const set = setOf([
      { code: "1.1", title: "Sáng kiến", max: 3, rule: { kind: "count", each: 2 } },
      { code: "1.2", title: "Báo cáo chậm", max: 3, rule: { kind: "count", base: 2, each: -0.5 } },
      { code: "1.3", title: "Ứng dụng", max: 1, rule: { kind: "count", each: 0.4 } },
    ]);
    const report = score(set, [row("1.1", { data: 2, evidence: EV }), row("1.2", { data: 1, evidence: EV }), row("1.3", { data: 2, evidence: EV })]);
    expect(scores(report)).toEqual({ "1.1": 3, "1.2": 1.5, "1.3": 0.8 });
    expect(validity([{ code: "1", title: "x", max: 3, children: [{ code: "1.1", title: "y", max: 3, rule: { kind: "count", base: 5, each: -1 } }] }]).ok).toBe(true);
  });
});

describe("§6: a count or ratio leaf without usable data scores 0 (DATA_MISSING)", () => {
  const set = setOf([{ code: "1.1", title: "Báo cáo đúng hạn", max: 2, rule: { kind: "count", base: 2, each: -0.5 } }]);
  it("also a deduction count ('trừ 0,5 điểm mỗi báo cáo chậm' on a 2-point item) left blank, or scored at its base, and says to write 0", () => {
    for (const fields of [{}, { self: 2 }]) {
      const report = score(set, [row("1.1", fields)]);
      expect(scores(report)).toEqual({ "1.1": 0 });
      expect(codes(report)).toEqual(["DATA_MISSING 1.1 Biểu!D2"]);
      expect(report.findings[0]!.message).toContain("ghi 0");
    }
  });

  it("a blank deduction row of the bonus and deduction section is still none, as an absent one is (§2)", () => {
    const withAdjustment = setOf([{ code: "1.1", title: "Báo cáo", max: 2 }], {}, [
      { code: "9", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [{ code: "9.1", title: "Chậm báo cáo", max: 0, min: -2, rule: { kind: "count", each: -0.5 } }] },
    ]);
    const report = score(withAdjustment, [row("1.1", { self: 2, evidence: EV }), row("9.1")]);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(2);
  });
});

describe("§4 stable codes: what v1 said stays said", () => {
  const set = setOf([
    { code: "1.1", title: "Ban hành kế hoạch", max: 2 },
    { code: "1.2", title: "Tỷ lệ hồ sơ đúng hạn", max: 2, rule: { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 0, points: 0 }] } },
    { code: "1.3", title: "Ứng dụng", max: 2, rule: { kind: "count", each: 1 } },
  ]);
  it("'N/A' in the score cell of an item that always applies is SCORE_NOT_NUMBER; '0/0' or 'Không phát sinh' as its data is DATA_MISSING — each saying the item cannot be marked so", () => {
    const report = score(set, [row("1.1", { self: "N/A", evidence: EV }), row("1.2", { data: "0/0", evidence: EV }), row("1.3", { data: "Không phát sinh", evidence: EV })]);
    expect(scores(report)).toEqual({ "1.1": 0, "1.2": 0, "1.3": 0 });
    expect(codes(report)).toEqual(["SCORE_NOT_NUMBER 1.1 Biểu!E2", "DATA_MISSING 1.2 Biểu!D3", "DATA_MISSING 1.3 Biểu!D4"]);
    expect(report.findings[0]!.message).toContain('không được ghi "Không áp dụng"');
    expect(report.findings[1]!.message).toContain('"0/0" (không phát sinh) không được chấp nhận');
  });

  it("a positive score on a deduction row (max 0) is SCORE_OVER_MAX and counts 0, asking whether a minus was meant", () => {
    const deductions = setOf([{ code: "1.1", title: "Báo cáo", max: 2 }], {}, [
      { code: "9", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [{ code: "9.1", title: "Chậm báo cáo", max: 0, min: -2, rule: { kind: "manual", step: 0.5 } }] },
    ]);
    const report = score(deductions, [row("1.1", { self: 2, evidence: EV }), row("9.1", { self: 0.5 })]);
    expect(scores(report)["9.1"]).toBe(0);
    expect(codes(report)).toEqual(["SCORE_OVER_MAX 9.1 Biểu!E3"]);
    expect(report.findings[0]!.severity).toBe("error");
    expect(report.findings[0]!.message).toContain("-0,5");
  });
});

describe("§1: a parent's max is the sum of its children's", () => {
  it("in the bonus and deduction section too, when the parent gives one", () => {
    const items = (max: number) => [
      { code: "1", title: "Lĩnh vực", max: 2, children: [{ code: "1.1", title: "x", max: 2 }] },
      { code: "9", title: "Điểm thưởng, điểm trừ", adjustment: true, max, children: [{ code: "9.1", title: "Thưởng", max: 1 }, { code: "9.2", title: "Trừ", max: 0, min: -2 }] },
    ];
    expect(validity(items(1), 2).ok).toBe(true);
    const wrong = validity(items(5), 2);
    expect(wrong.ok).toBe(false);
    expect(wrong.ok ? "" : wrong.message).toMatch(/items\.1\.max/);
  });
});

describe("§1 optional: true — the unit may mark the item 'Không áp dụng'; its max leaves the denominator", () => {
  const set = setOf([
    { code: "1.1", title: "Sắp xếp thôn, tổ dân phố", max: 4, optional: true, children: [{ code: "1.1.1", title: "Xây dựng đề án", max: 2 }, { code: "1.1.2", title: "Thực hiện", max: 2 }] },
    { code: "1.2", title: "Báo cáo", max: 2 },
  ]);
  it("on a parent: its row marked 'Không áp dụng' takes its whole max out, its blank sub-criteria asked for nothing", () => {
    const report = score(set, [row("1.1", { self: "Không áp dụng" }), row("1.1.1"), row("1.1.2"), row("1.2", { self: 2, evidence: EV })]);
    expect([report.total, report.max, report.percent]).toEqual([2, 2, 100]);
    expect(codes(report)).toEqual([]);
    expect(report.items.filter((i) => i.notApplicable).map((i) => i.code)).toEqual(["1.1.1", "1.1.2"]);
  });

  it("on a parent: its sub-criteria marked one by one do the same; a parent left applicable is scored as usual", () => {
    const marked = score(set, [row("1.1"), row("1.1.1", { self: "N/A" }), row("1.1.2", { self: "Không áp dụng" }), row("1.2", { self: 2, evidence: EV })]);
    expect([marked.total, marked.max]).toEqual([2, 2]);
    const applied = score(set, [row("1.1", { self: 3 }), row("1.1.1", { self: 2, evidence: EV }), row("1.1.2", { self: 1, evidence: EV }), row("1.2", { self: 2, evidence: EV })]);
    expect([applied.total, applied.max]).toEqual([5, 6]);
  });
});

describe("§1 optional on a parent: the item is the parent — all of it or none", () => {
  const set = setOf([
    { code: "1.1", title: "Sắp xếp thôn, tổ dân phố", max: 4, optional: true, children: [{ code: "1.1.1", title: "Xây dựng đề án", max: 2 }, { code: "1.1.2", title: "Thực hiện", max: 2 }] },
    { code: "1.2", title: "Báo cáo", max: 2 },
  ]);
  it("one sub-criterion marked alone is not taken out (SCORE_NOT_NUMBER at it, naming the parent); the max stays", () => {
    const report = score(set, [row("1.1"), row("1.1.1", { self: "Không áp dụng" }), row("1.1.2", { self: 2, evidence: EV }), row("1.2", { self: 2, evidence: EV })]);
    expect([report.total, report.max]).toEqual([4, 6]);
    expect(codes(report)).toEqual(["SCORE_NOT_NUMBER 1.1.1 Biểu!E3"]);
    expect(report.findings[0]!.message).toContain("1.1");
    expect(report.items.some((i) => i.notApplicable)).toBe(false);
  });

  it("the parent marked with its sub-criteria scored 0 is taken out as with them blank", () => {
    const report = score(set, [row("1.1", { self: "Không áp dụng" }), row("1.1.1", { self: 0 }), row("1.1.2", { self: 0 }), row("1.2", { self: 2, evidence: EV })]);
    expect([report.total, report.max]).toEqual([2, 2]);
    expect(codes(report)).toEqual([]);
  });

  it("the parent marked but its sub-criteria scored: they count, and the unit is told its mark was not taken (NOT_APPLICABLE_IGNORED)", () => {
    const report = score(set, [row("1.1", { self: "Không áp dụng" }), row("1.1.1", { self: 2, evidence: EV }), row("1.1.2", { self: 0 }), row("1.2", { self: 2, evidence: EV })]);
    expect([report.total, report.max]).toEqual([4, 6]);
    expect(codes(report)).toEqual(["NOT_APPLICABLE_IGNORED 1.1 Biểu!E2"]);
    expect(report.findings[0]!.severity).toBe("warning");
  });
});

describe("§3 fields: per top-level item { code, title, score, max, percent }", () => {
  it("the bonus and deduction field has its percent too, when it has a max", () => {
    const set = setOf([{ code: "1.1", title: "Báo cáo", max: 2 }], {}, [
      { code: "9", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [{ code: "9.1", title: "Thưởng", max: 1 }, { code: "9.2", title: "Trừ", max: 0, min: -2 }] },
    ]);
    const report = score(set, [row("1.1", { self: 2, evidence: EV }), row("9.1", { self: 1, evidence: EV }), row("9.2")]);
    expect(report.fields.find((f) => f.code === "9")).toMatchObject({ score: 1, max: 1, percent: 100, adjustment: true });
  });
});

describe("§1 ratio: target is a percentage (default 100)", () => {
  it("may lie above 100 ('đạt 120% kế hoạch trở lên được tối đa')", () => {
    const set = setOf([{ code: "1.1", title: "Tỷ lệ hoàn thành", max: 3, rule: { kind: "ratio", proportional: true, target: 120 } }]);
    expect(scores(score(set, [row("1.1", { data: "60%", evidence: EV })]))["1.1"]).toBe(1.5);
  });
});
