import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * A criterion broken down by commune ("- Thị trấn Văn Quan | 3000/3050" …) whose own data cell
 * is blank, closed by a "Cộng" or "Tổng số" line carrying the total a/b: that line is the
 * criterion's data, as a reviewer reads it (it had been DATA_MISSING and the points lost —
 * left alone from the eighth round).
 */
const set = setOf(
  [
    { code: "1.1", title: "Kế hoạch", max: 2 },
    { code: "1.2", title: "Tỷ lệ hồ sơ đúng hạn", max: 2, rule: { kind: "ratio", bands: [{ min: 95, points: 2 }, { min: 0, points: 0 }] } },
    { code: "1.3", title: "Trừ 1 điểm mỗi trường hợp bị xử lý kỷ luật", max: 0, min: -2, rule: { kind: "count", each: -1 } },
  ],
  {},
  [{ code: "2", title: "Lĩnh vực 2", max: 2, children: [{ code: "2.1", title: "Báo cáo", max: 2 }] }],
);
const commune = (name: string, data: Cell): Cell[] => ["-", name, null, data, null, null, null];
const line = (label: string, data: Cell): Cell[] => [null, label, null, data, null, null, null];
const around = (criterion: Cell[], breakdown: Cell[][]): Cell[][] => [
  row("1", { max: 4 }),
  row("1.1", { self: 2, evidence: EV }),
  criterion,
  ...breakdown,
  row("1.3", { data: 0 }),
  row("2", { max: 2 }),
  row("2.1", { self: 2, evidence: EV }),
];

describe("a breakdown by commune closed by its total line", () => {
  it.each(["Cộng", "Tổng số", "Tổng cộng"])("%j: the line's a/b is the criterion's data, and its cell is the one named", (label) => {
    const rows = around(row("1.2", { evidence: EV }), [commune("Thị trấn Văn Quan", "300/310"), commune("Xã Tân Đoàn", "660/690"), line(label, "960/1000")]);
    const report = score(set, rows);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.2"]).toBe(2);
    expect(report.items.find((i) => i.code === "1.2")?.dataCell).toBe("Biểu!D7");
    expect(report.total).toBe(6);
  });

  it("the criterion's own data wins over the line's", () => {
    const rows = around(row("1.2", { data: "90/100", evidence: EV }), [commune("Thị trấn Văn Quan", "300/310"), line("Cộng", "960/1000")]);
    const report = score(set, rows);
    expect(scores(report)["1.2"]).toBe(0);
    expect(report.items.find((i) => i.code === "1.2")?.dataCell).toBe("Biểu!D4");
  });

  it("a subtotal right under a criterion, with no breakdown above it, is not that criterion's data", () => {
    const rows = [row("1", { max: 4 }), row("1.1", { self: 2, evidence: EV }), row("1.2", { data: "96/100", evidence: EV }), row("1.3", {}), line("Cộng lĩnh vực 1", 3), row("2", { max: 2 }), row("2.1", { self: 2, evidence: EV })];
    expect(codes(score(set, rows))).toContain("DATA_MISSING 1.3 Biểu!D5");
  });
});
