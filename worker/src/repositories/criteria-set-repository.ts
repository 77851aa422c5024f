import { CriteriaSetSchema, type CriteriaSet } from "../../../shared/index.ts";
import { isolateCache } from "../isolate-caches.ts";
import type { CriteriaSetSummary } from "../api-schemas.ts";

interface CriteriaSetRow {
  id: string;
  version: number;
  status: CriteriaSetSummary["status"];
  unit_type: CriteriaSetSummary["unitType"];
  year: number;
  title: string;
  created_at: string;
  published_at: string | null;
  retired_at: string | null;
}

const SUMMARY = "id, version, status, unit_type, year, title, created_at, published_at, retired_at";
const toSummary = (r: CriteriaSetRow): CriteriaSetSummary => ({
  id: r.id,
  version: r.version,
  status: r.status,
  title: r.title,
  year: r.year,
  unitType: r.unit_type,
  createdAt: r.created_at,
  publishedAt: r.published_at,
  retiredAt: r.retired_at,
});

/**
 * All versions, by id then version; non-admins see no drafts. Keyset cursor "id@version":
 * null when it names no version the caller sees (not one the list gave).
 */
export async function listCriteriaSets(
  db: D1Database,
  opts: { includeDrafts: boolean; status?: CriteriaSetSummary["status"] | undefined; limit: number; after?: { id: string; version: number } | undefined },
): Promise<CriteriaSetSummary[] | null> {
  const rows = db
    .prepare(
      `SELECT ${SUMMARY} FROM criteria_sets
       WHERE (?1 = 1 OR status <> 'draft') AND (?5 IS NULL OR status = ?5) AND (?2 IS NULL OR id > ?2 OR (id = ?2 AND version > ?3))
       ORDER BY id, version LIMIT ?4`,
    )
    .bind(opts.includeDrafts ? 1 : 0, opts.after?.id ?? null, opts.after?.version ?? 0, opts.limit, opts.status ?? null);
  if (!opts.after) return (await rows.all<CriteriaSetRow>()).results.map(toSummary);
  const [cursor, found] = await db.batch([
    db.prepare("SELECT 1 AS named FROM criteria_sets WHERE id = ?1 AND version = ?2 AND (?3 = 1 OR status <> 'draft')").bind(opts.after.id, opts.after.version, opts.includeDrafts ? 1 : 0),
    rows,
  ]);
  return cursor?.results.length ? ((found?.results ?? []) as CriteriaSetRow[]).map(toSummary) : null;
}

/** One version (or the newest visible one) with its body. */
export async function getCriteriaSet(
  db: D1Database,
  id: string,
  opts: { version?: number | undefined; includeDrafts: boolean },
): Promise<(CriteriaSetSummary & { set: CriteriaSet }) | null> {
  const row = await db
    .prepare(
      `SELECT ${SUMMARY}, body FROM criteria_sets
       WHERE id = ?1 AND (?2 IS NULL OR version = ?2) AND (?3 = 1 OR status <> 'draft')
       ORDER BY (status = 'published') DESC, version DESC LIMIT 1`,
    )
    .bind(id, opts.version ?? null, opts.includeDrafts ? 1 : 0)
    .first<CriteriaSetRow & { body: string }>();
  return row ? { ...toSummary(row), set: JSON.parse(row.body) as CriteriaSet } : null;
}

export async function latestVersion(db: D1Database, id: string): Promise<number> {
  const row = await db.prepare("SELECT MAX(version) AS v FROM criteria_sets WHERE id = ?1").bind(id).first<{ v: number | null }>();
  return row?.v ?? 0;
}

export function insertCriteriaSetStatement(db: D1Database, set: CriteriaSet, version: number, status: "draft" | "published", now: string): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO criteria_sets (id, version, status, unit_type, year, title, body, created_at, published_at)
       VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)`,
    )
    .bind(set.id, version, status, set.unitType, set.year, set.title, JSON.stringify(set), now, status === "published" ? now : null);
}

export function changeStatusStatement(db: D1Database, id: string, version: number, status: "published" | "retired", now: string): D1PreparedStatement {
  const column = status === "published" ? "published_at" : "retired_at";
  return db.prepare(`UPDATE criteria_sets SET status = ?3, ${column} = ?4 WHERE id = ?1 AND version = ?2`).bind(id, version, status, now);
}

/**
 * Published versions never change, so their parsed form is cached per isolate: scoring a
 * submission then costs no JSON parse or schema check of the set.
 */
const parsedSets = isolateCache<string, CriteriaSet>();

export async function loadCriteriaSetVersion(db: D1Database, id: string, version: number): Promise<CriteriaSet | null> {
  const key = `${id}@${version}`;
  const cached = parsedSets.get(key);
  if (cached) return cached;
  const row = await db.prepare("SELECT body, status FROM criteria_sets WHERE id = ?1 AND version = ?2").bind(id, version).first<{ body: string; status: string }>();
  if (!row) return null;
  const set = CriteriaSetSchema.parse(JSON.parse(row.body));
  if (row.status !== "draft") parsedSets.set(key, set);
  return set;
}
