import type { UnitType } from "./criteria-schema.ts";
import { a1, cellText, sameSheetName, type GridSheet } from "./grid.ts";
import type { Note } from "./import-criteria-leaf.ts";
import { namesDepartments } from "./import-criteria-levels.ts";
import { readDecisionTable, type DecisionTable } from "./import-criteria-rows.ts";
import { rowText } from "./import-criteria-sections.ts";
import { findHeader } from "./locate-table.ts";
import { foldText } from "./text.ts";

/**
 * Which sheets hold the decision's table. A table cut over several sheets ("Trang 1" with
 * fields 1–2, "Trang 2" with field 3 under the same header) is read whole, as §2 allows fields
 * spread over sheets: a later table continues the first when it has the same title and max
 * columns, none of its codes was read before, and its first field comes after the last one.
 * Tables that repeat codes (one per level, or a copy) are not joined: the first is read, noted.
 */
export function pickTable(sheets: GridSheet[], name: string | undefined, unitType: UnitType, note: Note): DecisionTable | "SHEET_NOT_FOUND" | null {
  if (name !== undefined) {
    const sheet = sheets.find((s) => sameSheetName(name, s.name));
    if (!sheet) return "SHEET_NOT_FOUND";
    return oneOfSheet(tablesOn(sheet, unitType), unitType, note);
  }
  const perSheet = sheets.filter((s) => !s.hidden).map((s) => tablesOn(s, unitType)).filter((list) => list.length > 0);
  if (perSheet.length === 0) return null;
  const onSheets = perSheet.map((list) => (list.length > 1 ? oneOfSheet(list, unitType, note)! : list[0]!));
  // One sheet per level ("Phụ lục I" the departments', "Phụ lục II" the districts'): the first
  // sheet is read unless its title names another level and a later one names this one.
  const named = onSheets.findIndex((t) => levelNamed(t).includes(unitType));
  const otherLevel = levelNamed(onSheets[0]!).length > 0 && !levelNamed(onSheets[0]!).includes(unitType);
  const tables = named > 0 && otherLevel ? [onSheets[named]!, ...onSheets.filter((_, i) => i !== named)] : onSheets;
  const first = tables[0];
  if (!first) return null;
  let joined = first;
  const read = [first];
  for (const table of tables.slice(1)) {
    if (!continues(joined, table)) continue;
    joined = join(joined, table);
    read.push(table);
  }
  const at = a1(first.sheet.name, first.header.headerTop, 0);
  const names = (list: DecisionTable[]) => list.map((t) => t.sheet.name).join(", ");
  if (read.length > 1) note("SHEETS_JOINED", at, { sheets: names(read) });
  if (read.length < tables.length) note("SEVERAL_TABLES", at, { sheets: names(tables), sheet: names(read) });
  return joined;
}

/** Annexes one under the other on a sheet: a decision's Phụ lục I and II pasted from its Word file. */
const MAX_TABLES_ON_SHEET = 4;

/**
 * The tables of one sheet, top to bottom: after a table's grand total, another header under
 * its own "Phụ lục …" line or title starts the next annex (a page break's header repeats no
 * title and has no total above it). Each table keeps only the lines under it up to the next.
 */
function tablesOn(sheet: GridSheet, unitType: UnitType): DecisionTable[] {
  const tables: DecisionTable[] = [];
  let from = 0;
  for (let n = 0; n < MAX_TABLES_ON_SHEET; n++) {
    const view = from === 0 ? sheet : { ...sheet, rows: sheet.rows.map((row, r) => (r < from ? [] : row)) };
    const table = readDecisionTable(view, unitType);
    if (!table || table.rows.length === 0) break;
    // Its grand total ends it; without one, its last row (Phụ lục I closed by its xếp loại line, IMP7-5).
    const last = table.rows.at(-1);
    const end = table.totals ? rowOf(table.totals.cell) : last ? rowOf(last.maxCell) : null;
    const next = end === null ? null : findHeader(sheet, undefined, end + 1);
    const start = next && next.columns.title !== undefined ? annexStart(sheet, end! + 1, next.headerTop) : null;
    if (start === null) {
      tables.push(table);
      break;
    }
    tables.push({ ...table, end: Math.min(table.end, start), below: table.below.filter((line) => rowOf(line.cell) < start) });
    from = start;
  }
  return tables;
}

/** The row an annex starts at: its "Phụ lục II" line, else its title, over its header; null when there is neither. */
function annexStart(sheet: GridSheet, from: number, headerTop: number): number | null {
  const lines = Array.from({ length: Math.max(0, headerTop - from) }, (_, i) => from + i);
  return lines.find((r) => /^phu luc\b/.test(foldText(rowText(sheet, r)))) ?? lines.find((r) => ANNEX_TITLE.test(foldText(rowText(sheet, r)))) ?? null;
}

const ANNEX_TITLE = /^(?:bo chi so|bo tieu chi|chi so cai cach|tieu chi (?:danh gia|xac dinh|cham diem))/;

