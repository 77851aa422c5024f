import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { accepts } from "hono/accepts";
import { z } from "zod";
import { gridOfWorkbook } from "../workbook-file.ts";
import { BaselineSchema, BoardQuerySchema, BoardSchema, IdSchema, NewBaselineSchema, PeriodParam, RankingQuerySchema, RankingSchema, SurveyImportResultSchema } from "../api-schemas.ts";
import { apiRoute, BINARY, jsonBody, ok, TEXT } from "../api-route.ts";
import { canAccessUnit } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { getUnit } from "../repositories/unit-repository.ts";
import { countedUnits } from "../unit-tree.ts";
import { periodBoard } from "../cycle/board.ts";
import { PERIOD_UNITS_SQL, periodScope, periodUnitsBinds } from "../cycle/period-units.ts";
import { parseRankingCursor, rankedUnits, rankingPageJson, rankingSnapshot, visibleRows, wholeRankingGzip } from "../cycle/ranking-snapshot.ts";
import { rankingCsvStream, rankingXlsx } from "../cycle/ranking-export.ts";
import { textRecords, gridRecords, surveyChanges, upsertSurveyStatement, validateSurvey } from "../cycle/survey-import.ts";
import { downloadHeaders } from "../downloads.ts";
import { createOnce } from "../idempotency.ts";
import { lockedPeriodOf, periodLockedError } from "../period-checks.ts";
import { unknownCursor } from "../cursor.ts";
import { gzipChosen } from "../content-encoding.ts";

/** Consolidation of a period (mounted under /v1/periods): ranking, board, survey import. */
export const periodReports = new OpenAPIHono<AppEnv>();

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

const FORMAT_OF_TYPE: Record<string, "json" | "csv" | "xlsx"> = { "application/json": "json", "text/csv": "csv", [XLSX_TYPE]: "xlsx" };

/**
 * ?format= wins; else the type the Accept header ranks highest by its q-values, read by Hono's
 * own parser: on a tie the one listed first; no header, or only wildcards for everything: JSON.
 */
function formatOf(c: Context, param: string | undefined): "json" | "csv" | "xlsx" {
  if (param === "json" || param === "csv" || param === "xlsx") return param;
  return FORMAT_OF_TYPE[accepts(c, { header: "Accept", supports: Object.keys(FORMAT_OF_TYPE), default: "application/json" })] ?? "json";
}

const ranking = apiRoute({
  operationId: "getRanking",
  method: "get",
  path: "/{id}/ranking",
  summary: "Consolidated ranking (?format=json|csv|xlsx or Accept), with year-over-year change; reviewers see their subtree's rows. JSON pages with ?limit=&cursor= (at most 200; ranks are of the whole ranking; 409 RANKING_CHANGED when the ranking changed since the page the cursor came from: start again from the first page), whole without ?limit; CSV and XLSX are whole",
  roles: ["reviewer", "admin"],
  request: { params: PeriodParam, query: RankingQuerySchema },
  variesOnAccept: true,
  responses: {
    200: {
      description: "The ranking: JSON, CSV (UTF-8 with BOM, ';', decimal commas) or XLSX",
      content: { "application/json": { schema: RankingSchema }, "text/csv": { schema: TEXT }, [XLSX_TYPE]: { schema: BINARY } },
    },
  },
  errors: [404, 409],
});

