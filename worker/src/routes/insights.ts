import { OpenAPIHono } from "@hono/zod-openapi";
import { AnalysisSchema, MeSchema, PeriodParam, PeriodUnitParams, PlanQuerySchema, PlanResponseSchema, TrendSchema, UnitHistorySchema, UnitParam } from "../api-schemas.ts";
import { ALL_ROLES, apiRoute, ok } from "../api-route.ts";
import { canAccessUnit, requireRole } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { getUnit } from "../repositories/unit-repository.ts";
import { countedUnits } from "../unit-tree.ts";
import { computeAnalysis } from "../cycle/analysis.ts";
import { planForUnit } from "../cycle/plan.ts";
import { computeTrend } from "../cycle/trend.ts";
import { unitHistory } from "../cycle/unit-history.ts";
import { consolidationPeriods, coveredTypes, openPeriods } from "../onboarding/open-periods.ts";

/** Reviewers' and units' views over the cycle (mounted under /v1): analysis, trend, plan, history, and who the caller is. */
export const insights = new OpenAPIHono<AppEnv>();

/** Who the token is (the add-in shows a unit token its own history), the periods open to it (the pane picks one for the user) and, for reviewers and the admin, those they may consolidate (closed ones too). */
const me = apiRoute({
  operationId: "getMe",
  method: "get",
  path: "/me",
  summary: "The caller's role and unit, the periods open to it now, labelled (one: nothing to choose), and for reviewers and the admin the periods they may consolidate, open and closed",
  roles: ALL_ROLES,
  responses: { 200: ok(MeSchema) },
});
insights.openapi(me, async (c) => {
  const p = c.get("principal");
  // The caller's unit and its parent only: a province's whole list is never read here.
  const unit = p.unitId ? await getUnit(c.env.DB, p.unitId) : null;
  const [parent, types] = await Promise.all([unit?.parentId ? getUnit(c.env.DB, unit.parentId) : null, coveredTypes(c.env.DB, p, unit)]);
  const [periods, consolidation] = await Promise.all([openPeriods(c.env.DB, p, types, unit, now(c)), consolidationPeriods(c.env.DB, p, types, now(c))]);
  return c.json({ role: p.role, unit: unit ? { id: unit.id, name: unit.name, parent: parent ? { id: parent.id, name: parent.name } : null } : null, periods, consolidation }, 200);
});

const analysis = apiRoute({
  operationId: "getAnalysis",
  method: "get",
  path: "/periods/{id}/analysis",
  summary: "Weak criteria: items where units lose the most (share of max lost), field sub-index spread; reviewers over their subtree",
  roles: ["reviewer", "admin"],
  request: { params: PeriodParam },
  responses: { 200: ok(AnalysisSchema) },
  errors: [404],
});
insights.openapi(analysis, async (c) => {
  const { id } = c.req.valid("param");
  return c.json(await computeAnalysis(c.env.DB, id, await countedUnits(c.env.DB, c.get("principal")), now(c)), 200);
});

const trend = apiRoute({
  operationId: "getTrend",
  method: "get",
  path: "/periods/{id}/trend",
  summary: "Band counts and mean index per year for the period's unit level; reviewers over their subtree",
  roles: ["reviewer", "admin"],
  request: { params: PeriodParam },
  responses: { 200: ok(TrendSchema) },
  errors: [404],
});
insights.openapi(trend, async (c) => {
  const { id } = c.req.valid("param");
  return c.json(await computeTrend(c.env.DB, id, await countedUnits(c.env.DB, c.get("principal")), now(c)), 200);
});

/** ?percent=85[&rank=35]: a rank target reveals other units' indices, so it is for reviewers and the admin. */
const plan = apiRoute({
  operationId: "planTarget",
  method: "get",
  path: "/periods/{id}/units/{unit}/plan",
  summary: "Target planner: the fewest fixes for ?percent= (decimal comma accepted) and/or ?rank= (reviewers and admin) from the unit's latest version as ranked",
  roles: ALL_ROLES,
  request: { params: PeriodUnitParams, query: PlanQuerySchema },
  responses: { 200: ok(PlanResponseSchema) },
  errors: [403, 404],
});
insights.openapi(plan, async (c) => {
  const { id, unit } = c.req.valid("param");
  const target = c.req.valid("query");
  const principal = c.get("principal");
  if (!(await canAccessUnit(c.env.DB, principal, unit))) throw notFound("unit", unit);
  if (target.rank !== undefined) requireRole(principal, "reviewer", "admin");
  const result = await planForUnit(c.env.DB, id, unit, target, now(c));
  if (!result) throw new ApiError(404, "SUBMISSION_NOT_FOUND", `Đơn vị ${unit} chưa nộp cho kỳ ${id} / unit ${unit} has not submitted for period ${id}`);
  return c.json(result, 200);
});

const history = apiRoute({
  operationId: "getUnitHistory",
  method: "get",
  path: "/units/{id}/history",
  summary: "A unit's index, rank, field sub-indices and criterion scores per year it (or its merged predecessors) has data, in the newest set's codes",
  roles: ALL_ROLES,
  request: { params: UnitParam },
  responses: { 200: ok(UnitHistorySchema) },
  errors: [404],
});
insights.openapi(history, async (c) => {
  const { id } = c.req.valid("param");
  const unit = await getUnit(c.env.DB, id);
  if (!unit || !(await canAccessUnit(c.env.DB, c.get("principal"), id))) throw notFound("unit", id);
  return c.json(await unitHistory(c.env.DB, { id: unit.id, name: unit.name }, now(c)), 200);
});
