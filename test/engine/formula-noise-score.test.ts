import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * A self-score worked out by a formula whose stored result carries binary noise: Excel shows and
 * adds =0.8+1.6+0.6 as 3 (stored 3.0000000000000004) and =(0.1+0.2-0.3) as 0 on a deduction row
 * (stored 5.55e-17). The score is the number shown (black-box audit A1-1: "là 3, vượt điểm tối
 * đa 3", counted 0).
 */
const set = setOf(
  [
    { code: "1.1", title: "Ban hành kế hoạch", max: 3, rule: { kind: "choice", options: [3, 1.5, 0] } },
    { code: "1.2", title: "Báo cáo định kỳ", max: 3, rule: { kind: "manual", step: 0.5 } },
  ],
  {},
  [{ code: "2", title: "Điểm trừ", max: 0, adjustment: true, children: [{ code: "2.1", title: "Vi phạm kỷ luật hành chính", max: 0, min: -2, rule: { kind: "manual", step: 0.5 } }] }],
);

describe("a formula's score a hair off the number shown", () => {
  it("is the number shown: no SCORE_OVER_MAX, and 3 in the report", () => {
    const report = score(set, [
      row("1", { max: 6 }),
      row("1.1", { max: 3, self: { v: 0.8 + 1.6 + 0.6, f: "0.8+1.6+0.6" }, evidence: EV }),
      row("1.2", { max: 3, self: { v: 3.0000000000000004, f: "SUM(H3:H5)" }, evidence: EV }),
      row("2"),
      row("2.1", { self: { v: 0.1 + 0.2 - 0.3, f: "(0.1+0.2-0.3)" } }),
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 3, "1.2": 3, "2.1": 0 });
    expect(report.items.find((i) => i.code === "1.1")?.self).toBe(3);
  });

  it("a number truly over the max is still over it", () => {
    const report = score(set, [row("1", { max: 6 }), row("1.1", { max: 3, self: 3, evidence: EV }), row("1.2", { max: 3, self: { v: 3.01, f: "3+0.01" }, evidence: EV })]);
    expect(codes(report)).toContain("SCORE_OVER_MAX 1.2 Biểu!E4");
  });
});
