/**
 * Round-17 red-team findings on the declared-data columns (rt-wb17). WB17-5: a column of what was
 * not done after "Tổng số" ("Số chưa đạt", "Số không đạt", "Chưa hoàn thành") was read as what
 * was done — 2/28, 10/1000: a commune at 67,39 % Khá became 47,94 % Yếu with nothing said; the
 * not-done column is the rest of the total, done = total − not done. WB17-9: a flat plan |
 * result pair whose result says "Số", "Đã" or "Số đã" ("Kế hoạch | Số thực hiện", "Số phải thực
 * hiện | Số đã thực hiện"), the result before the total ("Số thực hiện | Tổng số") and "Tổng số |
 * Trong đó: đạt" were no data column: every ratio DATA_MISSING, the unit told to copy its figures
 * into the notes.
 */
import { describe, it } from "vitest";
import { done, flat, notDone, readsDone, total, underGroup } from "./data-columns-helpers.ts";



describe("WB17-5: a not-done column after the total is the rest, done = total − not done", () => {
  it.each<[string, string]>([
    ["Tổng số", "Số chưa đạt"],
    ["Tổng số", "Số không đạt"],
    ["Tổng số", "Chưa hoàn thành"],
    ["Tổng số", "Số chưa hoàn thành"],
    ["Tổng số", "Số không hoàn thành"],
    ["Tổng số hồ sơ", "Số hồ sơ chưa đạt"],
    ["Tổng số", "Số trễ hạn"],
    ["Tổng số hồ sơ", "Số hồ sơ quá hạn"],
  ])("flat '%s' | '%s'", (a, b) => {
    readsDone(flat([a, b], [total, notDone]), 4);
  });

  it.each<[string, string]>([
    ["Tổng số", "Số chưa đạt"],
    ["Tổng số", "Chưa hoàn thành"],
    ["Tổng số", "Số không đạt"],
  ])("'Số liệu kê khai' over '%s' | '%s'", (a, b) => {
    readsDone(underGroup("Số liệu kê khai", [a, b], [total, notDone]), 4);
  });

  it("the done column is still what was done ('Tổng số' | 'Số đạt')", () => {
    readsDone(flat(["Tổng số", "Số đạt"], [total, done]), 4);
  });
});

describe("WB17-9: a flat plan | result pair, the result labelled 'Số', 'Đã' or 'Số đã', is plan | data", () => {
  it.each<[string, string]>([
    ["Kế hoạch", "Số thực hiện"],
    ["Kế hoạch", "Đã thực hiện"],
    ["Kế hoạch", "Số đã thực hiện"],
    ["Kế hoạch", "Số đã hoàn thành"],
    ["Số phải thực hiện", "Số đã thực hiện"],
    ["Số được giao", "Số đã thực hiện"],
    ["Số phải hoàn thành", "Số đã hoàn thành"],
  ])("flat '%s' | '%s'", (a, b) => {
    readsDone(flat([a, b], [total, done]), 4);
  });

  it("flat 'Số thực hiện' | 'Tổng số': the result before its total", () => {
    readsDone(flat(["Số thực hiện", "Tổng số"], [done, total]), 3);
  });

  it("flat 'Tổng số' | 'Trong đó: đạt': the part of the total", () => {
    readsDone(flat(["Tổng số", "Trong đó: đạt"], [total, done]), 4);
  });
});
