import { formatNumber, type ColumnKind, type Finding, type Locale, type Report } from "../../../shared/index.ts";
import type { QueuedSubmission } from "../api/queue.ts";
import { MAPPED_KINDS, type MappingQuestion } from "../column-mapping.ts";
import { describeLastOutcome, type LastOutcome } from "../last-outcome.ts";
import { STRINGS } from "../i18n.ts";
import { warningKey, type AcceptedWarning } from "../submit.ts";
import type { Status } from "./pane-context.ts";

/** HTML of the pane's parts; pure, so the harness and tests render the same thing. */
export type Filter = "all" | "error" | "warning";

export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The pane's top: title, language and settings, then what the host lacks, the progress and the status line. */
export function chromeHtml(locale: Locale, unsupported: string[], progress: string | null, status: Status): string {
  const t = STRINGS[locale];
  const banner = unsupported.length ? `<div class="banner warning" role="alert">${t.unsupported}<ul>${unsupported.map((u) => `<li>${esc(u)}</li>`).join("")}</ul></div>` : "";
  const statusLine = status ? `<div class="banner ${status.kind}" role="status" data-testid="status">${esc(status.text)}</div>` : "";
  const progressLine = progress ? `<div class="progress" role="progressbar" data-testid="progress">${esc(progress)}</div>` : "";
  const header = `<header><h1>${t.appTitle}</h1><button data-action="language" lang="${locale === "vi" ? "en" : "vi"}">${t.language}</button><button data-action="settings" aria-label="${t.settings}">⚙ ${t.settings}</button></header>`;
  return `${header}${banner}${progressLine}${statusLine}`;
}

export function actionsHtml(locale: Locale): string {
  const t = STRINGS[locale];
  return `<nav class="actions"><button class="primary" data-action="check">${t.check}</button><button data-action="submit">${t.submit}</button><button data-action="consolidate">${t.consolidate}</button></nav>`;
}

export function summaryHtml(report: Report, locale: Locale): string {
  const t = STRINGS[locale];
  const n = (x: number) => formatNumber(x, locale);
  const fields = report.fields
    .filter((f) => !f.adjustment)
    .map((f) => `<li><span class="field-name">${esc(f.code)}. ${esc(f.title)}</span><span class="bar" aria-hidden="true"><span style="width:${f.percent}%"></span></span><span class="num">${n(f.percent)}%</span></li>`)
    .join("");
  return `<section class="summary" aria-label="${t.index}">
    <div class="score"><span class="big" data-testid="percent">${n(report.percent)}%</span><span class="band" data-testid="band">${esc(report.band ?? "—")}</span></div>
    <p>${t.total}: ${n(report.total)} / ${n(report.max)}</p>
    <p>${t.selfAssessable}: <strong>${n(report.selfAssessable.score)} / ${n(report.selfAssessable.max)}</strong> (${n(report.selfAssessable.percent)}%)</p>
    <h2>${t.fields}</h2><ul class="fields">${fields}</ul></section>`;
}

function findingHtml(f: Finding, locale: Locale, accepted: Map<string, AcceptedWarning>, accepting: string | null): string {
  const t = STRINGS[locale];
  const key = warningKey(f);
  const ok = f.severity === "warning" ? accepted.get(key) : undefined;
  const cell = f.cell ? `<button class="finding-link" data-action="select" data-cell="${esc(f.cell)}">${esc(f.cell)}</button>` : "";
  let accept = "";
  if (f.severity === "warning") {
    if (ok) accept = `<p class="accepted">${esc(t.accepted(ok.reason))}</p>`;
    else if (accepting === key)
      accept = `<form class="accept-form" data-key="${esc(key)}"><label>${t.acceptReason}<textarea name="reason" required></textarea></label><button type="submit" class="primary">${t.save}</button> <button type="button" data-action="cancel-accept">${t.cancel}</button></form>`;
    else accept = `<button class="subtle" data-action="accept" data-key="${esc(key)}">${t.accept}</button>`;
  }
  return `<li class="finding ${f.severity}" data-code="${f.code}"><span class="sev">${t.severity[f.severity]}</span> ${cell}<p>${esc(f.message)}</p>${accept}</li>`;
}

