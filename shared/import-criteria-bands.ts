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

// "Khá: từ 80%", "Khá - 80 đến dưới 90 điểm", "Trung bình (từ 65% đến dưới 80%)".
// The national grouping names its bands "Nhóm A … D" (IMP6-12).
// "Xuất sắc ≥ 90%": a comparison sign right after the label is its bound, no colon needed; so is
// "Tốt từ 90% trở lên", "Yếu dưới 70%" (A7-6) — never "đạt từ 90 điểm", a verb there.
const BAND = /(?:^|[\s:;,(])(?:xếp loại|loại|mức|đạt loại)?\s*["“']?(xuất sắc|tốt|khá|trung bình|yếu|kém|không đạt|đạt|nhóm [a-e](?!\p{L}))["”']?\)?\s*(?:[:\-–]|(?=\()|(?=[≥>≤<])|(?<!đạt["”']?\)?\s*)(?=(?:từ|trên|dưới)\s+\d))\s*([^;]*)/giu;
/**
 * The label after its bound: "đạt từ 90 điểm trở lên xếp loại Tốt; từ 75 điểm đến dưới 90 điểm
 * xếp loại Khá", "… thì được xếp loại Khá" — one band a clause.
 */
const BAND_AFTER = /^(.*?)\s*(?:thì\s+)?(?:được\s+)?(?:xếp\s+loại|xếp|loại)\s+["“']?(xuất sắc|tốt|khá|trung bình|yếu|kém|nhóm [a-e](?!\p{L}))["”']?\s*[.,]?$/iu;
/** The labels a line may name; "đạt" is too common a word to say a band was meant. */
const LABEL = /(?<!\p{L})(xuất sắc|tốt|khá|trung bình|yếu|kém)(?!\p{L})/giu;

/** Bands read from the lines under the table; at least two, or none. */
export function readBands(lines: { cell: string; text: string }[], maxPoints: number, note: Note): Band[] {
  const bands: Band[] = [];
  const pending: Parameters<Note>[] = [];
  const unread: Parameters<Note>[] = [];
  for (const line of lines) {
    const before = bands.length;
    const text = line.text.normalize("NFC");
    const labelFirst = [...text.matchAll(BAND)];
    const labelAfter = labelFirst.length > 0 ? [] : text.split(/[;\n]/).flatMap((clause) => {
      const m = BAND_AFTER.exec(clause.trim());
      return m ? [[m[0], m[2]!, m[1]!] as unknown as RegExpMatchArray] : [];
    });
    for (const m of [...labelFirst, ...labelAfter]) {
      // Read as a method's bands are: "từ 70 đến dưới 80 điểm" from 70, "< 70%" from 0.
      const bound = lowerBound(foldText(m[2]!), "%|diem");
      if (!bound) continue;
      const { value } = bound;
      const label = /^nhóm /iu.test(m[1]!) ? `Nhóm ${m[1]!.slice(-1).toUpperCase()}` : m[1]!.charAt(0).toUpperCase() + m[1]!.slice(1).toLowerCase();
      if (bands.some((b) => b.label === label)) continue;
      // "Yếu: từ 50% trở xuống", "không quá 50%": the lowest band, from 0.
      const lowest = bound.bound === "below" || /tro xuong|khong (?:vuot )?qua/.test(foldText(m[2]!));
      let min = lowest ? 0 : value;
      // Points above the set's max are no points of it: the decision scores on 100, read as percent.
      if (bound.unit === "diem" && min > 0 && min <= maxPoints) {
        const percent = round2((min / maxPoints) * 100);
        if (percent !== min) pending.push(["BAND_IN_POINTS", line.cell, { label, value: min, total: maxPoints, percent }]);
        min = percent;
      }
      if (bound.bound === "above" && !lowest) pending.push(["BAND_STRICT_AS_MIN", line.cell, { label, value }]);
      bands.push({ label, min: Math.min(100, min) });
    }
    // A line that gave bands and names a label none of them has: a band written another way.
    if (bands.length > before) unread.push(...labelsNotRead(line, bands));
  }
  if (bands.length < 2) return [];
  for (const args of [...pending, ...unread]) note(...args);
  return bands.sort((a, b) => b.min - a.min);
}

function labelsNotRead(line: { cell: string; text: string }, bands: Band[]): Parameters<Note>[] {
  const read = new Set(bands.map((b) => b.label.toLowerCase()));
  const named = [...line.text.normalize("NFC").matchAll(LABEL)].map((m) => m[1]!.toLowerCase());
  return [...new Set(named)].filter((label) => !read.has(label)).map((label) => ["BAND_UNREAD", line.cell, { label: label.charAt(0).toUpperCase() + label.slice(1) }]);
}
