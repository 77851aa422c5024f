import { Hono } from "hono";
import { z } from "zod";
import { IdempotencyKeySchema, SubmissionListQuerySchema, SubmissionRequestSchema } from "../api-schemas.ts";
import { canAccessUnit, sha256Hex } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv, Principal } from "../env.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import { getSubmission, listSubmissions, type StoredAnswer } from "../repositories/submission-repository.ts";
import { diffSubmissions } from "../submission-diff.ts";
import { criteriaSetFor, scoreSubmission, storeSubmission, submittingUnit } from "../submit.ts";
import { params, parseJsonText, query, readText, validate } from "../validation.ts";

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
  const row = scoreSubmission(body, set, { id: crypto.randomUUID(), unitId, periodId: body.period, tokenId: principal.tokenId, createdAt: now(c).toISOString() });
  return answer(await storeSubmission(c.env.DB, row, key, requestHash));
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

submissions.get("/:id/diff/:otherId", async (c) => {
  const { id, otherId } = params(c, IdParam.extend({ otherId: z.string().min(1).max(64) }));
  const principal = c.get("principal");
  const [a, b] = [await visibleSubmission(c.env.DB, principal, id), await visibleSubmission(c.env.DB, principal, otherId)];
  return c.json(diffSubmissions(a, b));
});
