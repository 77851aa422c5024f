import { cellText } from "./grid.ts";
import { cleanText, foldText } from "./text.ts";
import { countReading, saysNoneCounted } from "./declared-data.ts";
import type { DataCells } from "./leaf-data.ts";

/**
 * A case a deduction row declares in its data or note: a bare count above 0 (1), or words naming
 * the kind the row deducts for, as its title names it ("01 báo cáo chậm (báo cáo quý III)",
 * "Chậm báo cáo quý III", "Có một báo cáo chậm"), with their count when a figure gives one.
 * Null when the row declares none ("Không", 0, "Không có báo cáo chậm"), names figures of
 * another kind ("Gửi 12 báo cáo tháng, 4 báo cáo quý": reports sent), or a complaint found
 * unfounded where the row deducts for one verified as founded.
 */
export function declaredCase(cells: DataCells, title: string): { cases?: number; written: string } | null {
  for (const { cell } of [cells.data, cells.note]) {
    if (!cell || cell.err !== undefined) continue;
    const bare = typeof cell.v === "number" ? cell.v : typeof cell.v === "string" && /^\s*\d+\s*$/.test(cell.v) ? Number(cell.v) : null;
    if (bare !== null) {
      if (Number.isInteger(bare) && bare > 0) return { cases: bare, written: cleanText(cellText(cell)) };
      continue;
    }
    if (typeof cell.v !== "string") continue;
    const text = cleanText(cell.v);
    const written = text.length <= 60 ? text : `${text.slice(0, 59)}…`;
    if (saysNoneCounted(text) || !namesDeductedKind(foldText(text), foldText(title))) continue;
    const n = countReading(text);
    if (n === 0) continue;
    return typeof n === "number" ? { cases: n, written } : { written };
  }
  return null;
}

/** The kinds of case deduction rows are titled by, folded: late, disciplined, in breach, complained of. */
const DEDUCTED_KINDS = [/\b(?:cham|tre|qua han)\b/, /\b(?:ky luat|khien trach|canh cao|nhac nho|phe binh)\b/, /\b(?:vi pham|sai pham)\b/, /\b(?:khieu nai|to cao|phan anh)\b/];
/** A case verified as not founded: "đã xác minh là khiếu nại không đúng", "không có cơ sở". */
const UNFOUNDED = /\b(?:khong (?:dung|chinh xac|co co so)|sai su that)\b(?! han)/;
const NONE_OF_THEM = /\b(?:khong|chua) (?:co )?(?:\S+ ){0,4}?(?:cham|tre|qua han|vi pham|ky luat|khieu nai)\b/;

function namesDeductedKind(text: string, title: string): boolean {
  if (NONE_OF_THEM.test(text) && !/\d/.test(text)) return false;
  const kind = DEDUCTED_KINDS.find((k) => k.test(title) && k.test(text));
  if (!kind) return false;
  // "… được xác minh là đúng": a complaint found unfounded deducts nothing.
  return !(/xac minh la dung/.test(title) && UNFOUNDED.test(text));
}
