import type { CriteriaSet, CriteriaItem, Grid, GridCell } from "../../shared/index.ts";
import type { SubmissionItem } from "./api-schemas.ts";

/**
 * A submission may send its items instead of a workbook grid. They are laid out as the
 * standard evidence table (the header labels the engine recognises) so the very same
 * engine scores them: no second scoring path to drift from the CLI and the add-in.
 * (The engine has no item-list entry point; this adapter lives in the Worker.)
 */
export const ITEMS_SHEET = "Tự đánh giá";
const HEADER = ["Mã tiêu chí", "Tiêu chí, tiêu chí thành phần", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú / Giải trình"];

function titlesByCode(items: CriteriaItem[], into = new Map<string, CriteriaItem>()): Map<string, CriteriaItem> {
  for (const item of items) {
    into.set(item.code, item);
    if (item.children) titlesByCode(item.children, into);
  }
  return into;
}

const text = (v: string): GridCell => ({ v });
const value = (v: number | string | null | undefined): GridCell | null => (v === undefined || v === null || v === "" ? null : { v });

export function gridFromItems(items: SubmissionItem[], set: CriteriaSet): Grid {
  const known = titlesByCode(set.items);
  const rows: (GridCell | null)[][] = [HEADER.map(text)];
  for (const item of items) {
    const criterion = known.get(item.code);
    const evidence = Array.isArray(item.evidence) ? item.evidence.join("\n") : item.evidence;
    rows.push([
      text(item.code),
      text(criterion?.title ?? item.code),
      value(criterion?.max),
      value(item.data),
      value(evidence),
      value(item.self),
      value(item.note),
    ]);
  }
  return { sheets: [{ name: ITEMS_SHEET, rows, merges: [] }] };
}
