import { formatNumber, WRONG_SET_ADVICE, type CriteriaSet, type Finding, type Locale, type PointsExplanation, type Report } from "../../../shared/index.ts";
import { formatPercent } from "../format.ts";
import { STRINGS } from "../i18n.ts";
import { warningKey, type AcceptedWarning } from "../accepted-warning.ts";
import { cellLinkHtml, esc, fieldHtml } from "./render.ts";

/**
 * A check's report as the pane shows it, in the order a civil servant works: the score and
 * band, then what to fix first (errors by field, each a click to its cell), then warnings
 * and notes folded away. The planner and the register follow (report-panel.ts).
 */

/** The engine's warning that the workbook is not the set's (another level or year): said first, unfolded, above the score (A4-1). */
export const isWrongSet = (f: Finding): boolean => f.code === "WRONG_CRITERIA_SET";

/**
 * The pane's wording of it: the set comes with the period, so the unit is told to open its own
 * level's workbook, not to choose another set (the engine's advice, the CLI's --set).
 */
export function wrongSetHtml(report: Report, locale: Locale): string {
  const t = STRINGS[locale].wrongSet;
  return report.findings
    .filter(isWrongSet)
    .map((f) => {
      const text = f.message.replace(WRONG_SET_ADVICE[locale], t.advice);
      const cell = f.cell ? ` ${cellLinkHtml(f.cell)}` : "";
      return `<fluent-message-bar intent="warning" layout="multiline" class="wrong-set" data-testid="wrong-set" data-code="${f.code}"><strong>${esc(t.title)}</strong>${cell}<p>${esc(text)}</p></fluent-message-bar>`;
    })
    .join("");
}

export function summaryHtml(report: Report, locale: Locale): string {
  const t = STRINGS[locale];
  const n = (x: number) => formatNumber(x, locale);
  const errors = report.findings.filter((f) => f.severity === "error").length;
  const warnings = report.findings.filter((f) => f.severity === "warning").length;
  // A field of survey items only, before any survey score is imported, has no sub-index yet (not "0 %").
  const surveyOnly = (code: string) => {
    const leaves = report.items.filter((i) => i.code.startsWith(`${code}.`));
    return leaves.length > 0 && leaves.every((i) => i.kind === "survey");
  };
  const fields = report.fields
    .filter((f) => !f.adjustment)
    .map((f) => {
      const pending = !report.survey.imported && surveyOnly(f.code);
      const width = pending ? 0 : Math.max(0, Math.min(100, f.percent));
      return `<li><span class="field-name">${esc(f.code)}. ${esc(f.title)}</span><span class="bar" aria-hidden="true"><span style="width:${width}%"></span></span><span class="num">${pending ? esc(t.surveyNotYet) : formatPercent(f.percent, locale)}</span></li>`;
    })
    .join("");
  return `<section class="score-card" aria-labelledby="score-title" data-testid="summary">
    <h2 id="score-title">${t.result}</h2>
    <div class="score"><span class="big" data-testid="percent">${formatPercent(report.percent, locale)}</span><fluent-badge appearance="tint" size="large" data-testid="band">${esc(report.band ?? "—")}</fluent-badge></div>
    <p>${t.total}: ${n(report.total)} / ${n(report.max)} · ${t.selfAssessable}: ${n(report.selfAssessable.score)} / ${n(report.selfAssessable.max)} (${formatPercent(report.selfAssessable.percent, locale)})</p>
    <p class="counts" data-testid="counts">${t.counts(errors, warnings)}</p>
    <details class="fields-details"><summary>${t.fields}</summary><ul class="fields">${fields}</ul></details></section>`;
}

function findingHtml(f: Finding, locale: Locale, accepted: Map<string, AcceptedWarning>, accepting: string | null): string {
  const t = STRINGS[locale];
  const key = warningKey(f);
  const ok = f.severity === "warning" ? accepted.get(key) : undefined;
  const cell = f.cell ? cellLinkHtml(f.cell) : "";
  let accept = "";
  if (f.severity === "warning") {
    if (ok) accept = `<p class="accepted">${esc(t.accepted(ok.reason))}</p>`;
    else if (accepting === key)
      accept = `<form class="accept-form" data-key="${esc(key)}">${fieldHtml(`reason-${f.code}`, t.acceptReason, `<textarea slot="input" id="reason-${f.code}" name="reason" required rows="3"></textarea>`)}<div class="form-actions"><fluent-button type="submit" appearance="primary">${t.save}</fluent-button><fluent-button data-action="cancel-accept">${t.cancel}</fluent-button></div></form>`;
    else accept = `<fluent-button appearance="transparent" size="small" data-action="accept" data-key="${esc(key)}">${t.accept}</fluent-button>`;
  }
  return `<li class="finding ${f.severity}" data-code="${f.code}"><span class="sev">${t.severity[f.severity]}</span> ${cell}<p>${esc(f.message)}</p>${accept}</li>`;
}

