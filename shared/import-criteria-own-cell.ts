import { capIn, splitClauses, type Clause, type MethodLine } from "./import-criteria-clauses.ts";
import { foldText } from "./text.ts";
import { parseNumberText } from "./values.ts";

/**
 * What the importer says of a criterion's own method cell when the set's reading comes from the
 * lines under it (its band table): notes only, the reading is never changed here.
 */

/** A leaf's row as read: the cell of its max and its method lines, its own cell's first. */
interface LeafRow {
  cell: string;
  method: MethodLine[];
}

/** A cell on the criterion's own row (its method cell), not a line of the table under it. */
export function onOwnRow(src: LeafRow, cell: string): boolean {
  return rowOf(cell) === rowOf(src.cell);
}

function rowOf(cell: string): string {
  return cell.replace(/![A-Z]+(\d+)$/u, "!$1");
}

/** "Được 2 điểm", "2 điểm", "02 điểm", "(2 điểm)", "2đ", "Đạt 2,0 điểm.": points and nothing else. */
const POINTS_ALONE = /^(?:(?:được|đạt)(?:\s+(?:tính|chấm))?\s+)?\(?\s*\d+(?:[.,]\d+)?\s*(?:điểm|đ)\s*\)?\s*\.?$/iu;

/**
 * The criterion's own cell restating its max ("Được 2 điểm" on a 2-point criterion) says no more
 * than "Tối đa 2 điểm", which no note names (RD40-3); another figure ("Được 3 điểm") is a level.
 */
export function restatesMax(src: LeafRow, clause: Clause, max: number): boolean {
  return onOwnRow(src, clause.cell) && clause.points === max && POINTS_ALONE.test(clause.text.trim());
}

const CAP_WORDS = /(?:chấm\s+)?(?:tối đa|không quá)(?:\s+là)?\s*\d+(?:[.,]\d+)?\s*(?:điểm|đ)(?!\p{L})/giu;
/** "Theo Nghị định 61, Thông tư 01", "Điều 1, Điều 2", "Căn cứ …": a reference, no option (RD41-1). */
const REFERENCE = /^(?:theo|can cu|xem|tai|nghi dinh|thong tu|quyet dinh|huong dan|cong van|ke hoach so|dieu|khoan|phu luc)(?![a-z])/;
/** "quý 1", "tháng 6", "kỳ 2", "năm 2024": a period, whose number is no points (RD41-1). */
const PERIOD = /(?<![a-z])(?:quy|thang|ky|dot|tuan|nam)\s+\d/;

/**
 * A cap's cell ("Tối đa 2 điểm; đúng hạn 2, chậm 1", "Tối đa 2 điểm (đủ, đúng hạn 2; chậm 0)")
 * whose other clauses name no points is no rule (RD39-1), and its table below is read: the
 * reviewer is told which part of the cell was not used (RD40-2). A part counts when its figures
 * could be the criterion's points (none above the cap, one above 0), as options written without
 * "điểm" are; a reference ("Theo Nghị định 61, Thông tư 01"), a period ("quý 1, quý 2, quý 3",
 * "Quý 1 2, quý 2 1"), a count ("Tổng số nhiệm vụ 5, hoàn thành 5"), figures that pay nothing
 * ("Chậm 0, không gửi 0") or words alone are no part to name (RD41-1, RD41-2, RD41-5). Null when
 * nothing is to be said.
 */
export function capRestUnused(src: LeafRow, said: Clause[]): { cell: string; text: string; cap: number } | null {
  const own = src.method.filter((line) => onOwnRow(src, line.cell));
  if (own.length === 0 || own.length === src.method.length) return null;
  const cap = capIn(foldText(own.map((line) => line.text).join("; ")));
  if (cap === null || cap <= 0) return null;
  const clauses = splitClauses(own);
  if (clauses.some((c) => c.points !== null)) return null;
  const kept = new Set(said.map((c) => `${c.cell}\u0000${c.text}`));
  const parts = clauses
    .filter((c) => kept.has(`${c.cell}\u0000${c.text}`))
    .map((c) => c.text.replace(CAP_WORDS, " ").replace(/\(\s*\)/gu, " ").replace(/^[\s(),.;:–-]+|[\s(),.;:–-]+$/gu, "").replace(/\s{2,}/gu, " "))
    .filter((text) => /\p{L}/u.test(text) && !REFERENCE.test(foldText(text)) && !PERIOD.test(foldText(text)));
  const figures = (text: string) => [...text.matchAll(/\d+(?:[.,]\d+)?/gu)].map((m) => parseNumberText(m[0]) ?? Infinity);
  const options = parts.filter((text) => figures(text).length > 0 && figures(text).every((n) => n <= cap));
  if (!options.some((text) => figures(text).some((n) => n > 0))) return null;
  return { cell: own[0]!.cell, text: options.join("; "), cap };
}
