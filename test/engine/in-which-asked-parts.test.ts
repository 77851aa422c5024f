import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet, merge, TOP } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * "Tổng số" | "Trong đó" over two kinds that do not add up to it (03/12/2026, seventh session):
 * "Nữ" | "Dân tộc thiểu số", "Đảng viên" | "Nữ", "Qua dịch vụ BCCI" | "Trực tuyến". The first had
 * been read as the part for any ratio criterion — 18 women of 20, 90 %, nothing said. A sub-column
 * of "Trong đó" is the part only where it names what a criterion asks for ("Đạt", "Đúng hạn",
 * "Trực tuyến", "Số hóa", "Mức độ toàn trình"); other kinds say the figure is missing.
 */
const SET = demoSet("in-which", "Bộ thử cột trong đó (minh họa)");
const read = (subs: [string, string]) => {
  const g = columnsTable(["Tổng số", "Trong đó", ""], (d, a) => [a, d, 1], ["", ...subs], [merge(TOP, 3, TOP + 1, 3), merge(TOP, 4, TOP, 5)]);
  const report = scoreWorkbook(g, SET);
  return ["1.1.2", "2.2.2"].map((c) => report.items.find((i) => i.code === c)?.percent);
};

describe("a part under 'Trong đó' names what is asked", () => {
  it.each([
    ["Nữ", "Dân tộc thiểu số"],
    ["Đảng viên", "Nữ"],
    ["Nam", "Nữ"],
    ["Cấp tỉnh", "Cấp huyện"],
    ["Qua dịch vụ BCCI", "Trực tuyến"],
  ] as [string, string][])("%s | %s: no part read, the figure said missing", (...subs) => {
    expect(read(subs)).toEqual([undefined, undefined]);
  });

  it.each([
    ["Đạt", "Không đạt"],
    ["Đúng hạn", "Trễ hạn"],
    ["Trực tuyến", "Trực tiếp"],
    ["Số hóa", "Chưa số hóa"],
    ["Mức độ toàn trình", "Một phần"],
    ["Văn bản điện tử", "Văn bản giấy"],
  ] as [string, string][])("%s | %s: the first is the part, 18/20 and 98/100", (...subs) => {
    expect(read(subs)).toEqual([90, 98]);
  });
});
