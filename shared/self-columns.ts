import { a1, cellAt, cellText, columnLetter } from "./grid.ts";
import type { LocatedTable } from "./locate-table.ts";
import type { FindingInput } from "./messages.ts";

/**
 * Two self-score columns whose labels rank alike (HeaderMatch.otherSelf: "Điểm tự đánh giá" |
 * "Điểm tự đánh giá", no round named in either): the first is scored, and where the two differ on
 * a criterion's row the unit is told which was read and how to name the final round
 * (SELF_COLUMNS_UNORDERED, WB33-1) — a later round is never left unread in silence. Once per
 * header, at the other column's label.
 */
export function unorderedSelfColumns(tables: readonly LocatedTable[]): FindingInput[] {
  const out: FindingInput[] = [];
  const seen = new Set<string>();
  for (const t of tables) {
    const { self } = t.header.columns;
    const other = t.header.otherSelf;
    if (self === undefined || other === undefined) continue;
    const at = a1(t.sheet.name, t.header.headerTop, other);
    if (seen.has(at)) continue;
    // Leaf criteria only: a field's subtotal differs because a leaf under it does (WB35-8).
    const codes = t.rows.map((row) => row.code).filter((code): code is string => code !== null);
    const isLeaf = (code: string) => !codes.some((c) => c.startsWith(`${code}.`));
    const differ = t.rows.filter((row) => row.code !== null && isLeaf(row.code) && cellText(cellAt(t.sheet, row.r, self)).trim() !== cellText(cellAt(t.sheet, row.r, other)).trim());
    if (differ.length === 0) continue;
    seen.add(at);
    const scoredLabel = labelOf(t, self);
    const otherLabel = labelOf(t, other);
    out.push({
      code: "SELF_COLUMNS_UNORDERED",
      cell: at,
      params: { scored: columnLetter(self), other: columnLetter(other), count: differ.length, code: differ[0]!.code!, ...(scoredLabel !== otherLabel ? { scoredLabel, otherLabel } : {}) },
    });
  }
  return out;
}

/** A column's header label as written, its rows joined ("Điểm tự đánh giá Lần 2"). */
function labelOf(t: LocatedTable, c: number): string {
  const parts: string[] = [];
  for (let r = t.header.headerTop; r <= t.header.headerBottom; r++) {
    const text = cellText(cellAt(t.sheet, r, c)).replace(/\s+/g, " ").trim();
    if (text !== "" && !parts.includes(text)) parts.push(text);
  }
  return parts.join(" ");
}
