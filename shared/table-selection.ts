import type { CriteriaIndex } from "./criteria-tree.ts";
import type { LocatedTable } from "./locate-table.ts";

/**
 * Which located tables make up the workbook's answer. One sheet per field gives tables
 * with disjoint codes: all are used, in sheet order. One sheet per year gives tables with
 * the same codes: the one named after the set's year (else the best-matching) is used.
 */
export function selectTables(tables: LocatedTable[], index: CriteriaIndex): LocatedTable[] {
  if (tables.length <= 1) return tables;
  const year = String(index.set.year);
  const codesOf = (t: LocatedTable) => new Set(t.rows.map((r) => r.code).filter((c): c is string => c !== null && index.byCode.has(c)));
  const scored = tables.map((table, order) => {
    const codes = codesOf(table);
    return { table, codes, order, weight: codes.size + yearWeight(table, year) * 1_000_000 };
  });
  const byPreference = [...scored].sort((a, b) => b.weight - a.weight || a.order - b.order);
  const chosen: typeof scored = [];
  const taken = new Set<string>();
  for (const candidate of byPreference) {
    if (candidate.codes.size === 0 && chosen.length > 0) continue;
    if ([...candidate.codes].some((c) => taken.has(c))) continue;
    chosen.push(candidate);
    for (const c of candidate.codes) taken.add(c);
  }
  return chosen.sort((a, b) => a.order - b.order).map((c) => c.table);
}

/**
 * How surely a table is the set year's: its tab names the year (2), else its title block does
 * (1). A tab naming another year ("TĐG 2023") gets nothing from a title block that names the
 * set's: a sheet copied, renamed for the archive, its title left as it was.
 */
function yearWeight(table: LocatedTable, year: string): number {
  const name = table.sheet.name;
  if (name.includes(year)) return 2;
  if (/(?:^|\D)(?:19|20)\d{2}(?!\d)/.test(name)) return 0;
  return titleBlockMentions(table, year) ? 1 : 0;
}

function titleBlockMentions(table: LocatedTable, year: string): boolean {
  for (let r = 0; r < table.header.headerTop; r++) {
    for (const cell of table.sheet.rows[r] ?? []) {
      if (typeof cell?.v === "string" && cell.v.includes(year)) return true;
    }
  }
  return false;
}
