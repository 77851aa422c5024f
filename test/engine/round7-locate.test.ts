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

describe("a document's closing block", () => {
  it("'Nơi nhận:' and 'TM. Ủy ban nhân dân' end the table even when a numbered appendix with counts follows", () => {
    const rows: V[][] = [HEADER, ...ARABIC, [], [null, "Nơi nhận:", null, null, "TM. ỦY BAN NHÂN DÂN"], [null, "- UBND huyện;", null, null, "CHỦ TỊCH"], [null, "- Lưu: VT."], [], [null, "DANH MỤC TÀI LIỆU KIỂM CHỨNG KÈM THEO"], ["1", "Quyết định số 12/QĐ-UBND ngày 05/01/2024", 1], ["2", "Báo cáo số 45/BC-UBND ngày 10/12/2024", 1], ["9", "Thông báo số 3/TB-UBND ngày 02/02/2024", 1]];
    expect(codesRead(rows)).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
  });
});

describe("a summary by field or last year's table under a notes line", () => {
  it("a summary coded I, II under 'Ghi chú' after a table coded 1, 2 is not read", () => {
    const rows: V[][] = [HEADER, ...ARABIC, [], [null, "Ghi chú: Điểm lĩnh vực 2 do huyện tổng hợp."], [], [null, "BẢNG TỔNG HỢP ĐIỂM THEO LĨNH VỰC"], ["I", "Chỉ đạo", 2, 2], ["II", "Thể chế", 1, 1], [null, "TỔNG CỘNG", 3, 3]];
    expect(codesRead(rows)).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
  });

  it("a summary coded 1, 2 under 'Lưu ý' after a table coded I, II is not read", () => {
    const rows: V[][] = [HEADER, ...ROMAN, [], [null, "Lưu ý: điểm lĩnh vực 2 được tổng hợp sau"], [null, "Tổng hợp kết quả:"], ["1", "Chỉ đạo", 2, 2], ["2", "Thể chế", 1, 1]];
    expect(codesRead(rows)).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
  });

  it("a summary under its own short header 'TT | Lĩnh vực | Điểm' is not read", () => {
    const rows: V[][] = [HEADER, ...ARABIC, [null, "Ghi chú: Lĩnh vực 2 chấm theo kết quả điều tra"], [], ["TT", "Lĩnh vực", null, "Điểm"], ["A", "Chỉ đạo", null, 2], ["B", "Thể chế", null, 1]];
    expect(codesRead(rows)).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
  });

  it("last year's table, fields in Roman numerals, under a notes line is not read", () => {
    const rows: V[][] = [HEADER, ...ARABIC, [], [null, "Ghi chú: Kết quả năm 2023 để so sánh:"], ["I", "Chỉ đạo", 2, 0], ["1.1", "Kế hoạch", 1, 0], ["1.2", "Báo cáo", 1, 0], ["II", "Thể chế", 1, 0], ["2.1", "Văn bản", 1, 0]];
    expect(codesRead(rows)).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
  });

  it("round 6 kept: fields in Roman numerals, criteria numbered locally, a note between two fields", () => {
    const rows: V[][] = [HEADER, ["I", "Chỉ đạo", 2, 2], ["1", "Kế hoạch", 1, 1, EV], ["2", "Báo cáo", 1, 1, EV], [null, "Ghi chú: Tỷ lệ = số hoàn thành/kế hoạch"], ["II", "Thể chế", 1, 1], ["1", "Văn bản", 1, 1, EV], [null, "TỔNG CỘNG", 3, 3]];
    expect(codesRead(rows)).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
  });

  it("round 6 kept: a note before the next field coded 1, 2 still lets the table go on", () => {
    const rows: V[][] = [HEADER, ["1", "Chỉ đạo", 1, 1], ["1.1", "Kế hoạch", 1, 1, EV], [null, "Ghi chú: Tỷ lệ = số hoàn thành/kế hoạch"], ["2", "Thể chế", 1, 1], ["2.1", "Văn bản", 1, 1, EV], [null, "TỔNG CỘNG", 2, 2]];
    expect(codesRead(rows)).toEqual(["1", "1.1", "2", "2.1"]);
  });
});

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

describe("self-score labels naming the unit's level", () => {
  const header = (labels: V[]) => findHeader(sheet([["STT", "Tiêu chí", "Điểm tối đa", ...labels, "Tài liệu kiểm chứng"], ["1.1", "Kế hoạch", 1, 1, 0.5, EV]]), 2024, 0, "commune")!.columns.self;

  it.each(["Điểm UBND xã đánh giá", "Điểm do xã đánh giá", "UBND xã đánh giá", "Xã đánh giá", "Điểm đánh giá của UBND xã", "Điểm UBND phường tự đánh giá"])("%j alone is the self-score", (label) => {
    expect(header([label])).toBe(3);
  });

  it("the unit's column beside another level's, whichever comes first (commune set)", () => {
    expect(header(["Điểm UBND xã đánh giá", "Điểm UBND huyện đánh giá"])).toBe(3);
    expect(header(["Điểm UBND huyện đánh giá", "Điểm UBND xã đánh giá"])).toBe(4);
    expect(header(["Huyện đánh giá", "Xã tự đánh giá"])).toBe(4);
  });

  it("a district set reads its own level's column, not the province's", () => {
    const s = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Điểm UBND tỉnh đánh giá", "Điểm UBND huyện đánh giá", "Tài liệu kiểm chứng"], ["1.1", "Kế hoạch", 1, 1, 0.5, EV]]);
    expect(findHeader(s, 2024, 0, "district")!.columns.self).toBe(4);
    const snv = sheet([["STT", "Tiêu chí", "Điểm tối đa", "Điểm Sở Nội vụ đánh giá", "Điểm UBND huyện đánh giá", "Tài liệu kiểm chứng"], ["1.1", "Kế hoạch", 1, 1, 0.5, EV]]);
    expect(findHeader(snv, 2024, 0, "district")!.columns).toMatchObject({ self: 4, appraised: 3 });
  });

  it("scores the commune's column when the district's comes first", () => {
    const set = setOf([{ code: "1.1", title: "Ban hành kế hoạch", max: 1 }], { unitType: "commune" });
    const report = score(set, [["1.1", "Kế hoạch", 1, 0, 1, EV]], {}, ["STT", "Tiêu chí", "Điểm tối đa", "Điểm UBND huyện đánh giá", "Điểm UBND xã đánh giá", "Tài liệu kiểm chứng"]);
    expect(scores(report)).toMatchObject({ "1.1": 1 });
  });
});
