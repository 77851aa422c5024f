import { formatNumber, type Analysis, type Locale, type Trend, type UnitHistory } from "../../shared/index.ts";
import { formatStamp } from "./format.ts";
import { INSIGHT_STRINGS } from "./i18n-insight.ts";
import type { OwnColumn, OwnSheetSpec } from "./own-sheet.ts";

/** The Worker's insight answers as the add-in's own sheets (pure; Excel and the harness draw them). */

/** Bars in the analysis chart: the weakest criteria only, a longer list is unreadable. */
export const CHART_TOP = 15;

/** A share 0..1 as a percentage with 2 decimals (the API gives 4). */
export const percentOf = (share: number): number => Math.round(share * 10_000) / 100;

export const text = (header: string, wrap = false): OwnColumn => ({ header, format: "text", ...(wrap ? { wrap } : {}) });
export const int = (header: string): OwnColumn => ({ header, format: "integer" });
export const dec = (header: string): OwnColumn => ({ header, format: "decimal" });

export function analysisSheet(a: Analysis, locale: Locale, now: Date): OwnSheetSpec {
  const t = INSIGHT_STRINGS[locale];
  const s = t.analysisSheet;
  const fieldName = new Map(a.fields.map((f) => [f.code, `${f.code}. ${f.title}`]));
  const [code, share, title, field, max, scored, losing, lost, worst] = s.itemHeaders;
  const [fCode, fTitle, ...stats] = s.fieldHeaders;
  return {
    role: "analysis",
    title: s.title(a),
    notes: [s.units(a.units), s.share, t.generated(formatStamp(now))],
    tables: [
      {
        name: "PhanTich_TieuChi",
        caption: s.items,
        columns: [text(code!), dec(share!), text(title!, true), text(field!), dec(max!), int(scored!), int(losing!), dec(lost!), text(worst!, true)],
        rows: a.items.map((i) => [
          i.code,
          percentOf(i.shareLost),
          i.title,
          fieldName.get(i.field) ?? i.field,
          i.max,
          i.unitsScored,
          i.unitsLosing,
          i.pointsLost,
          i.worstUnits.map((w) => `${w.unitName} (${formatNumber(w.score, locale)})`).join("; "),
        ]),
        empty: s.noItems,
      },
      {
        name: "PhanTich_LinhVuc",
        caption: s.fields,
        columns: [text(fCode!), text(fTitle!), int(stats[0]!), ...stats.slice(1).map(dec)],
        rows: a.fields.map((f) => [f.code, f.title, f.units, f.min, f.p25, f.median, f.p75, f.max, f.mean]),
        empty: s.noItems,
      },
    ],
    charts: [{ table: 0, type: "BarClustered", columns: [0, 1], maxRows: CHART_TOP, title: s.chart(Math.min(CHART_TOP, a.items.length)), reverseCategories: true }],
    freezeHeader: false,
  };
}

/** Table column headers must be unique: a second period in one year is told apart by its id. */
function yearHeaders(history: UnitHistory, label: (year: number) => string): string[] {
  return history.years.map((y) => (history.years.filter((o) => o.year === y.year).length > 1 ? `${label(y.year)} — ${y.period}` : label(y.year)));
}

/** Years whose max for a criterion differs from the newest set's ("2022: 3"): their scores are out of another total. */
function otherMaxes(h: UnitHistory, c: UnitHistory["criteria"][number], locale: Locale): string {
  return h.years
    .filter((y) => y.items[c.code] !== undefined && y.items[c.code]!.max !== c.max)
    .map((y) => `${y.year}: ${formatNumber(y.items[c.code]!.max, locale)}`)
    .join("; ");
}

export function historySheet(h: UnitHistory, locale: Locale, now: Date): OwnSheetSpec {
  const t = INSIGHT_STRINGS[locale];
  const s = t.historySheet;
  const hh = s.yearHeaders;
  const fieldName = new Map(h.fields.map((f) => [f.code, `${f.code}. ${f.title}`]));
  const basis = (y: UnitHistory["years"][number]) => (y.basis === "own" ? s.own : s.merge(y.predecessors.map((p) => p.unitName).join(", ")));
  const withItems = h.years.some((y) => Object.keys(y.items).length > 0);
  const unmapped = h.years.filter((y) => y.unmapped.length > 0);
  return {
    role: "history",
    title: s.title(h.unitName),
    notes: [s.unit(h.unit), ...(h.criteriaSet ? [s.codes(h.criteriaSet.id, h.criteriaSet.version)] : []), t.generated(formatStamp(now))],
    tables: [
      {
        name: "DienBien_Nam",
        caption: s.years,
        // Year, index and the fields side by side: the line chart's source is one block.
        columns: [text(hh.year), dec(hh.percent), ...h.fields.map((f) => dec(s.field(f.code, f.title))), text(hh.band), int(hh.rank), int(hh.of), text(hh.period), text(hh.set), text(hh.basis, true)],
        rows: h.years.map((y) => [String(y.year), y.percent, ...h.fields.map((f) => y.fields[f.code] ?? ""), y.band ?? "", y.rank ?? "", y.of, y.period, `${y.criteriaSet.id} v${y.criteriaSet.version}`, basis(y)]),
        empty: s.noYears,
      },
      {
        name: "DienBien_TieuChi",
        caption: s.criteria,
        columns: [text(s.criteriaHeaders[0]!), text(s.criteriaHeaders[1]!, true), text(s.criteriaHeaders[2]!), dec(s.criteriaHeaders[3]!), ...yearHeaders(h, s.yearColumn).map(dec), text(s.otherMax, true)],
        rows: withItems ? h.criteria.map((c) => [c.code, c.title, fieldName.get(c.field) ?? c.field, c.max, ...h.years.map((y) => y.items[c.code]?.score ?? ""), otherMaxes(h, c, locale)]) : [],
        empty: s.noCriteria,
      },
      {
        name: "DienBien_MaCu",
        caption: s.unmapped,
        columns: [text(s.unmappedHeaders[0]!), text(s.unmappedHeaders[1]!), text(s.unmappedHeaders[2]!, true)],
        rows: unmapped.map((y) => [String(y.year), `${y.criteriaSet.id} v${y.criteriaSet.version}`, y.unmapped.join(", ")]),
        empty: s.noUnmapped,
      },
    ],
    charts: [{ table: 0, type: "LineMarkers", columns: [0, 1 + h.fields.length], title: s.chart }],
    freezeHeader: false,
  };
}

export function trendSheet(tr: Trend, locale: Locale, now: Date): OwnSheetSpec {
  const t = INSIGHT_STRINGS[locale];
  const s = t.trendSheet;
  return {
    role: "trend",
    title: s.title(tr),
    notes: [t.generated(formatStamp(now))],
    tables: [
      {
        name: "XuHuong_XepLoai",
        caption: s.table,
        // Year then one column per band, best first: the stacked chart's source is one block.
        columns: [text(s.headers.year), ...tr.bands.map(int), int(s.headers.submitted), int(s.headers.units), dec(s.headers.mean), text(s.headers.period)],
        rows: tr.years.map((y) => [String(y.year), ...tr.bands.map((b) => y.counts[b] ?? 0), y.submitted, y.units, y.mean ?? "", y.period]),
        empty: s.noYears,
      },
    ],
    charts: [{ table: 0, type: "ColumnStacked", columns: [0, tr.bands.length], title: s.chart }],
    freezeHeader: true,
  };
}
