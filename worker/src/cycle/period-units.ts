import { formatDateVi, UNIT_TYPE_NAME, type CriteriaSet, type UnitType } from "../../../shared/index.ts";
import type { Period, Unit } from "../api-schemas.ts";
import { getPeriod } from "../repositories/period-repository.ts";
import { loadCriteriaSetVersion } from "../repositories/criteria-set-repository.ts";
import { ApiError, notFound } from "../errors.ts";
import { existsIn, getUnit } from "../repositories/unit-repository.ts";

/** A period with its criteria set, and which units it concerns. */
export interface PeriodScope {
  period: Period;
  set: CriteriaSet;
  /** Unit types the set applies to (communes and wards share sets). */
  unitTypes: string[];
}

/** "Xã Bình Hòa (xa-binh-hoa)": a unit as a refusal names it to the people who read it. */
export const unitLabel = (unit: { name: string; id: string }): string => `${unit.name} (${unit.id})`;

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
 * What is granted to a unit for a period (a deadline extension) is for a unit that may submit
 * for it: of the set's level (422 UNIT_TYPE_MISMATCH, as a submission) and taking part
 * (422 UNIT_NOT_IN_PERIOD: closed before the set's last day — its successor takes its place —
 * or created after it).
 */
export function ensureTakesPart(scope: PeriodScope, unit: Unit): void {
  const id = scope.period.id;
  const who = unitLabel(unit);
  if (!scope.unitTypes.includes(unit.type)) {
    const levels = (locale: "vi" | "en") => scope.unitTypes.map((t) => UNIT_TYPE_NAME[t as UnitType][locale]).join(locale === "vi" ? ", " : " and ");
    throw new ApiError(
      422,
      "UNIT_TYPE_MISMATCH",
      `Kỳ ${id} dành cho cấp ${levels("vi")}; ${who} là ${UNIT_TYPE_NAME[unit.type].vi}: không gia hạn cho đơn vị không thuộc kỳ / period ${id} is for ${levels("en")} units; ${unit.id} is a ${UNIT_TYPE_NAME[unit.type].en}: it takes no part in the period`,
    );
  }
  if (takesPart(unit, scope.set.period)) return;
  const lastDay = scope.set.period.to;
  const [vi, en] =
    unit.validTo !== null && unit.validTo < lastDay
      ? [
          `Đơn vị ${who} hoạt động đến hết ngày ${formatDateVi(unit.validTo)} (đã sáp nhập hoặc giải thể), trước ngày cuối của kỳ ${id} (${formatDateVi(lastDay)}): gia hạn cho đơn vị kế thừa`,
          `the last day of unit ${unit.id} was ${unit.validTo} (merged or dissolved), before the last day of period ${id} (${lastDay}): extend its successor's deadline`,
        ]
      : [
          `Đơn vị ${who} có hiệu lực từ ngày ${formatDateVi(unit.validFrom)}, sau ngày cuối của kỳ ${id} (${formatDateVi(lastDay)}): đơn vị không tham gia kỳ này`,
          `unit ${unit.id} starts on ${unit.validFrom}, after the last day of period ${id} (${lastDay}): it takes no part in it`,
        ];
  throw new ApiError(422, "UNIT_NOT_IN_PERIOD", `${vi} / ${en}`);
}

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

/**
 * A unit as one of the period's units (PERIOD_UNITS_SQL, the board's and the survey import's
 * rule): 404 UNIT_NOT_FOUND when no unit has the id, 404 UNIT_NOT_IN_PERIOD, saying why, when it
 * takes no part — its appraisal does not exist, rather than "not submitted, the unit's turn".
 * Gives the unit as its refusals name it (unitLabel).
 */
export async function ensurePeriodUnit(db: D1Database, scope: PeriodScope, unitId: string): Promise<string> {
  const member = await db.prepare(`SELECT name FROM (${PERIOD_UNITS_SQL}) WHERE id = ?5`).bind(...periodUnitsBinds(scope), unitId).first<{ name: string }>();
  if (member) return unitLabel({ name: member.name, id: unitId });
  const unit = await getUnit(db, unitId);
  if (!unit) throw notFound("unit", unitId);
  const id = scope.period.id;
  const lastDay = scope.set.period.to;
  const levels = (locale: "vi" | "en") => scope.unitTypes.map((t) => UNIT_TYPE_NAME[t as UnitType][locale]).join(locale === "vi" ? ", " : " and ");
  const [vi, en] = !scope.unitTypes.includes(unit.type)
    ? [`kỳ dành cho cấp ${levels("vi")}, đơn vị là cấp ${UNIT_TYPE_NAME[unit.type].vi}`, `the period is for ${levels("en")} units, it is a ${UNIT_TYPE_NAME[unit.type].en}`]
    : unit.validTo !== null && unit.validTo < lastDay
      ? [`đơn vị hoạt động đến hết ngày ${formatDateVi(unit.validTo)}, trước ngày cuối của kỳ (${formatDateVi(lastDay)}): đơn vị kế thừa thay đơn vị này trong kỳ`, `its last day was ${unit.validTo}, before the period's last day (${lastDay}): its successor takes its place`]
      : [`đơn vị có hiệu lực từ ngày ${formatDateVi(unit.validFrom)}, sau ngày cuối của kỳ (${formatDateVi(lastDay)})`, `it starts on ${unit.validFrom}, after the period's last day (${lastDay})`];
  throw new ApiError(404, "UNIT_NOT_IN_PERIOD", `${unitLabel(unit)} không thuộc kỳ ${id}: ${vi} / ${unit.id} takes no part in period ${id}: ${en}`);
}
