import { formatNumber, unitWithParent, type Locale, type Ranking, type RankingEntry, type Report } from "../../shared/index.ts";
import { STRINGS } from "./i18n.ts";
import { EXCEL_STRINGS } from "./i18n-excel.ts";
import { INSIGHT_STRINGS } from "./i18n-insight.ts";
import { formatPercent, formatStamp } from "./format.ts";
import { dec, int, text } from "./insight-rows.ts";
import type { OwnSheetSpec } from "./own-sheet.ts";

/** The check's result and the period's ranking as the add-in's own sheets (pure; Excel and the harness draw them). */

/**
 * The check's result as an own sheet, laid out and written like the insight sheets (one
 * path: text columns formatted "@" first, every string through `excelText`): the totals,
 * the fields and the findings, each list a real Excel table.
 */
export function resultSheet(report: Report, locale: Locale, now: Date): OwnSheetSpec {
  const t = STRINGS[locale];
  const n = (x: number) => formatNumber(x, locale);
  const [fCode, fTitle, fScore, fMax, fPercent] = t.sheet.fieldHeaders;
  const [severity, code, criterion, cell, message] = t.sheet.headers;
  return {
    role: "result",
    title: t.sheet.title,
    notes: [
      INSIGHT_STRINGS[locale].generated(formatStamp(now)),
      `${t.index}: ${formatPercent(report.percent, locale)} — ${t.band}: ${report.band ?? "—"} — ${t.total}: ${n(report.total)}/${n(report.max)}`,
      `${t.selfAssessable}: ${n(report.selfAssessable.score)}/${n(report.selfAssessable.max)} (${formatPercent(report.selfAssessable.percent, locale)})`,
    ],
    tables: [
      {
        name: "KetQua_LinhVuc",
        caption: t.fields,
        columns: [text(fCode!), text(fTitle!, true), dec(fScore!), dec(fMax!), dec(fPercent!)],
        rows: report.fields.map((f) => [f.code, f.title, f.score, f.max, f.percent]),
        empty: "—",
      },
      {
        name: "KetQua_PhatHien",
        caption: t.findings,
        columns: [text(severity!), text(code!), text(criterion!), text(cell!), text(message!, true)],
        rows: report.findings.map((f) => [t.severity[f.severity], f.code, f.criterion ?? "", f.cell ?? "", f.message]),
        empty: t.noFindings,
      },
    ],
    charts: [],
    freezeHeader: false,
  };
}

export function rankingHeader(ranking: Ranking, locale: Locale): string[] {
  const h = STRINGS[locale].sheet.rankingHeaders;
  return [
    h.rank, h.unit, h.percent, h.band, ...ranking.fields.map((f) => `${f.code}. ${f.title} (%)`), h.change, h.submitted, h.onTime,
    ...(carriesReview(ranking) ? [h.basis, h.status, h.selfScore, h.appraisedScore, h.survey] : []),
    ...(carriesParent(ranking) ? [h.unitId, h.parent] : []),
  ];
}

const carriesParent = (ranking: Ranking) => ranking.items.some((e) => e.parentName !== undefined);

/**
 * The unit as the sheet names it: a name two units share (after merges) gets its parent in
 * brackets, as the pane's first run and codes sheet name it, so the rows and the chart's bars
 * of two "Xã Tân Lập" can be told apart (PANE3-10).
 */
function unitNamer(ranking: Ranking): (e: RankingEntry) => string {
  const count = new Map<string, number>();
  for (const e of ranking.items) count.set(e.unitName, (count.get(e.unitName) ?? 0) + 1);
  return (e) => ((count.get(e.unitName) ?? 0) > 1 && e.parentName ? unitWithParent({ name: e.unitName, parent: { name: e.parentName } }) : e.unitName);
}

/** The server says, per unit, what its index stands on (the Worker does; an older server does not, and its sheet keeps its columns). */
const carriesReview = (ranking: Ranking) => ranking.items.some((e) => e.basis !== undefined || e.status !== undefined);

