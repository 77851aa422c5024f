import { foldText } from "./text.ts";
import { parseNumberText } from "./values.ts";

/**
 * A scoring method as decisions write it, cut into clauses: "Ban hành kịp thời: 1 điểm;
 * không kịp thời: 0,5 điểm" is two clauses; so is a cell of bullet lines, or option rows
 * under a leaf ("- Ban hành kịp thời | 1"), whose points stand in the max column.
 */
export interface MethodLine {
  text: string;
  /** Points typed beside the line (an option row's max cell). */
  points?: number | undefined;
  /** Where the line was read, for notes. */
  cell: string;
}

export interface Clause {
  /** The clause as written (bullets removed), for notes. */
  text: string;
  /** Lowercase, no diacritics: what the patterns below read. */
  folded: string;
  /** Points the clause awards (negative for "bị trừ 0,25 điểm"), or null. */
  points: number | null;
  cell: string;
}

const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
const BULLET = /^\s*(?:[-+•*–]|[a-zđ]\)|\d{1,2}\))\s*/u;

/** Clauses of method lines: split on line breaks, ";" and sentence ends. */
export function splitClauses(lines: MethodLine[]): Clause[] {
  const clauses: Clause[] = [];
  for (const line of lines) {
    // ", " or " - " ends a clause only after its points ("…: 1 điểm, không kịp thời: 0,5").
    const parts = line.text.split(/\r?\n|;|\.\s+(?=\p{Lu})|(?<=:\s*\d+(?:[.,]\d+)?\s*(?:điểm)?)\s*[,\-–+]\s+/u).map((p) => p.replace(BULLET, "").trim()).filter((p) => /\p{L}|\d/u.test(p));
    if (parts.length === 0 && line.points !== undefined) parts.push("");
    for (const text of parts) {
      const folded = foldText(text);
      // A row's own points count only when its text names none ("- Ban hành kịp thời | 1").
      const points = pointsIn(folded) ?? (parts.length === 1 ? (line.points ?? null) : null);
      clauses.push({ text, folded, points, cell: line.cell });
    }
  }
  return clauses;
}

/** The points a clause awards: "…: 1", "… = 0,5 điểm", "… được tính 03 điểm", "0 điểm và bị trừ 0,25 điểm". */
export function pointsIn(folded: string): number | null {
  const penalty = new RegExp(String.raw`(?:^|\s)(?:bi\s+)?tru\s+${NUMBER}\s*diem`).exec(folded);
  if (penalty && !/\bmoi\b/.test(folded)) return negate(parseNumberText(penalty[1]!));
  const trailing = new RegExp(String.raw`[:=]\s*${NUMBER}\s*(?:diem|d)?\s*[.,]?\s*$`).exec(folded);
  if (trailing) return parseNumberText(trailing[1]!);
  const awarded = new RegExp(String.raw`(?:^|[\s:(])${NUMBER}\s*diem\b`).exec(folded);
  if (awarded && !isCap(folded, awarded.index)) return parseNumberText(awarded[1]!);
  return null;
}

function negate(n: number | null): number | null {
  return n === null ? null : -n;
}

/** "tối đa 5 điểm", "không quá 5 điểm": a cap, not points awarded. */
function isCap(folded: string, at: number): boolean {
  return /(toi da|khong qua)\s*$/.test(folded.slice(0, at + 1).trimEnd());
}

/** The cap of a counted rule: "tổng không quá 5 điểm", "tối đa 2 điểm". */
export function capIn(folded: string): number | null {
  const m = new RegExp(String.raw`(?:toi da|khong qua)(?:\s+la)?\s+${NUMBER}\s*diem`).exec(folded);
  return m ? parseNumberText(m[1]!) : null;
}

/** The word before a percentage; longer words first, whole words only. */
const COMPARATOR = String.raw`(?:(?<![a-z])(nho hon|thap hon|khong dat|chua dat|tren|hon|duoi|tu|dat)|(>=|<=|≥|≤|>|<))`;

export type PercentBound = { bound: "above" | "min"; value: number } | { bound: "below"; value: number };

/**
 * The lower bound a percentage clause sets: "trên 90%" is strict (above 90), "từ 70%",
 * "70% - 90%", "đạt 100%" and "90% trở lên" are inclusive (min), "dưới 70%" is the band
 * that starts at 0.
 */
export function percentBound(folded: string): PercentBound | null {
  const m = new RegExp(String.raw`(?:${COMPARATOR}\s*)?${NUMBER}\s*%`).exec(folded);
  if (!m) return null;
  const value = parseNumberText(m[3]!);
  if (value === null) return null;
  const word = m[1] ?? m[2] ?? "";
  if (/^(nho hon|thap hon|duoi|khong dat|chua dat|<|<=|≤)$/.test(word)) return { bound: "below", value };
  if (/^(tren|hon|>)$/.test(word)) return { bound: "above", value };
  return { bound: "min", value };
}
