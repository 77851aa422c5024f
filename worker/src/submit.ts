import { countBySeverity, scoreWorkbook, type CriteriaSet } from "../../shared/index.ts";
import type { SubmissionRequest } from "./api-schemas.ts";
import { formatVietnamTime } from "./clock.ts";
import type { Principal } from "./env.ts";
import { ApiError, forbidden, notFound } from "./errors.ts";
import { gridFromItems } from "./items-grid.ts";
import { loadCriteriaSetVersion } from "./repositories/criteria-set-repository.ts";
import { submissionContext } from "./repositories/period-repository.ts";
import {
  auditSubmissionStatement,
  findIdempotentAnswer,
  insertIdempotencyStatement,
  insertSubmissionStatement,
  type NewSubmission,
  type StoredAnswer,
} from "./repositories/submission-repository.ts";

const COMMUNE_LEVEL = new Set(["commune", "ward"]);
const fitsUnitType = (setType: string, unitType: string) => setType === unitType || (COMMUNE_LEVEL.has(setType) && COMMUNE_LEVEL.has(unitType));

/** Which unit a submission is for, and may this token submit it? Reviewers appraise; they do not submit. */
export function submittingUnit(principal: Principal, requested: string | undefined): string {
  if (principal.role === "reviewer") throw forbidden("Cán bộ thẩm định không nộp hồ sơ thay đơn vị / reviewers do not submit");
  const unit = requested ?? principal.unitId;
  if (!unit) throw new ApiError(400, "VALIDATION_FAILED", "unit is required for an admin token", [{ path: "unit", message: "required" }]);
  if (principal.role === "unit" && unit !== principal.unitId) throw forbidden("Mã truy cập chỉ nộp cho đơn vị của mình / a unit token submits for its own unit only");
  return unit;
}

/** Period open for this unit at `at`, else 409 PERIOD_LOCKED / DEADLINE_PASSED; returns the period's criteria set. */
export async function openCriteriaSet(db: D1Database, periodId: string, unitId: string, at: Date): Promise<CriteriaSet> {
  const ctx = await submissionContext(db, periodId, unitId);
  if (!ctx.unitType) throw notFound("unit", unitId);
  if (!ctx.period) throw notFound("period", periodId);
  if (ctx.period.locked) throw new ApiError(409, "PERIOD_LOCKED", `Kỳ đánh giá ${periodId} đã khóa, không nhận hồ sơ / period ${periodId} is locked`);
  const deadline = ctx.exceptionDeadline ?? ctx.period.deadline;
  if (at.getTime() > Date.parse(deadline)) {
    const shown = formatVietnamTime(deadline);
    throw new ApiError(
      409,
      "DEADLINE_PASSED",
      `Đã quá hạn nộp (${shown}, giờ Việt Nam) của kỳ ${periodId}; đề nghị liên hệ cơ quan thường trực CCHC để được gia hạn. / The deadline (${shown}, Vietnam time) for period ${periodId} has passed; ask the province for an extension.`,
    );
  }
  const set = await loadCriteriaSetVersion(db, ctx.period.criteriaSet.id, ctx.period.criteriaSet.version);
  if (!set) throw notFound("criteria_set", `${ctx.period.criteriaSet.id}@${ctx.period.criteriaSet.version}`);
  if (!fitsUnitType(set.unitType, ctx.unitType)) {
    throw new ApiError(422, "UNIT_TYPE_MISMATCH", `Bộ tiêu chí ${set.id} dành cho cấp ${set.unitType}, đơn vị ${unitId} là ${ctx.unitType} / set is for ${set.unitType} units`);
  }
  return set;
}

/** Re-score on the server with the same engine as the CLI and the add-in; the client's report is never trusted. */
export function scoreSubmission(body: SubmissionRequest, set: CriteriaSet, base: Pick<NewSubmission, "id" | "unitId" | "periodId" | "tokenId" | "createdAt">): NewSubmission {
  const grid = body.grid ?? gridFromItems(body.items ?? [], set);
  const report = scoreWorkbook(grid, set, { locale: body.locale, sheet: body.sheet });
  const unusable = report.findings.find((f) => f.code === "HEADER_NOT_FOUND");
  if (unusable) throw new ApiError(422, "HEADER_NOT_FOUND", unusable.message);
  const { errors, warnings } = countBySeverity(report);
  return {
    ...base,
    source: body.grid ? "grid" : "items",
    gridJson: JSON.stringify(grid),
    reportJson: JSON.stringify(report),
    clientReportJson: body.clientReport ? JSON.stringify(body.clientReport) : null,
    acceptedWarningsJson: JSON.stringify(body.acceptedWarnings),
    total: report.total,
    percent: report.percent,
    band: report.band,
    errors,
    warnings,
  };
}

const isIdempotencyRace = (e: unknown) => /UNIQUE constraint failed: idempotency_keys/i.test(String(e));

/**
 * Store the version, its idempotency record and its audit row in ONE batch (one
 * transaction). When an identical request won the race for the same key, the batch fails
 * on the key's primary key and the first answer is read back instead.
 */
export async function storeSubmission(db: D1Database, row: NewSubmission, key: string, requestHash: string): Promise<StoredAnswer> {
  try {
    const [, idem] = await db.batch<{ response: string }>([
      insertSubmissionStatement(db, row),
      insertIdempotencyStatement(db, { tokenId: row.tokenId, key, requestHash, submissionId: row.id, createdAt: row.createdAt }),
      auditSubmissionStatement(db, row.id, row.tokenId, row.createdAt),
    ]);
    return { requestHash, status: 201, response: idem!.results[0]!.response };
  } catch (e) {
    if (!isIdempotencyRace(e)) throw e;
    const first = await findIdempotentAnswer(db, row.tokenId, key);
    if (!first) throw e;
    return first;
  }
}

export function replay(answer: StoredAnswer, requestHash: string): StoredAnswer {
  if (answer.requestHash !== requestHash) {
    throw new ApiError(409, "IDEMPOTENCY_KEY_REUSED", "Idempotency-Key này đã dùng cho một nội dung khác / this Idempotency-Key was used with a different body");
  }
  return answer;
}
