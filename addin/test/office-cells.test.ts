import { describe, expect, it } from "vitest";
import { toGridCell } from "../src/excel/office-cells.ts";

describe("a formula's cell as Office.js hands it over", () => {
  // Excel gives the add-in a formula's result: what it hands over was calculated. A formula whose
  // result is "" (`=IF(D49="","",-0.5*D49)`, everyday in templates) is a blank the engine reads as
  // SCORE_BLANK or "none" — as the CLI reads Excel's `<v/>` — never FORMULA_NOT_CALCULATED, whose
  // advice (open and save it in Excel) could not clear it (engine round 13, WB13-4).
  it.each(["Empty", "String"])("keeps a formula that gave an empty text (%s) as calculated", (type) => {
    expect(toGridCell("", '=IF(D49="","",-0.5*D49)', "General", type)).toEqual({ f: 'IF(D49="","",-0.5*D49)', v: "" });
  });

  it("keeps an empty cell without a formula empty", () => {
    expect(toGridCell("", "", "General", "Empty")).toBeNull();
  });
});
