import { Hono } from "hono";
import { z } from "zod";
import { readWorkbookBytes } from "../../../xlsx/sheetjs-grid.ts";
import { BoardQuerySchema, IdSchema, NewBaselineSchema, RankingQuerySchema } from "../api-schemas.ts";
import { canAccessUnit, requireRole } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError, notFound } from "../errors.ts";
import { auditStatement } from "../repositories/audit-repository.ts";
import { getUnit, listAllUnits } from "../repositories/unit-repository.ts";
import { subtreeIds } from "../unit-tree.ts";
import type { Principal } from "../env.ts";
import { periodBoard } from "../cycle/board.ts";
import { PERIOD_UNITS_SQL, periodScope, periodUnitsBinds } from "../cycle/period-units.ts";
import { computeRanking, type Ranking } from "../cycle/ranking.ts";
import { rankingCsvStream, rankingJsonStream, rankingXlsx } from "../cycle/ranking-export.ts";
import { csvRecords, gridRecords, upsertSurveyStatement, validateSurvey } from "../cycle/survey-import.ts";
import { params, query, readJson } from "../validation.ts";

/** Consolidation of a period (mounted under /v1/periods): ranking, board, survey import. */
export const periodReports = new Hono<AppEnv>();
const PeriodParam = z.object({ id: z.string().min(1).max(64) });

const XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** ?format= wins; else the Accept header; else JSON. */
function formatOf(param: string | undefined, accept: string | undefined): "json" | "csv" | "xlsx" {
  if (param === "json" || param === "csv" || param === "xlsx") return param;
  if (accept?.includes(XLSX_TYPE)) return "xlsx";
  if (accept?.includes("text/csv")) return "csv";
  return "json";
}

/**
 * A reviewer sees the rows of its own subtree, each with its province-wide rank; band counts
 * are recounted over those rows. A unit token sees no ranking at all: other units' scores
 * before publication are not its data (its own result is in its submissions).
 */
async function visibleRanking(db: D1Database, principal: Principal, ranking: Ranking): Promise<Ranking> {
  if (principal.role === "admin") return ranking;
  const visible = subtreeIds(await listAllUnits(db), principal.unitId ?? "");
  const items = ranking.items.filter((i) => visible.has(i.unit));
  const bandCounts = ranking.bandCounts.map((b) => ({ band: b.band, count: items.filter((i) => i.band === b.band).length }));
  return { ...ranking, items, bandCounts };
}

periodReports.get("/:id/ranking", async (c) => {
  const { id } = params(c, PeriodParam);
  const principal = c.get("principal");
  requireRole(principal, "reviewer", "admin");
  const format = formatOf(query(c, RankingQuerySchema).format, c.req.header("Accept"));
  const ranking = await visibleRanking(c.env.DB, principal, await computeRanking(c.env.DB, id, { now: now(c) }));
  const file = `xep-hang-${id}`;
  if (format === "csv") {
    return new Response(rankingCsvStream(ranking), { headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${file}.csv"` } });
  }
  if (format === "xlsx") {
    return new Response(rankingXlsx(ranking), { headers: { "Content-Type": XLSX_TYPE, "Content-Disposition": `attachment; filename="${file}.xlsx"` } });
  }
  return new Response(rankingJsonStream(ranking), { headers: { "Content-Type": "application/json; charset=utf-8" } });
});

periodReports.get("/:id/board", async (c) => {
  const { id } = params(c, PeriodParam);
  const principal = c.get("principal");
  requireRole(principal, "reviewer", "admin");
  const q = query(c, BoardQuerySchema);
  return c.json(await periodBoard(c.env.DB, id, principal, q.at ? new Date(q.at) : now(c)));
});

/** Survey scores (CSV as text/csv, or the XLSX bytes): validated line by line, then all or nothing. */
periodReports.post("/:id/survey", async (c) => {
  const { id } = params(c, PeriodParam);
  const principal = c.get("principal");
  requireRole(principal, "admin");
  const scope = await periodScope(c.env.DB, id);
  const type = c.req.header("Content-Type") ?? "";
  let records;
  if (type.startsWith("text/csv") || type.startsWith("text/plain")) records = csvRecords(await c.req.text());
  else if (type.startsWith(XLSX_TYPE) || type.startsWith("application/octet-stream")) {
    const read = readWorkbookBytes(new Uint8Array(await c.req.arrayBuffer()));
    if (!read.ok) throw new ApiError(422, read.code, read.message);
    records = gridRecords(read.grid);
  } else throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", `Gửi text/csv hoặc ${XLSX_TYPE} / send text/csv or an .xlsx body`);
  const { results } = await c.env.DB.prepare(PERIOD_UNITS_SQL).bind(...periodUnitsBinds(scope)).all<{ id: string }>();
  const parsed = validateSurvey(records, scope.set, new Set(results.map((r) => r.id)));
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
  await c.env.DB.batch([
    upsertSurveyStatement(c.env.DB, id, importId, parsed.rows),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "survey.import", entity: "period", entityId: id, detail: { importId, rows: parsed.rows.length, units } }),
  ]);
  return c.json({ period: id, importId, rows: parsed.rows.length, units }, 201);
});

/** A stated previous-year index for a unit (e.g. a merged commune), overriding the weighted mean. */
periodReports.put("/baselines/:unit", async (c) => {
  const { unit } = params(c, z.object({ unit: IdSchema }));
  const principal = c.get("principal");
  requireRole(principal, "admin");
  const body = await readJson(c, NewBaselineSchema);
  if (!(await getUnit(c.env.DB, unit)) || !(await canAccessUnit(c.env.DB, principal, unit))) throw notFound("unit", unit);
  const at = now(c).toISOString();
  await c.env.DB.batch([
    c.env.DB.prepare(
      `INSERT INTO ranking_baselines (unit_id, year, percent, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)
       ON CONFLICT (unit_id, year) DO UPDATE SET percent = excluded.percent, note = excluded.note, created_at = excluded.created_at`,
    ).bind(unit, body.year, body.percent, body.note, at),
    auditStatement(c.env.DB, { at, tokenId: principal.tokenId, action: "baseline.set", entity: "unit", entityId: unit, detail: body }),
  ]);
  return c.json({ unit, ...body });
});
