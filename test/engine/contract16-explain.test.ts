import { describe, expect, it } from "vitest";
import { explainLostPoints } from "../../shared/index.ts";
import { EV, row, score, setOf } from "./v2-helpers.ts";

/** Contract tester CF1: how figures and reasons are shown beside the scores they explain. */

const bands = (...b: [number, number][]) => ({ kind: "ratio", bands: b.map(([min, points]) => ({ min, points })) });

describe("CF1-9: items[].self is the number the cell shows, not a formula's binary float", () => {
  const set = setOf([
    { code: "1.1", title: "Báo cáo", max: 7, rule: { kind: "manual", step: 0.25 } },
    { code: "1.2", title: "Rà soát", max: 58, rule: { kind: "manual", step: 0.5 } },
    { code: "1.3", title: "Kế hoạch", max: 1, rule: { kind: "manual", step: 0.25 } },
  ]);
  it.each<[string, number, number]>([
    ["1.1", 0.35 * 20 - 0.25, 6.75],
    ["1.2", 58 * 0.7, 40.6],
    ["1.3", 0.333, 0.333],
  ])("%s typed as %s is %s", (code, typed, shown) => {
    const report = score(set, [row(code, { self: { v: typed, f: "=X" } as never, evidence: EV })]);
    expect(report.items.find((i) => i.code === code)!.self).toBe(shown);
  });
});

describe("CF1-2: a declared rate just below a bound is never shown on it", () => {
  const set = setOf([
    { code: "1.1", title: "Tỷ lệ hồ sơ giải quyết đúng hạn", max: 2, rule: bands([100, 2], [80, 1], [0, 0]) },
    { code: "1.2", title: "Tỷ lệ hoàn thành nhiệm vụ", max: 2, rule: bands([92.86, 2], [0, 0]) },
    { code: "1.3", title: "Tỷ lệ văn bản điện tử", max: 2, rule: { kind: "ratio", bands: [{ above: 90, points: 2 }, { min: 0, points: 0 }] } },
    { code: "1.4", title: "Tỷ lệ thanh toán trực tuyến", max: 2, rule: { kind: "ratio", proportional: true, target: 80 } },
  ]);
  const report = score(set, [
    row("1.1", { data: "125599/157000", self: 1, evidence: EV }),
    row("1.2", { data: "26/28", self: 2, evidence: EV }),
    row("1.3", { data: "90001/100000", self: 0, evidence: EV }),
    row("1.4", { data: "799999/1000000", self: 2, evidence: EV }),
  ]);
  const reasons = (locale: "vi" | "en") => Object.fromEntries(explainLostPoints(report, set, locale).map((e) => [e.code, e.reasons[0]]));
  const message = (code: string) => report.findings.find((f) => f.criterion === code && f.code === "RATIO_SCORE_MISMATCH")?.message;

  it("the scores stay those of the unrounded rate (§6)", () => {
    expect(report.items.map((i) => i.score)).toEqual([0, 0, 2, 2]);
  });

  it("the finding shows enough decimals to stay below the bound it missed", () => {
    expect(message("1.1")).toBe("Tiêu chí 1.1: số liệu kê khai 79,999% cho 0 điểm, nhưng điểm tự đánh giá là 1: hệ thống tính 0; sửa điểm tự đánh giá thành 0, hoặc kiểm tra lại số liệu kê khai.");
    expect(message("1.2")).toBe("Tiêu chí 1.2: số liệu kê khai 92,857% cho 0 điểm, nhưng điểm tự đánh giá là 2: hệ thống tính 0; sửa điểm tự đánh giá thành 0, hoặc kiểm tra lại số liệu kê khai.");
  });

  it("'Vì sao mất điểm' too, in both languages, and above a strict bound it reached", () => {
    expect(reasons("vi")["1.1"]).toBe("Số liệu kê khai 125599/157000 (79,999 %) (ô Biểu!D2) chưa đạt mức có điểm: 0/2 điểm.");
    expect(reasons("en")["1.2"]).toBe("Declared 26/28 (92.857 %) (cell Biểu!D3) reaches no band with points: 0/2 points.");
    // Above a strict bound it passed by a thousandth: not "90 %" beside "trên 90 %".
    expect(message("1.3")).toBe("Tiêu chí 1.3: số liệu kê khai 90,001% cho 2 điểm, nhưng điểm tự đánh giá là 0: hệ thống tính 2; sửa điểm tự đánh giá thành 2, hoặc kiểm tra lại số liệu kê khai.");
  });

  it("a rate well clear of every bound keeps two decimals", () => {
    const clear = score(set, [row("1.1", { data: "15/28", evidence: EV })]);
    expect(explainLostPoints(clear, set, "vi").find((e) => e.code === "1.1")!.reasons[0]).toContain("15/28 (53,57 %)");
  });
});

