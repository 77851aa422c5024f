import type { Report } from "../../../shared/index.ts";
import type { SubmissionDetail, SubmissionSummary } from "../api-schemas.ts";
import { withinDeadlineSql } from "../vietnam-day.ts";

export interface NewSubmission {
  id: string;
  unitId: string;
  periodId: string;
  tokenId: string;
  source: "grid" | "items" | "raw";
  gridJson: string;
  reportJson: string;
  clientReportJson: string | null;
  acceptedWarningsJson: string;
  /** The column mapping the user confirmed, as JSON; null when detection needed none. */
  confirmedHeadersJson?: string | null | undefined;
  total: number;
  percent: number;
  band: string | null;
  errors: number;
  warnings: number;
  createdAt: string;
  /** The days the period's criteria set covers (scoreSubmission: the set's period): the unit must exist on one of them (null: not checked). */
  span?: { from: string; to: string } | null | undefined;
}

/**
 * The version is assigned inside the INSERT (MAX + 1 over the unit's versions for the
 * period), so concurrent submissions serialise in D1 and each becomes the next version.
 * The INSERT also re-checks, atomically, that the period is unlocked, `createdAt` is
 * within the unit's deadline (its exception, else the period's; through the end of its last
 * second, withinDeadlineSql) and the unit's review for the
 * period has not started (no review event: appraised scores belong to the version reviewed,
 * a new one would carry them over unseen) and the unit exists on some day of the period's
 * span (not closed before it, not created after it): it inserts nothing otherwise.
 */
export function insertSubmissionStatement(db: D1Database, s: NewSubmission): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO submissions (id, unit_id, period_id, version, token_id, source, grid, report, client_report, accepted_warnings,
                                total, percent, band, errors, warnings, created_at, confirmed_headers)
       SELECT ?1, ?2, ?3, (SELECT COALESCE(MAX(version), 0) + 1 FROM submissions WHERE unit_id = ?2 AND period_id = ?3),
              ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16
       FROM periods p LEFT JOIN deadline_exceptions e ON e.period_id = p.id AND e.unit_id = ?2
       WHERE p.id = ?3 AND p.locked = 0 AND ${withinDeadlineSql("?15", "COALESCE(e.deadline, p.deadline)")}
         AND NOT EXISTS (SELECT 1 FROM review_events r WHERE r.period_id = ?3 AND r.unit_id = ?2)
         AND (?17 IS NULL OR EXISTS (SELECT 1 FROM units u WHERE u.id = ?2 AND u.valid_from <= ?18 AND (u.valid_to IS NULL OR u.valid_to >= ?17)))
       RETURNING version`,
    )
    .bind(
      s.id, s.unitId, s.periodId, s.tokenId, s.source, s.gridJson, s.reportJson, s.clientReportJson, s.acceptedWarningsJson, s.total, s.percent, s.band, s.errors, s.warnings, s.createdAt,
      s.confirmedHeadersJson ?? null, s.span?.from ?? null, s.span?.to ?? null,
    );
}

/** The idempotency record stores the 201 answer built from the row just inserted, in the same batch. */
export function insertIdempotencyStatement(db: D1Database, k: { tokenId: string; key: string; requestHash: string; submissionId: string; createdAt: string }): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO idempotency_keys (token_id, key, request_hash, status, response, created_at)
       SELECT ?1, ?2, ?3, 201, json_object('id', id, 'version', version, 'unit', unit_id, 'period', period_id, 'report', json(report)), ?4
       FROM submissions WHERE id = ?5
       RETURNING response`,
    )
    .bind(k.tokenId, k.key, k.requestHash, k.createdAt, k.submissionId);
}

