import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * Rows without a code under a criterion left blank (outside round 6): only a line that reads as
 * one of the criterion's options gives it its score. A field's subtotal row ("Cộng lĩnh vực 2
 * | 6 | … | 3") under its last criterion left blank is no option of it, nor is a bare number.
 */
const set = setOf(
  [
    { code: "1.1", title: "Tự kiểm tra, rà soát văn bản", max: 3, rule: { kind: "choice", options: [3, 1.5, 0] }, evidence: { required: true } },
    { code: "1.2", title: "Đạt chuẩn tiếp cận pháp luật", max: 3, rule: { kind: "choice", options: [3, 0] }, evidence: { required: true } },
  ],
  {},
  [
    {
      code: "2", title: "Lĩnh vực 2", max: 6, children: [
        { code: "2.1", title: "Tuyên truyền cải cách hành chính", max: 2, rule: { kind: "manual", step: 0.5 } },
        { code: "2.2", title: "Hài lòng của người dân (điều tra xã hội học)", max: 4, rule: { kind: "survey" } },
      ],
    },
  ],
);

/** A line under a criterion: its title, max cell and self-score cell; code column blank unless given. */
const line = (title: string, max: Cell, self: Cell, code: Cell = null): Cell[] => [code, title, max, null, self, null, null];

/** Field 1 with 1.1 scored 3 and 1.2 left blank, then `under` right under 1.2, then field 2. */
const sheet = (under: Cell[][], self22: Cell = null): Cell[][] => [
  row("1", { max: 6 }),
  row("1.1", { max: 3, self: 3, evidence: EV }),
  row("1.2", { max: 3, self: self22, evidence: EV }),
  ...under,
  row("2", { max: 6 }),
  row("2.1", { max: 2, self: 2, evidence: EV }),
  row("2.2", { max: 4 }),
];

describe("a subtotal row under a criterion left blank", () => {
  it.each([
    "Cộng lĩnh vực 1",
    "Cộng điểm lĩnh vực I",
    "Cộng mục 1",
    "Điểm lĩnh vực 1",
    "Cộng I",
    "Cộng lĩnh vực I",
    "Cộng điểm",
    "Tổng lĩnh vực 1",
  ])("%j is not the criterion's score: it stays blank (SCORE_BLANK at its own cell)", (label) => {
    const report = score(set, sheet([line(label, 6, 3)]));
    expect(scores(report)["1.2"]).toBe(0);
    expect(report.items.find((i) => i.code === "1.2")?.cell).toBe("Biểu!E4");
    expect(codes(report)).toEqual(["SCORE_BLANK 1.2 Biểu!E4"]);
    expect(report.total).toBe(5);
  });

  it("nor is a row whose max cell is above the criterion's, whatever its label", () => {
    const report = score(set, sheet([line("Kết quả lĩnh vực thứ nhất", 6, 3)]));
    expect(scores(report)["1.2"]).toBe(0);
    expect(codes(report)).toEqual(["SCORE_BLANK 1.2 Biểu!E4"]);
  });

  it("nor a row with a number and no words at all", () => {
    const report = score(set, sheet([line("", 6, 3)]));
    expect(scores(report)["1.2"]).toBe(0);
    expect(codes(report)).toEqual(["SCORE_BLANK 1.2 Biểu!E4"]);
  });

  it("a survey criterion's subtotal is no self-score of it (no SURVEY_SCORED)", () => {
    const rows = [...sheet([], 3), line("Cộng lĩnh vực 2", 6, 2)];
    const report = score(set, rows);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(8);
  });
});

describe("an option line under a criterion left blank", () => {
  it("holding one of the set's options is the criterion's score, its cell the line's", () => {
    const report = score(set, sheet([line("- Đạt chuẩn tiếp cận pháp luật", null, 3), line("- Không đạt chuẩn", null, null)]));
    expect(scores(report)["1.2"]).toBe(3);
    expect(report.items.find((i) => i.code === "1.2")?.cell).toBe("Biểu!E5");
    expect(codes(report)).toEqual([]);
  });

  it("holding a number that is none of the options, without points of its own, is not taken", () => {
    const report = score(set, sheet([line("- Đạt chuẩn tiếp cận pháp luật", null, 1.5)]));
    expect(scores(report)["1.2"]).toBe(0);
    expect(codes(report)).toEqual(["SCORE_BLANK 1.2 Biểu!E4"]);
  });

  it("holding a number above the criterion's max is not taken", () => {
    const report = score(set, sheet([line("- Đạt chuẩn tiếp cận pháp luật", null, 30)]));
    expect(codes(report)).toEqual(["SCORE_BLANK 1.2 Biểu!E4"]);
  });
});

describe("parts a) and b) under a criterion left blank", () => {
  const parts = (a: Cell[], b: Cell[]): Cell[][] => [
    row("1", { max: 6 }),
    row("1.1", { max: 3, self: 3, evidence: EV }),
    row("1.2", { max: 3, self: 3, evidence: EV }),
    row("2", { max: 6 }),
    row("2.1", { max: 2, evidence: EV }),
    a,
    b,
    row("2.2", { max: 4 }),
  ];

  it("whose max cells add up to the criterion's, each scored, add up", () => {
    const report = score(set, parts(line("Tuyên truyền trên hệ thống truyền thanh", 1, 1, "a)"), line("Tuyên truyền bằng hình thức khác", 1, 1, "b)")));
    expect(scores(report)["2.1"]).toBe(2);
    expect(report.items.find((i) => i.code === "2.1")?.cell).toBe("Biểu!E7");
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(8);
    const half = score(set, parts(line("Tuyên truyền trên hệ thống truyền thanh", 1, 1, "a)"), line("Tuyên truyền bằng hình thức khác", 1, 0.5, "b)")));
    expect(scores(half)["2.1"]).toBe(1.5);
    expect(codes(half)).toEqual([]);
  });

  it("a part above its own max is the unit's mistake: no sum, the criterion stays blank", () => {
    const report = score(set, parts(line("Tuyên truyền trên hệ thống truyền thanh", 1, 2, "a)"), line("Tuyên truyền bằng hình thức khác", 1, 1, "b)")));
    expect(codes(report)).toEqual(["SCORE_BLANK 2.1 Biểu!E6"]);
  });

  it("without max cells, or max cells not adding up, they stay alternatives (two different scores: blank)", () => {
    const noMax = score(set, parts(line("Tuyên truyền trên hệ thống truyền thanh", null, 1, "a)"), line("Tuyên truyền bằng hình thức khác", null, 0.5, "b)")));
    expect(codes(noMax)).toEqual(["SCORE_BLANK 2.1 Biểu!E6"]);
    const over = score(set, parts(line("Tuyên truyền trên hệ thống truyền thanh", 2, 1, "a)"), line("Tuyên truyền bằng hình thức khác", 1, 0.5, "b)")));
    expect(codes(over)).toEqual(["SCORE_BLANK 2.1 Biểu!E6"]);
  });
});
