import { periodLockedError } from "./period-checks.ts";
import { countBySeverity, formatDateVi, formatNumber, sameSheetName, scoreWorkbook, UNIT_TYPE_NAME, type CriteriaSet, type Grid, type Report, type UnitType } from "../../shared/index.ts";
import type { SubmissionRequest } from "./api-schemas.ts";
import { formatVietnamTime } from "./clock.ts";
import { membershipSpan, unitTypesOf } from "./cycle/period-units.ts";
import { STATUS_LABEL, type ReviewStatus } from "./cycle/review-workflow.ts";
import type { Principal } from "./env.ts";
import { ApiError, forbidden, notFound, quote } from "./errors.ts";
import { gridFromItems } from "./items-grid.ts";
import { loadCriteriaSetVersion } from "./repositories/criteria-set-repository.ts";
import { periodCriteriaSet, submissionContext, unitType } from "./repositories/period-repository.ts";
import { existsIn, getUnit } from "./repositories/unit-repository.ts";
import { withinDeadline } from "./vietnam-day.ts";
import { sameRequest, withLegacyHashes, type IdempotentRequest } from "./idempotency.ts";

type IdempotentRequestHashes = Pick<IdempotentRequest, "requestHash" | "legacyHashes">;
import { findIdempotentAnswer, isIdempotencyConflict, type StoredAnswer } from "./repositories/idempotency-repository.ts";
import { auditSubmissionStatement, insertIdempotencyStatement, insertSubmissionStatement, type NewSubmission } from "./repositories/submission-repository.ts";

const COMMUNE_LEVEL = new Set(["commune", "ward"]);
const fitsUnitType = (setType: string, unitType: string) => setType === unitType || (COMMUNE_LEVEL.has(setType) && COMMUNE_LEVEL.has(unitType));

/** Which unit a submission is for, and may this token submit it? Reviewers appraise; they do not submit. */
export function submittingUnit(principal: Principal, requested: string | undefined): string {
  if (principal.role === "reviewer") throw forbidden("Cán bộ thẩm định không nộp hồ sơ thay đơn vị / reviewers do not submit");
  const unit = requested ?? principal.unitId;
  if (!unit) throw new ApiError(400, "VALIDATION_FAILED", "Dữ liệu không hợp lệ: mã quản trị nộp thay đơn vị phải ghi rõ đơn vị (unit) / invalid body — unit is required for an admin token", [{ path: "unit", message: "cần ghi rõ đơn vị / required" }]);
  if (principal.role === "unit" && unit !== principal.unitId) throw forbidden("Mã truy cập chỉ nộp cho đơn vị của mình / a unit token submits for its own unit only");
  return unit;
}

/** The period's criteria set for this unit (from per-isolate caches on the hot path); 404/422 when it cannot apply. */
export async function criteriaSetFor(db: D1Database, periodId: string, unitId: string): Promise<CriteriaSet> {
  const [ref, type] = await Promise.all([periodCriteriaSet(db, periodId), unitType(db, unitId)]);
  if (!type) throw notFound("unit", unitId);
  if (!ref) throw notFound("period", periodId);
  const set = await loadCriteriaSetVersion(db, ref.id, ref.version);
  if (!set) throw notFound("criteria_set", `${ref.id}@${ref.version}`);
  if (!fitsUnitType(set.unitType, type)) {
    const who = await unitNamed(db, unitId);
    const levels = (locale: "vi" | "en") => unitTypesOf(set.unitType).map((t) => UNIT_TYPE_NAME[t as UnitType]?.[locale] ?? t).join(locale === "vi" ? ", " : " and ");
    const own = (locale: "vi" | "en") => UNIT_TYPE_NAME[type as UnitType]?.[locale] ?? type;
    throw new ApiError(
      422,
      "UNIT_TYPE_MISMATCH",
      `Kỳ ${periodId} dùng bộ tiêu chí ${set.id} dành cho cấp ${levels("vi")}; đơn vị ${who} là cấp ${own("vi")}: đơn vị không nộp hồ sơ cho kỳ này / period ${periodId} uses set ${set.id}, for ${levels("en")} units; ${who} is a ${own("en")}: it does not submit for this period`,
    );
  }
  return set;
}

