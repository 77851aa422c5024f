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
 * Whether a code column names no level the labels beside it do not name themselves — blank, bare
 * whole numbers (running 1, 2, 3 … or restarting in each part 1, 2, 3 | 1, 2), or a numeral
 * repeating the label on its own row ("I" beside "Lĩnh vực I", RD27-6) — so the labels are the
 * codes (CF2-3), as a running-number column beside dotted codes in the titles yields to them.
 * A column with a level of its own stays the codes: dotted "1.1" beside a label, or a Roman
 * numeral on a row the labels leave without one ("I" beside "CÔNG TÁC CHỈ ĐẠO…", also written
 * whole "I. CÔNG TÁC …" across the table; RD27-1) — the whole column is looked at, not only the
 * labels' rows.
 */
export function holdsOnlyRowNumbers(sheet: GridSheet, firstRow: number, codeColumn: number, labelColumn: number): boolean {
  if (labelRowsOf(sheet, firstRow, labelColumn) === null) return false;
  const last = Math.min(sheet.rows.length, firstRow + SAMPLE_ROWS);
  for (let r = firstRow; r < last; r++) {
    const cell = cellAt(sheet, r, codeColumn);
    const text = cellText(cell).trim();
    if (text === "") continue;
    const label = readCodeCell(cellText(cellAt(sheet, r, labelColumn)).trim());
    if (label?.kind !== "word") {
      if ((readCodeCell(text) ?? readTitleCode(text))?.kind === "roman") return false;
      continue;
    }
    const own = readCellNumber(cell);
    if (own.kind === "number" && Number.isInteger(own.value) && own.value >= 0) continue;
    if (!repeatsLabel(readCodeCell(text), label.label)) return false;
  }
  return true;
}

/** Whether a code cell's numeral is the label's own number ("I" or "1" beside "Lĩnh vực I"). */
function repeatsLabel(token: CodeToken | null, label: string): boolean {
  if (token?.kind === "roman") return String(token.n) === label;
  return token?.kind === "dotted" && token.code === label;
}

/**
 * Whether, beside a column of labels that leaves the field rows unlabelled, the code column
 * numbers only those parts: Roman numerals on the unlabelled rows ("I" beside "CÔNG TÁC…", or
 * "I. CÔNG TÁC …" written across), list letters or dashes under the criteria, and on the labels'
 * rows nothing or one running number (1, 2, 3 … never restarting in a part). Then the labels are
 * the codes and the Roman numerals their fields (partColumn): read alone, the column would number
 * the criteria 2.5, 2.6 or not at all. Numbers restarting in each part stay the codes.
 */
export function numbersOnlyParts(sheet: GridSheet, firstRow: number, codeColumn: number, labelColumn: number): boolean {
  if (labelRowsOf(sheet, firstRow, labelColumn) === null) return false;
  const last = Math.min(sheet.rows.length, firstRow + SAMPLE_ROWS);
  let previous: number | null = null;
  let parts = 0;
  for (let r = firstRow; r < last; r++) {
    const cell = cellAt(sheet, r, codeColumn);
    const text = cellText(cell).trim();
    if (text === "") continue;
    const label = readCodeCell(cellText(cellAt(sheet, r, labelColumn)).trim());
    if (label?.kind === "word") {
      const own = readCellNumber(cell);
      if (own.kind !== "number" || (previous !== null && own.value !== previous + 1)) return false;
      previous = own.value;
      continue;
    }
    const token = readCodeCell(text) ?? readTitleCode(text);
    if (token?.kind === "roman") parts++;
    else if (token?.kind !== "letter" && !/^[-–—+•]$/u.test(text)) return false;
  }
  return parts > 0;
}
