import { countBySeverity, explainLostPoints, formatNumber, type CriteriaSet, type Finding, type Locale, type Report } from "../shared/index.ts";
import { indexText, LABELS } from "./labels.ts";

/** The readable report of `parindex check`: totals, fields, findings grouped by field. */
export function renderReport(report: Report, set: CriteriaSet, locale: Locale): string {
  const L = LABELS[locale];
  const n = (x: number) => formatNumber(x, locale);
  const pct = (x: number) => indexText(x, locale);
  const lines: string[] = [];
  lines.push(`${L.set}: ${set.id} — ${set.title}`);
  lines.push(`${L.sheet}: ${report.sheets.join(", ")}`);
  lines.push(`${L.total}: ${n(report.total)} / ${n(report.max)} — ${L.index}: ${pct(report.percent)} % — ${L.band}: ${report.band ?? "—"}`);
  const sa = report.selfAssessable;
  lines.push(`${L.selfAssessable}: ${n(sa.score)} / ${n(sa.max)} (${pct(sa.percent)} %)`);
  const sv = report.survey;
  if (sv.max > 0) lines.push(`${L.survey}: ${sv.imported ? `${n(sv.score)} / ${n(sv.max)}` : L.surveyNotImported}`);
  lines.push("", `${L.fields}:`);
  for (const f of report.fields) {
    // A field of survey items only, rescaled away for want of a survey (§6), is not "0 / 0 (0 %)": it is not counted.
    if (!f.adjustment && f.max === 0 && !sv.imported && surveyOnly(set, f.code)) {
      lines.push(`  ${f.code}. ${f.title}: ${L.surveyNotCounted}`);
      continue;
    }
    const share = f.adjustment ? "" : ` (${pct(f.percent)} %)`;
    lines.push(`  ${f.code}. ${f.title}: ${n(f.score)}${f.adjustment ? "" : ` / ${n(f.max)}`}${share}`);
  }
  const lost = explainLostPoints(report, set, locale).filter((e) => e.lost > 0);
  if (lost.length > 0) lines.push("", `${L.lostPoints}:`);
  for (const e of lost) {
    lines.push(`  ${e.code} ${e.title} — ${L.lost(n(e.lost))}${e.cell ? ` (${e.cell})` : ""}`);
    for (const reason of e.reasons) lines.push(`      ${reason}`);
  }
  const c = countBySeverity(report);
  lines.push("", `${L.findings}: ${L.counts(c.errors, c.warnings, c.infos)}`);
  if (report.findings.length === 0) lines.push(`  ${L.noFindings}`);
  for (const [title, group] of groupByField(report.findings, report)) {
    lines.push(`  [${title || L.general}]`);
    for (const f of group) lines.push(`    ${L.severity[f.severity].padEnd(10)} ${(f.cell ?? "").padEnd(22)} ${f.message}`);
  }
  return lines.join("\n");
}

function groupByField(findings: Finding[], report: Report): Map<string, Finding[]> {
  const titles = new Map(report.fields.map((f) => [f.code, `${f.code}. ${f.title}`]));
  const groups = new Map<string, Finding[]>();
  const severityOrder = { error: 0, warning: 1, info: 2 };
  const sorted = [...findings].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  for (const f of sorted) {
    const key = f.criterion ? (titles.get(f.criterion.split(".")[0]!) ?? "") : "";
    groups.set(key, [...(groups.get(key) ?? []), f]);
  }
  return new Map([...groups].sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : Number(a.split(".")[0]) - Number(b.split(".")[0]))));
}

/** Does the field hold survey items only? */
function surveyOnly(set: CriteriaSet, code: string): boolean {
  const leaves = (items: CriteriaSet["items"]): CriteriaSet["items"] => items.flatMap((i) => (i.children?.length ? leaves(i.children) : [i]));
  const field = set.items.find((i) => i.code === code);
  const under = field ? leaves([field]) : [];
  return under.length > 0 && under.every((i) => i.rule?.kind === "survey");
}
