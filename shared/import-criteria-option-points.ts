import { cellText, mergedCellAt, sheetWidth, type GridSheet } from "./grid.ts";
import type { MethodLine } from "./import-criteria-clauses.ts";
import type { ColumnMap } from "./column-kinds.ts";
import type { HeaderMatch } from "./locate-table.ts";
import { foldText } from "./text.ts";

/**
 * Options on rows of their own, the wording in the method column and the points in a column
 * of their own beside the max ("Điểm tối đa" | "Phương pháp chấm điểm" | "Điểm"):
 *   1.1 | Ban hành kế hoạch | 1 | Ban hành trước ngày 15/01 | 1
 *       |                   |   | Ban hành sau ngày 15/01   | 0,5
 * The points become the lines' own points, as an option row's max cell does, so the method is
 * read as if they were written in its words ("Ban hành trước ngày 15/01: 1 điểm").
 */
const POINTS_LABEL = /^(?:so )?diem(?: cham| danh gia)?$/;

/** "Điểm", "Điểm chấm", "Điểm (chấm)", "Điểm đánh giá", "Số điểm" — never "Điểm tự đánh giá" nor the max. */
function isPointsLabel(label: string): boolean {
  return POINTS_LABEL.test(foldText(label).replace(/[.:*()]/g, " ").replace(/\s+/g, " ").trim());
}

export interface OptionPoints {
  /** A line read at row r, with the points beside it when its words name none of their own. */
  beside(line: MethodLine, r: number): MethodLine;
  /**
   * A leaf's lines once all are read: points from the column are options only when two lines
   * or more have them. One figure beside a criterion is rather a score typed there (a unit's
   * filled copy of the decision), and a choice of one would pay it in silence.
   */
  settle(lines: MethodLine[]): MethodLine[];
}

/**
 * The points column of a table that has a max column and a method column besides, or none:
 * where "Điểm" is the only score column it is the max, and stays so.
 */
export function optionPoints(sheet: GridSheet, header: HeaderMatch, columns: ColumnMap, pointsIn: (r: number, c: number) => number | null): OptionPoints {
  const column = pointsColumn(sheet, header, columns);
  const read = new Set<MethodLine>();
  const at = (r: number) => (column === undefined ? null : pointsIn(r, column));
  return {
    beside(line, r) {
      // Points already beside the line (in the max column) are its own.
      const points = line.points === undefined ? at(r) : null;
      if (points === null) return line;
      const withPoints = { ...line, points };
      read.add(withPoints);
      return withPoints;
    },
    settle(lines) {
      if (lines.filter((l) => read.has(l)).length >= 2) return lines;
      return lines.map((l) => (read.has(l) ? { text: l.text, cell: l.cell } : l));
    },
  };
}

function pointsColumn(sheet: GridSheet, header: HeaderMatch, columns: ColumnMap): number | undefined {
  if (columns.max === undefined || columns.method === undefined) return undefined;
  const taken = new Set(Object.entries(columns).flatMap(([kind, c]) => (kind === "self" || c === undefined ? [] : [c])));
  for (let c = 0; c < sheetWidth(sheet); c++) {
    if (taken.has(c)) continue;
    const labels = new Set([header.headerTop, header.headerBottom].map((r) => cellText(mergedCellAt(sheet, r, c)).trim()).filter(Boolean));
    if (labels.size > 0 && isPointsLabel([...labels].join(" "))) return c;
  }
  return undefined;
}
