import type { Period } from "../api-schemas.ts";
import { isolateCache } from "../isolate-caches.ts";

export interface PeriodRow {
  id: string;
  year: number;
  criteria_set_id: string;
  criteria_set_version: number;
  deadline: string;
  locked: number;
}

const COLUMNS = "p.id, p.year, p.criteria_set_id, p.criteria_set_version, p.deadline, p.locked";
export const toPeriod = (r: PeriodRow): Period => ({
  id: r.id,
  year: r.year,
  criteriaSet: { id: r.criteria_set_id, version: r.criteria_set_version },
  deadline: r.deadline,
  locked: r.locked === 1,
});

/** Newest year first, then by id; keyset page after (year, id). */
/** A page of periods, newest year first, after the cursor's period; null when the cursor names no period of that year (not one the list gave). */
export async function listPeriods(db: D1Database, page: { limit: number; after?: { year: number; id: string } | undefined }): Promise<Period[] | null> {
  const rows = db
    .prepare(`SELECT ${COLUMNS} FROM periods p WHERE ?1 IS NULL OR p.year < ?1 OR (p.year = ?1 AND p.id > ?2) ORDER BY p.year DESC, p.id LIMIT ?3`)
    .bind(page.after?.year ?? null, page.after?.id ?? "", page.limit);
  if (!page.after) return (await rows.all<PeriodRow>()).results.map(toPeriod);
  const [cursor, found] = await db.batch([db.prepare("SELECT 1 AS named FROM periods WHERE id = ?1 AND year = ?2").bind(page.after.id, page.after.year), rows]);
  return cursor?.results.length ? ((found?.results ?? []) as PeriodRow[]).map(toPeriod) : null;
}

export async function getPeriod(db: D1Database, id: string): Promise<Period | null> {
  const row = await db.prepare(`SELECT ${COLUMNS} FROM periods p WHERE p.id = ?1`).bind(id).first<PeriodRow>();
  return row ? toPeriod(row) : null;
}

/** What a submission needs to know, in one query: the period, the unit's type, its deadline exception and review status. */
export interface SubmissionContext {
  period: Period | null;
  unitType: string | null;
  exceptionDeadline: string | null;
  /** The unit's last review event in the period (null: its review has not started). */
  reviewStatus: string | null;
  /** The unit's days of existence (null: no such unit). */
  unitValidity: { from: string; to: string | null } | null;
}

export async function submissionContext(db: D1Database, periodId: string, unitId: string): Promise<SubmissionContext> {
  const row = await db
    .prepare(
      `SELECT u.type AS unit_type, u.valid_from AS unit_valid_from, u.valid_to AS unit_valid_to, ${COLUMNS}, e.deadline AS exception_deadline,
              (SELECT r.status FROM review_events r WHERE r.period_id = ?1 AND r.unit_id = ?2 ORDER BY r.seq DESC LIMIT 1) AS review_status
       FROM (SELECT 1) LEFT JOIN units u ON u.id = ?2
       LEFT JOIN periods p ON p.id = ?1
       LEFT JOIN deadline_exceptions e ON e.unit_id = ?2 AND e.period_id = ?1`,
    )
    .bind(periodId, unitId)
    .first<Partial<PeriodRow> & { unit_type: string | null; exception_deadline: string | null; review_status: string | null; unit_valid_from: string | null; unit_valid_to: string | null }>();
  return {
    period: row?.id ? toPeriod(row as PeriodRow) : null,
    unitType: row?.unit_type ?? null,
    exceptionDeadline: row?.exception_deadline ?? null,
    reviewStatus: row?.review_status ?? null,
    unitValidity: row?.unit_valid_from ? { from: row.unit_valid_from, to: row.unit_valid_to } : null,
  };
}

/**
 * A period's criteria set and a unit's type never change (triggers refuse it), so the
 * Worker keeps them per isolate: the hot submission path then needs no lookup query.
 * Locks and deadlines do change and are checked inside the INSERT instead.
 */
const periodSets = isolateCache<string, Period["criteriaSet"]>();
const unitTypes = isolateCache<string, string>();

export async function periodCriteriaSet(db: D1Database, periodId: string): Promise<Period["criteriaSet"] | null> {
  const cached = periodSets.get(periodId);
  if (cached) return cached;
  const period = await getPeriod(db, periodId);
  if (period) periodSets.set(periodId, period.criteriaSet);
  return period?.criteriaSet ?? null;
}

/** A removed period (period-removal.ts) leaves this isolate's cache; its id is never given again, so other isolates' copies name no live period. */
export const forgetPeriod = (periodId: string): void => void periodSets.delete(periodId);

