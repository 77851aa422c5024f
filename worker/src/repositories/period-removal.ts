/**
 * Removing a period created by mistake (go-live GL-2: a second period of one year and level,
 * opened by a retry under another id, was offered to every commune and took their reports).
 * Only a period nothing was recorded in: no submission, review step or survey score — those
 * are append-only and a ranking may have been read from them. The guard is inside every
 * statement of the batch, so a submission that lands between the check and the batch keeps
 * the period whole.
 */
const EMPTY = `NOT EXISTS (SELECT 1 FROM submissions WHERE period_id = ?1)
  AND NOT EXISTS (SELECT 1 FROM review_events WHERE period_id = ?1)
  AND NOT EXISTS (SELECT 1 FROM survey_scores WHERE period_id = ?1)`;

export interface PeriodUse {
  submissions: number;
  units: number;
  surveyScores: number;
}

/** What was recorded in a period: what keeps it from being removed. */
export async function periodUse(db: D1Database, periodId: string): Promise<PeriodUse> {
  const row = await db
    .prepare(
      `SELECT (SELECT COUNT(*) FROM submissions WHERE period_id = ?1) AS submissions,
              (SELECT COUNT(DISTINCT unit_id) FROM (SELECT unit_id FROM submissions WHERE period_id = ?1 UNION SELECT unit_id FROM review_events WHERE period_id = ?1)) AS units,
              (SELECT COUNT(*) FROM survey_scores WHERE period_id = ?1) AS survey_scores`,
    )
    .bind(periodId)
    .first<{ submissions: number; units: number; survey_scores: number }>();
  return { submissions: row?.submissions ?? 0, units: row?.units ?? 0, surveyScores: row?.survey_scores ?? 0 };
}

/**
 * The batch that removes an empty period: its audit row first (the period and its deadline
 * exceptions as they were), then the exceptions, its ranking bookkeeping and the period. The
 * last statement's `changes` says whether it was removed.
 */
export function removePeriodStatements(db: D1Database, periodId: string, audit: { at: string; tokenId: string }): D1PreparedStatement[] {
  const guarded = (sql: string) => db.prepare(`${sql} AND ${EMPTY}`).bind(periodId);
  return [
    db
      .prepare(
        `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail)
         SELECT ?2, ?3, 'period.delete', 'period', p.id,
                json_object('year', p.year, 'criteriaSet', json_object('id', p.criteria_set_id, 'version', p.criteria_set_version), 'deadline', p.deadline, 'locked', p.locked,
                            'exceptions', (SELECT json_group_array(json_object('unit', e.unit_id, 'deadline', e.deadline, 'reason', e.reason)) FROM deadline_exceptions e WHERE e.period_id = p.id))
         FROM periods p WHERE p.id = ?1 AND ${EMPTY}`,
      )
      .bind(periodId, audit.at, audit.tokenId),
    guarded("DELETE FROM deadline_exceptions WHERE period_id = ?1"),
    guarded("DELETE FROM ranking_units WHERE period_id = ?1"),
    guarded("DELETE FROM ranking_snapshot_chunks WHERE period_id = ?1"),
    guarded("DELETE FROM ranking_periods WHERE period_id = ?1"),
    guarded("DELETE FROM periods WHERE id = ?1"),
  ];
}

/** Was this id a period once, removed since? Its id is not given again: an isolate may still hold its criteria set (period-repository.ts). */
export async function wasRemoved(db: D1Database, periodId: string): Promise<boolean> {
  const row = await db.prepare("SELECT 1 AS removed FROM audit_log WHERE action = 'period.delete' AND entity = 'period' AND entity_id = ?1 LIMIT 1").bind(periodId).first();
  return row !== null;
}
