import { describe, expect, it } from "vitest";
import { demoSet, EV, ROWS, sheetOf, type Value } from "./merged-header-helpers.ts";
import { scoreWorkbook } from "../../shared/index.ts";

/**
 * A rate typed in a ratio criterion's score cell, no data column holding one (03/12/2026, seventh
 * session): "90%", 0,9 shown as 90 %, "18/20" over a max of 3. The unit's declared data in the wrong
 * column — a ratio leaf needs no self-score, and no score is written with a percent sign. It had
 * been DATA_MISSING, 0 points; now read, the score computed from it, nothing said. Points remain
 * points: "1,5" is a self-score and the data is still asked for; "3/3" is 3 points over the max.
 */
const scored = (self: Value, data = "") => {
  const rows = [
    ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
    ...ROWS.map((x) => [x.code, x.title, x.max, x.code === "1.1.2" ? data : x.counts ? `${x.counts[0]}/${x.counts[1]}` : "", x.leaf ? EV : "", x.code === "1.1.2" ? self : x.counts ? "" : (x.self ?? ""), ""]),
  ];
  const report = scoreWorkbook(sheetOf(rows, []), demoSet("rate-in-score", "Bộ thử tỷ lệ ở cột điểm (minh họa)"));
  const item = report.items.find((i) => i.code === "1.1.2")!;
  return { score: item.score, percent: item.percent, said: report.findings.filter((f) => f.criterion === "1.1.2").map((f) => f.code) };
};

describe("a rate in the score cell", () => {
  it.each<[string, Value]>([
    ["90%", "90%"],
    ["0,9 shown as 90 %", { v: 0.9, z: "0%" }],
    ["18/20 over a max of 3", "18/20"],
  ])("%s is the data: 90 %, 1,5 of 3, nothing said", (_, self) => {
    expect(scored(self)).toEqual({ score: 1.5, percent: 90, said: [] });
  });

  it("points stay points, and a data cell's own reading wins", () => {
    expect(scored("1,5")).toMatchObject({ score: 0, said: ["DATA_MISSING"] });
    expect(scored("90%", "19/20")).toMatchObject({ percent: 95, said: ["RATIO_SCORE_MISMATCH"] });
    expect(scored("90%", "chưa có")).toMatchObject({ score: 0, said: ["DATA_MISSING"] });
  });
});
