import { formatNumber, type Locale, type Report } from "../../shared/index.ts";
import type { Ranking } from "../../shared/index.ts";
import { STRINGS } from "./i18n.ts";

/** Plain rows of the add-in's own sheets, shared by Excel and the browser harness. */
export type SheetValue = string | number;
export type SheetRows = SheetValue[][];

export function resultSheetRows(report: Report, locale: Locale, now: Date): SheetRows {
  const t = STRINGS[locale];
  const n = (x: number) => formatNumber(x, locale);
  const rows: SheetRows = [
    [t.sheet.title],
    [`${t.sheet.generated} ${now.toISOString().slice(0, 16).replace("T", " ")}`],
    [`${t.index}: ${n(report.percent)}% — ${t.band}: ${report.band ?? "—"} — ${t.total}: ${n(report.total)}/${n(report.max)}`],
    [`${t.selfAssessable}: ${n(report.selfAssessable.score)}/${n(report.selfAssessable.max)} (${n(report.selfAssessable.percent)}%)`],
    [],
    [...t.sheet.fieldHeaders],
    ...report.fields.map((f) => [f.code, f.title, f.score, f.max, f.percent]),
    [],
    [...t.sheet.headers],
    ...report.findings.map((f) => [t.severity[f.severity], f.code, f.criterion ?? "", f.cell ?? "", f.message]),
  ];
  return padRows(rows);
}

export function rankingHeader(ranking: Ranking, locale: Locale): string[] {
  const h = STRINGS[locale].sheet.rankingHeaders;
  return [h.rank, h.unit, h.percent, h.band, ...ranking.fields.map((f) => `${f.code}. ${f.title} (%)`), h.change, h.submitted, h.onTime];
}

export function consolidatedRows(ranking: Ranking, locale: Locale): SheetRows {
  const t = STRINGS[locale].sheet;
  const yesNo = (b: boolean | null) => (b === null ? "" : b ? t.yes : t.no);
  const body = ranking.items.map((e) => [
    e.rank,
    e.unitName,
    e.percent,
    e.band ?? "",
    ...ranking.fields.map((f) => e.fields[f.code] ?? ""),
    e.change ?? "",
    yesNo(e.submitted),
    yesNo(e.onTime),
  ]);
  return [rankingHeader(ranking, locale), ...body];
}

/** Excel wants a rectangle. */
export function padRows(rows: SheetRows): SheetRows {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return rows.map((r) => [...r, ...Array<SheetValue>(width - r.length).fill("")]);
}

/** Bands in the order they first appear in the ranking (best first), for colouring. */
export function bandsInOrder(ranking: Ranking): string[] {
  const seen: string[] = [];
  for (const e of ranking.items) if (e.band && !seen.includes(e.band)) seen.push(e.band);
  return seen;
}
