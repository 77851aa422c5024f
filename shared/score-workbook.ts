import type { CriteriaSet } from "./criteria-schema.ts";
import { indexCriteria, type CriteriaIndex, type CriteriaNode } from "./criteria-tree.ts";
import { a1, cellAt, cellText, mergedCellAt, type Grid, type GridCell, type GridSheet } from "./grid.ts";
import { locateCriteriaTables, type ConfirmedHeader, type LocatedTable, type TableRow } from "./locate-table.ts";
import { selectTables } from "./table-selection.ts";
import { makeFinding, type FindingInput } from "./messages.ts";
import type { Finding, Locale } from "./findings.ts";
import { scoreLeaf, type LeafResult } from "./rules.ts";
import { checkEvidence } from "./evidence-check.ts";
import { readCellNumber } from "./values.ts";
import { foldText } from "./text.ts";
import { stripTitleCode } from "./codes.ts";
import { clamp, fromCents, percentOf, toCents } from "./decimal.ts";
import type { FieldScore, ItemScore, Report } from "./report.ts";

export interface ScoreOptions {
  /** Only this sheet (the CLI's --sheet). */
  sheet?: string | undefined;
  /** Imported survey scores by criterion code. */
  survey?: Record<string, number> | undefined;
  locale?: Locale | undefined;
  /** Headers the user confirmed, replacing detection on their sheets. */
  confirmedHeaders?: ConfirmedHeader[] | undefined;
}

/** A workbook row matched to a criterion. */
interface MatchedRow {
  table: LocatedTable;
  row: TableRow;
}

function address(m: MatchedRow, column: number | undefined): string | undefined {
  return column === undefined ? undefined : a1(m.table.sheet.name, m.row.r, column);
}

function columnCell(m: MatchedRow, column: number | undefined, merged = false): GridCell | undefined {
  if (column === undefined) return undefined;
  return merged ? mergedCellAt(m.table.sheet, m.row.r, column) : cellAt(m.table.sheet, m.row.r, column);
}

/** Score an evidence workbook against a criteria set (CRITERIA-FORMAT.md §3–4). Never throws on workbook content. */
export function scoreWorkbook(grid: Grid, set: CriteriaSet, options: ScoreOptions = {}): Report {
  const locale = options.locale ?? "vi";
  const index = indexCriteria(set);
  const sheets: GridSheet[] = options.sheet ? grid.sheets.filter((s) => s.name === options.sheet) : grid.sheets;
  const tables = selectTables(locateCriteriaTables(sheets, set.year, options.confirmedHeaders), index);
  const inputs: FindingInput[] = [];
  if (tables.length === 0) {
    inputs.push({ code: "HEADER_NOT_FOUND" });
    return buildReport(index, [], new Map(), new Map(), inputs, options, locale);
  }
  const matched = matchRows(tables, index, inputs);
  const results = new Map<string, LeafResult>();
  for (const leaf of index.leaves) results.set(leaf.code, scoreMatchedLeaf(leaf, matched.get(leaf.code), set.period, options, inputs));
  checkParentRows(index, matched, results, inputs);
  return buildReport(index, tables, matched, results, inputs, options, locale);
}

function matchRows(tables: LocatedTable[], index: CriteriaIndex, inputs: FindingInput[]): Map<string, MatchedRow> {
  const matched = new Map<string, MatchedRow>();
  // Rows without any code are matched by title; the title index is built only then.
  let byTitle: Map<string, string> | null = null;
  const codeByTitle = (title: string): string | null => {
    byTitle ??= new Map(index.nodes.map((node) => [foldText(node.title), node.code]));
    return byTitle.get(foldText(stripTitleCode(title))) ?? null;
  };
  for (const table of tables) {
    const { columns } = table.header;
    for (const row of table.rows) {
      const code = row.code ?? codeByTitle(row.title);
      const m: MatchedRow = { table, row };
      const cell = address(m, columns.code ?? columns.title);
      if (code === null) continue;
      const node = index.byCode.get(code);
      if (!node) {
        inputs.push({ code: "UNKNOWN_CRITERION", criterion: code, cell, params: { set: index.set.id } });
        continue;
      }
      const first = matched.get(code);
      if (first) {
        inputs.push({ code: "DUPLICATE_CRITERION", criterion: code, cell, params: { first: address(first, columns.code ?? columns.title) } });
        continue;
      }
      matched.set(code, m);
      checkMax(node, m, inputs);
    }
  }
  return matched;
}

function checkMax(node: CriteriaNode, m: MatchedRow, inputs: FindingInput[]): void {
  const column = m.table.header.columns.max;
  const read = readCellNumber(columnCell(m, column));
  const cell = address(m, column);
  if (read.kind === "error") inputs.push({ code: "FORMULA_ERROR", criterion: node.code, cell, params: { value: read.text } });
  const setMax = node.inAdjustment && !node.isLeaf ? undefined : node.item.max;
  if (read.kind === "number" && setMax !== undefined && toCents(read.value) !== toCents(setMax) && !node.inAdjustment) {
    inputs.push({ code: "MAX_MISMATCH", criterion: node.code, cell, params: { found: read.value, max: setMax } });
  }
}

