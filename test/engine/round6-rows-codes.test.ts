import { describe, expect, it } from "vitest";
import { readCodeCell } from "../../shared/codes.ts";
import { codes, EV, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/**
 * A row the unit added, coded "1.4a" (outside round 6, M1): a criterion the set does not have,
 * said as such (UNKNOWN_CRITERION, a warning at its code cell) rather than read as no row at
 * all. Codes with a footnote mark ("1.1.1*", "1.2 (*)", "4.2**") are the plain code; "a)" under
 * a leaf stays an option line.
 */
describe("code cells with a suffix", () => {
  it.each([
    ["1.4a", { kind: "dotted", code: "1.4a" }],
    ["3.2.4a", { kind: "dotted", code: "3.2.4a" }],
    ["1.2b.", { kind: "dotted", code: "1.2b" }],
    ["1.1.1*", { kind: "dotted", code: "1.1.1" }],
    ["1.2 (*)", { kind: "dotted", code: "1.2" }],
    ["3.2.1(*)", { kind: "dotted", code: "3.2.1" }],
    ["4.2**", { kind: "dotted", code: "4.2" }],
    ["a)", { kind: "letter", n: 1 }],
    ["b)", { kind: "letter", n: 2 }],
    ["1a", null],
    ["1.4ab", null],
    ["*", null],
  ])("%j → %j", (text, token) => expect(readCodeCell(text)).toEqual(token));
});

const set = setOf([
  { code: "1.1", title: "Ban hành kế hoạch", max: 2, rule: { kind: "choice", options: [2, 1, 0] }, evidence: { required: true } },
  { code: "1.2", title: "Đối thoại với Nhân dân", max: 3, rule: { kind: "choice", options: [3, 0] }, evidence: { required: true } },
]);
const line = (code: Cell, title: string, max: Cell, self: Cell, evidence: Cell = EV): Cell[] => [code, title, max, null, self, evidence, null];

describe("rows coded with a suffix", () => {
  it("a row the unit added ('1.2a') is an unknown criterion, at its code cell, not scored", () => {
    const report = score(set, [
      line("1", "Chỉ đạo, điều hành", 5, null, null),
      line("1.1", "Ban hành kế hoạch", 2, 2),
      line("1.2", "Đối thoại với Nhân dân", 3, 3),
      line("1.2a", "Tổ chức hội nghị đối thoại chuyên đề với doanh nghiệp (đơn vị bổ sung)", 1, 1, "Thông báo số 20/TB-UBND ngày 10/06/2024"),
    ]);
    expect(codes(report)).toEqual(["UNKNOWN_CRITERION 1.2a Biểu!A5"]);
    expect(report.findings[0]!.severity).toBe("warning");
    expect(report.total).toBe(5);
  });

  it("a code with a footnote mark is the criterion's, whatever its title", () => {
    const report = score(set, [
      line("1", "Chỉ đạo, điều hành", 5, null, null),
      line("1.1*", "Ban hành kế hoạch CCHC năm (mới)", 2, 2),
      line("1.2 (*)", "Đối thoại (sửa đổi)", 3, 3),
    ]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1": 2, "1.2": 3 });
  });

  it("'a)', 'b)' under a leaf stay its option lines", () => {
    const report = score(set, [
      line("1", "Chỉ đạo, điều hành", 5, null, null),
      line("1.1", "Ban hành kế hoạch", 2, null),
      line("a)", "Ban hành đúng hạn: 2 điểm", null, 2, null),
      line("b)", "Ban hành chậm: 1 điểm", null, null, null),
      line("1.2", "Đối thoại với Nhân dân", 3, 3),
    ]);
    expect(codes(report)).toEqual([]);
    expect(report.total).toBe(5);
  });
});
