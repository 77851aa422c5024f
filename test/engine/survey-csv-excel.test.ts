import { describe, expect, it } from "vitest";
import { parseSurveyCsv } from "../../shared/survey-csv.ts";

/**
 * CF3-3: Excel's Save As › CSV writes every row of the used range — a cleared row is "," (";"
 * in a Vietnamese-locale Excel) and a formatted third column adds a trailing separator to
 * every line. `check --survey` refused such files (exit 2) while the Worker's import took them.
 */
describe("parseSurveyCsv reads the CSV Excel saves", () => {
  it.each([
    ["cleared rows written as ','", "code,score\r\n7.1.1,4.5\r\n7.1.2,5\r\n,\r\n,\r\n"],
    ["cleared rows written as ';', decimal commas", "Mã;Điểm\r\n7.1.1;4,5\r\n7.1.2;5\r\n;\r\n;\r\n"],
    ["a trailing separator on every line", "code,score,\r\n7.1.1,4.5,\r\n7.1.2,5,\r\n"],
    ["a stray ';' line in a comma file", "code,score\r\n7.1.1,4.5\r\n7.1.2,5\r\n;\r\n"],
    ["cleared rows above the header", ",\r\n,\r\ncode,score\r\n7.1.1,4.5\r\n7.1.2,5\r\n"],
    ["two trailing empty columns, ';'", "Mã;Điểm;;\r\n7.1.1;4,5;;\r\n7.1.2;5;;\r\n;;;\r\n"],
  ])("%s", (_name, text) => {
    expect(parseSurveyCsv(text)).toEqual({ ok: true, scores: { "7.1.1": 4.5, "7.1.2": 5 } });
  });

  it("still refuses a line with a third value, or a code with no score, naming that line", () => {
    expect(parseSurveyCsv("code,score\n7.1.1,4.5,x\n")).toMatchObject({ ok: false, errors: [{ line: 2 }] });
    expect(parseSurveyCsv("code,score\n7.1.1,4.5\n7.1.2,\n")).toMatchObject({ ok: false, errors: [{ line: 3 }] });
    expect(parseSurveyCsv("code,score\n7.1.1,4.5\n,5\n")).toMatchObject({ ok: false, errors: [{ line: 3 }] });
  });
});