// A reviewer sees the rows of its own subtree, each with its province-wide rank; band counts
// are recounted over those rows. A unit token sees no ranking at all: other units' scores
// before publication are not its data (its own result is in its submissions).
// The JSON form is a list, paged as every list (?limit=&cursor=) over the stored snapshot;
// the exports ignore the page and hold every row.
periodReports.openapi(ranking, async (c) => {
  const { id } = c.req.valid("param");
  const principal = c.get("principal");
  const query = c.req.valid("query");
  const format = formatOf(c, query.format);
  // A cursor is of the ranking it paged: 409 RANKING_CHANGED once that ranking changed (ranking-snapshot.ts).
  // An empty one ("?cursor=") is the first page, as on every other list.
  const after = format === "json" && query.cursor ? parseRankingCursor(query.cursor) : undefined;
  const snapshot = await rankingSnapshot(c.env.DB, id, now(c));
  const visible = visibleRows(snapshot, await countedUnits(c.env.DB, principal));
  const file = `xep-hang-${id}`;
  if (format === "csv") {
    return new Response(rankingCsvStream(visible.head, rankedUnits(visible)), { headers: downloadHeaders("text/csv; charset=utf-8", `${file}.csv`) });
  }
  if (format === "xlsx") {
    return new Response(rankingXlsx(visible.head, rankedUnits(visible)), { headers: downloadHeaders(XLSX_TYPE, `${file}.xlsx`) });
  }
  // The whole ranking as the province sees it — the read a consolidation repeats — goes out as
  // the gzip kept beside the snapshot when gzip is the coding the client is sent (any browser,
  // Excel's web view, curl; content-encoding.ts): 5,000 units are 2.5 MB of JSON, and coding them
  // at every read or moving them plain was most of a read's cost (issue 17). `encodeBody: "manual"`: the bytes are already coded, the runtime sends them as they are.
  c.header("Vary", "Accept-Encoding", { append: true });
  if (visible === snapshot && after === undefined && query.limit === undefined && gzipChosen(c.req.header("Accept-Encoding"))) {
    return new Response(await wholeRankingGzip(snapshot), { headers: { "Content-Type": "application/json; charset=utf-8", "Content-Encoding": "gzip" }, encodeBody: "manual" });
  }
  // The stored items as they are; typed as the documented JSON.
  return new Response(await rankingPageJson(visible, { limit: query.limit ?? Number.POSITIVE_INFINITY, after }), { headers: { "Content-Type": "application/json; charset=utf-8" } });
});

const board = apiRoute({
  operationId: "getBoard",
  method: "get",
  path: "/{id}/board",
  summary: "Completeness board per district/department: submitted, late, status, whose turn. Pages its units with ?limit=&cursor= (at most 200; whole without ?limit) in their groups; counts are the whole board's and group's",
  roles: ["reviewer", "admin"],
  request: { params: PeriodParam, query: BoardQuerySchema },
  responses: { 200: ok(BoardSchema) },
  errors: [404],
});
periodReports.openapi(board, async (c) => {
  const { id } = c.req.valid("param");
  const q = c.req.valid("query");
  // The cursor is the last unit's id (board.ts): anything else, or no such unit, is not one this API gave.
  if (q.cursor && !IdSchema.safeParse(q.cursor).success) throw unknownCursor();
  const board = await periodBoard(c.env.DB, id, c.get("principal"), q.at ? new Date(q.at) : now(c), { limit: q.limit ?? Number.POSITIVE_INFINITY, after: q.cursor || undefined });
  if (!board) throw unknownCursor();
  return c.json(board, 200);
});

/** Survey scores (CSV as text/csv, or the XLSX bytes): validated line by line, then all or nothing. */
const SURVEY_TYPES = ["text/csv", "text/plain", XLSX_TYPE, "application/octet-stream"];
const mediaType = (header: string | undefined) => (header ?? "").split(";")[0]!.trim().toLowerCase();

