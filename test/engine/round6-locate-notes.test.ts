import { describe, expect, it } from "vitest";
import { findHeader, readTableRows } from "../../shared/locate-table.ts";
import type { GridSheet } from "../../shared/grid.ts";
import { EV, codes, row, score, scores, setOf } from "./v2-helpers.ts";

/**
 * Lines inside a table that read like its end — an explanatory "Ghi chú:" between criteria, an
 * evidence line dated in words, an option line naming the chairman — found by an outside tester's
 * sixth round: each ended the table, and every criterion below it was MISSING_CRITERION. A
 * civil servant reads on while criteria with points follow; the table's real end still ends it.
 */
type V = string | number | null;
const sheet = (rows: V[][], merges: GridSheet["merges"] = []): GridSheet => ({ name: "S", rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))), merges });
const HEADER: V[] = ["STT", "Tiêu chí", "Điểm tối đa", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ghi chú"];
const codesRead = (rows: V[][], merges: GridSheet["merges"] = []) => {
  const s = sheet(rows, merges);
  return readTableRows(s, findHeader(s)!).flatMap((r) => (r.code ? [r.code] : []));
};

describe("an explanatory line inside the table", () => {
  it.each([
    [[null, "Ghi chú: Tỷ lệ = số nhiệm vụ hoàn thành/tổng số nhiệm vụ trong kế hoạch x 100%"]],
    [[null, "(*) Ghi chú: số liệu lấy trên Hệ thống thông tin giải quyết TTHC tỉnh"]],
    [[null, "Lưu ý: Xã không có kế hoạch sắp xếp thôn thì không chấm tiêu chí này"]],
    [[null, "Chú thích: Quyết định công nhận xã đạt chuẩn tiếp cận pháp luật năm 2024 của Chủ tịch UBND huyện"]],
    [["Ghi chú:", "Xã đạt chuẩn tiếp cận pháp luật theo Quyết định của Chủ tịch UBND huyện"]],
    [[null, null, null, null, null, "Lưu ý: sổ theo dõi truyền thanh lưu tại bộ phận văn hóa"]],
  ])("%j between criteria does not end it", (line) => {
    expect(codesRead([HEADER, ["1", "Chỉ đạo", 2, 2], ["1.1", "Kế hoạch", 1, 1, EV], line, ["1.2", "Báo cáo", 1, 1, EV], ["2", "Thể chế", 1, 1], ["2.1", "Văn bản", 1, 1, EV], [null, "TỔNG CỘNG", 3, 3]])).toEqual(["1", "1.1", "1.2", "2", "2.1"]);
  });

  it.each([
    "- Ban hành trước ngày 31 tháng 01 năm 2024",
    "Chủ tịch UBND xã trực tiếp đối thoại: 3 điểm",
    "Giám đốc Sở trực tiếp chủ trì đối thoại: 2 điểm",
    "Thủ trưởng đơn vị trực tiếp chỉ đạo, có đánh giá: 2 điểm",
  ])("an option line %j under a criterion is part of it", (option) => {
    const rows: V[][] = [HEADER, ["1", "Chỉ đạo", 2, 2], ["1.1", "Đối thoại với Nhân dân", 1, 1, EV], [null, option], [null, "Không tổ chức: 0 điểm"], ["1.2", "Báo cáo", 1, 1, EV], [null, "TỔNG CỘNG", 2, 2]];
    expect(codesRead(rows)).toEqual(["1", "1.1", "1.2"]);
  });

  it("an instruction line right under the header, merged across it, is not the table's end", () => {
    for (const line of ["Lưu ý: Đơn vị chỉ nhập số liệu vào các ô màu vàng; tài liệu kiểm chứng ghi rõ số, ký hiệu, ngày ban hành", "Ghi chú: cột (4) đơn vị tự chấm, cột (5) do Hội đồng thẩm định chấm"]) {
      const rows: V[][] = [HEADER, [line], ["1", "Chỉ đạo", 2, 2], ["1.1", "Kế hoạch", 2, 2, EV], [null, "TỔNG CỘNG", 2, 2]];
      const merges = [{ s: { r: 1, c: 0 }, e: { r: 1, c: 5 } }];
      expect(findHeader(sheet(rows, merges))!.columns).toMatchObject({ code: 0, title: 1, max: 2, self: 3, evidence: 4, note: 5 });
      expect(codesRead(rows, merges)).toEqual(["1", "1.1"]);
    }
  });
});

describe("an evidence line dated in words ('ngày 22 tháng 01 năm 2024')", () => {
  const set = setOf([
    { code: "1.1", title: "Ban hành kế hoạch", max: 1, evidence: { required: true } },
    { code: "1.2", title: "Báo cáo định kỳ", max: 1, evidence: { required: true } },
  ]);

  it("is the criterion's evidence, and the criteria below it are read", () => {
    const report = score(set, [
      row("1", { max: 2 }),
      row("1.1", { max: 1, self: 1, evidence: EV }),
      [null, null, null, null, null, "Kế hoạch số 08/KH-UBND ngày 22 tháng 01 năm 2024", null],
      row("1.2", { max: 1, self: 1, evidence: EV }),
    ]);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(2);
  });

  it("is the only evidence of the last criterion, right above the totals line", () => {
    const report = score(set, [
      row("1", { max: 2 }),
      row("1.1", { max: 1, self: 1, evidence: EV }),
      row("1.2", { max: 1, self: 1 }),
      [null, null, null, null, null, "Báo cáo số 45/BC-UBND ngày 15 tháng 12 năm 2024", null],
      [null, "Tổng cộng", 2, null, 2, null, null],
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 1, "1.2": 1 });
  });
});

describe("the table's real end still ends it", () => {
  it("notes below the table, numbered, then a signature block", () => {
    expect(
      codesRead([
        HEADER,
        ["1", "Chỉ đạo", 2, 2],
        ["1.1", "Kế hoạch", 2, 2, EV],
        ["Ghi chú:"],
        ["1. Số liệu tính đến ngày 15/12/2024."],
        ["2. Điểm khảo sát do Sở Nội vụ tổng hợp."],
        [null, null, "NGƯỜI LẬP BIỂU", null, "CHỦ TỊCH UBND XÃ"],
        ["3", "Danh mục văn bản kèm theo", 1, null],
      ]),
    ).toEqual(["1", "1.1"]);
  });

  it.each(["Ghi chú: số liệu tính đến 15/12/2024", "Người lập biểu", "THỦ TRƯỞNG ĐƠN VỊ", "An Phú, ngày 10 tháng 01 năm 2025"])("%j with no criterion with points below it", (marker) => {
    expect(codesRead([HEADER, ["1", "Chỉ đạo", 1, 1], [null, marker], ["2", "Nguyễn Văn A", null, null], [null, "Trần Thị B"]])).toEqual(["1"]);
  });

  it("a signature block, then last year's table a few rows below, stays two tables", () => {
    expect(
      codesRead([
        HEADER,
        ["1", "Chỉ đạo", 1, 1],
        ["1.1", "Kế hoạch", 1, 1, EV],
        [null, null, "NGƯỜI LẬP BIỂU", null, "CHỦ TỊCH UBND XÃ"],
        [],
        HEADER,
        ["1", "Chỉ đạo", 1, 1],
        ["1.2", "Báo cáo", 1, 1, EV],
      ]),
    ).toEqual(["1", "1.1"]);
  });
});
