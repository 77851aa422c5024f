import { describe, expect, it } from "vitest";
import { findHeader, readTableRows } from "../../shared/locate-table.ts";
import type { GridSheet } from "../../shared/grid.ts";
import { EV, codes, row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * A field's subtotal labelled as offices label it ("Cộng lĩnh vực 2", "Cộng điểm lĩnh vực II",
 * "Cộng mục 2", "Điểm lĩnh vực 2", "Cộng II", "Cộng điểm"), found by an outside tester's sixth
 * round: read as a row without a code under the field's last criterion, its sum was taken as that
 * criterion's score when the unit had left it blank.
 */
const LABELS = ["Cộng lĩnh vực 1", "Cộng điểm lĩnh vực I", "Cộng mục 1", "Điểm lĩnh vực 1", "Cộng I", "Cộng lĩnh vực I", "Cộng điểm", "CỘNG ĐIỂM LĨNH VỰC 1:"];

describe("a field's subtotal after a criterion left blank", () => {
  const set = setOf(
    [
      { code: "1.1", title: "Ban hành kế hoạch", max: 1, evidence: { required: true } },
      { code: "1.2", title: "Báo cáo định kỳ", max: 2, evidence: { required: true } },
    ],
    {},
    [{ code: "2", title: "Lĩnh vực 2", max: 1, children: [{ code: "2.1", title: "Văn bản", max: 1 }] }],
  );

  it.each(LABELS)("%j is a subtotal, not the blank criterion's score", (label) => {
    const report = score(set, [
      row("1", { max: 3 }),
      row("1.1", { max: 1, self: 1, evidence: EV }),
      row("1.2", { max: 2, evidence: EV }),
      [null, label, 3, null, 1, null, null],
      row("2", { max: 1 }),
      row("2.1", { max: 1, self: 1, evidence: EV }),
      [null, "Tổng cộng", 4, null, 2, null, null],
    ]);
    expect(scores(report)).toMatchObject({ "1.1": 1, "1.2": 0, "2.1": 1 });
    expect(codes(report)).toEqual(["SCORE_BLANK 1.2 Biểu!E4"]);
    expect(report.total).toBe(2);
  });
});

describe("subtotal labels", () => {
  const sheet = (rows: (string | number | null)[][]): GridSheet => ({ name: "S", rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges: [] });

  it.each(LABELS)("%j at the table's foot with nothing under it is its totals row", (label) => {
    const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1", "A", 1, 1], ["1.1", "B", 1, 1], [null, label, 1, 1]]);
    const header = findHeader(s)!;
    expect(readTableRows(s, header).map((r) => r.code)).toEqual(["1", "1.1"]);
  });

  it("a notes line under a field's last criterion, then the field's subtotal, does not end the table", () => {
    for (const subtotal of ["Cộng lĩnh vực I", "Tổng điểm lĩnh vực I"]) {
      const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1", "A", 1, 1], ["1.1", "B", 1, 1], [null, "Ghi chú: chấm theo hướng dẫn"], [null, subtotal, 1, 1], ["2", "C", 1, 1], ["2.1", "D", 1, 1], [null, "Tổng cộng", 2, 2]]);
      expect(readTableRows(s, findHeader(s)!).flatMap((r) => (r.code ? [r.code] : []))).toEqual(["1", "1.1", "2", "2.1"]);
    }
  });

  it.each(["Cộng đồng dân cư tham gia giám sát", "Điểm thưởng, điểm trừ", "Cộng tác viên pháp luật"])("a title %j is no subtotal", (title) => {
    const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá"], ["1", "A", 1, 1], [null, title, null, null], ["1.1", "B", 1, 1]]);
    expect(readTableRows(s, findHeader(s)!).map((r) => r.code ?? r.title)).toEqual(["1", title, "1.1"]);
  });
});
