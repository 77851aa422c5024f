import { bandFor, bandsBestFirst, clamp, fromCents, indexCriteria, percentOf, rankUnits, round2, toCents, type CriteriaSet } from "../../../shared/index.ts";
import { currentStatusSql } from "./review-repository.ts";
import { PERIOD_UNITS_SQL, periodScope, periodUnitsBinds, type PeriodScope } from "./period-units.ts";
import type { ReviewStatus } from "./review-workflow.ts";
import { previousYear, type Previous } from "./year-over-year.ts";

/**
 * Consolidated ranking of a period. Which score ranks: the appraised score (appraisal
 * overrides per item) once the unit's appraisal is final, else the server's score of its
 * latest version; survey items always take the imported survey scores. Sums run in cents
 * over submission_items (one SQL aggregation); percent and band follow the engine's rules.
 */
export interface RankedUnit {
  rank: number;
  unit: string;
  unitName: string;
  parent: string | null;
  parentName: string | null;
  percent: number;
  band: string | null;
  fields: Record<string, number | null>;
  total: number;
  max: number;
  /** Server score of the latest version (self-assessed part, points). */
  selfScore: number | null;
  /** With the reviewers' appraised scores (points); null before any item is appraised. */
  appraisedScore: number | null;
  survey: { score: number; max: number; imported: boolean };
  basis: "appraised" | "submission" | "none";
  status: ReviewStatus;
  submitted: boolean;
  onTime: boolean | null;
  submittedAt: string | null;
  change: number | null;
  rankChange: number | null;
  previous: Previous | null;
}

export interface Ranking {
  period: string;
  year: number;
  unitType: string;
  criteriaSet: { id: string; version: number };
  fields: { code: string; title: string }[];
  bandCounts: { band: string | null; count: number }[];
  previousPeriod: string | null;
  items: RankedUnit[];
}

interface UnitRow {
  id: string;
  name: string;
  parent_id: string | null;
  parent_name: string | null;
  status: ReviewStatus;
  first_at: string | null;
  deadline: string;
}
interface FieldRow {
  unit_id: string;
  field_code: string;
  self_cents: number;
  appraised_cents: number;
  survey_cents: number;
  max_cents: number;
  survey_max_cents: number;
  appraised_items: number;
  surveyed_items: number;
}

const LATEST = "latest AS (SELECT unit_id, MAX(version) AS version FROM submissions WHERE period_id = ?1 GROUP BY unit_id)";

/**
 * Per unit, one row: its latest version's per-field sums packed as
 * "field:self:max:surveyMax,…" (5,000 rows to read instead of 50,000). No joins per item:
 * appraisals and survey scores are few and come as deltas from DELTAS_SQL.
 * The sums run over every version of the period in the order of the covering index
 * submission_items_field_sums (unit, version, field: streamed, no sort, no table reads);
 * only then are the (unit, version, field) groups of the latest version kept — one lookup
 * per group instead of one per item.
 */
export const FIELD_SUMS_SQL = `WITH ${LATEST},
v AS (SELECT unit_id, version, field_code,
    SUM(CASE WHEN kind = 'survey' THEN 0 ELSE score_cents END) AS self_cents,
    SUM(CASE WHEN adjustment = 0 AND not_applicable = 0 THEN max_cents ELSE 0 END) AS max_cents,
    SUM(CASE WHEN kind = 'survey' AND adjustment = 0 THEN max_cents ELSE 0 END) AS survey_max_cents
  FROM submission_items WHERE period_id = ?1
  GROUP BY unit_id, version, field_code)
SELECT v.unit_id, group_concat(v.field_code || ':' || v.self_cents || ':' || v.max_cents || ':' || v.survey_max_cents, ',') AS packed
FROM v JOIN latest l ON l.unit_id = v.unit_id AND l.version = v.version
GROUP BY v.unit_id`;

/**
 * Appraised-minus-server points and survey points on the latest version's items, per unit
 * and field. Driven from the (few) appraisal and survey rows — CROSS JOIN fixes that order —
 * and reaching each item by the primary key (submission_id, code) of its latest version,
 * never by scanning the period's items.
 */
