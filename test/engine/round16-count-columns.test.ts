/**
 * Round-16 red-team finding WB16-5 (rt-wb16): a department's workbook with "Số liệu kê khai"
 * merged over the plan and the result ("Đăng ký" | "Thực hiện", "Số giao" | "Kết quả", "Dự kiến"
 * | "Thực hiện", "Kế hoạch" | "Thực hiện"). The plan is the denominator a ratio is taken over;
 * a count leaf's figure is the count in the result column (CRITERIA-FORMAT.md §6 "a count leaf
 * uses the count or data column"). Read as "plan/result", "04 phần mềm" | "Triển khai 03 phần
 * mềm" was "không rõ con số nào", "02 sáng kiến" | "01 sáng kiến" scored 0 with nothing said,
 * and the late report declared beside a planned 0 no longer warned.
 */
import { describe, expect, it } from "vitest";
import { EV, TOP, merge, sheetOf, type Value } from "./merged-header-helpers.ts";
import { parseCriteriaSet, scoreWorkbook, type CriteriaSet } from "../../shared/index.ts";

function departmentSet(): CriteriaSet {
  const parsed = parseCriteriaSet({
    id: "round16-count-columns", title: "Bộ thử cột kế hoạch và số đếm (minh họa)", year: 2024, unitType: "department",
    period: { from: "2024-01-01", to: "2024-12-31" }, maxPoints: 11, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
    items: [
      { code: "1", title: "Công tác chỉ đạo, điều hành", max: 11, children: [
        { code: "1.1", title: "Tỷ lệ hoàn thành nhiệm vụ đề ra trong kế hoạch CCHC năm", max: 3, rule: { kind: "ratio", bands: [{ min: 95, points: 3 }, { min: 80, points: 1.5 }, { min: 0, points: 0 }] } },
        { code: "1.2", title: "Báo cáo CCHC định kỳ đúng thời hạn (trừ 0,5 điểm mỗi báo cáo chậm)", max: 2, rule: { kind: "count", base: 2, each: -0.5 } },
        { code: "1.3", title: "Phần mềm dùng chung được triển khai (mỗi phần mềm 1 điểm, tối đa 4 điểm)", max: 4, rule: { kind: "count", each: 1 } },
        { code: "1.4", title: "Sáng kiến CCHC được công nhận (mỗi sáng kiến cộng 1 điểm, tối đa 2 điểm)", max: 2, rule: { kind: "count", each: 1 } } ] },
      { code: "2", title: "Điểm trừ", max: 0, adjustment: true, children: [
        { code: "2.1", title: "Chậm gửi báo cáo đột xuất theo yêu cầu", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } } ] },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
}

/** Each leaf: its plan (left) and its result (right) as an office writes them. */
const LEAVES: [string, string, Value, Value][] = [
  ["1.1", "Tỷ lệ hoàn thành nhiệm vụ đề ra trong kế hoạch CCHC năm", "27 nhiệm vụ", "Hoàn thành 25/27 nhiệm vụ"],
  ["1.2", "Báo cáo CCHC định kỳ đúng thời hạn (trừ 0,5 điểm mỗi báo cáo chậm)", "04 báo cáo", "Gửi đủ 04 báo cáo, chậm 01 báo cáo"],
  ["1.3", "Phần mềm dùng chung được triển khai (mỗi phần mềm 1 điểm, tối đa 4 điểm)", "04 phần mềm", "Triển khai 03 phần mềm dùng chung"],
  ["1.4", "Sáng kiến CCHC được công nhận (mỗi sáng kiến cộng 1 điểm, tối đa 2 điểm)", "02 sáng kiến", "01 sáng kiến"],
];

/** "Số liệu kê khai" over `subs` (plan | result), self-scores blank so the reading alone makes the total. */
function planAndResult(subs: [string, string], counts: [Value, Value][] = LEAVES.map((l) => [l[2], l[3]])) {
  const down = [0, 1, 2, 5, 6, 7].map((c) => merge(TOP, c, TOP + 1, c));
  return sheetOf(
    [
      ["STT", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
      ["", "", "", ...subs, "", "", ""],
      ["1", "Công tác chỉ đạo, điều hành", 11, "", "", "", "", ""],
      ...LEAVES.map(([code, title], i) => [code, title, code === "1.1" ? 3 : code === "1.3" ? 4 : 2, counts[i]![0], counts[i]![1], EV, "", ""]),
      ["2", "Điểm trừ", "", "", "", "", "", ""],
      ["2.1", "Chậm gửi báo cáo đột xuất theo yêu cầu", 0, "0", "01 báo cáo chậm", "", "", ""],
    ],
    [merge(TOP, 3, TOP, 4), ...down],
  );
}

const scoresOf = (grid: ReturnType<typeof sheetOf>) => {
  const report = scoreWorkbook(grid, departmentSet());
  return { report, by: Object.fromEntries(report.items.filter((i) => i.code.includes(".")).map((i) => [i.code, i.score])) };
};

describe("WB16-5: a count leaf reads its count in the result column, never 'plan/result'", () => {
  it.each<[string, string]>([
    ["Đăng ký", "Thực hiện"],
    ["Số giao", "Kết quả"],
    ["Dự kiến", "Thực hiện"],
    ["Kế hoạch", "Thực hiện"],
  ])("'Số liệu kê khai' over '%s' | '%s'", (a, b) => {
    const { report, by } = scoresOf(planAndResult([a, b]));
    // 25/27 = 92,59 % (1,5); 4 − 0,5 × 1 late = 1,5; 3 applications; 1 initiative.
    expect(by).toEqual({ "1.1": 1.5, "1.2": 1.5, "1.3": 3, "1.4": 1, "2.1": 0 });
    expect(report.findings.filter((f) => f.code === "DATA_MISSING")).toEqual([]);
    expect(report.items.find((i) => i.code === "1.4")).toMatchObject({ count: 1 });
    // The late report declared beside a planned 0 is a case the blank score has not deducted.
    expect(report.findings.filter((f) => f.criterion === "2.1").map((f) => f.code)).toEqual(["SCORE_BLANK"]);
  });

  it("a ratio leaf still reads counts in the two columns as result over plan (26 of 28)", () => {
    const counts: [Value, Value][] = [[28, 26], ["04 báo cáo", "0"], ["04 phần mềm", 4], [2, 2]];
    const { by } = scoresOf(planAndResult(["Kế hoạch", "Thực hiện"], counts));
    expect(by).toEqual({ "1.1": 1.5, "1.2": 2, "1.3": 4, "1.4": 2, "2.1": 0 });
  });
});
