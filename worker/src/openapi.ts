import { z } from "zod";
import { CriteriaItemSchema, CriteriaSetSchema, GridSchema, ReportSchema } from "../../shared/index.ts";
import * as api from "./api-schemas.ts";
import type { Role } from "./env.ts";

/** The route table the OpenAPI document is generated from, with the schemas the handlers use. */
interface RouteDoc {
  method: "get" | "post" | "put";
  path: string;
  summary: string;
  roles: Role[] | "public";
  query?: z.ZodObject;
  body?: string;
  headers?: { name: string; required: boolean; description: string }[];
  /** JSON by default; other media types of the same answer (exports, files). */
  ok: { status: number; schema: string; media?: Record<string, { format: "binary" } | { type: "string" }> };
  /** A request body that is not JSON (survey import: CSV text or XLSX bytes). */
  rawBody?: Record<string, { format: "binary" } | { type: "string" }>;
  errors: number[];
}

const ALL: Role[] = ["unit", "reviewer", "admin"];
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const IDEMPOTENCY = { name: "Idempotency-Key", required: true, description: "1–128 printable characters; a replay returns the first answer" };

export const ROUTES: RouteDoc[] = [
  { method: "get", path: "/health", summary: "Liveness and database check", roles: "public", ok: { status: 200, schema: "Health" }, errors: [] },
  { method: "get", path: "/v1/criteria-sets", summary: "Criteria set versions (drafts for admins only)", roles: ALL, query: api.PageQuerySchema, ok: { status: 200, schema: "CriteriaSetList" }, errors: [400, 401] },
  { method: "get", path: "/v1/criteria-sets/{id}", summary: "One criteria set: the published version, or ?version=", roles: ALL, query: api.CriteriaSetQuerySchema, ok: { status: 200, schema: "CriteriaSetDetail" }, errors: [401, 404] },
  { method: "post", path: "/v1/criteria-sets", summary: "Create a criteria set (version 1), validated by the engine's schema", roles: ["admin"], body: "NewCriteriaSetVersion", ok: { status: 201, schema: "CriteriaSetDetail" }, errors: [400, 401, 403, 409, 413] },
  { method: "put", path: "/v1/criteria-sets/{id}", summary: "Add a version to a criteria set (published versions never change)", roles: ["admin"], body: "NewCriteriaSetVersion", ok: { status: 201, schema: "CriteriaSetDetail" }, errors: [400, 401, 403, 404, 413] },
  { method: "post", path: "/v1/criteria-sets/{id}/versions/{version}/status", summary: "Publish a draft or retire a published version", roles: ["admin"], body: "CriteriaSetStatusChange", ok: { status: 200, schema: "CriteriaSetDetail" }, errors: [400, 401, 403, 404, 409] },
  { method: "get", path: "/v1/units", summary: "Units valid on ?asOf= as a tree, limited to the caller's scope", roles: ALL, query: api.UnitTreeQuerySchema, ok: { status: 200, schema: "UnitTree" }, errors: [400, 401] },
  { method: "get", path: "/v1/units/{id}", summary: "One unit with its merge history", roles: ALL, ok: { status: 200, schema: "UnitDetail" }, errors: [401, 404] },
  { method: "post", path: "/v1/units", summary: "Create a unit", roles: ["admin"], body: "NewUnit", ok: { status: 201, schema: "Unit" }, errors: [400, 401, 403, 409, 422] },
  { method: "post", path: "/v1/units/merge", summary: "Merge units into a new successor from a date", roles: ["admin"], body: "Merge", ok: { status: 201, schema: "UnitDetail" }, errors: [400, 401, 403, 409, 422] },
  { method: "get", path: "/v1/periods", summary: "Assessment periods, newest year first (?limit=&cursor=)", roles: ALL, query: api.PageQuerySchema, ok: { status: 200, schema: "PeriodList" }, errors: [400, 401] },
  { method: "post", path: "/v1/periods", summary: "Create a period for a published criteria set version", roles: ["admin"], body: "NewPeriod", ok: { status: 201, schema: "Period" }, errors: [400, 401, 403, 409, 422] },
  { method: "post", path: "/v1/periods/{id}/exceptions", summary: "Extend one unit's deadline", roles: ["admin"], body: "NewDeadlineException", ok: { status: 201, schema: "DeadlineException" }, errors: [400, 401, 403, 404, 409, 422] },
  { method: "post", path: "/v1/submissions", summary: "Submit a grid or item list; the server re-scores it and stores a new version", roles: ["unit", "admin"], body: "SubmissionRequest", headers: [IDEMPOTENCY], ok: { status: 201, schema: "SubmissionCreated" }, errors: [400, 401, 403, 404, 409, 413, 415, 422] },
  { method: "get", path: "/v1/submissions", summary: "Versions of a unit's submissions (?unit=&period=)", roles: ALL, query: api.SubmissionListQuerySchema, ok: { status: 200, schema: "SubmissionList" }, errors: [400, 401, 403] },
  { method: "get", path: "/v1/submissions/{id}", summary: "One stored version with the server's report", roles: ALL, ok: { status: 200, schema: "SubmissionDetail" }, errors: [401, 404] },
  { method: "get", path: "/v1/submissions/{id}/diff/{otherId}", summary: "What changed between two versions, item by item", roles: ALL, ok: { status: 200, schema: "SubmissionDiff" }, errors: [401, 404] },
  // The yearly cycle: appraisal, survey, board, ranking, baselines, archive.
  { method: "get", path: "/v1/periods/{id}/units/{unit}/appraisal", summary: "A unit's appraisal: status, whose turn, round, items (server, appraised, comments, explanations), history", roles: ALL, ok: { status: 200, schema: "AppraisalView" }, errors: [401, 404] },
  { method: "post", path: "/v1/periods/{id}/units/{unit}/appraisal/transitions", summary: "One workflow step (start_review, return, explain, finalize, reopen), appended as an event", roles: ALL, body: "ReviewTransition", ok: { status: 200, schema: "AppraisalView" }, errors: [400, 401, 403, 404, 409, 422] },
  { method: "put", path: "/v1/periods/{id}/units/{unit}/appraisal/items", summary: "Appraised scores and comments per item (only while under_review)", roles: ["reviewer", "admin"], body: "AppraisalItems", ok: { status: 200, schema: "AppraisalView" }, errors: [400, 401, 403, 404, 409, 422] },
  { method: "post", path: "/v1/periods/{id}/units/{unit}/appraisal/accept-unchanged", summary: "Accept the server score of every item not yet appraised", roles: ["reviewer", "admin"], ok: { status: 200, schema: "AppraisalView" }, errors: [401, 403, 404, 409] },
  { method: "post", path: "/v1/periods/{id}/appraisal/bulk", summary: "One step for several units, all or nothing", roles: ["reviewer", "admin"], body: "BulkReview", ok: { status: 200, schema: "BulkReviewResult" }, errors: [400, 401, 403, 404, 409] },
  { method: "post", path: "/v1/periods/{id}/survey", summary: "Import survey scores (unit, code, score) as text/csv or .xlsx bytes, all or nothing", roles: ["admin"], rawBody: { "text/csv": { type: "string" }, [XLSX]: { format: "binary" } }, ok: { status: 201, schema: "SurveyImportResult" }, errors: [401, 403, 404, 413, 415, 422] },
  { method: "get", path: "/v1/periods/{id}/board", summary: "Completeness board per district/department: submitted, late, status, whose turn", roles: ["reviewer", "admin"], query: api.BoardQuerySchema, ok: { status: 200, schema: "Board" }, errors: [400, 401, 403, 404] },
  { method: "get", path: "/v1/periods/{id}/ranking", summary: "Consolidated ranking (?format=json|csv|xlsx or Accept), with year-over-year change", roles: ALL, query: api.RankingQuerySchema, ok: { status: 200, schema: "Ranking", media: { "text/csv": { type: "string" }, [XLSX]: { format: "binary" } } }, errors: [400, 401, 404] },
  { method: "get", path: "/v1/periods/{id}/analysis", summary: "Weak criteria: items where units lose the most (share of max lost), field sub-index spread; reviewers over their subtree", roles: ["reviewer", "admin"], ok: { status: 200, schema: "Analysis" }, errors: [401, 403, 404] },
  { method: "get", path: "/v1/units/{id}/history", summary: "A unit's index, rank, field sub-indices and criterion scores per year it (or its merged predecessors) has data, in the newest set's codes (older codes carried through each set's codeMap)", roles: ALL, ok: { status: 200, schema: "UnitHistory" }, errors: [401, 404] },
  { method: "get", path: "/v1/periods/{id}/trend", summary: "Band counts and mean index per year for the period's unit level; reviewers over their subtree", roles: ["reviewer", "admin"], ok: { status: 200, schema: "Trend" }, errors: [401, 403, 404] },
  { method: "get", path: "/v1/periods/{id}/units/{unit}/plan", summary: "Target planner: the fewest fixes for ?percent= (decimal comma accepted) and/or ?rank= (reviewers and admin) from the unit's latest version as ranked", roles: ALL, query: api.PlanQuerySchema, ok: { status: 200, schema: "PlanResponse" }, errors: [400, 401, 403, 404] },
  { method: "get", path: "/v1/submissions/{id}/register", summary: "Evidence register of a stored version (documents cited, dates in conflict, outside the period); ?format=csv for Excel", roles: ALL, query: api.RegisterQuerySchema, ok: { status: 200, schema: "EvidenceRegister" }, errors: [400, 401, 404] },
  { method: "get", path: "/v1/me", summary: "The caller's role and unit", roles: ALL, ok: { status: 200, schema: "Me" }, errors: [401] },
  { method: "put", path: "/v1/periods/baselines/{unit}", summary: "A unit's stated previous-year index (overrides the merge-weighted mean)", roles: ["admin"], body: "NewBaseline", ok: { status: 200, schema: "Baseline" }, errors: [400, 401, 403, 404] },
  { method: "get", path: "/v1/submissions/{id}/file", summary: "The original workbook of a version (from R2)", roles: ALL, ok: { status: 200, schema: "File", media: { "application/octet-stream": { format: "binary" } } }, errors: [401, 404] },
  { method: "get", path: "/v1/units/{id}/periods/{pid}/bundle.zip", summary: "ZIP of a unit's versions (workbooks, server reports) and its appraisal in a period", roles: ALL, ok: { status: 200, schema: "File", media: { "application/zip": { format: "binary" } } }, errors: [401, 404] },
];

