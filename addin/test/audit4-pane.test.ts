import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { scoreWorkbook, type Locale } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { fixFirstHtml, wrongSetHtml } from "../src/pane/report-view.ts";
import { loadFixtureSet } from "./fake-worker.ts";

/**
 * The third outside audit of the pane and the web checker (A4, /tmp/audit-4): what the pane's
 * rendering and words get wrong, checked on the HTML the pane draws, Vietnamese first.
 */
const commune = loadFixtureSet("fixtures/criteria/demo-commune-2024.json");
const district = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/workbooks/district-ratio-problems.xlsx")));
if (!district.ok) throw new Error(district.message);

describe("A4-1: a workbook of another level, checked with the period's set", () => {
  it.each<[Locale, string, string]>([
    ["vi", "hãy mở bảng tự đánh giá của chính đơn vị mình", "hãy chọn đúng bộ tiêu chí"],
    ["en", "self-assessment workbook, for the period&#39;s level", "choose the right set"],
  ])("is said first, unfolded, in the pane's words (%s)", (locale, says, never) => {
    const report = scoreWorkbook(district.grid, commune, { locale });
    expect(report.findings.some((f) => f.code === "WRONG_CRITERIA_SET")).toBe(true);
    const banner = wrongSetHtml(report, locale);
    expect(banner).toContain('data-testid="wrong-set"');
    expect(banner).not.toContain("<details");
    expect(banner).toContain(says);
    expect(banner).not.toContain(never);
    // Not folded again among the warnings.
    expect(fixFirstHtml(report, locale, new Map(), null)).not.toContain('data-code="WRONG_CRITERIA_SET"');
  });

  it("draws nothing for a workbook of the set's own level", () => {
    const report = scoreWorkbook(district.grid, loadFixtureSet("fixtures/criteria/demo-district-2024.json"));
    expect(wrongSetHtml(report, "vi")).toBe("");
  });
});
