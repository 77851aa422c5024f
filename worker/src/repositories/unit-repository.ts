import type { NewUnit, Unit } from "../api-schemas.ts";

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

export function linkSuccessorStatement(db: D1Database, predecessorId: string, successorId: string, weight: number, effectiveDate: string): D1PreparedStatement {
  return db
    .prepare("INSERT INTO unit_successors (predecessor_id, successor_id, weight, effective_date) VALUES (?1, ?2, ?3, ?4)")
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
