import type { Context } from "hono";
import { z } from "zod";
import { round2 } from "../../../shared/index.ts";
import { IdSchema } from "../api-schemas.ts";
import { canAccessUnit } from "../auth.ts";
import { now } from "../clock.ts";
import type { AppEnv } from "../env.ts";
import { notFound } from "../errors.ts";
import { getUnit } from "../repositories/unit-repository.ts";
import { params } from "../validation.ts";
import { periodScope } from "./period-units.ts";
import { computeRanking } from "./ranking.ts";

/**
 * A unit's index, rank and field sub-indices over the years it has data (documented in
 * worker/README.md). A period counts when the unit has a submission or imported survey
 * scores in it; its row is the unit's own row of computeRanking (province-wide rank, `of` =
 * units in that ranking). For a unit formed by a merge, a period where it has no data but
 * its direct predecessors (unit_successors) do gives a "merge" row: the predecessors'
 * indices and field sub-indices averaged with the merge weights (as year over year does),
 * band from that mean, rank null.
 */
export interface HistoryYear {
  year: number;
  period: string;
  percent: number;
  band: string | null;
  rank: number | null;
  of: number;
  fields: Record<string, number | null>;
  basis: "own" | "merge";
  predecessors: { unit: string; unitName: string; weight: number; percent: number; rank: number }[];
}
export interface UnitHistory {
  unit: string;
  unitName: string;
  years: HistoryYear[];
}

const PERIODS_SQL = `SELECT DISTINCT d.period_id, d.unit_id FROM (
    SELECT period_id, unit_id FROM submissions WHERE unit_id IN (SELECT value FROM json_each(?1))
    UNION SELECT period_id, unit_id FROM survey_scores WHERE unit_id IN (SELECT value FROM json_each(?1))) d`;

export async function unitHistory(db: D1Database, unit: { id: string; name: string }, now: Date): Promise<UnitHistory> {
  const { results: links } = await db
    .prepare("SELECT l.predecessor_id AS id, l.weight, u.name FROM unit_successors l JOIN units u ON u.id = l.predecessor_id WHERE l.successor_id = ?1 ORDER BY l.predecessor_id")
    .bind(unit.id)
    .all<{ id: string; weight: number; name: string }>();
  const ids = [unit.id, ...links.map((l) => l.id)];
  const { results: rows } = await db.prepare(PERIODS_SQL).bind(JSON.stringify(ids)).all<{ period_id: string; unit_id: string }>();
  const withData = new Map<string, Set<string>>();
  for (const r of rows) withData.set(r.period_id, (withData.get(r.period_id) ?? new Set()).add(r.unit_id));
  const years: HistoryYear[] = [];
  for (const [periodId, has] of withData) {
    const ranking = await computeRanking(db, periodId, { now, withPrevious: false });
    const byUnit = new Map(ranking.items.map((i) => [i.unit, i]));
    const own = has.has(unit.id) ? byUnit.get(unit.id) : undefined;
    if (own) {
      years.push({ year: ranking.year, period: periodId, percent: own.percent, band: own.band, rank: own.rank, of: ranking.items.length, fields: own.fields, basis: "own", predecessors: [] });
      continue;
    }
    const preds = links.filter((l) => has.has(l.id) && byUnit.has(l.id)).map((l) => ({ ...l, entry: byUnit.get(l.id)! }));
    if (preds.length === 0) continue;
    const mean = (value: (p: (typeof preds)[number]) => number | null): number | null => {
      const known = preds.filter((p) => value(p) !== null);
      const w = known.reduce((a, p) => a + p.weight, 0);
      return known.length === 0 || w === 0 ? null : round2(known.reduce((a, p) => a + p.weight * value(p)!, 0) / w);
    };
    const percent = mean((p) => p.entry.percent) ?? 0;
    const { set } = await periodScope(db, periodId);
    const band = [...set.bands].sort((a, b) => b.min - a.min).find((b) => b.min <= percent)?.label ?? null;
    const fields = Object.fromEntries(ranking.fields.map((f) => [f.code, mean((p) => p.entry.fields[f.code] ?? null)]));
    years.push({
      year: ranking.year,
      period: periodId,
      percent,
      band,
      rank: null,
      of: ranking.items.length,
      fields,
      basis: "merge",
      predecessors: preds.map((p) => ({ unit: p.id, unitName: p.name, weight: p.weight, percent: p.entry.percent, rank: p.entry.rank })),
    });
  }
  years.sort((a, b) => a.year - b.year || a.period.localeCompare(b.period));
  return { unit: unit.id, unitName: unit.name, years };
}

/** GET /v1/units/:id/history — a unit token its own unit, a reviewer its subtree, the admin all; else 404. */
export async function unitHistoryRoute(c: Context<AppEnv>): Promise<Response> {
  const { id } = params(c, z.object({ id: IdSchema }));
  const unit = await getUnit(c.env.DB, id);
  if (!unit || !(await canAccessUnit(c.env.DB, c.get("principal"), id))) throw notFound("unit", id);
  return c.json(await unitHistory(c.env.DB, { id: unit.id, name: unit.name }, now(c)));
}
