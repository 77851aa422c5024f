import { a1, cellText, type Grid } from "./grid.ts";
import { halfMarkedLabel, readCodeCell } from "./codes.ts";
import type { DecisionTable } from "./import-criteria-rows.ts";
import { range } from "./import-criteria-sections.ts";

/**
 * Labels typed with their marks but "so"/"thu" without ("Tiêu chí so 2"): no labels (RD27-2),
 * so their rows fall under the criterion before them. Found by cell, with the label meant, so
 * that the import is refused by name, never a set with part missing (RD28-6, RD29-3).
 */
export type HalfMarkedLabel = { cell: string; text: string; meant: string };

/** With no table found: the first cell anywhere holding a bare half-marked label (RD28-6). */
export function halfLabelInWorkbook(grid: Grid): HalfMarkedLabel | null {
  for (const sheet of grid.sheets) {
    for (let r = 0; r < sheet.rows.length; r++) {
      const row = sheet.rows[r] ?? [];
      for (let c = 0; c < row.length; c++) {
        const text = cellText(row[c] ?? undefined).trim();
        const meant = text.length < 40 && /\s(so|thu)\b/i.test(text) ? halfMarkedLabel(text) : null;
        if (meant) return { cell: a1(sheet.name, r, c), text, meant };
      }
    }
  }
  return null;
}

/**
 * A half-marked "so"/"thu" right before a number ("Tiêu chí so 2", "Chỉ tiêu thu 1"), or before
 * a Roman one ("Tiêu chí so II", "Tiêu chí thu II", as "số II"/"thứ II" are read: RD31-4, RD32-4):
 * no revenue target ("thu năm 2024") reads so.
 */
const NUMBERED_HALF_LABEL = /\s(?:[Ss][Oo]|[Tt][Hh][Uu])\s*(?:\d|[IVXL]+(?![\p{L}\d]))/u;

/**
 * In the table imported, only where codes and labels are read (RD30-2): the code and label
 * columns and the title cell, from the header down to the table's end. A guidance, method or
 * evidence cell, or a line under the table, is text whatever it says, and loses no rows. A table
 * joined over sheets is scanned sheet by sheet, each to its own end (RD31-1).
 */
export function halfLabelInTable(table: DecisionTable): HalfMarkedLabel | null {
  for (const part of table.parts ?? [table]) {
    const found = halfLabelInPart(part);
    if (found) return found;
  }
  return null;
}

function halfLabelInPart(table: DecisionTable): HalfMarkedLabel | null {
  const { sheet, header } = table;
  const title = header.columns.title ?? 0;
  const labelColumns = [title, header.columns.code, header.partColumn, ...(header.codeColumns ?? []), ...(header.titleColumns ?? [])];
  const edge = Math.max(...labelColumns.filter((c): c is number => c !== undefined));
  const end = scanEnd(table);
  const criterionPlace = placedAsCriterion(table);
  for (let r = header.headerBottom + 1; r < end; r++) {
    const row = sheet.rows[r] ?? [];
    for (let c = 0; c <= Math.min(edge, row.length - 1); c++) {
      const text = cellText(row[c] ?? undefined).trim();
      const meant = text.length < 40 && NUMBERED_HALF_LABEL.test(text) ? halfMarkedLabel(text) : null;
      if (meant) return { cell: a1(sheet.name, r, c), text, meant };
      // A title cell beside a code or label is the title: the row's code is read from that cell.
      const coded = c >= title && row.slice(0, c).some((cell) => cellText(cell ?? undefined).trim() !== "");
      const opening = coded ? null : openingHalfLabel(text, criterionPlace(r));
      if (opening) return { cell: a1(sheet.name, r, c), ...opening };
    }
  }
  return null;
}

/**
 * Where the scan stops: a total under the body; else the table's end, past rows still carrying
 * points (a last criterion whose label did not read is one). With the total above the body, or
 * none, notes under the table and the next annex on the sheet are no part of it (RD31-3).
 */
function scanEnd(table: DecisionTable): number {
  const { sheet, header } = table;
  const rowOf = (cell: string) => Number(/(\d+)$/.exec(cell)?.[1] ?? 0) - 1;
  const first = table.rows[0] ? rowOf(table.rows[0].cell) : header.headerBottom;
  const total = table.totals ? rowOf(table.totals.cell) : -1;
  if (total > first) return total;
  const max = header.columns.max ?? header.columns.self;
  if (max === undefined) return table.end;
  const points = (r: number) => cellText(sheet.rows[r]?.[max] ?? undefined).trim();
  let end = table.end;
  for (;;) {
    while (end < sheet.rows.length && points(end) !== "") end++;
    const next = criterionWithPointsAfter(table, end, max);
    if (next === null) return end;
    end = next;
  }
}

/**
 * Whether row r sits where a criterion sits: its own max in the max column, under a field (the
 * coded row above has children, or a field's code stands between — a band row's mark, "-" or "+",
 * is no code: RD35-4) or over the points the leaf above allows. An option or band line
 * ("Chỉ tiêu thu 1 Tỷ đồng trở lên" | 1 under a criterion of 1) has none, or no more (RD34-2).
 */
function placedAsCriterion(table: DecisionTable): (r: number) => boolean {
  const { sheet, header } = table;
  const max = header.columns.max ?? header.columns.self;
  const rowOf = (cell: string) => Number(/(\d+)$/.exec(cell)?.[1] ?? 0) - 1;
  return (r) => {
    const typed = max === undefined ? "" : cellText(sheet.rows[r]?.[max] ?? undefined).trim();
    if (!/^\(?[-−]?\d+(?:[.,]\d+)?\)?$/u.test(typed)) return false;
    const own = Number(typed.replace(/[()]/gu, "").replace("−", "-").replace(",", "."));
    let i = -1;
    while (i + 1 < table.rows.length && rowOf(table.rows[i + 1]!.cell) < r) i++;
    const above = table.rows[i];
    if (!above) return true;
    const parent = table.rows[i + 1]?.code.startsWith(`${above.code}.`) ?? false;
    const codes = [header.columns.code, header.partColumn].filter((c): c is number => c !== undefined);
    const headed = range(rowOf(above.cell) + 1, r).some((q) => codes.some((c) => readCodeCell(cellText(sheet.rows[q]?.[c] ?? undefined)) !== null));
    return parent || headed || (above.max !== null && own > above.max);
  };
}

