import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { AppraisalItemsSchema, AppraisalViewSchema, BulkReviewResultSchema, BulkReviewSchema, PeriodParam, PeriodUnitParams, ReviewTransitionSchema } from "../api-schemas.ts";
import { ALL_ROLES, apiRoute, jsonBody, ok } from "../api-route.ts";
import { canAccessUnit, canAppraiseUnit } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv, Principal } from "../env.ts";
import { ApiError, forbidden, notFound } from "../errors.ts";
import { stepOnce } from "../idempotency.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { appraisalLocked, appraisalStatements, checkRole, isReasonMissing, reasonMissingFor, refused, runReviewBatch, stepStatements } from "../cycle/appraisal-service.ts";
import { ensurePeriodUnit, periodScope, type PeriodScope } from "../cycle/period-units.ts";
import { acceptUnchangedStatement, latestItems, reviewDetail, reviewState } from "../cycle/review-repository.ts";
import { REVIEW_STEPS, turnOf } from "../cycle/review-workflow.ts";

/**
 * Appraisal of a unit's submission in a period (mounted under /v1/periods): the reviewer
 * appraises item by item, returns for explanation, the unit explains, a second round,
 * final. Every step is an appended event plus an audit row in one batch. Every write here
 * takes an Idempotency-Key (API-NOTES): a client that timed out resends the step with the
 * same key and gets the first answer, not "cannot explain while explained" (stepOnce).
 */
export const appraisal = new OpenAPIHono<AppEnv>();

async function visibleUnit(db: D1Database, principal: Principal, unitId: string): Promise<void> {
  if (!(await canAccessUnit(db, principal, unitId))) throw notFound("unit", unitId);
}

const ownUnit = (unitId: string) =>
  forbidden(`Hồ sơ của chính đơn vị ${unitId} do cấp tỉnh thẩm định / a reviewer does not appraise its own unit (${unitId}): the province does`);

/** A reviewer's step or score on a unit it sees: only on units strictly below its own (canAppraiseUnit). */
async function appraisableUnit(db: D1Database, principal: Principal, unitId: string): Promise<void> {
  await visibleUnit(db, principal, unitId);
  if (principal.role === "reviewer" && !(await canAppraiseUnit(db, principal, unitId))) throw ownUnit(unitId);
}

/** The period's scope once the unit is known to be one of its units (404 otherwise), and the unit as refusals name it. */
async function scopeWithUnit(db: D1Database, periodId: string, unitId: string): Promise<PeriodScope & { who: string }> {
  const scope = await periodScope(db, periodId);
  return { ...scope, who: await ensurePeriodUnit(db, scope, unitId) };
}

async function view(db: D1Database, periodId: string, unitId: string) {
  const [state, detail, items] = await Promise.all([reviewState(db, periodId, unitId), reviewDetail(db, periodId, unitId), latestItems(db, periodId, unitId)]);
  const appraised = new Map(detail.appraisals.map((a) => [a.code, a]));
  return {
    period: periodId,
    unit: unitId,
    status: state.status,
    turn: turnOf(state.status),
    round: state.round,
    latestSubmission: state.latestSubmission,
    items: items.map((i) => ({
      ...i,
      appraised: appraised.get(i.code)?.appraised ?? null,
      comment: appraised.get(i.code)?.comment ?? null,
      explanations: detail.explanations.filter((x) => x.code === i.code).map(({ round, text, evidence, at }) => ({ round, text, evidence, at })),
    })),
    history: detail.history,
  };
}

const read = apiRoute({
  operationId: "getAppraisal",
  method: "get",
  path: "/{id}/units/{unit}/appraisal",
  summary: "A unit's appraisal: status, whose turn, round, items (server, appraised, comments, explanations), history",
  roles: ALL_ROLES,
  request: { params: PeriodUnitParams },
  responses: { 200: ok(AppraisalViewSchema) },
  errors: [404],
});
appraisal.openapi(read, async (c) => {
  const { id, unit } = c.req.valid("param");
  await visibleUnit(c.env.DB, c.get("principal"), unit);
  await scopeWithUnit(c.env.DB, id, unit);
  return c.json(await view(c.env.DB, id, unit), 200);
});

