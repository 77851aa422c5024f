import type { ReviewStatus } from "./review-workflow.ts";

/** SQL of the appraisal workflow: status events, appraised items, explanations. */

/** Current status of each unit in a period, as a SQL expression over alias `u` (unit id column) and ?period. */
export const currentStatusSql = (unitColumn: string, periodParam: string): string => `COALESCE(
  (SELECT e.status FROM review_events e WHERE e.period_id = ${periodParam} AND e.unit_id = ${unitColumn} ORDER BY e.seq DESC LIMIT 1),
  CASE WHEN EXISTS (SELECT 1 FROM submissions s WHERE s.period_id = ${periodParam} AND s.unit_id = ${unitColumn}) THEN 'submitted' ELSE 'not_submitted' END)`;

export interface ReviewState {
  status: ReviewStatus;
  round: number;
  latestSubmission: { id: string; version: number; createdAt: string } | null;
  /** Does an appraised item of the current round carry a comment? (a return may say what to explain there instead of in a reason) */
  commented?: boolean;
}

export async function reviewState(db: D1Database, periodId: string, unitId: string): Promise<ReviewState> {
  const row = await db
    .prepare(
      `SELECT ${currentStatusSql("?2", "?1")} AS status,
              COALESCE((SELECT MAX(round) FROM review_events WHERE period_id = ?1 AND unit_id = ?2), 1) AS round,
              (SELECT json_object('id', id, 'version', version, 'createdAt', created_at) FROM submissions
                WHERE period_id = ?1 AND unit_id = ?2 ORDER BY version DESC LIMIT 1) AS latest,
              EXISTS (SELECT 1 FROM appraisal_items a WHERE a.period_id = ?1 AND a.unit_id = ?2 AND a.comment <> ''
                AND a.round = COALESCE((SELECT MAX(round) FROM review_events WHERE period_id = ?1 AND unit_id = ?2), 1)) AS commented`,
    )
    .bind(periodId, unitId)
    .first<{ status: ReviewStatus; round: number; latest: string | null; commented: number }>();
  return {
    status: row!.status,
    round: row!.round,
    latestSubmission: row?.latest ? (JSON.parse(row.latest) as ReviewState["latestSubmission"]) : null,
    commented: row!.commented === 1,
  };
}

export interface NewReviewEvent {
  id: string;
  periodId: string;
  unitId: string;
  status: Exclude<ReviewStatus, "not_submitted" | "submitted">;
  round: number;
  tokenId: string;
  reason: string | null;
  at: string;
}

export function insertReviewEventStatement(db: D1Database, e: NewReviewEvent): D1PreparedStatement {
  return db
    .prepare("INSERT INTO review_events (id, period_id, unit_id, status, round, token_id, reason, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
    .bind(e.id, e.periodId, e.unitId, e.status, e.round, e.tokenId, e.reason, e.at);
}

export interface AppraisalWrite {
  periodId: string;
  unitId: string;
  code: string;
  scoreCents: number;
  comment: string | null;
  round: number;
  tokenId: string;
  at: string;
}

export function upsertAppraisalStatement(db: D1Database, a: AppraisalWrite): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO appraisal_items (period_id, unit_id, code, score_cents, comment, round, token_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
       ON CONFLICT (period_id, unit_id, code) DO UPDATE SET score_cents = excluded.score_cents, comment = excluded.comment,
         round = excluded.round, token_id = excluded.token_id, at = excluded.at`,
    )
    .bind(a.periodId, a.unitId, a.code, a.scoreCents, a.comment, a.round, a.tokenId, a.at);
}

/**
 * Accept every item of the latest version that has no appraised score yet: appraised = the
 * server's score of the item itself (before a condition zeroed it; the condition still
 * applies when the ranking combines the scores, unit-result.ts). An item the unit marked
 * "không áp dụng" is left unappraised, so it stays excluded: an appraised score would bring
 * it back into the maximum.
 */
export function acceptUnchangedStatement(db: D1Database, p: { periodId: string; unitId: string; round: number; tokenId: string; at: string }): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO appraisal_items (period_id, unit_id, code, score_cents, comment, round, token_id, at)
       SELECT i.period_id, i.unit_id, i.code, COALESCE(i.raw_cents, i.score_cents), NULL, ?3, ?4, ?5 FROM submission_items i
       WHERE i.period_id = ?1 AND i.unit_id = ?2 AND i.kind <> 'survey' AND i.not_applicable = 0
         AND i.version = (SELECT MAX(version) FROM submissions WHERE period_id = ?1 AND unit_id = ?2)
         AND NOT EXISTS (SELECT 1 FROM appraisal_items a WHERE a.period_id = ?1 AND a.unit_id = ?2 AND a.code = i.code)`,
    )
    .bind(p.periodId, p.unitId, p.round, p.tokenId, p.at);
}

export function insertExplanationStatement(
  db: D1Database,
  x: { periodId: string; unitId: string; round: number; code: string; text: string; evidence: string; tokenId: string; at: string },
): D1PreparedStatement {
  return db
    .prepare("INSERT INTO explanations (period_id, unit_id, round, code, text, evidence, token_id, at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
    .bind(x.periodId, x.unitId, x.round, x.code, x.text, x.evidence, x.tokenId, x.at);
}

export interface ReviewHistoryEntry {
  status: string;
  round: number;
  by: string;
  reason: string | null;
  at: string;
}

export interface AppraisalRow {
  code: string;
  appraised: number;
  comment: string | null;
  round: number;
  at: string;
}

export interface ExplanationRow {
  code: string;
  round: number;
  text: string;
  evidence: string;
  at: string;
}

export async function reviewDetail(db: D1Database, periodId: string, unitId: string): Promise<{ history: ReviewHistoryEntry[]; appraisals: AppraisalRow[]; explanations: ExplanationRow[] }> {
  const [events, appraisals, explanations] = await db.batch([
    db.prepare("SELECT status, round, token_id AS by, reason, at FROM review_events WHERE period_id = ?1 AND unit_id = ?2 ORDER BY seq").bind(periodId, unitId),
    db.prepare("SELECT code, score_cents / 100.0 AS appraised, comment, round, at FROM appraisal_items WHERE period_id = ?1 AND unit_id = ?2 ORDER BY code").bind(periodId, unitId),
    db.prepare("SELECT code, round, text, evidence, at FROM explanations WHERE period_id = ?1 AND unit_id = ?2 ORDER BY seq").bind(periodId, unitId),
  ]);
  return {
    history: (events?.results ?? []) as unknown as ReviewHistoryEntry[],
    appraisals: (appraisals?.results ?? []) as unknown as AppraisalRow[],
    explanations: (explanations?.results ?? []) as unknown as ExplanationRow[],
  };
}

/** Items of a unit's latest version (server scores), in set order of the stored report. */
export async function latestItems(db: D1Database, periodId: string, unitId: string): Promise<{ code: string; kind: string; max: number; score: number }[]> {
  const { results } = await db
    .prepare(
      `SELECT code, kind, max_cents / 100.0 AS max, score_cents / 100.0 AS score FROM submission_items
       WHERE period_id = ?1 AND unit_id = ?2 AND version = (SELECT MAX(version) FROM submissions WHERE period_id = ?1 AND unit_id = ?2)
       ORDER BY rowid`,
    )
    .bind(periodId, unitId)
    .all<{ code: string; kind: string; max: number; score: number }>();
  return results;
}

/** D1 surfaces a trigger's RAISE as an error whose message carries our marker. */
export const isRefusal = (e: unknown, marker: "REVIEW_TRANSITION_REFUSED" | "APPRAISAL_LOCKED"): boolean => String(e).includes(marker);
