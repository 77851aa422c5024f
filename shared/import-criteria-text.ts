import type { GridSheet } from "./grid.ts";
import { HIDDEN_MARKS } from "./text.ts";

/**
 * A decision's text as the set will carry it (WB22-9): composed (NFC), "Đ"/"đ" where a font or
 * keyboard gave the eth "Ð"/"ð" (a different letter that breaks search, sorting and every later
 * title comparison), and no soft hyphen, joiner or byte-order mark no one sees (Word's optional
 * hyphens paste as soft hyphens inside words). The checker reads cells the same way (foldText).
 * Run after the legacy-font reading: in TCVN3 the soft hyphen's byte is "ư".
 */
const NEEDS_CLEANING = /[^\x00-\x7f]/;

export function cleanLetters(text: string): string {
  if (!NEEDS_CLEANING.test(text)) return text;
  return text.replace(HIDDEN_MARKS, "").replace(/ð/g, "đ").replace(/Ð/g, "Đ").normalize("NFC");
}

/** `sheet` with every text cell through cleanLetters; the sheet untouched when none changes. */
export function withCleanLetters(sheet: GridSheet): GridSheet {
  let changed = false;
  const rows = sheet.rows.map((row) =>
    row.map((cell) => {
      if (!cell || typeof cell.v !== "string") return cell;
      const v = cleanLetters(cell.v);
      if (v === cell.v) return cell;
      changed = true;
      return { ...cell, v };
    }),
  );
  return changed ? { ...sheet, rows } : sheet;
}