const transition = apiRoute({
  operationId: "appraisalTransition",
  method: "post",
  path: "/{id}/units/{unit}/appraisal/transitions",
  periodLock: true,
  summary: "One workflow step (start_review, return, explain, finalize, reopen), appended as an event",
  roles: ALL_ROLES,
  idempotent: "optional",
  request: { params: PeriodUnitParams, ...jsonBody(ReviewTransitionSchema) },
  responses: { 200: ok(AppraisalViewSchema) },
  errors: [403, 404, 409, 422],
});
appraisal.openapi(transition, async (c) => {
  const { id, unit } = c.req.valid("param");
  const principal = c.get("principal");
  const body = c.req.valid("json");
  const at = now(c).toISOString();
  let named = unit;
  return stepOnce(c, {
    prepare: async () => {
      checkRole(principal, body.action);
      await appraisableUnit(c.env.DB, principal, unit);
      const { set, who } = await scopeWithUnit(c.env.DB, id, unit);
      named = who;
      const state = await reviewState(c.env.DB, id, unit);
      return stepStatements(c.env.DB, { periodId: id, unitId: unit, who, action: body.action, reason: body.reason, explanations: body.explanations, principal, at, set }, state);
    },
    run: (batch) => runReviewBatch(c.env.DB, batch, async () => refused(named, await reviewState(c.env.DB, id, unit), body.action)),
    answer: () => view(c.env.DB, id, unit),
    at,
  });
});

/**
 * A write on the items of a unit under review (appraised scores, or the server's accepted): the
 * unit must be one the caller appraises and under review when the step is prepared, and still
 * under review when its batch runs (the review trigger refuses it otherwise: 409 either way).
 */
function underReviewStep(c: Context<AppEnv>, periodId: string, unitId: string, at: string, statements: (set: PeriodScope["set"], round: number) => D1PreparedStatement[]) {
  const db = c.env.DB;
  // Named as people know it once the scope is read (A3-3: "xa-an-loc: chỉ chấm …" had named the id alone).
  let named = unitId;
  const locked = async () => appraisalLocked(named, (await reviewState(db, periodId, unitId)).status);
  return stepOnce(c, {
    prepare: async () => {
      await appraisableUnit(db, c.get("principal"), unitId);
      const { set, who } = await scopeWithUnit(db, periodId, unitId);
      named = who;
      const state = await reviewState(db, periodId, unitId);
      if (state.status !== "under_review") throw appraisalLocked(named, state.status);
      return statements(set, state.round);
    },
    run: (batch) => runReviewBatch(db, batch, locked),
    answer: () => view(db, periodId, unitId),
    at,
  });
}

const appraise = apiRoute({
  operationId: "appraiseItems",
  method: "put",
  path: "/{id}/units/{unit}/appraisal/items",
  periodLock: true,
  summary: "Appraised scores and comments per item (only while under_review)",
  roles: ["reviewer", "admin"],
  idempotent: "optional",
  request: { params: PeriodUnitParams, ...jsonBody(AppraisalItemsSchema) },
  responses: { 200: ok(AppraisalViewSchema) },
  errors: [404, 409, 422],
});
appraisal.openapi(appraise, async (c) => {
  const { id, unit } = c.req.valid("param");
  const principal = c.get("principal");
  const body = c.req.valid("json");
  const at = now(c).toISOString();
  return underReviewStep(c, id, unit, at, (set, round) => appraisalStatements(c.env.DB, set, body.items, { periodId: id, unitId: unit, round, principal, at }));
});

/** Accepts, for every unit listed, the server score of each item not yet appraised. */
function acceptStatements(db: D1Database, periodId: string, unitId: string, round: number, principal: Principal, at: string): D1PreparedStatement[] {
  return [
    acceptUnchangedStatement(db, { periodId, unitId, round, tokenId: principal.tokenId, at }),
    auditStatement(db, { at, tokenId: principal.tokenId, action: "review.accept_unchanged", entity: "review", entityId: `${periodId}/${unitId}`, detail: { round } }),
  ];
}

