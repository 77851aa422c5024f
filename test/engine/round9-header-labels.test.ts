import { describe, expect, it } from "vitest";
import { codes, EV, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * Header labels of the ninth red-team round: a bare "Kết quả" column holding the declared data
 * was ignored (every ratio DATA_MISSING, 31 for 65,3), and "Điểm TĐ" — tối đa, in that form —
 * took the self-score from the column headed "Điểm tự chấm" (the maxima scored, 71,3 for 65,3).
 */
const set = setOf([
  { code: "1.1", title: "Kế hoạch", max: 2 },
  { code: "1.2", title: "Tỷ lệ hồ sơ đúng hạn", max: 3, rule: { kind: "ratio", bands: [{ min: 95, points: 3 }, { min: 80, points: 1 }, { min: 0, points: 0 }] } },
]);
const rows = (layout: (code: string, max: number, data: Cell, self: Cell) => Cell[]): Cell[][] => [layout("1", 5, null, null), layout("1.1", 2, null, 1), layout("1.2", 3, "85/100", 1)];

describe("header labels", () => {
  it.each([
    [["STT", "Tiêu chí", "Điểm tối đa", "Kết quả", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"]],
    [["Số TT", "Nội dung đánh giá", "Điểm tối đa", "Kết quả", "Tài liệu kiểm chứng", "Điểm đạt được", "Ghi chú"]],
  ])("a bare 'Kết quả' beside the points column is the declared data: %j", (header) => {
    const report = score(set, rows((code, max, data, self) => [code, `Tiêu chí ${code}`, max, data, self === null ? null : EV, self, null]), {}, header);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 1, "1.2": 1 });
    expect(report.items.find((i) => i.code === "1.2")?.dataCell).toBe("Biểu!D4");
  });

  it.each([["Điểm tự chấm"], ["Điểm tự đánh giá"], ["Điểm TĐG"]])("'Điểm TĐ' beside %j: the column that says so is the unit's score", (own) => {
    const header = ["STT", "Tiêu chí", "Điểm TĐ", "Số liệu", "Tài liệu kiểm chứng", own, "Ghi chú"];
    const report = score(set, rows((code, max, data, self) => [code, `Tiêu chí ${code}`, max, data, self === null ? null : EV, self, null]), {}, header);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(2);
  });

  it("'Điểm TĐ' alone is still the unit's score, as before", () => {
    const header = ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu", "Tài liệu kiểm chứng", "Điểm TĐ", "Ghi chú"];
    const report = score(set, rows((code, max, data, self) => [code, `Tiêu chí ${code}`, max, data, self === null ? null : EV, self, null]), {}, header);
    expect(report.total).toBe(2);
    expect(codes(report)).toEqual([]);
  });
});
