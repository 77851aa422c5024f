import { indexCriteria, toCents, type CriteriaSet, type Report } from "../../../shared/index.ts";
import { submittedResultStatement } from "./ranking-units.ts";

/**
 * What a stored version adds beside its row, in the submission's own batch (each statement
 * guarded by the version just inserted): the server report's leaves as rows of
 * submission_items (with the score before a condition, when one zeroed it), and the unit's
 * ranking result where it can be known at once (ranking-units.ts).
 */
export function submissionStatements(db: D1Database, submissionId: string, report: Report, set: CriteriaSet): D1PreparedStatement[] {
  return [submissionItemsStatement(db, submissionId, report, set), submittedResultStatement(db, submissionId, report, set)];
}

function submissionItemsStatement(db: D1Database, submissionId: string, report: Report, set: CriteriaSet): D1PreparedStatement {
  const index = indexCriteria(set);
  const rows = report.items.map((item) => {
    const node = index.byCode.get(item.code);
    const raw = item.scoreIfConditionMet === undefined ? null : toCents(item.scoreIfConditionMet);
    return [item.code, node?.field.code ?? item.code.split(".")[0]!, item.kind, toCents(item.max), toCents(item.score), item.notApplicable ? 1 : 0, node?.inAdjustment ? 1 : 0, raw];
  });
  return db
    .prepare(
      `INSERT INTO submission_items (submission_id, period_id, unit_id, version, code, field_code, kind, max_cents, score_cents, not_applicable, adjustment, raw_cents)
       SELECT s.id, s.period_id, s.unit_id, s.version, json_extract(j.value, '$[0]'), json_extract(j.value, '$[1]'), json_extract(j.value, '$[2]'),
              json_extract(j.value, '$[3]'), json_extract(j.value, '$[4]'), json_extract(j.value, '$[5]'), json_extract(j.value, '$[6]'), json_extract(j.value, '$[7]')
       FROM submissions s, json_each(?2) j WHERE s.id = ?1`,
    )
    .bind(submissionId, JSON.stringify(rows));
}
