import { describe, expect, it } from "vitest";
import { countLayout, countLayoutTable, type CountLayout } from "./data-columns-helpers.ts";
import { demoSet } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * A plan's tasks as offices count them (03/12/2026): a whole ("Tổng số nhiệm vụ", "Nhiệm vụ được
 * giao", "Kế hoạch", "Số nhiệm vụ" …), what was done, what was not (or nothing), each with its
 * bare share or not, flat or under a group label — 2,352 layouts, every 8th kept here (294).
 * With the engine of the session's start (7d8b5ba) none was read wrong and 330 said their figures
 * were missing: "Nhiệm vụ được giao" was no whole, "Số nhiệm vụ" | "Số hoàn thành" no data, and
 * under a label naming what is counted ("Nhiệm vụ" over "Kế hoạch" | "Hoàn thành") no pair was
 * read. Now 12 still say so, both counts under a data label ("Số liệu kê khai" over "Số nhiệm vụ"
 * | "Số hoàn thành": the whole left unsaid, as "Số lượng" | "Đạt" there), none here — but for the
 * criterion whose title names the part ("Tỷ lệ hoàn thành nhiệm vụ": "hoàn thành"), which reads
 * it over its whole as a lone part (partWithin, shared/locate-table.ts; sixth session of 03/12).
 */
const SET = demoSet("task-counts", "Bộ thử bảng nhiệm vụ (minh họa)");

const GROUPS = ["", "Số liệu kê khai", "Kết quả thực hiện", "Nhiệm vụ"];
const WHOLES = ["Tổng số nhiệm vụ", "Số nhiệm vụ được giao", "Nhiệm vụ được giao", "Tổng số", "Kế hoạch", "Số nhiệm vụ", "Được giao"];
const DONES = ["Hoàn thành", "Đã hoàn thành", "Số nhiệm vụ hoàn thành", "Số hoàn thành", "Số nhiệm vụ đã hoàn thành", "Thực hiện", "Đã thực hiện"];
const NOT_DONES = ["", "Chưa hoàn thành", "Đang thực hiện", "Số nhiệm vụ chưa hoàn thành", "Chưa thực hiện", "Không hoàn thành"];

function layouts(): CountLayout[] {
  const out: CountLayout[] = [];
  for (const group of GROUPS)
    for (const shares of [false, true])
      for (const whole of WHOLES)
        for (const done of DONES)
          for (const notDone of NOT_DONES) out.push(countLayout(group, shares, whole, [[done, (d) => d], [notDone, (d, a) => a - d]]));
  return out;
}

describe("a plan's task counts", () => {
  it("every 8th of 2,352 layouts reads 18 of 20 tasks as 90 % and 98 of 100 as 98 %, or (both counts under a data label) says the figure is missing where no title names the part", () => {
    const all = layouts();
    expect(all).toHaveLength(2_352);
    const outcomes = all
      .filter((_, i) => i % 8 === 0)
      .map((layout) => {
        const { group, labels } = layout;
        const report = scoreWorkbook(countLayoutTable(layout), SET);
        const read = ["1.1.2", "2.2.2"].map((code) => report.items.find((i) => i.code === code)?.percent);
        const unsaidWhole = (group === "Số liệu kê khai" || group === "Kết quả thực hiện") && labels[0] === "Số nhiệm vụ" && labels[1] === "Số hoàn thành";
        const said = unsaidWhole && read[0] === 90 && read[1] === undefined;
        return read[0] === 90 && read[1] === 98 ? "read" : said ? "said" : `${group || "(flat)"} / ${labels.join(" | ")}: ${read.join(", ")}`;
      });
    expect(outcomes.filter((o) => o !== "read" && o !== "said")).toEqual([]);
    expect(outcomes.filter((o) => o === "read").length).toBeGreaterThan(280);
  });
});
