import { describe, expect, it } from "vitest";
import { findHeader } from "../../shared/locate-table.ts";
import { scoreWorkbook, type GridSheet } from "../../shared/index.ts";
import { EV, codes, scores, setOf } from "./v2-helpers.ts";

/**
 * "Tự đánh giá" over "Số liệu" | "Tài liệu kiểm chứng" | "Điểm" beside "Thẩm định" over "Số liệu" |
 * "Ý kiến thẩm định" | "Điểm", found by an outside tester's sixth round: the appraiser's "Số liệu"
 * tied with the unit's and, holding more figures, was read as the declared data — a rate the unit
 * left blank was scored on the appraiser's figure. Under an appraisal group a column is the
 * appraiser's, whatever its own label says.
 */
type V = string | number | null;
const merge = (r: number, c: number, r2: number, c2: number) => ({ s: { r, c }, e: { r: r2, c: c2 } });
const HEADER: V[][] = [
  ["STT", "Tiêu chí", "Điểm tối đa", "Tự đánh giá", null, null, "Thẩm định", null, null, "Ghi chú"],
  [null, null, null, "Số liệu", "Tài liệu kiểm chứng", "Điểm", "Số liệu", "Ý kiến thẩm định", "Điểm", null],
];
const MERGES = [merge(0, 0, 1, 0), merge(0, 1, 1, 1), merge(0, 2, 1, 2), merge(0, 3, 0, 5), merge(0, 6, 0, 8), merge(0, 9, 1, 9)];
const sheetOf = (rows: V[][]): GridSheet => ({ name: "Biểu", rows: [...HEADER, ...rows].map((r) => r.map((v) => (v === null ? null : { v }))), merges: MERGES });

describe("data under an appraisal group", () => {
  it("the unit's 'Số liệu' is the data column, the appraiser's is not", () => {
    const s = sheetOf([["1.1", "Tỷ lệ hồ sơ đúng hạn", 2, null, EV, 2, "85%", null, 1, null], ["1.2", "Tỷ lệ số hóa", 2, "100%", EV, 2, "85%", null, 1, null]]);
    expect(findHeader(s, 2024)!.columns).toMatchObject({ data: 3, evidence: 4, self: 5 });
  });

  it("a rate the unit left blank is DATA_MISSING, not scored on the appraiser's figure", () => {
    const ratio = { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 80, points: 1 }, { min: 0, points: 0 }] };
    const set = setOf([
      { code: "1.1", title: "Tỷ lệ hồ sơ đúng hạn", max: 2, rule: ratio },
      { code: "1.2", title: "Tỷ lệ số hóa", max: 2, rule: ratio },
    ]);
    const rows: V[][] = [
      ["1", "Lĩnh vực 1", 4, null, null, 4, null, null, 2, null],
      ["1.1", "Tỷ lệ hồ sơ đúng hạn", 2, null, EV, 2, "85%", null, 1, null],
      ["1.2", "Tỷ lệ số hóa", 2, "100%", EV, 2, "85%", null, 1, null],
    ];
    const report = scoreWorkbook({ sheets: [sheetOf(rows)] }, set);
    expect(scores(report)).toMatchObject({ "1.1": 0, "1.2": 2 });
    expect(codes(report)).toContain("DATA_MISSING 1.1 Biểu!D4");
  });
});
