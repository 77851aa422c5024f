import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * A ratio criterion's title on one row and its result on the line under it
 * ("- Kết quả thực hiện:" with the data, the evidence and the self-score), as many commune
 * templates write it (black-box audit of 06/12/2026, nineteenth session, A2-2 and A2-3): the data is
 * read from the line the score was typed on, as the score is.
 */
const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch", max: 1 },
  { code: "1.2", title: "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch", max: 3, rule: { kind: "ratio", bands: [{ min: 100, points: 3 }, { min: 80, points: 1.5 }, { min: 0, points: 0 }] } },
]);
const line = (title: string, data: Cell, self: Cell, evidence: Cell = EV): Cell[] => [null, title, null, data, self, evidence, null];

describe("a result line under a ratio criterion's title", () => {
  it("gives the data as well as the score (26/28: 92,9 % → 1,5)", () => {
    const report = score(set, [row("1", { max: 4 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 3 }), line("- Kết quả thực hiện:", "26/28", 1.5)]);
    expect(scores(report)["1.2"]).toBe(1.5);
    expect(codes(report)).toEqual([]);
  });

  it("a self-score above what the data earns there is told at that line", () => {
    const report = score(set, [row("1", { max: 4 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 3 }), line("- Kết quả thực hiện:", "26/28", 3)]);
    expect(scores(report)["1.2"]).toBe(1.5);
    expect(codes(report)).toContain("RATIO_SCORE_MISMATCH 1.2 Biểu!E5");
  });

  it("with the line's title blank, the score typed there is read with its data", () => {
    const report = score(set, [row("1", { max: 4 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 3 }), line("", "26/28", 3)]);
    expect(report.items.find((i) => i.code === "1.2")).toMatchObject({ self: 3, score: 1.5 });
    expect(codes(report)).toContain("RATIO_SCORE_MISMATCH 1.2 Biểu!E5");
  });

  it("the data on the criterion's own row still wins over a line under it", () => {
    const report = score(set, [row("1", { max: 4 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 3, data: "28/28" }), line("- Kết quả thực hiện:", "26/28", 3)]);
    expect(scores(report)["1.2"]).toBe(3);
  });
});

describe("the evidence on a result line", () => {
  it("is the criterion's (no EVIDENCE_MISSING), its date checked at that line", () => {
    const evidenced = setOf(
      [
        { code: "1.1", title: "Ban hành kế hoạch", max: 1 },
        { code: "1.2", title: "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch", max: 3, evidence: { required: true }, rule: { kind: "ratio", bands: [{ min: 100, points: 3 }, { min: 80, points: 1.5 }, { min: 0, points: 0 }] } },
      ],
    );
    const rows = (evidence: Cell) => [row("1", { max: 4 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 3 }), line("- Kết quả thực hiện:", "26/28", 1.5, evidence)];
    const report = score(evidenced, rows("Báo cáo số 120/BC-UBND ngày 10/12/2024"));
    expect(scores(report)["1.2"]).toBe(1.5);
    expect(codes(report)).toEqual([]);
    expect(codes(score(evidenced, rows("Báo cáo số 120/BC-UBND ngày 10/12/2022")))).toEqual(["EVIDENCE_DATE_OUT_OF_PERIOD 1.2 Biểu!F5"]);
    expect(codes(score(evidenced, rows(null)))).toEqual(["EVIDENCE_MISSING 1.2 Biểu!F4"]);
  });
});

describe("a result line holding only the data, the score on the title row", () => {
  const rows = (under: Cell[][]) => [row("1", { max: 4 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 3, self: 1.5, evidence: EV }), ...under];

  it("gives the criterion its data", () => {
    const report = score(set, rows([line("- Kết quả thực hiện:", "26/28", null, null)]));
    expect(report.items.find((i) => i.code === "1.2")).toMatchObject({ score: 1.5, dataCell: "Biểu!D5" });
    expect(codes(report)).toEqual([]);
  });

  it("a breakdown of several lines is not the criterion's data (DATA_MISSING at its own row)", () => {
    const report = score(set, rows([line("- Quý I-II:", "12/14", null, null), line("- Quý III-IV:", "14/14", null, null)]));
    expect(scores(report)["1.2"]).toBe(0);
    expect(codes(report)).toContain("DATA_MISSING 1.2 Biểu!D4");
  });
});

describe("a line under the title that is not the criterion's result (A9-2, A9-5)", () => {
  const rows = (under: Cell[][], evidence: Cell = EV) => [row("1", { max: 4 }), row("1.1", { max: 1, self: 1, evidence: EV }), row("1.2", { max: 3, self: 1.5, evidence }), ...under];

  it.each(["- Năm 2023 (để so sánh):", "Trong đó: hồ sơ trực tuyến toàn trình", "- Số hồ sơ trễ hạn:"])("%j beside a figure is no data of it (DATA_MISSING at its own row)", (title) => {
    const report = score(set, rows([line(title, "26/28", null, null)]));
    expect(scores(report)["1.2"]).toBe(0);
    expect(codes(report)).toContain("DATA_MISSING 1.2 Biểu!D4");
  });

  it("the evidence on a result line, the score on the title row, is the criterion's", () => {
    const evidenced = setOf([
      { code: "1.1", title: "Ban hành kế hoạch", max: 1 },
      { code: "1.2", title: "Tỷ lệ hoàn thành nhiệm vụ trong kế hoạch", max: 3, evidence: { required: true }, rule: { kind: "ratio", bands: [{ min: 100, points: 3 }, { min: 80, points: 1.5 }, { min: 0, points: 0 }] } },
    ]);
    const report = score(evidenced, rows([line("- Kết quả thực hiện:", "26/28", null, "Báo cáo số 120/BC-UBND ngày 10/12/2024")], null));
    expect(scores(report)["1.2"]).toBe(1.5);
    expect(codes(report)).toEqual([]);
  });
});
