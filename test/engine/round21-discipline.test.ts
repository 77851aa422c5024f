import { describe, expect, it } from "vitest";
import { codes, row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * Round 21 on the discipline row (rt-wb21 "wrong in both trees"): a clause with no count of its
 * own that says what became of the case counted before it ("01 trường hợp vi phạm, đã xử lý kỷ
 * luật năm 2024") is that case, dated by its sanction (b37, b42, e17, f12: DATA_MISSING before);
 * "trong đó N … năm 2023" after a count of cases gives N of them to last year (b40: 2 before).
 */

const discipline = { code: "8.4", title: "Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật", min: -3, max: 0, rule: { kind: "count", each: -1 } };
const set = setOf([{ code: "1.1", title: "Kế hoạch", max: 2 }], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [discipline] }]);

describe("WB21: the sanction said after the case counted", () => {
  it.each<[string, number]>([
    ["01 trường hợp vi phạm, đã xử lý kỷ luật năm 2024", -1],
    ["01 trường hợp vi phạm năm 2023, bị kỷ luật năm 2024", -1],
    ["01 trường hợp vi phạm năm 2024, bị xử lý kỷ luật năm 2024", -1],
    ["01 trường hợp tái phạm sau khi bị kỷ luật năm 2023, bị kỷ luật năm 2024", -1],
    ["02 công chức vi phạm, đã bị kỷ luật khiển trách", -2],
    // Dated earlier by its sanction: last year's, as round 19 reads it.
    ["01 trường hợp vi phạm năm 2023, đã xử lý kỷ luật năm 2023", 0],
    ["01 trường hợp vi phạm, bị kỷ luật năm 2023", 0],
    // "Trong đó" a part of the cases given to last year.
    ["02 trường hợp bị kỷ luật, trong đó 01 trường hợp kỷ luật năm 2023", -1],
    ["03 trường hợp bị kỷ luật; trong đó 02 trường hợp bị kỷ luật năm 2023", -1],
    ["02 trường hợp bị kỷ luật, trong đó 01 trường hợp bị khiển trách", -2],
    // Unchanged: a count of its own in each clause.
    ["01 trường hợp bị kỷ luật năm 2024; 01 trường hợp bị kỷ luật năm 2023", -1],
  ])("%s: %d", (data, points) => {
    const report = score(set, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2 }), row("8", {}), row("8.4", { data })]);
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report).filter((c) => c !== "EVIDENCE_MISSING")).toEqual([]);
  });
});

describe("WB21: 'trong đó' given to last year takes off only a count of the row's kind", () => {
  it.each<[string, number]>([
    ["Năm 2024 có 02 trường hợp bị kỷ luật, trong đó 01 trường hợp kỷ luật năm 2023", -1],
    ["01 trường hợp bị kỷ luật năm 2024, 01 trường hợp bị kỷ luật năm 2023", -1],
  ])("%s: %d", (data, points) => {
    const report = score(set, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2 }), row("8", {}), row("8.4", { data })]);
    expect(scores(report)["8.4"]).toBe(points);
  });
});
