/**
 * A score group over sub-columns that only name who scored — "Điểm chấm" over "Huyện" | "Xã",
 * "Điểm" over "UBND huyện" | "UBND xã", "Cấp huyện" | "Cấp xã", "Phòng Nội vụ" | "Đơn vị",
 * "Điểm đạt" over "Hội đồng" | "Xã" — in either order: the set's own level's column is the
 * self-score (a commune's set: "Xã", "Đơn vị"), the other the appraisal. The district's column
 * had been scored (37 of 78 on a whole workbook), or, with "Hội đồng", the title column.
 */
import { describe, expect, it } from "vitest";
import { scoreWorkbook } from "../../shared/index.ts";
import { demoSet, EV, merge, ROWS, sheetOf, TOP, type Value } from "./merged-header-helpers.ts";

const set = demoSet("level-named", "Cột điểm theo cấp");

/** The unit's own score beside the district's, which took half of every leaf's points. */
function grid(group: string, own: string, other: string, ownFirst: boolean) {
  const head: Value[] = ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", group, null];
  const sub: Value[] = [null, null, null, null, null, ownFirst ? own : other, ownFirst ? other : own];
  const rows = ROWS.map((r): Value[] => {
    const data = r.counts ? `${r.counts[0]}/${r.counts[1]}` : "";
    const scores: Value[] = r.leaf ? [r.self ?? "", r.max / 2] : ["", ""];
    return [r.code, r.title, r.max, data, r.leaf ? EV : "", ...(ownFirst ? scores : scores.reverse())];
  });
  const merges = [merge(TOP, 5, TOP, 6), ...[0, 1, 2, 3, 4].map((c) => merge(TOP, c, TOP + 1, c))];
  return sheetOf([head, sub, ...rows], merges);
}

describe("score columns named by level under one group", () => {
  it.each([
    ["Điểm chấm", "Xã", "Huyện"],
    ["Điểm", "UBND xã", "UBND huyện"],
    ["Điểm", "Cấp xã", "Cấp huyện"],
    ["Điểm", "Đơn vị", "Phòng Nội vụ"],
    ["Điểm đạt", "Xã", "Hội đồng"],
    ["Kết quả chấm điểm", "Xã", "Huyện"],
  ])("%s over %s | %s, in either order: the commune's own column is scored", (group, own, other) => {
    for (const ownFirst of [true, false]) {
      const report = scoreWorkbook(grid(group, own, other, ownFirst), set);
      const self = report.items.find((i) => i.code === "1.2")!;
      expect([ownFirst, report.total, self.self, self.cell]).toEqual([ownFirst, 8.5, 2, `TĐG!${ownFirst ? "F" : "G"}${TOP + 7}`]);
    }
  });
});
