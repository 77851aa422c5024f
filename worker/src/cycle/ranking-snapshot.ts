import { indexCriteria } from "../../../shared/index.ts";
import { isolateCache } from "../isolate-caches.ts";
import { unknownCursor, wholeOf } from "../cursor.ts";
import { ApiError } from "../errors.ts";
import type { Period } from "../api-schemas.ts";
import { toPeriod } from "../repositories/period-repository.ts";
import { periodScope, scopeOfPeriod, type PeriodScope } from "./period-units.ts";
import { assembleRanking, assemblyBinds, hasData, isStale, ASSEMBLY_SQL, type AssemblyRow, type RankedUnit, type RankingHead } from "./ranking.ts";
import { computeStaleResults, dirtyStatement, type InputRow } from "./ranking-units.ts";
import { unitResult } from "./unit-result.ts";
import { previousYear, previousYearStatements, yearGenerationsSql, yearPeriodSql } from "./year-over-year.ts";

/**
 * The stored ranking of a period (migration 0008): what every ranking read, export, history,
 * trend, analysis and plan serve, so a read is one batch instead of a computation.
 *
 * It is served only while it is exactly what a fresh build would give (never a stale answer):
 *   - built at the period's current generation (triggers bump it on every write to its units'
 *     versions, appraisals, review steps, survey scores and deadlines);
 *   - at the current structure generation (units, merges, baselines, periods);
 *   - with last year's ranking at the generation it was read at (year over year), and last
 *     year's period still the one it was built with (the one with the most results);
 *   - and `now` inside the span where its "on time" answers hold (a deadline of a unit yet to
 *     submit passing turns its null into false).
 * Otherwise it is built again: stale units are computed (ranking-units.ts), the units ranked
 * (ranking.ts), and the result stored in one batch that writes only if the period's
 * generation has not moved since its rows were read. Each isolate keeps the last snapshots it
 * read in memory, used only while D1's description of the stored one is unchanged.
 */
export interface SnapshotRow {
  unit: string;
  /** null: a unit without data, listed after the ranked ones (ranking.ts). */
  rank: number | null;
  percent: number;
  band: string | null;
  submitted: boolean;
  /** The unit has a result of its own: a version sent or survey scores (hasData: it is ranked; year over year, unit history). */
  result: boolean;
  /** The ranked unit, as JSON. */
  item: string;
}

export interface RankingSnapshot {
  head: RankingHead;
  /** The period's generation this ranking reflects. */
  generation: number;
  rows: SnapshotRow[];
}

interface Meta {
  generation: number;
  built: number | null;
  structure: number | null;
  prior_period_id: string | null;
  prior_generation: number | null;
  valid_after: number | null;
  valid_until: number | null;
  head: string | null;
  structure_now: number;
  /** The generations of last year's periods with results, summed (year-over-year.ts: a unit's year may be any of them). */
  prior_now: number | null;
  /** Last year's period as it is now (year-over-year.ts, yearPeriodSql): another than the one built with makes the snapshot stale. */
  prior_choice: string | null;
  /** The period's own row (periods), so that a build needs no query of its own for it; null columns when the period is gone. */
  period_id: string;
  year: number | null;
  criteria_set_id: string | null;
  criteria_set_version: number | null;
  deadline: string | null;
  locked: number | null;
}

/** The description of the period `which` (an SQL expression) names. */
const metaSql = (which: string): string => `SELECT r.generation, r.built, r.structure, r.prior_period_id, r.prior_generation, r.valid_after, r.valid_until, r.head,
  (SELECT generation FROM ranking_structure WHERE id = 1) AS structure_now,
  ${yearGenerationsSql("p.year - 1", "ps.unit_type")} AS prior_now,
  ${yearPeriodSql("p.year - 1", "ps.unit_type")} AS prior_choice,
  r.period_id, p.year, p.criteria_set_id, p.criteria_set_version, p.deadline, p.locked
FROM ranking_periods r LEFT JOIN periods p ON p.id = r.period_id
  LEFT JOIN criteria_sets ps ON ps.id = p.criteria_set_id AND ps.version = p.criteria_set_version
WHERE r.period_id = ${which}`;
const META_SQL = metaSql("?1");
/**
 * The description of last year's period of a level (?1 the year, ?2 a unit type of the level;
 * year-over-year.ts, yearPeriodSql): read in a build's own batch, so that last year's ranking,
 * when this isolate holds it, is served without a round trip of its own (a build after one
 * write was five round trips with the token's, now four: ~3 ms of CPU less at 500 units under
 * wrangler dev, whose inspector proxy logs every subrequest).
 */
