import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";
import { evidenceRegister, formatNumber, planTarget, scoreWorkbook, type CriteriaSet, type Grid } from "../../shared/index.ts";
import { defaultTarget, parseTarget, plannerHtml } from "../src/pane/planner-view.ts";
import { registerHtml } from "../src/pane/register-view.ts";
import { esc } from "../src/pane/render.ts";
import { loadFixtureSet } from "./fake-worker.ts";

/** The pane's planner and register show the engine's own answers for the golden fixtures. */
function open(workbook: string, criteria: string): { grid: Grid; set: CriteriaSet } {
  const read = readWorkbookBytes(readFileSync(`fixtures/workbooks/${workbook}.xlsx`));
  if (!read.ok) throw new Error(read.message);
  return { grid: read.grid, set: loadFixtureSet(`fixtures/criteria/${criteria}.json`) };
}

describe("target planner view", () => {
  it("district-percent-format: defaults to the next band and lists the plan by gain with cell links", () => {
    const { grid, set } = open("district-percent-format", "demo-district-2024");
    const report = scoreWorkbook(grid, set, { locale: "vi" });
    const target = defaultTarget(report, set);
    expect(target).toBe(80); // 75,81 % "Khá" → "Tốt" from 80 %
    const plan = planTarget(report, set, { percent: target });
    expect(plan.reachable).toBe(true);
    const html = plannerHtml(report, set, String(target), "vi", planTarget);
    expect(html).toContain("Để đạt 80 % cần:");
    let at = -1;
    for (const item of [...plan.items].sort((a, b) => b.gain - a.gain)) {
      const here = html.indexOf(esc(item.message.vi));
      expect(here).toBeGreaterThan(at); // in order of gain
      at = here;
      const cell = report.items.find((i) => i.code === item.code)!.cell!;
      expect(html).toContain(`data-action="select" data-cell="${esc(cell)}"`);
    }
    expect(html).toContain(esc(plan.message.vi));
    const en = plannerHtml(report, set, "80", "en", planTarget);
    expect(en).toContain("To reach 80 % you need:");
    expect(en).toContain(esc(plan.items[0]!.message.en));
  });

  it("province-evidence: says why the next band is out of reach (the survey is not imported)", () => {
    const { grid, set } = open("province-evidence", "demo-province-2024");
    const report = scoreWorkbook(grid, set, { locale: "vi" });
    const plan = planTarget(report, set, { percent: defaultTarget(report, set) });
    expect(plan.reachable).toBe(false);
    const html = plannerHtml(report, set, String(defaultTarget(report, set)), "vi", planTarget);
    expect(html).toContain('data-testid="plan-unreachable"');
    expect(html).toContain(esc(plan.message.vi));
    expect(html).toContain(`tối đa ${formatNumber(report.survey.max, "vi")} điểm) chưa được nhập`);
    expect(html).toContain(esc(plan.items[0]!.message.vi));
  });

  it("reads targets with either decimal mark and refuses others", () => {
    expect(parseTarget("85,5")).toBe(85.5);
    expect(parseTarget(" 90 ")).toBe(90);
    expect(parseTarget("101")).toBeNull();
    expect(parseTarget("abc")).toBeNull();
    const { grid, set } = open("district-percent-format", "demo-district-2024");
    expect(plannerHtml(scoreWorkbook(grid, set), set, "abc", "vi", planTarget)).toContain("Nhập chỉ số mục tiêu từ 0 đến 100.");
  });
});

describe("evidence register view", () => {
  it("province-evidence: every document, flagged first with the engine's messages, citations link to cells", () => {
    const { grid, set } = open("province-evidence", "demo-province-2024");
    const report = scoreWorkbook(grid, set, { locale: "vi" });
    const register = evidenceRegister(grid, set, report);
    const closed = registerHtml(register, "vi", false);
    expect(closed).toContain(`${register.documents.length} tài liệu, 3 cần xem lại`);
    expect(closed).not.toContain("register-doc");
    const html = registerHtml(register, "vi", true);
    expect(html.match(/data-testid="register-doc"/g)).toHaveLength(register.documents.length);
    expect(html.indexOf('data-flags=""')).toBeGreaterThan(html.lastIndexOf('data-flags="UNRECOGNISED"'));
    const old = register.documents.find((d) => d.flags.includes("OUT_OF_PERIOD"))!;
    expect(html).toContain(`Kế hoạch số 307/KH-MTTQ-BTT`);
    expect(html).toContain("09/09/2022");
    expect(html).toContain("Ngoài kỳ đánh giá");
    for (const d of register.documents) for (const m of d.messages.vi) expect(html).toContain(esc(m));
    expect(html).toContain(`data-cell="${esc(old.cells[0]!)}" title="${esc(old.cells[0]!)}">${old.criteria[0]}</button>`);
    expect(registerHtml(register, "en", true)).toContain(esc(old.messages.en[0]!));
  });
});
