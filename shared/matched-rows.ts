import type { CriteriaIndex, CriteriaNode } from "./criteria-tree.ts";
import { TitleCheck } from "./title-of-other-criterion.ts";
import { a1, cellAt, cellText, isBlankCell, mergedCellAt, type GridCell } from "./grid.ts";
import type { ColumnKind } from "./column-kinds.ts";
import type { LocatedTable, TableRow } from "./locate-table.ts";
import type { FindingInput } from "./messages.ts";
import { readCellNumber } from "./values.ts";
import { foldSpelling, foldText } from "./text.ts";
import { letteredLineOf, stripTitleCode } from "./codes.ts";
import { toCents } from "./decimal.ts";
import { hasHiddenRows, isRowHidden } from "./visibility.ts";
import { splitFraction, withEarly } from "./leaf-data.ts";
import { isBareCount } from "./own-ratio-cell.ts";
import { readDeclaredCount } from "./declared-data.ts";
import { optionScoreRow } from "./option-lines.ts";
import { childNamedBy } from "./sub-criterion-title.ts";
import { looksScored, uncodedScoredRows } from "./uncoded-scored-rows.ts";

/** A workbook row matched to a criterion. */
export interface MatchedRow {
  table: LocatedTable;
  row: TableRow;
  /**
   * The sheet row holding the leaf's self-score when it is not its own: a unit that marks its
   * score on the option line it reached ("- Ban hành sau ngày 15/01: 0,5 điểm") and leaves the
   * criterion's own cell blank (see optionScoreRow).
   */
  selfRow?: number;
  /**
   * The self-score read from option lines rather than from a cell: the points of the line marked
   * "x" (or ✓) instead of its points, or the sum of parts a), b) … each scored (see optionScoreRow).
   */
  markedPoints?: number;
  /** The rows without a code right under a leaf, up to the next coded row: where its data may stand alone (rowOfKind). */
  under?: TableRow[];
}

/**
 * The sheet row a kind is read from: the row's own, or (its own cell blank) the first row
 * continuing it that holds one (TableRow.more: data, rate, note), else the result line under the
 * title where the score was typed ("- Kết quả thực hiện:" | 26/28 | Báo cáo số … | 2), which gives
 * the criterion its data and its evidence with its score (A2-2) — or, the score on the title row,
 * the one line under it saying it is the result (onlyFilledUnder: data, rate and evidence, A9-5).
 */
function rowOfKind(m: MatchedRow, kind: ColumnKind, column: number): number {
  if (kind === "self") return m.selfRow ?? m.row.r;
  const more = m.row.more;
  const fromMore = kind === "data" || kind === "rate" || kind === "note";
  const resultLine = m.selfRow !== undefined && m.selfRow > m.row.r && !more?.includes(m.selfRow) ? m.selfRow : undefined;
  if (!fromMore && kind !== "evidence") return m.row.r;
  if ((more === undefined && resultLine === undefined && m.under === undefined) || !isBlankCell(mergedCellAt(m.table.sheet, m.row.r, column))) return m.row.r;
  if (fromMore) for (const r of more ?? []) if (!isBlankCell(cellAt(m.table.sheet, r, column))) return r;
  if (resultLine !== undefined && !isBlankCell(cellAt(m.table.sheet, resultLine, column))) return resultLine;
  return kind === "note" ? m.row.r : (onlyFilledUnder(m, column) ?? m.row.r);
}

/**
 * The one line under a leaf, without a code, that fills a data column the leaf's own row left
 * blank: its result written under the title ("- Kết quả thực hiện:" | 26/28, the score on the
 * title row: A2-2). Several such lines are a breakdown (by commune, by quarter), none the criterion's own.
 */
function onlyFilledUnder(m: MatchedRow, column: number): number | undefined {
  let found: TableRow | undefined;
  for (const row of m.under ?? []) {
    if (isBlankCell(cellAt(m.table.sheet, row.r, column))) continue;
    if (found !== undefined) return undefined;
    found = row;
  }
  // Only a line saying it gives the result, or saying nothing: "- Năm 2023 (để so sánh):", "Trong đó: …"
  // or "- Số hồ sơ trễ hạn:" beside a figure is no criterion's data (A9-2).
  const words = found?.title.trim() ?? "";
  return found !== undefined && (words === "" || RESULT_LINE.test(foldText(words.replace(/^[-–•+*]\s*/u, "")))) ? found.r : undefined;
}