export const DELTAS_SQL = `WITH ${LATEST}
SELECT i.unit_id, i.field_code, SUM(CASE WHEN i.kind = 'survey' THEN 0 ELSE a.score_cents - i.score_cents END) AS appraised_delta, COUNT(*) AS appraised_items, 0 AS survey_cents, 0 AS surveyed_items
FROM appraisal_items a CROSS JOIN latest l ON l.unit_id = a.unit_id
  CROSS JOIN submissions s ON s.unit_id = a.unit_id AND s.period_id = ?1 AND s.version = l.version
  CROSS JOIN submission_items i ON i.submission_id = s.id AND i.code = a.code AND i.period_id = ?1 AND i.unit_id = a.unit_id AND i.version = l.version
WHERE a.period_id = ?1 GROUP BY i.unit_id, i.field_code
UNION ALL
SELECT i.unit_id, i.field_code, 0, 0, SUM(CASE WHEN i.kind = 'survey' THEN sv.score_cents ELSE 0 END), COUNT(*)
FROM survey_scores sv CROSS JOIN latest l ON l.unit_id = sv.unit_id
  CROSS JOIN submissions s ON s.unit_id = sv.unit_id AND s.period_id = ?1 AND s.version = l.version
  CROSS JOIN submission_items i ON i.submission_id = s.id AND i.code = sv.code AND i.period_id = ?1 AND i.unit_id = sv.unit_id AND i.version = l.version
WHERE sv.period_id = ?1 GROUP BY i.unit_id, i.field_code`;

/** Rows of FIELD_SUMS_SQL and DELTAS_SQL merged into the per-field sums buildEntries reads. */
function fieldRows(packed: { unit_id: string; packed: string }[], deltas: { unit_id: string; field_code: string; appraised_delta: number; appraised_items: number; survey_cents: number; surveyed_items: number }[]): FieldRow[] {
  const out: FieldRow[] = [];
  const byKey = new Map<string, FieldRow>();
  for (const p of packed) {
    for (const part of p.packed.split(",")) {
      const [field, self, max, surveyMax] = part.split(":");
      const row: FieldRow = { unit_id: p.unit_id, field_code: field!, self_cents: Number(self), appraised_cents: Number(self), survey_cents: 0, max_cents: Number(max), survey_max_cents: Number(surveyMax), appraised_items: 0, surveyed_items: 0 };
      out.push(row);
      byKey.set(`${p.unit_id}\u0000${field}`, row);
    }
  }
  for (const d of deltas) {
    const row = byKey.get(`${d.unit_id}\u0000${d.field_code}`);
    if (!row) continue;
    row.appraised_cents += d.appraised_delta;
    row.appraised_items += d.appraised_items;
    row.survey_cents += d.survey_cents;
    row.surveyed_items += d.surveyed_items;
  }
  return out;
}

const UNITS_SQL = `WITH pu AS (${PERIOD_UNITS_SQL})
SELECT pu.id, pu.name, pu.parent_id, p.name AS parent_name, ${currentStatusSql("pu.id", "?1")} AS status,
  (SELECT MIN(created_at) FROM submissions s WHERE s.period_id = ?1 AND s.unit_id = pu.id) AS first_at,
  COALESCE((SELECT deadline FROM deadline_exceptions e WHERE e.period_id = ?1 AND e.unit_id = pu.id), (SELECT deadline FROM periods WHERE id = ?1)) AS deadline
FROM pu LEFT JOIN units p ON p.id = pu.parent_id`;

/** `scope`: the period's scope when the caller has already loaded it (else it is loaded here). */
export async function computeRanking(db: D1Database, periodId: string, opts: { now: Date; withPrevious?: boolean; scope?: PeriodScope }): Promise<Ranking> {
  const scope = opts.scope ?? (await periodScope(db, periodId));
  const [units, sums, deltas, unsubmittedSurvey] = await db.batch([
    db.prepare(UNITS_SQL).bind(...periodUnitsBinds(scope)),
    db.prepare(FIELD_SUMS_SQL).bind(periodId),
    db.prepare(DELTAS_SQL).bind(periodId),
    db.prepare("SELECT unit_id, SUM(score_cents) AS cents FROM survey_scores WHERE period_id = ?1 AND unit_id NOT IN (SELECT unit_id FROM submissions WHERE period_id = ?1) GROUP BY unit_id").bind(periodId),
  ]);
  const entries = buildEntries(scope, (units?.results ?? []) as unknown as UnitRow[], fieldRows((sums?.results ?? []) as never, (deltas?.results ?? []) as never), (unsubmittedSurvey?.results ?? []) as unknown as { unit_id: string; cents: number }[], opts.now);
  const ranked = rankUnits(entries.map((e) => ({ ...e, unit: e.unitName, id: e.unit }))).map(({ id, ...e }) => ({ ...e, unit: id }));
  const yoy = opts.withPrevious === false ? null : await previousYear(db, scope, (id) => computeRanking(db, id, { now: opts.now, withPrevious: false }));
  const items: RankedUnit[] = ranked.map((e) => {
    const previous = yoy?.previousOf(e.unit) ?? null;
    return { ...e, previous, change: previous ? round2(e.percent - previous.percent) : null, rankChange: previous?.rank != null ? previous.rank - e.rank : null };
  });
  const index = indexCriteria(scope.set);
  const bands = bandsBestFirst(scope.set).map((b) => b.label);
  return {
    period: periodId,
    year: scope.period.year,
    unitType: scope.set.unitType,
    criteriaSet: scope.period.criteriaSet,
    fields: index.fields.map((f) => ({ code: f.code, title: f.title })),
    bandCounts: bands.map((band) => ({ band, count: items.filter((i) => i.band === band).length })),
    previousPeriod: yoy?.periodId ?? null,
    items,
  };
}