const survey = apiRoute({
  operationId: "importSurvey",
  method: "post",
  path: "/{id}/survey",
  periodLock: true,
  summary: "Import survey scores (unit, code, score) as text/csv or .xlsx bytes, all or nothing",
  roles: ["admin"],
  idempotent: "optional",
  request: { params: PeriodParam, body: { required: true, content: Object.fromEntries(SURVEY_TYPES.map((t) => [t, { schema: t.startsWith("text/") ? TEXT : BINARY }])) } },
  responses: { 201: ok(SurveyImportResultSchema, "Imported") },
  errors: [404, 409, 422],
});
periodReports.openapi(survey, async (c) => {
  const { id } = c.req.valid("param");
  const principal = c.get("principal");
  const type = mediaType(c.req.header("Content-Type"));
  if (!SURVEY_TYPES.includes(type)) throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", `Gửi text/csv hoặc tệp .xlsx / send text/csv or an .xlsx body`);
  const scope = await periodScope(c.env.DB, id);
  const records = type.startsWith("text/") ? textRecords(new Uint8Array(await c.req.arrayBuffer())) : gridRecords(gridOfWorkbook(new Uint8Array(await c.req.arrayBuffer())));
  // With each parent's name: a namesake may be named "Xã Tân Long (Huyện Hàm Yên)", as the pane writes it (A5-7).
  const { results } = await c.env.DB.prepare(`SELECT pu.id, pu.name, pu.parent_id AS parentId, (SELECT p.name FROM units p WHERE p.id = pu.parent_id) AS parentName FROM (${PERIOD_UNITS_SQL}) pu`)
    .bind(...periodUnitsBinds(scope))
    .all<{ id: string; name: string; parentId: string | null; parentName: string | null }>();
  const parsed = validateSurvey(records, scope.set, results);
  if (!parsed.ok) {
    throw new ApiError(
      422,
      "SURVEY_INVALID",
      `${parsed.errors.length} dòng lỗi, chưa nhập dòng nào / ${parsed.errors.length} line(s) in error, nothing imported`,
      parsed.errors.map((e) => ({ path: `line ${e.line}`, message: e.message })),
    );
  }
  const importId = crypto.randomUUID();
  const at = now(c).toISOString();
  const units = new Set(parsed.rows.map((r) => r.unit)).size;
  // A re-import replaces scores in place: the audit row keeps each changed line from → to, and the
  // answer counts the lines that change a final (published) result so the province sees it.
  const changes = await surveyChanges(c.env.DB, id, parsed.rows);
  const finalChanged = changes.filter((ch) => ch.final).length;
  const statements = [
    upsertSurveyStatement(c.env.DB, id, importId, parsed.rows),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "survey.import", entity: "period", entityId: id, detail: { importId, rows: parsed.rows.length, units, finalChanged, changes } }),
  ];
  return createOnce(c, { statements, answer: { period: id, importId, rows: parsed.rows.length, units, finalChanged }, at });
});

/** A stated previous-year index for a unit (e.g. a merged commune), overriding the weighted mean. */
const baseline = apiRoute({
  operationId: "setBaseline",
  method: "put",
  path: "/baselines/{unit}",
  summary: "A unit's stated previous-year index (overrides the merge-weighted mean)",
  roles: ["admin"],
  request: { params: z.object({ unit: IdSchema }), ...jsonBody(NewBaselineSchema) },
  responses: { 200: ok(BaselineSchema) },
  errors: [404, 409],
});
periodReports.openapi(baseline, async (c) => {
  const { unit } = c.req.valid("param");
  const principal = c.get("principal");
  const body = c.req.valid("json");
  const found = await getUnit(c.env.DB, unit);
  if (!found || !(await canAccessUnit(c.env.DB, principal, unit))) throw notFound("unit", unit);
  // The baseline of year Y is the "change" column of Y + 1's ranking: a published (locked) one stays as published (API8-1).
  const locked = await lockedPeriodOf(c.env.DB, body.year + 1, found.type);
  if (locked) {
    throw await periodLockedError(c.env.DB, locked, {
      vi: `chỉ số năm ${body.year} của ${unit} là mốc so sánh (cột Thay đổi) trong xếp hạng năm ${body.year + 1} đã công bố`,
      en: `${unit}'s ${body.year} index is the baseline of the published ${body.year + 1} ranking's change column`,
    });
  }
  const at = now(c).toISOString();
  await c.env.DB.batch([
    c.env.DB.prepare(
      `INSERT INTO ranking_baselines (unit_id, year, percent, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (unit_id, year) DO UPDATE SET percent = excluded.percent, note = excluded.note, created_at = excluded.created_at`,
    ).bind(unit, body.year, body.percent, body.note, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "baseline.set", entity: "unit", entityId: unit, detail: body }),
  ]);
  return c.json({ unit, ...body }, 200);
});

