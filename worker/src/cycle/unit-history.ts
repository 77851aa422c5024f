import { bandFor, codeTranslator, fromCents, indexCriteria, round2, type CriteriaSet, type HistoryYear, type UnitHistory } from "../../../shared/index.ts";
import { loadCriteriaSetVersion } from "../repositories/criteria-set-repository.ts";
import { periodScope, unitTypesOf, type PeriodScope } from "./period-units.ts";
import type { RankedUnit, RankingHead } from "./ranking.ts";
import { rankingSnapshot } from "./ranking-snapshot.ts";
import { effectiveItemsOf } from "./ranking-units.ts";
import type { EffectiveItem } from "./unit-result.ts";
import { chooseYearPeriod, settledSql } from "./year-over-year.ts";

/**
 * A unit's index, rank and field sub-indices over the years it has data (documented in
 * worker/README.md). One period a year for each unit: its year, the one year over year reads
 * (year-over-year.ts chooseYearPeriod: of the year's periods of its level, the one where its
 * result is final, else appraised, else the level's period — the one with the most units with
 * results — when it has a submission or imported survey scores there); its row is the unit's own row of that
 * period's ranking snapshot
 * (province-wide rank, `of` = units in that ranking). For a unit formed by a merge, a
 * period where it has no data but
 * its predecessors (unit_successors) do gives a "merge" row: the predecessors' indices and
 * field sub-indices averaged with the merge weights (as year over year does), band from
 * that mean, rank null. A predecessor itself formed by an earlier merge stands, where it has
 * no data of its own, on its own predecessors' mean (any number of generations; its rank
 * is then null).
 *
 * Across criteria-set versions, every code is given in the newest year's set: older codes
 * are carried forward through the `codeMap` of each newer set of that unit level, year by
 * year (shared/code-map.ts). A field's sub-index is the one published that year; when two
 * old fields map to one new field it is null (their published sub-indices cannot be
 * combined without their maxima). Criterion scores (`items`, own years only) are the
 * ranking's effective scores (appraised once appraised, survey imports), summed when several
 * old criteria map to one; criteria a year had that the newest set dropped are `unmapped`.
 */
const PERIODS_SQL = `SELECT DISTINCT d.period_id, d.unit_id FROM (
    SELECT period_id, unit_id FROM submissions WHERE unit_id IN (SELECT value FROM json_each(?1))
    UNION SELECT period_id, unit_id FROM survey_scores WHERE unit_id IN (SELECT value FROM json_each(?1))) d`;

/**
 * The periods with results of each year and level that one of the periods ?1 (JSON ids) is of,
 * in the level's order (year-over-year.ts: most units, later deadline, id; the level's period
 * first); ?2 the unit types of the commune level.
 */
const YEAR_PERIODS_SQL = `SELECT p.id, p.year, CASE WHEN cs.unit_type IN (SELECT value FROM json_each(?2)) THEN 'commune' ELSE cs.unit_type END AS level
  FROM periods p JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version
  WHERE EXISTS (SELECT 1 FROM ranking_units ru WHERE ru.period_id = p.id)
    AND EXISTS (SELECT 1 FROM periods d JOIN criteria_sets ds ON ds.id = d.criteria_set_id AND ds.version = d.criteria_set_version
      WHERE d.id IN (SELECT value FROM json_each(?1)) AND d.year = p.year
        AND CASE WHEN ds.unit_type IN (SELECT value FROM json_each(?2)) THEN 'commune' ELSE ds.unit_type END = CASE WHEN cs.unit_type IN (SELECT value FROM json_each(?2)) THEN 'commune' ELSE cs.unit_type END)
  ORDER BY p.year, level, (SELECT COUNT(*) FROM ranking_units ru WHERE ru.period_id = p.id) DESC, p.deadline DESC, p.id`;

/** The settled results (appraised or final) of units ?2 in periods ?1 (JSON ids): what chooseYearPeriod prefers. */
const SETTLED_SQL = `SELECT s.period_id, s.unit_id, s.settled FROM (SELECT ru.period_id, ru.unit_id, ${settledSql("ru.period_id", "ru.unit_id")} AS settled
  FROM ranking_units ru WHERE ru.period_id IN (SELECT value FROM json_each(?1)) AND ru.unit_id IN (SELECT value FROM json_each(?2))) s WHERE s.settled > 1`;

