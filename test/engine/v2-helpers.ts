import { parseCriteriaSet, scoreWorkbook, type CriteriaSet, type GridCell, type Report, type ScoreOptions } from "../../shared/index.ts";

/** Hand-built tables and sets for the §6 rule tests: the expected values come from the rules, not the engine. */

export const EV = "Quyết định số 12/QĐ-UBND ngày 05/01/2024";

/** A valid set of one field "1" holding `items` (written as JSON is: defaults may be left out). */
export function setOf(items: unknown[], extra: Record<string, unknown> = {}, fields: unknown[] = []): CriteriaSet {
  const sumOf = (xs: unknown[]) => xs.reduce<number>((a, x) => a + Math.round(((x as { max?: number }).max ?? 0) * 100), 0) / 100;
  const first = { code: "1", title: "Lĩnh vực 1", max: sumOf(items), children: items };
  const all = [first, ...fields];
  const parsed = parseCriteriaSet({
    id: "v2-test", title: "Bộ thử quy tắc §6 (minh họa)", year: 2024, unitType: "department", period: { from: "2024-01-01", to: "2024-12-31" },
    maxPoints: sumOf(all.filter((f) => !(f as { adjustment?: boolean }).adjustment)), bands: [{ label: "Tốt", min: 80 }, { label: "Khá", min: 50 }, { label: "Yếu", min: 0 }],
    items: all, ...extra,
  });
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.set;
}

export type Cell = GridCell["v"] | GridCell | null;

/** A sheet "Biểu" with the given header labels and rows; cells may be values or GridCells. */
export function table(header: string[], rows: Cell[][]): { sheets: { name: string; rows: (GridCell | null)[][]; merges: [] }[] } {
  const cell = (v: Cell): GridCell | null => (v === null || v === undefined ? null : typeof v === "object" ? v : { v });
  return { sheets: [{ name: "Biểu", rows: [header.map((v) => ({ v })), ...rows.map((r) => r.map(cell))], merges: [] }] };
}

/** The usual columns: code, title, max, data, self, evidence, note. */
export const COLUMNS = ["STT", "Tiêu chí", "Điểm tối đa", "Số liệu kê khai", "Điểm tự đánh giá", "Tài liệu kiểm chứng", "Ghi chú"];

export function row(code: string, fields: { data?: Cell; self?: Cell; evidence?: Cell; note?: Cell; max?: Cell } = {}): Cell[] {
  return [code, `Tiêu chí ${code}`, fields.max ?? null, fields.data ?? null, fields.self ?? null, fields.evidence ?? null, fields.note ?? null];
}

export function score(set: CriteriaSet, rows: Cell[][], options: ScoreOptions = {}, header = COLUMNS): Report {
  return scoreWorkbook(table(header, rows), set, options);
}

export const scores = (r: Report) => Object.fromEntries(r.items.map((i) => [i.code, i.score]));
export const codes = (r: Report) => r.findings.map((f) => `${f.code} ${f.criterion ?? ""} ${f.cell ?? ""}`.trim());
