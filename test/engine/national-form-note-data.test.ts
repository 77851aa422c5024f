import { describe, expect, it } from "vitest";
import { codes, EV, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * The national form has no data column: a unit writes its data in "Ghi chú" (black-box audit
 * A8-3). What a data cell reads there is read in the note too: "Không có hồ sơ trễ hạn", a number
 * formatted as a percentage, "Đầy đủ, đúng hạn" for a count of late reports.
 */
const set = setOf([
  { code: "1.1", title: "Báo cáo định kỳ đúng thời hạn (trừ 0,5 điểm mỗi báo cáo chậm)", max: 2, rule: { kind: "count", each: -0.5, base: 2 } },
  { code: "1.2", title: "Tỷ lệ hồ sơ giải quyết đúng hạn", max: 4, rule: { kind: "ratio", bands: [{ min: 100, points: 4 }, { min: 95, points: 2 }, { min: 0, points: 0 }] } },
  { code: "1.3", title: "Tỷ lệ hồ sơ trễ hạn có văn bản xin lỗi (không có hồ sơ trễ hạn được tính đủ điểm)", max: 3, notApplicable: "full", rule: { kind: "ratio", bands: [{ min: 100, points: 3 }, { min: 0, points: 0 }] } },
]);
const HEADER = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ghi chú"];
const line = (code: string, max: number, self: Cell, note: Cell): Cell[] => [code, `Tiêu chí ${code}`, max, self, EV, note];
const scoreNational = (notes: [Cell, Cell, Cell]) =>
  score(set, [["1", "Lĩnh vực 1", 9, null, null, null], line("1.1", 2, 2, notes[0]), line("1.2", 4, 4, notes[1]), line("1.3", 3, 3, notes[2])], {}, HEADER);

describe("the note as the data, on the national form", () => {
  it("reads what a data cell reads", () => {
    const report = scoreNational(["Đầy đủ, đúng hạn", { v: 1, z: "0.00%" }, "Không có hồ sơ trễ hạn"]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toEqual({ "1.1": 2, "1.2": 4, "1.3": 3 });
  });

  it("other words of no case are read too; a plain number is still no rate (it may be a count or a total)", () => {
    const report = scoreNational(["0", 96.15, "Trong năm 2024 không có hồ sơ quá hạn"]);
    expect(scores(report)).toEqual({ "1.1": 2, "1.2": 0, "1.3": 3 });
    expect(codes(report)).toEqual(["DATA_MISSING 1.2 Biểu!F4"]);
  });
});
