/**
 * Round-15 red-team finding WB15-10 (a regression of round 14's WB14-9 fix): the topic rule kept
 * silent every uncoded scored row sharing a syllable pair with the leaf above ("hồ sơ", "trực
 * tuyến"), so a criterion the unit inserted — "Tỷ lệ hồ sơ TTHC được giải quyết trực tuyến toàn
 * trình" | 2 | 35% | its report | 2 under 6.1.3 — was no longer said, and with typed sums the unit
 * was sent to check a SUM formula that was right. A row with its own max, its own data and its own
 * evidence is a criterion of its own whatever words it shares; round 14's detail lines (no data of
 * their own) stay silent.
 */
import { describe, expect, it } from "vitest";
import { EV, ROWS, demoSet, sheetOf, TOP, type Row, type Value } from "./merged-header-helpers.ts";
import { scoreWorkbook, type Report } from "../../shared/index.ts";

const SET = demoSet("round15-uncoded", "Bộ thử dòng chèn thêm (minh họa)");
const HEADER: Value[] = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];
const line = (x: Row): Value[] => [x.code, x.title, x.max, x.counts ? `${x.counts[0]}/${x.counts[1]}` : "", x.leaf ? EV : "", x.self ?? "", ""];
/** The demo table with `extra` rows right after the row of `after`. */
function table(after: string, extra: Value[][]) {
  const rows: Value[][] = [HEADER];
  for (const r of ROWS.map(line)) {
    rows.push(r);
    if (r[0] === after) rows.push(...extra);
  }
  return sheetOf(rows, []);
}
const excelRowAfter = (after: string) => TOP + 1 + ROWS.findIndex((x) => x.code === after) + 1 + 1;
const unknown = (report: Report) => report.findings.filter((f) => f.code === "UNKNOWN_CRITERION");
const REPORT = "Báo cáo số 320/BC-UBND ngày 20/12/2024";

describe("WB15-10: an inserted criterion with its own max, data and evidence is said whatever words it shares", () => {
  it.each<[string, string, Value[]]>([
    ["a rate on the leaf's topic ('tỷ lệ … nhiệm vụ') under 1.1.2", "1.1.2", ["", "Tỷ lệ hoàn thành nhiệm vụ kiểm tra CCHC", 1, "100%", REPORT, 1, ""]],
    ["a rate sharing 'hồ sơ' under 2.2.1", "2.2.1", ["", "Tỷ lệ hồ sơ TTHC giải quyết liên thông thủ tục trực tuyến", 1, "35%", REPORT, 1, ""]],
    ["a count sharing 'thủ tục hành chính' under 2.1", "2.1", ["", "Niêm yết thủ tục hành chính trên Cổng dịch vụ công", 1, "45/45", REPORT, 1, ""]],
  ])("%s", (_what, after, row) => {
    const found = unknown(scoreWorkbook(table(after, [row]), SET));
    expect(found.map((f) => f.cell)).toEqual([`TĐG!A${excelRowAfter(after)}`]);
  });

  it.each<[string, string, Value[]]>([
    ["the same rate without data of its own (a detail line)", "1.1.2", ["", "Tỷ lệ hoàn thành nhiệm vụ kiểm tra CCHC", 1, "", REPORT, 1, ""]],
    ["the same channel without a max of its own", "2.1", ["", "Niêm yết thủ tục hành chính trên Cổng dịch vụ công", "", "45/45", REPORT, 1, ""]],
    ["the same channel without evidence of its own", "2.1", ["", "Niêm yết thủ tục hành chính trên Cổng dịch vụ công", 1, "45/45", "", 1, ""]],
  ])("still silent: %s", (_what, after, row) => {
    expect(unknown(scoreWorkbook(table(after, [row]), SET))).toEqual([]);
  });
});
