import { Hono } from "hono";
import { z } from "zod";
import { CriteriaSetStatusChangeSchema, CriteriaSetQuerySchema, NewCriteriaSetVersionSchema, PageQuerySchema } from "../api-schemas.ts";
import { requireRole } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { changeStatusStatement, getCriteriaSet, insertCriteriaSetStatement, latestVersion, listCriteriaSets } from "../repositories/criteria-set-repository.ts";
import { params, query, readJson } from "../validation.ts";

/** The criteria registry: versioned sets, immutable once published (draft → published → retired). */
export const criteriaSets = new Hono<AppEnv>();

const IdParam = z.object({ id: z.string().min(1).max(100) });
const VersionParam = IdParam.extend({ version: z.coerce.number().int().min(1) });

function parseCursor(cursor: string | undefined): { id: string; version: number } | undefined {
  if (!cursor) return undefined;
  const at = cursor.lastIndexOf("@");
  const version = Number(cursor.slice(at + 1));
  if (at <= 0 || !Number.isInteger(version)) throw new ApiError(400, "VALIDATION_FAILED", "cursor is not one this API gave");
  return { id: cursor.slice(0, at), version };
}

criteriaSets.get("/", async (c) => {
  const { limit, cursor } = query(c, PageQuerySchema);
  const principal = c.get("principal");
  const items = await listCriteriaSets(c.env.DB, { includeDrafts: principal.role === "admin", limit, after: parseCursor(cursor) });
  const last = items.at(-1);
  return c.json({ items, nextCursor: items.length === limit && last ? `${last.id}@${last.version}` : null });
});

criteriaSets.get("/:id", async (c) => {
  const { id } = params(c, IdParam);
  const { version } = query(c, CriteriaSetQuerySchema);
  const found = await getCriteriaSet(c.env.DB, id, { version, includeDrafts: c.get("principal").role === "admin" });
  if (!found) throw notFound("criteria_set", version ? `${id}@${version}` : id);
  return c.json(found);
});

/** A new set (version 1). An existing id takes new versions through PUT. */
criteriaSets.post("/", async (c) => {
  const principal = c.get("principal");
  requireRole(principal, "admin");
  const { set, status } = await readJson(c, NewCriteriaSetVersionSchema);
  if ((await latestVersion(c.env.DB, set.id)) > 0) {
    throw new ApiError(409, "CRITERIA_SET_EXISTS", `Bộ tiêu chí ${set.id} đã có: dùng PUT để thêm phiên bản / ${set.id} exists: PUT a new version`);
  }
  return c.json(await storeVersion(c.env.DB, set, 1, status, principal.tokenId, now(c).toISOString()), 201);
});

/** A new version of an existing set; published versions are never overwritten. */
criteriaSets.put("/:id", async (c) => {
  const principal = c.get("principal");
  requireRole(principal, "admin");
  const { id } = params(c, IdParam);
  const { set, status } = await readJson(c, NewCriteriaSetVersionSchema);
  if (set.id !== id) throw new ApiError(400, "VALIDATION_FAILED", `set.id (${set.id}) differs from the path (${id})`, [{ path: "set.id", message: "must equal the path id" }]);
  const latest = await latestVersion(c.env.DB, id);
  if (latest === 0) throw notFound("criteria_set", id);
  return c.json(await storeVersion(c.env.DB, set, latest + 1, status, principal.tokenId, now(c).toISOString()), 201);
});

criteriaSets.post("/:id/versions/:version/status", async (c) => {
  const principal = c.get("principal");
  requireRole(principal, "admin");
  const { id, version } = params(c, VersionParam);
  const { status } = await readJson(c, CriteriaSetStatusChangeSchema);
  const current = await getCriteriaSet(c.env.DB, id, { version, includeDrafts: true });
  if (!current) throw notFound("criteria_set", `${id}@${version}`);
  const allowed = (current.status === "draft" && status === "published") || (current.status === "published" && status === "retired");
  if (!allowed) throw new ApiError(409, "INVALID_STATUS_CHANGE", `Không thể chuyển ${current.status} → ${status} / cannot move ${current.status} → ${status}`);
  const at = now(c).toISOString();
  await c.env.DB.batch([
    changeStatusStatement(c.env.DB, id, version, status, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: `criteria_set.${status}`, entity: "criteria_set", entityId: `${id}@${version}` }),
  ]);
  return c.json((await getCriteriaSet(c.env.DB, id, { version, includeDrafts: true }))!);
});

async function storeVersion(db: D1Database, set: z.infer<typeof NewCriteriaSetVersionSchema>["set"], version: number, status: "draft" | "published", tokenId: string, at: string) {
  try {
    await db.batch([
      insertCriteriaSetStatement(db, set, version, status, at),
      auditStatement(db, { at, tokenId, action: "criteria_set.create", entity: "criteria_set", entityId: `${set.id}@${version}`, detail: { status } }),
    ]);
  } catch (e) {
    if (/UNIQUE|PRIMARY KEY/i.test(String(e))) throw new ApiError(409, "CRITERIA_SET_EXISTS", `${set.id}@${version} was stored by a concurrent request`);
    throw e;
  }
  return (await getCriteriaSet(db, set.id, { version, includeDrafts: true }))!;
}