export function findingsHtml(report: Report, locale: Locale, filter: Filter, accepted: Map<string, AcceptedWarning>, accepting: string | null): string {
  const t = STRINGS[locale];
  const shown = report.findings.filter((f) => filter === "all" || f.severity === filter);
  const groups = new Map<string, Finding[]>();
  for (const f of shown) {
    const field = f.criterion?.split(".")[0] ?? "";
    groups.set(field, [...(groups.get(field) ?? []), f]);
  }
  const titleOf = (code: string) => (code ? `${code}. ${report.fields.find((x) => x.code === code)?.title ?? ""}` : t.general);
  const filterButton = (f: Filter, label: string) => `<button data-action="filter" data-filter="${f}" aria-pressed="${filter === f}">${label}</button>`;
  const body =
    shown.length === 0
      ? `<p class="empty">${t.noFindings}</p>`
      : [...groups.entries()]
          .sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : Number(a) - Number(b)))
          .map(([code, fs]) => `<h3>${esc(titleOf(code))}</h3><ul class="findings">${fs.map((f) => findingHtml(f, locale, accepted, accepting)).join("")}</ul>`)
          .join("");
  return `<section aria-label="${t.findings}"><h2>${t.findings}</h2><div class="filters" role="group">${filterButton("all", t.all)}${filterButton("error", t.errors)}${filterButton("warning", t.warnings)}</div>${body}</section>`;
}

export function lostPointsHtml(report: Report, locale: Locale): string {
  const t = STRINGS[locale];
  const lost = report.items
    .filter((i) => i.kind !== "survey" && !i.notApplicable && i.score < i.max)
    .map((i) => ({ i, lost: Math.round((i.max - i.score) * 100) / 100, why: report.findings.filter((f) => f.criterion === i.code) }))
    .sort((a, b) => b.lost - a.lost);
  const rows = lost
    .map(({ i, lost: l, why }) => {
      const link = i.cell ? `<button class="finding-link" data-action="select" data-cell="${esc(i.cell)}">${esc(i.cell)}</button>` : "";
      const reasons = why.map((f) => `<p>${esc(f.message)}</p>`).join("");
      return `<li><strong>${esc(i.code)}</strong> ${esc(i.title)} — <span class="lost">${t.lost(formatNumber(l, locale))}</span> ${link}${reasons}</li>`;
    })
    .join("");
  return `<details class="lost-points"><summary>${t.lostPoints}</summary>${lost.length ? `<ul>${rows}</ul>` : `<p>${t.noLostPoints}</p>`}</details>`;
}

export function queueHtml(items: QueuedSubmission[], locale: Locale): string {
  const t = STRINGS[locale];
  const rows = items
    .map((q) => `<li data-testid="queued"><span>${esc(q.period)} — ${esc(q.queuedAt.slice(0, 16).replace("T", " "))}${q.rejected ? " ⚠" : ""}</span> <button data-action="remove-queued" data-key="${esc(q.key)}">${t.remove}</button></li>`)
    .join("");
  const retry = items.length ? `<button data-action="retry">${t.retry}</button>` : "";
  return `<section aria-label="${t.queue}"><h2>${t.queue} (${items.length})</h2>${items.length ? `<ul class="queue">${rows}</ul>${retry}` : `<p>${t.queueEmpty}</p>`}</section>`;
}

/** The column-mapping form: native inputs and selects with labels, so it works from the keyboard alone. */
export function mappingFormHtml(q: MappingQuestion, locale: Locale, problem: string | null): string {
  const t = STRINGS[locale].mapping;
  const missing = q.missing.filter((k) => k === "self" || k === "max" || k === "title").map((k) => t.kinds[k]).join(", ") || "—";
  const select = (kind: ColumnKind) => {
    const options = q.options.map((o) => `<option value="${o.index}"${q.columns[kind] === o.index ? " selected" : ""}>${esc(o.text)}</option>`).join("");
    return `<label>${t.kinds[kind]}<select name="${kind}" data-kind="${kind}"><option value="">${t.none}</option>${options}</select></label>`;
  };
  const error = problem ? `<p class="banner error" role="alert" data-testid="mapping-problem">${esc(problem)}</p>` : "";
  return `<section class="mapping" aria-labelledby="mapping-title" data-testid="mapping">
    <h2 id="mapping-title">${t.title}</h2><p id="mapping-explain">${esc(t.explain(q.sheet, missing))}</p>${error}
    <form id="mapping-form" data-sheet="${esc(q.sheet)}" aria-describedby="mapping-explain">
      <label>${t.headerTop}<input name="headerTop" type="number" min="1" step="1" required value="${q.headerTop + 1}"></label>
      <label>${t.headerBottom}<input name="headerBottom" type="number" min="1" step="1" value="${q.headerBottom + 1}"></label>
      ${MAPPED_KINDS.map(select).join("")}
      <button class="primary" type="submit">${t.confirm}</button></form></section>`;
}

export function lastOutcomeHtml(o: LastOutcome, locale: Locale): string {
  const d = describeLastOutcome(o, locale);
  return `<section class="last-outcome" aria-label="${STRINGS[locale].lastSubmission}" data-testid="last-outcome" data-kind="${o.kind}"><h2>${STRINGS[locale].lastSubmission}</h2><p class="banner ${d.tone}"><time datetime="${esc(o.at)}">${esc(d.when)}</time> — ${esc(d.text)}</p></section>`;
}