const acceptUnchanged = apiRoute({
  operationId: "acceptUnchangedItems",
  method: "post",
  path: "/{id}/units/{unit}/appraisal/accept-unchanged",
  periodLock: true,
  summary: "Accept the server score of every item not yet appraised",
  roles: ["reviewer", "admin"],
  idempotent: "optional",
  request: { params: PeriodUnitParams },
  responses: { 200: ok(AppraisalViewSchema) },
  errors: [404, 409],
});
appraisal.openapi(acceptUnchanged, async (c) => {
  const { id, unit } = c.req.valid("param");
  const principal = c.get("principal");
  const at = now(c).toISOString();
  return underReviewStep(c, id, unit, at, (_set, round) => acceptStatements(c.env.DB, id, unit, round, principal, at));
});

/**
 * Bulk steps over several units, all or nothing: every unit is checked first (scope and
 * status), then one batch; the trigger makes a concurrent change fail the whole batch.
 */
const bulk = apiRoute({
  operationId: "bulkAppraisal",
  method: "post",
  path: "/{id}/appraisal/bulk",
  periodLock: true,
  summary: "One step for several units, all or nothing",
  roles: ["reviewer", "admin"],
  idempotent: "optional",
  request: { params: PeriodParam, ...jsonBody(BulkReviewSchema) },
  responses: { 200: ok(BulkReviewResultSchema) },
  errors: [403, 404, 409],
});
appraisal.openapi(bulk, async (c) => {
  const { id } = c.req.valid("param");
  const principal = c.get("principal");
  const body = c.req.valid("json");
  const at = now(c).toISOString();
  const units = [...new Set(body.units)];
  return stepOnce(c, {
    prepare: async () => {
      const scope = await periodScope(c.env.DB, id);
      const { set } = scope;
      const statements: D1PreparedStatement[] = [];
      const refusals: { path: string; message: string }[] = [];
      let reasonMissing: { first: ApiError; units: { index: number; unit: string }[] } | undefined;
      for (const [i, unit] of units.entries()) {
        if (!(await canAccessUnit(c.env.DB, principal, unit))) throw forbidden(`Không có quyền với ${unit} / unit ${unit} is outside this token's scope`);
        if (!(await canAppraiseUnit(c.env.DB, principal, unit))) throw ownUnit(unit);
        const who = await ensurePeriodUnit(c.env.DB, scope, unit);
        const state = await reviewState(c.env.DB, id, unit);
        try {
          if (body.action === "accept_unchanged") {
            if (state.status !== "under_review") throw refused(who, state, "accept_unchanged");
            statements.push(...acceptStatements(c.env.DB, id, unit, state.round, principal, at));
          } else {
            checkRole(principal, body.action);
            // One reason for the list: kept on the events of the units whose step needed it (API8-9) — a
            // finalize's "hết thời hạn giải trình" is not the history of a unit that was never returned.
            const reason = REVIEW_STEPS[body.action].reasonFrom.includes(state.status) ? body.reason : undefined;
            statements.push(...stepStatements(c.env.DB, { periodId: id, unitId: unit, who, action: body.action, reason, principal, at, set }, state));
          }
        } catch (e) {
          if (isReasonMissing(e)) {
            (reasonMissing ??= { first: e, units: [] }).units.push({ index: i, unit });
            continue;
          }
          if (!(e instanceof ApiError) || e.status !== 409) throw e;
          refusals.push({ path: `units.${i}`, message: e.message });
        }
      }
      if (reasonMissing) throw reasonMissingFor(reasonMissing.first, reasonMissing.units);
      if (refusals.length) throw new ApiError(409, "REVIEW_TRANSITION_REFUSED", `${refusals.length} đơn vị không thực hiện được, không đơn vị nào thay đổi / ${refusals.length} unit(s) refused, nothing changed`, refusals);
      return statements;
    },
    run: (batch) =>
      runReviewBatch(c.env.DB, batch, async () => new ApiError(409, "REVIEW_TRANSITION_REFUSED", "Trạng thái của một đơn vị vừa thay đổi, không đơn vị nào thay đổi / a unit's status changed meanwhile; nothing changed")),
    answer: async () => {
      const states = await Promise.all(units.map(async (unit) => ({ unit, ...(await reviewState(c.env.DB, id, unit)) })));
      return { action: body.action, items: states.map((s) => ({ unit: s.unit, status: s.status, turn: turnOf(s.status), round: s.round })) };
    },
    at,
  });
});
