import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet, errorsOf } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * A year's column read as the data (the set's year, "Năm 2024") beside a total of figures
 * (03/12/2026, sixth session): "Tổng số" | "Năm 2023" | "Năm 2024" = 20 | 17 | 18, "Năm 2023" |
 * "Năm 2024" | "Cộng". Its bare figures are that year's counts, which the total adds up, and had
 * been read as percentages — 18 as 18 %, 0 points, nothing said. Now only its cells' own ratios
 * ("18/20", "90 %") are read, and a bare count says its figure is missing. With no total beside
 * it, a year's bare 95 is still 95 %.
 */
const SET = demoSet("year-counts", "Bộ thử cột năm bên cột tổng (minh họa)");
const read = (labels: string[], cells: (d: number, a: number) => (number | string)[]) => {
  const report = scoreWorkbook(columnsTable(labels, cells), SET);
  return { percents: ["1.1.2", "2.2.2"].map((c) => report.items.find((i) => i.code === c)?.percent), missing: errorsOf(report).filter((e) => e.startsWith("DATA_MISSING")).length };
};

describe("a year's column beside a total of figures", () => {
  it.each([
    [["Tổng số", "Năm 2023", "Năm 2024"], (d: number, a: number) => [a, d - 1, d]],
    [["Năm 2023", "Năm 2024", "Cộng"], (d: number, a: number) => [d - 1, d, a]],
    [["Năm 2022", "Năm 2023", "Năm 2024", "Tổng cộng"], (d: number, a: number) => [d - 2, d - 1, d, a]],
  ] as const)("%j: a bare count is no percentage, the figure is missing", (labels, cells) => {
    expect(read([...labels], cells)).toEqual({ percents: [undefined, undefined], missing: 2 });
  });

  it("its cells' own ratios are read: 18/20 and 98 %", () => {
    expect(read(["Tổng số", "Năm 2023", "Năm 2024"], (d, a) => [a, `${d - 1}/${a}`, a === 100 ? "98%" : `${d}/${a}`])).toEqual({ percents: [90, 98], missing: 0 });
  });

  it("with no total beside it, a year's bare figure is still its percentage", () => {
    expect(read(["Năm 2023", "Năm 2024"], (d) => [d - 1, d]).percents).toEqual([18, 98]);
  });
});
