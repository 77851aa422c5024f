import { describe, expect, it } from "vitest";
import { columnsTable } from "./data-columns-helpers.ts";
import { demoSet, merge, TOP } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * A data column labelled as the rate itself, "TH/KH (%)", beside the plan under a year or result
 * label: "Năm 2024" over "Đạt" | "Kế hoạch" | "TH/KH (%)" had read its 90 over the plan's 20 as
 * 90/20, 450 %, full points, nothing said (14 of 2,240 plan-and-result layouts, 03/12/2026). Such a
 * column is read as written.
 */
const SET = demoSet("rate-labelled", "Bộ thử cột TH/KH (minh họa)");

describe("'TH/KH (%)' is the rate, never a count over the plan beside it", () => {
  it.each([
    ["Năm 2024", "TH/KH (%)"],
    ["Kết quả", "TH/KH (%)"],
    ["Năm 2024", "Thực hiện/Kế hoạch"],
  ])("%s over 'Đạt' | 'Kế hoạch' | '%s'", (group, rate) => {
    const sheet = columnsTable([group, "", ""], (d, a) => [d, a, Math.round((d / a) * 10000) / 100], ["Đạt", "Kế hoạch", rate], [merge(TOP, 3, TOP, 5)]);
    const report = scoreWorkbook(sheet, SET);
    expect(report.items.find((i) => i.code === "1.1.2")).toMatchObject({ percent: 90, score: 1.5 });
    expect(report.items.find((i) => i.code === "2.2.2")).toMatchObject({ percent: 98, score: 1 });
  });
});
