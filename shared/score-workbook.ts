import type { CriteriaSet } from "./criteria-schema.ts";
import { indexCriteria, setCodes, type CriteriaIndex, type CriteriaNode } from "./criteria-tree.ts";
import { a1, cellText, sameSheetName, type Grid, type GridCell, type GridSheet } from "./grid.ts";
import { setMismatch } from "./set-mismatch.ts";
import { scoreMergedOverAlternatives } from "./merged-best-score.ts";
import type { ConfirmedHeader } from "./column-kinds.ts";
import { foldLabel, locateCriteriaTables, titleAsksNotDone, titleAsksOnTime, type LocatedTable } from "./locate-table.ts";
import { chooseTables, type SkippedCopy } from "./table-selection.ts";
import { makeFinding, type FindingInput } from "./messages.ts";
import type { Finding, Locale } from "./findings.ts";
import { optionalAncestor, scoreLeaf } from "./rules.ts";
import { dateAsShown, formatDateVi, isNotApplicableText, isTypedDate, serialDate } from "./values.ts";
import type { LeafResult } from "./leaf-result.ts";
import { checkEvidence } from "./evidence-check.ts";
import { evidenceElsewhere, evidenceLists, type EvidenceLists } from "./evidence-sheet.ts";
import { combineVectors, leafVectors, type CombinedVectors } from "./combine-scores.ts";
import { addressOf, cellOf, earlyCountAddress, readsOnTime, readsPartNamed, evidenceTextOf, matchRows, scoreAddress, type MatchedRow, type MatchedRows } from "./matched-rows.ts";
import { checkParentRows, checkTotalsRows, type LeafResults } from "./typed-sums.ts";
import { asWritten, fromCents } from "./decimal.ts";
import type { ItemScore, Report } from "./report.ts";
import { readableSheet } from "./legacy-vietnamese.ts";
import { unorderedSelfColumns } from "./self-columns.ts";

export interface ScoreOptions {
  /** Only this sheet (the CLI's --sheet). */
  sheet?: string | undefined;
  /** Imported survey scores by criterion code. */
  survey?: Record<string, number> | undefined;
  locale?: Locale | undefined;
  /** Headers the user confirmed, replacing detection on their sheets. */
  confirmedHeaders?: ConfirmedHeader[] | undefined;
}

/** The sheet `--sheet` names: the one named exactly, else those Excel would take for it (sameSheetName). */
function namedSheets(sheets: GridSheet[], only: string): GridSheet[] {
  const exact = sheets.filter((s) => s.name === only);
  return exact.length > 0 ? exact : sheets.filter((s) => sameSheetName(only, s.name));
}