/** Findings grouped under their field's heading, fields in the set's order, general ones first. */
function byFieldHtml(report: Report, findings: Finding[], locale: Locale, accepted: Map<string, AcceptedWarning>, accepting: string | null): string {
  const t = STRINGS[locale];
  const groups = new Map<string, Finding[]>();
  for (const f of findings) {
    const field = f.criterion?.split(".")[0] ?? "";
    groups.set(field, [...(groups.get(field) ?? []), f]);
  }
  const order = (code: string) => (code === "" ? -1 : report.fields.findIndex((x) => x.code === code));
  const titleOf = (code: string) => (code ? `${code}. ${report.fields.find((x) => x.code === code)?.title ?? ""}` : t.general);
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b))
    .map(([code, fs]) => `<h3>${esc(titleOf(code))} <fluent-badge appearance="ghost" size="small">${fs.length}</fluent-badge></h3><ul class="findings">${fs.map((f) => findingHtml(f, locale, accepted, accepting)).join("")}</ul>`)
    .join("");
}

export function fixFirstHtml(report: Report, locale: Locale, accepted: Map<string, AcceptedWarning>, accepting: string | null): string {
  const t = STRINGS[locale];
  const of = (severity: Finding["severity"]) => report.findings.filter((f) => f.severity === severity);
  const [errors, infos] = [of("error"), of("info")];
  // The wrong set's warning is drawn above the score (wrongSetHtml), not folded here again.
  const warnings = of("warning").filter((f) => !isWrongSet(f));
  const errorsHtml = errors.length ? `<p class="hint">${t.fixFirstHint}</p>${byFieldHtml(report, errors, locale, accepted, accepting)}` : `<p class="all-good" data-testid="no-errors">${t.noErrors}</p>`;
  // Warnings open by themselves once nothing is left to fix, or while one is being accepted.
  const open = errors.length === 0 || accepting !== null ? " open" : "";
  const warningsHtml = warnings.length ? `<details class="warnings" data-testid="warnings"${open}><summary>${t.warningsTitle(warnings.length)}</summary>${byFieldHtml(report, warnings, locale, accepted, accepting)}</details>` : "";
  const infosHtml = infos.length ? `<details class="infos"><summary>${t.infosTitle(infos.length)}</summary>${byFieldHtml(report, infos, locale, accepted, accepting)}</details>` : "";
  return `<section class="fix-first" aria-labelledby="fix-title" data-testid="fix-first"><h2 id="fix-title">${t.fixFirst}</h2>${errorsHtml}${warningsHtml}${infosHtml}</section>`;
}

/** The engine's explanation (shared/lost-points.ts), loaded with the first check (report-extras.ts). */
export type ExplainLostPoints = (report: Report, set: CriteriaSet, locale: Locale) => PointsExplanation[];

export function lostPointsHtml(report: Report, locale: Locale, set: CriteriaSet | null = null, explainLostPoints: ExplainLostPoints | null = null): string {
  const t = STRINGS[locale];
  // With the report's own set, the CLI's explanation (shared/lost-points.ts): the declared data,
  // the band or count reached and the next step up, a bonus only where one was claimed; without
  // it (an old report), the items below their max with their findings.
  const lost =
    set && set.id === report.criteriaSet && explainLostPoints
      ? explainLostPoints(report, set, locale)
          .filter((e) => e.lost > 0)
          .map((e) => ({ code: e.code, title: e.title, cell: e.cell, lost: e.lost, reasons: [...e.reasons, ...e.findings] }))
      : report.items
          .filter((i) => i.kind !== "survey" && !i.notApplicable && i.score < i.max)
          .map((i) => ({ code: i.code, title: i.title, cell: i.cell, lost: Math.round((i.max - i.score) * 100) / 100, reasons: report.findings.filter((f) => f.criterion === i.code).map((f) => f.message) }))
          .sort((a, b) => b.lost - a.lost);
  const rows = lost
    .map((e) => {
      const link = e.cell ? cellLinkHtml(e.cell) : "";
      const reasons = e.reasons.map((r) => `<p>${esc(r)}</p>`).join("");
      return `<li><strong>${esc(e.code)}</strong> ${esc(e.title)} — <span class="lost">${t.lost(formatNumber(e.lost, locale))}</span> ${link}${reasons}</li>`;
    })
    .join("");
  return `<details class="lost-points"><summary>${t.lostPoints}</summary>${lost.length ? `<ul>${rows}</ul>` : `<p>${t.noLostPoints}</p>`}</details>`;
}