/**
 * Whether an index is the reviewers' final figure or the unit's own (PANE3-2): a reviewer reading
 * the sheet mid-cycle must see that a 78 % ranked above a 70 % was never appraised. A survey not
 * imported yet says so instead of a 0 that reads as "citizens gave 0".
 */
function reviewCells(e: RankingEntry, locale: Locale): (string | number)[] {
  const words = EXCEL_STRINGS[locale].consolidated;
  const survey = e.survey ? (e.survey.imported ? e.survey.score : words.surveyNotImported) : "";
  return [e.basis ? words.basis[e.basis] : "", e.status ? words.status[e.status] : "", e.selfScore ?? "", e.appraisedScore ?? "", survey];
}

/**
 * The period's ranking as an own sheet: one table, bands coloured best first, a bar chart of the
 * index. A unit without data (rank null: nothing sent, no survey score) is listed after the
 * ranked units with its rank, index, sub-indices and change empty and "chưa nộp" for its band,
 * and is left out of the chart: an empty cell, never a 0 % bar or a rank it does not have.
 */
export function consolidatedSheet(ranking: Ranking, locale: Locale, now: Date): OwnSheetSpec {
  const t = STRINGS[locale].sheet;
  const words = EXCEL_STRINGS[locale].consolidated;
  const yesNo = (b: boolean | null) => (b === null ? "" : b ? t.yes : t.no);
  const [rank, unit, percent, band, ...rest] = rankingHeader(ranking, locale);
  const fields = rest.slice(0, ranking.fields.length);
  const [change, submitted, onTime, ...review] = rest.slice(ranking.fields.length);
  const [basis, status, selfScore, appraisedScore, survey] = carriesReview(ranking) ? review : [];
  const [unitId, parent] = carriesParent(ranking) ? review.slice(carriesReview(ranking) ? 5 : 0) : [];
  const name = unitNamer(ranking);
  // The server lists the ranked units first; kept so whatever order a server sends.
  const ranked = ranking.items.filter((e) => e.rank !== null);
  const unranked = ranking.items.filter((e) => e.rank === null);
  const row = (e: RankingEntry) =>
    e.rank === null
      ? [name(e), "", words.notSubmitted, ...ranking.fields.map(() => ""), ""]
      : [name(e), e.percent, e.band ?? "", ...ranking.fields.map((f) => e.fields[f.code] ?? ""), e.change ?? ""];
  return {
    role: "consolidated",
    title: words.title(ranking),
    notes: [INSIGHT_STRINGS[locale].generated(formatStamp(now))],
    tables: [
      {
        name: `TongHop_${ranking.period.replace(/[^A-Za-z0-9_]/g, "_")}`,
        caption: words.caption(ranked.length, unranked.length),
        columns: [int(rank!), text(unit!, true), dec(percent!), text(band!), ...fields.map(dec), dec(change!), text(submitted!), text(onTime!), ...(basis ? [text(basis), text(status!), dec(selfScore!), dec(appraisedScore!), dec(survey!)] : []), ...(unitId ? [text(unitId), text(parent!)] : [])],
        rows: [...ranked, ...unranked].map((e) => [e.rank ?? "", ...row(e), yesNo(e.submitted), yesNo(e.onTime), ...(basis ? reviewCells(e, locale) : []), ...(unitId ? [e.unit, e.parentName ?? ""] : [])]),
        empty: words.empty,
        highlight: { column: 3, values: bandsInOrder(ranking) },
      },
    ],
    charts: ranked.length === 0 ? [] : [{ table: 0, type: "BarClustered", columns: [1, 2], maxRows: ranked.length, title: t.chart, reverseCategories: true }],
    freezeHeader: true,
  };
}

/** Bands in the order they first appear in the ranking (best first), for colouring. */
export function bandsInOrder(ranking: Ranking): string[] {
  const seen: string[] = [];
  for (const e of ranking.items) if (e.rank !== null && e.band && !seen.includes(e.band)) seen.push(e.band);
  return seen;
}