const PRIOR_META_SQL = metaSql(yearPeriodSql("?1", "?2"));

/** The stored chunks, read in the same transaction as the description; none unless built at the current generation. */
const ROWS_SQL = `SELECT items FROM ranking_snapshot_chunks
  WHERE period_id = ?1 AND EXISTS (SELECT 1 FROM ranking_periods r WHERE r.period_id = ?1 AND r.built = r.generation) ORDER BY chunk`;

/** `timeless`: the caller reads ranks and indices only, which no deadline changes. */
function servable(m: Meta | undefined, now: Date, timeless: boolean): m is Meta & { head: string; built: number } {
  if (!m || m.head === null || m.built !== m.generation || m.structure !== m.structure_now) return false;
  if (m.prior_period_id !== null && m.prior_generation !== m.prior_now) return false;
  // Another period of last year has come to have more results: it is last year's now.
  if (m.prior_choice !== m.prior_period_id) return false;
  const t = now.getTime();
  return timeless || ((m.valid_after === null || t > m.valid_after) && (m.valid_until === null || t <= m.valid_until));
}

/**
 * Per isolate, the snapshots last read or built, by period: a read whose description in D1 is
 * the same (same generations, same span of validity — so the same stored rows) takes them from
 * memory and reads only the description. The two periods used last: a 20,000-unit ranking is
 * ~11 MB.
 */
const CACHED_PERIODS = 2;
const cache = isolateCache<string, { key: string; snapshot: RankingSnapshot }>();
type Described = Pick<Meta, "built" | "structure" | "prior_period_id" | "prior_generation" | "valid_after" | "valid_until">;
const keyOf = (m: Described): string => JSON.stringify([m.built, m.structure, m.prior_period_id, m.prior_generation, m.valid_after, m.valid_until]);

function remember(periodId: string, key: string, snapshot: RankingSnapshot): RankingSnapshot {
  cache.delete(periodId);
  cache.set(periodId, { key, snapshot });
  for (const oldest of cache.keys()) if (cache.size > CACHED_PERIODS) cache.delete(oldest);
  return snapshot;
}

/** The period's ranking, from its snapshot when that is current, else built and stored. 404 when the period does not exist. */
export async function rankingSnapshot(db: D1Database, periodId: string, now: Date, opts: { timeless?: boolean; wait?: boolean; described?: Meta } = {}): Promise<RankingSnapshot> {
  const timeless = opts.timeless === true;
  const build = (m?: Meta) => buildOnce(db, periodId, now, timeless, opts.wait !== false, m ? periodOfMeta(m) : null);
  const cached = cache.get(periodId);
  if (cached) {
    // A copy in memory: only the description is read (or was, in the caller's batch), and the copy is used if it describes it.
    const m = opts.described ?? (await db.prepare(META_SQL).bind(periodId).first<Meta>()) ?? undefined;
    if (servable(m, now, timeless) && keyOf(m) === cached.key) return remember(periodId, cached.key, cached.snapshot);
    // Nothing stored to serve (a write since): built now, without reading the description again.
    if (m && !servable(m, now, timeless)) return build(m);
  }
  const [described, stored] = await db.batch([db.prepare(META_SQL).bind(periodId), db.prepare(ROWS_SQL).bind(periodId)]);
  const m = described?.results[0] as Meta | undefined;
  if (!servable(m, now, timeless)) return build(m);
  const rows = ((stored?.results ?? []) as { items: string }[]).flatMap((c) => (JSON.parse(c.items) as RankedUnit[]).map(rowOf));
  return remember(periodId, keyOf(m), { head: JSON.parse(m.head) as RankingHead, generation: m.built, rows });
}

/** Builds in progress in this isolate, by period, with when each began. */
const building = isolateCache<string, { began: number; build: Promise<RankingSnapshot> }>();

/**
 * How long a reader waits for another request's build before making its own. A request
 * cancelled mid-build (its client gone) may leave its build never settling; past this, the
 * entry is ignored and replaced. Builds of 20,000 units take 2–4 s here. (Tests shorten it.)
 */
export const BUILD_WAIT = { ms: 8_000 };

