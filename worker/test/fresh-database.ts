/**
 * Drops every table, view, index and trigger the migrations made (SQLite's and D1's own
 * tables stay), so that the next file's migrations start from nothing. Used by
 * apply-migrations.ts before each test file.
 */
export async function freshDatabase(db: D1Database): Promise<void> {
  const { results } = await db
    .prepare("SELECT type, name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' ORDER BY rowid DESC")
    .all<{ type: "table" | "view"; name: string }>();
  if (results.length === 0) return;
  // Views first; the tables' foreign keys are checked when the batch commits, with every table gone.
  const drops = [...results].sort((a, b) => (a.type === b.type ? 0 : a.type === "view" ? -1 : 1)).map((o) => db.prepare(`DROP ${o.type.toUpperCase()} "${o.name.replace(/"/g, '""')}"`));
  await db.batch([db.prepare("PRAGMA defer_foreign_keys = ON"), ...drops]);
}
