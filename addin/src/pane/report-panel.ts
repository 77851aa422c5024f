import { formatNumber, type CriteriaSet, type EvidenceRegister, type Report } from "../../../shared/index.ts";
import { AcceptedWarnings } from "./accepted-warnings.ts";
import type { PaneContext } from "./pane-context.ts";
import { defaultTarget, plannerHtml } from "./planner-view.ts";
import { registerHtml } from "./register-view.ts";
import type { ReportExtras } from "./report-extras.ts";
import { fixFirstHtml, isWrongSet, lostPointsHtml, summaryHtml, wrongSetHtml } from "./report-view.ts";

/**
 * The last report as the pane shows it: score and band, what to fix first, target planner,
 * evidence register and lost points, with what the user chose on each (target, open
 * register, accepted warnings).
 */
export class ReportPanel {
  report: Report | null = null;
  /** The evidence register of the last check. */
  register: EvidenceRegister | null = null;
  /** The planner and the lost-points explanation, loaded with the first check (report-extras.ts). */
  extras: ReportExtras | null = null;
  readonly warnings: AcceptedWarnings;
  /** The target index as typed (null: the next band's minimum). */
  private target: string | null = null;
  private registerOpen = false;

  constructor(private readonly pane: PaneContext) {
    this.warnings = new AcceptedWarnings(pane.store);
  }

  /** The report's own buttons: a warning's reason form, the register list. */
  onClick(action: string | undefined, data: DOMStringMap): void {
    if (action === "accept") this.warnings.accepting = data.key ?? null;
    if (action === "cancel-accept") this.warnings.accepting = null;
    if (action === "toggle-register") this.registerOpen = !this.registerOpen;
  }

  /** Plan for the typed target at once; the caret stays in the field to try another. */
  async planTarget(data: FormData): Promise<void> {
    this.target = String(data.get("target") ?? "");
    await this.pane.render();
    this.pane.root.querySelector<HTMLInputElement>("#target-input")?.focus();
  }

  html(set: CriteriaSet | null): string {
    const report = this.report;
    if (!report) return "";
    const locale = this.pane.locale;
    return wrongSetHtml(report, locale) + summaryHtml(report, locale) + fixFirstHtml(report, locale, this.warnings.accepted, this.warnings.accepting) + this.plannerAndRegisterHtml(report, set) + lostPointsHtml(report, locale, set, this.extras?.explainLostPoints ?? null);
  }

  /** The target planner and the evidence register, only for a report of the set in use. */
  private plannerAndRegisterHtml(report: Report, set: CriteriaSet | null): string {
    if (!set || report.criteriaSet !== set.id || !this.extras) return "";
    // A workbook of another level or year (A4-1): no plan to reach a target on a form that is not the set's.
    if (report.findings.some(isWrongSet)) return this.register ? registerHtml(this.register, this.pane.locale, this.registerOpen) : "";
    const planner = plannerHtml(report, set, this.target ?? formatNumber(defaultTarget(report, set), this.pane.locale), this.pane.locale, this.extras.planTarget);
    return planner + (this.register ? registerHtml(this.register, this.pane.locale, this.registerOpen) : "");
  }
}