type Entry = Omit<RankedUnit, "rank" | "change" | "rankChange" | "previous">;

function buildEntries(scope: PeriodScope, units: UnitRow[], sums: FieldRow[], unsubmittedSurvey: { unit_id: string; cents: number }[], now: Date): Entry[] {
  const index = indexCriteria(scope.set);
  const byUnit = new Map<string, FieldRow[]>();
  for (const row of sums) {
    let list = byUnit.get(row.unit_id);
    if (!list) byUnit.set(row.unit_id, (list = []));
    list.push(row);
  }
  const scoredLeaves = index.leaves.filter((l) => !l.inAdjustment);
  const setMaxCents = scoredLeaves.reduce((a, l) => a + toCents(l.item.max ?? 0), 0);
  const setSurveyMaxCents = scoredLeaves.filter((l) => l.rule.kind === "survey").reduce((a, l) => a + toCents(l.item.max ?? 0), 0);
  const adjustmentFields = new Set(index.fields.filter((f) => f.inAdjustment).map((f) => f.code));
  const unsubmitted = new Map(unsubmittedSurvey.map((r) => [r.unit_id, r.cents]));
  return units.map((u) => {
    const rows = byUnit.get(u.id);
    const final = u.status === "final";
    const deadlinePassed = now.getTime() > Date.parse(u.deadline);
    const base = { unit: u.id, unitName: u.name, parent: u.parent_id, parentName: u.parent_name, status: u.status, submittedAt: u.first_at };
    if (!rows) {
      const surveyCents = unsubmitted.get(u.id) ?? 0;
      const percent = clamp(percentOf(surveyCents, setMaxCents), 0, 100);
      const fields = Object.fromEntries(index.fields.map((f) => [f.code, null]));
      return {
        ...base, percent, band: bandFor(scope.set, percent), fields, total: fromCents(surveyCents), max: fromCents(setMaxCents), selfScore: null, appraisedScore: null,
        survey: { score: fromCents(surveyCents), max: fromCents(setSurveyMaxCents), imported: unsubmitted.has(u.id) }, basis: "none" as const, submitted: false, onTime: deadlinePassed ? false : null,
      };
    }
    let self = 0, appraised = 0, survey = 0, max = 0, surveyMax = 0, appraisedItems = 0, surveyedItems = 0;
    const fields: Record<string, number | null> = {};
    for (const r of rows) {
      const own = final ? r.appraised_cents : r.self_cents;
      self += r.self_cents;
      appraised += r.appraised_cents;
      survey += r.survey_cents;
      max += r.max_cents;
      surveyMax += r.survey_max_cents;
      appraisedItems += r.appraised_items;
      surveyedItems += r.surveyed_items;
      fields[r.field_code] = adjustmentFields.has(r.field_code) ? null : clamp(percentOf(own + r.survey_cents, r.max_cents), 0, 100);
    }
    for (const f of index.fields) fields[f.code] ??= null;
    const total = (final ? appraised : self) + survey;
    const percent = clamp(percentOf(total, max), 0, 100);
    return {
      ...base, percent, band: bandFor(scope.set, percent), fields, total: fromCents(total), max: fromCents(max),
      selfScore: fromCents(self), appraisedScore: appraisedItems > 0 ? fromCents(appraised) : null,
      survey: { score: fromCents(survey), max: fromCents(surveyMax), imported: surveyedItems > 0 },
      basis: final ? ("appraised" as const) : ("submission" as const), submitted: true,
      onTime: u.first_at ? Date.parse(u.first_at) <= Date.parse(u.deadline) : null,
    };
  });
}

