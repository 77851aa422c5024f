/**
 * Round-14 red-team finding WB14-9: round 13's UNKNOWN_CRITERION for a scored row without a code
 * also fell on the detail rows of a scored criterion — a "Trong đó: …" line, the award listed under
 * the bonus row, the option reached written with its evidence, one channel of a criterion with its
 * own document, a deduction line inside a criterion — telling the unit its points were not counted
 * (they were: the criterion's own score holds them) and to remove them. A row is said only when it
 * is plainly a criterion of its own; round 13's inserted row is still said.
 */
import { describe, expect, it } from "vitest";
import { EV, ROWS, demoSet, sheetOf, TOP, type Row, type Value } from "./merged-header-helpers.ts";
import { parseCriteriaSet, scoreWorkbook, type Report } from "../../shared/index.ts";

/** The demo set with a bonus and deduction field: 3.1 an award (up to 2), 3.2 late reports (down to −2). */
const SET = (() => {
  const base = demoSet("round14-rows", "Bộ thử dòng chi tiết (minh họa)");
  const parsed = parseCriteriaSet({
    ...base,
    items: [
      ...base.items,
      { code: "3", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [
        { code: "3.1", title: "Được cấp có thẩm quyền khen thưởng về thành tích CCHC", min: 0, max: 2, rule: { kind: "manual", step: 1 } },
        { code: "3.2", title: "Chậm gửi báo cáo CCHC theo yêu cầu", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } } ] },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
})();

const HEADER: Value[] = ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];
const line = (x: Row): Value[] => [x.code, x.title, x.max, x.counts ? `${x.counts[0]}/${x.counts[1]}` : "", x.leaf ? EV : "", x.self ?? "", ""];
const ADJUSTMENTS: Value[][] = [
  ["3", "Điểm thưởng, điểm trừ", "", "", "", "", ""],
  ["3.1", "Được cấp có thẩm quyền khen thưởng về thành tích CCHC", 2, "", "Quyết định số 900/QĐ-UBND ngày 10/10/2024", 1, ""],
  ["3.2", "Chậm gửi báo cáo CCHC theo yêu cầu", 0, "", "", 0, ""],
];
/** The demo table, its bonus and deduction rows, `extra` rows right after the row of `after`, the self-scores changed by `self`. */
function table(after: string, extra: Value[][], self: Record<string, Value> = {}) {
  const rows: Value[][] = [HEADER];
  for (const r of [...ROWS.map((x) => line(x.code in self ? { ...x, self: self[x.code] as number } : x)), ...ADJUSTMENTS]) {
    rows.push(r);
    if (r[0] === after) rows.push(...extra);
  }
  return sheetOf(rows, []);
}
const excelRowAfter = (after: string) => TOP + 1 + ROWS.findIndex((x) => x.code === after) + 1 + 1;
const scoreOf = (grid: ReturnType<typeof table>) => scoreWorkbook(grid, SET);
const unknown = (report: Report) => report.findings.filter((f) => f.code === "UNKNOWN_CRITERION");
const DOC = "Kế hoạch số 21/KH-UBND ngày 15/01/2024";

describe("WB14-9: detail rows of a scored criterion say nothing", () => {
  it.each<[string, string, Value[][], Record<string, Value>?]>([
    ["the award under the bonus row, with its decision", "3.1", [["", "Bằng khen của Chủ tịch UBND tỉnh về thành tích CCHC năm 2023", "", "", "Quyết định số 900/QĐ-UBND ngày 10/10/2024", 1, ""]]],
    ["the award under the bonus row, with a max of its own", "3.1", [["", "Bằng khen của Chủ tịch UBND tỉnh", 2, "", "Quyết định số 900/QĐ-UBND ngày 10/10/2024", 1, ""]]],
    ["another award under the bonus row", "3.1", [["", "Giấy khen của Chủ tịch UBND huyện", 1, "", EV, 1, ""]]],
    ["one channel of a criterion, its own document", "2.1", [["", "Niêm yết thủ tục hành chính tại Bộ phận một cửa", 1, "", DOC, 1, ""]]],
    ["a 'Trong đó' line", "2.1", [["", "Trong đó: niêm yết trên trang thông tin điện tử xã", 1, "", DOC, 1, ""]]],
    ["a 'Trong đó' line in capitals, no colon", "1.1.1", [["", "TRONG ĐÓ ban hành kế hoạch tuyên truyền", 1, "", DOC, 1, ""]]],
    ["a 'Gồm' line", "2.1", [["", "Gồm: niêm yết tại trụ sở và trên cổng thông tin", 2, "", DOC, 2, ""]]],
    ["a 'Bao gồm' line", "2.1", [["", "Bao gồm 45 thủ tục cấp xã", 2, "", DOC, 2, ""]]],
    ["a 'Cụ thể' line", "2.1", [["", "Cụ thể: 45/45 thủ tục được niêm yết", 2, "", DOC, 2, ""]]],
    ["a '•' line", "2.1", [["", "• Niêm yết tại trụ sở", 1, "", DOC, 1, ""]]],
    ["the option reached written with its evidence, the other option below", "1.2", [["", "Gửi đầy đủ, đúng hạn", 2, "", DOC, 2, ""], ["", "Gửi chậm", 1, "", "", "", ""]]],
    ["the option reached alone, with its evidence", "1.2", [["", "Đầy đủ, đúng hạn", "", "", DOC, 2, ""]]],
    ["a deduction line inside a criterion, already taken off its score", "2.1", [["", "Trừ điểm do có 01 thủ tục niêm yết chậm", -0.5, "", "Biên bản ngày 05/05/2024", -0.5, ""]], { "2.1": 1.5 }],
  ])("%s", (_what, after, extra, self) => {
    const report = scoreOf(table(after, extra, self));
    expect(unknown(report)).toEqual([]);
  });
});

describe("a row that is plainly a criterion of its own is still said", () => {
  const INSERTED: Value[] = ["", "Tổ chức hội nghị sơ kết CCHC 6 tháng", 1, "", "Báo cáo số 50/BC-UBND ngày 01/07/2024", 1, ""];
  it.each(["1.2", "1.1.1", "2.1", "2.2.1"])("round 13's inserted row after %s", (after) => {
    const found = unknown(scoreOf(table(after, [INSERTED])));
    expect(found.map((f) => f.cell)).toEqual([`TĐG!A${excelRowAfter(after)}`]);
  });

  it("a row on the criterion's topic but with more points than the criterion scored", () => {
    const found = unknown(scoreOf(table("2.1", [["", "Niêm yết thủ tục hành chính trên Cổng dịch vụ công", 3, "", DOC, 3, ""]])));
    expect(found).toHaveLength(1);
  });

  it("the message tells a detail line how to say so instead of removing its points", () => {
    const [vi] = unknown(scoreOf(table("1.2", [INSERTED])));
    expect(vi!.message).toContain("Trong đó");
    const [en] = unknown(scoreWorkbook(table("1.2", [INSERTED]), SET, { locale: "en" }));
    expect(en!.message).toContain("Trong đó");
  });
});
