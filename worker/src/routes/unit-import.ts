import { OpenAPIHono } from "@hono/zod-openapi";
import { formatDateVi, onboardingMessage, UnitImportRequestSchema, UnitImportResultSchema, type Locale, type PlannedUnit, type UnitImportProblem, type UnitImportResult } from "../../../shared/index.ts";
import { HIDDEN_CHARACTERS_MESSAGE, hasHiddenCharacters } from "../api-schemas.ts";
import { apiRoute, jsonBody, ok } from "../api-route.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { ApiError } from "../errors.ts";
import { lockedPeriodJoined, refuseJoiningLockedPeriod } from "../period-checks.ts";
import { dayAfter } from "../validity.ts";
import { createOnce } from "../idempotency.ts";
import { localizedError, requestLocale } from "../locale.ts";
import { planUnitImport, type ImportPlan } from "../onboarding/unit-import.ts";
import { bilingual, halves } from "../validation-messages.ts";
import { listAllUnits } from "../repositories/unit-repository.ts";

/** Units from a sheet (issue 16), mounted under /v1/units: preview, then all or nothing. */
export const unitImport = new OpenAPIHono<AppEnv>();

/** The new units and one `unit.create` audit row each (detail says "via": "import"), as two statements whatever the count. */
function insertStatements(db: D1Database, units: PlannedUnit[], at: string, tokenId: string): D1PreparedStatement[] {
  const rows = JSON.stringify(units.map(({ id, name, type, parentId, validFrom }) => ({ id, name, type, parentId, validFrom })));
  const field = (name: string) => `json_extract(value, '$.${name}')`;
  const fields = `${field("id")}, ${field("name")}, ${field("type")}, ${field("parentId")}, ${field("validFrom")}`;
  return [
    db.prepare(`INSERT INTO units (id, name, type, parent_id, valid_from, valid_to, created_at) SELECT ${fields}, NULL, ?2 FROM json_each(?1)`).bind(rows, at),
    db
      .prepare(
        `INSERT INTO audit_log (at, token_id, action, entity, entity_id, detail)
         SELECT ?2, ?3, 'unit.create', 'unit', ${field("id")}, json_set(value, '$.via', 'import') FROM json_each(?1)`,
      )
      .bind(rows, at, tokenId),
  ];
}

/** A refusal of one sheet row, each half naming the row. */
const rowMessage = (row: number, message: string): string => {
  const [vi, en] = halves(message);
  return bilingual(`dòng ${row}: ${vi}`, `row ${row}: ${en}`);
};

/**
 * The preview tells what the import would be refused for (A5-2): a new unit joining a locked
 * period is the row's problem, on its start date, naming the period and the way out — the
 * import itself answers 409 PERIOD_LOCKED for it (refuseJoiningLockedPeriod).
 */
async function withLockedPeriods(db: D1Database, plan: ImportPlan, locale: Locale): Promise<ImportPlan> {
  const locked: UnitImportProblem[] = [];
  for (const unit of plan.units.filter((u) => u.action === "create")) {
    const period = await lockedPeriodJoined(db, unit);
    if (!period) continue;
    const params = { row: unit.row, period: period.id, from: formatDateVi(unit.validFrom), day: formatDateVi(period.lastDay), next: formatDateVi(dayAfter(period.lastDay)) };
    locked.push({ row: unit.row, column: "validFrom", code: "PERIOD_LOCKED", message: onboardingMessage("PERIOD_LOCKED", locale, params) });
  }
  if (locked.length === 0) return plan;
  const rows = new Set(locked.map((p) => p.row));
  return { units: plan.units.filter((u) => !rows.has(u.row)), problems: [...plan.problems, ...locked].sort((a, b) => a.row - b.row) };
}

const importUnits = apiRoute({
  operationId: "importUnits",
  method: "post",
  path: "/import",
  summary: "Units from a sheet: with dryRun a preview (200) of what would be created and every row's problem by cell; else all created in one batch (201) or none (422)",
  roles: ["admin"],
  idempotent: "optional",
  request: jsonBody(UnitImportRequestSchema),
  responses: { 200: ok(UnitImportResultSchema, "Preview (dryRun): nothing created"), 201: ok(UnitImportResultSchema, "Created (rows whose unit exists already are listed as such)") },
  errors: [409, 422],
});
unitImport.openapi(importUnits, async (c) => {
  const { rows, dryRun } = c.req.valid("json");
  // As POST /v1/units: a name with control or bidi characters is refused before anything is planned.
  const hidden = rows.flatMap((r, i) => (hasHiddenCharacters(r.name) ? [{ path: `rows.${i}.name`, message: rowMessage(r.row, HIDDEN_CHARACTERS_MESSAGE) }] : []));
  if (hidden.length > 0) {
    const [vi, en] = halves(hidden[0]!.message);
    throw new ApiError(400, "VALIDATION_FAILED", `Dữ liệu không hợp lệ: ${hidden[0]!.path}: ${vi} / invalid body — ${hidden[0]!.path}: ${en}`, hidden);
  }
  const plan = planUnitImport(rows, await listAllUnits(c.env.DB), requestLocale(c));
  if (dryRun) return c.json({ dryRun: true, ...(await withLockedPeriods(c.env.DB, plan, requestLocale(c))) } satisfies UnitImportResult, 200);
  if (plan.problems.length > 0) {
    // issues point at the request: rows[i].column, with the sheet row in the sentence.
    const index = new Map(rows.map((r, i) => [r.row, i]));
    const issues = plan.problems.map((p) => ({ path: `rows.${index.get(p.row)}.${p.column}`, message: p.message }));
    throw localizedError(c, 422, "UNITS_IMPORT_INVALID", { count: plan.problems.length }, issues);
  }
  const at = now(c).toISOString();
  const created = plan.units.filter((u) => u.action === "create");
  await refuseJoiningLockedPeriod(c.env.DB, created);
  const answer: UnitImportResult = { dryRun: false, ...plan };
  // Every unit exists already: nothing to write (a key's record alone still makes the replay exact).
  if (created.length === 0 && !c.get("idempotency")) return c.json(answer, 201);
  const statements = created.length > 0 ? insertStatements(c.env.DB, created, at, c.get("principal").tokenId) : [];
  return createOnce(c, { statements, answer, at, taken: () => localizedError(c, 409, "UNITS_IMPORT_CONFLICT") });
});
