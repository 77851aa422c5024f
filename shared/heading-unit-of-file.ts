import type { CriteriaSet } from "./criteria-schema.ts";
import { indexCriteria, setCodes } from "./criteria-tree.ts";
import type { Grid } from "./grid.ts";
import { headingUnit, LEVEL_RANK, titleLines, type HeadingUnit } from "./heading-unit.ts";
import { readableSheet } from "./legacy-vietnamese.ts";
import { locateCriteriaTables } from "./locate-table.ts";
import { selectTables } from "./table-selection.ts";
import { foldText } from "./text.ts";

/**
 * The unit the scored table's heading names ("UBND XÃ TÂN AN"), for a folder ranked by file
 * name (CRITERIA-FORMAT §5): a neighbour's workbook sent under this unit's name still heads
 * with the neighbour. Only a heading line of the set's own level counts — "SỞ NỘI VỤ" or "UBND
 * TỈNH …" above a commune's table names the body above it, not another commune.
 */
export function scoredHeadingUnit(grid: Grid, set: CriteriaSet, sheet: string): HeadingUnit | null {
  const scored = grid.sheets.filter((s) => s.name === sheet).map(readableSheet);
  const index = indexCriteria(set);
  const table = selectTables(locateCriteriaTables(scored, set.year, [], setCodes(index), set.unitType), index)[0];
  const unit = table ? headingUnit(titleLines(table)) : null;
  return unit && unit.rank === LEVEL_RANK[set.unitType] ? unit : null;
}

/** Words that name a level or a committee, not the unit: "UBND", "Ủy ban nhân dân", "xã", "phường", "thị trấn" … */
const LEVEL_WORDS = /(?<![\p{L}\d])(?:ubnd|uy ban nhan dan|thi tran|thi xa|thanh pho|dac khu|xa|phuong|huyen|quan|tinh)(?![\p{L}\d])/gu;
/** A year written beside a name ("XÃ AN PHÚ 2024"). */
const YEAR = /(?<![\p{L}\d])(?:19|20)\d\d(?![\p{L}\d])/gu;

/**
 * A unit's name as compared with another's: without marks or case, its level's words, years,
 * punctuation and the zeros padding a number — "UBND XÃ AN PHÚ", "Xa An Phu" and "XÃ AN PHÚ
 * 2024" are one name, "Phường 1" and "Phường 10" two.
 */
export function unitNameKey(name: string): string {
  return foldText(name).replace(/[^\p{L}\d]+/gu, " ").replace(LEVEL_WORDS, " ").replace(YEAR, " ").replace(/(?<!\d)0+(?=\d)/g, "").replace(/\s+/g, " ").trim();
}

/**
 * Whether a file's name names the unit a heading names: the heading's name whole, as words of
 * the file's name ("Xã An Phú - bản cuối" is An Phú's; "Xã An Phú" is not "UBND XÃ AN PHÚ HẠ").
 */
export function namesUnit(fileUnit: string, heading: HeadingUnit): boolean {
  const [file, head] = [unitNameKey(fileUnit), unitNameKey(heading.text)];
  return head === "" || ` ${file} `.includes(` ${head} `);
}
