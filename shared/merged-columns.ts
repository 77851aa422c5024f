import { cellAt, cellText, mergeAt, type GridCell, type GridSheet, type Merge } from "./grid.ts";
import { readCodeCell, readTitleCode, type CodeToken } from "./codes.ts";
import { readCellNumber } from "./values.ts";

/**
 * A header label merged over several columns names them all (CRITERIA-FORMAT.md §2 is silent;
 * README "Choices made where the contract is silent"): "TT" over field | criterion |
 * sub-criterion, "Tiêu chí" over titles indented one column per level, "Điểm tự đánh giá"
 * over a remark ("Đạt") and the points. The header maps each kind to one column; these are
 * the other columns under the same label.
 */

/** Rows under a header looked at to tell which sub-column of a merged score label holds the numbers. */
const SAMPLE_ROWS = 40;

/** Where the header's rows are, and the columns it maps (any kind). */
export interface HeaderSpan {
  headerTop: number;
  headerBottom: number;
  columns: Readonly<Record<string, number | undefined>>;
}

/**
 * The columns under the label of the column `c` maps: the label's merge (on the bottom header
 * row when it is merged there, else on the top row), less the columns another kind claims and,
 * under a top-row label, those with a label of their own on the bottom row. Empty when the
 * label covers one column. Bounded by `width` (the columns present), whatever the merge names.
 */
export function columnsUnderLabel(sheet: GridSheet, header: HeaderSpan, c: number, width: number): number[] {
  const { headerTop: top, headerBottom: bottom } = header;
  const wide = (m: Merge | undefined) => (m && m.e.c > m.s.c ? m : undefined);
  const low = bottom > top ? wide(mergeAt(sheet, bottom, c)) : undefined;
  const m = low && low.s.r === bottom ? low : wide(mergeAt(sheet, top, c));
  if (!m) return [];
  const claimed = new Set(Object.values(header.columns).filter((k): k is number => k !== undefined && k !== c));
  const ownLabel = (k: number) => m.e.r < bottom && cellText(cellAt(sheet, bottom, k)).trim() !== "";
  const parts: number[] = [];
  for (let k = m.s.c; k <= Math.min(m.e.c, width - 1); k++) if (k === c || (!claimed.has(k) && !ownLabel(k))) parts.push(k);
  return parts.length > 1 ? parts : [];
}

/** A cell holding a number (a score): what numberColumn counts. */
const holdsNumber = (cell: GridCell | undefined): boolean => readCellNumber(cell).kind === "number";

/** How many of the rows below the header (a sample) hold, in column `c`, a cell `holds` accepts (by default a number). */
export function cellsHolding(sheet: GridSheet, firstRow: number, c: number, holds: (cell: GridCell | undefined) => boolean = holdsNumber): number {
  const last = Math.min(sheet.rows.length, firstRow + SAMPLE_ROWS);
  let n = 0;
  for (let r = firstRow; r < last; r++) if (holds(cellAt(sheet, r, c))) n++;
  return n;
}

/**
 * Of the columns under a merged score label ("Điểm tự đánh giá" over "Đạt" | 1,5), the one
 * holding the most numbers in the rows below the header; `current` on a tie. With `holds`,
 * the one holding the most such cells (figures, for two data columns).
 */
export function numberColumn(sheet: GridSheet, firstRow: number, parts: readonly number[], current: number, holds: (cell: GridCell | undefined) => boolean = holdsNumber): number {
  let best = current;
  let bestCount = -1;
  const counts = parts.map((c) => cellsHolding(sheet, firstRow, c, holds));
  parts.forEach((c, i) => {
    const n = counts[i]!;
    if (n > bestCount || (n === bestCount && c === current)) (best = c), (bestCount = n);
  });
  return best;
}

/**
 * The columns of running numbers under a code label ("STT" over 1, 2, 3 … | 1, 1.1, 1.1.1 …): from
 * the first row any of `columns` fills, a whole number one more than the row before on each such
 * row, field rows included, at least three, another column filled beside it on two of them. A
 * level column (field | criterion | sub-criterion) is blank on the other levels' rows, so never
 * one. Rows after the run (a totals line, notes) are not looked at.
 */
