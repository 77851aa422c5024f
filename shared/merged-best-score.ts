import type { CriteriaIndex } from "./criteria-tree.ts";
import { mergeAt } from "./grid.ts";
import { cellOf, type MatchedRows } from "./matched-rows.ts";
import { toCents } from "./decimal.ts";
import { readCellNumber } from "./values.ts";

/**
 * A best-of criterion ("tính điểm cho trường hợp có điểm cao nhất") whose score the unit typed
 * once, in a cell merged down over the criterion's row and its alternatives' (F14:F16 holding
 * 2): Excel shows that 2 on every row, yet the alternatives' own cells are blank, and it was
 * read as no score at all (0, and SCORE_BLANK pointing into the merged cell; tenth red-team
 * round). The score goes to the first alternative, in the set's order, that can hold it (its
 * max at least the score; one of its options for a choice); the others stay blank, as blank
 * alternatives of a best-of are (forgiven). Sets `selfRow` on that alternative's match, so it is
 * scored, and its findings placed, from the merged cell — before the leaves are scored.
 */
export function scoreMergedOverAlternatives(index: CriteriaIndex, matched: MatchedRows): void {
  for (const node of index.nodes) {
    if (node.isLeaf || node.item.combine !== "best") continue;
    const parent = matched[node.index];
    const column = parent?.table.header.columns.self;
    if (!parent || column === undefined) continue;
    const merge = mergeAt(parent.table.sheet, parent.row.r, column);
    if (!merge || merge.s.r !== parent.row.r) continue;
    const typed = readCellNumber(cellOf(parent, "self", true));
    if (typed.kind !== "number" || typed.value <= 0) continue;
    const alternatives = node.children.map((child) => ({ child, m: matched[child.index] }));
    const inside = alternatives.every(({ child, m }) => child.isLeaf && m && m.table === parent.table && m.row.r > merge.s.r && m.row.r <= merge.e.r && m.selfRow === undefined);
    if (!inside) continue;
    const cents = toCents(typed.value);
    const holder = alternatives.find(({ child }) => {
      const rule = child.rule;
      if (rule.kind === "choice") return rule.options.some((o) => toCents(o) === cents);
      return rule.kind === "manual" && toCents(child.item.max ?? 0) >= cents;
    });
    if (holder?.m) holder.m.selfRow = parent.row.r;
  }
}
