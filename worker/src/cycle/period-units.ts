import type { CriteriaSet } from "../../../shared/index.ts";
import type { Period } from "../api-schemas.ts";
import { getPeriod } from "../repositories/period-repository.ts";
import { loadCriteriaSetVersion } from "../repositories/criteria-set-repository.ts";
import { notFound } from "../errors.ts";
import { existsIn } from "../repositories/unit-repository.ts";

/** A period with its criteria set, and which units it concerns. */
export interface PeriodScope {
  period: Period;
  set: CriteriaSet;
  /** Unit types the set applies to (communes and wards share sets). */
  unitTypes: string[];
}

const COMMUNE_LEVEL = ["commune", "ward"];
export const unitTypesOf = (setType: string): string[] => (COMMUNE_LEVEL.includes(setType) ? COMMUNE_LEVEL : [setType]);

export async function periodScope(db: D1Database, periodId: string): Promise<PeriodScope> {
  const period = await getPeriod(db, periodId);
  if (!period) throw notFound("period", periodId);
  return scopeOfPeriod(db, period);
}

/** The scope of a period already read (its criteria set is kept per isolate: usually no query). */
export async function scopeOfPeriod(db: D1Database, period: Period): Promise<PeriodScope> {
  const set = await loadCriteriaSetVersion(db, period.criteriaSet.id, period.criteriaSet.version);
  if (!set) throw notFound("criteria_set", `${period.criteriaSet.id}@${period.criteriaSet.version}`);
  return { period, set, unitTypes: unitTypesOf(set.unitType) };
}

/**
 * Which units take part in a period, the one rule: those of the set's type open on the LAST
 * day of the criteria set's period (set.period.to). A unit closed before that day (merged away
 * or dissolved during the year) is represented by its successor: it is not offered the
 * period, not accepted, not counted late, not ranked; one created after it starts with the
 * next period. A unit that already submitted for the period keeps its versions and its place
 * (stored data never leaves a list: PERIOD_UNITS_SQL's second branch). Given as the days a unit
 * must be open on one of (inclusive), for every check of "exists on some day of a span":
 * PERIOD_UNITS_SQL (board, survey import), the submission INSERT's guard and its refusal
 * (submit.ts), /v1/me (open-periods.ts); the ranking's ASSEMBLY_SQL (ranking.ts) must bind it too.
 */
export const membershipSpan = (setPeriod: { to: string }): { from: string; to: string } => ({ from: setPeriod.to, to: setPeriod.to });

/** Does a unit take part in a period whose set covers `setPeriod` (membershipSpan's rule)? */
export const takesPart = (unit: { validFrom: string; validTo: string | null }, setPeriod: { to: string }): boolean =>
  existsIn({ from: unit.validFrom, to: unit.validTo }, membershipSpan(setPeriod));

/**
 * Units of a period: of the set's type and open on some day of ?3 – ?4 (membershipSpan: its
 * last day), plus any unit that submitted for it. ?1 period id, ?2 JSON array of types.
 */
export const PERIOD_UNITS_SQL = `SELECT u.id, u.name, u.parent_id FROM units u
  WHERE (u.type IN (SELECT value FROM json_each(?2)) AND u.valid_from <= ?4 AND (u.valid_to IS NULL OR u.valid_to >= ?3))
     OR u.id IN (SELECT unit_id FROM submissions WHERE period_id = ?1)`;

export function periodUnitsBinds(s: PeriodScope): unknown[] {
  const span = membershipSpan(s.set.period);
  return [s.period.id, JSON.stringify(s.unitTypes), span.from, span.to];
}
