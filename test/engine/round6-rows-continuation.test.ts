import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * One document per row, the code filled down (outside round 6, K1/K1b): "2.2 | Xã đạt chuẩn … |
 * 3 | QĐ 12" then "2.2 | | | QĐ 120". The rows under the first are its continuation — their
 * evidence is the criterion's — not duplicates the unit is told to delete.
 */
const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch", max: 3, rule: { kind: "choice", options: [3, 0] }, evidence: { required: true } },
  { code: "1.2", title: "Đạt chuẩn tiếp cận pháp luật", max: 3, rule: { kind: "choice", options: [3, 0] }, evidence: { required: true } },
]);

const QD = "Quyết định số 120/QĐ-UBND ngày 10/12/2024";
/** A row under a criterion repeating its code: `title` (blank or the criterion's), a score, an evidence line. */
const again = (code: string, title: Cell, self: Cell, evidence: Cell): Cell[] => [code, title, null, null, self, evidence, null];

describe("a code filled down over the criterion's evidence rows", () => {
  it("with the title blank: the rows' evidence joins the criterion's, no duplicate", () => {
    const report = score(set, [
      row("1", { max: 6 }),
      row("1.1", { max: 3, self: 3, evidence: EV }),
      again("1.1", null, null, "Báo cáo số 45/BC-UBND ngày 15/12/2024"),
      row("1.2", { max: 3, self: 3 }),
      again("1.2", null, null, QD),
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 3, "1.2": 3 });
    expect(report.total).toBe(6);
  });

  it("with the title filled down too, or the same score repeated", () => {
    const title = score(set, [row("1", { max: 6 }), row("1.1", { max: 3, self: 3, evidence: EV }), row("1.2", { max: 3, self: 3 }), again("1.2", "Tiêu chí 1.2", null, QD)]);
    expect(codes(title)).toEqual([]);
    expect(title.total).toBe(6);
    const same = score(set, [row("1", { max: 6 }), row("1.1", { max: 3, self: 3, evidence: EV }), row("1.2", { max: 3, self: 3 }), again("1.2", null, 3, QD), again("1.2", null, 3, EV)]);
    expect(codes(same)).toEqual([]);
    expect(same.total).toBe(6);
  });

  it("a row repeating the code with another score or another title is still a duplicate", () => {
    const score0 = score(set, [row("1", { max: 6 }), row("1.1", { max: 3, self: 3, evidence: EV }), row("1.2", { max: 3, self: 3, evidence: EV }), again("1.2", null, 0, QD)]);
    expect(codes(score0)).toEqual(["DUPLICATE_CRITERION 1.2 Biểu!A5"]);
    const other = score(set, [row("1", { max: 6 }), row("1.1", { max: 3, self: 3, evidence: EV }), row("1.2", { max: 3, self: 3, evidence: EV }), again("1.2", "Tiêu chí khác", null, QD)]);
    expect(codes(other)).toEqual(["DUPLICATE_CRITERION 1.2 Biểu!A5"]);
  });

  it("a repeat elsewhere in the table is still a duplicate", () => {
    const report = score(set, [row("1", { max: 6 }), row("1.1", { max: 3, self: 3, evidence: EV }), row("1.2", { max: 3, self: 3, evidence: EV }), again("1.1", null, null, QD)]);
    expect(codes(report)).toEqual(["DUPLICATE_CRITERION 1.1 Biểu!A5"]);
  });
});
