import { describe, expect, it } from "vitest";
import { parseSurveyCsv } from "../../shared/survey-csv.ts";

describe("parseSurveyCsv", () => {
  it.each([
    ["\\n (Unix)", "code,score\n3.5.1,0.5\n8.2.1,1.25\n"],
    ["\\r\\n (Windows)", "code,score\r\n3.5.1,0.5\r\n8.2.1,1.25\r\n"],
    ["a lone \\r (Excel for Mac's CSV (Macintosh))", "code,score\r3.5.1,0.5\r8.2.1,1.25\r"],
    ["a lone \\r, after a BOM", "\uFEFFcode,score\r3.5.1,0.5\r8.2.1,1.25"],
  ])("reads lines ending in %s", (_ending, text) => {
    expect(parseSurveyCsv(text)).toEqual({ ok: true, scores: { "3.5.1": 0.5, "8.2.1": 1.25 } });
  });

  it("takes the first line that is not blank for the header", () => {
    expect(parseSurveyCsv("\n  \r\ncode;score\n3.5.1;0,5\n")).toEqual({ ok: true, scores: { "3.5.1": 0.5 } });
  });

  it("counts lines as the file has them, blank ones included, and allows one header only", () => {
    const parsed = parseSurveyCsv("\rcode,score\rmã,điểm\r3.5.1,0.5\r");
    expect(parsed).toEqual({ ok: false, errors: [{ line: 3, message: { vi: 'cần dạng "mã,điểm", gặp "mã,điểm"', en: 'expected "code,score", got "mã,điểm"' } }] });
  });

  it("reads a quoted score with a decimal comma in a comma-separated file, as Excel in a Vietnamese locale saves it (round 10)", () => {
    expect(parseSurveyCsv('code,score\n7.1,"8,5"\n7.2,"9"\n"7.3",7.25\n')).toEqual({ ok: true, scores: { "7.1": 8.5, "7.2": 9, "7.3": 7.25 } });
    // Unquoted, the comma still separates: one field too many.
    expect(parseSurveyCsv("code,score\n7.1,8,5\n").ok).toBe(false);
  });
});