/**
 * A build, or the one already in progress for the period: readers that arrive together (the
 * first reads after a burst of writes) wait for one build instead of each making its own.
 * A reader that waited then checks D1's description as any read does and is served the build
 * only if nothing was written since it began (else it builds, without waiting again).
 */
function buildOnce(db: D1Database, periodId: string, now: Date, timeless: boolean, wait: boolean, period: Period | null): Promise<RankingSnapshot> {
  const running = building.get(periodId);
  const left = running ? running.began + BUILD_WAIT.ms - Date.now() : 0;
  if (running && wait && left > 0) {
    const waited = new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, left);
      const settled = () => (clearTimeout(timer), resolve());
      running.build.then(settled, settled);
    });
    return waited.then(() => rankingSnapshot(db, periodId, now, { timeless, wait: false }));
  }
  // The period as the description read it: one round trip less (~5 ms of CPU under wrangler dev);
  // what of it can change (the deadline) the build reads again in its own batch (ASSEMBLY_SQL).
  const build = (async () => buildSnapshot(db, await (period ? scopeOfPeriod(db, period) : periodScope(db, periodId)), now))().finally(() => {
    if (building.get(periodId)?.build === build) building.delete(periodId);
  });
  building.set(periodId, { began: Date.now(), build });
  return build;
}

/** The period's row as the description carries it; null when the period is gone (periodScope then answers 404). */
const periodOfMeta = (m: Meta): Period | null =>
  m.year === null || m.criteria_set_id === null || m.criteria_set_version === null || m.deadline === null || m.locked === null
    ? null
    : toPeriod({ id: m.period_id, year: m.year, criteria_set_id: m.criteria_set_id, criteria_set_version: m.criteria_set_version, deadline: m.deadline, locked: m.locked });

/** Builds the period's ranking from its units' results and stores it (the "ranking computation"). */
export async function buildSnapshot(db: D1Database, scope: PeriodScope, now: Date): Promise<RankingSnapshot> {
  const periodId = scope.period.id;
  const [state, units, dirty, priorDescribed, ...lastYear] = await db.batch([
    db
      .prepare(
        `SELECT COALESCE((SELECT generation FROM ranking_periods WHERE period_id = ?1), 0) AS generation, (SELECT generation FROM ranking_structure WHERE id = 1) AS structure,
           EXISTS (SELECT 1 FROM survey_scores WHERE period_id = ?1) AS surveyed`,
      )
      .bind(periodId),
    db.prepare(ASSEMBLY_SQL).bind(...assemblyBinds(scope)),
    dirtyStatement(db, periodId, scope.set),
    db.prepare(PRIOR_META_SQL).bind(scope.period.year - 1, scope.set.unitType),
    ...previousYearStatements(db, scope),
  ]);
  const priorMeta = priorDescribed?.results[0] as Meta | undefined;
  const { generation, structure, surveyed } = state!.results[0] as { generation: number; structure: number; surveyed: number };
  const rows = (units?.results ?? []) as unknown as AssemblyRow[];
  const stale = rows.filter(isStale).map((r) => r.id);
  const { results: fresh, writes } = await computeStaleResults(db, periodId, scope.set, stale, (dirty?.results ?? []) as InputRow[]);
  const none = unitResult(indexCriteria(scope.set), { leaves: null, appraised: new Map(), survey: new Map(), periodSurveyed: surveyed === 1, status: "not_submitted" });
  const prior = await previousYear(lastYear, async (id) => {
    // Last year's description as this batch read it, when it is of that period (the level's, as previousYear's first candidate).
    const last = await rankingSnapshot(db, id, now, { timeless: true, ...(priorMeta?.period_id === id ? { described: priorMeta } : {}) });
    return { generation: last.generation, items: last.rows };
  });
  const { ranking, validity } = assembleRanking(scope, rows, fresh, none, prior, now);
  const { items, ...head } = ranking;
  const snapshot: RankingSnapshot = { head, generation, rows: items.map(rowOf) };
  const described: Described = { built: generation, structure, prior_period_id: prior?.periodId ?? null, prior_generation: prior?.generation ?? null, valid_after: validity.after, valid_until: validity.until };
  // The stale units' results (a chunk or less) are stored in the same batch as the ranking.
  await db.batch([...writes, ...storeStatements(db, snapshot, described)]);
  // Kept even if a write overtook the build: no description in D1 will ever match it then.
  return remember(periodId, keyOf(described), snapshot);
}