export function runningNumberColumns(sheet: GridSheet, firstRow: number, columns: readonly number[]): number[] {
  const last = Math.min(sheet.rows.length, firstRow + SAMPLE_ROWS);
  const runs = columns.map(() => ({ previous: NaN, length: 0, beside: 0, over: false }));
  for (let r = firstRow; r < last && runs.some((run) => !run.over); r++) {
    const cells = columns.map((c) => cellAt(sheet, r, c));
    const filled = cells.reduce((n, cell) => (cellText(cell).trim() === "" ? n : n + 1), 0);
    if (filled === 0) continue;
    cells.forEach((cell, i) => {
      const run = runs[i]!;
      if (run.over) return;
      const own = readCellNumber(cell);
      const isNext = own.kind === "number" && Number.isInteger(own.value) && (run.length === 0 || own.value === run.previous + 1);
      if (!isNext) return void (run.over = true);
      run.previous = own.value;
      run.length++;
      if (filled > 1) run.beside++;
    });
  }
  return columns.filter((_, i) => runs[i]!.length >= 3 && runs[i]!.beside >= 2);
}

/** The first cell among `columns` holding text with a letter (a title), else the first filled one. */
export function firstTitleText(sheet: GridSheet, r: number, columns: readonly number[]): string {
  let first = "";
  for (const c of columns) {
    const text = cellText(cellAt(sheet, r, c)).trim();
    if (text === "") continue;
    if (/\p{L}/u.test(text)) return text;
    first ||= text;
  }
  return first;
}

/** The column of a row's first filled code cell, among the columns under the code label. */
export function firstCodeCell(sheet: GridSheet, r: number, columns: readonly number[]): number | undefined {
  for (const c of columns) if (cellText(cellAt(sheet, r, c)).trim() !== "") return c;
  return undefined;
}

/** One level of a code: a number without a dot, a Roman numeral or a list letter ("not-a-level" for any other code). */
function levelOf(token: CodeToken | null): string | null | "not-a-level" {
  if (token === null) return null;
  if (token.kind === "dotted") return token.code.includes(".") ? "not-a-level" : token.code;
  if (token.kind === "roman" || token.kind === "letter") return String(token.n);
  return "not-a-level";
}

/**
 * Codes of a code split over narrow columns, one level a column ("1" | "1" | "1" is 1.1.1 on
 * its row, "I" | "2" under it 1.2): each row's code is the levels read so far down to its own
 * last filled column. Null when fewer than two columns hold codes, or when the columns are not
 * levels: more than one coded row in five holds a dotted code ("I" | "1.1", which resolveCodes
 * reads as local numbering) or a word label. A lone one (a full code typed in one row) is left
 * to the table's own reading. Rows from `from` to the sheet's last. A row whose first code cell
 * only starts with a code (a field typed whole, "II. CẢI CÁCH …", merged across) moves the
 * levels on but gets no code here: the table reads it as it reads such rows, so that a
 * numbered note under the table ("1. Số liệu …") stays a note.
 */
export function levelCodes(sheet: GridSheet, columns: readonly number[], from: number): Map<number, string> | null {
  const codes = new Map<number, string>();
  const used = new Set<number>();
  /** Rows holding a code that is no level. */
  let others = 0;
  let path: string[] = [];
  for (let r = from; r < sheet.rows.length; r++) {
    const levels: (string | null)[] = [];
    let last = -1;
    let lead: { k: number; level: string } | null = null;
    let other = false;
    for (let k = 0; k < columns.length; k++) {
      const text = cellText(cellAt(sheet, r, columns[k]!)).trim();
      const level = text === "" ? null : levelOf(readCodeCell(text));
      if (level === "not-a-level") {
        other = true;
        break;
      }
      levels.push(level);
      if (level !== null) (last = k), used.add(k);
      else if (text !== "" && last < 0 && lead === null) {
        // Text that only starts with a code ("II. CẢI CÁCH …" typed whole), before any code on the row.
        const led = levelOf(readTitleCode(text));
        if (led !== null && led !== "not-a-level") lead = { k, level: led };
      }
    }
    if (other) {
      others++;
      continue;
    }
    if (last < 0) {
      if (lead && lead.k <= path.length) path = [...path.slice(0, lead.k), lead.level];
      continue;
    }
    const next: string[] = [];
    for (let k = 0; k <= last; k++) {
      const level = levels[k] ?? path[k];
      // A level with nothing above it (a criterion before any field) is no code.
      if (level === undefined) break;
      next.push(level);
    }
    if (next.length <= last) continue;
    path = next;
    codes.set(r, path.join("."));
  }
  return used.size >= 2 && others * 5 <= codes.size ? codes : null;
}
