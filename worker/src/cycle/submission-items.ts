import { indexCriteria, toCents, type CriteriaSet, type Report } from "../../../shared/index.ts";

/**
 * The server report's leaves as rows of submission_items, written in the submission's own
 * batch (guarded by the version just inserted), so the ranking is one SQL aggregation.
 */
export function submissionItemsStatement(db: D1Database, submissionId: string, report: Report, set: CriteriaSet): D1PreparedStatement {
  const index = indexCriteria(set);
  const rows = report.items.map((item) => {
    const node = index.byCode.get(item.code);
    return [item.code, node?.field.code ?? item.code.split(".")[0]!, item.kind, toCents(item.max), toCents(item.score), item.notApplicable ? 1 : 0, node?.inAdjustment ? 1 : 0];
  });
  return db
    .prepare(
      `INSERT INTO submission_items (submission_id, period_id, unit_id, version, code, field_code, kind, max_cents, score_cents, not_applicable, adjustment)
       SELECT s.id, s.period_id, s.unit_id, s.version, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
              json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]'), json_extract(j.value, '$[6]')
       FROM submissions s, json_each(?2) j WHERE s.id = ?1`,
    )
    .bind(submissionId, JSON.stringify(rows));
}