const rowOf = (item: RankedUnit): SnapshotRow => ({
  unit: item.unit,
  rank: item.rank,
  percent: item.percent,
  band: item.band,
  submitted: item.submitted,
  result: hasData(item),
  item: JSON.stringify(item),
});

/** Ranked units per stored row: a few hundred kB, far under D1's 2 MB a row. */
const STORE_CHUNK = 500;
const CURRENT = "EXISTS (SELECT 1 FROM ranking_periods WHERE period_id = ?1 AND generation = ?2)";

/** One batch: the old chunks out, the new chunks and the description in, all only if the generation is still the one built. */
function storeStatements(db: D1Database, s: RankingSnapshot, d: Described): D1PreparedStatement[] {
  const period = s.head.period;
  const out = [db.prepare(`DELETE FROM ranking_snapshot_chunks WHERE period_id = ?1 AND ${CURRENT}`).bind(period, s.generation)];
  for (let at = 0; at < s.rows.length; at += STORE_CHUNK) {
    // The items are JSON already: joined, not serialised again.
    const items = `[${s.rows.slice(at, at + STORE_CHUNK).map((r) => r.item).join(",")}]`;
    out.push(db.prepare(`INSERT INTO ranking_snapshot_chunks (period_id, chunk, items) SELECT ?1, ?3, ?4 WHERE ${CURRENT}`).bind(period, s.generation, at / STORE_CHUNK, items));
  }
  out.push(
    db
      .prepare(
        `UPDATE ranking_periods SET built = ?2, structure = ?3, prior_period_id = ?4, prior_generation = ?5, valid_after = ?6, valid_until = ?7, head = ?8
         WHERE period_id = ?1 AND generation = ?2`,
      )
      .bind(period, s.generation, d.structure, d.prior_period_id, d.prior_generation, d.valid_after, d.valid_until, JSON.stringify(s.head)),
  );
  return out;
}

/** The rows of the units in `visible` (null: all), with the band counts over those rows. */
export function visibleRows(s: RankingSnapshot, visible: ReadonlySet<string> | null): RankingSnapshot {
  if (visible === null) return s;
  const rows = s.rows.filter((r) => visible.has(r.unit));
  // A view that holds every row (the province's reviewer) is the ranking itself: served as the admin's, from its kept gzip.
  if (rows.length === s.rows.length) return s;
  const bandCounts = s.head.bandCounts.map((b) => ({ band: b.band, count: rows.filter((r) => r.band === b.band).length }));
  return { ...s, head: { ...s.head, bandCounts }, rows };
}

/**
 * A page's cursor, "<unit>@<rank>@<mark>": the page's last entry (its rank "-" when it has none:
 * a unit without data, listed after the ranked ones) and the mark of the ranking it
 * was cut from — a digest of that ranking as the caller sees it (its head and every visible
 * row). A page after it is served only from that same ranking: if it changed since (a new
 * version, an appraisal, a deadline passing, a unit leaving the caller's view — anything that
 * changes a row or the order), the next page is 409 RANKING_CHANGED and the client starts again
 * from the first page. Following the old ranking's cursor into the new one had silently
 * dropped a unit that moved above the cursor between two pages (red team round 4, finding 1).
 * Old snapshots are not kept to serve their pages: a walk is a few requests, and writes that
 * change a ranking after its deadline are few. `mark` null: the form given before marks
 * existed ("<unit>@<rank>"), whose ranking is unknown — started again too.
 */
export interface RankingCursor {
  unit: string;
  rank: number | null;
  mark: string | null;
}

/** The rank part of a cursor after an unranked unit. */
const NO_RANK = "-";
const UNIT_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** 16 bytes of SHA-256, base64url. */
const MARK = /^[A-Za-z0-9_-]{22}$/;

/** A ranking cursor as this API writes it; 400 (unknownCursor) for anything else. */
export function parseRankingCursor(cursor: string): RankingCursor {
  const parts = cursor.split("@");
  const [unit, rankText, mark] = parts;
  const rank = rankText === NO_RANK ? null : wholeOf(rankText ?? "");
  if (parts.length > 3 || !UNIT_ID.test(unit ?? "") || (rank === null && rankText !== NO_RANK) || (mark !== undefined && !MARK.test(mark))) throw unknownCursor();
  return { unit: unit!, rank, mark: mark ?? null };
}

