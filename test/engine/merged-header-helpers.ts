import { parseCriteriaSet, type CriteriaSet, type GridCell, type GridSheet, type Merge, type Report } from "../../shared/index.ts";

/** What test/engine/merged-header-columns.test.ts and header-subcolumns.test.ts build their grids from. */
export const EV = "Quyết định số 12/QĐ-UBND ngày 05/01/2024";

/** Two fields: 1 { 1.1 { 1.1.1 manual 1, 1.1.2 ratio 3 }, 1.2 choice 2 }, 2 { 2.1 manual 2, 2.2 { 2.2.1 manual 1, 2.2.2 ratio 1 } }; `titles` renames the two ratio leaves. */
export function demoSet(id: string, title: string, titles: Readonly<Record<string, string>> = {}): CriteriaSet {
  const ratio = (max: number) => ({ kind: "ratio", bands: [{ min: 95, points: max }, { min: 80, points: max / 2 }, { min: 0, points: 0 }] });
  const parsed = parseCriteriaSet({
    id, title, year: 2024, unitType: "commune", period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints: 10, bands: [{ label: "Tốt", min: 80 }, { label: "Yếu", min: 0 }],
    items: [
      { code: "1", title: "Công tác chỉ đạo, điều hành", max: 6, children: [
        { code: "1.1", title: "Kế hoạch cải cách hành chính năm", max: 4, children: [
          { code: "1.1.1", title: "Ban hành kế hoạch đúng thời hạn", max: 1 },
          { code: "1.1.2", title: titles["1.1.2"] ?? "Tỷ lệ hoàn thành nhiệm vụ", max: 3, rule: ratio(3) } ] },
        { code: "1.2", title: "Báo cáo định kỳ", max: 2, rule: { kind: "choice", options: [2, 1, 0] } } ] },
      { code: "2", title: "Cải cách thủ tục hành chính", max: 4, children: [
        { code: "2.1", title: "Niêm yết thủ tục hành chính", max: 2 },
        { code: "2.2", title: "Giải quyết thủ tục hành chính", max: 2, children: [
          { code: "2.2.1", title: "Liên thông thủ tục", max: 1 },
          { code: "2.2.2", title: titles["2.2.2"] ?? "Tỷ lệ hồ sơ đúng hạn", max: 1, rule: ratio(1) } ] } ] },
    ],
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
}

export type Value = string | number | GridCell | null;
export const cell = (v: Value): GridCell | null => (v === null || v === "" ? null : typeof v === "object" ? v : { v });
export const merge = (r: number, c: number, r2: number, c2: number): Merge => ({ s: { r, c }, e: { r: r2, c: c2 } });
export const TITLE_BLOCK: Value[][] = [["UBND XÃ AN PHÚ"], [], ["BẢNG TỰ ĐÁNH GIÁ CHỈ SỐ CẢI CÁCH HÀNH CHÍNH NĂM 2024"], []];
/** Rows of TITLE_BLOCK: the header starts on this sheet row. */
export const TOP = TITLE_BLOCK.length;

export function sheetOf(rows: Value[][], merges: Merge[]): { sheets: GridSheet[] } {
  return { sheets: [{ name: "TĐG", rows: [...TITLE_BLOCK, ...rows].map((r) => r.map(cell)), merges }] };
}

/** A row of the demo table. */
export interface Row {
  code: string;
  title: string;
  max: number;
  self?: number | string;
  /** Numerator and denominator for ratio leaves. */
  counts?: [number, number];
  leaf: boolean;
}

/** Every leaf at its max with evidence; 1.1.2 declares 18/20 (90 %: half its points), 2.2.2 declares 98/100 (full). */
export const ROWS: Row[] = [
  { code: "1", title: "Công tác chỉ đạo, điều hành", max: 6, leaf: false },
  { code: "1.1", title: "Kế hoạch cải cách hành chính năm", max: 4, leaf: false },
  { code: "1.1.1", title: "Ban hành kế hoạch đúng thời hạn", max: 1, self: 1, leaf: true },
  { code: "1.1.2", title: "Tỷ lệ hoàn thành nhiệm vụ", max: 3, self: 1.5, counts: [18, 20], leaf: true },
  { code: "1.2", title: "Báo cáo định kỳ", max: 2, self: 2, leaf: true },
  { code: "2", title: "Cải cách thủ tục hành chính", max: 4, leaf: false },
  { code: "2.1", title: "Niêm yết thủ tục hành chính", max: 2, self: 2, leaf: true },
  { code: "2.2", title: "Giải quyết thủ tục hành chính", max: 2, leaf: false },
  { code: "2.2.1", title: "Liên thông thủ tục", max: 1, self: 1, leaf: true },
  { code: "2.2.2", title: "Tỷ lệ hồ sơ đúng hạn", max: 1, self: 1, counts: [98, 100], leaf: true },
];
/** 1 + 1.5 + 2 + 2 + 1 + 1. */
export const EXPECTED_TOTAL = 8.5;

/** Errors and warnings as "CODE criterion cell". */
export const errorsOf = (r: Report) => r.findings.filter((f) => f.severity !== "info").map((f) => `${f.code} ${f.criterion ?? ""} ${f.cell ?? ""}`.trim());
