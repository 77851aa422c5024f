import { a1, cellAt, cellText, isBlankCell, type GridCell, type GridSheet } from "./grid.ts";
import { formatDateVi, isDateFormat, serialDate } from "./values.ts";
import { classifyLabel, type LocatedTable } from "./locate-table.ts";
import { readCodeCell } from "./codes.ts";
import { foldText, looksBlank } from "./text.ts";

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
  /** Several register entries a cell cites ("TL01, TL02"): each document with its own cell, where a finding about it points. */
  entries?: readonly { text: string; address: string }[];
}

const HEADER_ROWS = 30;
/** Of the code-labelled columns ("STT", "Mã tiêu chí"), the one holding the set's codes: at least this share of its filled cells. */
const KNOWN_SHARE = 0.5;

/**
 * The documents of evidence sheets: by the criterion they are listed under, by their running
 * number ("STT" 1, 2, 3 …), and by the symbol a register prints beside each ("Ký hiệu": TL05,
 * TL1.03), which need not be its running number (registers numbered per field, or going on
 * from last year's).
 */
export interface EvidenceLists {
  byCode: Map<string, ListedEvidence>;
  byNumber: Map<number, ListedEvidence>;
  bySymbol?: Map<string, ListedEvidence>;
}

export function evidenceLists(sheets: readonly GridSheet[], tables: readonly LocatedTable[], known: ReadonlySet<string>): EvidenceLists {
  return { byCode: listedEvidence(sheets, tables, known), ...numberedEvidence(sheets, tables) };
}

/**
 * Where a leaf's evidence is when not in its own cell: a blank cell takes the documents listed
 * under its code; a cell that only refers to the register by number ("Xem TL số 3", "TL03",
 * "Theo TLKC số 2, 3", "Xem mục 3 Danh mục tài liệu") takes the documents it names, so their
 * citations and dates are checked as if written there. Undefined: the cell is read as written.
 */
export function evidenceElsewhere(lists: EvidenceLists, code: string, ownText: string): ListedEvidence | undefined {
  // A cell of only characters no one sees (a soft hyphen, a joiner) is blank, as it looks.
  if (looksBlank(ownText)) return lists.byCode.get(code);
  if (lists.byNumber.size === 0) return undefined;
  // The symbol printed beside a document is what the clerk copied: "TL05" is the register's TL05
  // whatever its row; only a cell no symbol of the register answers is read by running number.
  const found = citedSymbols(lists.bySymbol, ownText) ?? referencedNumbers(ownText).map((n) => lists.byNumber.get(n));
  if (found.length === 0 || found.some((f) => f === undefined)) return undefined;
  const listed = found as ListedEvidence[];
  const text = listed.map((f) => f.text).join("\n");
  return listed.length === 1 ? { text, address: listed[0]!.address } : { text, address: listed[0]!.address, entries: listed.map(({ text, address }) => ({ text, address })) };
}

/** Words that lead a reference ("Xem", "Theo") and what may follow its entries: where the register is ("(Tài liệu kiểm chứng)", "tại sheet …"). */
const LEAD = /^(?:(?:xem|theo|tai|nhu|chi tiet tai)\s+)/;
const TAIL = /\s*(?:[.;]|\(.*\)|(?:tai|o|trong|thuoc|cua)?\s*(?:danh muc|phu luc|sheet|trang|bang|bieu|tlkc)\b.*)?$/;
/** Between two entries of one cell: "TL01, TL02", "TL01; TL02", "TL01 và TL02", "TL01 + TL02", "TL01 & TL02". */
const ENTRIES = /\s*(?:,|;|&|\+|\bva\b)\s*/;

/**
 * A register's symbol as compared: folded, without the spaces, dashes and stops typed inside it
 * or zeros padding its numbers — "TL-01", "TL 01", "TL.01" and "TL1" are one symbol, "TL1.03"
 * and "TL1.3" one too.
 */
const symbolKey = (text: string): string =>
  foldText(text).replace(/[\s\-–_]+/g, "").replace(/(?<=\p{L})\.(?=\d)/gu, "").replace(/(?<!\d)0+(?=\d)/g, "");

/** The documents a cell names by the register's own symbols, every entry one of them; null when any is not. */
function citedSymbols(bySymbol: ReadonlyMap<string, ListedEvidence> | undefined, text: string): ListedEvidence[] | null {
  if (!bySymbol || bySymbol.size === 0) return null;
  const entries = foldText(text).trim().replace(LEAD, "").replace(TAIL, "").split(ENTRIES);
  const found = entries.map((entry) => bySymbol.get(symbolKey(entry)));
  return found.every((f) => f !== undefined) ? found : null;
}

/**
 * A reference to the register: a word for its documents or their number, the numbers (each may
 * repeat the word: "TL01, TL02", "TL-01"), and at most where the register is.
 */
