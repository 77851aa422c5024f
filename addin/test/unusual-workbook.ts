import * as XLSX from "@e965/xlsx";
import { indexCriteria, type CriteriaSet } from "../../shared/index.ts";

/**
 * A self-assessment workbook whose score column says "Mức đạt" — a label the engine does
 * not recognise ("Điểm chấm" was one until the twelfth round read it as the unit's score),
 * so header detection finds the title and max but no self-score.
 * Built at test time with SheetJS; every manual/choice leaf is given its max with evidence.
 */
export const UNUSUAL_SELF_LABEL = "Mức đạt";

export function unusualWorkbookBytes(set: CriteriaSet): Uint8Array {
  const rows: (string | number)[][] = [
    ["UBND TỈNH MINH HỌA"],
    ["BẢNG TỰ CHẤM ĐIỂM CHỈ SỐ CCHC NĂM 2024"],
    [],
    ["STT", "Nội dung tiêu chí", "Điểm tối đa", UNUSUAL_SELF_LABEL, "Tài liệu kiểm chứng"],
  ];
  for (const leaf of indexCriteria(set).leaves) {
    const rule = leaf.rule.kind;
    const self = rule === "manual" || rule === "choice" ? (leaf.item.max ?? 0) : "";
    rows.push([leaf.code, leaf.title, leaf.item.max ?? "", self, "Quyết định số 12/QĐ-UBND ngày 05/01/2024"]);
  }
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(rows), "Bảng chấm");
  return new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx" }) as ArrayBuffer);
}
