import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * An outside tester's eighth round, on department and district workbooks: the bonus and
 * deduction section typed after the grand total was dropped in silence, a "Tổng số" line inside
 * a criterion's breakdown by commune ended the whole table, and "Không có trường hợp …" in the
 * note of a count item was a false DATA_MISSING.
 */
const set = setOf(
  [
    { code: "1.1", title: "Kế hoạch", max: 2 },
    { code: "1.2", title: "Tỷ lệ hồ sơ đúng hạn", max: 2, rule: { kind: "ratio", bands: [{ min: 95, points: 2 }, { min: 0, points: 0 }] } },
    { code: "1.3", title: "Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật", max: 0, min: -2, rule: { kind: "count", each: -1 } },
  ],
  {},
  [
    { code: "2", title: "Lĩnh vực 2", max: 2, children: [{ code: "2.1", title: "Báo cáo", max: 2 }] },
    { code: "9", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [{ code: "9.1", title: "Khen thưởng", max: 1 }, { code: "9.2", title: "Chậm báo cáo", max: 0, min: -3, rule: { kind: "manual", step: 0.5 } }] },
  ],
);
const line = (title: string, self: Cell): Cell[] => [null, title, null, null, self, null, null];
const body = (): Cell[][] => [
  row("1", { max: 4 }),
  row("1.1", { self: 2, evidence: EV }),
  row("1.2", { data: "96/100", evidence: EV }),
  row("1.3", { data: 0 }),
  row("2", { max: 2 }),
  row("2.1", { self: 2, evidence: EV }),
];

describe("the bonus and deduction section typed after the grand total", () => {
  it.each(["TỔNG ĐIỂM (I+II)", "Tổng cộng"])("after %j is read, and the final total is the one checked", (label) => {
    const rows = [...body(), line(label, 6), row("9", {}), row("9.1", { self: 1, evidence: EV }), row("9.2", { self: -3 }), line("TỔNG ĐIỂM CUỐI CÙNG", 4)];
    const report = score(set, rows);
    expect(scores(report)).toMatchObject({ "9.1": 1, "9.2": -3 });
    expect(report.total).toBe(4);
    expect(codes(report)).toEqual([]);
    const wrong = score(set, [...rows.slice(0, -1), line("TỔNG ĐIỂM CUỐI CÙNG", 6)]);
    expect(codes(wrong)).toEqual(["TOTAL_MISMATCH  Biểu!E12"]);
  });

  it("after a part's 'Cộng (A)' and a 'B' heading too", () => {
    const rows = [...body(), line("Cộng (A)", 6), ["B", "ĐIỂM THƯỞNG, ĐIỂM TRỪ", null, null, null, null, null], row("9.1", { self: 1, evidence: EV }), row("9.2", { self: -0.5 }), line("TỔNG CỘNG (A + B)", 6.5)];
    const report = score(set, rows);
    expect(report.total).toBe(6.5);
    expect(codes(report)).toEqual([]);
  });

  it("a summary by field under the grand total is still not read", () => {
    const rows = [...body(), line("Tổng cộng", 6), [], ["I", "Lĩnh vực 1", 4, null, 4, null, null], ["II", "Lĩnh vực 2", 2, null, 2, null, null]];
    expect(codes(score(set, rows))).toEqual([]);
  });
});

describe("a 'Tổng số' line inside a criterion's breakdown by commune", () => {
  it("does not end the table: the criteria under it are read", () => {
    const rows = [
      row("1", { max: 4 }),
      row("1.1", { self: 2, evidence: EV }),
      row("1.2", { evidence: EV }),
      [null, "- Thị trấn Văn Quan", null, "300/310", null, null, null],
      [null, "- Xã Tân Đoàn", null, "660/690", null, null, null],
      [null, "Tổng số", null, "960/1000", null, null, null],
      row("1.3", { data: 0 }),
      row("2", { max: 2 }),
      row("2.1", { self: 2, evidence: EV }),
    ];
    const report = score(set, rows);
    expect(codes(report).filter((c) => c.startsWith("MISSING_CRITERION"))).toEqual([]);
    expect(scores(report)["2.1"]).toBe(2);
  });
});

describe("a count item's note saying there was no case", () => {
  it.each(["Không có trường hợp bị xử lý kỷ luật", "Không có", "-"])("%j in the note is a count of 0, no DATA_MISSING", (note) => {
    const noDataColumn = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Giải trình"];
    const rows: Cell[][] = [["1", "Lĩnh vực 1", 4], ["1.1", "Kế hoạch", 2, 2, EV], ["1.2", "Tỷ lệ", 2, null, EV, "96/100"], ["1.3", "Kỷ luật", 0, 0, null, note], ["2", "Lĩnh vực 2", 2], ["2.1", "Báo cáo", 2, 2, EV]];
    const report = score(set, rows, {}, noDataColumn);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.3"]).toBe(0);
  });
});
