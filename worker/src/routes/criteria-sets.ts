import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { z } from "zod";
import { CriteriaSetDetailSchema, CriteriaSetListQuerySchema, CriteriaSetListSchema, CriteriaSetQuerySchema, CriteriaSetStatusChangeSchema, NewCriteriaSetVersionSchema } from "../api-schemas.ts";
import { ALL_ROLES, apiRoute, jsonBody, ok } from "../api-route.ts";
import { parseVersionCursor, unknownCursor } from "../cursor.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound, quote } from "../errors.ts";
import { createOnce } from "../idempotency.ts";
import { statusChangeStatements } from "../criteria-set-status.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { getCriteriaSet, insertCriteriaSetStatement, latestVersion, listCriteriaSets } from "../repositories/criteria-set-repository.ts";

/** The criteria registry: versioned sets, immutable once published (draft → published → retired). */
export const criteriaSets = new OpenAPIHono<AppEnv>();

const IdParam = z.object({ id: z.string().min(1).max(100) });
const VersionParam = IdParam.extend({ version: z.coerce.number().int().min(1) });

const list = apiRoute({
  operationId: "listCriteriaSets",
  method: "get",
  path: "/",
  summary: "Criteria set versions (admins also see drafts), ?limit=&cursor=&status=",
  roles: ALL_ROLES,
  request: { query: CriteriaSetListQuerySchema },
  responses: { 200: ok(CriteriaSetListSchema) },
});
criteriaSets.openapi(list, async (c) => {
  const { limit, cursor, status } = c.req.valid("query");
  const principal = c.get("principal");
  const after = cursor ? parseVersionCursor(cursor) : undefined;
  const items = await listCriteriaSets(c.env.DB, { includeDrafts: principal.role === "admin", status, limit, after: after && { id: after.key, version: after.version } });
  if (!items) throw unknownCursor();
  const last = items.at(-1);
  return c.json({ items, nextCursor: items.length === limit && last ? `${last.id}@${last.version}` : null }, 200);
});

const one = apiRoute({
  operationId: "getCriteriaSet",
  method: "get",
  path: "/{id}",
  summary: "One criteria set: the published version, or ?version=",
  roles: ALL_ROLES,
  request: { params: IdParam, query: CriteriaSetQuerySchema },
  responses: { 200: ok(CriteriaSetDetailSchema) },
  errors: [404],
});
criteriaSets.openapi(one, async (c) => {
  const { id } = c.req.valid("param");
  const { version } = c.req.valid("query");
  const found = await getCriteriaSet(c.env.DB, id, { version, includeDrafts: c.get("principal").role === "admin" });
  if (!found) throw notFound("criteria_set", version ? `${id}@${version}` : id);
  return c.json(found, 200);
});

/** A new set (version 1). An existing id takes new versions through PUT. */
const create = apiRoute({
  operationId: "createCriteriaSet",
  method: "post",
  path: "/",
  summary: "Create a criteria set (version 1), as a draft or published",
  roles: ["admin"],
  idempotent: "optional",
  request: jsonBody(NewCriteriaSetVersionSchema),
  responses: { 201: ok(CriteriaSetDetailSchema, "Created") },
  errors: [409],
});
criteriaSets.openapi(create, async (c) => {
  const { set, status } = c.req.valid("json");
  if ((await latestVersion(c.env.DB, set.id)) > 0) {
    throw new ApiError(409, "CRITERIA_SET_EXISTS", `Bộ tiêu chí ${set.id} đã có: dùng PUT để thêm phiên bản / ${set.id} exists: PUT a new version`);
  }
  return storeVersion(c, set, 1, status);
});

/** A new version of an existing set; published versions are never overwritten. */
const newVersion = apiRoute({
  operationId: "addCriteriaSetVersion",
  method: "put",
  path: "/{id}",
  summary: "Add a new version of an existing criteria set",
  roles: ["admin"],
  idempotent: "optional",
  request: { params: IdParam, ...jsonBody(NewCriteriaSetVersionSchema) },
  responses: { 201: ok(CriteriaSetDetailSchema, "Created") },
  errors: [404, 409],
});
criteriaSets.openapi(newVersion, async (c) => {
  const { id } = c.req.valid("param");
  const { set, status } = c.req.valid("json");
  if (set.id !== id) {
    // Vietnamese first, as every other refusal (contract tester CF4-3).
    const issue = `phải trùng mã trong đường dẫn "${quote(id)}" (đang là "${quote(set.id)}") / must equal the path id "${quote(id)}" (is "${quote(set.id)}")`;
    throw new ApiError(
      400,
      "VALIDATION_FAILED",
      `Dữ liệu không hợp lệ: set.id "${quote(set.id)}" khác mã bộ tiêu chí trong đường dẫn "${quote(id)}": sửa set.id cho trùng, hoặc tạo bộ mới bằng POST /v1/criteria-sets / invalid body — set.id "${quote(set.id)}" differs from the path id "${quote(id)}": make them equal, or create a new set with POST /v1/criteria-sets`,
      [{ path: "set.id", message: issue }],
    );
  }
  const latest = await latestVersion(c.env.DB, id);
  if (latest === 0) throw notFound("criteria_set", id);
  return storeVersion(c, set, latest + 1, status);
});

const changeStatus = apiRoute({
  operationId: "changeCriteriaSetStatus",
  method: "post",
  path: "/{id}/versions/{version}/status",
  summary: "Publish a draft or retire a published version",
  roles: ["admin"],
  request: { params: VersionParam, ...jsonBody(CriteriaSetStatusChangeSchema) },
  responses: { 200: ok(CriteriaSetDetailSchema) },
  errors: [404, 409],
});
criteriaSets.openapi(changeStatus, async (c) => {
  const principal = c.get("principal");
  const { id, version } = c.req.valid("param");
  const { status } = c.req.valid("json");
  const { statements } = await statusChangeStatements(c.env.DB, { id, version, status, at: now(c).toISOString(), tokenId: principal.tokenId });
  await c.env.DB.batch(statements);
  return c.json((await getCriteriaSet(c.env.DB, id, { version, includeDrafts: true }))!, 200);
});

type NewVersion = z.infer<typeof NewCriteriaSetVersionSchema>;

/** The version as GET answers it, built before the write so that a replay repeats it exactly. */
async function storeVersion(c: Context<AppEnv>, set: NewVersion["set"], version: number, status: NewVersion["status"]) {
  const principal = c.get("principal");
  const at = now(c).toISOString();
  const answer: z.infer<typeof CriteriaSetDetailSchema> = {
    id: set.id,
    version,
    status,
    title: set.title,
    year: set.year,
    unitType: set.unitType,
    createdAt: at,
    publishedAt: status === "published" ? at : null,
    retiredAt: null,
    set,
  };
  const statements = [
    insertCriteriaSetStatement(c.env.DB, set, version, status, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "criteria_set.create", entity: "criteria_set", entityId: `${set.id}@${version}`, detail: { status } }),
  ];
  return createOnce(c, { statements, answer, at, taken: () => new ApiError(409, "CRITERIA_SET_EXISTS", `${set.id}@${version} was stored by a concurrent request`) });
}
