import type { CriteriaSet, UnitType } from "./criteria-schema.ts";
import { a1, cellText } from "./grid.ts";
import type { LocatedTable } from "./locate-table.ts";
import type { FindingInput } from "./messages.ts";
import { foldText } from "./text.ts";

/**
 * WRONG_CRITERIA_SET (warning): the workbook was checked against a set it was not made for —
 * last year's set for this year's table, the district set for a Sở's. Without it the unit reads
 * dozens of MAX_MISMATCH saying "có thể đang dùng biểu mẫu cũ", which blame its form when the
 * set chosen is what is wrong. Said only when both hold:
 *   - the title lines above the table name another year ("… NĂM 2025", never a date line
 *     "ngày 15 tháng 01 năm 2025") or another level of unit (the last one they name: "UBND
 *     XÃ TÂN AN" under "UBND HUYỆN …" is a commune) than the set;
 *   - the rows disagree with the set in at least MIN_DISAGREEMENTS places (other maxima, titles
 *     of other criteria, codes it lacks, criteria missing) — a table that fits its set is never
 *     told its set may be wrong.
 */
const MIN_DISAGREEMENTS = 3;
const DISAGREEING = new Set(["MAX_MISMATCH", "TITLE_OF_OTHER_CRITERION", "UNKNOWN_CRITERION", "MISSING_CRITERION"]);
/** Title lines read above the header: the heading block of a form is a few rows. */
const TITLE_ROWS = 12;

/** A level named at the start of a title line, by its rank (communes and wards share one). */
const LEVELS: { rank: number; type: UnitType; pattern: RegExp }[] = [
  { rank: 0, type: "commune", pattern: /^(?:ubnd |uy ban nhan dan )?(?:xa|phuong|thi tran)\b/ },
  { rank: 1, type: "district", pattern: /^(?:ubnd |uy ban nhan dan )?(?:huyen|quan|thi xa)\b/ },
  { rank: 2, type: "department", pattern: /^so\b(?! lieu)/ },
  { rank: 3, type: "province", pattern: /^(?:ubnd |uy ban nhan dan )tinh\b/ },
];
const RANK: Record<UnitType, number> = { commune: 0, ward: 0, district: 1, department: 2, province: 3 };

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
  return { code: "WRONG_CRITERIA_SET", cell: at, params: { set: set.title, setYear: set.year, year: year?.year, unitType: unit?.type, setUnitType: set.unitType, disagreements } };
}

interface TitleLine {
  folded: string;
  cell: string;
}

function titleLines(table: LocatedTable): TitleLine[] {
  const out: TitleLine[] = [];
  for (let r = Math.max(0, table.header.headerTop - TITLE_ROWS); r < table.header.headerTop; r++) {
    const row = table.sheet.rows[r] ?? [];
    row.forEach((cell, c) => {
      const text = cellText(cell ?? undefined).trim();
      if (text) out.push({ folded: foldText(text), cell: a1(table.sheet.name, r, c) });
    });
  }
  return out;
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

/**
 * The level of the unit the heading names — its last line naming one: a form heads with the
 * body above the unit, then the unit ("UBND TỈNH AN BÌNH" / "SỞ TƯ PHÁP", "UBND HUYỆN …" /
 * "UBND XÃ TÂN AN") — when it is not the set's.
 */
function otherLevel(lines: readonly TitleLine[], setType: UnitType): { type: UnitType; cell: string } | null {
  let unit: { rank: number; type: UnitType; cell: string } | null = null;
  for (const line of lines) {
    const level = LEVELS.find((l) => l.pattern.test(line.folded));
    if (level) unit = { rank: level.rank, type: level.type, cell: line.cell };
  }
  return unit && unit.rank !== RANK[setType] ? { type: unit.type, cell: unit.cell } : null;
}
