import { criterionNamed } from "./import-criteria-requirement.ts";
import { parseNumberText } from "./values.ts";

/**
 * A floor on a criterion's points (CRITERIA-FORMAT.md §6 `floor`): "Tổng điểm tiêu chí 2.1
 * không nhỏ hơn 0 (không âm)", "Điểm của tiêu chí này thấp nhất là 0 điểm", "Tổng điểm tiêu
 * chí 3 không thấp hơn 0". Read on folded text. A rate ("không thấp hơn 80%") or a count
 * ("tối thiểu 3 sáng kiến") is no floor: the figure must close the clause, as points or bare.
 */
export interface FloorReading {
  value: number;
  /** The criterion it names as the decision codes it; null for "tiêu chí này" or none. */
  code: string | null;
}

const AT_LEAST = /diem\b[^;%]*?\b(?:khong (?:duoc )?(?:nho|thap) hon|thap nhat(?: la| bang)?|toi thieu(?: la| bang)?)\s+(\d+(?:[.,]\d+)?)\s*(?:diem)?\s*(?=$|[.,;()])/;
const NOT_NEGATIVE = /(?:diem\b[^;%]*?\b|^\(?\s*)khong (?:duoc )?(?:bi )?am\b/;

export function readFloor(folded: string): FloorReading | null {
  const at = AT_LEAST.exec(folded);
  const value = at ? parseNumberText(at[1]!) : NOT_NEGATIVE.test(folded) ? 0 : null;
  return value === null ? null : { value, code: criterionNamed(folded) };
}
