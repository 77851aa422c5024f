import type { CriteriaIndex } from "./criteria-tree.ts";
import { cellAt, isBlankCell } from "./grid.ts";
import type { LocatedTable } from "./locate-table.ts";

/**
 * A table left out for another that carries the same criteria, not last year's: a copy of the
 * sheet, or a summary at criterion level beside the detailed sheets that were scored instead.
 */
export interface SkippedCopy {
  table: LocatedTable;
  /** The chosen table it overlaps, which was scored instead. */
  instead: LocatedTable;
  /** Leaves of the set it holds. */
  leaves: number;
  /** How many chosen tables share its codes: more than one when sheets per field won over a summary. */
  overlapping: number;
}

/**
 * A copy worth a word holds at least this many of the set's leaves, and at least half as
 * many as the table scored instead (a summary of fields holds none, or the few fields that
 * are leaves themselves). A table holding leaves across several tables scored (a summary at
 * criterion level beside the sheets per field) is always worth one.
 */
const COPY_LEAVES = 3;

/**
 * Which located tables make up the workbook's answer. One sheet per field gives tables
 * with disjoint codes: all are used, in sheet order. One sheet per year gives tables with
 * the same codes: the one named after the set's year (else the best-matching) is used.
 */
export function selectTables(tables: LocatedTable[], index: CriteriaIndex): LocatedTable[] {
  return chooseTables(tables, index).chosen;
}

/**
 * The chosen tables, and the copies left out: tables holding leaves of the set that a chosen
 * table also holds, and not named for another year ("TĐG 2023" beside this year's is kept on
 * purpose; "Tự đánh giá (2)" or "Bản nháp" beside "Tự đánh giá" may be the one the unit meant).
 */
export function chooseTables(tables: LocatedTable[], index: CriteriaIndex): { chosen: LocatedTable[]; skipped: SkippedCopy[] } {
  if (tables.length <= 1) return { chosen: tables, skipped: [] };
  const year = String(index.set.year);
  const codesOf = (t: LocatedTable) => new Set(t.rows.map((r) => r.code).filter((c): c is string => c !== null && index.byCode.has(c)));
  const leavesOf = (codes: ReadonlySet<string>) => [...codes].filter((c) => index.byCode.get(c)!.isLeaf).length;
  const scored = tables.map((table, order): Candidate => {
    const codes = codesOf(table);
    const leaves = leavesOf(codes);
    return { table, codes, leaves, order, weight: preference(table, year, leaves) * 1_000 + codes.size };
  });
  const byPreference = [...scored].sort((a, b) => b.weight - a.weight || a.order - b.order);
  const chosen: Candidate[] = [];
  const left: Candidate[] = [];
  const taken = new Set<string>();
  for (const candidate of byPreference) {
    // A summary of fields (no leaves of its own) beside the tables that hold them adds nothing.
    if ((candidate.codes.size === 0 || candidate.leaves === 0) && chosen.some((c) => c.leaves > 0)) continue;
    if ([...candidate.codes].some((c) => taken.has(c))) {
      left.push(candidate);
      continue;
    }
    chosen.push(candidate);
    for (const c of candidate.codes) taken.add(c);
  }
  const outdone = fieldSheetsOverSummaries(chosen, left, year);
  chosen.sort((a, b) => a.order - b.order);
  const skipped: SkippedCopy[] = [];
  for (const copy of left.sort((a, b) => a.order - b.order)) {
    const instead = chosen.find((c) => [...copy.codes].some((code) => c.codes.has(code)));
    if (!instead || namesAnotherYear(copy.table, year)) continue;
    const worthAWord = outdone.has(copy) || copy.leaves >= Math.max(COPY_LEAVES, instead.leaves / 2) || spansSheets(copy, chosen, index);
    const overlapping = chosen.filter((c) => [...copy.codes].some((code) => c.codes.has(code))).length;
    if (worthAWord && copy.leaves > 0) skipped.push({ table: copy.table, instead: instead.table, leaves: copy.leaves, overlapping });
  }
  return { chosen: chosen.map((c) => c.table), skipped };
}

interface Candidate {
  table: LocatedTable;
  codes: Set<string>;
  leaves: number;
  order: number;
  weight: number;
}

/**
 * A table chosen over tables that, together, hold more of the set's leaves: a summary at
 * criterion level ("Tổng hợp": fields and 1.1, 1.2 … with scores, its title naming the year)
 * beside one detailed sheet per field. The field sheets — left out, disjoint from one another
 * and from the other chosen tables, none named for another year — replace it. Changes `chosen`
 * and `left` in place; returns the tables so replaced.
 */
