import type { CriteriaIndex, CriteriaNode } from "./criteria-tree.ts";
import { a1, cellAt, mergedCellAt, type GridCell } from "./grid.ts";
import type { ColumnKind, LocatedTable, TableRow } from "./locate-table.ts";
import type { FindingInput } from "./messages.ts";
import { readCellNumber } from "./values.ts";
import { foldText } from "./text.ts";
import { stripTitleCode } from "./codes.ts";
import { toCents } from "./decimal.ts";

/** A workbook row matched to a criterion. */
export interface MatchedRow {
  table: LocatedTable;
  row: TableRow;
}

/** The row matched to each criterion, at the node's index (CriteriaNode.index). */
export type MatchedRows = readonly (MatchedRow | undefined)[];

/** The address of a row's cell in a column kind, or undefined when the table has no such column. */
export function addressOf(m: MatchedRow, kind: ColumnKind): string | undefined {
  const column = m.table.header.columns[kind];
  return column === undefined ? undefined : a1(m.table.sheet.name, m.row.r, column);
}

/** A row's cell in a column kind (merged: the top-left cell of a merge covering it). */
export function cellOf(m: MatchedRow, kind: ColumnKind, merged = false): GridCell | undefined {
  const column = m.table.header.columns[kind];
  if (column === undefined) return undefined;
  return merged ? mergedCellAt(m.table.sheet, m.row.r, column) : cellAt(m.table.sheet, m.row.r, column);
}

/** Where findings about a row's score go: its score cell, else its code or title cell. */
export function scoreAddress(m: MatchedRow): string | undefined {
  return addressOf(m, "self") ?? addressOf(m, "title");
}

/** Where findings about a row itself go (unknown, duplicate): its code cell, else its title cell; built only for a finding. */
const rowAddress = (m: MatchedRow): string | undefined => addressOf(m, "code") ?? addressOf(m, "title");

/** Rows matched to criteria by code (or, for rows without any code, by title), with the findings of matching. */
export function matchRows(tables: LocatedTable[], index: CriteriaIndex, inputs: FindingInput[]): MatchedRows {
  const matched: (MatchedRow | undefined)[] = new Array<MatchedRow | undefined>(index.nodes.length).fill(undefined);
  // Rows without any code are matched by title; the title index is built only then.
  let byTitle: Map<string, string> | null = null;
  const codeByTitle = (title: string): string | null => {
    byTitle ??= new Map(index.nodes.map((node) => [foldText(node.title), node.code]));
    return byTitle.get(foldText(stripTitleCode(title))) ?? null;
  };
  for (const table of tables) {
    for (const row of table.rows) {
      const code = row.code ?? codeByTitle(row.title);
      if (code === null) continue;
      const m: MatchedRow = { table, row };
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
      checkMax(node, m, inputs);
    }
  }
  return matched;
}

function checkMax(node: CriteriaNode, m: MatchedRow, inputs: FindingInput[]): void {
  const read = readCellNumber(cellOf(m, "max"));
  // The address only for a finding: most rows have none.
  if (read.kind === "error") inputs.push({ code: "FORMULA_ERROR", criterion: node.code, cell: addressOf(m, "max"), params: { value: read.text } });
  const setMax = node.inAdjustment && !node.isLeaf ? undefined : node.item.max;
  if (read.kind === "number" && setMax !== undefined && toCents(read.value) !== toCents(setMax) && !node.inAdjustment) {
    inputs.push({ code: "MAX_MISMATCH", criterion: node.code, cell: addressOf(m, "max"), params: { found: read.value, max: setMax } });
  }
}
