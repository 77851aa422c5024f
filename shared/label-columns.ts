import { cellAt, cellText, sheetWidth, type GridSheet } from "./grid.ts";
import { readCodeCell } from "./codes.ts";

/** Rows under a header looked at to tell a column of labels from a column of titles. */
const SAMPLE_ROWS = 40;

/**
 * A commune's real sheet heads its first column "Tiêu chí" and fills it with labels
 * ("Tiêu chí 1", "Chỉ tiêu 1"), the titles standing in "Nội dung" beside it (CRITERIA-FORMAT.md
 * §6). When the column read as the title holds such labels (codes, in most of its filled
 * cells), it is the code column and the title is the next text column: that column is returned,
 * or null when the title column holds titles.
 */
export function titleBesideLabels(sheet: GridSheet, firstRow: number, titleColumn: number, taken: ReadonlySet<number>): number | null {
  const last = Math.min(sheet.rows.length, firstRow + SAMPLE_ROWS);
  const labelRows: number[] = [];
  let filled = 0;
  for (let r = firstRow; r < last; r++) {
    const text = cellText(cellAt(sheet, r, titleColumn)).trim();
    if (!text) continue;
    filled++;
    if (readCodeCell(text)) labelRows.push(r);
  }
  if (labelRows.length < 2 || labelRows.length < filled * 0.6) return null;
  const width = sheetWidth(sheet);
  for (let c = titleColumn + 1; c < width; c++) {
    if (taken.has(c)) continue;
    const texts = labelRows.filter((r) => {
      const v = cellAt(sheet, r, c)?.v;
      return typeof v === "string" && /\p{L}/u.test(v) && !readCodeCell(v);
    });
    if (texts.length >= labelRows.length / 2) return c;
  }
  return null;
}
