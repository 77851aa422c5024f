import * as XLSX from "@e965/xlsx";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { parseCriteriaSet, type CriteriaItem, type CriteriaSet, type Grid } from "../shared/index.ts";
import { workbookToGrid } from "../xlsx/sheetjs-grid.ts";
import { loadFixtureSet } from "../fixtures/load-fixture.ts";
import { buildSheet, cleanRows, STANDARD, type RowSpec } from "../fixtures/workbook-builder.ts";

/**
 * Workloads of the engine bench, built from the demo province set so the rule kinds appear
 * in their real proportions:
 * - `scaledSet(rows)`: a criteria table of about `rows` rows;
 * - `tableGrid(set)`: its self-assessment as the fixtures lay it out (title block, header,
 *   every self-scored leaf at its max with evidence, parents holding their sums, totals);
 * - `withRecordsSheet(grid, rows)`: a register of `rows` case files beside the table, as
 *   offices keep one in the same workbook.
 */
const PROVINCE = loadFixtureSet("demo-province-2024");
const LEAF_KINDS = collectLeaves(PROVINCE.items.filter((f) => !f.adjustment));
const LEAVES_PER_CRITERION = 9;

function collectLeaves(items: CriteriaItem[]): CriteriaItem[] {
  return items.flatMap((i) => (i.children?.length ? collectLeaves(i.children) : [i]));
}

const sumMax = (items: CriteriaItem[]): number => Math.round(items.reduce((s, i) => s + (i.max ?? 0) * 100, 0)) / 100;

/**
 * A set whose table has about `rows` rows: fields × criteria × 9 leaves, each leaf a copy of
 * one of the province's (cycled: choice, ratio, count, survey, manual in their real mix).
 * Codes stay within what real tables use (at most three digits a level).
 */
export function scaledSet(rows: number): CriteriaSet {
  const perField = Math.min(100, Math.max(1, Math.round(rows / (1 + LEAVES_PER_CRITERION) / 10)));
  const fieldCount = Math.max(1, Math.round(rows / (1 + perField * (1 + LEAVES_PER_CRITERION))));
  let next = 0;
  const items: CriteriaItem[] = Array.from({ length: fieldCount }, (_, f) => {
    const criteria = Array.from({ length: perField }, (_, c) => {
      const code = `${f + 1}.${c + 1}`;
      const children = Array.from({ length: LEAVES_PER_CRITERION }, (_, l) => ({ ...LEAF_KINDS[next++ % LEAF_KINDS.length]!, code: `${code}.${l + 1}` }));
      return { code, title: `Tiêu chí ${code}`, max: sumMax(children), children };
    });
    return { code: String(f + 1), title: `Lĩnh vực ${f + 1}`, max: sumMax(criteria), children: criteria };
  });
  const parsed = parseCriteriaSet({ ...PROVINCE, id: `bench-${rows}-rows`, maxPoints: sumMax(items), items, codeMap: undefined });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
}

/** Leaves at their max (cleanRows); parents hold their children's sum, as Excel's cached =SUM values would. */
function rowsWithSums(set: CriteriaSet): RowSpec[] {
  const rows = cleanRows(set);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const fill = (item: CriteriaItem): number => {
    const row = byCode.get(item.code)!;
    if (!item.children?.length) return typeof row.cells.self === "number" ? row.cells.self : 0;
    const sum = item.children.reduce((s, c) => s + fill(c), 0);
    // Set before buildSheet, which then writes the value instead of a =SUM over every row.
    row.cells.self = Math.round(sum * 100) / 100;
    return sum;
  };
  set.items.forEach(fill);
  return rows;
}

export function tableWorkbook(set: CriteriaSet): XLSX.WorkBook {
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, buildSheet("Tự đánh giá", rowsWithSums(set), STANDARD).ws, "Tự đánh giá");
  return wb;
}

const RECORD_HEADER = ["STT", "Mã hồ sơ", "Thủ tục", "Ngày tiếp nhận", "Hạn xử lý", "Ngày trả", "Đúng hạn", "Ghi chú"];

/** A copy of `wb` with a register of `rows` case files as its second sheet. */
export function withRecordsSheet(wb: XLSX.WorkBook, rows: number): XLSX.WorkBook {
  const aoa: (string | number)[][] = [RECORD_HEADER];
  for (let i = 1; i <= rows; i++) aoa.push([i, `H${String(i).padStart(6, "0")}`, "Cấp giấy chứng nhận quyền sử dụng đất", "05/01/2024", "20/01/2024", "18/01/2024", i % 17 ? 1 : 0, i % 50 ? "" : "Trễ hạn do bổ sung hồ sơ"]);
  const copy = XLSX.utils.book_new();
  for (const name of wb.SheetNames) XLSX.utils.book_append_sheet(copy, wb.Sheets[name]!, name);
  XLSX.utils.book_append_sheet(copy, XLSX.utils.aoa_to_sheet(aoa, { dense: true }), "Danh mục hồ sơ");
  return copy;
}

export const workbookBytes = (wb: XLSX.WorkBook): Uint8Array => new Uint8Array(XLSX.write(wb, { type: "array", bookType: "xlsx", compression: true }) as ArrayBuffer);

export const gridOf = (wb: XLSX.WorkBook): Grid => workbookToGrid(wb);

/** The workbook's bytes with its first sheet's columns K:XFD hidden, as Excel writes it (`<col min="11" max="16384" hidden="1"/>`). */
export function withColumnsHiddenToTheEnd(bytes: Uint8Array): Uint8Array {
  const entries = unzipSync(bytes);
  const part = "xl/worksheets/sheet1.xml";
  const xml = strFromU8(entries[part]!);
  if (xml.includes("<cols>")) throw new Error("the sheet declares its columns already");
  entries[part] = strToU8(xml.replace("<sheetData", '<cols><col min="1" max="10" width="14" customWidth="1"/><col min="11" max="16384" width="9" hidden="1"/></cols><sheetData'));
  return zipSync(entries);
}
