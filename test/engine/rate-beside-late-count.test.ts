import { describe, expect, it } from "vitest";
import { demoSet, errorsOf, EXPECTED_TOTAL } from "./merged-header-helpers.ts";
import { columnsTable } from "./data-columns-helpers.ts";
import { findHeader, scoreWorkbook } from "../../shared/index.ts";

/**
 * A one-stop shop's statistics put a bare "Tỷ lệ (%)" after each count: "Tổng số hồ sơ" | "Trễ
 * hạn" | "Tỷ lệ (%)" | "Đúng hạn" | "Tỷ lệ (%)". The engine reads the first rate column, and there
 * it is the late share: 10 had been read as 10 % on time (0 points, nothing said). Whether a bare
 * rate right after the late count is that count's share or the rate asked for, its label does not
 * say; the row's own counts do.
 */
const SET = demoSet("rate-beside-late", "Bộ thử tỷ lệ cạnh số trễ hạn (minh họa)");
const pct = (a: number, b: number) => Math.round((100 * a) / b);

const table = (labels: string[], cells: (done: number, all: number) => (number | string)[]) => columnsTable(labels, cells);
const reads90 = (grid: ReturnType<typeof table>) => {
  const report = scoreWorkbook(grid, SET);
  expect(errorsOf(report)).toEqual([]);
  expect(report.total).toBe(EXPECTED_TOTAL);
  expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ score: 1.5, percent: 90 });
  return report;
};

describe("a bare rate column right after the late count", () => {
  it("holding the late share (10 beside 2 of 20): the rate asked for is its rest, and the item says so", () => {
    const grid = table(["Tổng số hồ sơ", "Trễ hạn", "Tỷ lệ (%)", "Đúng hạn", "Tỷ lệ (%)"], (d, a) => [a, a - d, pct(a - d, a), d, pct(d, a)]);
    expect(findHeader(grid.sheets[0]!, 2024)?.rateBesideNotDone).toBe(true);
    expect(reads90(grid).items.find((i) => i.code === "1.1.2")?.dataRest).toBe(true);
  });

  it("alone after the late count, holding its share: the same", () => {
    reads90(table(["Tổng số hồ sơ", "Số hồ sơ trễ hạn", "%"], (d, a) => [a, a - d, pct(a - d, a)]));
  });

  it("holding the rate asked for (90 beside 2 of 20): read as written", () => {
    const report = reads90(table(["Tổng số hồ sơ", "Trễ hạn", "Tỷ lệ (%)"], (d, a) => [a, a - d, pct(d, a)]));
    expect(report.items.find((i) => i.code === "1.1.2")?.dataRest).toBeUndefined();
  });

  it("a rate that is neither share of the counts is read as written, as any rate column (the unit's figure)", () => {
    const report = scoreWorkbook(table(["Tổng số hồ sơ", "Trễ hạn", "Tỷ lệ (%)"], (d, a) => [a, a - d, 50]), SET);
    expect(report.items.find((i) => i.code === "1.1.2")?.percent).toBe(50);
  });

  it("a rate labelled for what it gives is never turned by the counts: 'Tỷ lệ đúng hạn (%)' after 'Trễ hạn'", () => {
    const grid = table(["Tổng số hồ sơ", "Trễ hạn", "Tỷ lệ đúng hạn (%)"], (d, a) => [a, a - d, pct(a - d, a)]);
    expect(findHeader(grid.sheets[0]!, 2024)?.rateBesideNotDone).toBeUndefined();
    expect(scoreWorkbook(grid, SET).items.find((i) => i.code === "1.1.2")?.percent).toBe(10);
  });

  it("after the on-time count a bare rate is that count's: unchanged", () => {
    const grid = table(["Tổng số hồ sơ", "Đúng hạn", "Tỷ lệ (%)", "Trễ hạn", "Tỷ lệ (%)"], (d, a) => [a, d, pct(d, a), a - d, pct(a - d, a)]);
    expect(findHeader(grid.sheets[0]!, 2024)?.rateBesideNotDone).toBeUndefined();
    reads90(grid);
  });
});
