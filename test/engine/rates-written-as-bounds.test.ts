import { describe, expect, it } from "vitest";
import { EV, sheetOf } from "./merged-header-helpers.ts";
import { explainLostPoints, parseCriteriaSet, planTarget, scoreWorkbook } from "../../shared/index.ts";

/**
 * A rate written as a bound or an approximation (03/12/2026, eighth session; shared/written-bound.ts):
 * "Gần 100%", "Trên 90%", "Dưới 70%", "khoảng 95%", "từ 90% trở lên". Each had been read as its
 * figure in silence: "Gần 100%" took the band "từ 100 %" the unit says it did not reach, "Trên 90%"
 * missed the band "trên 90 %" it says it passed. Now scored at the best the words allow — just
 * under the figure, just over it, or the figure — and DATA_APPROXIMATE asks for the exact figure.
 */
const parsed = parseCriteriaSet({
  id: "bounds", title: "Bộ thử tỷ lệ ghi gần đúng (minh họa)", year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" },
  maxPoints: 4, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
  items: [{ code: "1", title: "Thủ tục hành chính", max: 4, children: [
    { code: "1.1", title: "Tỷ lệ hồ sơ giải quyết đúng hạn", max: 2, rule: { kind: "ratio", bands: [{ min: 100, points: 2 }, { min: 80, points: 1 }, { min: 0, points: 0 }] } },
    { code: "1.2", title: "Tỷ lệ hoàn thành nhiệm vụ", max: 2, rule: { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 70, points: 1 }, { min: 0, points: 0 }] } } ] }],
});
if (!parsed.ok) throw new Error(parsed.message);
const SET = parsed.set;
const workbook = (data11: string, data12: string) =>
  sheetOf([
    ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
    ["1", "Thủ tục hành chính", 4, "", "", "", ""],
    ["1.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", 2, data11, EV, "", ""],
    ["1.2", "Tỷ lệ hoàn thành nhiệm vụ", 2, data12, EV, "", ""],
  ], []);
const read = (code: "1.1" | "1.2", data: string) => {
  const report = scoreWorkbook(code === "1.1" ? workbook(data, "95%") : workbook("100%", data), SET, { locale: "vi" });
  const item = report.items.find((i) => i.code === code)!;
  const said = report.findings.filter((f) => f.criterion === code && f.code === "DATA_APPROXIMATE");
  return { percent: item.percent, bound: item.percentBound, score: item.score, said: said.length, cell: said[0]?.cell, report };
};

describe("a rate written as a bound or an approximation", () => {
  it.each([
    // Below a figure: the band under it, never the band of the figure.
    ["1.1", "Gần 100%", 100, "below", 1],
    ["1.1", "Đạt gần 100% hồ sơ", 100, "below", 1],
    ["1.2", "Dưới 70%", 70, "below", 0],
    ["1.2", "< 70%", 70, "below", 0],
    // Above a figure: a strict band at it is passed ("trên 90 %": 2 points).
    ["1.2", "Trên 90%", 90, "above", 2],
    ["1.2", "Đạt trên 90% kế hoạch", 90, "above", 2],
    ["1.2", "hơn 90 %", 90, "above", 2],
    ["1.2", ">90%", 90, "above", 2],
    // At least or about a figure: the figure itself, said.
    ["1.2", "Từ 90% trở lên", 90, undefined, 1],
    ["1.2", "Không dưới 90%", 90, undefined, 1],
    ["1.2", "≥ 90%", 90, undefined, 1],
    ["1.2", "Khoảng 95%", 95, undefined, 2],
    ["1.2", "xấp xỉ 90%", 90, undefined, 1],
    ["1.1", "~100%", 100, undefined, 2],
  ] as const)("%s %s: %s, %s, %s points, said", (code, data, percent, bound, score) => {
    const r = read(code, data);
    expect({ percent: r.percent, bound: r.bound, score: r.score, said: r.said, cell: r.cell }).toEqual({ percent, bound, score, said: 1, cell: `TĐG!D${code === "1.1" ? 7 : 8}` });
  });

  it.each([
    ["1.1", "Ước đạt 100%", 100, 2],
    ["1.1", "100% (ước tính)", 100, 2],
    ["1.1", "Đạt 100% trên tổng số hồ sơ tiếp nhận", 100, 2],
    // The figure written once as a target with a bound, once as the result: the result as written.
    ["1.2", "Chỉ tiêu trên 90%, đạt 90%", 90, 1],
    ["1.2", "Chỉ tiêu trên 90%, thực hiện 92%", 92, 2],
    ["1.2", "Đạt 95,5% (tăng hơn 2% so với năm trước)", 95.5, 2],
    ["1.2", "Hoàn thành 18 trên 20 nhiệm vụ (90%)", 90, 1],
  ] as const)("%s %s: the figure as written, nothing said", (code, data, percent, score) => {
    const r = read(code, data);
    expect({ percent: r.percent, bound: r.bound, score: r.score, said: r.said }).toEqual({ percent, bound: undefined, score, said: 0 });
  });

  it("the message quotes the words and says how they were scored, in both languages", () => {
    const vi = read("1.1", "Gần 100%").report.findings.find((f) => f.code === "DATA_APPROXIMATE")!;
    expect(vi).toMatchObject({ severity: "warning", criterion: "1.1" });
    expect(vi.message).toContain('"Gần 100%"');
    expect(vi.message).toContain("dưới 100% (1 điểm)");
    const en = scoreWorkbook(workbook("95%", "Trên 90%"), SET, { locale: "en" }).findings.find((f) => f.code === "DATA_APPROXIMATE")!;
    expect(en.message).toContain('"Trên 90%"');
    expect(en.message).toContain("over 90% (2 points)");
  });

  it("why points were lost, and the plan to regain them, speak of the rate as written", () => {
    const { report } = read("1.1", "Gần 100%");
    const why = explainLostPoints(report, SET, "vi").find((e) => e.code === "1.1")!;
    expect(why.reasons.join(" ")).toContain("dưới 100 %");
    expect(why.reasons.join(" ")).toContain("đạt mức từ 80 %: 1/2 điểm");
    const plan = planTarget(report, SET, { percent: 100 });
    const fix = plan.items.find((i) => i.code === "1.1")!;
    expect(fix.message.vi).toContain("dưới 100 %");
    expect(fix.gain).toBe(1);
  });

  it("a self-score beside it is compared with the score the words allow", () => {
    const report = scoreWorkbook(
      sheetOf([
        ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"],
        ["1.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", 2, "Gần 100%", EV, 2, ""],
        ["1.2", "Tỷ lệ hoàn thành nhiệm vụ", 2, "95%", EV, 2, ""],
      ], []),
      SET,
      { locale: "vi" },
    );
    const mismatch = report.findings.find((f) => f.code === "RATIO_SCORE_MISMATCH" && f.criterion === "1.1")!;
    expect(mismatch.message).toContain("dưới 100% cho 1 điểm");
  });
});
