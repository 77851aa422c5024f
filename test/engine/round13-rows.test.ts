/**
 * Round-13 red-team finding WB13-8: a scored row inserted without a code ("Tổ chức hội nghị sơ kết
 * CCHC 6 tháng", max 1, evidence, self-score 1, its STT cell empty) was dropped with no finding,
 * while the same row coded "1.4a" was UNKNOWN_CRITERION. The score stays right; the unit is now
 * told its point was not counted. Rows without a code that are everyday and legitimate — option
 * lines, bullets, parts adding up to the criterion above, breakdowns, notes, evidence rows — say
 * nothing new.
 */
import { describe, expect, it } from "vitest";
import { EV, EXPECTED_TOTAL, ROWS, demoSet, sheetOf, TOP, type Row, type Value } from "./merged-header-helpers.ts";
import { scoreWorkbook, type Report } from "../../shared/index.ts";

const HEADER: Value[] = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];
const line = (x: Row): Value[] => [x.code, x.title, x.max, x.counts ? `${x.counts[0]}/${x.counts[1]}` : "", x.leaf ? EV : "", x.self ?? "", ""];
/** The demo table with `extra` rows right after the row of `after` (a code; "" for after the last row), and the self-scores changed by `self`. */
function table(after: string, extra: Value[][], self: Record<string, Value> = {}) {
  const rows: Value[][] = [HEADER];
  for (const x of ROWS) {
    rows.push(line(x.code in self ? { ...x, self: self[x.code] as number } : x));
    if (x.code === after) rows.push(...extra);
  }
  if (after === "") rows.push(...extra);
  return sheetOf(rows, []);
}
/** Sheet row (1-based, as Excel shows it) of the `n`-th extra row inserted after `after`. */
const excelRowAfter = (after: string, n = 0) => TOP + 1 + ROWS.findIndex((x) => x.code === after) + 1 + n + 1;
const scoreOf = (grid: ReturnType<typeof table>) => scoreWorkbook(grid, demoSet("round13-rows", "Bộ thử dòng không mã (minh họa)"));
const unknown = (report: Report) => report.findings.filter((f) => f.code === "UNKNOWN_CRITERION");
const INSERTED: Value[] = ["", "Tổ chức hội nghị sơ kết CCHC 6 tháng", 1, "", "Báo cáo số 50/BC-UBND ngày 01/07/2024", 1, ""];
const BASELINE = scoreOf(table("", []));

describe("WB13-8: a scored row without a code between criteria is said, its point not counted", () => {
  it.each(["1.2", "2.1", "1.1.1", "2.2.1"])("inserted after %s: UNKNOWN_CRITERION at its empty code cell, the score unchanged", (after) => {
    const report = scoreOf(table(after, [INSERTED]));
    expect(report.total).toBe(EXPECTED_TOTAL);
    const found = unknown(report);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "warning", cell: `TĐG!A${excelRowAfter(after)}` });
    expect(found[0]!.criterion).toBeUndefined();
    expect(found[0]!.message).toContain('"Tổ chức hội nghị sơ kết CCHC 6 tháng"');
    expect(found[0]!.message).toContain("không có mã tiêu chí");
    expect(found[0]!.message).toContain("không được tính");
    expect(report.findings.filter((f) => f.code !== "UNKNOWN_CRITERION")).toEqual(BASELINE.findings);
  });

  it("said in English too", () => {
    const report = scoreWorkbook(table("1.2", [INSERTED]), demoSet("round13-rows", "Bộ thử"), { locale: "en" });
    expect(unknown(report)[0]!.message).toContain("no criterion code");
    expect(unknown(report)[0]!.message).toContain("not counted");
  });

  it("a score of 0,5 is shown with the decimal comma", () => {
    const report = scoreOf(table("1.2", [["", "Tổ chức hội nghị sơ kết CCHC 6 tháng", 1, "", EV, 0.5, ""]]));
    expect(unknown(report)[0]!.message).toContain("0,5");
  });

  it("two rows inserted whose points do not add up to the criterion above's: each is said", () => {
    const second: Value[] = ["", "Tổ chức tọa đàm về chuyển đổi số", 0.5, "", EV, 0.5, ""];
    expect(unknown(scoreOf(table("1.2", [INSERTED, second]))).map((f) => f.cell)).toEqual([`TĐG!A${excelRowAfter("1.2")}`, `TĐG!A${excelRowAfter("1.2", 1)}`]);
  });
});

describe("rows without a code that are not criteria say nothing new", () => {
  it.each<[string, string, Value[][], Record<string, Value>?]>([
    ["option lines under a blank leaf", "1.2", [["", "Báo cáo đầy đủ, đúng hạn", 2, "", "", 2, ""], ["", "Báo cáo chậm", 1, "", "", "", ""]], { "1.2": "" }],
    ["option lines stating their points under a scored leaf", "1.2", [["", "Đầy đủ, đúng hạn: 2 điểm", "", "", "", 2, ""], ["", "Chậm: 1 điểm", "", "", "", "", ""]]],
    ["a bulleted line with its points", "1.2", [["", "- Tổ chức hội nghị sơ kết", 1, "", EV, 1, ""]]],
    ["lettered lines", "2.1", [["", "a) Niêm yết tại trụ sở", 1, "", EV, 1, ""], ["", "b) Niêm yết trên cổng thông tin", 1, "", EV, 1, ""]]],
    ["parts adding up to the criterion above (max)", "2.1", [["", "Niêm yết tại trụ sở", 1, "", EV, 1, ""], ["", "Niêm yết trên cổng thông tin", 1, "", EV, 0.5, ""]]],
    ["the option reached repeating the criterion's score", "1.2", [["", "Báo cáo đầy đủ, đúng hạn", "", "", "", 2, ""]]],
    ["the option reached repeating the criterion's max and score, no evidence of its own", "1.2", [["", "Báo cáo đầy đủ, đúng hạn", 2, "", "", 2, ""]]],
    ["parts adding up to the criterion above (scores)", "1.2", [["", "Báo cáo quý", 1.5, "", EV, 1, ""], ["", "Báo cáo năm", 1.5, "", EV, 1, ""]]],
    ["a breakdown by commune (data only)", "1.1.2", [["", "Thôn 1", "", "9/10", "", "", ""], ["", "Thôn 2", "", "9/10", "", "", ""]]],
    ["a note inside the table", "1.2", [["", "Ghi chú: điểm 1.2 tính theo số báo cáo", "", "", "", 1, ""]]],
    ["an evidence row (no title)", "1.2", [["", "", "", "", "Báo cáo số 50/BC-UBND ngày 01/07/2024", "", ""]]],
    ["a title and a max but no score", "1.2", [["", "Tổ chức hội nghị sơ kết CCHC 6 tháng", 1, "", EV, "", ""]]],
    ["a title and a score but neither a max nor evidence", "1.2", [["", "Đã thực hiện", "", "", "", 1, ""]]],
    ["a scored row after the last criterion (not between criteria)", "", [INSERTED]],
  ])("%s", (_what, after, extra, self) => {
    const report = scoreOf(table(after, extra, self));
    expect(unknown(report)).toEqual([]);
  });
});
