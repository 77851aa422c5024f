import { columnLetter } from "../../shared/index.ts";

/** A finding's cell (`'Tự đánh giá'!G12`, `Sheet1!F2`) split into what Office.js needs. */
export interface CellTarget {
  sheet: string;
  /** A1 address without the sheet, e.g. "G12". */
  address: string;
  /** 0-based row and column. */
  row: number;
  col: number;
}

const QUOTED = /^'((?:[^']|'')+)'!\$?([A-Z]{1,3})\$?(\d{1,7})$/;
const PLAIN = /^([^'!]+)!\$?([A-Z]{1,3})\$?(\d{1,7})$/;

export function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function parseCellRef(ref: string): CellTarget | null {
  const m = QUOTED.exec(ref.trim()) ?? PLAIN.exec(ref.trim());
  if (!m) return null;
  const sheet = m[1]!.replace(/''/g, "'");
  const row = Number(m[3]) - 1;
  const col = columnIndex(m[2]!);
  return { sheet, address: `${columnLetter(col)}${row + 1}`, row, col };
}

/** "B3:D4" → 0-based corners; used for merged areas Office.js reports as addresses. */
export function parseRangeAddress(address: string): { s: { r: number; c: number }; e: { r: number; c: number } } | null {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(local.trim());
  if (!m) return null;
  const s = { r: Number(m[2]) - 1, c: columnIndex(m[1]!) };
  const e = m[3] ? { r: Number(m[4]) - 1, c: columnIndex(m[3]) } : { ...s };
  return { s, e };
}

/** A1 range of a block given 0-based origin and size, e.g. (60, 0, 81, 8) → "A61:H141". */
export function blockAddress(row: number, col: number, rowCount: number, colCount: number): string {
  return `${columnLetter(col)}${row + 1}:${columnLetter(col + colCount - 1)}${row + rowCount}`;
}