const REFERENCE = /^(?:(?:xem|theo|tai|nhu|chi tiet tai)\s+)?(?:tai lieu kiem chung|tai lieu|tlkc|tl|muc|stt)\s*(?:so\s*)?[:.\-]?\s*(\d{1,4}(?:\s*(?:,|;|-|&|\+|va)\s*(?:(?:tlkc|tl)\s*[.\-]?\s*)?\d{1,4})*)\s*(?:[.;]|\(.*\)|(?:tai|o|trong|thuoc|cua)?\s*(?:danh muc|phu luc|sheet|trang|bang|bieu|tlkc)\b.*)?$/;
/** A running number alone in brackets, "(1)", "[1]": the register's entry when the cell holds nothing else. */
const BRACKETED = /^[(\[]\s*(\d{1,4})\s*[)\]]$/;

/** The running numbers a reference names ("3", "2, 3", "2-4"); none when the text is no reference. */
function referencedNumbers(text: string): number[] {
  const folded = foldText(text).trim();
  const bracketed = BRACKETED.exec(folded);
  if (bracketed) return [Number(bracketed[1])];
  const m = REFERENCE.exec(folded);
  if (!m) return [];
  const numbers: number[] = [];
  for (const part of m[1]!.replace(/(?:tlkc|tl)\s*[.\-]?\s*(?=\d)/g, "").split(/\s*(?:,|;|&|\+|va)\s*/)) {
    const [from, to] = part.split(/\s*-\s*/).map(Number);
    if (to === undefined) numbers.push(from!);
    else for (let n = from!; n <= to && n - from! < 50; n++) numbers.push(n);
  }
  return numbers;
}

/**
 * An evidence list numbered 1, 2, 3 … in its code column ("STT") with no criteria codes: each
 * document by its number, for the cells that refer to it. On a sheet of its own, or under the
 * scored table on its sheet (after its last row or "Tổng cộng"), as communes keep it (WB17-12).
 */
function numberedEvidence(sheets: readonly GridSheet[], tables: readonly LocatedTable[]): Pick<EvidenceLists, "byNumber" | "bySymbol"> {
  const listed = new Map<number, ListedEvidence>();
  const bySymbol = new Map<string, ListedEvidence>();
  for (const sheet of sheets) {
    const header = numberedHeader(sheet, belowTables(sheet, tables));
    if (!header) continue;
    for (let r = header.row + 1; r < sheet.rows.length; r++) {
      const n = runningNumber(cellAt(sheet, r, header.code));
      if (n === null || listed.has(n)) continue;
      const parts = header.evidence.map((c) => listedText(cellAt(sheet, r, c))).filter((t) => t !== "");
      if (parts.length === 0) continue;
      const firstFilled = header.evidence.find((c) => !isBlankCell(cellAt(sheet, r, c)))!;
      const entry = { text: parts.join(" "), address: a1(sheet.name, r, firstFilled) };
      listed.set(n, entry);
      // The other code-labelled columns ("Ký hiệu", "Mã"): a symbol has letters and digits ("TL05"), a criterion's code ("1.1.2") has none.
      for (const c of header.symbols) {
        const symbol = cellText(cellAt(sheet, r, c)).trim();
        if (symbol.length <= 20 && /\p{L}/u.test(symbol) && /\d/.test(symbol) && !bySymbol.has(symbolKey(symbol))) bySymbol.set(symbolKey(symbol), entry);
      }
    }
  }
  return { byNumber: listed, bySymbol };
}

function runningNumber(cell: GridCell | undefined): number | null {
  const text = cellText(cell).trim();
  return /^\d{1,4}\.?$/.test(text) ? Number(text.replace(".", "")) : null;
}

/**
 * Where an evidence list may start on a sheet: its first row on a sheet holding no scored table,
 * the row after the last scored table's end on one that does (its last row read, or its totals row).
 */
function belowTables(sheet: GridSheet, tables: readonly LocatedTable[]): number {
  let from = 0;
  for (const t of tables) {
    if (t.sheet !== sheet) continue;
    let end = Math.max(t.header.headerBottom, t.totalsRow ?? -1);
    for (const row of t.rows) end = Math.max(end, row.r, ...(row.more ?? []));
    from = Math.max(from, end + 1);
  }
  return from;
}

/** The header of an evidence list whose code column holds running numbers (most of its filled cells below), in the rows from `from` on. */
function numberedHeader(sheet: GridSheet, from: number): { row: number; code: number; evidence: number[]; symbols: number[] } | null {
  for (let r = from; r < Math.min(from + HEADER_ROWS, sheet.rows.length); r++) {
    const labels = listLabels(sheet, r);
    const code = labels?.codeColumns.find((c) => numberedShare(sheet, r + 1, c) >= KNOWN_SHARE);
    if (labels && code !== undefined) return { row: r, code, evidence: labels.evidence, symbols: labels.codeColumns.filter((c) => c !== code) };
  }
  return null;
}

function numberedShare(sheet: GridSheet, from: number, column: number): number {
  let filled = 0;
  let hits = 0;
  for (let r = from; r < Math.min(sheet.rows.length, from + 200); r++) {
    const cell = cellAt(sheet, r, column);
    if (cellText(cell).trim() === "") continue;
    filled++;
    if (runningNumber(cell) !== null) hits++;
  }
  return filled === 0 ? 0 : hits / filled;
}

function listedEvidence(sheets: readonly GridSheet[], tables: readonly LocatedTable[], known: ReadonlySet<string>): Map<string, ListedEvidence> {
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
