import { formatNumber, type CriteriaSet, type Locale, type Plan, type Report } from "../../../shared/index.ts";
import type { planTarget } from "../../../shared/target-planner.ts";
import { STRINGS } from "../i18n.ts";
import { cellLinkHtml, esc } from "./render.ts";

/** The "Mục tiêu" section: what to fix to reach a target index, from the engine's planner (issue 8). */

/** Default target: the minimum of the next band above the current index (100 when already in the top band). */
export function defaultTarget(report: Pick<Report, "percent">, set: Pick<CriteriaSet, "bands">): number {
  const next = [...set.bands].sort((a, b) => a.min - b.min).find((b) => b.min > report.percent);
  return next?.min ?? 100;
}

/** "85", "85,5" or "85.5" → 85.5; null unless a number in [0, 100]. */
export function parseTarget(text: string): number | null {
  const t = text.trim().replace(",", ".");
  if (!/^\d+(\.\d+)?$/.test(t)) return null;
  const x = Number(t);
  return x >= 0 && x <= 100 ? x : null;
}

/** The engine's planner (shared/target-planner.ts), loaded with the first check (report-extras.ts). */
export type PlanTarget = typeof planTarget;

export function plannerHtml(report: Report, set: CriteriaSet, input: string, locale: Locale, plan: PlanTarget): string {
  const t = STRINGS[locale].planner;
  const target = parseTarget(input);
  // A target that is no index marks the field and is said at once, the caret left in the field (A4-9).
  const invalid = target === null ? ` aria-invalid="true"` : "";
  const form = `<form id="target-form" class="target-form"><label for="target-input">${t.target}</label>
    <input id="target-input" name="target" type="text" inputmode="decimal" autocomplete="off" size="6" value="${esc(input)}" aria-describedby="plan-result"${invalid}>
    <fluent-button type="submit" appearance="primary">${t.plan}</fluent-button></form>`;
  const body =
    target === null
      ? `<fluent-message-bar intent="error" layout="multiline" role="alert" id="target-invalid" data-testid="target-invalid">${t.invalid}</fluent-message-bar>`
      : planBody(report, plan(report, set, { percent: target }), locale);
  return `<section class="planner" aria-labelledby="planner-title" data-testid="planner"><h2 id="planner-title">${t.title}</h2>${form}<div id="plan-result" data-testid="plan-result">${body}</div></section>`;
}

function planBody(report: Report, plan: Plan, locale: Locale): string {
  const t = STRINGS[locale].planner;
  const n = (x: number) => formatNumber(x, locale);
  const cells = new Map(report.items.map((i) => [i.code, i.cell]));
  const items = [...plan.items].sort((a, b) => b.gain - a.gain);
  const list = items
    .map((i) => {
      const cell = cells.get(i.code);
      const link = cell ? ` ${cellLinkHtml(cell)}` : "";
      return `<li class="plan-item" data-code="${esc(i.code)}"><span class="gain">${t.gain(n(i.gain))}</span>${link}<p>${esc(i.message[locale])}</p></li>`;
    })
    .join("");
  if (plan.alreadyReached) return `<fluent-message-bar intent="success" layout="multiline" data-testid="plan-message">${esc(plan.message[locale])}</fluent-message-bar>`;
  if (plan.reachable) {
    return `<h3 data-testid="plan-needs">${t.needs(n(plan.targetPercent))}</h3><p class="plan-now">${t.now(n(plan.currentPercent), n(plan.shortfall))}</p>
      <ol class="plan">${list}</ol><p data-testid="plan-message">${esc(plan.message[locale])}</p>`;
  }
  const survey = !report.survey.imported && report.survey.max > 0 ? `<p>${esc(t.surveyMissing(n(report.survey.max), n(plan.resultingPercent)))}</p>` : "";
  const rest = items.length ? `<p>${t.allFixes}</p><ol class="plan">${list}</ol>` : `<p>${t.noCandidates}</p>`;
  return `<fluent-message-bar intent="warning" layout="multiline" class="unreachable" data-testid="plan-unreachable"><strong>${t.unreachable}</strong><p data-testid="plan-message">${esc(plan.message[locale])}</p>${survey}</fluent-message-bar>${rest}`;
}
