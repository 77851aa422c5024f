import type { NewUnit, Unit } from "../api-schemas.ts";
import { UnitTypeSchema } from "../../../shared/index.ts";

interface UnitRow {
  id: string;
  name: string;
  type: Unit["type"];
  parent_id: string | null;
  valid_from: string;
  valid_to: string | null;
}

const COLUMNS = "id, name, type, parent_id, valid_from, valid_to";
const toUnit = (r: UnitRow): Unit => ({ id: r.id, name: r.name, type: r.type, parentId: r.parent_id, validFrom: r.valid_from, validTo: r.valid_to });

export const isValidOn = (u: Unit, day: string): boolean => u.validFrom <= day && (u.validTo === null || u.validTo >= day);
/** Did a unit exist on some day of a span (days, inclusive; PERIOD_UNITS_SQL's rule)? */
export const existsIn = (unit: { from: string; to: string | null }, span: { from: string; to: string }): boolean => unit.from <= span.to && (unit.to === null || unit.to >= span.from);

export async function listAllUnits(db: D1Database): Promise<Unit[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM units ORDER BY id`).all<UnitRow>();
  return results.map(toUnit);
}

export async function getUnit(db: D1Database, id: string): Promise<Unit | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM units WHERE id = ?1`).bind(id).first<UnitRow>();
  return row ? toUnit(row) : null;
}

export async function getUnits(db: D1Database, ids: string[]): Promise<Unit[]> {
  if (ids.length === 0) return [];
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM units WHERE id IN (SELECT value FROM json_each(?1))`)
    .bind(JSON.stringify(ids))
    .all<UnitRow>();
  return results.map(toUnit);
}

/** `below`: the unit ?1 and every unit under it, following parent links (UNION: each once). */
const SUBTREE = `WITH RECURSIVE below(id) AS (SELECT ?1 UNION SELECT u.id FROM units u JOIN below ON u.parent_id = below.id)`;

/**
 * The root and every unit below it, following parent links (dates do not matter), asked of D1:
 * a district reviewer's view reads its own few dozen ids, not the province's whole list.
 */
export async function subtreeIdsOf(db: D1Database, rootId: string): Promise<Set<string>> {
  const { results } = await db
    .prepare(`${SUBTREE} SELECT id FROM below`)
    .bind(rootId)
    .all<{ id: string }>();
  return new Set(results.map((r) => r.id));
}

/** `id` is a unit without a parent, and no other unit is one. */
export async function isSoleRoot(db: D1Database, id: string): Promise<boolean> {
  const row = await db
    .prepare(`SELECT EXISTS (SELECT 1 FROM units WHERE id = ?1 AND parent_id IS NULL) AND NOT EXISTS (SELECT 1 FROM units WHERE parent_id IS NULL AND id <> ?1) AS sole`)
    .bind(id)
    .first<{ sole: number }>();
  return row?.sole === 1;
}

/**
 * The types of the units below `rootId` (never its own), following parent links (dates do not
 * matter). Below the only root every other unit stands (isSoleRoot): each type is then asked
 * whether any other unit has it, which stops at the first — the walk of a province's 20,000 units
 * had taken ~100 ms of each GET /v1/me of its reviewer.
 */
export async function unitTypesBelow(db: D1Database, rootId: string): Promise<Set<string>> {
  if (await isSoleRoot(db, rootId)) {
    const { results } = await db
      .prepare(`SELECT value AS type FROM json_each(?2) WHERE EXISTS (SELECT 1 FROM units WHERE type = value AND id <> ?1)`)
      .bind(rootId, JSON.stringify(UnitTypeSchema.options))
      .all<{ type: string }>();
    return new Set(results.map((r) => r.type));
  }
  const { results } = await db
    .prepare(`${SUBTREE} SELECT DISTINCT u.type FROM units u JOIN below ON u.id = below.id WHERE u.id <> ?1`)
    .bind(rootId)
    .all<{ type: string }>();
  return new Set(results.map((r) => r.type));
}

/** Is `unitId` the root or below it, following parent links (dates do not matter)? */
export async function isWithinSubtree(db: D1Database, rootId: string, unitId: string): Promise<boolean> {
  const row = await db
    .prepare(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM units WHERE id = ?2
         UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 32)
       SELECT 1 AS hit FROM up WHERE id = ?1 LIMIT 1`,
    )
    .bind(rootId, unitId)
    .first<{ hit: number }>();
  return row !== null;
}

