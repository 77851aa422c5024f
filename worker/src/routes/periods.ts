import { Hono } from "hono";
import { z } from "zod";
import { NewDeadlineExceptionSchema, NewPeriodSchema, PageQuerySchema } from "../api-schemas.ts";
import { requireRole } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { getCriteriaSet } from "../repositories/criteria-set-repository.ts";
import { getPeriod, insertExceptionStatement, insertPeriodStatement, listPeriods } from "../repositories/period-repository.ts";
import { getUnit } from "../repositories/unit-repository.ts";
import { params, query, readJson } from "../validation.ts";

/** Assessment rounds: year × criteria set version × deadline, and per-unit deadline exceptions. */
export const periods = new Hono<AppEnv>();

const conflict = (e: unknown, code: string, message: string): never => {
  if (/UNIQUE|PRIMARY KEY/i.test(String(e))) throw new ApiError(409, code, message);
  throw e;
};

/** Pages of `?limit=` (default 50) with `nextCursor` "year:id" while more may follow. */
periods.get("/", async (c) => {
  const q = query(c, PageQuerySchema);
  const at = q.cursor?.indexOf(":") ?? -1;
  const after = q.cursor ? { year: Number(q.cursor.slice(0, at)), id: q.cursor.slice(at + 1) } : undefined;
  if (after && (at <= 0 || !Number.isInteger(after.year) || after.id === "")) throw new ApiError(400, "VALIDATION_FAILED", "cursor is not one this API gave", [{ path: "cursor", message: "unknown cursor" }]);
  const items = await listPeriods(c.env.DB, { limit: q.limit, after });
  const last = items.at(-1);
  return c.json({ items, nextCursor: items.length === q.limit && last ? `${last.year}:${last.id}` : null });
});

periods.post("/", async (c) => {
  const principal = c.get("principal");
  requireRole(principal, "admin");
  const period = await readJson(c, NewPeriodSchema);
  const set = await getCriteriaSet(c.env.DB, period.criteriaSet.id, { version: period.criteriaSet.version, includeDrafts: true });
  if (set?.status !== "published") {
    throw new ApiError(422, "CRITERIA_SET_NOT_PUBLISHED", `Bộ tiêu chí ${period.criteriaSet.id}@${period.criteriaSet.version} chưa ban hành / is not a published version`);
  }
  const at = now(c).toISOString();
  await c.env.DB.batch([
    insertPeriodStatement(c.env.DB, period, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "period.create", entity: "period", entityId: period.id, detail: period }),
  ]).catch((e: unknown) => conflict(e, "PERIOD_EXISTS", `Kỳ ${period.id} đã có / period ${period.id} exists`));
  return c.json((await getPeriod(c.env.DB, period.id))!, 201);
});

periods.post("/:id/exceptions", async (c) => {
  const principal = c.get("principal");
  requireRole(principal, "admin");
  const { id } = params(c, z.object({ id: z.string().min(1).max(64) }));
  const exception = await readJson(c, NewDeadlineExceptionSchema);
  if (!(await getPeriod(c.env.DB, id))) throw notFound("period", id);
  if (!(await getUnit(c.env.DB, exception.unit))) throw new ApiError(422, "UNKNOWN_UNIT", `Không có đơn vị ${exception.unit} / unit does not exist`);
  const at = now(c).toISOString();
  const row = { ...exception, period: id };
  await c.env.DB.batch([
    insertExceptionStatement(c.env.DB, row, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "deadline_exception.create", entity: "period", entityId: id, detail: row }),
  ]).catch((e: unknown) => conflict(e, "EXCEPTION_EXISTS", `Đơn vị ${exception.unit} đã được gia hạn cho kỳ ${id} / exception exists`));
  return c.json(row, 201);
});
