import { OpenAPIHono } from "@hono/zod-openapi";
import { MergeSchema, NewUnitSchema, UnitDetailSchema, UnitParam, UnitSchema, UnitTreeQuerySchema, UnitTreeSchema, type NewUnit, type Unit } from "../api-schemas.ts";
import { ALL_ROLES, apiRoute, jsonBody, ok } from "../api-route.ts";
import { canAccessUnit } from "../auth.ts";
import { dayBefore, now, today } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { refuseJoiningLockedPeriod } from "../period-checks.ts";
import { createOnce } from "../idempotency.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { closeUnitStatement, DATA_SINCE_CHECK, getUnit, insertUnitStatement, linkSuccessorStatement, listAllUnits, unitLinks } from "../repositories/unit-repository.ts";
import { checkNameFree, checkNewUnit, checkNoDataInSuccessorPeriods, checkParent, checkPredecessors } from "../unit-checks.ts";
import { unitTree } from "../unit-tree.ts";

/** The unit hierarchy over time: 2024's three tiers and 2025's two, linked by merges. */
export const units = new OpenAPIHono<AppEnv>();


const tree = apiRoute({
  operationId: "getUnitTree",
  method: "get",
  path: "/",
  summary: "Units valid on ?asOf= as a tree, limited to the caller's scope",
  roles: ALL_ROLES,
  request: { query: UnitTreeQuerySchema },
  responses: { 200: ok(UnitTreeSchema) },
});
units.openapi(tree, async (c) => {
  const asOf = c.req.valid("query").asOf ?? today(now(c));
  return c.json({ asOf, units: unitTree(await listAllUnits(c.env.DB), c.get("principal"), asOf) }, 200);
});

/** One unit with its merge history; 404 outside the caller's scope (existence must not leak). */
const one = apiRoute({
  operationId: "getUnit",
  method: "get",
  path: "/{id}",
  summary: "One unit with its merge history",
  roles: ALL_ROLES,
  request: { params: UnitParam },
  responses: { 200: ok(UnitDetailSchema) },
  errors: [404],
});
units.openapi(one, async (c) => {
  const { id } = c.req.valid("param");
  const unit = await getUnit(c.env.DB, id);
  if (!unit || !(await canAccessUnit(c.env.DB, c.get("principal"), id))) throw notFound("unit", id);
  return c.json({ ...unit, ...(await unitLinks(c.env.DB, id)) }, 200);
});

const unitExists = (id: string) => () => new ApiError(409, "UNIT_EXISTS", `Đơn vị ${id} đã có / unit ${id} already exists`);

const toUnit = (u: NewUnit): Unit => ({ id: u.id, name: u.name, type: u.type, parentId: u.parentId, validFrom: u.validFrom, validTo: u.validTo });

const create = apiRoute({
  operationId: "createUnit",
  method: "post",
  path: "/",
  summary: "Create a unit",
  roles: ["admin"],
  idempotent: "optional",
  request: jsonBody(NewUnitSchema),
  responses: { 201: ok(UnitSchema, "Created") },
  errors: [409, 422],
});
units.openapi(create, async (c) => {
  const principal = c.get("principal");
  const unit = c.req.valid("json");
  await checkNewUnit(c.env.DB, unit);
  const at = now(c).toISOString();
  const statements = [
    insertUnitStatement(c.env.DB, unit, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "unit.create", entity: "unit", entityId: unit.id, detail: unit }),
  ];
  return createOnce(c, { statements, answer: toUnit(unit), at, taken: unitExists(unit.id) });
});

/**
 * Merge: the predecessors end the day before `date`, the successor starts on `date`, and
 * each predecessor is linked to it, all in one batch with the audit row. Refused: predecessors
 * of another kind, above the successor, with units below them that outlive them, or with data
 * in a period the successor would take from them; a successor with the name of a sibling there
 * on its first day (unit-checks.ts).
 */
const merge = apiRoute({
  operationId: "mergeUnits",
  method: "post",
  path: "/merge",
  summary: "Merge units into a new successor from a date",
  roles: ["admin"],
  idempotent: "optional",
  request: jsonBody(MergeSchema),
  responses: { 201: ok(UnitDetailSchema, "Created") },
  errors: [409, 422],
});
units.openapi(merge, async (c) => {
  const principal = c.get("principal");
  const body = c.req.valid("json");
  const db = c.env.DB;
  const lastDay = dayBefore(body.date);
  const found = await checkPredecessors(db, body);
  await checkNoDataInSuccessorPeriods(db, body);
  const successor: NewUnit = { ...body.into, validFrom: body.date, validTo: null };
  await checkParent(db, successor);
  await checkNameFree(db, successor, new Map(body.from.map((id) => [id, lastDay])));
  await refuseJoiningLockedPeriod(db, [successor]);
  const at = now(c).toISOString();
  const weight = (id: string) => body.weights?.[id] ?? 1;
  const statements = [
    insertUnitStatement(db, successor, at),
    ...body.from.map((id) => closeUnitStatement(db, id, lastDay)),
    ...body.from.map((id) => linkSuccessorStatement(db, id, successor.id, weight(id), body.date)),
    auditStatement(db, { at, tokenId: principal.tokenId, action: "unit.merge", entity: "unit", entityId: successor.id, detail: { from: body.from, date: body.date } }),
  ];
  // As GET /v1/units/{id} will show it (links ordered by unit id), so that a replay repeats it.
  const predecessors = [...found]
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((u) => ({ unit: { ...u, validTo: lastDay }, weight: weight(u.id), effectiveDate: body.date }));
  try {
    return await createOnce(c, { statements, answer: { ...toUnit(successor), predecessors, successors: [] }, at, taken: unitExists(successor.id) });
  } catch (e) {
    // A predecessor's version or survey score landed between the check and the batch: the check's 409.
    if (DATA_SINCE_CHECK.test(String(e))) await checkNoDataInSuccessorPeriods(db, body);
    throw e;
  }
});