/** The unit and the units above it, nearest first, following parent links (dates do not matter). */
export async function unitAndAncestors(db: D1Database, unitId: string): Promise<string[]> {
  const { results } = await db
    .prepare(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM units WHERE id = ?1
         UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM units u JOIN up ON u.id = up.parent_id WHERE up.depth < 32)
       SELECT id FROM up ORDER BY depth`,
    )
    .bind(unitId)
    .all<{ id: string }>();
  return results.map((r) => r.id);
}

/** Units under any of `parentIds` still valid on `day` or later (ordered by id, at most `limit`). */
export async function childrenValidFrom(db: D1Database, parentIds: string[], day: string, limit = 5): Promise<Unit[]> {
  const { results } = await db
    .prepare(`SELECT ${COLUMNS} FROM units WHERE parent_id IN (SELECT value FROM json_each(?1)) AND (valid_to IS NULL OR valid_to >= ?2) ORDER BY id LIMIT ?3`)
    .bind(JSON.stringify(parentIds), day, limit)
    .all<UnitRow>();
  return results.map(toUnit);
}

/** Units directly under `parentId` (null: the units without a parent, the provinces), whatever their dates. */
export async function unitsUnder(db: D1Database, parentId: string | null): Promise<Unit[]> {
  const { results } = await db.prepare(`SELECT ${COLUMNS} FROM units WHERE parent_id IS ?1 ORDER BY id`).bind(parentId).all<UnitRow>();
  return results.map(toUnit);
}

/**
 * The periods whose units are counted on `day` or later (the last day of the period's
 * criteria set: membershipSpan in cycle/period-units.ts). A merge from `day` takes those
 * periods from its predecessors and gives them to its successor (unit-checks.ts).
 */
const periodsCountedFrom = (day: string) =>
  `SELECT p.id FROM periods p JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version WHERE json_extract(cs.body, '$.period.to') >= ${day}`;

/** Versions and survey scores of the units `units` (an SQL list) in periods counted on `day` or later. */
const dataInPeriodsFromSql = (units: string, day: string) => `
  SELECT s.unit_id, s.period_id, COUNT(*) AS versions, 0 AS survey FROM submissions s
    WHERE s.unit_id IN (${units}) AND s.period_id IN (${periodsCountedFrom(day)}) GROUP BY s.unit_id, s.period_id
  UNION ALL
  SELECT v.unit_id, v.period_id, 0 AS versions, COUNT(*) AS survey FROM survey_scores v
    WHERE v.unit_id IN (${units}) AND v.period_id IN (${periodsCountedFrom(day)}) GROUP BY v.unit_id, v.period_id`;

export interface PeriodData {
  unitId: string;
  periodId: string;
  /** The period's units are those open on this day (its set's last day). */
  lastDay: string;
  versions: number;
  surveyScores: number;
}

/** What each of `unitIds` has (versions, survey scores) in periods counted on `day` or later, by period then unit. */
export async function dataInPeriodsFrom(db: D1Database, unitIds: string[], day: string): Promise<PeriodData[]> {
  const { results } = await db
    .prepare(
      `SELECT d.unit_id, d.period_id, json_extract(cs.body, '$.period.to') AS last_day, SUM(d.versions) AS versions, SUM(d.survey) AS survey
       FROM (${dataInPeriodsFromSql("SELECT value FROM json_each(?1)", "?2")}) d
       JOIN periods p ON p.id = d.period_id JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version
       GROUP BY d.unit_id, d.period_id ORDER BY d.period_id, d.unit_id`,
    )
    .bind(JSON.stringify(unitIds), day)
    .all<{ unit_id: string; period_id: string; last_day: string; versions: number; survey: number }>();
  return results.map((r) => ({ unitId: r.unit_id, periodId: r.period_id, lastDay: r.last_day, versions: r.versions, surveyScores: r.survey }));
}

export function insertUnitStatement(db: D1Database, u: NewUnit, createdAt: string): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO units (${COLUMNS}, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)`)
    .bind(u.id, u.name, u.type, u.parentId, u.validFrom, u.validTo, createdAt);
}

