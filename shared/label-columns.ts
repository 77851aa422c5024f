import { cellAt, cellText, sheetWidth, type GridSheet } from "./grid.ts";
import { readCodeCell } from "./codes.ts";
import { readCellNumber } from "./values.ts";

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
  const labelRows = labelRowsOf(sheet, firstRow, titleColumn);
  if (labelRows === null) return null;
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

/** The rows whose cell in `column` is a label ("Tiêu chí 1"), when most of its filled cells are; else null. */
function labelRowsOf(sheet: GridSheet, firstRow: number, column: number): number[] | null {
  const last = Math.min(sheet.rows.length, firstRow + SAMPLE_ROWS);
  const labelRows: number[] = [];
  let filled = 0;
  for (let r = firstRow; r < last; r++) {
    const text = cellText(cellAt(sheet, r, column)).trim();
    if (!text) continue;
    filled++;
    if (readCodeCell(text)) labelRows.push(r);
  }
  return labelRows.length < 2 || labelRows.length < filled * 0.6 ? null : labelRows;
}

/**
 * Whether a code column holds no codes beside a column of labels: on the labels' rows it is blank
 * or bare whole numbers — running (1, 2, 3 … one a row) or restarting in each part (1, 2, 3 | 1,
 * 2) — which order rows and name no level, where "Tiêu chí 2" / "Chỉ tiêu 1" beside them do; as a
 * running-number column beside dotted codes in the titles yields to them (CF2-3). A column with
 * a level of its own (Roman parts "I, 1, 2, II …", dotted "1.1") stays the codes.
 */
export function holdsOnlyRowNumbers(sheet: GridSheet, firstRow: number, codeColumn: number, labelColumn: number): boolean {
  const labelRows = labelRowsOf(sheet, firstRow, labelColumn);
  if (labelRows === null) return false;
  return labelRows.every((r) => {
    const cell = cellAt(sheet, r, codeColumn);
    if (cellText(cell).trim() === "") return true;
    const own = readCellNumber(cell);
    return own.kind === "number" && Number.isInteger(own.value) && own.value >= 0;
  });
}