export const rankingChanged = (): ApiError =>
  new ApiError(
    409,
    "RANKING_CHANGED",
    "Bảng xếp hạng đã thay đổi sau khi trang trước được lấy (có dữ liệu mới); hãy đọc lại từ trang đầu / the ranking changed since the previous page was read; start again from the first page",
  );

/** The whole ranking's JSON (head and every row of `s`), made once per snapshot: the usual read, and what its mark digests. */
function wholeBody(s: RankingSnapshot): Uint8Array {
  let body = wholeBodies.get(s);
  if (!body) wholeBodies.set(s, (body = pageBody(s, s.rows, null)));
  return body;
}

const marks = new WeakMap<RankingSnapshot, Promise<string>>();

/** The ranking's mark (RankingCursor): the same for the same ranking in any isolate, whatever build or generation served it. */
function markOf(s: RankingSnapshot): Promise<string> {
  let mark = marks.get(s);
  if (!mark) {
    mark = crypto.subtle.digest("SHA-256", wholeBody(s)).then((d) => btoa(String.fromCharCode(...new Uint8Array(d).subarray(0, 16))).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, ""));
    marks.set(s, mark);
  }
  return mark;
}

/**
 * One page of the JSON ranking, `limit` rows after `after`, sliced from the stored snapshot
 * (never ranked again per page): { ...head, "items": [...], "nextCursor" }. The head — band
 * counts included — is the whole ranking's (of `s`'s rows) on every page and each item keeps
 * its rank in the whole ranking; the stored items go out as they are. `nextCursor` is null on
 * the last page. A cursor of another ranking → 409 RANKING_CHANGED; one naming no row of this
 * ranking at its rank (not one this API gave) → 400.
 */
export async function rankingPageJson(s: RankingSnapshot, page: { limit: number; after?: RankingCursor | undefined }): Promise<Uint8Array> {
  let from = 0;
  if (page.after) {
    if (page.after.mark !== (await markOf(s))) throw rankingChanged();
    const at = s.rows.findIndex((r) => r.unit === page.after!.unit);
    if (at < 0 || s.rows[at]!.rank !== page.after.rank) throw unknownCursor();
    from = at + 1;
  }
  // The whole ranking (no ?limit, the usual read) is encoded once per snapshot, as before paging:
  // re-joining 5,000 rows per request had tripled the read's p99 under load.
  if (from === 0 && page.limit >= s.rows.length) return wholeBody(s);
  const rows = s.rows.slice(from, from + page.limit);
  const last = rows.at(-1);
  const nextCursor = last && from + rows.length < s.rows.length ? `${last.unit}@${last.rank ?? NO_RANK}@${await markOf(s)}` : null;
  return pageBody(s, rows, nextCursor);
}

const wholeBodies = new WeakMap<RankingSnapshot, Uint8Array>();

/**
 * The whole ranking's JSON gzipped, made once per snapshot beside `wholeBody`: what a client
 * that accepts gzip (every browser, Excel's web view, Node's fetch) is sent in place of the
 * 2.5 MB of JSON that 5,000 units make, a small part of it (issue 17). A coding that failed is
 * not kept: the next read codes again.
 */
export function wholeRankingGzip(s: RankingSnapshot): Promise<Uint8Array> {
  let gz = wholeGzips.get(s);
  if (!gz) {
    gz = new Response(new Blob([wholeBody(s)]).stream().pipeThrough(new CompressionStream("gzip"))).arrayBuffer().then(
      (b) => new Uint8Array(b),
      (error: unknown) => {
        wholeGzips.delete(s);
        throw error;
      },
    );
    wholeGzips.set(s, gz);
  }
  return gz;
}

const wholeGzips = new WeakMap<RankingSnapshot, Promise<Uint8Array>>();

const pageBody = (s: RankingSnapshot, rows: readonly SnapshotRow[], nextCursor: string | null): Uint8Array =>
  new TextEncoder().encode(`${JSON.stringify(s.head).slice(0, -1)},"items":[${rows.map((r) => r.item).join(",")}],"nextCursor":${JSON.stringify(nextCursor)}}`);

/** The ranked units themselves (parsed; for exports and views that read their fields). */
export const rankedUnits = (s: RankingSnapshot): RankedUnit[] => s.rows.map((r) => JSON.parse(r.item) as RankedUnit);
