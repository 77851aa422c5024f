import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * A list numbered 1, 2, 3 inside a criterion — the sub-units a department checked under "1.3",
 * the agencies whose a/b make up 3.2's — was read as fields 1, 2, 3 again: a false
 * DUPLICATE_CRITERION on each real field row it repeated (left alone from the eighth round).
 */
const set = setOf(
  [
    { code: "1.1", title: "Kế hoạch", max: 2 },
    { code: "1.2", title: "Kiểm tra", max: 2 },
  ],
  {},
  [
    { code: "2", title: "Lĩnh vực 2", max: 4, children: [{ code: "2.1", title: "Hồ sơ đúng hạn", max: 2 }, { code: "2.2", title: "Báo cáo", max: 2 }] },
    { code: "3", title: "Lĩnh vực 3", max: 2, children: [{ code: "3.1", title: "Công khai", max: 2 }] },
  ],
);
const unit = (n: string, name: string, data: Cell = null): Cell[] => [n, name, null, data, null, null, "Đã kiểm tra"];

describe("a numbered list inside a criterion", () => {
  it("under a criterion followed by the same field's next criterion is no field row", () => {
    const rows = [
      row("1", { max: 4 }),
      row("1.1", { self: 2, evidence: EV }),
      unit("1", "Văn phòng Sở"),
      unit("2", "Phòng Tổ chức - Biên chế"),
      unit("3", "Chi cục Văn thư - Lưu trữ"),
      row("1.2", { self: 1, evidence: EV }),
      row("2", { max: 4 }),
      row("2.1", { self: 2, evidence: EV }),
      unit("1", "Văn phòng Sở", "800/820"),
      unit("2", "Ban Tôn giáo", "150/170"),
      row("2.2", { self: 2, evidence: EV }),
      row("3", { max: 2 }),
      row("3.1", { self: 2, evidence: EV }),
    ];
    const report = score(set, rows);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 1, "2.1": 2, "2.2": 2, "3.1": 2 });
    expect(report.total).toBe(9);
  });

  it("under a field's last criterion, right before the next field's row (also when the list reaches that field's number)", () => {
    for (const list of [[unit("1", "Xã An Bình")], [unit("1", "Xã An Bình"), unit("2", "Xã An Hòa")], [unit("1", "Xã An Bình"), unit("2", "Xã An Hòa"), unit("3", "Xã An Phú")]]) {
      const rows = [row("1", { max: 4 }), row("1.1", { self: 2, evidence: EV }), row("1.2", { self: 2, evidence: EV }), ...list, row("2", { max: 4 }), row("2.1", { self: 1, evidence: EV }), row("2.2", { self: 2, evidence: EV }), row("3", { max: 2 }), row("3.1", { self: 2, evidence: EV })];
      const report = score(set, rows);
      expect(codes(report)).toEqual([]);
      expect(report.total).toBe(9);
    }
  });

  it("a lone '1' under a field's last criterion, then field 2 typed without its own row, keeps 2.1 and 2.2", () => {
    const rows = [row("1", { max: 4 }), row("1.1", { self: 2, evidence: EV }), row("1.2", { self: 2, evidence: EV }), unit("1", "Xã An Bình"), row("2.1", { self: 1, evidence: EV }), row("2.2", { self: 2, evidence: EV }), row("3", { max: 2 }), row("3.1", { self: 2, evidence: EV })];
    const report = score(set, rows);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(9);
  });

  it("the real fields stay fields: a table without lists reads as before, a field typed twice is still a duplicate", () => {
    const rows = [row("1", { max: 4 }), row("1.1", { self: 2, evidence: EV }), row("1.2", { self: 2, evidence: EV }), row("2", { max: 4 }), row("2.1", { self: 2, evidence: EV }), row("2.2", { self: 2, evidence: EV }), row("3", { max: 2 }), row("3.1", { self: 2, evidence: EV })];
    expect(codes(score(set, rows))).toEqual([]);
    // "2" again after 2.2, with 2.x criteria under it: a second copy of field 2, not a list (it does not start at 1).
    const twice = [...rows.slice(0, 6), row("2", { max: 4 }), row("2.1", { self: 2, evidence: EV }), ...rows.slice(6)];
    expect(codes(score(set, twice))).toEqual(expect.arrayContaining(["DUPLICATE_CRITERION 2 Biểu!A8", "DUPLICATE_CRITERION 2.1 Biểu!A9"]));
  });
});
