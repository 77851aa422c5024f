import type { UnitType } from "./criteria-schema.ts";
import { a1, sameSheetName, type GridSheet } from "./grid.ts";
import type { Note } from "./import-criteria-leaf.ts";
import { readDecisionTable, type DecisionTable } from "./import-criteria-rows.ts";

/**
 * Which sheets hold the decision's table. A table cut over several sheets ("Trang 1" with
 * fields 1–2, "Trang 2" with field 3 under the same header) is read whole, as §2 allows fields
 * spread over sheets: a later table continues the first when it has the same title and max
 * columns, none of its codes was read before, and its first field comes after the last one.
 * Tables that repeat codes (one per level, or a copy) are not joined: the first is read, noted.
 */
export function pickTable(sheets: GridSheet[], name: string | undefined, unitType: UnitType, note: Note): DecisionTable | "SHEET_NOT_FOUND" | null {
  if (name !== undefined) {
    const sheet = sheets.find((s) => sameSheetName(name, s.name));
    if (!sheet) return "SHEET_NOT_FOUND";
    const table = readDecisionTable(sheet, unitType);
    return table && table.rows.length > 0 ? table : null;
  }
  const tables = sheets.filter((s) => !s.hidden).flatMap((s) => {
    const table = readDecisionTable(s, unitType);
    return table && table.rows.length > 0 ? [table] : [];
  });
  const first = tables[0];
  if (!first) return null;
  let joined = first;
  const read = [first];
  for (const table of tables.slice(1)) {
    if (!continues(joined, table)) continue;
    joined = join(joined, table);
    read.push(table);
  }
  const at = a1(first.sheet.name, first.header.headerTop, 0);
  const names = (list: DecisionTable[]) => list.map((t) => t.sheet.name).join(", ");
  if (read.length > 1) note("SHEETS_JOINED", at, { sheets: names(read) });
  if (read.length < tables.length) note("SEVERAL_TABLES", at, { sheets: names(tables), sheet: names(read) });
  return joined;
}

function continues(before: DecisionTable, next: DecisionTable): boolean {
  const { title, max } = before.header.columns;
  if (next.header.columns.title !== title || next.header.columns.max !== max) return false;
  const seen = new Set(before.rows.map((r) => r.code));
  if (next.rows.some((r) => seen.has(r.code))) return false;
  const field = (code: string | undefined) => Number(code?.split(".")[0]);
  const last = Math.max(...before.rows.map((r) => field(r.code)));
  return field(next.rows[0]?.code) > last;
}

/** The rows of both in order; the totals row and the lines under the table are the last sheet's when it has them. */
function join(before: DecisionTable, next: DecisionTable): DecisionTable {
  return {
    ...before,
    rows: [...before.rows, ...next.rows],
    totals: next.totals ?? before.totals,
    below: [...before.below, ...next.below],
    renumbered: [...before.renumbered, ...next.renumbered],
    notes: [...before.notes, ...next.notes],
  };
}
