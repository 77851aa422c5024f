import { OpenAPIHono } from "@hono/zod-openapi";
import { DeadlineExceptionSchema, NewDeadlineExceptionSchema, NewPeriodSchema, PageQuerySchema, PeriodListSchema, PeriodParam, PeriodSchema } from "../api-schemas.ts";
import { ALL_ROLES, apiRoute, jsonBody, ok } from "../api-route.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { createOnce } from "../idempotency.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { getCriteriaSet } from "../repositories/criteria-set-repository.ts";
import { getPeriod, insertExceptionStatement, insertPeriodStatement, listPeriods } from "../repositories/period-repository.ts";
import { getUnit } from "../repositories/unit-repository.ts";

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
  const at = q.cursor?.indexOf(":") ?? -1;
  const after = q.cursor ? { year: Number(q.cursor.slice(0, at)), id: q.cursor.slice(at + 1) } : undefined;
  if (after && (at <= 0 || !Number.isInteger(after.year) || after.id === "")) throw new ApiError(400, "VALIDATION_FAILED", "cursor is not one this API gave", [{ path: "cursor", message: "unknown cursor" }]);
  const items = await listPeriods(c.env.DB, { limit: q.limit, after });
  const last = items.at(-1);
  return c.json({ items, nextCursor: items.length === q.limit && last ? `${last.year}:${last.id}` : null }, 200);
});

const create = apiRoute({
  operationId: "createPeriod",
  method: "post",
  path: "/",
  summary: "Create a period for a published criteria set version",
  roles: ["admin"],
  idempotent: "optional",
  request: jsonBody(NewPeriodSchema),
  responses: { 201: ok(PeriodSchema, "Created") },
  errors: [409, 422],
});
periods.openapi(create, async (c) => {
  const principal = c.get("principal");
  const period = c.req.valid("json");
  const set = await getCriteriaSet(c.env.DB, period.criteriaSet.id, { version: period.criteriaSet.version, includeDrafts: true });
  if (set?.status !== "published") {
    throw new ApiError(422, "CRITERIA_SET_NOT_PUBLISHED", `Bộ tiêu chí ${period.criteriaSet.id}@${period.criteriaSet.version} chưa ban hành / is not a published version`);
  }
  const at = now(c).toISOString();
  const statements = [
    insertPeriodStatement(c.env.DB, period, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "period.create", entity: "period", entityId: period.id, detail: period }),
  ];
  const answer = { id: period.id, year: period.year, criteriaSet: period.criteriaSet, deadline: period.deadline, locked: period.locked };
  return createOnce(c, { statements, answer, at, taken: () => new ApiError(409, "PERIOD_EXISTS", `Kỳ ${period.id} đã có / period ${period.id} exists`) });
});

const exception = apiRoute({
  operationId: "createDeadlineException",
  method: "post",
  path: "/{id}/exceptions",
  summary: "Extend one unit's deadline",
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
  if (!(await getPeriod(c.env.DB, id))) throw notFound("period", id);
  if (!(await getUnit(c.env.DB, body.unit))) throw new ApiError(422, "UNKNOWN_UNIT", `Không có đơn vị ${body.unit} / unit does not exist`);
  const at = now(c).toISOString();
  const row = { ...body, period: id };
  const statements = [
    insertExceptionStatement(c.env.DB, row, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "deadline_exception.create", entity: "period", entityId: id, detail: row }),
  ];
  const taken = () => new ApiError(409, "EXCEPTION_EXISTS", `Đơn vị ${body.unit} đã được gia hạn cho kỳ ${id} / exception exists`);
  return createOnce(c, { statements, answer: row, at, taken });
});
