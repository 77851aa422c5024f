import { describe, expect, it } from "vitest";
import { readCodeCell } from "../../shared/codes.ts";
import { codes, EV, score, scores, setOf, type Cell } from "./v2-helpers.ts";

/** Code forms offices type that were not read: "(a)" for a list letter, "1.1.a" for the level under 1.1 lettered. */
const set = setOf([
  { code: "1.1", title: "Kế hoạch CCHC", max: 3, children: [{ code: "1.1.1", title: "Ban hành kế hoạch", max: 1 }, { code: "1.1.2", title: "Hoàn thành kế hoạch", max: 2 }] },
  { code: "1.2", title: "Báo cáo", max: 2 },
]);
const line = (code: string, max: number | null, self: number | null): Cell[] => [code, `Tiêu chí ${code}`, max, null, self, self === null ? null : EV, null];

describe("code forms", () => {
  it("reads '(a)' as a letter and '1.1.a' as 1.1.1; '1.4a' stays a row the unit added", () => {
    expect(readCodeCell("(a)")).toEqual({ kind: "letter", n: 1 });
    expect(readCodeCell("(đ)")).toEqual({ kind: "letter", n: 5 });
    expect(readCodeCell("1.1.a")).toEqual({ kind: "dotted", code: "1.1.1" });
    expect(readCodeCell("2.3.b)")).toEqual({ kind: "dotted", code: "2.3.2" });
    expect(readCodeCell("1.4a")).toEqual({ kind: "dotted", code: "1.4a" });
    expect(readCodeCell("(1)")).toBeNull();
  });

  it.each([
    ["1.1.a", "1.1.b"],
    ["(a)", "(b)"],
  ])("a table lettering 1.1's sub-criteria %j, %j is scored as 1.1.1 and 1.1.2", (a, b) => {
    const report = score(set, [line("1", 5, null), line("1.1", 3, null), line(a, 1, 1), line(b, 2, 1.5), line("1.2", 2, 2)]);
    expect(codes(report)).toEqual([]);
    expect(scores(report)).toMatchObject({ "1.1.1": 1, "1.1.2": 1.5, "1.2": 2 });
    expect(report.total).toBe(4.5);
  });
});