/** "Xã Đông Hòa (xa-dong-hoa)": a unit as a refusal names it to the people who read it; its id alone when it has no row. */
async function unitNamed(db: D1Database, unitId: string): Promise<string> {
  const unit = await getUnit(db, unitId);
  return unit ? `${unit.name} (${unitId})` : unitId;
}

/** Why the guarded INSERT stored nothing: the period is locked, the unit takes no part in it, its review has started or its deadline has passed. */
async function closedPeriodError(db: D1Database, row: NewSubmission): Promise<ApiError> {
  const { periodId, unitId, createdAt: at } = row;
  const ctx = await submissionContext(db, periodId, unitId);
  if (!ctx.period) return notFound("period", periodId);
  if (ctx.period.locked) return periodLockedError(db, periodId);
  if (row.span && ctx.unitValidity && !existsIn(ctx.unitValidity, row.span)) return unitNotInPeriodError(periodId, await unitNamed(db, unitId), ctx.unitValidity, row.span);
  if (ctx.reviewStatus) return reviewStartedError(periodId, await unitNamed(db, unitId), ctx.reviewStatus as ReviewStatus);
  const deadline = ctx.exceptionDeadline ?? ctx.period.deadline;
  if (!withinDeadline(Date.parse(at), deadline)) {
    const shown = formatVietnamTime(deadline);
    return new ApiError(
      409,
      "DEADLINE_PASSED",
      `Đã quá hạn nộp (${shown}, giờ Việt Nam) của kỳ ${periodId}; đề nghị liên hệ cơ quan thường trực CCHC để được gia hạn. / The deadline (${shown}, Vietnam time) for period ${periodId} has passed; ask the province for an extension.`,
    );
  }
  return new ApiError(409, "PERIOD_CLOSED", `Kỳ ${periodId} không nhận hồ sơ lúc này, vui lòng thử lại / period ${periodId} refused the submission, retry`);
}

/**
 * A unit takes part in a period when it is open on the last day of the set's period (`span`,
 * period-units.ts): one closed before it (merged away, dissolved) is represented by its
 * successor; one created after it starts with the next period. Dates in words, the unit's own first.
 */
function unitNotInPeriodError(periodId: string, who: string, unit: { from: string; to: string | null }, span: { from: string; to: string }): ApiError {
  const lastDay = span.to;
  const [vi, en] =
    unit.to !== null && unit.to < lastDay
      ? [
          `Đơn vị ${who} hoạt động đến hết ngày ${formatDateVi(unit.to)} (đã sáp nhập hoặc giải thể), trước ngày cuối của kỳ ${periodId} (${formatDateVi(lastDay)}): đơn vị kế thừa nộp hồ sơ cho kỳ này`,
          `the last day of unit ${who} was ${unit.to} (merged or dissolved), before the last day of period ${periodId} (${lastDay}): its successor submits for this period`,
        ]
      : [
          `Đơn vị ${who} có hiệu lực từ ngày ${formatDateVi(unit.from)}, sau ngày cuối của kỳ ${periodId} (${formatDateVi(lastDay)}): đơn vị không tham gia kỳ này`,
          `unit ${who} starts on ${unit.from}, after the last day of period ${periodId} (${lastDay}): it takes no part in it`,
        ];
  return new ApiError(422, "UNIT_NOT_IN_PERIOD", `${vi} / ${en}`);
}

/**
 * Once the appraisal of a unit's version has begun, that version is the one appraised: a new
 * one would carry the appraised scores over onto items nobody reviewed (and, once final,
 * change a final result). What the unit has to add goes through the explanation (giải trình).
 */
function reviewStartedError(periodId: string, who: string, status: ReviewStatus): ApiError {
  // A final result has no explanation step left: only the province reopens it (CYC1-7).
  if (status === "final") {
    return new ApiError(
      409,
      "REVIEW_STARTED",
      `Hồ sơ của ${who} kỳ ${periodId} đã thẩm định xong, kết quả đã chốt (${STATUS_LABEL[status]}): không nhận phiên bản mới; chỉ quản trị cấp tỉnh mở lại được kết quả / the review of ${who} for period ${periodId} is over and its result is final: no new version is accepted; only the province can reopen it`,
    );
  }
  return new ApiError(
    409,
    "REVIEW_STARTED",
    `Hồ sơ của ${who} kỳ ${periodId} đã vào thẩm định (${STATUS_LABEL[status]}): không nhận phiên bản mới; nội dung cần bổ sung được gửi qua bước giải trình / the review of ${who} for period ${periodId} has started (${status}): no new version is accepted; add what is missing through the explanation step`,
  );
}

