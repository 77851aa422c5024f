import { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { DeadlineExceptionChangeSchema, DeadlineExceptionSchema, NewDeadlineExceptionSchema, NewPeriodSchema, PageQuerySchema, PeriodListSchema, PeriodParam, PeriodSchema, PeriodUnitParams, type Period } from "../api-schemas.ts";
import { ALL_ROLES, apiRoute, jsonBody, ok } from "../api-route.ts";
import { formatVietnamTime, now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { parseYearCursor, unknownCursor } from "../cursor.ts";
import { createOnce } from "../idempotency.ts";
import { checkPeriodSet, pastDeadlineWarning, refuseOpenTwin } from "../period-checks.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { getCriteriaSet } from "../repositories/criteria-set-repository.ts";
import { changeExceptionStatements, forgetPeriod, getDeadlineException, getPeriod, insertExceptionStatement, insertPeriodStatement, listPeriods, periodLockStatements } from "../repositories/period-repository.ts";
import { periodUse, removePeriodStatements, wasRemoved } from "../repositories/period-removal.ts";
import { getUnit } from "../repositories/unit-repository.ts";
import { ensureTakesPart, scopeOfPeriod } from "../cycle/period-units.ts";
import { deadlineText, UNIT_LEVEL_LABEL, type UnitType } from "../../../shared/index.ts";
import { withinDeadline } from "../vietnam-day.ts";

/** Assessment rounds: year × criteria set version × deadline, and per-unit deadline exceptions. */
export const periods = new OpenAPIHono<AppEnv>();

/** Pages of `?limit=` (default 50) with `nextCursor` "year:id" while more may follow. */
const list = apiRoute({
  operationId: "listPeriods",
  method: "get",
  path: "/",
  summary: "Assessment periods, newest year first (?limit=&cursor=)",
  roles: ALL_ROLES,
  request: { query: PageQuerySchema },
  responses: { 200: ok(PeriodListSchema) },
});
periods.openapi(list, async (c) => {
  const q = c.req.valid("query");
  const items = await listPeriods(c.env.DB, { limit: q.limit, after: q.cursor ? parseYearCursor(q.cursor) : undefined });
  if (!items) throw unknownCursor();
  const last = items.at(-1);
  return c.json({ items, nextCursor: items.length === q.limit && last ? `${last.year}:${last.id}` : null }, 200);
});

const one = apiRoute({
  operationId: "getPeriod",
  method: "get",
  path: "/{id}",
  summary: "One assessment period, as the list answers it",
  roles: ALL_ROLES,
  request: { params: PeriodParam },
  responses: { 200: ok(PeriodSchema) },
  errors: [404],
});
periods.openapi(one, async (c) => {
  const { id } = c.req.valid("param");
  const period = await getPeriod(c.env.DB, id);
  if (!period) throw notFound("period", id);
  return c.json(period, 200);
});

const CreatedPeriodSchema = PeriodSchema.extend({ warning: z.string().optional() });

const create = apiRoute({
  operationId: "createPeriod",
  method: "post",
  path: "/",
  summary: "Create a period for a published criteria set version",
  roles: ["admin"],
  idempotent: "optional",
  request: jsonBody(NewPeriodSchema),
  responses: { 201: ok(CreatedPeriodSchema, "Created (with a warning when it is left open with its deadline already past)") },
  errors: [409, 422],
});
periods.openapi(create, async (c) => {
  const principal = c.get("principal");
  const period = c.req.valid("json");
  const set = await checkPeriodSet(c.env.DB, period);
  if (await wasRemoved(c.env.DB, period.id)) {
    throw new ApiError(409, "PERIOD_EXISTS", `Mã kỳ ${period.id} là của một kỳ đã xóa: đặt mã khác cho kỳ mới / period id ${period.id} belonged to a removed period: give the new period another id`);
  }
  await refuseOpenTwin(c.env.DB, period, set.unitType, now(c));
  const at = now(c).toISOString();
  const statements = [
    insertPeriodStatement(c.env.DB, period, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "period.create", entity: "period", entityId: period.id, detail: period }),
  ];
  const warning = pastDeadlineWarning(period, now(c));
  const answer = { id: period.id, year: period.year, criteriaSet: period.criteriaSet, deadline: period.deadline, locked: period.locked, ...(warning ? { warning } : {}) };
  return createOnce(c, { statements, answer, at, taken: () => new ApiError(409, "PERIOD_EXISTS", `Kỳ ${period.id} đã có / period ${period.id} exists`) });
});

/** An exception extends: one earlier than (or at) the period's own deadline would shorten the unit's time. */
function ensureLater(period: Period, deadline: string): void {
  if (Date.parse(deadline) > Date.parse(period.deadline)) return;
  const [asked, own] = [formatVietnamTime(deadline), formatVietnamTime(period.deadline)];
  throw new ApiError(
    422,
    "EXCEPTION_NOT_LATER",
    `Hạn gia hạn (${asked}, giờ Việt Nam) phải sau hạn nộp của kỳ ${period.id} (${own}, giờ Việt Nam) / an exception's deadline (${asked}, Vietnam time) must be later than period ${period.id}'s deadline (${own}, Vietnam time)`,
  );
}

/**
 * An exception is granted for time still to come: one whose deadline is already over (at or
 * before now) is stored useless — the unit is still refused and late — and the admin was
 * not told (CYC1-8).
 */
function ensureNotOver(deadline: string, at: Date): void {
  if (Date.parse(deadline) > at.getTime()) return;
  const [asked, current] = [formatVietnamTime(deadline), formatVietnamTime(at.toISOString())];
  throw new ApiError(
    422,
    "EXCEPTION_OVER",
    `Hạn gia hạn ${asked} (giờ Việt Nam) đã qua: bây giờ là ${current} giờ Việt Nam — gia hạn đến một thời điểm sau bây giờ / the exception's deadline ${asked} (Vietnam time) is already over: it is now ${current} Vietnam time — extend to a time after now`,
  );
}

const exception = apiRoute({
  operationId: "createDeadlineException",
  method: "post",
  path: "/{id}/exceptions",
  periodLock: true,
  summary: "Extend one unit's deadline (later than the period's and than now: 422 EXCEPTION_NOT_LATER, EXCEPTION_OVER; 409 EXCEPTION_EXISTS if it has one: correct that with PUT …/exceptions/{unit})",
  roles: ["admin"],
  idempotent: "optional",
  request: { params: PeriodParam, ...jsonBody(NewDeadlineExceptionSchema) },
  responses: { 201: ok(DeadlineExceptionSchema, "Created") },
  errors: [404, 409, 422],
});
periods.openapi(exception, async (c) => {
  const principal = c.get("principal");
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const period = await getPeriod(c.env.DB, id);
  if (!period) throw notFound("period", id);
  const unit = await getUnit(c.env.DB, body.unit);
  if (!unit) throw new ApiError(422, "UNKNOWN_UNIT", `Không có đơn vị ${body.unit} / unit does not exist`);
  // An extension is for a unit that may submit for the period: of its level, open on its last day.
  ensureTakesPart(await scopeOfPeriod(c.env.DB, period), unit);
  ensureLater(period, body.deadline);
  ensureNotOver(body.deadline, now(c));
  const at = now(c).toISOString();
  const row = { ...body, period: id };
  const statements = [
    insertExceptionStatement(c.env.DB, row, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "deadline_exception.create", entity: "period", entityId: id, detail: row }),
  ];
  const taken = () =>
    new ApiError(409, "EXCEPTION_EXISTS", `Đơn vị ${body.unit} đã được gia hạn cho kỳ ${id}; sửa bằng PUT /v1/periods/${id}/exceptions/${body.unit} / unit ${body.unit} has an exception for period ${id}: change it with PUT`);
  return createOnce(c, { statements, answer: row, at, taken });
});

