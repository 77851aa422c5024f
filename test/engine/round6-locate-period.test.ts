import { describe, expect, it } from "vitest";
import { findHeader } from "../../shared/locate-table.ts";
import type { GridSheet } from "../../shared/grid.ts";

/**
 * A data column named with the assessed period, "Số liệu kê khai (tính từ 01/12/2023 đến
 * 30/11/2024)", found by an outside tester's sixth round: the year before the set's in it made it
 * last year's, so the description column beside it was read as the data (41 points of 78).
 * A period that ends in the set's year is this year's.
 */
const sheet = (header: string[]): GridSheet => ({
  name: "S",
  rows: [header.map((v) => ({ v })), [{ v: "1.1" }, { v: "Tỷ lệ hồ sơ đúng hạn" }, { v: 2 }, { v: "Đã thực hiện" }, { v: "95%" }, { v: 2 }]],
  merges: [],
});
const dataColumn = (label: string) => findHeader(sheet(["STT", "Tiêu chí", "Điểm tối đa", "Kết quả thực hiện", label, "Điểm tự đánh giá"]), 2024)!.columns.data;

describe("a data column naming the assessed period", () => {
  it.each([
    "Số liệu kê khai (tính từ 01/12/2023 đến 30/11/2024)",
    "Số liệu kê khai (từ 01/12/2023 - 30/11/2024)",
    "Số liệu kê khai (kỳ đánh giá 12/2023 - 11/2024)",
    "Số liệu kê khai năm 2024",
  ])("%j is this year's data", (label) => expect(dataColumn(label)).toBe(4));

  it.each(["Số liệu kê khai năm 2023", "Số liệu kê khai (từ 01/12/2022 đến 30/11/2023)", "Số liệu kê khai năm trước"])("%j is last year's: the other data column wins", (label) => {
    expect(dataColumn(label)).toBe(3);
  });
});
