import { combineVectors, fromCents, indexCriteria, planTarget, ReportSchema, toCents, type CriteriaSet, type Plan, type PlanTarget, type Report } from "../../../shared/index.ts";
import { periodScope } from "./period-units.ts";
import { rankingSnapshot } from "./ranking-snapshot.ts";
import { readUnitInputs } from "./ranking-units.ts";
import { rankedLeaves, type UnitInputs } from "./unit-result.ts";

/**
 * The target planner on the server (documented in worker/README.md): the engine's
 * planTarget on the unit's latest version as the ranking counts it — its stored report with
 * the survey import and, once the unit is appraised, the appraised scores put in, combined
 * by the engine (so the plan starts from the index the ranking shows). A rank target is
 * converted against the province-wide ranking of the period (its ranked units: a version
 * sent or survey scores, never a unit listed "chưa nộp" at 0 %); it reveals the index that rank
 * takes, so it is for reviewers (their subtree) and the admin only: a unit token may plan by
 * index (before the results are published, other units' scores are not its data).
 */
export async function planForUnit(db: D1Database, periodId: string, unitId: string, target: { percent?: number | undefined; rank?: number | undefined }, at: Date): Promise<{ period: string; unit: string; unitName: string; version: number; plan: Plan } | null> {
  const scope = await periodScope(db, periodId);
  const row = await db
    .prepare("SELECT s.version, s.report, u.name FROM submissions s JOIN units u ON u.id = s.unit_id WHERE s.period_id = ?1 AND s.unit_id = ?2 ORDER BY s.version DESC LIMIT 1")
    .bind(periodId, unitId)
    .first<{ version: number; report: string; name: string }>();
  const inputs = row ? (await readUnitInputs(db, periodId, indexCriteria(scope.set), [unitId])).get(unitId)?.inputs : undefined;
  if (!row || !inputs) return null;
  const report = rankedReport(ReportSchema.parse(JSON.parse(row.report)), scope.set, inputs);
  const others = target.rank === undefined ? [] : (await rankingSnapshot(db, periodId, at, { timeless: true })).rows.filter((r) => r.rank !== null).map((r) => ({ unit: r.unit, percent: r.percent }));
  const goal: PlanTarget = target.rank !== undefined ? { rank: target.rank, unit: unitId, ranking: others, ...(target.percent !== undefined ? { percent: target.percent } : {}) } : { percent: target.percent! };
  return { period: periodId, unit: unitId, unitName: row.name, version: row.version, plan: planTarget(report, scope.set, goal) };
}

/** The stored report with the scores the ranking counts (unit-result.ts) and the totals the engine combines from them. */
function rankedReport(report: Report, set: CriteriaSet, inputs: UnitInputs): Report {
  const index = indexCriteria(set);
  const { counted, surveyImported } = rankedLeaves(index, inputs);
  const { scores: combined, cents: combinedCents } = combineVectors(index, counted.cents, counted.excluded, { surveyImported });
  const items = report.items.map(({ scoreIfConditionMet, ...item }) => {
    const node = index.byCode.get(item.code);
    const raw = node && counted.present[node.index] ? counted.cents[node.index]! : toCents(scoreIfConditionMet ?? item.score);
    const cents = node ? combinedCents[node.index]! : toCents(item.score);
    // An item marked "không áp dụng" that the council appraised counts again (unit-result.ts).
    const notApplicable = node ? counted.excluded[node.index] === 1 : item.notApplicable;
    return cents === raw ? { ...item, notApplicable, score: fromCents(cents) } : { ...item, notApplicable, score: fromCents(cents), scoreIfConditionMet: fromCents(raw) };
  });
  return {
    ...report,
    items,
    total: combined.total,
    max: combined.max,
    percent: combined.percent,
    band: combined.band,
    selfAssessable: combined.selfAssessable,
    survey: { ...combined.survey, imported: surveyImported },
    fields: combined.fields,
  };
}
