import { bandsBestFirst, indexCriteria, rankUnits, round2 } from "../../../shared/index.ts";
import { membershipSpan, type PeriodScope } from "./period-units.ts";
import type { ReviewStatus } from "./review-workflow.ts";
import { entryOfStored } from "./stored-entry.ts";
import type { UnitEntry, UnitResult } from "./unit-result.ts";
import type { Previous, PriorYear } from "./year-over-year.ts";
import { deadlineEnd } from "../vietnam-day.ts";

/**
 * Consolidated ranking of a period, assembled from the per-unit results (unit-result.ts,
 * stored in ranking_units): which score ranks is decided there; here the units of the period
 * with data are ranked (rankUnits: percent, ties in Vietnamese order), given their deadlines,
 * their parents and last year's index. ranking-snapshot.ts stores what this builds and serves it.
 *
 * A unit with no data (nothing submitted, no survey score) has no index to rank: it is listed
 * after the ranked units, in Vietnamese order, "chưa nộp" — rank, band, change and rank change
 * null, not counted in `bandCounts`. It had been ranked at 0 %: four communes that had sent
 * nothing were all "hạng 1, Yếu", with a "change" against last year (pane red team, finding 1).
 */
export interface RankedUnit extends UnitEntry {
  /** Competition rank among the units with data; null for a unit without (hasData). */
  rank: number | null;
  unit: string;
  unitName: string;
  parent: string | null;
  parentName: string | null;
  percent: number;
  band: string | null;
  status: ReviewStatus;
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
export type RankingHead = Omit<Ranking, "items">;

/**
 * The units of the period (PERIOD_UNITS_SQL's rule) with their stored results and deadlines.
 * ?1 period, ?2 JSON unit types, ?3 – ?4 the days a unit must be open on one of (membershipSpan). The period's
 * deadline is read here, in the build's own batch, with the generation it is stored at (a deadline moved just
 * before cannot be stored under the generation its move made).
 */
export const ASSEMBLY_SQL = `WITH pu AS (SELECT u.id, u.name, u.parent_id FROM units u
    WHERE (u.type IN (SELECT value FROM json_each(?2)) AND u.valid_from <= ?4 AND (u.valid_to IS NULL OR u.valid_to >= ?3))
       OR u.id IN (SELECT unit_id FROM ranking_units WHERE period_id = ?1))
SELECT pu.id, pu.name, pu.parent_id, p.name AS parent_name, COALESCE(e.deadline, (SELECT deadline FROM periods WHERE id = ?1)) AS deadline,
  r.rev, r.computed_rev, r.percent, r.band, r.status,
  -- A first version whose result its own batch could not write (an appraisal or a survey score
  -- already there) has no first_at stored yet: read from the versions, as WRITE_SQL stores it.
  CASE WHEN r.first_at IS NULL AND r.computed_rev < r.rev
    THEN (SELECT MIN(f.created_at) FROM submissions f WHERE f.period_id = ?1 AND f.unit_id = pu.id) ELSE r.first_at END AS first_at,
  -- A stale result is computed again before it is ranked: its old entry is not read.
  CASE WHEN r.computed_rev < r.rev THEN NULL ELSE r.entry END AS entry
FROM pu LEFT JOIN units p ON p.id = pu.parent_id
  LEFT JOIN ranking_units r ON r.period_id = ?1 AND r.unit_id = pu.id
  LEFT JOIN deadline_exceptions e ON e.period_id = ?1 AND e.unit_id = pu.id`;

export function assemblyBinds(s: PeriodScope): unknown[] {
  const span = membershipSpan(s.set.period);
  return [s.period.id, JSON.stringify(s.unitTypes), span.from, span.to];
}

export interface AssemblyRow {
  id: string;
  name: string;
  parent_id: string | null;
  parent_name: string | null;
  deadline: string;
  rev: number | null;
  computed_rev: number | null;
  percent: number | null;
  band: string | null;
  status: ReviewStatus | null;
  first_at: string | null;
  entry: string | null;
}

/** Does the unit have anything to rank: a version sent or survey scores? (Year over year calls this "a result".) */
export const hasData = (e: Pick<UnitEntry, "submitted" | "survey">): boolean => e.submitted || e.survey.imported;

/** A row whose stored result is missing or older than its inputs. */
export const isStale = (r: AssemblyRow): boolean => r.rev !== null && (r.computed_rev ?? 0) < r.rev;

/**
 * The span of `now` in which every "on time" answer of a unit yet to submit holds: after the
 * last of their deadlines that has passed, up to the first that has not (ms; null: unbounded).
 */
export interface Validity {
  after: number | null;
  until: number | null;
}

/**
 * Ranks the period's units. `fresh`: results just computed for rows that were stale;
 * `none`: the result of a unit with no data (nothing submitted, no survey score).
 */
export function assembleRanking(scope: PeriodScope, rows: AssemblyRow[], fresh: ReadonlyMap<string, UnitResult>, none: UnitResult, prior: PriorYear | null, now: Date): { ranking: Ranking; validity: Validity } {
  const validity: Validity = { after: null, until: null };
  const at = now.getTime();
  const index = indexCriteria(scope.set);
  const entries = rows.map((r) => {
    const result = fresh.get(r.id) ?? (r.entry === null ? none : { percent: r.percent!, band: r.band, status: r.status!, entry: entryOfStored(index, r.entry) });
    // The deadline's last millisecond (a day-deadline lasts through 23:59:59.999), as submission and the board count it.
    const deadline = deadlineEnd(r.deadline);
    let onTime: boolean | null;
    if (result.entry.submitted) onTime = r.first_at ? Date.parse(r.first_at) <= deadline : null;
    else if (at > deadline) (onTime = false), (validity.after = Math.max(validity.after ?? deadline, deadline));
    else (onTime = null), (validity.until = Math.min(validity.until ?? deadline, deadline));
    return {
      unit: r.id,
      unitName: r.name,
      parent: r.parent_id,
      parentName: r.parent_name,
      percent: result.percent,
      band: result.band,
      ...result.entry,
      status: result.status,
      onTime,
      submittedAt: result.entry.submitted ? r.first_at : null,
    };
  });
  // Ranked by name and index alone; each unit's item is then made once. Units without data
  // follow in Vietnamese order (rankUnits orders their equal 0 % by name), their ranks dropped.
  const order = (list: number[]) => rankUnits(list.map((at) => ({ unit: entries[at]!.unitName, percent: entries[at]!.percent, at })));
  const withData = entries.flatMap((e, at) => (hasData(e) ? [at] : []));
  const without = entries.flatMap((e, at) => (hasData(e) ? [] : [at]));
  const ranked = [...order(withData), ...order(without).map(({ at }) => ({ rank: null, at }))];
  const items: RankedUnit[] = ranked.map(({ rank, at }) => {
    const e = entries[at]!;
    const previous = prior?.previousOf(e.unit) ?? null;
    if (rank === null) return { rank, ...e, band: null, change: null, rankChange: null, previous };
    return { rank, ...e, change: previous ? round2(e.percent - previous.percent) : null, rankChange: previous?.rank != null ? previous.rank - rank : null, previous };
  });
  const bands = bandsBestFirst(scope.set).map((b) => b.label);
  const ranking: Ranking = {
    period: scope.period.id,
    year: scope.period.year,
    unitType: scope.set.unitType,
    criteriaSet: scope.period.criteriaSet,
    fields: index.fields.map((f) => ({ code: f.code, title: f.title })),
    bandCounts: bands.map((band) => ({ band, count: items.filter((i) => i.band === band).length })),
    previousPeriod: prior?.periodId ?? null,
    items,
  };
  return { ranking, validity };
}