/** A line under a title that gives its result: "- Kết quả thực hiện:", "Kết quả:", "Số liệu:", "Tỷ lệ đạt được:", "Thực hiện:", "Đạt:" (folded). */
const RESULT_LINE = /^(ket qua( thuc hien| dat duoc)?|so lieu( ke khai| thuc hien)?|ty le( dat( duoc)?)?|thuc hien|dat duoc|dat)\s*[:.]?\s*$/;

/** The sheet row a criterion's own evidence is read from (its row, or its result line: rowOfKind); its row when the table has no evidence column. */
export function evidenceRowOf(m: MatchedRow): number {
  const column = m.table.header.columns.evidence;
  return column === undefined ? m.row.r : rowOfKind(m, "evidence", column);
}

/** The row matched to each criterion, at the node's index (CriteriaNode.index). */
export type MatchedRows = readonly (MatchedRow | undefined)[];

/** The address of a row's cell in a column kind, or undefined when the table has no such column. */
export function addressOf(m: MatchedRow, kind: ColumnKind): string | undefined {
  const column = m.table.header.columns[kind];
  return column === undefined ? undefined : a1(m.table.sheet.name, rowOfKind(m, kind, column), column);
}

/**
 * A row's cell in a column kind (merged: the top-left cell of a merge covering it). The data
 * of a table that splits it into a numerator and a denominator column is their "a/b"
 * (splitFraction) — for a ratio leaf (`overWhole`): a count leaf's figure is its own cell, the
 * plan beside it being what a ratio is taken over ("04 phần mềm" | "Triển khai 03 phần mềm" had
 * been "3/4", no count).
 */
export function cellOf(m: MatchedRow, kind: ColumnKind, merged = false, overWhole = true): GridCell | undefined {
  const column = m.table.header.columns[kind];
  if (column === undefined) return undefined;
  const r = rowOfKind(m, kind, column);
  const at = merged ? mergedCellAt : cellAt;
  const cell = at(m.table.sheet, r, column);
  const denominator = m.table.header.denominator;
  // A bare count in an on-time count's column is no ratio's data (HeaderMatch.dataOwnRatiosOnly, WB40-5);
  // what else the column holds reads as data does ("Không phát sinh", "0/0", an error: WB42-1/2).
  if (kind === "data" && overWhole && m.table.header.dataOwnRatiosOnly && isBareCount(cell)) return undefined;
  if (kind !== "data" || !overWhole || denominator === undefined) return cell;
  const early = m.table.header.dataEarly;
  const onTime = early === undefined ? cell : withEarly(cell, at(m.table.sheet, r, early));
  return splitFraction(onTime, at(m.table.sheet, r, denominator), m.table.header.dataNotDone);
}

/**
 * The row as a criterion that asks for what was done on time reads it: where the table's data is
 * what was resolved of what was received and an on-time count follows (HeaderMatch.onTime), that
 * count of what was resolved; any other criterion, or table, the row as it is.
 */
export function readsOnTime(m: MatchedRow, onTimeAsked: boolean): MatchedRow {
  const { onTime, ...header } = m.table.header;
  if (!onTimeAsked || onTime === undefined) return m;
  const { dataEarly: _early, ...rest } = header;
  const { rate, ...columns } = header.columns;
  const read = { ...rest, columns: { ...columns, ...(onTime.dropsRate || rate === undefined ? {} : { rate }), data: onTime.data }, denominator: onTime.denominator, ...(onTime.early === undefined ? {} : { dataEarly: onTime.early }) };
  return { ...m, table: { ...m.table, header: read } };
}

/**
 * The row as a criterion whose title (folded) names a part of the table's total reads it
 * (HeaderMatch.partsOfTotal): that part's count over the total, whatever column the table's data
 * is — the part naming the most words where several are named ("trực tuyến toàn trình" over
 * "trực tuyến"). The row as it is where the title names none, or the part the table reads.
 */