/**
 * Close a unit's validity on `lastDay`, or move a planned later end back to it (migration
 * 0013); matches nothing when it already ends by then or was merged once (checked first, unit-checks.ts).
 */
export function closeUnitStatement(db: D1Database, id: string, lastDay: string): D1PreparedStatement {
  return db
    .prepare(
      `UPDATE units SET valid_to = ?2 WHERE id = ?1 AND (valid_to IS NULL OR valid_to > ?2)
         AND NOT EXISTS (SELECT 1 FROM unit_successors l WHERE l.predecessor_id = ?1)`,
    )
    .bind(id, lastDay);
}

/** Which of `ids` were merged into a successor already. */
export async function mergedAway(db: D1Database, ids: string[]): Promise<Set<string>> {
  const { results } = await db
    .prepare("SELECT DISTINCT predecessor_id AS id FROM unit_successors WHERE predecessor_id IN (SELECT value FROM json_each(?1))")
    .bind(JSON.stringify(ids))
    .all<{ id: string }>();
  return new Set(results.map((r) => r.id));
}

/** The failure linkSuccessorStatement's guard raises (a version or survey score landed since the merge's check). */
export const DATA_SINCE_CHECK = /NOT NULL constraint failed: unit_successors\.effective_date/;

/**
 * The merge's link, guarded inside its batch: should the predecessor have data in a period
 * counted from the merge date on (a version sent between the merge's check and its batch), the
 * link's date is NULL, which the column refuses, and the whole merge is rolled back
 * (DATA_SINCE_CHECK; the route then answers the check's 409).
 */
export function linkSuccessorStatement(db: D1Database, predecessorId: string, successorId: string, weight: number, effectiveDate: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO unit_successors (predecessor_id, successor_id, weight, effective_date)
       SELECT ?1, ?2, ?3, CASE WHEN EXISTS (${dataInPeriodsFromSql("?1", "?4")}) THEN NULL ELSE ?4 END`,
    )
    .bind(predecessorId, successorId, weight, effectiveDate);
}

export interface UnitLink {
  unit: Unit;
  weight: number;
  effectiveDate: string;
}

/** Merge history of one unit: where it came from and where it went. */
export async function unitLinks(db: D1Database, id: string): Promise<{ predecessors: UnitLink[]; successors: UnitLink[] }> {
  const query = (join: string, where: string) =>
    db
      .prepare(
        `SELECT u.id, u.name, u.type, u.parent_id, u.valid_from, u.valid_to, l.weight, l.effective_date
         FROM unit_successors l JOIN units u ON u.id = l.${join} WHERE l.${where} = ?1 ORDER BY u.id`,
      )
      .bind(id);
  const [pre, suc] = await db.batch<UnitRow & { weight: number; effective_date: string }>([query("predecessor_id", "successor_id"), query("successor_id", "predecessor_id")]);
  const links = (rows: (UnitRow & { weight: number; effective_date: string })[] | undefined): UnitLink[] =>
    (rows ?? []).map((r) => ({ unit: toUnit(r), weight: r.weight, effectiveDate: r.effective_date }));
  return { predecessors: links(pre?.results), successors: links(suc?.results) };
}