/**
 * D1 refuses a row over 2,000,000 bytes (SQLITE_TOOBIG). A JSON body is capped below that,
 * but a grid read from a workbook file can expand far past the file's size; what would not
 * fit is refused in words, never as a 500.
 */
export const MAX_STORED_BYTES = 1_900_000;

function checkStoredSize(s: Pick<NewSubmission, "gridJson" | "reportJson" | "clientReportJson" | "acceptedWarningsJson" | "confirmedHeadersJson">): void {
  const texts = [s.gridJson, s.reportJson, s.clientReportJson ?? "", s.acceptedWarningsJson, s.confirmedHeadersJson ?? ""];
  // A UTF-16 code unit is at most 3 bytes of UTF-8: texts this short fit without encoding them (every usual grid).
  if (texts.reduce((n, text) => n + text.length, 0) * 3 <= MAX_STORED_BYTES) return;
  const encoder = new TextEncoder();
  const bytes = texts.reduce((n, text) => n + encoder.encode(text).length, 0);
  if (bytes > MAX_STORED_BYTES) {
    throw new ApiError(
      422,
      "WORKBOOK_TOO_LARGE",
      `Sổ tính quá lớn để lưu (${Math.ceil(bytes / 1000)} kB ô dữ liệu): xóa các ô lạc ở xa bảng / the workbook is too large to store (${Math.ceil(bytes / 1000)} kB of cells); delete stray cells far from the table`,
    );
  }
}

/** `sheet` names a sheet of the grid as Excel would take it (sameSheetName), or 422 SHEET_NOT_FOUND as the CLI says. */
function ensureSheet(grid: Grid, sheet: string | undefined): void {
  if (sheet === undefined || grid.sheets.some((s) => sameSheetName(sheet, s.name))) return;
  const names = grid.sheets.map((s) => s.name).join(", ");
  throw new ApiError(422, "SHEET_NOT_FOUND", `Không có trang tính "${quote(sheet)}" trong sổ tính (các trang: ${quote(names)}) / no sheet named "${quote(sheet)}" in the workbook (sheets: ${quote(names)})`);
}

const scoreOptions = (body: SubmissionRequest) => ({ locale: body.locale, sheet: body.sheet, confirmedHeaders: body.confirmedHeaders });

/**
 * A grid sent with its workbook file must be that file's reading: the file is archived as the
 * evidence a reviewer opens, so the server reads it too and refuses (422 GRID_FILE_MISMATCH) a
 * grid whose scores are not the file's — never a ranked score beside a workbook that does not
 * back it. Scores, not cells, are compared: a client's reader may differ from SheetJS in what
 * scoring ignores (formats, merges outside the table).
 */
export function ensureFileBacksGrid(report: Report, fileGrid: Grid, body: SubmissionRequest, set: CriteriaSet): void {
  const fromFile = scoreWorkbook(fileGrid, set, scoreOptions(body));
  const fileScores = new Map(fromFile.sheet === null ? [] : fromFile.items.map((i) => [i.code, i]));
  const differ = report.items.filter((i) => {
    const other = fileScores.get(i.code);
    return !other || other.score !== i.score || (other.notApplicable ?? false) !== (i.notApplicable ?? false);
  });
  if (differ.length === 0 && fromFile.total === report.total) return;
  const listed = (locale: "vi" | "en") =>
    differ
      .slice(0, 5)
      .map((i) => {
        const other = fileScores.get(i.code);
        const file = other ? formatNumber(other.score, locale) : "—";
        return locale === "vi" ? `${i.code} (lưới ${formatNumber(i.score, "vi")}, tệp ${file})` : `${i.code} (grid ${i.score}, file ${file})`;
      })
      .join(", ") + (differ.length > 5 ? ", …" : "");
  const [vi, en] =
    fromFile.sheet === null
      ? ["tệp không có bảng tiêu chí", "the file has no criteria table"]
      : [`điểm khác nhau ở ${differ.length} tiêu chí: ${listed("vi")}`, `scores differ at ${differ.length} item(s): ${listed("en")}`];
  throw new ApiError(
    422,
    "GRID_FILE_MISMATCH",
    `Tệp gửi kèm (file) không phải sổ tính của bảng đã gửi (grid): ${vi}. Gửi đúng tệp của bảng, hoặc chỉ gửi tệp để máy chủ tự đọc / the file is not the workbook the grid was read from: ${en}; send that workbook's file, or only the file`,
  );
}