/** Score an evidence workbook against a criteria set (CRITERIA-FORMAT.md §3–4, §6). Never throws on workbook content. */
export function scoreWorkbook(grid: Grid, set: CriteriaSet, options: ScoreOptions = {}): Report {
  const locale = options.locale ?? "vi";
  const index = indexCriteria(set);
  // A sheet typed in TCVN3 (".VnTime" fonts) is read as the Unicode its user sees.
  const only = options.sheet;
  const sheets: GridSheet[] = (only ? namedSheets(grid.sheets, only) : grid.sheets).map(readableSheet);
  const { chosen: tables, skipped } = chooseTables(locateCriteriaTables(sheets, set.year, options.confirmedHeaders, setCodes(index), set.unitType), index);
  const inputs: FindingInput[] = [];
  if (tables.length === 0) inputs.push({ code: "HEADER_NOT_FOUND" });
  for (const copy of skipped) inputs.push(copySkipped(copy));
  inputs.push(...tablesDiffer(skipped));
  inputs.push(...unorderedSelfColumns(tables));
  const matched: MatchedRows = tables.length === 0 ? [] : matchRows(tables, index, inputs);
  scoreMergedOverAlternatives(index, matched);
  // Per-node results in arrays at the node's index: no map keyed by code grows with the table.
  const results: LeafResult[] = new Array<LeafResult>(index.nodes.length);
  // Evidence kept on a sheet of its own, linked by code for leaves whose own cell is blank, or by number for cells referring to it.
  const listed: EvidenceLists = tables.length === 0 ? { byCode: new Map(), byNumber: new Map() } : evidenceLists(sheets, tables, setCodes(index).all);
  for (const leaf of index.leaves) results[leaf.index] = scoreMatchedLeaf(leaf, matched[leaf.index], set.period, options, listed);
  settleOptionalParents(index, matched, results);
  forgiveBlankAlternatives(index, results);
  const leaves = leafVectors(index);
  // One pass over the leaves' results (at 10⁵ rows each pass is memory-bound): their findings in
  // set order, before the parent and totals rows' (which read the results, never change them).
  for (const leaf of index.leaves) {
    const result = results[leaf.index]!;
    if (tables.length > 0) for (const finding of result.findings) inputs.push(finding);
    leaves.cents[leaf.index] = result.cents;
    leaves.excluded[leaf.index] = result.notApplicable ? 1 : 0;
  }
  if (tables.length > 0) {
    checkParentRows(index, matched, results, inputs);
    checkTotalsRows(tables, index, matched, results, inputs);
  }
  const combined = combineVectors(index, leaves.cents, leaves.excluded, { surveyImported: surveyImported(index, options) });
  for (const u of combined.scores.unmet) {
    const m = matched[index.byCode.get(u.code)!.index];
    inputs.push({ code: "REQUIREMENT_NOT_MET", criterion: u.code, cell: m && scoreAddress(m), params: { target: u.target, atLeast: u.atLeast, reached: u.reached, lost: u.lost } });
  }
  // Said first: the many findings under it may all come from the set chosen.
  const wrongSet = setMismatch(tables, set, inputs);
  if (wrongSet) inputs.unshift(wrongSet);
  return buildReport(index, tables, matched, results, combined, inputs, options, locale);
}

/**
 * `optional: true` on a criterion with sub-criteria (§1): the item is the parent, so "Không áp
 * dụng" takes all of its max out or none of it. Marked on its own row, with no sub-criterion
 * scored above 0, every sub-criterion leaves the denominator and is asked for nothing (blank,
 * 0 or marked alike); with one scored, the scores count and NOT_APPLICABLE_IGNORED says the mark
 * was not taken. Marked on every sub-criterion instead, the same as on its row. Marked on some
 * only, those are not taken out: SCORE_NOT_NUMBER at each, naming the parent.
 */
function settleOptionalParents(index: CriteriaIndex, matched: MatchedRows, results: LeafResult[]): void {
  for (const parent of parentsToSettle(index).optional) {
    const leaves = parent.leaves;
    const row = matched[parent.index];
    const said = row ? cellOf(row, "self") : undefined;
    const scored = leaves.filter((leaf) => {
      const r = results[leaf.index]!;
      return !r.notApplicable && ((typeof r.self === "number" && r.self > 0) || (r.computedCents ?? 0) > 0 || r.nothingArose);
    });
    if (typeof said?.v === "string" && isNotApplicableText(said.v)) {
      if (scored.length === 0) {
        for (const leaf of leaves) results[leaf.index] = { self: results[leaf.index]!.self, notApplicable: true, nothingArose: false, cents: 0, findings: [] };
      } else {
        results[scored[0]!.index]!.findings.push({ code: "NOT_APPLICABLE_IGNORED", criterion: parent.code, cell: row && scoreAddress(row), params: { value: said.v } });
      }
      continue;
    }
    const marked = leaves.filter((leaf) => results[leaf.index]!.notApplicable && !ownNotApplicable(leaf));
    if (marked.length === 0 || marked.length === leaves.length) continue;
    for (const leaf of marked) {
      const r = results[leaf.index]!;
      const m = matched[leaf.index];
      results[leaf.index] = { ...r, notApplicable: false, cents: 0, findings: [...r.findings, { code: "SCORE_NOT_NUMBER", criterion: leaf.code, cell: m && scoreAddress(m), params: { value: String(r.self ?? ""), notApplicable: "yes", parent: parent.code } }] };
    }
  }
}

