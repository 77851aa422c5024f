import type { CriteriaSet } from "../../../shared/index.ts";
import type { Period } from "../api-schemas.ts";
import { getPeriod } from "../repositories/period-repository.ts";
import { loadCriteriaSetVersion } from "../repositories/criteria-set-repository.ts";
import { notFound } from "../errors.ts";

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
  const set = await loadCriteriaSetVersion(db, period.criteriaSet.id, period.criteriaSet.version);
  if (!set) throw notFound("criteria_set", `${period.criteriaSet.id}@${period.criteriaSet.version}`);
  return { period, set, unitTypes: unitTypesOf(set.unitType) };
}

/**
 * Units of a period: of the set's type and valid at some day of the set's period, plus any
 * unit that submitted for it. ?1 period id, ?2 JSON array of types, ?3 from, ?4 to.
 */
export const PERIOD_UNITS_SQL = `SELECT u.id, u.name, u.parent_id FROM units u
  WHERE (u.type IN (SELECT value FROM json_each(?2)) AND u.valid_from <= ?4 AND (u.valid_to IS NULL OR u.valid_to >= ?3))
     OR u.id IN (SELECT unit_id FROM submissions WHERE period_id = ?1)`;

export const periodUnitsBinds = (s: PeriodScope): unknown[] => [s.period.id, JSON.stringify(s.unitTypes), s.set.period.from, s.set.period.to];
