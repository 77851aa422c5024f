import { cellAt, cellText, sheetWidth, type GridSheet } from "./grid.ts";
import { readCodeCell, readTitleCode, type CodeToken } from "./codes.ts";
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
 * How an STT column stands beside a column of labels, looked at whole under the header (not only
 * on the labels' rows, RD27-1):
 * - "row-numbers": it names no level the labels do not name themselves — blank, bare whole
 *   numbers (running 1, 2, 3 … or restarting in each part), or a numeral repeating the label on
 *   its own row ("I" beside "Lĩnh vực I", RD27-6): the labels are the codes (CF2-3), as a
 *   running-number column beside dotted codes in the titles yields to them;
 * - "parts": besides that, Roman numerals on rows the labels leave unlabelled ("I" beside "CÔNG
 *   TÁC CHỈ ĐẠO…", or "I. CÔNG TÁC …" written across) and list letters or dashes under the
 *   criteria: the labels are the codes and these numerals their fields and options;
 * - null: a level of its own the labels cannot stand for — dotted "1.1" beside a label, or
 *   dotted / numbered rows between Roman parts — so it stays the codes.
 */
export function sttBesideLabels(sheet: GridSheet, firstRow: number, codeColumn: number, labelColumn: number): "row-numbers" | "parts" | null {
  if (labelRowsOf(sheet, firstRow, labelColumn) === null) return null;
  const last = Math.min(sheet.rows.length, firstRow + SAMPLE_ROWS);
  let parts = 0;
  let ownLevel = false;
  for (let r = firstRow; r < last; r++) {
    const cell = cellAt(sheet, r, codeColumn);
    const text = cellText(cell).trim();
    if (text === "") continue;
    const label = readCodeCell(cellText(cellAt(sheet, r, labelColumn)).trim());
    if (label?.kind === "word") {
      const own = readCellNumber(cell);
      if (own.kind === "number" && Number.isInteger(own.value) && own.value >= 0) continue;
      if (!repeatsLabel(readCodeCell(text), label.label)) return null;
      continue;
    }
    const token = readCodeCell(text) ?? readTitleCode(text);
    if (token?.kind === "roman") parts++;
    else if (token?.kind !== "letter" && !/^[-–—+•]$/u.test(text)) ownLevel = true;
  }
  return parts === 0 ? "row-numbers" : ownLevel ? null : "parts";
}

/** Whether a code cell's numeral is the label's own number ("I" or "1" beside "Lĩnh vực I"). */
function repeatsLabel(token: CodeToken | null, label: string): boolean {
  if (token?.kind === "roman") return String(token.n) === label;
  return token?.kind === "dotted" && token.code === label;
}
