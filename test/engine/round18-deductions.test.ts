import { describe, expect, it } from "vitest";
import { codes, row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * The eighteenth red-team round on deduction rows (WB18-3): round 17 set aside a clause naming
 * only years before the period as last year's, and with it "01 công chức bị kỷ luật do vi phạm
 * năm 2023" — a discipline decided in 2024 for a 2023 violation, this year's case, no longer
 * deducted and nothing said. A year written after the violation or the cause ("vi phạm năm
 * 2023", "do … năm 2023") dates that, not the case; only a case itself dated earlier is last year's.
 */

const discipline = { code: "8.4", title: "Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật", min: -3, max: 0, rule: { kind: "count", each: -1 } };
const set = setOf([{ code: "1.1", title: "Kế hoạch", max: 2 }], {}, [{ code: "8", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [discipline] }]);

describe("WB18-3: a year naming the violation is not the year of the discipline", () => {
  it.each<[string, number]>([
    ["01 công chức bị kỷ luật do vi phạm năm 2023", -1],
    ["Kỷ luật 01 trường hợp về hành vi vi phạm năm 2023", -1],
    ["01 trường hợp bị kỷ luật khiển trách do vi phạm phát hiện qua kiểm tra năm 2023", -1],
    ["01 trường hợp bị kỷ luật vì sai phạm trong năm 2023", -1],
    ["01 cong chuc bi ky luat do vi pham nam 2023", -1],
    // The case itself dated earlier stays last year's.
    ["01 trường hợp bị kỷ luật năm 2023", 0],
    ["Năm 2023 có 01 trường hợp bị kỷ luật do vi phạm", 0],
    // Round 19 (WB19-3): the sanction dated in so many words after the cause is the case's year.
    ["01 trường hợp bị kỷ luật do vi phạm năm 2023 (kỷ luật năm 2023)", 0],
    ["01 trường hợp vi phạm năm 2023, đã xử lý kỷ luật năm 2023", 0],
    ["01 trường hợp bị kỷ luật do vi phạm năm 2023 (kỷ luật năm 2024)", -1],
    // Round 20 (WB20-3): an earlier sanction told of is not this case's year.
    ["01 trường hợp bị kỷ luật do vi phạm năm 2024 (tái phạm sau khi bị kỷ luật năm 2023)", -1],
  ])("%s: %d", (data, points) => {
    const report = score(set, [row("1", { max: 2 }), row("1.1", { max: 2, self: 2 }), row("8", {}), row("8.4", { data })]);
    expect(scores(report)["8.4"]).toBe(points);
    expect(codes(report).filter((c) => c !== "EVIDENCE_MISSING")).toEqual([]);
  });
});
