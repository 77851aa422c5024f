/**
 * The reading rounds' workbooks (RD27–RD29): the demo commune set's criteria from
 * commune-code-in-title.xlsx (every leaf at its max but the survey, 76 / 100 with no finding)
 * laid out the ways offices write them, and the check that a layout scores as that workbook.
 */
import { expect } from "vitest";
import { readFileSync } from "node:fs";
import { parseCriteriaSet, scoreWorkbook, type Grid, type GridCell, type Merge } from "../../shared/index.ts";
import { readWorkbookBytes } from "../../xlsx/sheetjs-grid.ts";

export function gridOf(path: string): Grid {
  const read = readWorkbookBytes(new Uint8Array(readFileSync(path)));
  if (!read.ok) throw new Error(read.message);
  return read.grid;
}

export const set = (() => {
  const parsed = parseCriteriaSet(JSON.parse(readFileSync("fixtures/criteria/demo-commune-2024.json", "utf8")));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
})();

/** commune-code-in-title.xlsx: every leaf at its max but the survey, 76 / 100 with no finding. */
export const base = gridOf("fixtures/workbooks/commune-code-in-title.xlsx");
export const baseReport = scoreWorkbook(base, set);
export type Value = string | number;
export interface DemoRow { code: string; title: string; tail: Value[] }
export const demoRows: DemoRow[] = base.sheets[0]!.rows.slice(6, 50).map((row) => {
  const m = /^(\d+(?:\.\d+)*)\.\s*(.*)$/.exec(String(row[0]?.v))!;
  // Điểm tối đa, Số liệu kê khai, Tài liệu kiểm chứng, Điểm tự đánh giá, Ghi chú.
  const tail = [1, 2, 4, 5, 6].map((c) => (row[c]?.v ?? "") as Value);
  return { code: m[1]!, title: m[2]!, tail };
});
export const depth = (x: DemoRow) => x.code.split(".").length;
export const last = (x: DemoRow) => Number(x.code.split(".").pop());
export const ROMAN = ["", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];
export const LETTERS = "abcdđeg";
export const HEAD: Value[] = ["STT", "Tiêu chí", "Nội dung", "Điểm tối đa", "Số liệu kê khai", "Tài liệu kiểm chứng", "Điểm tự đánh giá", "Ghi chú"];
export const TOTAL: Value[] = ["", "", "TỔNG CỘNG", 100, "", "", "", ""];

/** A sheet: the title block, `HEAD`, one row a demo criterion, the total; `mergeRow` merges a row's cells. */
export function tableOf(row: (x: DemoRow) => Value[], mergeRow?: (x: DemoRow, r: number) => Merge | null): Grid {
  const rows: Value[][] = [["UBND XÃ AN PHÚ"], [], ["BẢNG TỰ ĐÁNH GIÁ, CHẤM ĐIỂM CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"], [], HEAD, ...demoRows.map(row), TOTAL];
  const merges = mergeRow ? demoRows.flatMap((x, i) => mergeRow(x, i + 5) ?? []) : [];
  const cells = rows.map((r) => r.map((v): GridCell | null => (v === "" ? null : { v })));
  return { sheets: [{ name: "Tự đánh giá", rows: cells, merges }] };
}

export const field = (x: DemoRow): Value[] => [ROMAN[Number(x.code)]!, "", x.title.toUpperCase(), ...x.tail];
export const criterion = (label: (n: number) => string, stt: (n: number) => Value = (n) => n) => (x: DemoRow): Value[] => [stt(last(x)), label(last(x)), x.title, ...x.tail];
export const lettered = (x: DemoRow): Value[] => [LETTERS[last(x) - 1]!, "", x.title, ...x.tail];
export const romanStt = (crit: (x: DemoRow) => Value[], sub: (x: DemoRow) => Value[] = lettered) => (x: DemoRow) => (depth(x) === 1 ? field(x) : depth(x) === 2 ? crit(x) : sub(x));

export const scoresAsBase = (grid: Grid) => {
  const report = scoreWorkbook(grid, set);
  expect(report.findings.filter((f) => f.severity !== "info").map((f) => `${f.code} ${f.criterion ?? ""}`)).toEqual([]);
  expect(report.total).toBe(baseReport.total);
  expect(report.items.map((i) => [i.code, i.score])).toEqual(baseReport.items.map((i) => [i.code, i.score]));
};

/** `grid` with A1-style cells of the first sheet set to text ("" clears), rows and cells padded to reach them. */
export function edited(grid: Grid, edits: Record<string, string>): Grid {
  const sheet = grid.sheets[0]!;
  const rows = sheet.rows.map((r) => [...r]);
  for (const [address, text] of Object.entries(edits)) {
    const m = /^([A-Z])(\d+)$/.exec(address)!;
    const r = Number(m[2]) - 1;
    const c = m[1]!.charCodeAt(0) - 65;
    while (rows.length <= r) rows.push([]);
    while (rows[r]!.length <= c) rows[r]!.push(null);
    rows[r]![c] = text === "" ? null : { v: text };
  }
  return { sheets: [{ ...sheet, rows }, ...grid.sheets.slice(1)] };
}
