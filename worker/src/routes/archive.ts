import { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { IdSchema, SubmissionParam, WORKBOOK_MEDIA_TYPES } from "../api-schemas.ts";
import { ALL_ROLES, apiRoute, BINARY } from "../api-route.ts";
import { canAccessUnit } from "../auth.ts";
import type { AppEnv } from "../env.ts";
import { notFound } from "../errors.ts";
import { getSubmission } from "../repositories/submission-repository.ts";
import { archiveBucket, findFile, servedContentType, type FileRow } from "../cycle/archive.ts";
import { downloadHeaders, safeFileName } from "../downloads.ts";
import { reviewDetail, reviewState } from "../cycle/review-repository.ts";
import { turnOf } from "../cycle/review-workflow.ts";
import { zipStream } from "../cycle/zip-stream.ts";

/** Evidence archive (mounted under /v1): a version's original workbook, and a ZIP per unit and period. */
export const archive = new OpenAPIHono<AppEnv>();

const encoder = new TextEncoder();

const fileRoute = apiRoute({
  operationId: "getSubmissionFile",
  method: "get",
  path: "/submissions/{id}/file",
  summary: "The original workbook of a version (from R2), as it was submitted",
  roles: ALL_ROLES,
  request: { params: SubmissionParam },
  responses: { 200: { description: "The file, with the workbook media type it was stored with", content: Object.fromEntries(WORKBOOK_MEDIA_TYPES.map((t) => [t, { schema: BINARY }])) } },
  errors: [404, 503],
});
archive.openapi(fileRoute, async (c) => {
  const { id } = c.req.valid("param");
  const found = await getSubmission(c.env.DB, id);
  if (!found || !(await canAccessUnit(c.env.DB, c.get("principal"), found.unit))) throw notFound("submission", id);
  const file = await findFile(c.env.DB, id);
  const object = file ? await archiveBucket(c.env).get(file.key) : null;
  if (!file || !object) throw notFound("file", id);
  return new Response(object.body, { headers: downloadHeaders(servedContentType(file.contentType), file.name, { "Content-Length": String(file.size) }) });
});

const bundleRoute = apiRoute({
  operationId: "getEvidenceBundle",
  method: "get",
  path: "/units/{id}/periods/{pid}/bundle.zip",
  summary: "ZIP of a unit's versions (workbooks, server reports) and its appraisal in a period",
  roles: ALL_ROLES,
  request: { params: z.object({ id: IdSchema, pid: z.string().min(1).max(64) }) },
  responses: { 200: { description: "The ZIP, streamed", content: { "application/zip": { schema: BINARY } } } },
  errors: [404],
});
archive.openapi(bundleRoute, async (c) => {
  const { id, pid } = c.req.valid("param");
  const db = c.env.DB;
  if (!(await canAccessUnit(db, c.get("principal"), id))) throw notFound("unit", id);
  const { results: versions } = await db
    .prepare("SELECT id, version, report, created_at FROM submissions WHERE unit_id = ?1 AND period_id = ?2 ORDER BY version")
    .bind(id, pid)
    .all<{ id: string; version: number; report: string; created_at: string }>();
  if (versions.length === 0) throw notFound("submission", `${id}/${pid}`);
  const [state, detail] = await Promise.all([reviewState(db, pid, id), reviewDetail(db, pid, id)]);
  const appraisalJson = { period: pid, unit: id, status: state.status, turn: turnOf(state.status), round: state.round, ...detail };
  const zip = zipStream();
  const write = async () => {
    for (const v of versions) {
      const date = new Date(v.created_at);
      const prefix = `v${v.version}`;
      zip.add(`${prefix}/bao-cao-may-chu.json`, encoder.encode(JSON.stringify(JSON.parse(v.report), null, 2)), { date });
      const file: FileRow | null = await findFile(db, v.id);
      const object = file && c.env.ARCHIVE ? await c.env.ARCHIVE.get(file.key) : null;
      if (file && object) zip.add(`${prefix}/${safeFileName(file.name)}`, new Uint8Array(await object.arrayBuffer()), { date, compress: false });
    }
    zip.add("tham-dinh.json", encoder.encode(JSON.stringify(appraisalJson, null, 2)));
    zip.end();
  };
  c.executionCtx.waitUntil(write().catch((error: unknown) => zip.fail(error)));
  return new Response(zip.stream, { headers: downloadHeaders("application/zip", `ho-so-${id}-${pid}.zip`) });
});
