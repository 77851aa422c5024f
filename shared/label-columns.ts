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
 * Rows under a header that are no rows of the table ("(1) (2) …", the form's column numbers),
 * and whether a row carries points (a max or a score): what sttBesideLabels needs of the table.
 */
export interface SttRows {
  passOver(r: number): boolean;
  hasPoints(r: number): boolean;
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
 *   criteria — or whole numbers under labels whose own STT is blank — the labels are the codes
 *   and these numerals their fields and options;
 * - null: a level of its own the labels cannot stand for — dotted "1.1" beside a label, dotted /
 *   numbered rows with points between Roman parts, or numbers restarting in each part beside
 *   labels that count on across the parts ("1" beside "Tiêu chí 5" under II: the STT numbers the
 *   set's 2.1, the label the table's fifth criterion, RD28-4) — so it stays the codes.
 * Rows that are no rows of the table pass unseen: the column-number row, and on unlabelled rows a
 * note mark or text ("*", "(*)", "Ghi chú", "TỔNG ĐIỂM") or a number on a row with no points
 * (RD28-2: one such row made the STT "a level of its own", a right table 76 → 3/100). When the
 * labels name the fields, a Roman numeral on an unlabelled row right above "Lĩnh vực I" is a part
 * over them ("I. ĐIỂM TỰ ĐÁNH GIÁ", "II. ĐIỂM ĐIỀU TRA XÃ HỘI HỌC"), never field 1 (RD28-5).
 */
export function sttBesideLabels(sheet: GridSheet, firstRow: number, codeColumn: number, labelColumn: number, rows: SttRows): "row-numbers" | "parts" | null {
  const labelRows = labelRowsOf(sheet, firstRow, labelColumn);
  if (labelRows === null) return null;
  // A Roman numeral right above a field's own label ("Lĩnh vực I") is a part over the fields —
  // its label looked for past the rows sampled too: a heading on the last of them is no field
  // because its label lies one row further (RD29-1).
  const aboveField = (r: number) => {
    const next = labelRows.find((l) => l > r) ?? nextLabelRow(sheet, r + 1, labelColumn);
    return next !== null && wordLabelAt(sheet, next, labelColumn)?.level === 1;
  };
  const last = Math.min(sheet.rows.length, firstRow + SAMPLE_ROWS);
  let parts = 0;
  let ownLevel = false;
  let previous: number | null = null;
  let restarts = false;
  let countsOn = false;
  let wholeNumbers = false;
  let labelInPart = false;
  for (let r = firstRow; r < last; r++) {
    const cell = cellAt(sheet, r, codeColumn);
    const text = cellText(cell).trim();
    const label = wordLabelAt(sheet, r, labelColumn);
    if (label) labelInPart = true;
    if (text === "" || rows.passOver(r)) continue;
    if (label) {
      const own = readCellNumber(cell);
      if (own.kind === "number" && Number.isInteger(own.value) && own.value >= 0) {
        if (previous !== null && own.value <= previous) restarts = true;
        if (/^\d+$/.test(label.label) && Number(label.label) !== own.value) countsOn = true;
        previous = own.value;
        continue;
      }
      if (!repeatsLabel(readCodeCell(text), label.label)) return null;
      continue;
    }
    const token = readCodeCell(text) ?? readTitleCode(text);
    if (token?.kind === "roman") {
      labelInPart = false;
      if (!aboveField(r)) parts++;
    } else if (token?.kind === "dotted" && rows.hasPoints(r)) {
      if (/^\d+$/.test(token.code) && labelInPart) wholeNumbers = true;
      else ownLevel = true;
    }
  }
  if (parts === 0) return "row-numbers";
  // Whole numbers on unlabelled rows with points are a level of their own above the labels of
  // their part or beside numbered labels; under labels whose STT is blank they number the
  // labels' options, as letters do.
  return ownLevel || (wholeNumbers && previous !== null) || (restarts && countsOn) ? null : "parts";
}

/** The first row from `from` on whose label cell holds a code, or null (bounded by the rows present). */
function nextLabelRow(sheet: GridSheet, from: number, column: number): number | null {
  for (let r = from; r < sheet.rows.length; r++) if (readCodeCell(cellText(cellAt(sheet, r, column)).trim())) return r;
  return null;
}

/** The word label ("Tiêu chí 1") in a row's label cell, or null. */
function wordLabelAt(sheet: GridSheet, r: number, column: number): Extract<CodeToken, { kind: "word" }> | null {
  const token = readCodeCell(cellText(cellAt(sheet, r, column)).trim());
  return token?.kind === "word" ? token : null;
}

/** Whether a code cell's numeral is the label's own number ("I" or "1" beside "Lĩnh vực I"). */
function repeatsLabel(token: CodeToken | null, label: string): boolean {
  if (token?.kind === "roman") return String(token.n) === label;
  return token?.kind === "dotted" && token.code === label;
}