/** Parents a scoring settles after its leaves: optional ones (outermost only) and `best` ones, in set order. */
interface ParentsToSettle {
  optional: CriteriaNode[];
  best: CriteriaNode[];
}

/** Found once per set (a value, as indexCriteria's cache holds): a scoring walks these few, not every node twice. */
const parentsBySet = new WeakMap<CriteriaIndex, ParentsToSettle>();

function parentsToSettle(index: CriteriaIndex): ParentsToSettle {
  let parents = parentsBySet.get(index);
  if (!parents) {
    const optional = index.nodes.filter((node) => !node.isLeaf && node.item.optional && !optionalAncestor(node));
    parentsBySet.set(index, (parents = { optional, best: index.nodes.filter((node) => node.item.combine === "best") }));
  }
  return parents;
}

/** A leaf's own "không phát sinh" rule (not the one its optional parent lends it). */
const ownNotApplicable = (leaf: CriteriaNode): boolean => leaf.item.notApplicable !== undefined || leaf.item.optional === true;

const tableAt = (t: LocatedTable) => a1(t.sheet.name, t.header.headerTop, 0);

/** TABLE_SKIPPED (info) at the copy's header: which sheet was scored instead, so that a unit whose draft was scored sees it. */
function copySkipped(copy: SkippedCopy): FindingInput {
  const params = { sheet: copy.table.sheet.name, leaves: copy.leaves, scored: copy.instead.sheet.name, at: tableAt(copy.instead), why: copy.why };
  const more = copy.overlapping > 1 ? { sheets: copy.overlapping } : copy.units ? { otherUnit: copy.units.other, scoredUnit: copy.units.scored } : {};
  return { code: "TABLE_SKIPPED", cell: tableAt(copy.table), params: { ...params, ...more } };
}

/** An Excel copy's tab ("TĐG 2024 (2)"), named in the message: it says nothing of which table is newer. */
const EXCEL_COPY = /\(\d{1,3}\)\s*$/;

/**
 * TABLES_DIFFER (warning) at the scored table's header: the tables left out that change the
 * result — other units' tables (one warning naming them all: the score is one unit's), and
 * full copies of the table that score differently (one each: which one counted, and why).
 */
function tablesDiffer(skipped: readonly SkippedCopy[]): FindingInput[] {
  const out: FindingInput[] = [];
  const units = skipped.filter((copy) => copy.units);
  const first = units[0];
  if (first) {
    // Each locale names the other units' sheets in its own words: "(trang …)", "(sheet …)".
    const others = (sheetWord: string) => [...new Set(units.map((u) => `${u.units!.other} (${sheetWord} "${u.table.sheet.name}")`))].join(", ");
    out.push({ code: "TABLES_DIFFER", cell: tableAt(first.instead), params: { scored: first.instead.sheet.name, at: tableAt(first.instead), scoredUnit: first.units!.scored, otherUnit: others("trang"), otherUnitEn: others("sheet") } });
  }
  for (const copy of skipped) {
    const d = copy.differs;
    if (!d) continue;
    const excelCopy = [copy.table.sheet.name, copy.instead.sheet.name].find((name) => EXCEL_COPY.test(name));
    const params = { sheet: copy.table.sheet.name, scored: copy.instead.sheet.name, at: tableAt(copy.instead), count: d.count, code: d.code, value: d.scored, other: d.other, why: copy.why, excelCopy };
    out.push({ code: "TABLES_DIFFER", cell: tableAt(copy.instead), params });
  }
  return out;
}

