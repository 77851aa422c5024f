import { indexCriteria, type CriteriaIndex, type CriteriaSet, type Report } from "../../../shared/index.ts";
import { currentStatusSql } from "./review-repository.ts";
import type { ReviewStatus } from "./review-workflow.ts";
import { storedEntry } from "./stored-entry.ts";
import { effectiveItems, emptyLeafInputs, leavesOfReport, unitResult, type EffectiveItem, type ItemCents, type LeafInputs, type UnitInputs, type UnitResult } from "./unit-result.ts";

/**
 * The per-unit rows of the ranking snapshot (ranking_units, migration 0008). Triggers mark a
 * unit to compute again (rev > computed_rev) on every write to its inputs; its result is then
 * computed here, either in the submission's own batch or when a ranking is next built. A
 * result is written only where the unit's rev is still the one its inputs were read at, so
 * a write that lands in between leaves the unit marked, never overwritten with older data.
 */

/** Units read or written per statement: one row of ~100 leaves each, well under D1's limits. (Tests lower it.) */
export const UNITS_PER_STATEMENT = { n: 200 };

/** A result as one JSON row of the write-back statement (the entry by position: stored-entry.ts). */
const resultRow = (index: CriteriaIndex, unitId: string, rev: number, r: UnitResult) => [unitId, rev, r.percent, r.band, r.status, storedEntry(index, r.entry), JSON.stringify(r.itemCents)];

/**
 * The unit's result from the version being stored, in the submission's own batch: when the
 * unit has no appraisal yet and the period no survey score (the first months of a cycle), its
 * result is the report's own leaves combined (a survey of any unit decides the rescale, §6). The statement checks that inside the batch; otherwise it
 * writes nothing and the unit stays marked for the next build.
 */
export function submittedResultStatement(db: D1Database, submissionId: string, report: Report, set: CriteriaSet): D1PreparedStatement {
  const index = indexCriteria(set);
  const result = unitResult(index, { leaves: leavesOfReport(index, report), appraised: new Map(), survey: new Map(), periodSurveyed: false, status: "submitted" });
  const [, , percent, band, status, entry, items] = resultRow(index, "", 0, result);
  return db
    .prepare(
      `UPDATE ranking_units SET percent = ?2, band = ?3, status = ?4, entry = ?5, items = ?6, computed_rev = rev,
         first_at = (SELECT MIN(created_at) FROM submissions f WHERE f.period_id = ranking_units.period_id AND f.unit_id = ranking_units.unit_id)
       FROM submissions s
       WHERE s.id = ?1 AND ranking_units.period_id = s.period_id AND ranking_units.unit_id = s.unit_id
         AND NOT EXISTS (SELECT 1 FROM review_events e WHERE e.period_id = s.period_id AND e.unit_id = s.unit_id)
         AND NOT EXISTS (SELECT 1 FROM survey_scores v WHERE v.period_id = s.period_id)`,
    )
    .bind(submissionId, percent, band, status, entry, items);
}

/**
 * Everything a unit's result depends on, read in one statement per chunk of units. ?1 period,
 * ?2 JSON array of unit ids, ?3 the set's leaf codes as the text below lists them
 * (setCodesText). The leaves of the latest version come as one text each, made in one pass
 * over its rows: the codes (separated by U+001F), U+001E, the cents (by commas, in the same
 * order), U+001E, the codes marked "không áp dụng" — units share the codes' text, so a chunk
 * of 200 units × 100 leaves is parsed without an array or a string per leaf. Where the codes
 * are exactly ?3 (a version with a row for every leaf of the set: nearly every unit) their
 * part is left empty, and any other codes part starts with U+001F: the codes were most of the
 * bytes a rebuild pulled across the D1 boundary (each U+001F six bytes in its JSON).
 */
const inputsSql = (which: string) => `SELECT r.unit_id, r.rev, ${currentStatusSql("r.unit_id", "?1")} AS status,
  (SELECT MAX(version) FROM submissions s WHERE s.period_id = ?1 AND s.unit_id = r.unit_id) AS version,
  (SELECT CASE WHEN g.codes IS ?3 THEN '' ELSE char(31) || g.codes END || char(30) || g.cents || char(30) || g.not_applicable
     FROM (SELECT group_concat(i.code, char(31)) AS codes, group_concat(COALESCE(i.raw_cents, i.score_cents), ',') AS cents,
                  COALESCE(group_concat(CASE WHEN i.not_applicable = 1 THEN i.code END, char(31)), '') AS not_applicable
           FROM submission_items i
           WHERE i.period_id = ?1 AND i.unit_id = r.unit_id
             AND i.version = (SELECT MAX(version) FROM submissions s WHERE s.period_id = ?1 AND s.unit_id = r.unit_id)) g) AS leaves,
  (SELECT json_group_array(json_array(a.code, a.score_cents)) FROM appraisal_items a WHERE a.period_id = ?1 AND a.unit_id = r.unit_id) AS appraised,
  (SELECT json_group_array(json_array(v.code, v.score_cents)) FROM survey_scores v WHERE v.period_id = ?1 AND v.unit_id = r.unit_id) AS survey,
  EXISTS (SELECT 1 FROM survey_scores v WHERE v.period_id = ?1) AS surveyed
FROM ranking_units r WHERE r.period_id = ?1 AND ${which}`;
const INPUTS_SQL = inputsSql("r.unit_id IN (SELECT value FROM json_each(?2))");
/** The units marked to compute again (the partial index ranking_units_dirty), one more than a chunk: a build's first batch reads them. */
const DIRTY_INPUTS_SQL = inputsSql("r.computed_rev < r.rev LIMIT ?2");

