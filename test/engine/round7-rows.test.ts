import { describe, expect, it } from "vitest";
import { codes, EV, row, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * Row matching, round 7 (outside tester, workbooks O1b/O2/O2b, T1/T1c, T3/T3c):
 * - a unit's own deduction or bonus typed (or marked "x") on an option line under a blank
 *   adjustment leaf: "- Chậm 01 báo cáo: trừ 0,5 điểm | −0,5" is −0,5, "Cộng 1 điểm nếu …" a bonus line;
 * - parts or options coded "1.3a", "1.3b" under the blank criterion right above them are its
 *   lines, as "a)", "b)" are (a lone "1.4a" under a scored 1.4 stays UNKNOWN_CRITERION);
 * - a code filled down with the score (or the data) on the lower row is one criterion.
 */
const set = setOf(
  [
    { code: "1.1", title: "Ban hành kế hoạch", max: 1, rule: { kind: "choice", options: [1, 0.5, 0] }, evidence: { required: true } },
    { code: "1.2", title: "Tuyên truyền cải cách hành chính", max: 2, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
    {
      code: "1.3", title: "Tỷ lệ hồ sơ giải quyết đúng hạn", max: 7, evidence: { required: true },
      rule: { kind: "ratio", bands: [{ min: 100, points: 7 }, { min: 98, points: 5 }, { min: 95, points: 3 }, { min: 0, points: 0 }] },
    },
  ],
  {},
  [
    {
      code: "2", title: "Điểm thưởng, điểm trừ", adjustment: true, children: [
        { code: "2.1", title: "Được khen thưởng về thành tích CCHC", min: 0, max: 2, rule: { kind: "manual", step: 1 }, evidence: { required: true } },
        { code: "2.2", title: "Chậm gửi báo cáo CCHC", min: -2, max: 0, rule: { kind: "manual", step: 0.5 } },
      ],
    },
  ],
);

/** A line: code, title, max, data, self, evidence. */
const line = (code: Cell, title: string, max: Cell, self: Cell, evidence: Cell = null, data: Cell = null): Cell[] => [code, title, max, data, self, evidence, null];

const field1 = (): Cell[][] => [
  row("1", { max: 10 }),
  row("1.1", { max: 1, self: 1, evidence: EV }),
  row("1.2", { max: 2, self: 2, evidence: EV }),
  row("1.3", { max: 7, data: "1000/1000", self: 7, evidence: EV }),
];
/** Field 1 fully scored (10), then field 2 with `adjust` as its rows. */
const withAdjustments = (adjust: Cell[][]): Cell[][] => [...field1(), row("2"), ...adjust];

describe("an option line under a blank adjustment leaf", () => {
  it("'trừ 0,5 điểm' with −0,5 typed is the unit's deduction", () => {
    const report = score(set, withAdjustments([
      row("2.1", { max: 2 }),
      row("2.2", { max: 0 }),
      line(null, "- Chậm 01 báo cáo: trừ 0,5 điểm", null, -0.5),
      line(null, "- Chậm từ 02 báo cáo trở lên: trừ 1 điểm", null, null),
    ]));
    expect(codes(report)).toEqual([]);
    expect(scores(report)["2.2"]).toBe(-0.5);
    expect(report.items.find((i) => i.code === "2.2")?.cell).toBe("Biểu!E9");
    expect(report.total).toBe(9.5);
  });

  it.each([["x"], ["X"], ["✓"]])("'trừ 0,5 điểm' marked %j is −0,5 ('bị trừ', a minus sign too)", (mark) => {
    for (const words of ["- Chậm 01 báo cáo: trừ 0,5 điểm", "Chậm 01 báo cáo thì bị trừ 0,5 điểm", "Chậm 01 báo cáo: -0,5 điểm"]) {
      const report = score(set, withAdjustments([
        row("2.1", { max: 2 }),
        row("2.2", { max: 0 }),
        line(null, words, null, mark),
        line(null, "- Chậm từ 02 báo cáo trở lên: trừ 1 điểm", null, null),
      ]));
      expect(codes(report), words).toEqual([]);
      expect(scores(report)["2.2"], words).toBe(-0.5);
      expect(report.total, words).toBe(9.5);
    }
  });

  it("a bonus line starting 'Cộng 1 điểm …' is an option, not a subtotal", () => {
    for (const words of ["Cộng 1 điểm nếu được UBND huyện khen thưởng", "Cộng 1 điểm"]) {
      const report = score(set, withAdjustments([
        row("2.1", { max: 2, evidence: EV }),
        line(null, words, null, 1),
        line(null, "Cộng 2 điểm nếu được UBND tỉnh khen thưởng", null, null),
        row("2.2", { max: 0, self: 0 }),
      ]));
      expect(codes(report), words).toEqual([]);
      expect(scores(report)["2.1"], words).toBe(1);
      expect(report.total, words).toBe(11);
    }
  });

  it("a positive number on a line saying 'trừ' is no option of a deduction (the leaf stays blank)", () => {
    const report = score(set, withAdjustments([
      row("2.1", { max: 2 }),
      row("2.2", { max: 0 }),
      line(null, "- Chậm 01 báo cáo: trừ 0,5 điểm", null, 0.5),
    ]));
    expect(scores(report)["2.2"]).toBe(0);
    expect(report.total).toBe(10);
  });
});

describe("a deduction line under a criterion scored from 0 up", () => {
  it("'trừ 1 điểm' under a 2-point criterion with what remains typed (1) is its score, as before round 7", () => {
    const report = score(set, [
      row("1", { max: 10 }),
      row("1.1", { max: 1, self: 1, evidence: EV }),
      line("1.2", "Tuyên truyền cải cách hành chính", 2, null, EV),
      line(null, "- Thiếu 01 hình thức: trừ 1 điểm", null, 1),
      row("1.3", { max: 7, data: "1000/1000", self: 7, evidence: EV }),
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.2"]).toBe(1);
  });
});

describe("lines coded as the blank criterion above plus a letter", () => {
  it("parts '1.2a', '1.2b' each with its max add up to the criterion's score", () => {
    const report = score(set, [
      row("1", { max: 10 }),
      row("1.1", { max: 1, self: 1, evidence: EV }),
      line("1.2", "Tuyên truyền cải cách hành chính", 2, null, EV),
      line("1.2a", "Tuyên truyền trên hệ thống truyền thanh cơ sở", 1, 1, "Kế hoạch số 9/KH-UBND ngày 20/01/2024"),
      line("1.2b", "Tuyên truyền qua trang thông tin điện tử", 1, 1, "Báo cáo số 45/BC-UBND ngày 10/12/2024"),
      row("1.3", { max: 7, data: "1000/1000", self: 7, evidence: EV }),
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.2"]).toBe(2);
    expect(report.total).toBe(10);
  });

  it("options '1.1a', '1.1b', '1.1c' with their points as max cells: the one scored", () => {
    const report = score(set, [
      row("1", { max: 10 }),
      line("1.1", "Ban hành kế hoạch", 1, null, EV),
      line("1.1a", "Ban hành trước ngày 15/01/2024", 1, 1),
      line("1.1b", "Ban hành sau ngày 15/01/2024", 0.5, null),
      line("1.1c", "Không ban hành", 0, null),
      row("1.2", { max: 2, self: 2, evidence: EV }),
      row("1.3", { max: 7, data: "1000/1000", self: 7, evidence: EV }),
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.1"]).toBe(1);
    expect(report.total).toBe(10);
  });

  it("under a scored criterion, or under another criterion's blank row, '1.2a' stays unknown", () => {
    const scored = score(set, [...field1().slice(0, 3), line("1.2a", "Hoạt động bổ sung", 1, 1, EV), field1()[3]!]);
    expect(codes(scored)).toEqual(["UNKNOWN_CRITERION 1.2a Biểu!A5"]);
    expect(scored.total).toBe(10);
    const other = score(set, [row("1", { max: 10 }), line("1.1", "Ban hành kế hoạch", 1, null, EV), line("1.2a", "Hoạt động bổ sung", 1, 1, EV), ...field1().slice(2)]);
    expect(codes(other)).toEqual(["UNKNOWN_CRITERION 1.2a Biểu!A4", "SCORE_BLANK 1.1 Biểu!E3"]);
  });
});

describe("a code filled down with the score on the lower row", () => {
  it("is one criterion scored from the row that holds the score", () => {
    const report = score(set, [
      row("1", { max: 10 }),
      row("1.1", { max: 1, self: 1, evidence: EV }),
      line("1.2", "Tuyên truyền cải cách hành chính", 2, null, "Kế hoạch số 9/KH-UBND ngày 20/01/2024"),
      line("1.2", "Tuyên truyền cải cách hành chính", null, 2, "Báo cáo số 45/BC-UBND ngày 10/12/2024"),
      row("1.3", { max: 7, data: "1000/1000", self: 7, evidence: EV }),
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.2"]).toBe(2);
    expect(report.items.find((i) => i.code === "1.2")?.cell).toBe("Biểu!E5");
    expect(report.total).toBe(10);
  });

  it("data and score on the lower row of a ratio criterion: scored from its data", () => {
    const report = score(set, [
      ...field1().slice(0, 3),
      line("1.3", "Tỷ lệ hồ sơ giải quyết đúng hạn", 7, null, EV),
      line("1.3", "Tỷ lệ hồ sơ giải quyết đúng hạn", null, 5, "Báo cáo số 45/BC-UBND ngày 10/12/2024", "980/1000"),
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)["1.3"]).toBe(5);
    expect(report.total).toBe(8);
  });

  it("two different scores on the filled-down rows stay a duplicate", () => {
    const report = score(set, [
      row("1", { max: 10 }),
      row("1.1", { max: 1, self: 1, evidence: EV }),
      line("1.2", "Tuyên truyền cải cách hành chính", 2, null, EV),
      line("1.2", "Tuyên truyền cải cách hành chính", null, 2, EV),
      line("1.2", "Tuyên truyền cải cách hành chính", null, 1, EV),
      row("1.3", { max: 7, data: "1000/1000", self: 7, evidence: EV }),
    ]);
    expect(codes(report)).toEqual(["DUPLICATE_CRITERION 1.2 Biểu!A6"]);
    expect(scores(report)["1.2"]).toBe(2);
  });
});