describe("CF1-6: 'Vì sao mất điểm' says why a typed score was not counted", () => {
  const set = setOf([
    { code: "1.1", title: "Ban hành kế hoạch", max: 2, evidence: { required: true } },
    { code: "1.2", title: "Kiểm tra", max: 2 },
    { code: "1.3", title: "Tuyên truyền", max: 2, rule: { kind: "manual", step: 0.5 } },
  ]);
  const report = score(set, [row("1.1", { self: 2 }), row("1.2", { self: 3 }), row("1.3", { self: 1.2 })]);
  const reasons = (locale: "vi" | "en") => Object.fromEntries(explainLostPoints(report, set, locale).map((e) => [e.code, e.reasons]));

  it("evidence missing: the score, that it counts 0 for want of evidence, and where to add it", () => {
    expect(reasons("vi")["1.1"]).toEqual(["Tự chấm 2/2, được tính 0: chưa có tài liệu kiểm chứng hoặc giải trình; bổ sung tài liệu ở ô Biểu!F2 hoặc giải trình ở cột ghi chú."]);
    expect(reasons("en")["1.1"]).toEqual(["Self-scored 2/2, counted 0: no evidence or explanation; add the document in cell Biểu!F2 or explain in the note column."]);
  });

  it("a rate that reached a band but has no evidence says both", () => {
    const withRate = setOf([{ code: "1.1", title: "Tỷ lệ", max: 2, rule: bands([80, 2], [0, 0]), evidence: { required: true } }]);
    const r = score(withRate, [row("1.1", { data: "90%" })]);
    expect(explainLostPoints(r, withRate, "vi")[0]!.reasons).toEqual([
      "Số liệu kê khai 90 % (ô Biểu!D2) đạt mức từ 80 %: 2/2 điểm.",
      "Chưa có tài liệu kiểm chứng hoặc giải trình nên được tính 0: bổ sung tài liệu ở ô Biểu!F2 hoặc giải trình ở cột ghi chú.",
    ]);
  });

  it("an invalid score: what is wrong with it", () => {
    expect(reasons("vi")["1.2"]).toEqual(["Tự chấm 3/2, được tính 0: điểm vượt điểm tối đa 2."]);
    expect(reasons("vi")["1.3"]).toEqual(["Tự chấm 1,2/2, được tính 0: điểm không đúng bước 0,5."]);
    expect(reasons("en")["1.2"]).toEqual(["Self-scored 3/2, counted 0: above the maximum of 2."]);
  });
});

describe("CF1-7: English findings say '1 point', not '1 points'", () => {
  const set = setOf([
    { code: "1.1", title: "Ứng dụng CNTT", max: 2, rule: { kind: "count", each: 1 } },
    { code: "1.2", title: "Tỷ lệ", max: 2, rule: bands([80, 1], [0, 0]) },
    { code: "1.3", title: "Kế hoạch", max: 2 },
    { code: "1.4", title: "Kiểm tra", max: 2, requires: { code: "1.3", atLeast: 1 } },
  ]);
  const report = score(set, [row("1.1", { data: 1, self: 2 }), row("1.2", { data: "85%", self: 2 }), row("1.3", { self: 0 }), row("1.4", { self: 1 })], { locale: "en" });
  it.each(["COMPUTED_SCORE_MISMATCH", "RATIO_SCORE_MISMATCH", "REQUIREMENT_NOT_MET"])("%s", (code) => {
    const message = report.findings.find((f) => f.code === code)!.message;
    expect(message).toMatch(/\b1 point\b/);
    expect(message).not.toMatch(/\b1 points\b/);
  });
});
