import { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import {
  EvidenceRegisterSchema,
  RegisterQuerySchema,
  SubmissionCreatedSchema,
  SubmissionDetailSchema,
  SubmissionDiffSchema,
  SubmissionListQuerySchema,
  SubmissionListSchema,
  SubmissionParam,
  SubmissionRequestSchema,
  type SubmissionRequest,
} from "../api-schemas.ts";
import { ALL_ROLES, apiRoute, jsonBody, ok, TEXT } from "../api-route.ts";
import { canAccessUnit } from "../auth.ts";
import { parseVersionCursor, unknownCursor } from "../cursor.ts";
import { now } from "../clock.ts";
import type { AppEnv, Principal } from "../env.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import { downloadHeaders } from "../downloads.ts";
import { storedJson } from "../idempotency.ts";
import { getConfirmedHeaders, getSubmission, listSubmissions } from "../repositories/submission-repository.ts";
import { diffSubmissions } from "../submission-diff.ts";
import { criteriaSetFor, ensureFileBacksGrid, scoredSubmission, storeSubmission, submittingUnit } from "../submit.ts";
import { gridOfWorkbook } from "../workbook-file.ts";
import { ConfirmedHeaderSchema, evidenceRegister, registerCsv, type Report } from "../../../shared/index.ts";
import { periodScope } from "../cycle/period-units.ts";
import { archiveBucket, insertFileStatement, prepareFile } from "../cycle/archive.ts";
import { submissionStatements } from "../cycle/submission-items.ts";

/** A submission that sends only its workbook file: the server reads the grid as the CLI would. */
function gridOfFile(bytes: Uint8Array): SubmissionRequest["grid"] & object {
  return { sheets: gridOfWorkbook(bytes).sheets.map((s) => ({ ...s, merges: s.merges ?? [] })) };
}

/** Evidence workbooks submitted by units: append-only versions, re-scored by the server. */
export const submissions = new OpenAPIHono<AppEnv>();

const create = apiRoute({
  operationId: "createSubmission",
  method: "post",
  path: "/",
  summary: "Submit a grid, an item list or the workbook file; the server re-scores it and stores a new version",
  roles: ["unit", "admin"],
  idempotent: "batched",
  request: jsonBody(SubmissionRequestSchema),
  responses: { 201: ok(SubmissionCreatedSchema, "Stored (or the first answer for this Idempotency-Key)") },
  errors: [403, 404, 409, 422, 503],
});
submissions.openapi(create, async (c) => {
  const principal = c.get("principal");
  const body = c.req.valid("json");
  const unitId = submittingUnit(principal, body.unit);
  const set = await criteriaSetFor(c.env.DB, body.period, unitId);
  const id = crypto.randomUUID();
  // Without a key of the client's, the version's own id is its key: stored once, never replayed.
  const request = c.get("idempotency") ?? { key: `version:${id}`, requestHash: "" };
  const file = body.file ? await prepareFile(id, body.file) : null;
  const scored = file && !body.grid && !body.items ? { ...body, grid: gridOfFile(file.bytes) } : body;
  const { row, report } = scoredSubmission(scored, set, { id, unitId, periodId: body.period, tokenId: principal.tokenId, createdAt: now(c).toISOString() });
  // The archived file is the evidence: a grid sent beside it must be its reading (API5-4).
  if (file && body.grid) ensureFileBacksGrid(report, gridOfFile(file.bytes), body, set);
  const extra = submissionStatements(c.env.DB, id, report, set);
  if (file) {
    // The object goes first (keyed by this version's id); its D1 row joins the version's batch.
    await archiveBucket(c.env).put(file.key, file.bytes, { httpMetadata: { contentType: file.contentType }, sha256: file.sha256 });
    extra.push(insertFileStatement(c.env.DB, id, file));
  }
  const stored = await storeSubmission(c.env.DB, row, request.key, request, extra).catch(async (e: unknown) => {
    if (file) await archiveBucket(c.env).delete(file.key);
    throw e;
  });
  // A replay answered with an earlier version: this request's object is not referenced.
  if (file && !stored.response.includes(`"id":"${id}"`)) await archiveBucket(c.env).delete(file.key);
  return storedJson<z.infer<typeof SubmissionCreatedSchema>, 201>(stored, 201);
});

const list = apiRoute({
  operationId: "listSubmissions",
  method: "get",
  path: "/",
  summary: "Versions of a unit's submissions (?unit=&period=); a unit token's own unit by default",
  roles: ALL_ROLES,
  request: { query: SubmissionListQuerySchema },
  responses: { 200: ok(SubmissionListSchema) },
  errors: [403],
});
submissions.openapi(list, async (c) => {
  const principal = c.get("principal");
  const q = c.req.valid("query");
  const unitId = q.unit ?? principal.unitId;
  if (!unitId) throw new ApiError(400, "VALIDATION_FAILED", "Dữ liệu không hợp lệ: ghi rõ đơn vị (?unit=) / invalid query — unit is required", [{ path: "unit", message: "cần ghi rõ đơn vị / required" }]);
  if (!(await canAccessUnit(c.env.DB, principal, unitId))) throw forbidden();
  const cursor = q.cursor ? parseVersionCursor(q.cursor) : undefined;
  const after = cursor ? { period: cursor.key, version: cursor.version } : undefined;
  const items = await listSubmissions(c.env.DB, { unitId, periodId: q.period, limit: q.limit, after });
  if (!items) throw unknownCursor();
  const last = items.at(-1);
  return c.json({ items, nextCursor: items.length === q.limit && last ? `${last.period}@${last.version}` : null }, 200);
});

/** A stored version, or 404 when it does not exist or lies outside the caller's scope. */
export async function visibleSubmission(db: D1Database, principal: Principal, id: string) {
  const found = await getSubmission(db, id);
  if (!found || !(await canAccessUnit(db, principal, found.unit))) throw notFound("submission", id);
  return found;
}


const one = apiRoute({
  operationId: "getSubmission",
  method: "get",
  path: "/{id}",
  summary: "One stored version with the server's report",
  roles: ALL_ROLES,
  request: { params: SubmissionParam },
  responses: { 200: ok(SubmissionDetailSchema) },
  errors: [404],
});
submissions.openapi(one, async (c) => {
  const { id } = c.req.valid("param");
  return c.json(await visibleSubmission(c.env.DB, c.get("principal"), id), 200);
});

/**
 * The evidence register of a stored version, from its grid located as when it was scored
 * (its report's sheets, the column mapping confirmed then): JSON, or ?format=csv for Excel.
 */
const register = apiRoute({
  operationId: "getEvidenceRegister",
  method: "get",
  path: "/{id}/register",
  summary: "Evidence register of a stored version (documents cited, dates in conflict, outside the period); ?format=csv for Excel",
  roles: ALL_ROLES,
  request: { params: SubmissionParam, query: RegisterQuerySchema },
  responses: { 200: { description: "The register: JSON, or CSV (UTF-8 with BOM, ';') with ?format=csv", content: { "application/json": { schema: EvidenceRegisterSchema }, "text/csv": { schema: TEXT } } } },
  errors: [404],
});
submissions.openapi(register, async (c) => {
  const { id } = c.req.valid("param");
  const q = c.req.valid("query");
  const found = await visibleSubmission(c.env.DB, c.get("principal"), id);
  const [{ set }, headers] = await Promise.all([periodScope(c.env.DB, found.period), getConfirmedHeaders(c.env.DB, id)]);
  const confirmedHeaders = headers ? z.array(ConfirmedHeaderSchema).parse(headers) : undefined;
  const result = evidenceRegister(found.grid, set, found.report, { confirmedHeaders });
  if (q.format !== "csv") return c.json(result, 200);
  return new Response(registerCsv(result, q.lang), { headers: downloadHeaders("text/csv; charset=utf-8", `so-tai-lieu-${found.unit}-${found.period}-v${found.version}.csv`) });
});

const diff = apiRoute({
  operationId: "diffSubmissions",
  method: "get",
  path: "/{id}/diff/{otherId}",
  summary: "What changed between two versions of one unit in one period, item by item (422 for versions of different units or periods)",
  roles: ALL_ROLES,
  request: { params: SubmissionParam.extend({ otherId: z.string().min(1).max(64) }) },
  responses: { 200: ok(SubmissionDiffSchema) },
  errors: [404, 422],
});
submissions.openapi(diff, async (c) => {
  const { id, otherId } = c.req.valid("param");
  const principal = c.get("principal");
  const [a, b] = [await visibleSubmission(c.env.DB, principal, id), await visibleSubmission(c.env.DB, principal, otherId)];
  return c.json(diffSubmissions(a, b), 200);
});
