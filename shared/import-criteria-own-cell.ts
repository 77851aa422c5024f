import type { Clause, MethodLine } from "./import-criteria-clauses.ts";

/**
 * What the importer says of a criterion's own method cell when the set's reading comes from the
 * lines under it (its band table): notes only, the reading is never changed here.
 */

/** A leaf's row as read: the cell of its max and its method lines, its own cell's first. */
interface LeafRow {
  cell: string;
  method: MethodLine[];
}

/** A cell on the criterion's own row (its method cell), not a line of the table under it. */
export function onOwnRow(src: LeafRow, cell: string): boolean {
  return rowOf(cell) === rowOf(src.cell);
}

function rowOf(cell: string): string {
  return cell.replace(/![A-Z]+(\d+)$/u, "!$1");
}

/** "Được 2 điểm", "2 điểm", "02 điểm", "(2 điểm)", "2đ", "Đạt 2,0 điểm.": points and nothing else. */
const POINTS_ALONE = /^(?:(?:được|đạt)(?:\s+(?:tính|chấm))?\s+)?\(?\s*\d+(?:[.,]\d+)?\s*(?:điểm|đ)\s*\)?\s*\.?$/iu;

/**
 * The criterion's own cell restating its max ("Được 2 điểm" on a 2-point criterion) says no more
 * than "Tối đa 2 điểm", which no note names (RD40-3); another figure ("Được 3 điểm") is a level.
 */
export function restatesMax(src: LeafRow, clause: Clause, max: number): boolean {
  return onOwnRow(src, clause.cell) && clause.points === max && POINTS_ALONE.test(clause.text.trim());
}
