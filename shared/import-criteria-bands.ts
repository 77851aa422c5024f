import type { Band } from "./criteria-schema.ts";
import { round2 } from "./decimal.ts";
import type { Note } from "./import-criteria-leaf.ts";
import { lowerBound } from "./import-criteria-clauses.ts";
import { foldText } from "./text.ts";

/**
 * The rating bands (xếp loại) a decision writes under its table: "Tốt: từ 90% trở lên;
 * Khá: từ 80% đến dưới 90%; … Yếu: dưới 70%". A set's bands are inclusive lower bounds
 * (CRITERIA-FORMAT.md §6), so "trên 90%" is kept as 90 with a note; bands in points are
 * turned into percentages of the set's max.
 */
export const DEFAULT_BANDS: Band[] = [
  { label: "Tốt", min: 90 },
  { label: "Khá", min: 80 },
  { label: "Trung bình", min: 70 },
  { label: "Yếu", min: 0 },
];

const BAND = /(?:^|[\s:;,(])(?:xếp loại|loại|mức|đạt loại)?\s*["“']?(xuất sắc|tốt|khá|trung bình|yếu|kém|không đạt|đạt)["”']?\s*[:\-–]\s*([^;]*)/giu;

/** Bands read from the lines under the table; at least two, or none. */
export function readBands(lines: { cell: string; text: string }[], maxPoints: number, note: Note): Band[] {
  const bands: Band[] = [];
  const pending: Parameters<Note>[] = [];
  for (const line of lines) {
    for (const m of line.text.normalize("NFC").matchAll(BAND)) {
      // Read as a method's bands are: "từ 70 đến dưới 80 điểm" from 70, "< 70%" from 0.
      const bound = lowerBound(foldText(m[2]!), "%|diem");
      if (!bound) continue;
      const { value } = bound;
      const label = m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
      if (bands.some((b) => b.label === label)) continue;
      let min = bound.bound === "below" ? 0 : value;
      if (bound.unit === "diem" && min > 0) {
        const percent = round2((min / maxPoints) * 100);
        if (percent !== min) pending.push(["BAND_IN_POINTS", line.cell, { label, value: min, total: maxPoints, percent }]);
        min = percent;
      }
      if (bound.bound === "above") pending.push(["BAND_STRICT_AS_MIN", line.cell, { label, value }]);
      bands.push({ label, min: Math.min(100, min) });
    }
  }
  if (bands.length < 2) return [];
  for (const args of pending) note(...args);
  return bands.sort((a, b) => b.min - a.min);
}
