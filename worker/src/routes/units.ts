import { Hono } from "hono";
import { z } from "zod";
import { IdSchema, MergeSchema, NewUnitSchema, UnitTreeQuerySchema, type NewUnit } from "../api-schemas.ts";
import { canAccessUnit, requireRole } from "../auth.ts";
import { dayBefore, now, today } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { closeUnitStatement, getUnit, getUnits, insertUnitStatement, isValidOn, linkSuccessorStatement, listAllUnits, unitLinks } from "../repositories/unit-repository.ts";
import { unitTree } from "../unit-tree.ts";
import { params, query, readJson } from "../validation.ts";

/** The unit hierarchy over time: 2024's three tiers and 2025's two, linked by merges. */
export const units = new Hono<AppEnv>();

units.get("/", async (c) => {
  const asOf = query(c, UnitTreeQuerySchema).asOf ?? today(now(c));
  return c.json({ asOf, units: unitTree(await listAllUnits(c.env.DB), c.get("principal"), asOf) });
});

/** One unit with its merge history; 404 outside the caller's scope (existence must not leak). */
units.get("/:id", async (c) => {
  const { id } = params(c, z.object({ id: IdSchema }));
  const unit = await getUnit(c.env.DB, id);
  if (!unit || !(await canAccessUnit(c.env.DB, c.get("principal"), id))) throw notFound("unit", id);
  return c.json({ ...unit, ...(await unitLinks(c.env.DB, id)) });
});

async function checkParent(db: D1Database, parentId: string | null, validFrom: string): Promise<void> {
  if (parentId === null) return;
  const parent = await getUnit(db, parentId);
  if (!parent) throw new ApiError(422, "UNKNOWN_PARENT", `Không có đơn vị cha ${parentId} / parent unit ${parentId} does not exist`);
  if (!isValidOn(parent, validFrom)) throw new ApiError(422, "PARENT_NOT_VALID", `Đơn vị cha ${parentId} không còn hiệu lực ngày ${validFrom} / parent not valid on ${validFrom}`);
}

function unitExists(e: unknown, id: string): never {
  if (/UNIQUE|PRIMARY KEY/i.test(String(e))) throw new ApiError(409, "UNIT_EXISTS", `Đơn vị ${id} đã có / unit ${id} already exists`);
  throw e;
}

units.post("/", async (c) => {
  const principal = c.get("principal");
  requireRole(principal, "admin");
  const unit = await readJson(c, NewUnitSchema);
  await checkParent(c.env.DB, unit.parentId, unit.validFrom);
  const at = now(c).toISOString();
  await c.env.DB.batch([
    insertUnitStatement(c.env.DB, unit, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "unit.create", entity: "unit", entityId: unit.id, detail: unit }),
  ]).catch((e: unknown) => unitExists(e, unit.id));
  return c.json((await getUnit(c.env.DB, unit.id))!, 201);
});

/**
 * Merge: the predecessors end the day before `date`, the successor starts on `date`, and
 * each predecessor is linked to it, all in one batch with the audit row.
 */
units.post("/merge", async (c) => {
  const principal = c.get("principal");
  requireRole(principal, "admin");
  const merge = await readJson(c, MergeSchema);
  const db = c.env.DB;
  const lastDay = dayBefore(merge.date);
  const found = await getUnits(db, merge.from);
  for (const id of merge.from) {
    const unit = found.find((u) => u.id === id);
    if (!unit) throw new ApiError(422, "UNKNOWN_UNIT", `Không có đơn vị ${id} / unit ${id} does not exist`);
    if (unit.validTo !== null || !isValidOn(unit, lastDay)) {
      throw new ApiError(409, "UNIT_NOT_OPEN", `Đơn vị ${id} không còn hiệu lực đến ${lastDay} / unit ${id} is not open on ${lastDay}`);
    }
  }
  const successor: NewUnit = { ...merge.into, validFrom: merge.date, validTo: null };
  await checkParent(db, successor.parentId, successor.validFrom);
  const at = now(c).toISOString();
  await db
    .batch([
      insertUnitStatement(db, successor, at),
      ...merge.from.map((id) => closeUnitStatement(db, id, lastDay)),
      ...merge.from.map((id) => linkSuccessorStatement(db, id, successor.id, merge.weights?.[id] ?? 1, merge.date)),
      auditStatement(db, { at, tokenId: principal.tokenId, action: "unit.merge", entity: "unit", entityId: successor.id, detail: { from: merge.from, date: merge.date } }),
    ])
    .catch((e: unknown) => unitExists(e, successor.id));
  return c.json({ ...(await getUnit(db, successor.id))!, ...(await unitLinks(db, successor.id)) }, 201);
});
