import { describe, expect, it } from "vitest";
import { findHeader, readTableRows } from "../../shared/locate-table.ts";
import type { GridSheet } from "../../shared/grid.ts";
import { EV, codes, score, scores, setOf } from "./v2-helpers.ts";

/**
 * An outside tester's seventh round on reading the table: a summary by field (or last year's
 * table) under a notes line read as more criteria (DUPLICATE_CRITERION), a grand total naming its
 * parts ("TỔNG CỘNG (Phần I + Phần II)") taken for a part's subtotal and never checked, and common
 * self-score labels ("Điểm UBND xã đánh giá", "Xã đánh giá") not recognised at all.
 */
type V = string | number | null;
const sheet = (rows: V[][]): GridSheet => ({ name: "S", rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges: [] });
const HEADER: V[] = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ghi chú"];
const codesRead = (rows: V[][]) => {
  const s = sheet(rows);
  return readTableRows(s, findHeader(s)!).flatMap((r) => (r.code ? [r.code] : []));
};
const ARABIC: V[][] = [["1", "Chỉ đạo", 2, 2], ["1.1", "Kế hoạch", 1, 1, EV], ["1.2", "Báo cáo", 1, 1, EV], ["2", "Thể chế", 1, 1], ["2.1", "Văn bản", 1, 1, EV]];
const ROMAN: V[][] = [["I", "Chỉ đạo", 2, 2], ["1.1", "Kế hoạch", 1, 1, EV], ["1.2", "Báo cáo", 1, 1, EV], ["II", "Thể chế", 1, 1], ["2.1", "Văn bản", 1, 1, EV]];

describe("a grand total naming its parts", () => {
  const set = setOf([{ code: "1.1", title: "Ban hành kế hoạch", max: 1 }], {}, [{ code: "2", title: "Lĩnh vực 2", max: 1, children: [{ code: "2.1", title: "Văn bản", max: 1 }] }]);
  const COLS = ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu kê khai", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ghi chú"];
  it.each(["TỔNG CỘNG (Phần I + Phần II)", "TỔNG ĐIỂM (Mục I + Mục II + Mục III)", "Tổng điểm các lĩnh vực 1 - 2", "Tổng điểm lĩnh vực 1 đến 2", "Tổng cộng lĩnh vực I, II"])("%j is checked as the grand total", (label) => {
    const report = score(
      set,
      [
        ["1", "Lĩnh vực 1", 1, null, null, null, null],
        ["1.1", "Kế hoạch", 1, null, 1, EV, null],
        ["2", "Lĩnh vực 2", 1, null, null, null, null],
        ["2.1", "Văn bản", 1, null, 1, EV, null],
        [null, label, 2, null, 5, null, null],
      ],
      {},
      COLS,
    );
    expect(codes(report)).toContain("TOTAL_MISMATCH  Biểu!E6");
  });

  it("a part's subtotal ('Cộng lĩnh vực 2') as the last line is still not checked", () => {
    const report = score(set, [["1", "Lĩnh vực 1", 1], ["1.1", "Kế hoạch", 1, null, 1, EV], ["2", "Lĩnh vực 2", 1], ["2.1", "Văn bản", 1, null, 1, EV], [null, "Cộng lĩnh vực 2", 1, null, 5]], {}, COLS);
    expect(codes(report).filter((c) => c.startsWith("TOTAL_MISMATCH"))).toEqual([]);
  });
});