const SCHEMAS: Record<string, z.ZodType> = {
  Error: api.ErrorEnvelopeSchema,
  Health: api.HealthSchema,
  CriteriaItem: CriteriaItemSchema,
  CriteriaSet: CriteriaSetSchema,
  Grid: GridSchema,
  Report: ReportSchema,
  CriteriaSetList: api.CriteriaSetListSchema,
  CriteriaSetDetail: api.CriteriaSetDetailSchema,
  NewCriteriaSetVersion: api.NewCriteriaSetVersionSchema,
  CriteriaSetStatusChange: api.CriteriaSetStatusChangeSchema,
  Unit: api.UnitSchema,
  UnitNode: api.UnitNodeSchema,
  UnitTree: api.UnitTreeSchema,
  UnitDetail: api.UnitDetailSchema,
  NewUnit: api.NewUnitSchema,
  Merge: api.MergeSchema,
  Period: api.PeriodSchema,
  PeriodList: api.PeriodListSchema,
  NewPeriod: api.NewPeriodSchema,
  NewDeadlineException: api.NewDeadlineExceptionSchema,
  DeadlineException: api.DeadlineExceptionSchema,
  SubmissionRequest: api.SubmissionRequestSchema,
  SubmissionCreated: api.SubmissionCreatedSchema,
  SubmissionList: api.SubmissionListSchema,
  SubmissionDetail: api.SubmissionDetailSchema,
  SubmissionDiff: api.SubmissionDiffSchema,
  ReviewTransition: api.ReviewTransitionSchema,
  AppraisalItems: api.AppraisalItemsSchema,
  BulkReview: api.BulkReviewSchema,
  BulkReviewResult: api.BulkReviewResultSchema,
  AppraisalView: api.AppraisalViewSchema,
  SurveyImportResult: api.SurveyImportResultSchema,
  Board: api.BoardSchema,
  Ranking: api.RankingSchema,
  NewBaseline: api.NewBaselineSchema,
  Baseline: api.BaselineSchema,
  Analysis: api.AnalysisSchema,
  UnitHistory: api.UnitHistorySchema,
  Trend: api.TrendSchema,
  Me: api.MeSchema,
  PlanResponse: api.PlanResponseSchema,
  EvidenceRegister: api.EvidenceRegisterSchema,
};

