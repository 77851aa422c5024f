import type { CriteriaSet, UnitType } from "./criteria-schema.ts";
import { headingUnit, LEVEL_RANK, titleLines, type TitleLine } from "./heading-unit.ts";
import type { LocatedTable } from "./locate-table.ts";
import type { FindingInput } from "./messages.ts";

/**
 * WRONG_CRITERIA_SET (warning): the workbook was checked against a set it was not made for —
 * last year's set for this year's table, the district set for a Sở's. Without it the unit reads
 * dozens of MAX_MISMATCH saying "có thể đang dùng biểu mẫu cũ", which blame its form when the
 * set chosen is what is wrong. Said only when both hold:
 *   - the title lines above the table name another year ("… NĂM 2025", never a date line
 *     "ngày 15 tháng 01 năm 2025") or another level of unit than the set (the unit's own line,
 *     the last one naming a level: "UBND XÃ TÂN AN" under "UBND HUYỆN …" is a commune, "PHÒNG
 *     NỘI VỤ" under "UBND QUẬN …" and "THANH TRA TỈNH" under "UBND TỈNH …" are specialised
 *     bodies — heading-unit.ts);
 *   - the rows disagree with the set in at least MIN_DISAGREEMENTS places (other maxima, titles
 *     of other criteria, codes it lacks, criteria missing) — a table that fits its set is never
 *     told its set may be wrong.
 */
const MIN_DISAGREEMENTS = 3;
const DISAGREEING = new Set(["MAX_MISMATCH", "TITLE_OF_OTHER_CRITERION", "UNKNOWN_CRITERION", "MISSING_CRITERION"]);

export function setMismatch(tables: readonly LocatedTable[], set: CriteriaSet, inputs: readonly FindingInput[]): FindingInput | null {
  const first = tables[0];
  if (!first) return null;
  const disagreements = inputs.filter((i) => DISAGREEING.has(i.code)).length;
  if (disagreements < MIN_DISAGREEMENTS) return null;
  const lines = titleLines(first);
  const year = otherYear(lines, set.year);
  const unit = otherLevel(lines, set.unitType);
  if (!year && !unit) return null;
  const at = (year ?? unit)!.cell;
  const params = { set: set.title, setYear: set.year, year: year?.year, unitType: unit?.type, unit: unit?.text, setUnitType: set.unitType, disagreements };
  return { code: "WRONG_CRITERIA_SET", cell: at, params };
}

/** The one year the title names ("NĂM 2025"), when it is not the set's; date lines left out. */
function otherYear(lines: readonly TitleLine[], setYear: number): { year: number; cell: string } | null {
  const named = new Map<number, string>();
  for (const line of lines) {
    if (/\b(ngay|thang)\b/.test(line.folded)) continue;
    for (const m of line.folded.matchAll(/\bnam (20\d\d)\b/g)) if (!named.has(Number(m[1]))) named.set(Number(m[1]), line.cell);
  }
  if (named.size !== 1 || named.has(setYear)) return null;
  const [year, cell] = [...named][0]!;
  return { year, cell };
}

/** The unit the heading names (its own line, not the body above it), when its level is not the set's. */
function otherLevel(lines: readonly TitleLine[], setType: UnitType): { type: UnitType; text: string; cell: string } | null {
  const unit = headingUnit(lines);
  return unit && unit.rank !== LEVEL_RANK[setType] ? { type: unit.type, text: unit.text, cell: unit.cell } : null;
}
