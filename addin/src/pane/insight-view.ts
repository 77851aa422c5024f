import { foldText, formatNumber, type Analysis, type Locale, type Trend, type UnitHistory } from "../../../shared/index.ts";
import { INSIGHT_STRINGS } from "../i18n-insight.ts";
import { STRINGS } from "../i18n.ts";
import { percentOf } from "../insight-rows.ts";
import { actionButtonHtml, esc, fieldHtml } from "./render.ts";

/** The "Phân tích và diễn biến" section: buttons that pull insight from the Worker into sheets, and a glance at the answer (issue 8). */
export type InsightResult = { kind: "analysis"; value: Analysis } | { kind: "history"; value: UnitHistory } | { kind: "trend"; value: Trend };

export interface UnitOption {
  id: string;
  name: string;
}

export interface InsightState {
  result: InsightResult | null;
  /** The history form's unit as typed (kept across re-renders). */
  unit: string;
  /** False once the token is known to be a unit's: its history is its own. */
  askUnit: boolean;
  options: UnitOption[];
}

/** Criteria listed in the pane; the sheet has them all. */
export const PANE_TOP = 5;

/** Unit ids are slugs ("xa-an-phu"); anything else typed is a name. */
const UNIT_ID = /^[a-z0-9][a-z0-9._-]*$/;

/**
 * A typed unit: an id, or a name from the list (without case or diacritics); "" when empty;
 * null for a name that is in no list (the pane says so, and asks the server nothing).
 */
export function resolveUnit(typed: string, options: readonly UnitOption[]): string | null {
  const t = typed.trim();
  if (!t) return "";
  const byId = options.find((o) => o.id === t);
  if (byId) return byId.id;
  const byName = options.find((o) => foldText(o.name) === foldText(t));
  if (byName) return byName.id;
  return UNIT_ID.test(t) ? t : null;
}

export function unitOptionsHtml(options: readonly UnitOption[]): string {
  return options.map((o) => `<option value="${esc(o.id)}">${esc(o.name)}</option>`).join("");
}

export function insightHtml(state: InsightState, locale: Locale): string {
  const t = INSIGHT_STRINGS[locale];
  // A native input: its suggestion list (datalist) must sit in the same tree as the input.
  const unit = state.askUnit
    ? fieldHtml("history-unit", t.unit, `<input slot="input" id="history-unit" name="unit" list="unit-options" autocomplete="off" value="${esc(state.unit)}" aria-describedby="history-unit-hint">`, t.unitHint) +
      `<datalist id="unit-options">${unitOptionsHtml(state.options)}</datalist>`
    : "";
  // Period-wide views are for reviewers and admins; a unit sees its own years only.
  const periodViews = state.askUnit ? `<div class="actions">${actionButtonHtml("analysis", t.analysis)}${actionButtonHtml("trend", t.trend)}</div>` : "";
  return `<section class="insight" aria-labelledby="insight-title" data-testid="insight"><h2 id="insight-title">${t.section}</h2>
    ${periodViews}<form id="history-form" class="history-form vertical-form">${unit}<fluent-button type="submit">${t.history}</fluent-button></form>
    <div id="insight-result" data-testid="insight-result" data-kind="${state.result?.kind ?? ""}">${state.result ? resultHtml(state.result, locale) : ""}</div></section>`;
}

function resultHtml(r: InsightResult, locale: Locale): string {
  if (r.kind === "analysis") return analysisHtml(r.value, locale);
  if (r.kind === "history") return historyHtml(r.value, locale);
  return trendHtml(r.value, locale);
}

function analysisHtml(a: Analysis, locale: Locale): string {
  const t = INSIGHT_STRINGS[locale].pane;
  if (a.items.length === 0) return `<p>${t.noItems}</p>`;
  const n = (x: number) => formatNumber(x, locale);
  const items = a.items
    .slice(0, PANE_TOP)
    .map((i) => `<li class="weak-item" data-code="${esc(i.code)}"><strong>${esc(i.code)}</strong> ${esc(i.title)} — <span class="lost">${t.lost(n(percentOf(i.shareLost)), i.unitsLosing, i.unitsScored)}</span></li>`)
    .join("");
  return `<p>${esc(t.analysis(a.units, a))}</p><ol class="weak">${items}</ol>`;
}

function historyHtml(h: UnitHistory, locale: Locale): string {
  const t = INSIGHT_STRINGS[locale].pane;
  const s = STRINGS[locale];
  const head = INSIGHT_STRINGS[locale].historySheet.yearHeaders;
  if (h.years.length === 0) return `<p>${esc(t.history(h.unitName))}</p><p>${t.noYears}</p>`;
  const rows = h.years
    .map((y) => {
      const rank = y.rank !== null ? t.rank(y.rank, y.of) : t.merge;
      return `<tr data-year="${y.year}"><th scope="row">${y.year}</th><td class="num">${formatNumber(y.percent, locale)} %</td><td>${esc(y.band ?? "—")}</td><td>${esc(rank)}</td></tr>`;
    })
    .join("");
  return `<p>${esc(t.history(h.unitName))}</p><table class="mini"><thead><tr><th scope="col">${head.year}</th><th scope="col">${s.index}</th><th scope="col">${s.band}</th><th scope="col">${head.rank}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

function trendHtml(tr: Trend, locale: Locale): string {
  const t = INSIGHT_STRINGS[locale].pane;
  const head = INSIGHT_STRINGS[locale].trendSheet.headers;
  const bands = tr.bands.map((b) => `<th scope="col">${esc(b)}</th>`).join("");
  const rows = tr.years
    .map((y) => {
      const counts = tr.bands.map((b) => `<td class="num">${y.counts[b] ?? 0}</td>`).join("");
      const mean = y.mean === null ? "—" : `${formatNumber(y.mean, locale)} %`;
      return `<tr data-year="${y.year}"><th scope="row">${y.year}</th>${counts}<td class="num">${y.submitted}/${y.units}</td><td class="num">${mean}</td></tr>`;
    })
    .join("");
  return `<p>${t.trend}</p><table class="mini"><thead><tr><th scope="col">${head.year}</th>${bands}<th scope="col">${head.submitted}</th><th scope="col">${t.mean}</th></tr></thead><tbody>${rows}</tbody></table>`;
}
