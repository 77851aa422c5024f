import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * A unit that marks its score on the option line it reached ("- Ban hành sau ngày 15/01:
 * 0,5 điểm") and leaves the criterion's own score cell blank: the score is read from that
 * line, and findings point to it.
 */
const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch", max: 1, rule: { kind: "choice", options: [1, 0.5, 0] } },
  { code: "1.2", title: "Báo cáo định kỳ", max: 1, rule: { kind: "choice", options: [1, 0.5, 0] } },
]);
const option = (title: string, max: number, self: Cell = null): Cell[] => [null, title, max, null, self, null, null];
const plan = (self: Cell, lines: Cell[]): Cell[][] => [
  row("1", { max: 2 }),
  row("1.1", { max: 1, self, evidence: EV }),
  option("- Ban hành trước ngày 15/01: 1 điểm", 1, lines[0] ?? null),
  option("- Ban hành sau ngày 15/01: 0,5 điểm", 0.5, lines[1] ?? null),
  option("- Không ban hành: 0 điểm", 0, lines[2] ?? null),
  row("1.2", { max: 1, self: 1, evidence: EV }),
];

describe("a score marked on the option line reached", () => {
  it("is the leaf's score, its cell the line's", () => {
    const report = score(set, plan(null, [null, 0.5, null]));
    expect(scores(report)["1.1"]).toBe(0.5);
    expect(report.items.find((i) => i.code === "1.1")?.cell).toBe("Biểu!E5");
    expect(codes(report)).toEqual([]);
  });

  it("with the other lines marked 0, is the one that is not", () => {
    expect(scores(score(set, plan(null, [0, "0,5", 0])))["1.1"]).toBe(0.5);
    expect(scores(score(set, plan(null, [0, 0, 0])))["1.1"]).toBe(0);
  });

  it("is not read when the criterion's own cell holds a score, nor when two lines hold different ones", () => {
    expect(scores(score(set, plan(1, [null, 0.5, null])))["1.1"]).toBe(1);
    const two = score(set, plan(null, [1, 0.5, null]));
    expect(scores(two)["1.1"]).toBe(0);
    expect(codes(two)).toContain("SCORE_BLANK 1.1 Biểu!E3");
  });

  it("a score off the set's options is reported at the line", () => {
    expect(codes(score(set, plan(null, [null, 0.75, null])))).toEqual(["SCORE_STEP 1.1 Biểu!E5"]);
  });

  it("a line marked 'x' (or ✓) scores the points it names, from its max cell or its own words", () => {
    const report = score(set, plan(null, [null, "x", null]));
    expect(scores(report)["1.1"]).toBe(0.5);
    expect(report.items.find((i) => i.code === "1.1")?.cell).toBe("Biểu!E5");
    expect(codes(report)).toEqual([]);
    // No max on the lines: the points written in them ("…: 0,5 điểm").
    const words = plan(null, []).map((cells, i) => (i >= 2 && i <= 4 ? Object.assign([...cells], { 2: null, 4: i === 3 ? "✓" : null }) : cells));
    expect(scores(score(set, words))["1.1"]).toBe(0.5);
  });
});