/** Correcting an exception (a wrong date, a new reason) replaces it; the audit log keeps what it replaced. */
const changeException = apiRoute({
  operationId: "changeDeadlineException",
  method: "put",
  path: "/{id}/exceptions/{unit}",
  periodLock: true,
  summary: "Correct one unit's existing deadline extension (still later than the period's deadline and than now); the audit log keeps the one replaced",
  roles: ["admin"],
  request: { params: PeriodUnitParams, ...jsonBody(DeadlineExceptionChangeSchema) },
  responses: { 200: ok(DeadlineExceptionSchema) },
  errors: [404, 409, 422],
});
periods.openapi(changeException, async (c) => {
  const { id, unit } = c.req.valid("param");
  const body = c.req.valid("json");
  const period = await getPeriod(c.env.DB, id);
  if (!period) throw notFound("period", id);
  if (!(await getDeadlineException(c.env.DB, id, unit))) {
    throw new ApiError(404, "EXCEPTION_NOT_FOUND", `Đơn vị ${unit} chưa được gia hạn cho kỳ ${id}; gia hạn bằng POST /v1/periods/${id}/exceptions / unit ${unit} has no exception for period ${id}: create it with POST`);
  }
  ensureLater(period, body.deadline);
  ensureNotOver(body.deadline, now(c));
  const row = { unit, deadline: body.deadline, reason: body.reason, period: id };
  await c.env.DB.batch(changeExceptionStatements(c.env.DB, row, { at: now(c).toISOString(), tokenId: c.get("principal").tokenId }));
  return c.json(row, 200);
});

