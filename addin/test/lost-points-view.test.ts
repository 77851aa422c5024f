import { describe, expect, it } from "vitest";
import { explainLostPoints, scoreWorkbook } from "../../shared/index.ts";
import { loadFixtureGrid, loadFixtureSet } from "../../fixtures/load-fixture.ts";
import { lostPointsHtml } from "../src/pane/report-view.ts";

/**
 * "Vì sao mất điểm?" in the pane is the CLI's explanation (shared/lost-points.ts). An outside
 * tester found the pane's own list naming a bonus the unit never claimed ("9.1 Mô hình, sáng
 * kiến CCHC … — mất 2 điểm") and dropping the declared data and the next band.
 */
const set = loadFixtureSet("demo-district-2024");
const report = scoreWorkbook(loadFixtureGrid("district-ratio-problems"), set);

describe("Vì sao mất điểm? in the pane", () => {
  it("says the declared data and the next band, as the CLI does", () => {
    const html = lostPointsHtml(report, "vi", set);
    expect(html).toContain("Số liệu kê khai 15/28 (53,57 %)");
    expect(html).toContain("Mức kế tiếp: từ 80 % được 1 điểm.");
  });

  it("lists exactly the CLI's items, and no bonus that was never claimed", () => {
    const html = lostPointsHtml(report, "vi", set);
    const codes = [...html.matchAll(/<li><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);
    expect(codes).toEqual(explainLostPoints(report, set, "vi").filter((e) => e.lost > 0).map((e) => e.code));
    expect(codes).not.toContain("9.1");
  });

  it("without the report's set (an old report), lists the items below their max", () => {
    expect(lostPointsHtml(report, "vi", null)).toContain("1.1.2");
  });
});