/** One set per year of a unit level, oldest first, for carrying codes forward (?1 JSON unit types, ?2 first year, ?3 last year). */
const LEVEL_SETS_SQL = `SELECT DISTINCT p.year, p.criteria_set_id AS id, p.criteria_set_version AS version
  FROM periods p JOIN criteria_sets cs ON cs.id = p.criteria_set_id AND cs.version = p.criteria_set_version
  WHERE cs.unit_type IN (SELECT value FROM json_each(?1)) AND p.year BETWEEN ?2 AND ?3 ORDER BY p.year, p.id`;

/** A unit's standing in one period: its own ranking row, or its predecessors' weighted mean. */
interface Standing {
  percent: number;
  rank: number | null;
  fields: Record<string, number | null>;
}
interface YearData {
  scope: PeriodScope;
  head: RankingHead;
  /** Units ranked in that period ("hạng 2/4"): a unit without data is listed there but not ranked. */
  of: number;
  own: RankedUnit | undefined;
  preds: { id: string; weight: number; name: string; standing: Standing }[];
}
interface Link {
  id: string;
  weight: number;
  name: string;
}

/** Weighted mean over the parts that have a value (null when none). */
function weightedMean<T extends { weight: number }>(parts: T[], value: (p: T) => number | null): number | null {
  const known = parts.filter((p) => value(p) !== null);
  const w = known.reduce((a, p) => a + p.weight, 0);
  return known.length === 0 || w === 0 ? null : round2(known.reduce((a, p) => a + p.weight * value(p)!, 0) / w);
}

/** Every generation of predecessors (a merge of merged units), each once. */
function ancestry(unitId: string, predsOf: Map<string, Link[]>): string[] {
  const seen = new Set([unitId]);
  const queue = [unitId];
  while (queue.length) for (const l of predsOf.get(queue.shift()!) ?? []) if (!seen.has(l.id)) (seen.add(l.id), queue.push(l.id));
  return [...seen];
}

const setKey = (s: { id: string; version: number }): string => `${s.id}@${s.version}`;

/** The sets of the unit level from `first` to the newest year, one per distinct set version, in year order. */
async function setChain(db: D1Database, years: YearData[]): Promise<{ chain: CriteriaSet[]; keys: string[] }> {
  const newest = years[years.length - 1]!.scope;
  const { results } = await db
    .prepare(LEVEL_SETS_SQL)
    .bind(JSON.stringify(unitTypesOf(newest.set.unitType)), years[0]!.scope.period.year, newest.period.year)
    .all<{ year: number; id: string; version: number }>();
  const keys: string[] = [];
  const refs = [...results, ...years.map((y) => ({ year: y.scope.period.year, ...y.scope.period.criteriaSet }))].sort((a, b) => a.year - b.year);
  const known = new Map(years.map((y) => [setKey(y.scope.period.criteriaSet), y.scope.set]));
  const chain: CriteriaSet[] = [];
  for (const ref of refs) {
    const key = setKey(ref);
    if (keys.includes(key)) continue;
    const set = known.get(key) ?? (await loadCriteriaSetVersion(db, ref.id, ref.version));
    if (!set) continue;
    keys.push(key);
    chain.push(set);
  }
  // The newest year's set must come last: codes are given in it.
  const last = setKey(newest.period.criteriaSet);
  const at = keys.indexOf(last);
  if (at !== keys.length - 1) {
    const [set] = chain.splice(at, 1);
    keys.splice(at, 1);
    chain.push(set!);
    keys.push(last);
  }
  return { chain, keys };
}

