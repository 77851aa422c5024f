import type { CriteriaIndex } from "./criteria-tree.ts";
import { cellAt, cellText, isBlankCell, type GridCell } from "./grid.ts";
import type { ColumnKind } from "./column-kinds.ts";
import type { LocatedTable } from "./locate-table.ts";
import { foldText } from "./text.ts";

/**
 * How far a tab's name says it revises the table: 0 for none or the first round ("lần 1"),
 * N − 1 for "lần N" / "v N", 1 for words a unit writes on the copy it sends back after the
 * appraisal council's remarks: "(bổ sung)", "Sau giải trình", "… điều chỉnh", "… sửa đổi",
 * "… cập nhật", "chỉnh sửa", "hoàn thiện", "chính thức", "bản cuối", "final".
 *
 * "TĐG 2024 (2)", the name Excel gives a copied sheet, is no revision: whoever copied may have
 * edited the copy or kept it as a backup before editing the original, and the copy may sit
 * before or after it. Its tie goes on to the other preferences (sheet order last), and when the
 * two tables' scores differ the unit is told which was scored (TABLES_DIFFER).
 */
const REVISION_WORDS = /(?<![a-z])(bo sung|(sau )?giai trinh|dieu chinh|sua doi|cap nhat|chinh sua|da sua|ban sua|sua lai|hoan thien|hoan chinh|chinh thuc|ban cuoi|final)(?![a-z])/;
const ROUND = /(?<![a-z])(?:(?:lan|lan thu|dot|phien ban)\s*|(?:v|ver)\.?\s?)(\d{1,2})(?!\d)/g;

export function revisionRank(tabName: string): number {
  const folded = foldText(tabName);
  let rank = REVISION_WORDS.test(folded) ? 1 : 0;
  for (const m of folded.matchAll(ROUND)) rank = Math.max(rank, Math.min(9, Number(m[1]) - 1));
  return rank;
}

/** Two tables of the set compared, leaf by leaf: how many leaves they score differently, and the first. */
export interface TableDifference {
  count: number;
  code: string;
  /** What the scored table holds there, then the other ("1,5" and "3"). */
  scored: string | number;
  other: string | number;
}

/** Columns whose values make a leaf's score: the self-score and the declared data (a ratio's). */
const SCORE_COLUMNS: readonly ColumnKind[] = ["self", "data", "rate"];

/**
 * The leaves both tables hold whose self-score or declared data differ, in set order: two
 * copies of one table that agree everywhere make no difference to the result, whichever is
 * scored; two that disagree do, and the unit is to be told which one counted.
 */
export function tableDifference(scored: LocatedTable, other: LocatedTable, index: CriteriaIndex): TableDifference | null {
  const a = rowsByLeaf(scored, index);
  const b = rowsByLeaf(other, index);
  let first: TableDifference | null = null;
  let count = 0;
  for (const leaf of index.leaves) {
    const ra = a.get(leaf.code);
    const rb = b.get(leaf.code);
    if (ra === undefined || rb === undefined) continue;
    for (const kind of SCORE_COLUMNS) {
      const ca = cellIn(scored, ra, kind);
      const cb = cellIn(other, rb, kind);
      if (sameValue(ca, cb)) continue;
      count++;
      first ??= { count: 0, code: leaf.code, scored: shown(ca), other: shown(cb) };
      break;
    }
  }
  return first && { ...first, count };
}

function rowsByLeaf(table: LocatedTable, index: CriteriaIndex): Map<string, number> {
  const rows = new Map<string, number>();
  for (const row of table.rows) if (row.code !== null && index.byCode.get(row.code)?.isLeaf && !rows.has(row.code)) rows.set(row.code, row.r);
  return rows;
}

function cellIn(table: LocatedTable, r: number, kind: ColumnKind): GridCell | undefined {
  const c = table.header.columns[kind];
  return c === undefined ? undefined : cellAt(table.sheet, r, c);
}

function sameValue(a: GridCell | undefined, b: GridCell | undefined): boolean {
  if (isBlankCell(a) || isBlankCell(b)) return isBlankCell(a) && isBlankCell(b);
  if (typeof a!.v === "number" && typeof b!.v === "number") return Math.abs(a!.v - b!.v) < 1e-9;
  return foldText(cellText(a)) === foldText(cellText(b));
}

/** A cell as the message shows it: a number in the locale's decimals, text as typed, a blank as "trống" is left to the message. */
function shown(cell: GridCell | undefined): string | number {
  if (isBlankCell(cell)) return "";
  if (typeof cell!.v === "number" && !(cell!.z ?? "").includes("%")) return cell!.v;
  return cellText(cell).trim();
}