export function auditSubmissionStatement(db: D1Database, submissionId: string, tokenId: string, at: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail)
       SELECT ?1, ?2, 'submission.create', 'submission', id,
              json_object('unit', unit_id, 'period', period_id, 'version', version, 'source', source, 'percent', percent)
       FROM submissions WHERE id = ?3`,
    )
    .bind(at, tokenId, submissionId);
}

interface SummaryRow {
  id: string;
  version: number;
  unit_id: string;
  period_id: string;
  total: number;
  percent: number;
  band: string | null;
  errors: number;
  warnings: number;
  source: SubmissionSummary["source"];
  created_at: string;
  token_id: string;
  token_label: string;
  token_role: SubmissionSummary["submittedBy"]["role"];
}

const SUMMARY = `s.id, s.version, s.unit_id, s.period_id, s.total, s.percent, s.band, s.errors, s.warnings, s.source, s.created_at,
  s.token_id, t.label AS token_label, t.role AS token_role`;

const toSummary = (r: SummaryRow): SubmissionSummary => ({
  id: r.id,
  version: r.version,
  unit: r.unit_id,
  period: r.period_id,
  total: r.total,
  percent: r.percent,
  band: r.band,
  errors: r.errors,
  warnings: r.warnings,
  source: r.source,
  submittedBy: { tokenId: r.token_id, label: r.token_label, role: r.token_role },
  createdAt: r.created_at,
});

/**
 * Versions of a unit, by period then version; keyset cursor "period@version": null when it
 * names no version of this list (of the unit, of ?period= when asked) — not one the list gave.
 */
export async function listSubmissions(
  db: D1Database,
  opts: { unitId: string; periodId?: string | undefined; limit: number; after?: { period: string; version: number } | undefined },
): Promise<SubmissionSummary[] | null> {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY} FROM submissions s JOIN tokens t ON t.id = s.token_id
       WHERE s.unit_id = ?1 AND (?2 IS NULL OR s.period_id = ?2)
         AND (?3 IS NULL OR s.period_id > ?3 OR (s.period_id = ?3 AND s.version > ?4))
       ORDER BY s.period_id, s.version LIMIT ?5`,
    )
    .bind(opts.unitId, opts.periodId ?? null, opts.after?.period ?? null, opts.after?.version ?? 0, opts.limit);
  if (!opts.after) return (await rows.all<SummaryRow>()).results.map(toSummary);
  if (opts.periodId !== undefined && opts.after.period !== opts.periodId) return null;
  const [cursor, found] = await db.batch([
    db.prepare("SELECT 1 AS named FROM submissions WHERE unit_id = ?1 AND period_id = ?2 AND version = ?3").bind(opts.unitId, opts.after.period, opts.after.version),
    rows,
  ]);
  return cursor?.results.length ? ((found?.results ?? []) as SummaryRow[]).map(toSummary) : null;
}

export async function getSubmission(db: D1Database, id: string): Promise<SubmissionDetail | null> {
  const row = await db
    .prepare(`SELECT ${SUMMARY}, s.report, s.client_report, s.accepted_warnings, s.grid FROM submissions s JOIN tokens t ON t.id = s.token_id WHERE s.id = ?1`)
    .bind(id)
    .first<SummaryRow & { report: string; client_report: string | null; accepted_warnings: string; grid: string }>();
  if (!row) return null;
  return {
    ...toSummary(row),
    report: JSON.parse(row.report) as Report,
    clientReport: row.client_report ? (JSON.parse(row.client_report) as Report) : null,
    acceptedWarnings: JSON.parse(row.accepted_warnings) as SubmissionDetail["acceptedWarnings"],
    grid: JSON.parse(row.grid) as SubmissionDetail["grid"],
  };
}

/** The column mapping confirmed for a version (null when none was needed or it predates 0004). */
export async function getConfirmedHeaders(db: D1Database, id: string): Promise<unknown[] | null> {
  const row = await db.prepare("SELECT confirmed_headers FROM submissions WHERE id = ?1").bind(id).first<{ confirmed_headers: string | null }>();
  return row?.confirmed_headers ? (JSON.parse(row.confirmed_headers) as unknown[]) : null;
}