/** Components twice: as responses look (output) and, suffixed "Input", as requests may be sent. */
function components(): Record<string, unknown> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(SCHEMAS)) registry.add(schema, { id });
  const out: Record<string, unknown> = {};
  for (const [io, suffix] of [["output", ""], ["input", "Input"]] as const) {
    const { schemas } = z.toJSONSchema(registry, { io, unrepresentable: "any", uri: (id) => `#/components/schemas/${id}${suffix}` });
    for (const [id, schema] of Object.entries(schemas)) {
      const { $schema: _s, $id: _i, ...rest } = schema as Record<string, unknown>;
      out[`${id}${suffix}`] = rest;
    }
  }
  return out;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

function operation(route: RouteDoc): Record<string, unknown> {
  const pathParams = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => ({ name: m[1], in: "path", required: true, schema: { type: "string" } }));
  const queryParams = Object.entries(route.query?.shape ?? {}).map(([name, schema]) => ({
    name,
    in: "query",
    required: false,
    schema: z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }),
  }));
  const headerParams = (route.headers ?? []).map((h) => ({ name: h.name, in: "header", required: h.required, description: h.description, schema: { type: "string" } }));
  const binary = { type: "string", format: "binary" };
  const media = Object.fromEntries(Object.entries(route.ok.media ?? {}).map(([type, s]) => [type, { schema: "format" in s ? binary : s }]));
  const json = route.ok.schema === "File" ? {} : { "application/json": { schema: ref(route.ok.schema) } };
  const responses: Record<string, unknown> = { [route.ok.status]: { description: "OK", content: { ...json, ...media } } };
  for (const status of route.errors) responses[status] = { description: "Error envelope", content: { "application/json": { schema: ref("Error") } } };
  return {
    summary: route.summary,
    "x-roles": route.roles,
    ...(route.roles === "public" ? { security: [] } : {}),
    parameters: [...pathParams, ...queryParams, ...headerParams],
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: ref(`${route.body}Input`) } } } } : {}),
    ...(route.rawBody
      ? { requestBody: { required: true, content: Object.fromEntries(Object.entries(route.rawBody).map(([type, s]) => [type, { schema: "format" in s ? { type: "string", format: "binary" } : s }])) } }
      : {}),
    responses,
  };
}

let cached: Record<string, unknown> | undefined;

export function openApiDocument(): Record<string, unknown> {
  if (cached) return cached;
  const paths: Record<string, Record<string, unknown>> = {};
  for (const route of ROUTES) (paths[route.path] ??= {})[route.method] = operation(route);
  cached = {
    openapi: "3.1.0",
    info: { title: "Chỉ số CCHC (PAR INDEX) API", version: "1.0.0", description: "Criteria registry, unit hierarchy and submissions, re-scored by the shared engine." },
    servers: [{ url: "/" }],
    security: [{ bearer: [] }],
    paths,
    components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } }, schemas: components() },
  };
  return cached;
}
