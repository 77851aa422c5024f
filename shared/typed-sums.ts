import type { CriteriaIndex, CriteriaNode } from "./criteria-tree.ts";
import type { LocatedTable } from "./locate-table.ts";
import type { FindingInput } from "./messages.ts";
import type { LeafResult } from "./leaf-result.ts";
import { a1, cellAt } from "./grid.ts";
import { addressOf, cellOf, type MatchedRows } from "./matched-rows.ts";
import { readCellNumber } from "./values.ts";
import { fromCents, toCents } from "./decimal.ts";

/**
 * The workbook's own sums checked against its typed self-scores (CRITERIA-FORMAT.md §6
 * "Details settled"), combined the way the set combines them: sums, the greatest for a
 * `best` parent, floors. "Không phát sinh" counts its max under "full" and nothing under
 * "exclude". A parent row (SUM_MISMATCH) sees what a SUM formula sees: typed numbers — or,
 * as the totals row (TOTAL_MISMATCH) always does, a blank ratio or count leaf at its computed
 * score, adjustments included. A survey leaf's self-score is ignored (§1), so it is in neither
 * §6 sum, only in the plain SUM a parent row may also show: a parent row counting it while the
 * totals row did not left no subtotal right for both (CF2-1).
 */
type Mode = "parent" | "parent with computed" | "total";

function typedCents(leaf: CriteriaNode, r: LeafResult | undefined, mode: Mode): number | null {
  if (!r || r.notApplicable) return null;
  if (mode !== "parent" && leaf.rule.kind === "survey") return null;
  if (r.nothingArose) return toCents(leaf.item.max ?? 0);
  if (typeof r.self === "number") return toCents(r.self);
  return mode !== "parent" && r.self === null && r.computedCents !== undefined ? r.computedCents : null;
}

/** Each leaf's result, at the node's index (CriteriaNode.index). */
export type LeafResults = readonly (LeafResult | undefined)[];

/**
 * A leaf whose typed score or data no one can know: a formula saved without its value, or one
 * giving an error. A sum over it is not checked where what it may hold explains the gap (A1-4:
 * SUM_MISMATCH and TOTAL_MISMATCH had sent the unit to mend a right SUM, the leaf said just above
 * being the cause); a gap past the most it could hold (its max, or below its min) is still told (A9-4).
 */
function unknownLeaf(r: LeafResult | undefined): boolean {
  return r !== undefined && r.findings.some((f) => f.code === "FORMULA_NOT_CALCULATED" || (f.code === "FORMULA_ERROR" && typeof r.self === "string" && r.self.startsWith("#")));
}

/** Whether the unknown leaves among `leaves` may account for `gap` cents (typed − sum of the known). */
function unknownExplains(leaves: readonly CriteriaNode[], results: LeafResults, gap: number): boolean {
  let low = 0;
  let high = 0;
  let any = false;
  for (const leaf of leaves) {
    if (!unknownLeaf(results[leaf.index])) continue;
    any = true;
    low += toCents(Math.min(0, leaf.item.min ?? 0));
    high += toCents(leaf.item.max ?? 0);
  }
  return any && gap >= low && gap <= high;
}

/**
 * The typed scores under `node` combined, or null when nothing under it is typed (`read`: the
 * leaves counted, all by default; `subtotal`: a parent below `node` taken at its own typed score
 * when it has one, as a SUM over the rows just beneath sees it).
 */
function typedCombination(node: CriteriaNode, results: LeafResults, mode: Mode, read?: (leaf: CriteriaNode) => boolean, subtotal?: readonly (number | undefined)[]): number | null {
  if (node.isLeaf) return read === undefined || read(node) ? typedCents(node, results[node.index], mode) : null;
  const best = node.item.combine === "best";
  let combined: number | null = null;
  for (const child of node.children) {
    const v = subtotal?.[child.index] ?? typedCombination(child, results, mode, read, subtotal);
    if (v !== null) combined = combined === null ? v : best ? Math.max(combined, v) : combined + v;
  }
  if (combined === null || node.item.floor === undefined) return combined;
  return Math.max(combined, toCents(node.item.floor));
}