function scoreMatchedLeaf(
  leaf: CriteriaNode,
  m: MatchedRow | undefined,
  period: CriteriaSet["period"],
  options: ScoreOptions,
  inputs: FindingInput[],
): LeafResult {
  const survey = options.survey?.[leaf.code];
  if (!m) {
    if (leaf.rule.kind !== "survey" && !leaf.inAdjustment) inputs.push({ code: "MISSING_CRITERION", criterion: leaf.code, params: { title: leaf.title } });
    return scoreLeaf({ node: leaf, survey });
  }
  const { columns } = m.table.header;
  const result = scoreLeaf({
    node: leaf,
    self: columnCell(m, columns.self),
    selfAddress: address(m, columns.self ?? columns.title),
    data: columnCell(m, columns.data),
    dataAddress: address(m, columns.data),
    survey,
  });
  inputs.push(...result.findings);
  if (leaf.rule.kind === "survey" || result.notApplicable) return result;
  const evidence = checkEvidence({
    node: leaf,
    period,
    scoreCents: result.cents,
    evidenceText: cellText(columnCell(m, columns.evidence, true)),
    evidenceAddress: address(m, columns.evidence) ?? address(m, columns.self ?? columns.title),
    noteText: cellText(columnCell(m, columns.note, true)),
  });
  inputs.push(...evidence.findings);
  return evidence.accepted ? result : { ...result, cents: 0 };
}

/** A parent row's typed score should equal the sum of its leaves' typed scores. */
function checkParentRows(index: CriteriaIndex, matched: Map<string, MatchedRow>, results: Map<string, LeafResult>, inputs: FindingInput[]): void {
  for (const node of index.nodes) {
    if (node.isLeaf) continue;
    const m = matched.get(node.code);
    if (!m) continue;
    const column = m.table.header.columns.self;
    const typed = readCellNumber(columnCell(m, column));
    if (typed.kind === "error") {
      inputs.push({ code: "FORMULA_ERROR", criterion: node.code, cell: address(m, column), params: { value: typed.text } });
      continue;
    }
    if (typed.kind !== "number") continue;
    let sum = 0;
    let anyTyped = false;
    for (const leaf of node.leaves) {
      const self = results.get(leaf.code)?.self;
      if (typeof self === "number") {
        sum += toCents(self);
        anyTyped = true;
      }
    }
    if (anyTyped && sum !== toCents(typed.value)) {
      inputs.push({ code: "SUM_MISMATCH", criterion: node.code, cell: address(m, column), params: { value: typed.value, sum: fromCents(sum) } });
    }
  }
}

/** The set's bands, highest minimum first. */
export function bandsBestFirst(set: Pick<CriteriaSet, "bands">): CriteriaSet["bands"] {
  return [...set.bands].sort((a, b) => b.min - a.min);
}

/** Label of the highest band whose `min` ≤ percent (CRITERIA-FORMAT §3). */
export function bandFor(set: Pick<CriteriaSet, "bands">, percent: number): string | null {
  return bandsBestFirst(set).find((b) => b.min <= percent)?.label ?? null;
}

function buildReport(
  index: CriteriaIndex,
  tables: LocatedTable[],
  matched: Map<string, MatchedRow>,
  results: Map<string, LeafResult>,
  inputs: FindingInput[],
  options: ScoreOptions,
  locale: Locale,
): Report {
  const { set } = index;
  const centsOf = (leaf: CriteriaNode) => results.get(leaf.code)?.cents ?? 0;
  const maxOf = (leaf: CriteriaNode) => (results.get(leaf.code)?.notApplicable ? 0 : toCents(leaf.item.max ?? 0));
  const sum = (leaves: CriteriaNode[], f: (l: CriteriaNode) => number) => leaves.reduce((acc, l) => acc + f(l), 0);

  const scored = index.leaves.filter((l) => !l.inAdjustment);
  const adjustments = index.leaves.filter((l) => l.inAdjustment);
  const own = scored.filter((l) => l.rule.kind !== "survey");
  const surveyed = scored.filter((l) => l.rule.kind === "survey");
  const totalCents = sum(index.leaves, centsOf);
  const maxCents = sum(scored, maxOf);
  const adjustmentCents = sum(adjustments, centsOf);
  const part = (leaves: CriteriaNode[], extra = 0) => {
    const score = sum(leaves, centsOf) + extra;
    const max = sum(leaves, maxOf);
    return { score: fromCents(score), max: fromCents(max), percent: clamp(percentOf(score, max), 0, 100) };
  };
  const percent = clamp(percentOf(totalCents, maxCents), 0, 100);

  const fields: FieldScore[] = index.fields.map((field) => {
    const leaves = field.leaves;
    const score = sum(leaves, centsOf);
    const max = sum(leaves, maxOf);
    const entry: FieldScore = { code: field.code, title: field.title, score: fromCents(score), max: fromCents(max), percent: field.inAdjustment ? 0 : clamp(percentOf(score, max), 0, 100) };
    if (field.inAdjustment) entry.adjustment = true;
    return entry;
  });

  const items: ItemScore[] = index.leaves.map((leaf) => {
    const r = results.get(leaf.code);
    const m = matched.get(leaf.code);
    const columns = m?.table.header.columns;
    const item: ItemScore = {
      code: leaf.code,
      title: leaf.title,
      kind: leaf.rule.kind,
      max: leaf.item.max ?? 0,
      self: r?.self ?? null,
      score: fromCents(centsOf(leaf)),
      cell: m && columns ? (address(m, columns.self ?? columns.title) ?? null) : null,
      notApplicable: r?.notApplicable ?? false,
    };
    if (r?.percent !== undefined) item.percent = r.percent;
    return item;
  });

  const findings: Finding[] = inputs.map((input) => makeFinding(input, locale));
  const sheetNames = tables.map((t) => t.sheet.name);
  return {
    criteriaSet: set.id,
    sheet: sheetNames[0] ?? null,
    sheets: sheetNames,
    total: fromCents(totalCents),
    max: fromCents(maxCents),
    percent,
    band: bandFor(set, percent),
    selfAssessable: part(own, adjustmentCents),
    survey: { ...part(surveyed), imported: surveyed.some((l) => options.survey?.[l.code] !== undefined) },
    fields,
    items,
    findings,
  };
}
