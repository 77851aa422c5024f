import { a1, cellText, type Grid } from "./grid.ts";
import { halfMarkedLabel } from "./codes.ts";
import type { DecisionTable } from "./import-criteria-rows.ts";

/**
 * Labels typed with their marks but "so"/"thu" without ("Tiêu chí so 2"): no labels (RD27-2),
 * so their rows fall under the criterion before them. Found by cell, with the label meant, so
 * that the import is refused by name, never a set with part missing (RD28-6, RD29-3).
 */
export type HalfMarkedLabel = { cell: string; text: string; meant: string };

/** With no table found: the first cell anywhere holding a bare half-marked label (RD28-6). */
export function halfLabelInWorkbook(grid: Grid): HalfMarkedLabel | null {
  for (const sheet of grid.sheets) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const text = cellText(row[c] ?? undefined).trim();
        const meant = text.length < 40 && /\s(so|thu)\b/i.test(text) ? halfMarkedLabel(text) : null;
        if (meant) return { cell: a1(sheet.name, r, c), text, meant };
      }
    }
  }
  return null;
}

/** A half-marked "so"/"thu" right before a number ("Tiêu chí so 2", "Chỉ tiêu thu 1"): no revenue target ("thu năm 2024") reads so. */
const NUMBERED_HALF_LABEL = /\s(so|thu)\s*\d/i;

/**
 * In the table imported, only where codes and labels are read (RD30-2): the code and label
 * columns and the title cell, from the header down to the total. A guidance, method or evidence
 * cell, or a line under the total, is text whatever it says, and loses no rows.
 */
export function halfLabelInTable(table: DecisionTable): HalfMarkedLabel | null {
  const { sheet, header } = table;
  const title = header.columns.title ?? 0;
  const labelColumns = [title, header.columns.code, header.partColumn, ...(header.codeColumns ?? []), ...(header.titleColumns ?? [])];
  const edge = Math.max(...labelColumns.filter((c): c is number => c !== undefined));
  const rowOf = (cell: string) => Number(/(\d+)$/.exec(cell)?.[1] ?? 0) - 1;
  const first = table.rows[0] ? rowOf(table.rows[0].cell) : header.headerBottom;
  const total = table.totals ? rowOf(table.totals.cell) : -1;
  const end = total > first ? total : sheet.rows.length;
  for (let r = header.headerBottom + 1; r < end; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c <= Math.min(edge, row.length - 1); c++) {
      const text = cellText(row[c] ?? undefined).trim();
      const meant = text.length < 40 && NUMBERED_HALF_LABEL.test(text) ? halfMarkedLabel(text) : null;
      if (meant) return { cell: a1(sheet.name, r, c), text, meant };
    }
  }
  return null;
}
