import { deadlineText, distinctPeriodLabels, periodLabel, UNIT_LEVEL_LABEL, type ConsolidationPeriod, type Locale, type OpenPeriod, type UnitType } from "../../../shared/index.ts";
import type { Unit } from "../api-schemas.ts";
import { takesPart, unitTypesOf } from "../cycle/period-units.ts";
import { unitTypesBelow } from "../repositories/unit-repository.ts";
import type { Principal } from "../env.ts";
import { withinDeadline } from "../vietnam-day.ts";

/** A period's row with its set's title and level, as both lists read it. */
interface PeriodColumns {
  id: string;
  year: number;
  criteria_set_id: string;
  criteria_set_version: number;
  title: string;
  unit_type: UnitType;
  deadline: string;
}

interface PeriodRow extends PeriodColumns {
  exception_deadline: string | null;
  /** The last day of the set's period: the unit must be open on it (period-units.ts). */
  last_day: string;
}

/**
 * The unit types a token works on: a unit token its own; a reviewer the types of the units
 * below its own (a district reviewer: communes and wards — never its own district's level),
 * asked of D1 (a province's 5,000 units had been read whole on every GET /v1/me); the admin
 * all (null).
 */
export async function coveredTypes(db: D1Database, principal: Principal, own: Unit | null): Promise<Set<string> | null> {
  if (principal.role === "admin") return null;
  if (principal.role === "unit") return new Set(own ? [own.type] : []);
  return unitTypesBelow(db, principal.unitId ?? "");
}

/**
 * Periods open to a token now (GET /v1/me): not locked, of a level it covers, and before the
 * deadline that applies — for a unit token its exception when it has one, and only periods
 * its unit takes part in (open on the last day of the set's period: one merged away during the
 * year is represented by its successor and submits nothing there; period-units.ts, submit.ts). Newest year first,
 * each labelled in both languages so the pane can offer it by name, not by id.
 */
export async function openPeriods(db: D1Database, principal: Principal, types: ReadonlySet<string> | null, own: Unit | null, at: Date): Promise<OpenPeriod[]> {
  const { results } = await db
    .prepare(
      `SELECT p.id, p.year, p.criteria_set_id, p.criteria_set_version, cs.title, cs.unit_type, p.deadline, e.deadline AS exception_deadline,
              cs.body ->> '$.period.to' AS last_day
       FROM periods p JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version
       LEFT JOIN deadline_exceptions e ON e.period_id = p.id AND e.unit_id = ?1
       WHERE p.locked = 0 ORDER BY p.year DESC, p.id`,
    )
    .bind(principal.role === "unit" ? principal.unitId : null)
    .all<PeriodRow>();
  const offered = results.flatMap((r) => {
    const deadline = r.exception_deadline ?? r.deadline;
    const covered = types === null || unitTypesOf(r.unit_type).some((t) => types.has(t));
    // Open through the end of the deadline's last second, as the submission check is (withinDeadline).
    if (!covered || !withinDeadline(at.getTime(), deadline)) return [];
    if (principal.role === "unit" && own && !takesPart(own, { to: r.last_day })) return [];
    const extended = r.exception_deadline !== null;
    const labelled = { year: r.year, unitType: r.unit_type, deadline, extended };
    return [
      {
        id: r.id,
        year: r.year,
        criteriaSet: { id: r.criteria_set_id, version: r.criteria_set_version, title: r.title },
        unitType: r.unit_type,
        deadline,
        extended,
        label: { vi: periodLabel(labelled, "vi"), en: periodLabel(labelled, "en") },
      },
    ];
  });
  // Two periods of one year and level that would read the same are told apart (GL-2).
  return distinctPeriodLabels(offered);
}

interface ConsolidationRow extends PeriodColumns {
  locked: number;
}

/** A closed period as people name it: "Kỳ đánh giá năm 2024 — cấp xã, đã hết hạn nộp 31/01/2025" (or "đã khóa" before its deadline). */
function closedLabel(r: ConsolidationRow, passed: boolean, locale: Locale): string {
  const level = UNIT_LEVEL_LABEL[r.unit_type][locale];
  const day = deadlineText(r.deadline, locale);
  if (locale === "vi") return `Kỳ đánh giá năm ${r.year} — ${level}, ${passed ? `đã hết hạn nộp ${day}` : `đã khóa (hạn nộp ${day})`}`;
  return `Assessment period ${r.year} — ${level}, ${passed ? `closed ${day}` : `locked (due ${day})`}`;
}

/**
 * Periods a reviewer or the admin may consolidate (GET /v1/me `consolidation`): every period of
 * a level it covers, open or closed — ranking happens after the deadline, locked periods
 * included — newest year first, then the latest deadline; an open one labelled as for a unit,
 * a closed one saying so. A unit token consolidates nothing: none.
 */
export async function consolidationPeriods(db: D1Database, principal: Principal, types: ReadonlySet<string> | null, at: Date): Promise<ConsolidationPeriod[]> {
  if (principal.role === "unit") return [];
  const { results } = await db
    .prepare(
      `SELECT p.id, p.year, p.criteria_set_id, p.criteria_set_version, cs.title, cs.unit_type, p.deadline, p.locked
       FROM periods p JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version
       ORDER BY p.year DESC, p.deadline DESC, p.id`,
    )
    .all<ConsolidationRow>();
  const listed = results.flatMap((r) => {
    if (types !== null && !unitTypesOf(r.unit_type).some((t) => types.has(t))) return [];
    const passed = !withinDeadline(at.getTime(), r.deadline);
    const closed = passed || r.locked === 1;
    const labelled = { year: r.year, unitType: r.unit_type, deadline: r.deadline };
    const label = (locale: Locale) => (closed ? closedLabel(r, passed, locale) : periodLabel(labelled, locale));
    return [
      {
        id: r.id,
        year: r.year,
        criteriaSet: { id: r.criteria_set_id, version: r.criteria_set_version, title: r.title },
        unitType: r.unit_type,
        deadline: r.deadline,
        extended: false,
        closed,
        label: { vi: label("vi"), en: label("en") },
      },
    ];
  });
  return distinctPeriodLabels(listed);
}
