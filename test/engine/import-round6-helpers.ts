import { expect } from "vitest";
import { importCriteriaSet, parseCriteriaSet, type GridSheet, type ImportCriteriaOptions, type ImportedItem } from "../../shared/index.ts";

/** Round 6 of the importer's outside tests (IMP6): annex grids as provinces type them, read as the CLI reads them. */
export type Value = string | number | null;
export const HEADER: Value[] = ["STT", "Tiêu chí", "Điểm tối đa", "Phương pháp chấm điểm"];
export const XEP_LOAI: Value[] = ["Xếp loại: Tốt: từ 90% trở lên; Khá: từ 80% đến dưới 90%; Trung bình: từ 70% đến dưới 80%; Yếu: dưới 70%"];

export function sheetOf(rows: Value[][], name = "PL"): GridSheet {
  return { name, rows: rows.map((r) => r.map((v) => (v === null ? null : { v }))) };
}

export function importRows(rows: Value[][], options: Partial<ImportCriteriaOptions> = {}, sheets: GridSheet[] = []) {
  const result = importCriteriaSet({ sheets: [...(rows.length > 0 ? [sheetOf(rows)] : []), ...sheets] }, { id: "t", year: 2025, unitType: "department", ...options });
  if (!result.ok) throw new Error(result.message);
  expect(parseCriteriaSet(result.set).ok).toBe(true);
  return result;
}

/** One field "I" with a leaf per method (1.1, 1.2 …), each worth `max`. */
export function importMethods(methods: string[], max = 1) {
  const result = importRows([HEADER, ["I", "CHỈ ĐẠO", methods.length * max, null], ...methods.map((m, i) => [String(i + 1), `Tiêu chí ${i + 1}`, max, m]), [], XEP_LOAI]);
  return { ...result, leaves: result.set.items[0]!.children!, notesOf: (leaf: number) => result.notes.filter((n) => n.criterion === `1.${leaf}`) };
}

export function leavesOf(items: ImportedItem[]): ImportedItem[] {
  return items.flatMap((i) => (i.children ? leavesOf(i.children) : [i]));
}
