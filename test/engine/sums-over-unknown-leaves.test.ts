import { describe, expect, it } from "vitest";
import { codes, EV, row, score, setOf } from "./v2-helpers.ts";

/**
 * A leaf whose score no one can know (a formula saved without its value, or giving an error) is
 * said at its own cell; the SUMs over it are not checked (black-box audit A1-4: SUM_MISMATCH and
 * TOTAL_MISMATCH sent the unit to mend its SUM formula, a right one).
 */
const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch", max: 1 },
  { code: "1.2", title: "Báo cáo định kỳ", max: 2 },
]);
const total = (value: number): (string | number | null)[] => ["", "Tổng cộng", 3, null, value, null, null];

describe("sums over a leaf whose score is unknown", () => {
  it("a formula saved without its value: FORMULA_NOT_CALCULATED alone", () => {
    const report = score(set, [row("1", { max: 3, self: 3 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 2, self: { f: "1+1" }, evidence: EV }), total(3)]);
    expect(codes(report)).toEqual(["FORMULA_NOT_CALCULATED 1.2 Biểu!E4"]);
  });

  it("a formula giving an error: FORMULA_ERROR alone", () => {
    const report = score(set, [row("1", { max: 3, self: 3 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 2, self: { err: "#REF!", f: "Sheet2!A1" }, evidence: EV }), total(3)]);
    expect(codes(report)).toEqual(["FORMULA_ERROR 1.2 Biểu!E4"]);
  });

  it("a wrong sum over known leaves is still told", () => {
    const report = score(set, [row("1", { max: 3, self: 2 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 2, self: 2, evidence: EV }), total(2)]);
    expect(codes(report)).toEqual(["SUM_MISMATCH 1 Biểu!E2", "TOTAL_MISMATCH  Biểu!E5"]);
  });
});

describe("a gap past what the unknown leaf could hold (A9-4)", () => {
  it("is still told, at the parent and the totals row", () => {
    const report = score(set, [row("1", { max: 3, self: 30 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 2, self: { err: "#REF!", f: "Sheet2!A1" }, evidence: EV }), total(95)]);
    expect(codes(report)).toEqual(["FORMULA_ERROR 1.2 Biểu!E4", "SUM_MISMATCH 1 Biểu!E2", "TOTAL_MISMATCH  Biểu!E5"]);
  });
});