/** The period's id again: a stray DELETE (a script's loop, a mistyped id) removes nothing. */
const RemovalQuerySchema = z.object({ confirm: z.string().max(64) });

const remove = apiRoute({
  operationId: "deletePeriod",
  method: "delete",
  path: "/{id}",
  summary:
    "Remove a period created by mistake, with its deadline exceptions (?confirm= the period's id again); only while nothing was recorded in it (409 PERIOD_IN_USE after a submission, a review step or a survey score). Audited (period.delete, with what was removed); its id is not given again",
  roles: ["admin"],
  request: { params: PeriodParam, query: RemovalQuerySchema },
  responses: { 200: ok(PeriodSchema, "Removed: the period as it was") },
  errors: [404, 409],
});
periods.openapi(remove, async (c) => {
  const { id } = c.req.valid("param");
  if (c.req.valid("query").confirm !== id) {
    const message = `confirm phải ghi lại đúng mã kỳ ${id} / confirm must repeat the period id ${id}`;
    throw new ApiError(400, "VALIDATION_FAILED", message, [{ path: "confirm", message }]);
  }
  const period = await getPeriod(c.env.DB, id);
  if (!period) throw notFound("period", id);
  const refuse = async () => {
    const use = await periodUse(c.env.DB, id);
    if (use.submissions + use.units + use.surveyScores === 0) return;
    const [survey, surveyEn] = use.surveyScores > 0 ? [` và ${use.surveyScores} điểm điều tra xã hội học`, ` and ${use.surveyScores} survey score(s)`] : ["", ""];
    throw new ApiError(
      409,
      "PERIOD_IN_USE",
      `Kỳ ${id} đã có ${use.submissions} lần nộp của ${use.units} đơn vị${survey}: không xóa được kỳ đã có dữ liệu (các lần nộp được giữ nguyên) / period ${id} holds ${use.submissions} submission(s) from ${use.units} unit(s)${surveyEn}: a period with data cannot be removed (submissions are kept as they are)`,
    );
  };
  await refuse();
  const results = await c.env.DB.batch(removePeriodStatements(c.env.DB, id, { at: now(c).toISOString(), tokenId: c.get("principal").tokenId }));
  if (results.at(-1)?.meta.changes !== 1) {
    // Something was recorded in it between the check and the batch, or another request removed it.
    await refuse();
    throw notFound("period", id);
  }
  forgetPeriod(id);
  return c.json(period, 200);
});

/** Why the period is closed or reopened: kept in its audit row and named by every 409 PERIOD_LOCKED. */
const LockSchema = z.strictObject({ reason: z.string().trim().min(1).max(500) });

/**
 * Close (lock) a period once its results are published, or reopen it for a correction the
 * council approves. Both audited with the reason (period.lock / period.unlock); asking for the
 * state it is already in changes nothing and answers the period (no second audit row).
 */
function lockRoute(action: "lock" | "unlock") {
  const locking = action === "lock";
  const route = apiRoute({
    operationId: locking ? "lockPeriod" : "unlockPeriod",
    method: "post",
    path: `/{id}/${action}`,
    summary: locking
      ? "Close a period once its results are published (reason required, audited period.lock): then submissions, appraisal steps, reopens, explanations, survey imports and deadline exceptions answer 409 PERIOD_LOCKED. Locking a locked period changes nothing"
      : "Reopen a locked period for a correction the council approves (reason required, audited period.unlock); 409 PERIOD_EXISTS if another period of its year and level is open meanwhile",
    roles: ["admin"],
    request: { params: PeriodParam, ...jsonBody(LockSchema) },
    responses: { 200: ok(PeriodSchema, locking ? "Locked" : "Unlocked") },
    errors: locking ? [404] : [404, 409],
  });
  periods.openapi(route, async (c) => {
    const { id } = c.req.valid("param");
    const { reason } = c.req.valid("json");
    const period = await getPeriod(c.env.DB, id);
    if (!period) throw notFound("period", id);
    if (period.locked === locking) return c.json(period, 200);
    if (!locking) await refuseOpenTwin(c.env.DB, { ...period, locked: false }, (await checkPeriodSet(c.env.DB, period)).unitType, now(c), "unlock");
    // Only the request that changed it leaves an audit row (two at once: one).
    await c.env.DB.batch(periodLockStatements(c.env.DB, { id, locking, at: now(c).toISOString(), tokenId: c.get("principal").tokenId, detail: { reason } }));
    return c.json({ ...period, locked: locking }, 200);
  });
}
lockRoute("lock");
lockRoute("unlock");