function fieldSheetsOverSummaries(chosen: Candidate[], left: Candidate[], year: string): Set<Candidate> {
  const outdone = new Set<Candidate>();
  for (const summary of [...chosen]) {
    const others = new Set(chosen.filter((c) => c !== summary).flatMap((c) => [...c.codes]));
    const group: Candidate[] = [];
    const inGroup = new Set<string>();
    for (const sheet of left) {
      if (sheet.leaves === 0 || namesAnotherYear(sheet.table, year) || ![...sheet.codes].some((c) => summary.codes.has(c))) continue;
      if ([...sheet.codes].some((c) => others.has(c) || inGroup.has(c))) continue;
      group.push(sheet);
      for (const c of sheet.codes) inGroup.add(c);
    }
    if (group.length < 2 || group.reduce((n, g) => n + g.leaves, 0) <= summary.leaves) continue;
    chosen.splice(chosen.indexOf(summary), 1, ...group);
    for (const g of group) left.splice(left.indexOf(g), 1);
    left.push(summary);
    outdone.add(summary);
  }
  return outdone;
}

/** A table sharing leaves with several chosen ones: a summary at criterion level of the sheets per field scored instead. */
function spansSheets(t: Candidate, chosen: readonly Candidate[], index: CriteriaIndex): boolean {
  const leaves = [...t.codes].filter((c) => index.byCode.get(c)!.isLeaf);
  return chosen.filter((c) => leaves.some((code) => c.codes.has(code))).length > 1;
}

/**
 * How much a table is preferred, strongest first: it holds leaves of the set (a summary of
 * fields, whatever its title, does not); the set's year named (tab, then title block); not a
 * tab named as a draft; a sheet the user sees (a hidden "Mẫu" is the template); self-scores
 * typed (a blank copy of the template loses to the filled one); then the most leaves.
 */
function preference(table: LocatedTable, year: string, leaves: number): number {
  const base = (leaves > 0 ? 10_000_000 : 0) + yearWeight(table, year) * 1_000_000 - (namedDraft(table) ? 500_000 : 0);
  return base - (table.sheet.hidden ? 200_000 : 0) + (holdsScores(table) ? 100_000 : 0) + leaves;
}

/** Whether any row of the table has a self-score typed. */
function holdsScores(table: LocatedTable): boolean {
  const self = table.header.columns.self;
  if (self === undefined) return false;
  return table.rows.some((row) => row.code !== null && !isBlankCell(cellAt(table.sheet, row.r, self)));
}

/** A tab named as a draft or a spare copy: "Bản nháp", "TĐG (cũ)", "Bản sao", "Copy of …", "backup". */
const DRAFT = /(?<!\p{L})(nháp|cũ|bản sao|thử|copy|backup|old|draft)(?!\p{L})/iu;
const namedDraft = (table: LocatedTable): boolean => DRAFT.test(table.sheet.name.normalize("NFC"));

const A_YEAR = /(?:^|\D)((?:19|20)\d{2})(?!\d)/g;
const yearsIn = (text: string): string[] => [...text.matchAll(A_YEAR)].map((m) => m[1]!);

/** The years its title block names (the rows above its header). */
function titleYears(table: LocatedTable): string[] {
  const years: string[] = [];
  for (let r = 0; r < table.header.headerTop; r++) for (const cell of table.sheet.rows[r] ?? []) if (typeof cell?.v === "string") years.push(...yearsIn(cell.v));
  return years;
}

/** Its tab, or else its title block, names a year and not the set's: last year's sheet, kept on purpose. */
function namesAnotherYear(table: LocatedTable, year: string): boolean {
  const tab = yearsIn(table.sheet.name);
  if (tab.length > 0) return !tab.includes(year);
  const title = titleYears(table);
  return title.length > 0 && !title.includes(year);
}

/**
 * How surely a table is the set year's: its tab names the year (2), else its title block does
 * (1). A tab naming another year ("TĐG 2023") gets nothing from a title block that names the
 * set's: a sheet copied, renamed for the archive, its title left as it was.
 */
function yearWeight(table: LocatedTable, year: string): number {
  const tab = yearsIn(table.sheet.name);
  if (tab.includes(year)) return 2;
  if (tab.length > 0) return 0;
  return titleYears(table).includes(year) ? 1 : 0;
}