export async function unitHistory(db: D1Database, unit: { id: string; name: string }, now: Date): Promise<UnitHistory> {
  const { results: links } = await db
    .prepare("SELECT l.successor_id AS successor, l.predecessor_id AS id, l.weight, u.name FROM unit_successors l JOIN units u ON u.id = l.predecessor_id ORDER BY l.predecessor_id")
    .all<Link & { successor: string }>();
  const predsOf = new Map<string, Link[]>();
  for (const l of links) predsOf.set(l.successor, [...(predsOf.get(l.successor) ?? []), l]);
  const ids = ancestry(unit.id, predsOf);
  const related = new Set(ids);
  const { results: rows } = await db.prepare(PERIODS_SQL).bind(JSON.stringify(ids)).all<{ period_id: string; unit_id: string }>();
  const withData = new Map<string, Set<string>>();
  for (const r of rows) withData.set(r.period_id, (withData.get(r.period_id) ?? new Set()).add(r.unit_id));
  const periodIds = JSON.stringify([...withData.keys()]);
  const [listed, settledRead] = await db.batch([
    db.prepare(YEAR_PERIODS_SQL).bind(periodIds, JSON.stringify(unitTypesOf("commune"))),
    db.prepare(SETTLED_SQL).bind(periodIds, JSON.stringify(ids)),
  ]);
  const settled = new Map(((settledRead?.results ?? []) as { period_id: string; unit_id: string; settled: number }[]).map((r) => [`${r.period_id}\u0000${r.unit_id}`, r.settled]));
  // The periods of each year and level, in the level's order.
  const groups = new Map<string, string[]>();
  for (const r of (listed?.results ?? []) as { id: string; year: number; level: string }[]) groups.set(`${r.year}|${r.level}`, [...(groups.get(`${r.year}|${r.level}`) ?? []), r.id]);

  const snapshots = new Map<string, { scope: PeriodScope; head: RankingHead; of: number; byUnit: Map<string, RankedUnit> }>();
  const snapshotOf = async (periodId: string) => {
    const known = snapshots.get(periodId);
    if (known) return known;
    const snapshot = await rankingSnapshot(db, periodId, now, { timeless: true });
    const read = {
      scope: await periodScope(db, periodId),
      head: snapshot.head,
      of: snapshot.rows.filter((r) => r.rank !== null).length,
      byUnit: new Map(snapshot.rows.filter((r) => related.has(r.unit)).map((r) => [r.unit, JSON.parse(r.item) as RankedUnit])),
    };
    snapshots.set(periodId, read);
    return read;
  };
  const years: YearData[] = [];
  for (const candidates of groups.values()) {
    // Each unit (the one asked for and its predecessors) is read in its year of this level.
    const yearOf = new Map<string, RankedUnit>();
    let ownPeriod: string | null = null;
    for (const id of ids) {
      const chosen = chooseYearPeriod(candidates, (p) => withData.get(p)?.has(id) === true, (p) => settled.get(`${p}\u0000${id}`) ?? 1);
      const entry = chosen ? (await snapshotOf(chosen)).byUnit.get(id) : undefined;
      if (entry) yearOf.set(id, entry);
      if (entry && id === unit.id) ownPeriod = chosen;
    }
    // A unit stands on its own row where it has data, else on its predecessors' (recursively).
    const standing = (id: string, path: Set<string>): Standing | null => {
      const entry = yearOf.get(id);
      if (entry) return { percent: entry.percent, rank: entry.rank, fields: entry.fields };
      const parts = predsOf.get(id) ?? [];
      const known = parts.filter((l) => !path.has(l.id)).map((l) => ({ ...l, standing: standing(l.id, new Set([...path, l.id])) })).filter((p): p is typeof p & { standing: Standing } => p.standing !== null);
      if (known.length === 0) return null;
      const codes = new Set(known.flatMap((p) => Object.keys(p.standing.fields)));
      return {
        percent: weightedMean(known, (p) => p.standing.percent) ?? 0,
        rank: null,
        fields: Object.fromEntries([...codes].map((c) => [c, weightedMean(known, (p) => p.standing.fields[c] ?? null)])),
      };
    };
    const own = yearOf.get(unit.id);
    const preds = own ? [] : (predsOf.get(unit.id) ?? []).map((l) => ({ ...l, standing: standing(l.id, new Set([unit.id, l.id])) })).filter((p): p is YearData["preds"][number] => p.standing !== null);
    if (!own && preds.length === 0) continue;
    // Its own year's period; for a merge row, the level's period of the year among those read.
    const at = ownPeriod ?? candidates.find((p) => snapshots.has(p))!;
    const read = await snapshotOf(at);
    years.push({ scope: read.scope, head: read.head, of: read.of, own, preds });
  }
  years.sort((a, b) => a.scope.period.year - b.scope.period.year || a.scope.period.id.localeCompare(b.scope.period.id));
  if (years.length === 0) return { unit: unit.id, unitName: unit.name, criteriaSet: null, fields: [], criteria: [], years: [] };

  const newest = years[years.length - 1]!;
  const reference = indexCriteria(newest.scope.set);
  const { chain, keys } = await setChain(db, years);
  const carry = codeTranslator(chain);
  const itemRows = await ownItemScores(db, unit.id, years);
  const refFields = newest.head.fields.filter((f) => !reference.byCode.get(f.code)?.inAdjustment);

  const out: HistoryYear[] = years.map((y, n) => {
    const at = keys.indexOf(setKey(y.scope.period.criteriaSet));
    // A set outside the level's chain (another unit level) is compared code for code.
    const forward = at >= 0 ? (code: string) => carry(at, code) : codeTranslator([y.scope.set, newest.scope.set]).bind(null, 0);
    const old = indexCriteria(y.scope.set);
    const fieldsOf = (values: (code: string) => number | null): Record<string, number | null> => {
      const sources = new Map<string, string[]>();
      for (const f of old.fields) {
        const to = forward(f.code);
        if (to !== null && reference.byCode.get(to)?.parent === null) sources.set(to, [...(sources.get(to) ?? []), f.code]);
      }
      return Object.fromEntries(refFields.map((f) => {
        const from = sources.get(f.code) ?? [];
        return [f.code, from.length === 1 ? values(from[0]!) : null];
      }));
    };
    const unmapped = old.leaves.filter((l) => !l.inAdjustment && forward(l.code) === null).map((l) => l.code);
    const base = { year: y.scope.period.year, period: y.scope.period.id, criteriaSet: y.scope.period.criteriaSet, of: y.of, unmapped };
    if (y.own) {
      const items: Record<string, { score: number; max: number }> = {};
      const cents = new Map<string, { score: number; max: number }>();
      for (const [code, score, max] of itemRows[n] ?? []) {
        const to = forward(code);
        if (to === null) continue;
        const sum = cents.get(to) ?? { score: 0, max: 0 };
        cents.set(to, { score: sum.score + score, max: sum.max + max });
      }
      for (const [code, c] of cents) items[code] = { score: fromCents(c.score), max: fromCents(c.max) };
      const own = y.own;
      return { ...base, percent: own.percent, band: own.band, rank: own.rank, fields: fieldsOf((code) => own.fields[code] ?? null), items, basis: "own", predecessors: [] };
    }
    const percent = weightedMean(y.preds, (p) => p.standing.percent) ?? 0;
    const band = bandFor(y.scope.set, percent);
    return {
      ...base,
      percent,
      band,
      rank: null,
      fields: fieldsOf((code) => weightedMean(y.preds, (p) => p.standing.fields[code] ?? null)),
      items: {},
      basis: "merge",
      predecessors: y.preds.map((p) => ({ unit: p.id, unitName: p.name, weight: p.weight, percent: p.standing.percent, rank: p.standing.rank })),
    };
  });

  return {
    unit: unit.id,
    unitName: unit.name,
    criteriaSet: newest.scope.period.criteriaSet,
    fields: refFields,
    criteria: reference.leaves.filter((l) => !l.inAdjustment).map((l) => ({ code: l.code, title: l.title, field: l.field.code, max: l.item.max ?? 0 })),
    years: out,
  };
}

/** Effective criterion scores of the unit's own years ([] for merge years), as the ranking counted them. */
async function ownItemScores(db: D1Database, unitId: string, years: YearData[]): Promise<EffectiveItem[][]> {
  const out: EffectiveItem[][] = [];
  for (const [n, y] of years.entries()) {
    if (y.own?.submitted) out[n] = (await effectiveItemsOf(db, y.scope.period.id, y.scope.set, [unitId])).get(unitId) ?? [];
  }
  return out;
}
