import type { CriteriaIndex } from "./criteria-tree.ts";
import { cellAt, isBlankCell } from "./grid.ts";
import { tableUnit } from "./heading-unit.ts";
import type { LocatedTable } from "./locate-table.ts";
import { revisionRank, tableDifference, type TableDifference } from "./table-versions.ts";

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
  /** Why the table scored won over it: the first preference on which they differ. */
  why: PreferenceReason;
  /** The two tables name different units in their headings or tabs: one sheet per unit, not a copy. */
  units?: { scored: string; other: string };
  /** Both full tables of the set, scored differently: which one counted changes the result. */
  differs?: TableDifference;
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
 * purpose; "Tự đánh giá (2)" or "Bản nháp" beside "Tự đánh giá" may be the one the unit meant;
 * "TĐG 2024 lần 2" beside "TĐG 2024" is the revision, scored, and the original is said).
 */
export function chooseTables(tables: LocatedTable[], index: CriteriaIndex): { chosen: LocatedTable[]; skipped: SkippedCopy[] } {
  if (tables.length <= 1) return { chosen: tables, skipped: [] };
  const year = String(index.set.year);
  const codesOf = (t: LocatedTable) => new Set(t.rows.map((r) => r.code).filter((c): c is string => c !== null && index.byCode.has(c)));
  const leavesOf = (codes: ReadonlySet<string>) => [...codes].filter((c) => index.byCode.get(c)!.isLeaf).length;
  const counted = tables.map((table) => {
    const codes = codesOf(table);
    return { table, codes, leaves: leavesOf(codes) };
  });
  const fullest = Math.max(...counted.map((c) => c.leaves));
  const scored = counted.map(({ table, codes, leaves }, order): Candidate => ({ table, codes, leaves, order, rank: preference(table, year, leaves, codes.size, fullest) }));
  const byPreference = [...scored].sort((a, b) => compareRanks(b.rank, a.rank) || a.order - b.order);
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
    if (worthAWord && copy.leaves > 0) skipped.push(describeCopy(copy, instead, overlapping, outdone.has(copy), index));
  }
  return { chosen: chosen.map((c) => c.table), skipped };
}

/**
 * A copy left out, with what the unit needs to hear: why the other won, whether it is another
 * unit's table (one sheet per unit: each unit submits its own) and, for two full tables of the
 * set chosen between by a revision's name, the year or the sheet order (not a draft, a hidden
 * sheet or a blank template losing), whether they score differently: then which one counted
 * changes the result, and the unit is warned (TABLES_DIFFER).
 */
function describeCopy(copy: Candidate, instead: Candidate, overlapping: number, summary: boolean, index: CriteriaIndex): SkippedCopy {
  const skipped: SkippedCopy = { table: copy.table, instead: instead.table, leaves: copy.leaves, overlapping, why: reason(instead.rank, copy.rank) };
  if (summary || overlapping > 1) return skipped;
  const [mine, theirs] = [tableUnit(copy.table), tableUnit(instead.table)];
  if (mine && theirs && mine.key !== theirs.key && mine.rank === theirs.rank) return { ...skipped, units: { scored: theirs.text, other: mine.text } };
  // A draft, a hidden sheet or a blank template losing is what the unit expects: the info says it.
  const plain = namedDraft(copy.table) || copy.table.sheet.hidden === true || !holdsScores(copy.table);
  const full = copy.leaves >= instead.leaves * FULL && instead.leaves >= copy.leaves * FULL;
  const differs = full && !plain ? tableDifference(instead.table, copy.table, index) : null;
  return differs ? { ...skipped, differs } : skipped;
}

interface Candidate {
  table: LocatedTable;
  codes: Set<string>;
  leaves: number;
  order: number;
  rank: Preference;
}

/**
 * A table holding at least this share of the fullest table's leaves is a full copy: a revision
 * that dropped a row is still one, a "bổ sung" sheet listing the few criteria it changes is not
 * (scoring it instead of the whole table would lose every other criterion).
 */
const FULL = 0.9;

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
 * How much a table is preferred, compared in this order: it holds leaves of the set (a summary
 * of fields, whatever its title, does not); its tab names it a revision of a full table ("TĐG
 * 2024 lần 2", "(bổ sung)", "Sau giải trình" — table-versions.ts; never one naming another
 * year, a draft, a hidden sheet or one with no score typed); the set's year named (tab, then
 * title block); not a tab named as a draft; a sheet the user sees (a hidden "Mẫu" is the
 * template); self-scores typed (a blank copy of the template loses to the filled one); then the
 * most leaves, then the most codes. Equal in all, the first sheet wins.
 */
const PREFERENCES = ["leaves", "revision", "year", "draft", "hidden", "scores", "more", "codes"] as const;
export type PreferenceReason = (typeof PREFERENCES)[number] | "order";
type Preference = number[];

function preference(table: LocatedTable, year: string, leaves: number, codes: number, fullest: number): Preference {
  const draft = namedDraft(table);
  const scores = holdsScores(table);
  const revision = !draft && scores && !table.sheet.hidden && leaves >= fullest * FULL && !namesAnotherYear(table, year) ? revisionRank(table.sheet.name) : 0;
  return [leaves > 0 ? 1 : 0, revision, yearWeight(table, year), draft ? 0 : 1, table.sheet.hidden ? 0 : 1, scores ? 1 : 0, leaves, codes];
}

function compareRanks(a: Preference, b: Preference): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return 0;
}

/** The first preference on which the winner beat the other; "order" when they tie on all. */
function reason(winner: Preference, other: Preference): PreferenceReason {
  const i = winner.findIndex((w, k) => w !== other[k]);
  return i < 0 ? "order" : PREFERENCES[i]!;
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