/** Re-score on the server with the same engine as the CLI and the add-in; the client's report is never trusted. */
export function scoreSubmission(body: SubmissionRequest, set: CriteriaSet, base: Pick<NewSubmission, "id" | "unitId" | "periodId" | "tokenId" | "createdAt">): NewSubmission {
  return scoredSubmission(body, set, base).row;
}

/**
 * The row to store and the report it holds as JSON: the route goes on with the report itself
 * (its leaf rows, the file check) rather than parsing back the text just written from it.
 */
export function scoredSubmission(body: SubmissionRequest, set: CriteriaSet, base: Pick<NewSubmission, "id" | "unitId" | "periodId" | "tokenId" | "createdAt">): { row: NewSubmission; report: Report } {
  const grid = body.grid ?? gridFromItems(body.items ?? [], set);
  ensureSheet(grid, body.sheet);
  const report = scoreWorkbook(grid, set, scoreOptions(body));
  const unusable = report.findings.find((f) => f.code === "HEADER_NOT_FOUND");
  if (unusable) throw new ApiError(422, "HEADER_NOT_FOUND", unusable.message);
  const { errors, warnings } = countBySeverity(report);
  const row: NewSubmission = {
    ...base,
    span: membershipSpan(set.period),
    source: body.grid ? "grid" : "items",
    gridJson: JSON.stringify(grid),
    reportJson: JSON.stringify(report),
    clientReportJson: body.clientReport ? JSON.stringify(body.clientReport) : null,
    acceptedWarningsJson: JSON.stringify(body.acceptedWarnings),
    confirmedHeadersJson: body.confirmedHeaders?.length ? JSON.stringify(body.confirmedHeaders) : null,
    total: report.total,
    percent: report.percent,
    band: report.band,
    errors,
    warnings,
  };
  checkStoredSize(row);
  return { row, report };
}

/**
 * Store the version, its idempotency record and its audit row in ONE batch (one
 * transaction), no lookups first. A key already used (an earlier or concurrent identical
 * request) fails the batch on the key's primary key: nothing is kept and the first answer
 * is read back. `extra` statements (guarded by the inserted row) join the same batch. A closed period (or a review started, a unit that takes no part in the period)
 * makes the guarded INSERT store nothing: then an earlier answer for the key is replayed,
 * else the refusal is explained.
 */
export async function storeSubmission(db: D1Database, row: NewSubmission, key: string, request: IdempotentRequestHashes | string, extra: D1PreparedStatement[] = []): Promise<StoredAnswer> {
  const requestHash = typeof request === "string" ? request : request.requestHash;
  let idem: { response: string } | undefined;
  try {
    const [, stored] = await db.batch<{ response: string }>([
      insertSubmissionStatement(db, row),
      insertIdempotencyStatement(db, { tokenId: row.tokenId, key, requestHash, submissionId: row.id, createdAt: row.createdAt }),
      auditSubmissionStatement(db, row.id, row.tokenId, row.createdAt),
      // Per-item scores, the archived file's row …: each guarded by the version just inserted.
      ...extra,
    ]);
    idem = stored?.results[0];
  } catch (e) {
    if (!isIdempotencyConflict(e)) throw e;
  }
  if (idem) return { requestHash, status: 201, response: idem.response };
  const first = await findIdempotentAnswer(db, row.tokenId, key);
  // A taken key: now the request's legacy fingerprints are worth computing (idempotency.ts).
  if (first) return sameRequest(first, await withLegacyHashes(request));
  throw await closedPeriodError(db, row);
}
