import { describe, expect, it } from "vitest";
import { demoSet, errorsOf, EXPECTED_TOTAL } from "./merged-header-helpers.ts";
import { columnsTable } from "./data-columns-helpers.ts";
import { findHeader, scoreWorkbook } from "../../shared/index.ts";

/**
 * Dossiers set aside — returned or refused ("Số hồ sơ (bị) trả lại", "… từ chối") — counted in a
 * column right after the total: that column had been read as the part done ("Tổng số" | "Số hồ
 * sơ bị trả lại": 1.1.2 at 3 of 20, 15 %, 0 points, nothing said), and an on-time column after
 * it had lost its total (DATA_MISSING on every ratio). The part counted is the column past them.
 */
const SET = demoSet("set-aside", "Bộ thử cột hồ sơ trả lại (minh họa)");

const item = (grid: ReturnType<typeof columnsTable>, code: string) => scoreWorkbook(grid, SET).items.find((i) => i.code === code)!;

describe("a column of dossiers set aside beside a total", () => {
  it("before the on-time column: read as when it stands after it, the on-time count over the total", () => {
    const after = columnsTable(["Tổng số hồ sơ", "Số hồ sơ đúng hạn", "Số hồ sơ trễ hạn", "Số hồ sơ trả lại"], (done, all) => [all + 3, done, all - done, 3]);
    const before = columnsTable(["Tổng số hồ sơ", "Số hồ sơ trả lại", "Số hồ sơ đúng hạn", "Số hồ sơ trễ hạn"], (done, all) => [all + 3, 3, done, all - done]);
    expect(findHeader(before.sheets[0]!, 2024)?.columns.data).toBe(5);
    expect(item(before, "1.1.2")).toMatchObject({ numerator: 18, denominator: 23 });
    expect(item(before, "1.1.2")).toMatchObject({ score: item(after, "1.1.2").score, percent: item(after, "1.1.2").percent });
    expect(errorsOf(scoreWorkbook(before, SET))).toEqual(errorsOf(scoreWorkbook(after, SET)));
  });

  it.each([["Số hồ sơ bị trả lại"], ["Số hồ sơ trả về"], ["Số hồ sơ từ chối tiếp nhận"], ["Số hồ sơ bị hủy"]])("%s between the total and the on-time count is passed over", (label) => {
    const grid = columnsTable(["Tổng số hồ sơ", label, "Số hồ sơ giải quyết đúng hạn"], (done, all) => [all, 1, done]);
    const report = scoreWorkbook(grid, SET);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
    expect(item(grid, "1.1.2")).toMatchObject({ score: 1.5, percent: 90, numerator: 18, denominator: 20 });
  });

  it("before a not-done column: the rest of the total, as that column alone is read", () => {
    const grid = columnsTable(["Tổng số hồ sơ", "Số hồ sơ bị trả lại", "Số hồ sơ chưa xử lý"], (done, all) => [all, 3, all - done]);
    const report = scoreWorkbook(grid, SET);
    expect(errorsOf(report)).toEqual([]);
    expect(report.total).toBe(EXPECTED_TOTAL);
    expect(item(grid, "1.1.2")).toMatchObject({ score: 1.5, percent: 90 });
  });

  it("alone after the total it is no part done: the rows say the figure is missing, never 3 of 20", () => {
    const grid = columnsTable(["Tổng số hồ sơ", "Số hồ sơ bị trả lại"], (_, all) => [all, 3]);
    expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBeUndefined();
    const report = scoreWorkbook(grid, SET);
    expect(errorsOf(report)).toEqual(expect.arrayContaining([expect.stringMatching(/^DATA_MISSING 1\.1\.2 /), expect.stringMatching(/^DATA_MISSING 2\.2\.2 /)]));
    expect(item(grid, "1.1.2").percent).toBeUndefined();
  });

  it("what was done stays the part done: results handed back, not dossiers handed back", () => {
    for (const label of ["Số hồ sơ đã trả kết quả", "Số hồ sơ trả lại kết quả", "Số hồ sơ không bị trả lại"]) {
      const grid = columnsTable(["Tổng số hồ sơ", label], (done, all) => [all, done]);
      expect(findHeader(grid.sheets[0]!, 2024)?.columns.data).toBe(4);
      expect(item(grid, "1.1.2")).toMatchObject({ score: 1.5, percent: 90 });
    }
  });
});
