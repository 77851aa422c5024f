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
 *     parts; one row repeating the leaf's score or max without evidence is the option it reached;
 *   - it is no detail of the criterion above (detailOf): a line opening a breakdown ("Trong đó",
 *     "Gồm", "Cụ thể"), the grounds of a bonus or deduction (an award under the bonus row), an
 *     option of a choice written with its evidence, a deduction already taken off the leaf's
 *     score, or a line on the leaf's own topic whose points do not exceed the leaf's score and
 *     that does not hold a max, data and evidence of its own (an inserted "Tỷ lệ …" does). Those
 *     points are the criterion's, counted in its score; telling the unit to remove them had it
 *     delete its own breakdown, or the evidence of the award earning the bonus.
 */

/** A line that is an option or a list item, not a criterion: a bullet, a list letter, a level ("Mức 1"), or points stated in words. */
const OPTION_LINE = /^(muc|truong hop)\b|\d\s*(diem|d)\b/;
const NOTE = /^(ghi chu|luu y|chu thich)\b/;
/** A line opening a breakdown of the criterion above: "Trong đó: …", "Gồm", "Bao gồm", "Cụ thể", "Chi tiết". */
const DETAIL = /^(trong do|trong so|(bao )?gom|cu the|chi tiet)\b/;
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
  if (OPTION_LINE.test(folded) || NOTE.test(folded) || DETAIL.test(folded)) return false;
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
  if (run.length === 0 || partsOf(above, run) || above.node.inAdjustment) return [];
  const { sheet, header } = above.table;
  const self = header.columns.self!;
  return run.filter((row) => !detailOf(above, row)).map((row) => {
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

/** Syllables no topic is told by: the reform itself, levels, small words, abbreviations. */
const GENERIC = new Set(["cai", "cach", "hanh", "chinh", "cchc", "ubnd", "hdnd", "to", "chuc", "thuc", "hien", "cong", "tac", "cua", "va", "cac", "ve", "tren", "theo", "duoc", "co", "trong", "cho", "voi", "nam", "thang", "xa", "phuong", "huyen", "tinh", "don", "vi", "quy", "dinh", "nhan", "dan", "uy", "ban"]);

/** Pairs of neighbouring syllables that say a title's topic ("tuyen truyen", "doi thoai", "thanh tich"). */
function topicPairs(title: string): Set<string> {
  const words = foldText(title).split(/[^a-z0-9]+/).filter((w) => w !== "");
  const pairs = new Set<string>();
  for (let i = 1; i < words.length; i++) {
    const [a, b] = [words[i - 1]!, words[i]!];
    if (!GENERIC.has(a) && !GENERIC.has(b) && !/\d/.test(a + b)) pairs.add(`${a} ${b}`);
  }
  return pairs;
}

/**
 * Whether a row carries everything a criterion of its own does — a max, data and evidence, each in
 * its own cell: a breakdown or channel of the leaf names its topic with evidence but leaves the
 * figures to the leaf ("Niêm yết tại Bộ phận một cửa" | 1 | | its document | 1), while an item the
 * unit inserted ("Tỷ lệ hồ sơ TTHC được giải quyết trực tuyến toàn trình" | 2 | 35% | its report
 * | 2) declares its own figure, whatever words it shares with the leaf.
 */
function ownCriterion(above: CriterionAbove, row: TableRow, ownMax: number | undefined): boolean {
  const { sheet, header } = above.table;
  const { data, evidence } = header.columns;
  const filled = (c: number | undefined) => c !== undefined && !isBlankCell(cellAt(sheet, row.r, c));
  return ownMax !== undefined && filled(data) && filled(evidence);
}

/**
 * Whether one scored row is a detail of the leaf above, its points the leaf's (see above): an
 * option of a choice leaf (its score one of the options, its max blank or the leaf's), a deduction
 * the leaf's score already takes off its max, or a line naming the leaf's topic with no more
 * points than the leaf scored, unless it holds a max, data and evidence of its own (ownCriterion).
 */
function detailOf(above: CriterionAbove, row: TableRow): boolean {
  const { node } = above;
  if (!node.isLeaf) return false;
  const { sheet, header } = above.table;
  const number = (c: number | undefined, r: number) => {
    const read = c === undefined ? null : readCellNumber(cellAt(sheet, r, c));
    return read?.kind === "number" ? toCents(read.value) : undefined;
  };
  const points = number(header.columns.self, row.r);
  const ownMax = number(header.columns.max, row.r);
  const leafSelf = number(header.columns.self, above.selfRow);
  const leafMax = node.item.max === undefined ? undefined : toCents(node.item.max);
  if (points === undefined || leafSelf === undefined) return false;
  if (node.rule.kind === "choice" && (ownMax === undefined || ownMax === leafMax) && node.rule.options.some((o) => toCents(o) === points)) return true;
  if (points < 0) return leafMax !== undefined && leafMax + points === leafSelf;
  if (points > leafSelf || ownCriterion(above, row, ownMax)) return false;
  const topic = topicPairs(node.title);
  for (const pair of topicPairs(row.title)) if (topic.has(pair)) return true;
  return false;
}