export function readsPartNamed(m: MatchedRow, title: string): MatchedRow {
  const { partsOfTotal, ...header } = m.table.header;
  if (partsOfTotal === undefined) return m;
  const padded = ` ${title} `;
  let named: (typeof partsOfTotal.parts)[number] | undefined;
  for (const p of partsOfTotal.parts) if (p.words !== "" && padded.includes(` ${p.words} `) && (named === undefined || p.words.length > named.words.length)) named = p;
  if (named === undefined || (named.column === header.columns.data && header.denominator === partsOfTotal.total)) return m;
  // The part's own count over the total: nothing the table's own reading added (an early count, a
  // second reading, a not-done or own-ratio reading) nor its rate, which is another part's share.
  const { dataEarly: _early, onTime: _onTime, dataNotDone: _notDone, dataOwnRatiosOnly: _own, rateNotDone: _rateNotDone, rateBesideNotDone: _beside, ...rest } = header;
  const { rate: _rate, ...columns } = header.columns;
  const read = { ...rest, columns: { ...columns, data: named.column }, labels: { ...header.labels, data: named.label }, denominator: partsOfTotal.total };
  return { ...m, table: { ...m.table, header: read } };
}

/** The address of a row's early count added to its on-time data (HeaderMatch.dataEarly), when it holds one. */
export function earlyCountAddress(m: MatchedRow): string | undefined {
  const { dataEarly: early, columns } = m.table.header;
  if (early === undefined || columns.data === undefined) return undefined;
  const r = rowOfKind(m, "data", columns.data);
  return readDeclaredCount(cellAt(m.table.sheet, r, early)) === null ? undefined : a1(m.table.sheet.name, r, early);
}

/** A row's evidence: its own cell (merged: the merge's), then the cells of the rows that continue it (TableRow.more), a line each. */
export function evidenceTextOf(m: MatchedRow, ownCell: GridCell | undefined = cellOf(m, "evidence", true)): string {
  const column = m.table.header.columns.evidence;
  if (column === undefined) return "";
  // A formula's error ("#N/A" from a lookup) cites nothing (score-workbook says FORMULA_ERROR).
  const own = citedText(ownCell);
  if (!m.row.more) return own;
  const lines = [own];
  for (const r of m.row.more) lines.push(citedText(cellAt(m.table.sheet, r, column)));
  return lines.filter((t) => t.trim() !== "").join("\n");
}

function citedText(cell: GridCell | undefined): string {
  // A checkbox's TRUE or FALSE (or =F9<>"") says yes or no and cites nothing.
  if (cell?.err !== undefined || typeof cell?.v === "boolean") return "";
  return cell?.v === undefined && cell?.f !== undefined ? (hyperlinkText(cell.f) ?? "") : cellText(cell);
}

/**
 * A HYPERLINK formula saved without its value (openpyxl, web exports): the text it shows, else
 * its address — what Excel would show once it recalculates. `HYPERLINK("https://…","Báo cáo số 45/BC-UBND …")`.
 */