function surveyImported(index: CriteriaIndex, options: ScoreOptions): boolean {
  // Without imported scores there is nothing to look up: no pass over every leaf (asked twice a scoring).
  if (options.survey === undefined) return false;
  return index.leaves.some((l) => l.rule.kind === "survey" && options.survey?.[l.code] !== undefined);
}

/**
 * A ratio criterion asking for what was done on time reads the table's on-time count where it has
 * one beside its data (HeaderMatch.onTime); any other, the part of a total its title names
 * (HeaderMatch.partsOfTotal: "… trực tuyến một phần" the "Một phần" column).
 */
function rowAsRead(m: MatchedRow, leaf: CriteriaNode): MatchedRow {
  const { onTime, partsOfTotal } = m.table.header;
  if ((onTime === undefined && partsOfTotal === undefined) || leaf.rule.kind !== "ratio") return m;
  // Folded as the labels it is held against are: "kí số" in a title names the "Ký số" column.
  const title = foldLabel(leaf.item.title);
  if (onTime !== undefined && titleAsksOnTime(title)) return readsOnTime(m, true);
  return partsOfTotal === undefined ? m : readsPartNamed(m, title);
}

/** A leaf scored from its row, evidence checked; its findings stay with it until blank alternatives are forgiven. */
function scoreMatchedLeaf(leaf: CriteriaNode, m: MatchedRow | undefined, period: CriteriaSet["period"], options: ScoreOptions, listed: EvidenceLists): LeafResult {
  const survey = options.survey?.[leaf.code];
  if (!m) {
    const result = scoreLeaf({ node: leaf, survey });
    // Without a row nothing was typed: only a missing self-scored row is worth saying.
    const findings: FindingInput[] = leaf.rule.kind !== "survey" && !leaf.inAdjustment ? [{ code: "MISSING_CRITERION", criterion: leaf.code, params: { title: leaf.title } }] : [];
    return { ...result, findings };
  }
  // Read once, used by the rule and by the evidence check.
  const selfAddress = scoreAddress(m);
  const d = rowAsRead(m, leaf);
  const note = cellOf(m, "note", true);
  const result = scoreLeaf({
    node: leaf,
    self: m.markedPoints !== undefined ? { v: m.markedPoints } : cellOf(m, "self"),
    selfAddress,
    data: cellOf(d, "data", false, leaf.rule.kind === "ratio"),
    dataAddress: addressOf(d, "data"),
    rate: cellOf(d, "rate"),
    rateAddress: addressOf(d, "rate"),
    rateTurned: m.table.header.rateNotDone && !titleAsksNotDone(foldLabel(leaf.item.title)),
    rateBesideNotDone: m.table.header.rateBesideNotDone && !titleAsksNotDone(foldLabel(leaf.item.title)),
    dataOverPlan: d.table.header.denominatorPlan,
    note,
    noteAddress: addressOf(m, "note"),
    survey,
    since: Number(period.from.slice(0, 4)),
  });
  if (leaf.rule.kind === "survey" || result.notApplicable) return result;
  const evidenceCell = cellOf(m, "evidence", true);
  const ownText = evidenceTextOf(m, dateAsShown(evidenceCell));
  const elsewhere = evidenceCell?.err === undefined ? evidenceElsewhere(listed, leaf.code, ownText) : undefined;
  const evidence = checkEvidence({
    node: leaf,
    period,
    scoreCents: result.cents,
    evidenceText: elsewhere?.text ?? ownText,
    evidenceAddress: elsewhere?.address ?? addressOf(m, "evidence") ?? selfAddress,
    evidenceEntries: elsewhere?.entries,
    dateCell: elsewhere ? undefined : cellOf(m, "evidenceDate", true),
    dateAddress: elsewhere ? undefined : addressOf(m, "evidenceDate"),
    noteText: cellText(note),
    nothingAroseAs: result.nothingArose && typeof result.self === "string" ? result.self : undefined,
    // No value, or the empty text a generator writes for a string formula it never calculated (`<v></v>`).
    evidenceFormula: (evidenceCell?.v === undefined || evidenceCell.v === "") && evidenceCell?.err === undefined ? evidenceCell?.f : undefined,
  });
  // "#N/A" from a lookup of the documents is no document: the formula is to mend.
  const evidenceError = evidenceCell?.err;
  if (evidenceError !== undefined) result.findings.push({ code: "FORMULA_ERROR", criterion: leaf.code, cell: addressOf(m, "evidence"), params: { value: evidenceError } });
  result.findings.push(...evidence.findings);
  if (!evidence.accepted) result.cents = 0;
  return result;
}

