import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { explainLostPoints, scoreWorkbook } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { lostPointsHtml, summaryHtml } from "../src/pane/report-view.ts";
import { loadFixtureSet } from "./fake-worker.ts";

/**
 * "Vì sao mất điểm?" in the pane is the CLI's explanation (shared/lost-points.ts). An outside
 * tester found the pane's own list naming a bonus the unit never claimed ("9.1 Mô hình, sáng
 * kiến CCHC … — mất 2 điểm") and dropping the declared data and the next band.
 */
const set = loadFixtureSet("fixtures/criteria/demo-district-2024.json");
const read = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/workbooks/district-ratio-problems.xlsx")));
if (!read.ok) throw new Error(read.message);
const report = scoreWorkbook(read.grid, set);

describe("Vì sao mất điểm? in the pane", () => {
  it("says the declared data and the next band, as the CLI does", () => {
    const html = lostPointsHtml(report, "vi", set, explainLostPoints);
    expect(html).toContain("Số liệu kê khai 15/28 (53,57 %)");
    expect(html).toContain("Mức kế tiếp: từ 80 % được 1 điểm.");
  });

  it("lists exactly the CLI's items, and no bonus that was never claimed", () => {
    const html = lostPointsHtml(report, "vi", set, explainLostPoints);
    const codes = [...html.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(codes).toEqual(explainLostPoints(report, set, "vi").filter((e) => e.lost > 0).map((e) => e.code));
    expect(codes).not.toContain("9.1");
  });

  it("without the report's set (an old report), lists the items below their max", () => {
    expect(lostPointsHtml(report, "vi", null)).toContain("1.1.2");
  });
});

describe("the sub-indices in the pane", () => {
  const commune = loadFixtureSet("fixtures/criteria/demo-commune-2024.json");
  const bytes = readWorkbookBytes(new Uint8Array(readFileSync("fixtures/workbooks/commune-structure.xlsx")));
  if (!bytes.ok) throw new Error(bytes.message);
  const scored = scoreWorkbook(bytes.grid, commune);
  const line = (r: typeof scored, code: string) => summaryHtml(r, "vi").split("<li>").find((l) => l.includes(`>${code}. `))!;

  it("a survey-only field before any survey score says so, not '0 %' (an outside tester)", () => {
    expect(scored.survey.imported).toBe(false);
    expect(line(scored, "7")).toContain("chưa có điểm điều tra");
    expect(line(scored, "7")).not.toContain("0 %");
    // A field the unit scores keeps its percentage.
    expect(line(scored, "1")).toMatch(/\d %</);
  });
});