const HYPERLINK = /^\s*HYPERLINK\(\s*"((?:[^"]|"")*)"\s*(?:[,;]\s*"((?:[^"]|"")*)"\s*)?\)\s*$/i;
function hyperlinkText(formula: string): string | null {
  const m = HYPERLINK.exec(formula);
  return m ? (m[2] ?? m[1]!).replace(/""/g, '"') : null;
}

/** Where findings about a row's score go: its score cell, else its code or title cell. */
export function scoreAddress(m: MatchedRow): string | undefined {
  return addressOf(m, "self") ?? addressOf(m, "title");
}

/**
 * A part row ("PHẦN III", "Phần thứ ba" in the code cell over "ĐIỂM THƯỞNG, ĐIỂM TRỪ"): its
 * title may be a field's, but it is no row of that field — matched by title it would make the
 * field's own row a duplicate.
 */
function namesPart(table: LocatedTable, row: TableRow): boolean {
  const column = table.header.columns.code;
  return column !== undefined && /^phần(?!\p{L})/iu.test(cellText(cellAt(table.sheet, row.r, column)).normalize("NFC").trim());
}

/** Where findings about a row itself go (unknown, duplicate): its code cell, else its title cell; built only for a finding. */
const rowAddress = (m: MatchedRow): string | undefined => addressOf(m, "code") ?? addressOf(m, "title");

/** Whether a row holds a maximum or a score: a sub-criterion's row does, a breakdown or a note under it does not. */
const holdsPoints = (m: MatchedRow): boolean => readCellNumber(cellOf(m, "max")).kind === "number" || readCellNumber(cellOf(m, "self")).kind === "number";

/**
 * Rows matched to criteria by code (or, for rows without any code, by title: the set's title, or
 * under a criterion one of its children's, see childNamedBy), with the findings of matching.
 */
export function matchRows(tables: LocatedTable[], index: CriteriaIndex, inputs: FindingInput[]): MatchedRows {
  const matched: (MatchedRow | undefined)[] = new Array<MatchedRow | undefined>(index.nodes.length).fill(undefined);
  // Rows without any code are matched by title; the title index is built only then.
  let byTitle: Map<string, string> | null = null;
  const codeOf = (table: LocatedTable, row: TableRow): string | null => {
    if (row.code !== null) return row.code;
    if (namesPart(table, row)) return null;
    // Spelled either way: "Tỉ lệ hồ sơ xử lí …" is the set's "Tỷ lệ hồ sơ xử lý …".
    byTitle ??= new Map(index.nodes.map((node) => [foldSpelling(node.title), node.code]));
    return byTitle.get(foldSpelling(stripTitleCode(row.title))) ?? null;
  };
  // The last leaf matched whose own score cell is blank, and the rows without a code under it.
  let blankLeaf: { m: MatchedRow; node: CriteriaNode } | null = null;
  let options: number[] = [];
  const settle = () => {
    const chosen = blankLeaf && options.length > 0 ? optionScoreRow(blankLeaf.m.table, blankLeaf.node, options) : undefined;
    if (blankLeaf && chosen) {
      blankLeaf.m.selfRow = chosen.r;
      if (chosen.derived) blankLeaf.m.markedPoints = chosen.value;
    }
    blankLeaf = null;
    options = [];
  };
  /** A blank leaf given its score on a row continuing it: no option lines to look for under it. */
  const forgetBlankLeaf = (m: MatchedRow) => {
    if (blankLeaf?.m !== m) return;
    blankLeaf = null;
    options = [];
  };
  /** Codes some row carries: a criterion with a row of its own is never taken by title. */
  let coded: Set<string> | null = null;
  const carriesCode = (code: string) => (coded ??= new Set(tables.flatMap((t) => t.rows.flatMap((r) => (r.code === null ? [] : [r.code]))))).has(code);
  const open = (node: CriteriaNode) => matched[node.index] === undefined && !carriesCode(node.code);
  /** A row without a code under a criterion, bulleted or not: one of its children by title, if any. */
  const childOf = (enclosing: CriteriaNode | null, table: LocatedTable, row: TableRow): string | null =>
    enclosing === null || row.title === "" || namesPart(table, row) ? null : (childNamedBy(enclosing, row.title, open, () => holdsPoints({ table, row }))?.code ?? null);
  const shownElsewhere = visiblyCoded(tables, codeOf);
  const titles = new TitleCheck(index);
  const skipped = new SkippedHiddenRows(inputs);
  for (const table of tables) {
    const hiding = hasHiddenRows(table.sheet);
    // The criterion matched on the row just above, which a row repeating its code may continue.
    let above: MatchedRow | null = null;
    /** The criterion rows without a code stand under: the last matched, or a leaf's parent. */
    let enclosing: CriteriaNode | null = null;
    /** The last criterion matched on this table, and the scored rows without a code under it (uncoded-scored-rows.ts). */
    let last: { m: MatchedRow; node: CriteriaNode } | null = null;
    let uncoded: TableRow[] = [];
    for (const row of table.rows) {
      const code = codeOf(table, row) ?? childOf(enclosing, table, row);
      const continued: MatchedRow | null = above;
      above = null;
      if (code === null) {
        if (last?.node.isLeaf) (last.m.under ??= []).push(row);
        if (blankLeaf) options.push(row.r);
        else if (last && looksScored(table, row)) uncoded.push(row);
        continue;
      }
      // "1.3a", "1.3b" under 1.3 left blank: its parts or options, not criteria the set lacks
      // (a "1.4a" under a scored 1.4 is a row the unit added: UNKNOWN_CRITERION below).
      if (blankLeaf && blankLeaf.m.table === table && !index.byCode.has(code) && letteredLineOf(code, blankLeaf.node.code)) {
        options.push(row.r, ...(row.more ?? []));
        continue;
      }
      const repeated = continued && index.byCode.get(code);
      if (repeated && matched[repeated.index] === continued && continues(continued, row) && !(hiding && isRowHidden(table.sheet, row.r))) {
        continued.row = { ...continued.row, more: [...(continued.row.more ?? []), row.r, ...(row.more ?? [])] };
        if (scoresBlankCriterion(continued, row)) {
          // The score typed on a lower row of the filled-down block is the criterion's.
          continued.selfRow = row.r;
          forgetBlankLeaf(continued);
        }
        if (blankLeaf?.m === continued && row.more) options.push(...row.more);
        above = continued;
        continue;
      }
      settle();
      // A coded row closes the run: rows without a code between two criteria, scored as one of their own.
      if (last && uncoded.length > 0) inputs.push(...uncodedScoredRows({ table, node: last.node, selfRow: last.m.selfRow ?? last.m.row.r }, uncoded, index.set.id));
      uncoded = [];
      const m: MatchedRow = { table, row };
      // A hidden row whose code a visible row also carries (last year's rows hidden instead of
      // deleted): the visible row is the one the unit sees and scores; the hidden one is said and skipped.
      const shown = hiding && isRowHidden(table.sheet, row.r) ? shownElsewhere.get(code) : undefined;
      if (shown) {
        skipped.add(code, m, shown);
        continue;
      }
      skipped.flush();
      const node = index.byCode.get(code);
      if (!node) {
        inputs.push({ code: "UNKNOWN_CRITERION", criterion: code, cell: rowAddress(m), params: { set: index.set.id } });
        continue;
      }
      const first = matched[node.index];
      if (first) {
        inputs.push({ code: "DUPLICATE_CRITERION", criterion: code, cell: rowAddress(m), params: { first: rowAddress(first) } });
        continue;
      }
      matched[node.index] = m;
      above = m;
      last = { m, node };
      enclosing = node.isLeaf ? node.parent : node;
      checkMax(node, m, inputs);
      const other = titles.otherCriterion(node, row.title);
      if (other) inputs.push({ code: "TITLE_OF_OTHER_CRITERION", criterion: code, cell: rowAddress(m), params: { other: other.code, otherTitle: other.title } });
      if (node.isLeaf && readCellNumber(cellOf(m, "self")).kind === "blank") {
        const below = onlyScoreBelow(m, node);
        if (below !== undefined) m.selfRow = below;
        else {
          blankLeaf = { m, node };
          // A score typed on a row lower in the criterion's merged block counts as an option line's.
          if (row.more) options.push(...row.more);
        }
      }
    }
    settle();
    skipped.flush();
  }
  return matched;
}

/**
 * Whether a row repeating the code of the criterion matched right above it continues it: one
 * document a row, the code (and the title) filled down. Its title is blank or the criterion's,
 * its score blank, the same, or the only one of the block (the score typed on its last row, the
 * rows above blank): its evidence, data and note are the criterion's (TableRow.more), its score
 * the criterion's (MatchedRow.selfRow). Another title or another score is a second row for the
 * criterion (DUPLICATE_CRITERION).
 */
function continues(m: MatchedRow, row: TableRow): boolean {
  const title = foldText(stripTitleCode(row.title));
  if (title !== "" && title !== foldText(stripTitleCode(m.row.title))) return false;
  const column = m.table.header.columns.self;
  if (column === undefined) return true;
  const own = readCellNumber(cellAt(m.table.sheet, row.r, column));
  if (own.kind === "blank") return true;
  const first = readCellNumber(cellAt(m.table.sheet, m.selfRow ?? m.row.r, column));
  if (first.kind === "blank") return own.kind === "number";
  return own.kind === "number" && first.kind === "number" && toCents(own.value) === toCents(first.value);
}

/**
 * The one row under a criterion whose own score cell is blank, without a code or words of its
 * own (TableRow.more), where a score is typed: the result line ("" | 26/28 | … | 3) that gives
 * the criterion its data and its score (A2-3: the data had been read there, the score not — a
 * line without words is no option line). Undefined where none, or several, hold one.
 */
function onlyScoreBelow(m: MatchedRow, node: CriteriaNode): number | undefined {
  const column = m.table.header.columns.self;
  if (column === undefined || m.row.more === undefined) return undefined;
  const typed = m.row.more.filter((r) => readCellNumber(cellAt(m.table.sheet, r, column)).kind === "number");
  const r = typed.length === 1 ? typed[0]! : undefined;
  return r !== undefined && ownMaxFits(m, node, r) ? r : undefined;
}

/** A result line states no max, or the criterion's: a line of its own max (a subtotal "" | 6 | … | 3) is no result of it. */
function ownMaxFits(m: MatchedRow, node: CriteriaNode, r: number): boolean {
  const column = m.table.header.columns.max;
  const own = column === undefined ? ({ kind: "blank" } as const) : readCellNumber(cellAt(m.table.sheet, r, column));
  return own.kind === "blank" || (own.kind === "number" && node.item.max !== undefined && toCents(own.value) === toCents(node.item.max));
}

/** Whether a row continuing a criterion (see continues) holds the block's only score, the criterion's own cell blank so far. */
function scoresBlankCriterion(m: MatchedRow, row: TableRow): boolean {
  const column = m.table.header.columns.self;
  if (column === undefined) return false;
  return readCellNumber(cellAt(m.table.sheet, m.selfRow ?? m.row.r, column)).kind === "blank" && readCellNumber(cellAt(m.table.sheet, row.r, column)).kind === "number";
}

/**
 * Hidden rows skipped for their visible twins, said once per run of them: last year's whole
 * table kept hidden is one warning ("32 dòng ẩn ở 'TĐG'!A11:A62, mã 1 đến 9.2"), not one per
 * criterion; a lone hidden row is said as itself. The warning sits at the run's first row.
 */
class SkippedHiddenRows {
  private run: { code: string; m: MatchedRow; shown: MatchedRow }[] = [];
  constructor(private readonly inputs: FindingInput[]) {}

  add(code: string, m: MatchedRow, shown: MatchedRow): void {
    if (this.run.length > 0 && this.run[0]!.m.table !== m.table) this.flush();
    this.run.push({ code, m, shown });
  }

  flush(): void {
    const run = this.run;
    if (run.length === 0) return;
    this.run = [];
    const first = run[0]!;
    const at = rowAddress(first.m);
    if (run.length === 1) {
      this.inputs.push({ code: "HIDDEN_ROW_SKIPPED", criterion: first.code, cell: at, params: { at, shown: rowAddress(first.shown) } });
      return;
    }
    const last = run.at(-1)!;
    const lastAt = rowAddress(last.m);
    // "'TĐG 2024'!A11" and "'TĐG 2024'!A62" → "'TĐG 2024'!A11:A62".
    const span = at && lastAt ? `${at}:${lastAt.slice(lastAt.lastIndexOf("!") + 1)}` : at;
    this.inputs.push({
      code: "HIDDEN_ROW_SKIPPED",
      criterion: first.code,
      cell: at,
      params: { at: span, shown: rowAddress(first.shown), count: run.length, last: last.code },
    });
  }
}

/** The first visible row of each code, when some table hides rows (else nothing to compare: empty). */
function visiblyCoded(tables: readonly LocatedTable[], codeOf: (table: LocatedTable, row: TableRow) => string | null): Map<string, MatchedRow> {
  const shown = new Map<string, MatchedRow>();
  if (!tables.some((t) => hasHiddenRows(t.sheet))) return shown;
  for (const table of tables) {
    for (const row of table.rows) {
      if (isRowHidden(table.sheet, row.r)) continue;
      const code = codeOf(table, row);
      if (code !== null && !shown.has(code)) shown.set(code, { table, row });
    }
  }
  return shown;
}

function checkMax(node: CriteriaNode, m: MatchedRow, inputs: FindingInput[]): void {
  const read = readCellNumber(cellOf(m, "max"));
  // The address only for a finding: most rows have none.
  if (read.kind === "error") inputs.push({ code: "FORMULA_ERROR", criterion: node.code, cell: addressOf(m, "max"), params: { value: read.text } });
  const setMax = node.inAdjustment && !node.isLeaf ? undefined : node.item.max;
  if (read.kind === "number" && setMax !== undefined && toCents(read.value) !== toCents(setMax) && !node.inAdjustment) {
    inputs.push({ code: "MAX_MISMATCH", criterion: node.code, cell: addressOf(m, "max"), params: { found: read.value, max: setMax, field: node.parent === null ? "yes" : undefined } });
  }
}