/** Blank alternatives of a `best` parent raise no SCORE_BLANK when one alternative is scored (§6). */
function forgiveBlankAlternatives(index: CriteriaIndex, results: LeafResult[]): void {
  const scored = (leaf: CriteriaNode) => {
    const r = results[leaf.index]!;
    return r.self !== null || r.computedCents !== undefined || r.nothingArose || r.notApplicable;
  };
  for (const parent of parentsToSettle(index).best) {
    const blank = parent.children.filter((alternative) => !alternative.leaves.some(scored));
    if (blank.length === parent.children.length) continue;
    for (const leaf of blank.flatMap((alternative) => alternative.leaves)) {
      const r = results[leaf.index]!;
      results[leaf.index] = { ...r, findings: r.findings.filter((f) => f.code !== "SCORE_BLANK") };
    }
  }
}

function buildReport(
  index: CriteriaIndex,
  tables: LocatedTable[],
  matched: MatchedRows,
  results: LeafResults,
  combined: CombinedVectors,
  inputs: FindingInput[],
  options: ScoreOptions,
  locale: Locale,
): Report {
  const items: ItemScore[] = index.leaves.map((leaf) => {
    const r = results[leaf.index]!;
    const m = matched[leaf.index];
    const cents = combined.cents[leaf.index]!;
    const item: ItemScore = {
      code: leaf.code,
      title: leaf.title,
      kind: leaf.rule.kind,
      max: leaf.item.max ?? 0,
      // §3: `self` keeps what was typed, as Excel shows it, not a formula's float (CF1-9).
      self: typeof r.self === "number" ? asWritten(r.self) : r.self,
      score: fromCents(cents),
      cell: (m && scoreAddress(m)) ?? null,
      notApplicable: r.notApplicable,
    };
    if (r.percent !== undefined) item.percent = r.percent;
    if (r.numerator !== undefined && r.denominator !== undefined) Object.assign(item, { numerator: r.numerator, denominator: r.denominator });
    if (r.dataRest) item.dataRest = true;
    if (r.percentBound) item.percentBound = r.percentBound;
    if (r.count !== undefined) item.count = r.count;
    if (r.dataAddress !== undefined) item.dataCell = r.dataAddress;
    const d = m && rowAsRead(m, leaf);
    const early = d && r.numerator !== undefined && r.dataAddress !== undefined && r.dataAddress === addressOf(d, "data") ? earlyCountAddress(d) : undefined;
    if (early !== undefined) item.dataEarlyCell = early;
    if (r.nothingArose) item.nothingArose = true;
    if (cents !== r.cents) item.scoreIfConditionMet = fromCents(r.cents);
    return item;
  });
  const findings: Finding[] = inputs.map((input) => makeFinding(input, locale));
  const sheetNames = tables.map((t) => t.sheet.name);
  const scores = combined.scores;
  return {
    criteriaSet: index.set.id,
    sheet: sheetNames[0] ?? null,
    sheets: sheetNames,
    total: scores.total,
    max: scores.max,
    percent: scores.percent,
    band: scores.band,
    selfAssessable: scores.selfAssessable,
    survey: { ...scores.survey, imported: surveyImported(index, options) },
    fields: scores.fields,
    items,
    findings,
  };
}
