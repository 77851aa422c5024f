import { describe, expect, it } from "vitest";
import { previewText } from "../src/web/sheet-view.ts";
import { message } from "../../shared/index.ts";

/** The web checker's preview of the sheet writes numbers as the findings beside it do. */
describe("the sheet preview's cells", () => {
  it.each([
    [{ v: 8.5 }, "8,5"],
    [{ v: 10.25 }, "10,25"],
    [{ v: 12 }, "12"],
    [{ v: 8.5, w: "8.5" }, "8,5"], // SheetJS's displayed text is en-US
    [{ v: 1250.75, z: "#,##0.00", w: "1,250.75" }, "1.250,75"],
    [{ v: 0.855, z: "0.0%", w: "85.5%" }, "85,5%"],
    [{ v: 45688, z: "dd.mm.yyyy", w: "31.01.2025" }, "31.01.2025"], // a date's dots are no decimal mark
    [{ v: "1.10" }, "1.10"], // text, as typed: a code
    [{ v: "2,5 điểm" }, "2,5 điểm"],
    [{ err: "#DIV/0!" }, "#DIV/0!"],
  ])("%j shows as %j in Vietnamese", (cell, shown) => {
    expect(previewText(cell, "vi")).toBe(shown);
  });

  it("keeps the dot in English, and agrees with the findings' numbers", () => {
    expect(previewText({ v: 8.5 }, "en")).toBe("8.5");
    expect(previewText({ v: 2.5 }, "vi")).toBe("2,5");
    expect(message("SCORE_OVER_MAX", { code: "1.1", value: 2.5, max: 2 }, "vi")).toContain("là 2,5,");
  });
});
