import type { CriteriaNode } from "./criteria-tree.ts";
import { a1, cellAt, cellText, isBlankCell } from "./grid.ts";
import { labelsTotal, type LocatedTable, type TableRow } from "./locate-table.ts";
import type { FindingInput } from "./messages.ts";
import { readCellNumber } from "./values.ts";
import { foldText } from "./text.ts";
import { toCents } from "./decimal.ts";
import { isRowHidden } from "./visibility.ts";

/**
 * A row the unit inserted between criteria with points of its own but no code ("Tổ chức hội nghị
 * sơ kết CCHC 6 tháng" | 1 | its evidence | 1, the STT cell empty): no criterion of the set, so its
 * point is not counted — UNKNOWN_CRITERION says so, as it does of the same row coded "1.4a" (it
 * had been dropped with nothing said). Rows without a code are everyday and mostly legitimate, so
 * only one that looks like a criterion of its own is said:
 *   - its code cell is empty (a bullet "-" or a number in it is a list line), the table has a code
 *     column, and the row is visible;
 *   - its title starts with a letter — not a bullet ("- …", "+ …"), a list letter ("a) …"), a
 *     line stating its points ("Đúng hạn: 2 điểm", "Mức 1"), a note or a subtotal;
 *   - it holds a self-score of its own and a max or evidence of its own (a breakdown holds data, a
 *     note words);
 *   - it stands between criteria: a criterion matched above it and a coded row below it;
 *   - it is no part or option of the criterion above: under a leaf left blank its lines are its
 *     options (optionScoreRow); several rows whose maxima or scores add up to the leaf's are its
 *     parts; one row repeating the leaf's score or max without evidence is the option it reached.
 */

/** A line that is an option or a list item, not a criterion: a bullet, a list letter, a level ("Mức 1"), or points stated in words. */
const OPTION_LINE = /^(muc|truong hop)\b|\d\s*(diem|d)\b/;
const NOTE = /^(ghi chu|luu y|chu thich)\b/;
/** Titles are shown up to this many characters. */
const SHOWN_TITLE = 80;

/** Whether a row without a code looks like a scored criterion of its own (see above). */
export function looksScored(table: LocatedTable, row: TableRow): boolean {
  const { sheet, header } = table;
  const { code, self, max, evidence } = header.columns;
  if (row.token !== null || code === undefined || self === undefined || isRowHidden(sheet, row.r)) return false;
  if ((header.codeColumns ?? [code]).some((c) => cellText(cellAt(sheet, row.r, c)).trim() !== "")) return false;
  const title = row.title.normalize("NFC").trim();
  if (!/^\p{L}/u.test(title) || /^\p{L}[).]\s/u.test(title) || labelsTotal(title)) return false;
  const folded = foldText(title.slice(0, SHOWN_TITLE * 2));
  if (OPTION_LINE.test(folded) || NOTE.test(folded)) return false;
  if (readCellNumber(cellAt(sheet, row.r, self)).kind !== "number") return false;
  const ownMax = max !== undefined && readCellNumber(cellAt(sheet, row.r, max)).kind === "number";
  return ownMax || (evidence !== undefined && !isBlankCell(cellAt(sheet, row.r, evidence)));
}

/** The criterion matched above a run of rows without a code, with the sheet row holding its self-score. */
export interface CriterionAbove {
  table: LocatedTable;
  node: CriteriaNode;
  selfRow: number;
}

/**
 * The findings for a run of scored rows without a code (looksScored) closed by a coded row: none
 * when they are the parts or the option reached of the leaf above, else UNKNOWN_CRITERION at each
 * row's empty code cell.
 */
export function uncodedScoredRows(above: CriterionAbove, run: readonly TableRow[], set: string): FindingInput[] {
  if (run.length === 0 || partsOf(above, run)) return [];
  const { sheet, header } = above.table;
  const self = header.columns.self!;
  return run.map((row) => {
    const read = readCellNumber(cellAt(sheet, row.r, self));
    const title = row.title.trim();
    const shown = title.length > SHOWN_TITLE ? `${title.slice(0, SHOWN_TITLE - 1).trimEnd()}…` : title;
    return { code: "UNKNOWN_CRITERION", cell: a1(sheet.name, row.r, header.columns.code!), params: { set, title: shown, points: read.kind === "number" ? read.value : undefined } };
  });
}

/** Whether the run is the leaf above's parts (several adding up to its max or score) or the option it reached (one repeating them, with no evidence of its own). */
function partsOf(above: CriterionAbove, run: readonly TableRow[]): boolean {
  if (!above.node.isLeaf) return false;
  const { sheet, header } = above.table;
  const { self, max, evidence } = header.columns;
  const sum = (column: number | undefined) =>
    column === undefined ? NaN : run.reduce((s, row) => {
      const read = readCellNumber(cellAt(sheet, row.r, column));
      return s + (read.kind === "number" ? toCents(read.value) : 0);
    }, 0);
  const leafSelf = readCellNumber(cellAt(sheet, above.selfRow, self!));
  const leafMax = above.node.item.max;
  const adds = (leafSelf.kind === "number" && sum(self) === toCents(leafSelf.value)) || (leafMax !== undefined && sum(max) === toCents(leafMax));
  if (run.length > 1) return adds;
  return adds && (evidence === undefined || isBlankCell(cellAt(sheet, run[0]!.r, evidence)));
}