/** Rows a bonus part may stand apart by (a blank row, a heading, its own criterion with no max). */
const GAP_ROWS = 3;

/**
 * After the table's end, a row with points in the max column and a label or title beside it,
 * past at most a few rows with none (a blank row, "ĐIỂM THƯỞNG", a bonus criterion with no max):
 * the table goes on there (RD32-2: a half-labelled bonus criterion after a blank row was dropped,
 * exit 0). A header's label in the max column ("Điểm tối đa") ends the look: the next annex.
 */
function criterionWithPointsAfter(table: DecisionTable, from: number, max: number): number | null {
  const { sheet, header } = table;
  const labels = [header.columns.code, header.columns.title, header.partColumn].filter((c): c is number => c !== undefined && c !== max);
  for (let r = from; r < Math.min(sheet.rows.length, from + GAP_ROWS + 1); r++) {
    const row = sheet.rows[r] ?? [];
    const points = cellText(row[max] ?? undefined).trim();
    if (points === "") continue;
    if (!/^\(?[-−]?\d+(?:[.,]\d+)?\)?$/u.test(points)) return null;
    return labels.some((c) => cellText(row[c] ?? undefined).trim() !== "") ? r : null;
  }
  return null;
}

/** A half-marked label, then its number or ordinal word ("Tiêu chí so 2", "Tiêu chí thu hai"), at a cell's start. */
const HALF_LABEL_START = /^\S.*?\s(?:so\s*(?:\d{1,2}(?!\d)|(?:nhất|hai|ba|bốn|tư|năm|sáu|bảy|tám|chín|mười)(?!\p{L}))|thu\s*(?:\d{1,2}(?!\d)|(?:nhất|hai|ba|bốn|tư|sáu|bảy|tám|chín|mười)(?!\p{L})))/iu;
/** The same with a Roman number after "so" or "thu" ("Tiêu chí so II: …", "Lĩnh vực thu II: …"), in capitals as Roman numbers are written (RD31-4, RD32-4). */
const ROMAN_HALF_LABEL_START = /^\S.*?\s(?:so|So|SO|thu|Thu|THU)\s*[IVXL]+(?![\p{L}\d])/u;
/**
 * An amount after "thu" and a number ("Chỉ tiêu thu 1 Tỷ đồng", "thu 1 Tỷ đến dưới 2 Tỷ", "thu 2
 * Triệu USD"): a revenue target, never a label's end (RD31-2), whatever word follows the unit
 * (RD33-2: "đến", "hoặc", "mỗi năm" refused a band line). Only the first word of a title's
 * compound ("Tỷ lệ …", "Tỷ trọng …", "Đồng bộ …", "Đồng thời …", "Triệu tập …") is no amount,
 * and the label before it is refused (RD32-1: it was 6 of 15 points gone, exit 0). So read only
 * where a band sits: where a criterion sits (placedAsCriterion) an amount is as 6758130 read it,
 * the unit alone or before another, and "Tiêu chí thu 3 Đồng chí …" | 5 is refused (RD34-2).
 */
const AMOUNT_AFTER = /^\s*(?!(?:tỷ|tỉ)\s+(?:lệ|trọng)(?!\p{L})|đồng\s+(?:bộ|thời)(?!\p{L})|triệu\s+tập(?!\p{L}))(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm|đồng|trđ|tr\.?\s?đ|usd)(?!\p{L})/iu;
/** The amount where a criterion sits: the unit alone or before another unit or a bound ("1 Tỷ đồng", "500 Triệu trở lên"). */
const AMOUNT_ALONE = /^\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm|đồng|trđ|tr\.?\s?đ)(?!\p{L})(?!\s+\p{L})|^\s*(?:tỷ|tỉ|triệu|nghìn|ngàn|trăm)\s+(?:tỷ|tỉ|triệu|nghìn|ngàn|đồng|vnđ|vnd|đ|trở|trên|dưới)(?!\p{L})/iu;
/** What may follow such a label as it follows a label read: nothing, a separator, or a capitalised title. */
const LABEL_END = /^(?:\s*$|\s*[:：.)\-–—](?!\d)|\s+\p{Lu})/u;

/**
 * A code or title cell opening with a half-marked label and its title after it ("Tiêu chí so 2:
 * Cải cách thủ tục hành chính") or with its number spelled ("Tiêu chí thu hai"): its rows fall
 * under the criterion before as a bare label's do (RD30-1: 6 of 15 points gone, exit 0). Only the
 * label is named; a title going on in lowercase words ("Chỉ tiêu thu 3 loại phí") is text.
 */
function openingHalfLabel(text: string, criterionPlace: boolean): { text: string; meant: string } | null {
  const label = HALF_LABEL_START.exec(text)?.[0] ?? ROMAN_HALF_LABEL_START.exec(text)?.[0];
  const rest = label === undefined ? "" : text.slice(label.length);
  if (!label || !LABEL_END.test(rest) || (/thu\s*\d+$/iu.test(label) && (criterionPlace ? AMOUNT_ALONE : AMOUNT_AFTER).test(rest))) return null;
  const meant = halfMarkedLabel(label);
  return meant ? { text: label, meant } : null;
}