export async function unitType(db: D1Database, unitId: string): Promise<string | null> {
  const cached = unitTypes.get(unitId);
  if (cached) return cached;
  const row = await db.prepare("SELECT type FROM units WHERE id = ?1").bind(unitId).first<{ type: string }>();
  if (row) unitTypes.set(unitId, row.type);
  return row?.type ?? null;
}

/** The other periods of a year whose sets are of these unit types, not locked: a new period's possible twins. */
export async function unlockedPeriodsOfLevel(db: D1Database, year: number, unitTypes: readonly string[], exceptId: string): Promise<Period[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COLUMNS} FROM periods p JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version
       WHERE p.year = ?1 AND p.locked = 0 AND p.id <> ?2 AND cs.unit_type IN (SELECT value FROM json_each(?3)) ORDER BY p.id`,
    )
    .bind(year, exceptId, JSON.stringify(unitTypes))
    .all<PeriodRow>();
  return results.map(toPeriod);
}

export function insertPeriodStatement(db: D1Database, p: Period, now: string): D1PreparedStatement {
  return db
    .prepare("INSERT INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
    .bind(p.id, p.year, p.criteriaSet.id, p.criteriaSet.version, p.deadline, p.locked ? 1 : 0, now);
}

/** One unit's deadline exception for a period, as the routes answer it. */
export interface DeadlineException {
  unit: string;
  deadline: string;
  reason: string;
  period: string;
}

export async function getDeadlineException(db: D1Database, periodId: string, unitId: string): Promise<DeadlineException | null> {
  const row = await db
    .prepare("SELECT unit_id, deadline, reason, period_id FROM deadline_exceptions WHERE period_id = ?1 AND unit_id = ?2")
    .bind(periodId, unitId)
    .first<{ unit_id: string; deadline: string; reason: string; period_id: string }>();
  return row ? { unit: row.unit_id, deadline: row.deadline, reason: row.reason, period: row.period_id } : null;
}

export function insertExceptionStatement(db: D1Database, e: DeadlineException, now: string): D1PreparedStatement {
  return db
    .prepare("INSERT INTO deadline_exceptions (unit_id, period_id, deadline, reason, created_at) VALUES (?1, ?2, ?3, ?4, ?5)")
    .bind(e.unit, e.period, e.deadline, e.reason, now);
}

/**
 * A correction of an existing exception, for one batch: first its audit row, which reads the
 * deadline and reason being replaced inside the batch (so it names what was really there),
 * then the change. Both do nothing when the exception already says this, so a repeated
 * correction neither logs twice nor marks the period's ranking stale.
 */
export function changeExceptionStatements(db: D1Database, e: DeadlineException, audit: { at: string; tokenId: string }): D1PreparedStatement[] {
  const changed = "e.period_id = ?2 AND e.unit_id = ?1 AND (e.deadline IS NOT ?3 OR e.reason IS NOT ?4)";
  return [
    db
      .prepare(
        `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail)
         SELECT ?5, ?6, 'deadline_exception.change', 'period', e.period_id,
                json_object('unit', e.unit_id, 'period', e.period_id, 'from', json_object('deadline', e.deadline, 'reason', e.reason), 'to', json_object('deadline', ?3, 'reason', ?4))
         FROM deadline_exceptions e WHERE ${changed}`,
      )
      .bind(e.unit, e.period, e.deadline, e.reason, audit.at, audit.tokenId),
    db.prepare(`UPDATE deadline_exceptions AS e SET deadline = ?3, reason = ?4 WHERE ${changed}`).bind(e.unit, e.period, e.deadline, e.reason),
  ];
}

/**
 * Lock or unlock a period, with its audit row written only by the statement that changed it
 * (two requests at once, or the same command again: one row). The route and the admin CLI
 * (its SQL file) write the same two statements.
 */
export function periodLockStatements(db: D1Database, p: { id: string; locking: boolean; at: string; tokenId: string | null; detail: object }): D1PreparedStatement[] {
  return [
    db.prepare("UPDATE periods SET locked = ?2 WHERE id = ?1 AND locked = ?3").bind(p.id, p.locking ? 1 : 0, p.locking ? 0 : 1),
    db
      .prepare("INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail) SELECT ?1, ?2, ?3, 'period', ?4, ?5 WHERE changes() = 1")
      .bind(p.at, p.tokenId, p.locking ? "period.lock" : "period.unlock", p.id, JSON.stringify(p.detail)),
  ];
}
