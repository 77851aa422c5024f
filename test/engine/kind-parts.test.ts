import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet, merge, TOP } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * A total split into kinds (03/12/2026, sixth session): "Tổng số" | "Nam" | "Nữ", "Tổng số" |
 * "Cán bộ" | "Công chức", "Tổng số xã" | "Loại 1" | "Loại 2" | "Loại 3" — parts adding up to the
 * total, none of them what a criterion asks for (online, digitised, achieved, done, on time…).
 * Under a group or data label the first kind had been read as the part whatever it named (2 of
 * 20 men, 10 %, for any ratio criterion), and a title naming a kind as what it counts ("Tỷ lệ cán
 * bộ, công chức được đào tạo") read that kind's count (10 %), each with nothing said. Such rows
 * now say their figures are missing; a part naming what is asked is read as before.
 */
const WOMEN = "Tỷ lệ cán bộ nữ trong tổng số cán bộ";
const TRAINED = "Tỷ lệ cán bộ, công chức được đào tạo, bồi dưỡng";
const setOf = (title?: string) => demoSet("kind-parts", "Bộ thử các loại cộng đủ tổng (minh họa)", title ? { "1.1.2": title, "2.2.2": title } : {});
const read = (group: string, labels: string[], cells: (d: number, a: number) => number[], title?: string) => {
  const sheet = group ? columnsTable([group, ...labels.slice(1).map(() => "")], cells, labels, [merge(TOP, 3, TOP, 3 + labels.length - 1)]) : columnsTable(labels, cells);
  const report = scoreWorkbook(sheet, setOf(title));
  return ["1.1.2", "2.2.2"].map((c) => report.items.find((i) => i.code === c)?.percent);
};
const split = (d: number, a: number) => [a, a - d, d];

describe("a total split into kinds", () => {
  it.each([
    ["Số liệu kê khai", ["Tổng số", "Nam", "Nữ"], split, undefined],
    ["Số liệu kê khai", ["Tổng số", "Nam", "Nữ"], split, WOMEN],
    ["Cán bộ, công chức", ["Tổng số", "Nam", "Nữ"], split, undefined],
    ["Cán bộ, công chức", ["Tổng số", "Nữ", "Nam"], (d: number, a: number) => [a, d, a - d], undefined],
    ["Số liệu kê khai", ["Tổng số xã", "Loại 1", "Loại 2", "Loại 3"], (d: number, a: number) => [a, d, a - d - 1, 1], undefined],
    ["", ["Tổng số", "Cán bộ", "Công chức"], split, TRAINED],
    ["Số liệu kê khai", ["Tổng số", "Cán bộ", "Công chức"], split, TRAINED],
    ["Cán bộ, công chức", ["Tổng số", "Cán bộ", "Công chức"], split, TRAINED],
  ] as const)("%s over %j (%s, title %s): no kind is read as the part, the figure is missing", (group, labels, cells, title) => {
    expect(read(group, [...labels], cells, title)).toEqual([undefined, undefined]);
  });

  it("a part naming what is asked is read as before, under a group label or by its title", () => {
    expect(read("Thủ tục hành chính", ["Tổng số", "Trực tuyến toàn trình", "Một phần"], (d, a) => [a, d, a - d])).toEqual([90, 98]);
    expect(read("Số liệu kê khai", ["Tổng số cán bộ", "Cán bộ nữ"], (d, a) => [a, d])).toEqual([90, 98]);
    expect(read("", ["Tổng số", "Đã đào tạo", "Chưa đào tạo"], (d, a) => [a, d, a - d], TRAINED)).toEqual([90, 98]);
  });

  it("under 'Trong đó' too: kinds adding up to the total are no part, a part naming what is asked still is", () => {
    // "Tổng số" over two rows, "Trong đó" over the two sub-columns.
    const inWhich = (subs: [string, string], cells: (d: number, a: number) => number[]) => {
      const report = scoreWorkbook(columnsTable(["Tổng số", "Trong đó", ""], cells, ["", ...subs], [merge(TOP, 3, TOP + 1, 3), merge(TOP, 4, TOP, 5)]), setOf());
      return ["1.1.2", "2.2.2"].map((c) => report.items.find((i) => i.code === c)?.percent);
    };
    expect(inWhich(["Nam", "Nữ"], (d, a) => [a, a - d, d])).toEqual([undefined, undefined]);
    expect(inWhich(["Cán bộ", "Công chức"], (d, a) => [a, d, a - d])).toEqual([undefined, undefined]);
    expect(inWhich(["Đạt", "Không đạt"], (d, a) => [a, d, a - d])).toEqual([90, 98]);
    expect(inWhich(["Mức độ toàn trình", "Một phần"], (d, a) => [a, d, a - d])).toEqual([90, 98]);
  });
});
