import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet, merge, TOP } from "./merged-header-helpers.ts";
import { findHeader, scoreWorkbook } from "../../shared/index.ts";

/**
 * "Số hóa" (digitised) folds to "so hoa", which reads like a count ("Số xã", "Số hồ sơ"): a
 * column so labelled had been a count of its own — "Tổng số TTHC" | "Số hóa" | "Chưa số hóa" read
 * 16/18 (88,89 %) for 18 of 20, and under "Số liệu kê khai" 20/18 (111 %), with nothing said
 * (93 of 6,480 layouts of online, digitised, signed and published counts, 03/12/2026). It is the
 * state of the things counted, never their count.
 */
const SET = demoSet("digitised", "Bộ thử cột số hóa (minh họa)");

describe("'Số hóa' is what was done to the things, not a count of them", () => {
  it.each([
    ["Tổng số TTHC", "Số hóa", "Chưa số hóa"],
    ["Tổng số hồ sơ", "Số hóa", "Chưa ký số"],
    ["Số TTHC thuộc thẩm quyền", "Số hóa", "Không công khai"],
  ])("%s | %s | %s, flat and under 'Số liệu kê khai': never a figure other than 18 of 20", (whole, part, other) => {
    const cells = (d: number, a: number) => [a, d, a - d];
    for (const sheet of [columnsTable([whole, part, other], cells), columnsTable(["Số liệu kê khai", "", ""], cells, [whole, part, other], [merge(TOP, 3, TOP, 5)])]) {
      const report = scoreWorkbook(sheet, SET);
      for (const [code, percent] of [["1.1.2", 90], ["2.2.2", 98]] as const) {
        const read = report.items.find((i) => i.code === code)?.percent;
        expect(read === undefined || read === percent, `${code}: ${read}`).toBe(true);
      }
    }
  });

  it("'Số hồ sơ đã số hóa' after a total is still the part counted", () => {
    expect(findHeader(columnsTable(["Tổng số hồ sơ", "Số hồ sơ đã số hóa"], (d, a) => [a, d]).sheets[0]!, 2024)).toMatchObject({ columns: { data: 4 }, denominator: 3 });
  });
});