export interface InputRow {
  unit_id: string;
  rev: number;
  status: ReviewStatus;
  version: number | null;
  leaves: string | null;
  appraised: string;
  survey: string;
  /** 1 when any unit of the period has a survey score. */
  surveyed: number;
}

/**
 * The results of a chunk of units (?2: JSON rows of resultRow), each written only where the
 * unit's rev is still the one its inputs were read at. An upsert, so that the JSON rows drive
 * the statement and each finds its unit by primary key.
 */
const WRITE_SQL = `INSERT INTO ranking_units (period_id, unit_id, rev, computed_rev, percent, band, status, entry, items, first_at)
  SELECT ?1, j.value ->> '$[0]', j.value ->> '$[1]', j.value ->> '$[1]', j.value ->> '$[2]', j.value ->> '$[3]', j.value ->> '$[4]', j.value ->> '$[5]', j.value ->> '$[6]',
    (SELECT MIN(created_at) FROM submissions f WHERE f.period_id = ?1 AND f.unit_id = j.value ->> '$[0]')
  FROM json_each(?2) j WHERE true
  ON CONFLICT (period_id, unit_id) DO UPDATE SET percent = excluded.percent, band = excluded.band, status = excluded.status, entry = excluded.entry,
    items = excluded.items, first_at = excluded.first_at, computed_rev = excluded.computed_rev
  WHERE ranking_units.rev = excluded.rev`;

/**
 * The set's leaf codes joined as INPUTS_SQL joins a version's codes: in the order of the
 * covering index, SQLite's BINARY order, which `<` on strings matches (codes are dotted
 * numbers, CriteriaSetSchema; were they not to match, the codes would be read, as before).
 */
const setCodes = new WeakMap<CriteriaIndex, string>();
export function setCodesText(index: CriteriaIndex): string {
  let text = setCodes.get(index);
  if (text === undefined) setCodes.set(index, (text = index.leaves.map((leaf) => leaf.code).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)).join("\x1f")));
  return text;
}

/** Reads the leaves' texts of INPUTS_SQL; the node index of each position is kept while units share their codes' text. */
class LeavesReader {
  private codes: string | null = null;
  private positions: Int32Array = new Int32Array(0);

  constructor(private readonly index: CriteriaIndex) {}

  read(text: string | null): LeafInputs {
    const out = emptyLeafInputs(this.index);
    if (!text) return out;
    const [sent = "", cents = "", notApplicable = ""] = text.split("\x1e");
    // An empty codes part: the set's own codes (setCodesText); any other starts with U+001F.
    const codes = sent === "" ? setCodesText(this.index) : sent.slice(1);
    if (codes !== this.codes) {
      this.codes = codes;
      this.positions = Int32Array.from(codes.split("\x1f"), (code) => this.index.byCode.get(code)?.index ?? -1);
    }
    const values = JSON.parse(`[${cents}]`) as number[];
    for (let k = 0; k < values.length; k++) {
      const at = this.positions[k]!;
      if (at >= 0) (out.cents[at] = values[k]!), (out.present[at] = 1);
    }
    if (notApplicable) for (const code of notApplicable.split("\x1f")) {
      const node = this.index.byCode.get(code);
      if (node) out.excluded[node.index] = 1;
    }
    return out;
  }
}

const pairs = (json: string) => new Map(JSON.parse(json) as [string, number][]);

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

type UnitInputsRead = Map<string, { rev: number; inputs: UnitInputs }>;

/** Rows of INPUTS_SQL → each unit's inputs with the rev they were read at. */
function inputsOfRows(leaves: LeavesReader, rows: readonly InputRow[], into: UnitInputsRead = new Map()): UnitInputsRead {
  for (const row of rows) {
    const inputs: UnitInputs = { leaves: row.version === null ? null : leaves.read(row.leaves), appraised: pairs(row.appraised), survey: pairs(row.survey), periodSurveyed: row.surveyed === 1, status: row.status };
    into.set(row.unit_id, { rev: row.rev, inputs });
  }
  return into;
}

