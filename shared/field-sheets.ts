import { resolveCodes } from "./code-resolution.ts";
import { parseRoman, type CodeToken } from "./codes.ts";
import type { SetCodes } from "./criteria-tree.ts";
import { cellText, type GridSheet } from "./grid.ts";
import { foldText } from "./text.ts";

/** What this reads of a located table (locate-table.ts's LocatedTable, which calls it). */
interface SheetTable {
  sheet: GridSheet;
  header: { headerTop: number };
  rows: { token: CodeToken | null; code: string | null }[];
}

/**
 * One sheet per field, numbered locally, the field named only above the header or in the tab:
 * "LĨNH VỰC II: CẢI CÁCH THỂ CHẾ" over a table whose rows run 1, 1.1, 2 … (2.1, 2.1.1, 2.2).
 * Read alone, every such sheet looked like field 1 and one of them was scored. When two or more
 * sheets each name a different field this way and at least one of them beyond field 1 starts
 * its rows at 1, each named sheet whose rows do not start with its own field's number is read
 * as if its field's row stood over them (a Roman row over "1", "2" … is local numbering,
 * code-resolution.ts). Tables are changed in place.
 */
export function numberFieldSheets(tables: SheetTable[], known: SetCodes): void {
  const named = tables.map((t) => ({ table: t, field: namedField(t) })).filter((n): n is { table: SheetTable; field: number } => n.field !== null);
  const sheets = new Set(named.map((n) => n.table.sheet));
  const fields = new Set(named.map((n) => n.field));
  if (named.length < 2 || sheets.size !== named.length || fields.size !== named.length) return;
  const local = named.filter((n) => startsLocally(n.table, n.field));
  if (!local.some((n) => n.field >= 2)) return;
  for (const { table, field } of local) {
    if (table.rows.some((r) => r.token?.kind === "roman" || r.token?.kind === "word")) continue;
    const codes = resolveCodes([{ kind: "roman", n: field }, ...table.rows.map((r) => r.token)], known).slice(1);
    if (fitting(codes, known) < fitting(table.rows.map((r) => r.code), known)) continue;
    table.rows = table.rows.map((row, i) => ({ ...row, code: codes[i] ?? null }));
  }
}

/**
 * How many of the codes the set knows. A sheet is read as its field's only when its rows fit the
 * set at least as well so: a tab "1" or "2. Tổng hợp" over the whole table numbered in full
 * (1.1, 6.2.3) names no field, and read under field 2 its rows would be codes the set lacks.
 */
function fitting(codes: (string | null)[], known: SetCodes): number {
  return codes.filter((c) => c !== null && known.all.has(c)).length;
}

/** Does the table's first coded row start at 1 rather than at its own field ("1", "1.1" on the sheet of field 2)? Field 1's sheet: when it has no row "1" over "1.1" (its first row is a criterion). */
function startsLocally(table: SheetTable, field: number): boolean {
  const first = table.rows.find((r) => r.token?.kind === "dotted")?.token;
  if (first?.kind !== "dotted") return false;
  const lead = first.code.split(".")[0];
  return field >= 2 ? lead === "1" : true;
}

/** Title lines read above the header for a field's name. */
const TITLE_ROWS = 8;
const WORDED = /^(?:linh vuc|phan)\s+([ivxl]+|\d{1,2})\b/;
const ROMAN_HEADING = /^([IVXL]+)\s*[.:\-–]\s*\p{Lu}/u;
/**
 * A tab naming a field: its number alone ("II", "2"), after a word for a field ("LV2", "Lĩnh vực
 * II", "TC3", "Tiêu chí 3", "Phần 2"), or before the field's name ("1. Chỉ đạo điều hành", "II.
 * Thể chế", "II-Thể chế"). Read only beside other sheets naming other fields so.
 */
const TAB = /^(?:(?:lv|linh vuc|tc|tieu chi|phan)\s*[-_.]?\s*)?([ivx]+|\d{1,2})(?:\s*[.:)\-–_]\s*\S.*|\s+\p{L}.*)?$/u;

/** The field a sheet names: its tab ("LV2", "II", "2. Thể chế"), else a heading above the header ("LĨNH VỰC 2: …", "II. CẢI CÁCH THỂ CHẾ"). */
function namedField(table: SheetTable): number | null {
  const tab = TAB.exec(foldText(table.sheet.name.trim()));
  if (tab) return fieldNumber(tab[1]!);
  for (let r = Math.max(0, table.header.headerTop - TITLE_ROWS); r < table.header.headerTop; r++) {
    for (const cell of table.sheet.rows[r] ?? []) {
      const text = cellText(cell ?? undefined).trim();
      if (!text) continue;
      const worded = WORDED.exec(foldText(text));
      if (worded) return fieldNumber(worded[1]!);
      const roman = ROMAN_HEADING.exec(text);
      if (roman) return fieldNumber(roman[1]!.toLowerCase());
    }
  }
  return null;
}

function fieldNumber(text: string): number | null {
  const n = /^\d+$/.test(text) ? Number(text) : parseRoman(text);
  return n !== null && n >= 1 ? n : null;
}

