import { Hono } from "hono";
import { z } from "zod";
import { IdempotencyKeySchema, RegisterQuerySchema, SubmissionListQuerySchema, SubmissionRequestSchema, type SubmissionRequest } from "../api-schemas.ts";
import { canAccessUnit, sha256Hex } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv, Principal } from "../env.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import { getConfirmedHeaders, getSubmission, listSubmissions, type StoredAnswer } from "../repositories/submission-repository.ts";
import { diffSubmissions } from "../submission-diff.ts";
import { criteriaSetFor, scoreSubmission, storeSubmission, submittingUnit } from "../submit.ts";
import { params, parseJsonText, query, readText, validate } from "../validation.ts";
import { readWorkbookBytes } from "../../../xlsx/sheetjs-grid.ts";
import { ConfirmedHeaderSchema, evidenceRegister, registerCsv, type Report } from "../../../shared/index.ts";
import { periodScope } from "../cycle/period-units.ts";
import { archiveBucket, insertFileStatement, prepareFile } from "../cycle/archive.ts";
import { submissionItemsStatement } from "../cycle/submission-items.ts";

/** A submission that sends only its workbook file: the server reads the grid as the CLI would. */
function gridOfFile(bytes: Uint8Array): SubmissionRequest["grid"] & object {
  const read = readWorkbookBytes(bytes);
  if (!read.ok) throw new ApiError(422, read.code, read.message);
  return { sheets: read.grid.sheets.map((s) => ({ ...s, merges: s.merges ?? [] })) };
}

/** Evidence workbooks submitted by units: append-only versions, re-scored by the server. */
export const submissions = new Hono<AppEnv>();

const answer = (a: StoredAnswer): Response =>
  new Response(a.response, { status: a.status, headers: { "Content-Type": "application/json; charset=utf-8" } });

submissions.post("/", async (c) => {
  const principal = c.get("principal");
  const header = c.req.header("Idempotency-Key");
  if (header === undefined) throw new ApiError(400, "IDEMPOTENCY_KEY_REQUIRED", "Thiếu header Idempotency-Key / send an Idempotency-Key header");
  const key = validate(header, IdempotencyKeySchema, "Idempotency-Key");
  const text = await readText(c);
  const requestHash = await sha256Hex(text);
  const body = parseJsonText(text, SubmissionRequestSchema);
  const unitId = submittingUnit(principal, body.unit);
  const set = await criteriaSetFor(c.env.DB, body.period, unitId);
  const id = crypto.randomUUID();
  const file = body.file ? await prepareFile(id, body.file) : null;
  const scored = file && !body.grid && !body.items ? { ...body, grid: gridOfFile(file.bytes) } : body;
  const row = scoreSubmission(scored, set, { id, unitId, periodId: body.period, tokenId: principal.tokenId, createdAt: now(c).toISOString() });
  const extra = [submissionItemsStatement(c.env.DB, id, JSON.parse(row.reportJson) as Report, set)];
  if (file) {
    // The object goes first (keyed by this version's id); its D1 row joins the version's batch.
    await archiveBucket(c.env).put(file.key, file.bytes, { httpMetadata: { contentType: file.contentType }, sha256: file.sha256 });
    extra.push(insertFileStatement(c.env.DB, id, file));
  }
  const stored = await storeSubmission(c.env.DB, row, key, requestHash, extra).catch(async (e: unknown) => {
    if (file) await archiveBucket(c.env).delete(file.key);
    throw e;
  });
  // A replay answered with an earlier version: this request's object is not referenced.
  if (file && !stored.response.includes(`"id":"${id}"`)) await archiveBucket(c.env).delete(file.key);
  return answer(stored);
});

submissions.get("/", async (c) => {
  const principal = c.get("principal");
  const q = query(c, SubmissionListQuerySchema);
  const unitId = q.unit ?? principal.unitId;
  if (!unitId) throw new ApiError(400, "VALIDATION_FAILED", "unit is required", [{ path: "unit", message: "required" }]);
  if (!(await canAccessUnit(c.env.DB, principal, unitId))) throw forbidden();
  const after = q.cursor ? parseCursor(q.cursor) : undefined;
  const items = await listSubmissions(c.env.DB, { unitId, periodId: q.period, limit: q.limit, after });
  const last = items.at(-1);
  return c.json({ items, nextCursor: items.length === q.limit && last ? `${last.period}@${last.version}` : null });
});

function parseCursor(cursor: string): { period: string; version: number } {
  const at = cursor.lastIndexOf("@");
  const version = Number(cursor.slice(at + 1));
  if (at <= 0 || !Number.isInteger(version)) throw new ApiError(400, "VALIDATION_FAILED", "cursor is not one this API gave");
  return { period: cursor.slice(0, at), version };
}

/** A stored version, or 404 when it does not exist or lies outside the caller's scope. */
async function visibleSubmission(db: D1Database, principal: Principal, id: string) {
  const found = await getSubmission(db, id);
  if (!found || !(await canAccessUnit(db, principal, found.unit))) throw notFound("submission", id);
  return found;
}

const IdParam = z.object({ id: z.string().min(1).max(64) });

submissions.get("/:id", async (c) => {
  const { id } = params(c, IdParam);
  return c.json(await visibleSubmission(c.env.DB, c.get("principal"), id));
});

/**
 * The evidence register of a stored version, from its grid located as when it was scored
 * (its report's sheets, the column mapping confirmed then): JSON, or ?format=csv for Excel.
 */
submissions.get("/:id/register", async (c) => {
  const { id } = params(c, IdParam);
  const q = query(c, RegisterQuerySchema);
  const found = await visibleSubmission(c.env.DB, c.get("principal"), id);
  const [{ set }, headers] = await Promise.all([periodScope(c.env.DB, found.period), getConfirmedHeaders(c.env.DB, id)]);
  const confirmedHeaders = headers ? z.array(ConfirmedHeaderSchema).parse(headers) : undefined;
  const register = evidenceRegister(found.grid, set, found.report, { confirmedHeaders });
  if (q.format !== "csv") return c.json(register);
  return c.body(registerCsv(register, q.lang), 200, {
    "Content-Type": "text/csv; charset=utf-8",
    "Content-Disposition": `attachment; filename="so-tai-lieu-${found.unit}-${found.period}-v${found.version}.csv"`,
  });
});

submissions.get("/:id/diff/:otherId", async (c) => {
  const { id, otherId } = params(c, IdParam.extend({ otherId: z.string().min(1).max(64) }));
  const principal = c.get("principal");
  const [a, b] = [await visibleSubmission(c.env.DB, principal, id), await visibleSubmission(c.env.DB, principal, otherId)];
  return c.json(diffSubmissions(a, b));
});