/**
 * A parent row's typed score should equal its children's typed scores combined (§6): a child
 * that is itself a parent counts at its own typed score when it has one, so one wrong subtotal
 * is told at its own row, not again at every right row above it. A parent typed as the sum of
 * the leaves beneath (a SUM reaching past the subtotals) is accepted too.
 */
export function checkParentRows(index: CriteriaIndex, matched: MatchedRows, results: LeafResults, inputs: FindingInput[]): void {
  const typedParents: (number | undefined)[] = [];
  const typedValues: number[] = [];
  for (const node of index.nodes) {
    if (node.isLeaf) continue;
    const m = matched[node.index];
    if (!m) continue;
    const typed = readCellNumber(cellOf(m, "self"));
    if (typed.kind === "error") inputs.push({ code: "FORMULA_ERROR", criterion: node.code, cell: addressOf(m, "self"), params: { value: typed.text } });
    if (typed.kind === "number") {
      typedParents[node.index] = toCents(typed.value);
      typedValues[node.index] = typed.value;
    }
  }
  for (const node of index.nodes) {
    const typed = typedParents[node.index];
    if (typed === undefined) continue;
    const plain = typedCombination(node, results, "parent");
    if (plain === null) continue;
    // A parent typed as the sum with its blank ratio and count leaves at their computed scores
    // (which need no self-score, §6) adds up as the totals row is checked; Excel's plain SUM
    // (those leaves at nothing) is accepted too. The sum named is §6's, the totals row's: naming
    // the plain one sent the unit to a TOTAL_MISMATCH next, and a best parent's best alternative
    // is the one the engine scores, a computed 2 over a typed −0,5 (CF2-2) — over the rows just
    // beneath, subtotals as typed.
    const sum = typedCombination(node, results, "parent with computed");
    const beneath = typedCombination(node, results, "parent with computed", undefined, typedParents);
    if ([plain, sum, typedCombination(node, results, "parent", undefined, typedParents), beneath].includes(typed)) continue;
    const named = beneath ?? sum;
    if (named === null || unknownExplains(node.leaves, results, typed - (plain ?? 0))) continue;
    inputs.push({ code: "SUM_MISMATCH", criterion: node.code, cell: addressOf(matched[node.index]!, "self"), params: { value: typedValues[node.index]!, sum: fromCents(named), best: node.item.combine === "best" ? "yes" : undefined } });
  }
}

/**
 * A number in a table's totals row should equal the typed self-scores of the leaves read there,
 * combined — or of the leaves read there and in the tables before it: the grand total on the
 * last page of a table cut over several sheets ("Trang 1", "Trang 2").
 */
export function checkTotalsRows(tables: LocatedTable[], index: CriteriaIndex, matched: MatchedRows, results: LeafResults, inputs: FindingInput[]): void {
  for (const [i, table] of tables.entries()) {
    const column = table.header.columns.self;
    if (table.totalsRow === undefined || column === undefined) continue;
    const cell = a1(table.sheet.name, table.totalsRow, column);
    const typed = readCellNumber(cellAt(table.sheet, table.totalsRow, column));
    if (typed.kind === "error") inputs.push({ code: "FORMULA_ERROR", cell, params: { value: typed.text } });
    if (typed.kind !== "number") continue;
    const sumOf = (readHere: (leaf: CriteriaNode) => boolean) => index.fields.reduce((acc, field) => acc + (typedCombination(field, results, "total", readHere) ?? 0), 0);
    const upTo = new Set(tables.slice(0, i + 1));
    const here = sumOf((leaf) => matched[leaf.index]?.table === table);
    const upToHere = sumOf((leaf) => {
      const read = matched[leaf.index]?.table;
      return read !== undefined && upTo.has(read);
    });
    if (here === toCents(typed.value) || upToHere === toCents(typed.value)) continue;
    const leavesHere = index.nodes.filter((leaf) => leaf.isLeaf && matched[leaf.index]?.table === table);
    if (unknownExplains(leavesHere, results, toCents(typed.value) - here)) continue;
    // A sheet read as the continuation of the one before it totals both.
    inputs.push({ code: "TOTAL_MISMATCH", cell, params: { value: typed.value, sum: fromCents(table.continues ? upToHere : here) } });
  }
}
