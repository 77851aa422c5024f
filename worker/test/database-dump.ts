/**
 * Every row of every table, sorted: "nothing changed" is this string being equal before and after.
 * `keep` narrows a table to the rows a test holds still (a SQL condition per table name).
 */
export async function databaseDump(db: D1Database, keep: Record<string, string> = {}): Promise<string> {
  const tables = await db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' ORDER BY name").all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of tables.results) {
    const rows = await db.prepare(`SELECT * FROM "${name}"${keep[name] ? ` WHERE ${keep[name]}` : ""}`).all();
    parts.push(`${name}:${rows.results.map((row) => JSON.stringify(row)).sort().join("\n")}`);
  }
  return parts.join("\n--\n");
}
