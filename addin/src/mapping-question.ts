import {
  cellText,
  classifyLabel,
  columnLetter,
  findHeader,
  foldSpelling,
  HEADER_WINDOW_ROWS,
  indexCriteria,
  isBlankCell,
  mergedCellAt,
  sheetWidth,
  readableSheet,
  type ColumnKind,
  type ColumnMap,
  type ConfirmedHeader,
  type CriteriaSet,
  type Grid,
  type GridSheet,
  type Report,
  type UnitType,
} from "../../shared/index.ts";
import { MAPPED_KINDS, type ColumnOption, type MappingQuestion } from "./column-mapping.ts";

/*
 * The question the pane asks when header detection is unsure (column-mapping.ts keeps the
 * answers). Built with the table locator, so it loads with the engine (engine-loader.ts), not
 * with the pane's first bytes.
 */

/** Without these the score is a guess: ask instead of scoring blanks. */
const SURE_KINDS: readonly ColumnKind[] = ["self", "max"];
const LABEL_LENGTH = 40;

/**
 * Cells naming the set's own criteria that a sheet must hold before the pane asks about its
 * columns: then it is a self-assessment table whose header was not recognised. A staff list,
 * a budget or a letter holds none, and the pane says there is no criteria table instead.
 */
const CRITERIA_CELLS = 3;

/** Does the sheet name at least CRITERIA_CELLS of the set's dotted codes ("1.2", "2.1.3") or titles? Bounded by the cells present. */
export function namesCriteria(typed: GridSheet, set: CriteriaSet): boolean {
  const sheet = readableSheet(typed);
  const nodes = indexCriteria(set).nodes;
  const codes = new Set(nodes.filter((n) => n.code.includes(".")).map((n) => n.code));
  const titles = new Set(nodes.map((n) => foldSpelling(n.title)));
  const seen = new Set<string>();
  for (const row of sheet.rows) {
    for (const cell of row) {
      const text = cellText(cell ?? undefined).trim().replace(/\.$/, "");
      if (text && (codes.has(text) || titles.has(foldSpelling(text)))) seen.add(text);
      if (seen.size >= CRITERIA_CELLS) return true;
    }
  }
  return false;
}

/** First row naming at least two columns, else the first row with text. */
function guessHeaderRow(sheet: GridSheet): number {
  const rows = sheet.rows.slice(0, HEADER_WINDOW_ROWS);
  const filled = (r: number) => (rows[r] ?? []).filter((c) => !isBlankCell(c ?? undefined)).length;
  const two = rows.findIndex((_, r) => filled(r) >= 2);
  return two >= 0 ? two : Math.max(0, rows.findIndex((_, r) => filled(r) >= 1));
}

/** Column choices labelled from the header rows as the user sees them (merges resolved). */
export function columnOptions(sheet: GridSheet, headerTop: number, headerBottom: number): ColumnOption[] {
  return Array.from({ length: Math.max(1, sheetWidth(sheet)) }, (_, c) => {
    const parts = [headerTop, headerBottom].filter((r, i, all) => all.indexOf(r) === i).map((r) => cellText(mergedCellAt(sheet, r, c)).trim());
    const label = [...new Set(parts.filter(Boolean))].join(" ").replace(/\s+/g, " ");
    const short = label.length > LABEL_LENGTH ? `${label.slice(0, LABEL_LENGTH - 1)}…` : label;
    return { index: c, text: short ? `${columnLetter(c)} — ${short}` : columnLetter(c) };
  });
}

/** A question for given header rows: detection's columns when it read those rows, else per-label guesses. */
export function questionFor(typed: GridSheet, headerTop: number, headerBottom: number, year?: number, unit?: UnitType): MappingQuestion {
  // Labels as the user reads them, also from a template typed in TCVN3 (as scoring reads it);
  // the set's level too, as scoring weighs "Điểm UBND xã đánh giá" against another level's column.
  const sheet = readableSheet(typed);
  const found = findHeader(sheet, year, 0, unit);
  let columns: ColumnMap = {};
  if (found && found.headerTop === headerTop && found.headerBottom === headerBottom) columns = { ...found.columns };
  else {
    for (let c = 0; c < sheetWidth(sheet); c++) {
      const kind = classifyLabel([headerTop, headerBottom].map((r) => cellText(mergedCellAt(sheet, r, c))).join(" "));
      if (kind && columns[kind] === undefined) columns[kind] = c;
    }
  }
  return { sheet: sheet.name, headerTop, headerBottom, columns, options: columnOptions(sheet, headerTop, headerBottom), missing: MAPPED_KINDS.filter((k) => columns[k] === undefined) };
}

/**
 * Ask when a table the engine used lacks a self-score or max column, or when no table was
 * found at all but a visible sheet names the set's criteria (namesCriteria). Sheets already
 * confirmed are never asked again.
 */
export function mappingQuestion(grid: Grid, report: Report, confirmed: ConfirmedHeader[], set: CriteriaSet): MappingQuestion | null {
  const year = set.year;
  const isConfirmed = (name: string) => confirmed.some((h) => h.sheet === name);
  for (const name of report.sheets) {
    const sheet = grid.sheets.find((s) => s.name === name);
    if (!sheet || isConfirmed(name)) continue;
    const header = findHeader(sheet, year, 0, set.unitType);
    if (header && SURE_KINDS.some((k) => header.columns[k] === undefined)) return questionFor(sheet, header.headerTop, header.headerBottom, year, set.unitType);
  }
  if (report.sheets.length > 0) return null;
  const candidate = grid.sheets.find((s) => !s.hidden && !isConfirmed(s.name) && namesCriteria(s, set));
  if (!candidate) return null;
  const top = guessHeaderRow(candidate);
  return questionFor(candidate, top, top, year, set.unitType);
}
