import { ApiError } from "./errors.ts";

/**
 * A list's cursor is the key of the last row of the page before, written as this API writes
 * it (worker/README.md, "Lists page"). Cursors are not signed but strictly checked: written
 * exactly so (a whole number with no sign, leading zero, decimals or exponent) and naming a
 * row of that very list as the caller sees it — the list's repository looks the row up in
 * the page's own batch. Keys are never deleted (periods, criteria set versions and
 * submissions are append-only), so every cursor the API gave stays valid, and one naming a
 * row the caller can see is a position in its own list, which it could have been given.
 * Anything else is 400 VALIDATION_FAILED: a cursor of another list (another period's versions
 * when ?period= is asked), a row that does not exist, a draft for a caller who sees none.
 * The ranking's cursor is checked against the ranking it paged (ranking-snapshot.ts).
 */
export const unknownCursor = (): ApiError =>
  new ApiError(
    400,
    "VALIDATION_FAILED",
    "Con trỏ trang (cursor) không phải do API này trả về; hãy đọc lại từ trang đầu / cursor is not one this API gave; start again from the first page",
    [{ path: "cursor", message: "con trỏ không hợp lệ / unknown cursor" }],
  );

/** A whole number ≥ 1 as this API writes one: digits only, no leading zero, at most 9 digits. */
const WHOLE = /^[1-9][0-9]{0,8}$/;

/** "<key>@<version>" (criteria sets: id@version; submissions: period@version): the version after the last "@". */
export function parseVersionCursor(cursor: string): { key: string; version: number } {
  const at = cursor.lastIndexOf("@");
  const version = cursor.slice(at + 1);
  if (at <= 0 || !WHOLE.test(version)) throw unknownCursor();
  return { key: cursor.slice(0, at), version: Number(version) };
}

/** "<year>:<id>" (periods). */
export function parseYearCursor(cursor: string): { year: number; id: string } {
  const at = cursor.indexOf(":");
  const year = cursor.slice(0, at);
  const id = cursor.slice(at + 1);
  if (at <= 0 || !WHOLE.test(year) || id === "") throw unknownCursor();
  return { year: Number(year), id };
}

/** The whole-number part of another cursor (the ranking's rank), written as this API writes it; null otherwise. */
export const wholeOf = (text: string): number | null => (WHOLE.test(text) ? Number(text) : null);
