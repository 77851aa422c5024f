import { a1, cellAt, cellText, isBlankCell, type GridCell, type GridSheet } from "./grid.ts";
import { formatDateVi, isDateFormat, serialDate } from "./values.ts";
import { classifyLabel, type LocatedTable } from "./locate-table.ts";
import { readCodeCell } from "./codes.ts";

/**
 * Evidence kept on a sheet of its own, linked by code — "DANH MỤC TÀI LIỆU KIỂM CHỨNG" on a
 * sheet "TLKC": STT | Mã tiêu chí | Tên tài liệu | Số, ký hiệu | Ngày ban hành — beside a
 * self-assessment table without (or with a blank) evidence column, as many offices keep them.
 * A leaf whose own evidence cell is blank cites the documents listed under its code there;
 * its own cell, when filled, wins. Found on a sheet holding no scored table: a header row
 * (in its first 30 rows) with a column of the set's codes and at least one evidence column.
 */
export interface ListedEvidence {
  /** The listed documents, one a line, each its evidence columns joined ("Quyết định … 12/QĐ-UBND 05/01/2024"). */
  text: string;
  /** The first listed document's first evidence cell: where a finding about them points. */
  address: string;
}

const HEADER_ROWS = 30;
/** Of the code-labelled columns ("STT", "Mã tiêu chí"), the one holding the set's codes: at least this share of its filled cells. */
const KNOWN_SHARE = 0.5;

export function listedEvidence(sheets: readonly GridSheet[], tables: readonly LocatedTable[], known: ReadonlySet<string>): Map<string, ListedEvidence> {
  const listed = new Map<string, ListedEvidence>();
  const scored = new Set(tables.map((t) => t.sheet));
  for (const sheet of sheets) {
    if (scored.has(sheet)) continue;
    const header = listHeader(sheet, known);
    if (!header) continue;
    for (let r = header.row + 1; r < sheet.rows.length; r++) {
      const code = codeIn(cellText(cellAt(sheet, r, header.code)));
      if (code === null || !known.has(code)) continue;
      const parts = header.evidence.map((c) => listedText(cellAt(sheet, r, c))).filter((t) => t !== "");
      if (parts.length === 0) continue;
      const line = parts.join(" ");
      const before = listed.get(code);
      const firstFilled = header.evidence.find((c) => !isBlankCell(cellAt(sheet, r, c)))!;
      listed.set(code, before ? { ...before, text: `${before.text}\n${line}` } : { text: line, address: a1(sheet.name, r, firstFilled) });
    }
  }
  return listed;
}

/** A listed cell's text; a date cell (a serial shown with a date format) as the date it shows, "20/06/2023" — never "45097". */
function listedText(cell: GridCell | undefined): string {
  if (cell && typeof cell.v === "number" && isDateFormat(cell.z)) {
    const iso = serialDate(cell.v);
    if (iso) return formatDateVi(iso);
  }
  return cellText(cell).trim();
}

function codeIn(text: string): string | null {
  const token = readCodeCell(text);
  return token?.kind === "dotted" ? token.code : null;
}

/** The labels of an evidence list's header row in a sheet's first rows: a code column and an evidence column, no points. */
function listLabels(sheet: GridSheet, r: number): { codeColumns: number[]; evidence: number[] } | null {
  const kinds = (sheet.rows[r] ?? []).map((cell) => (cell && typeof cell.v === "string" ? classifyLabel(cell.v) : null));
  const evidence = kinds.flatMap((k, c) => (k === "evidence" || k === "evidenceDate" ? [c] : []));
  const codeColumns = kinds.flatMap((k, c) => (k === "code" ? [c] : []));
  // A criteria table has its title and points too: that is a table, not a list.
  if (evidence.length === 0 || codeColumns.length === 0 || kinds.includes("self") || kinds.includes("max")) return null;
  return { codeColumns, evidence };
}

/**
 * Whether a sheet's first rows hold an evidence list's header (labels only, no set needed):
 * the add-in reads such a sheet in full, as it reads table sheets, so that it finds what the
 * CLI and the Worker find in the whole file.
 */
export function holdsEvidenceList(sheet: GridSheet): boolean {
  for (let r = 0; r < Math.min(HEADER_ROWS, sheet.rows.length); r++) if (listLabels(sheet, r)) return true;
  return false;
}

/** The header row of an evidence list: its code column (the one holding the set's codes) and its evidence and date columns. */
function listHeader(sheet: GridSheet, known: ReadonlySet<string>): { row: number; code: number; evidence: number[] } | null {
  for (let r = 0; r < Math.min(HEADER_ROWS, sheet.rows.length); r++) {
    const labels = listLabels(sheet, r);
    const code = labels?.codeColumns.find((c) => knownShare(sheet, r + 1, c, known) >= KNOWN_SHARE);
    if (labels && code !== undefined) return { row: r, code, evidence: labels.evidence };
  }
  return null;
}

function knownShare(sheet: GridSheet, from: number, column: number, known: ReadonlySet<string>): number {
  let filled = 0;
  let hits = 0;
  for (let r = from; r < Math.min(sheet.rows.length, from + 200); r++) {
    const text = cellText(cellAt(sheet, r, column)).trim();
    if (text === "") continue;
    filled++;
    const code = codeIn(text);
    // Documents are listed under criteria ("1.1", "2.3.1"): a running number 1, 2, 3 beside them
    // is no code even where the set has fields 1, 2, 3 (the STT column had been taken for it).
    if (code !== null && code.includes(".") && known.has(code)) hits++;
  }
  return filled === 0 ? 0 : hits / filled;
}