/** The inputs of each of `unitIds` that has data in the period, with the rev they were read at (one round trip per 1,000 units). */
export async function readUnitInputs(db: D1Database, periodId: string, index: CriteriaIndex, unitIds: readonly string[], leaves = new LeavesReader(index), into: UnitInputsRead = new Map()): Promise<UnitInputsRead> {
  for (const group of chunks(chunks(unitIds, UNITS_PER_STATEMENT.n), 5)) {
    const read = await db.batch<InputRow>(group.map((ids) => db.prepare(INPUTS_SQL).bind(periodId, JSON.stringify(ids), setCodesText(index))));
    for (const r of read) inputsOfRows(leaves, r.results, into);
  }
  return into;
}

/** Results computed from inputs, with the rows that store them (WRITE_SQL). */
interface Computed {
  results: Map<string, UnitResult>;
  rows: ReturnType<typeof resultRow>[];
}

function computeFrom(index: CriteriaIndex, read: UnitInputsRead): Computed {
  const results = new Map<string, UnitResult>();
  const rows: ReturnType<typeof resultRow>[] = [];
  for (const [unitId, { rev, inputs }] of read) {
    const result = unitResult(index, inputs);
    results.set(unitId, result);
    rows.push(resultRow(index, unitId, rev, result));
  }
  return { results, rows };
}

const writeStatements = (db: D1Database, periodId: string, rows: Computed["rows"]): D1PreparedStatement[] =>
  chunks(rows, UNITS_PER_STATEMENT.n).map((chunk) => db.prepare(WRITE_SQL).bind(periodId, JSON.stringify(chunk)));

/** Stored in batches of five statements (1,000 units). */
async function storeResults(db: D1Database, periodId: string, rows: Computed["rows"]): Promise<void> {
  for (const group of chunks(writeStatements(db, periodId, rows), 5)) await db.batch(group);
}

/**
 * Computes the results of `unitIds` from their inputs, stores each one whose rev has not
 * moved since, and returns them all (a build uses them even where a newer write won).
 */
export async function computeUnitResults(db: D1Database, periodId: string, set: CriteriaSet, unitIds: readonly string[]): Promise<Map<string, UnitResult>> {
  const index = indexCriteria(set);
  const { results, rows } = computeFrom(index, await readUnitInputs(db, periodId, index, unitIds));
  await storeResults(db, periodId, rows);
  return results;
}

/**
 * A build's unit results in fewer round trips: `dirtyStatement` rides in the build's first
 * batch and reads the inputs of up to a chunk of the units marked to compute again, in the
 * same transaction as the units it ranks; `computeStaleResults` reads only the stale units it did not
 * cover, and leaves the last batch of writes (up to five statements, 1,000 units) to the build's
 * store batch (`writes`, each still guarded by its unit's rev). After one write a build is then
 * three round trips, not five; a rebuild of 500 units four, not five (~5 ms of CPU a round trip
 * under wrangler dev).
 */
export const dirtyStatement = (db: D1Database, periodId: string, set: CriteriaSet): D1PreparedStatement =>
  db.prepare(DIRTY_INPUTS_SQL).bind(periodId, UNITS_PER_STATEMENT.n + 1, setCodesText(indexCriteria(set)));

export async function computeStaleResults(
  db: D1Database,
  periodId: string,
  set: CriteriaSet,
  stale: readonly string[],
  dirty: readonly InputRow[],
): Promise<{ results: Map<string, UnitResult>; writes: D1PreparedStatement[] }> {
  if (stale.length === 0) return { results: new Map(), writes: [] };
  const index = indexCriteria(set);
  const leaves = new LeavesReader(index);
  const read = inputsOfRows(leaves, dirty);
  const rest = stale.filter((id) => !read.has(id));
  if (rest.length > 0) await readUnitInputs(db, periodId, index, rest, leaves, read);
  const computed = computeFrom(index, read);
  // Stored in batches of five statements; the last of them rides with the ranking's store batch.
  const groups = chunks(writeStatements(db, periodId, computed.rows), 5);
  const last = groups.pop() ?? [];
  for (const group of groups) await db.batch(group);
  return { results: computed.results, writes: last };
}

/**
 * Effective leaf scores of the period's units (all, or those listed), as the ranking counts
 * them; units whose stored result is older than their inputs are computed first.
 */
export async function effectiveItemsOf(db: D1Database, periodId: string, set: CriteriaSet, unitIds: readonly string[] | null = null): Promise<Map<string, EffectiveItem[]>> {
  const { results } = await db
    .prepare("SELECT unit_id, rev, computed_rev, items FROM ranking_units WHERE period_id = ?1 AND (?2 IS NULL OR unit_id IN (SELECT value FROM json_each(?2)))")
    .bind(periodId, unitIds === null ? null : JSON.stringify(unitIds))
    .all<{ unit_id: string; rev: number; computed_rev: number; items: string | null }>();
  const stale = results.filter((r) => r.computed_rev < r.rev).map((r) => r.unit_id);
  const fresh = stale.length > 0 ? await computeUnitResults(db, periodId, set, stale) : new Map<string, UnitResult>();
  const index = indexCriteria(set);
  return new Map(results.map((r) => [r.unit_id, effectiveItems(index, fresh.get(r.unit_id)?.itemCents ?? (JSON.parse(r.items ?? "[]") as ItemCents))]));
}
