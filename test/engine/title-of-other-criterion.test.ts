import { describe, expect, it } from "vitest";
import { EV, codes, score, setOf, type Cell } from "./v2-helpers.ts";

/**
 * Last year's template sent against this year's set (an outside tester's fourth round): the
 * code column decides which criterion a row is (the contract), but a row whose title is
 * plainly another criterion's, and not its own, is said — it had been scored as the other
 * criterion with nothing said.
 */
const set = setOf([
  { code: "1.1", title: "Tỷ lệ hồ sơ giải quyết đúng hạn", max: 2 },
  { code: "1.2", title: "Thực hiện liên thông thủ tục hành chính", max: 1 },
  { code: "1.3", title: "Tỷ lệ phản ánh, kiến nghị được xử lý đúng quy định", max: 1 },
]);
const row = (code: string, title: string, self: number): Cell[] => [code, title, null, null, self, EV, null];
const head = (): Cell[] => ["1", "Lĩnh vực 1", 4, null, null, null, null];

describe("a row whose title is another criterion's", () => {
  it("is said at its code, naming the criterion its title is, and scored by its code", () => {
    const report = score(set, [head(), row("1.1", "Tỷ lệ hồ sơ giải quyết đúng hạn", 2), row("1.2", "Tỷ lệ phản ánh, kiến nghị được xử lý đúng quy định", 1), row("1.3", "Thực hiện liên thông thủ tục hành chính", 1)]);
    expect(codes(report)).toEqual(["TITLE_OF_OTHER_CRITERION 1.2 Biểu!A4", "TITLE_OF_OTHER_CRITERION 1.3 Biểu!A5"]);
    const first = report.findings[0]!;
    expect(first.severity).toBe("warning");
    expect(first.message).toContain("1.3");
    expect(first.message).toMatch(/biểu mẫu năm trước/);
    expect(report.total).toBe(4);
  });

  it("is not said for a title reworded, shortened or left out", () => {
    const report = score(set, [
      head(),
      row("1.1", "Hồ sơ giải quyết đúng hạn (tỷ lệ)", 2),
      row("1.2", "Liên thông TTHC", 1),
      row("1.3", "", 1),
    ]);
    expect(codes(report)).toEqual([]);
  });

  it("is not said when the title is as near its own criterion as the other", () => {
    const close = setOf([
      { code: "1.1", title: "Ban hành kế hoạch cải cách hành chính năm", max: 1 },
      { code: "1.2", title: "Ban hành kế hoạch tuyên truyền cải cách hành chính năm", max: 1 },
    ]);
    const report = score(close, [["1", "Lĩnh vực 1", 2, null, null, null, null], row("1.1", "Ban hành kế hoạch cải cách hành chính năm 2024", 1), row("1.2", "Ban hành kế hoạch tuyên truyền về cải cách hành chính", 1)]);
    expect(codes(report)).toEqual([]);
  });
});
