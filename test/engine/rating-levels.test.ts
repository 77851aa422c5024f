import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * The share of civil servants rated at or above a level, over data written as the rating levels'
 * counts (03/12/2026, seventh session; shared/rating-levels.ts). "HTXSNV: 5; HTTNV: 13; HTNV: 2;
 * KHTNV: 0" had said its figure was missing.
 */
const GOOD = "Tỷ lệ công chức được đánh giá, xếp loại hoàn thành tốt nhiệm vụ trở lên";
const read = (title: string, text: string) => {
  const report = scoreWorkbook(columnsTable(["Số liệu"], (_, a) => [a === 20 ? text : ""]), demoSet("rating", "Bộ thử xếp loại công chức (minh họa)", { "1.1.2": title }));
  const item = report.items.find((i) => i.code === "1.1.2");
  return item?.numerator === undefined ? item?.percent : `${item.numerator}/${item.denominator}`;
};

describe("rating levels counted", () => {
  it.each([
    [GOOD, "HTXSNV: 5; HTTNV: 13; HTNV: 2; KHTNV: 0", "18/20"],
    [GOOD, "Hoàn thành xuất sắc nhiệm vụ: 5 người; hoàn thành tốt nhiệm vụ: 13 người; hoàn thành nhiệm vụ: 2 người", "18/20"],
    [GOOD, "Tổng số 22 CBCC; HTXSNV 5, HTTNV 13, HTNV 2", "18/22"],
    ["Tỷ lệ CBCC hoàn thành nhiệm vụ trở lên", "HTXSNV: 5; HTTNV: 13; HTNV: 1; KHTNV: 1", "19/20"],
    ["Tỷ lệ CBCC được đánh giá hoàn thành xuất sắc nhiệm vụ", "HTXSNV: 5; HTTNV: 13; HTNV: 2", "5/20"],
  ])("%s — %s: %s", (title, text, read_) => {
    expect(read(title, text)).toBe(read_);
  });

  it("levels above the floor alone, a total below their sum, or a title naming no level: not read so", () => {
    expect(read(GOOD, "HTXSNV: 5; HTTNV: 13")).toBeUndefined();
    expect(read(GOOD, "Tổng số 15 CBCC; HTXSNV 5, HTTNV 13, HTNV 2")).toBeUndefined();
    expect(read("Tỷ lệ hoàn thành nhiệm vụ", "HTXSNV: 5; HTTNV: 13; HTNV: 2")).toBeUndefined();
    expect(read(GOOD, "18/20 CBCC (90%)")).toBe("18/20");
  });
});