/** The level a title block names, by the first level word in it ("… CỦA UBND CÁC HUYỆN, THỊ XÃ …" is the district's). */
const LEVEL_WORDS: [RegExp, UnitType[]][] = [
  [/cac so\b|cap so\b|so, ban, nganh|co quan chuyen mon/, ["department"]],
  [/huyen\b|thi xa\b|thanh pho thuoc tinh/, ["district"]],
  [/(?<!thi )\bxa\b|phuong\b|thi tran\b/, ["commune", "ward"]],
];

function levelNamed(table: DecisionTable): UnitType[] {
  if (isQuestionnaire(table)) return [];
  return firstLevelIn(foldText(table.above.join(" \n "))) ?? sheetLevel(table.sheet.name) ?? [];
}

function firstLevelIn(folded: string): UnitType[] | null {
  const found = LEVEL_WORDS.map(([words, levels]) => ({ at: folded.search(words), levels })).filter((w) => w.at >= 0);
  return found.sort((a, b) => a.at - b.at)[0]?.levels ?? null;
}

/**
 * A title naming no level leaves it to the tab: "PL1 - Sở", "PL2 - Huyện", "PL3 - Xã, phường" (a
 * bare "Sở" told apart from a "số" by its marks). Every level had read the first sheet.
 */
function sheetLevel(name: string): UnitType[] | null {
  return firstLevelIn(foldText(name)) ?? (namesDepartments(name) ? ["department"] : null);
}

/**
 * A survey form annexed after the criteria ("PHỤ LỤC II – PHIẾU KHẢO SÁT SỰ HÀI LÒNG … ĐỐI VỚI
 * UBND CẤP XÃ", "Nội dung câu hỏi | Điểm"): its title names the level it surveys, yet it is no
 * criteria annex, whatever points its questions carry (IMP7-1). Never chosen over a table of
 * criteria, nor for the level it names.
 */
function isQuestionnaire(table: DecisionTable): boolean {
  const titles = table.above.map(foldText).filter((line) => !/^phu luc\b[^a-z]*$/.test(line));
  const title = titles.find((line) => FORM_TITLE.test(line) || ANNEX_TITLE.test(line));
  const label = foldText(cellText(table.sheet.rows[table.header.headerTop]?.[table.header.columns.title ?? -1] ?? undefined));
  return (title !== undefined && FORM_TITLE.test(title)) || /\bcau hoi\b/.test(label);
}

/** A form's title: "Phiếu khảo sát", "Phiếu điều tra xã hội học", "Phiếu lấy ý kiến", "Bảng hỏi". */
const FORM_TITLE = /^(?:phu luc\s*[ivx\d]*\s*[.:\-–]?\s*)?(?:mau\s+)?(?:phieu (?:khao sat|dieu tra|lay y kien|hoi|danh gia (?:su|muc do) hai long)|bang hoi|bang cau hoi)\b/;

/** One of a sheet's annexes: the one whose title names the level asked for, else the first; noted when there are several. Survey forms only when nothing else is. */
function oneOfSheet(all: DecisionTable[], unitType: UnitType, note: Note): DecisionTable | null {
  const criteria = all.filter((t) => !isQuestionnaire(t));
  const tables = criteria.length > 0 ? criteria : all;
  // A later table takes the first one's place by its level only when its title names an index or
  // criteria set ("BỘ CHỈ SỐ … CẤP HUYỆN"): a summary sheet or form naming the level is no annex of criteria.
  const named = tables.find((t, i) => levelNamed(t).includes(unitType) && (i === 0 || t.above.some((line) => ANNEX_TITLE.test(foldText(line)))));
  const chosen = named ?? tables[0];
  if (!chosen) return null;
  if (all.length > 1) {
    const title = (t: DecisionTable) => t.above.find((line) => ANNEX_TITLE.test(foldText(line))) ?? t.above.at(-1) ?? "";
    note("TABLES_ON_SHEET", a1(chosen.sheet.name, chosen.header.headerTop, 0), {
      sheet: chosen.sheet.name,
      count: all.length,
      title: title(chosen),
      byLevel: named ? "yes" : "no",
      form: all.filter((t) => !tables.includes(t)).map(title).join(", "),
    });
  }
  return chosen;
}

/** "'Phụ lục'!C14" → 13. */
function rowOf(cell: string): number {
  return Number(/(\d+)$/.exec(cell)?.[1] ?? 0) - 1;
}

function continues(before: DecisionTable, next: DecisionTable): boolean {
  const { title, max } = before.header.columns;
  if (next.header.columns.title !== title || next.header.columns.max !== max) return false;
  const seen = new Set(before.rows.map((r) => r.code));
  if (next.rows.some((r) => seen.has(r.code))) return false;
  const field = (code: string | undefined) => Number(code?.split(".")[0]);
  const last = Math.max(...before.rows.map((r) => field(r.code)));
  return field(next.rows[0]?.code) > last;
}

/** The rows of both in order; the totals row and the lines under the table are the last sheet's when it has them; each sheet's own table is kept in parts. */
function join(before: DecisionTable, next: DecisionTable): DecisionTable {
  return {
    ...before,
    parts: [...(before.parts ?? [before]), next],
    rows: [...before.rows, ...next.rows],
    totals: next.totals ?? before.totals,
    below: [...before.below, ...next.below],
    renumbered: [...before.renumbered, ...next.renumbered],
    notes: [...before.notes, ...next.notes],
  };
}
