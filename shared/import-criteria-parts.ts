import type { CodeToken } from "./codes.ts";

/**
 * Numbering across the parts of a decision's table ("A | ĐIỂM TỰ ĐÁNH GIÁ", "B | ĐIỂM ĐIỀU
 * TRA XÃ HỘI HỌC", "C | ĐIỂM THƯỞNG, ĐIỂM TRỪ"). A part whose numbering restarts would collide
 * with the fields before it: its fields continue the numbering (B's "I" becomes 3 after
 * fields 1–2), and a part whose rows are no fields ("C" with items 1, 2; or B with items
 * 1, 2) becomes a field of its own after the last one, holding them (9.1, 9.2).
 */
export interface PartRenumbered {
  /** The part row's title cell. */
  cell: string;
  part: string;
  /** The first code given to the part. */
  from: string;
  /** The part is a field of its own, made from its row (the bonus/deduction section, or items under a part). */
  field: boolean;
}

interface Part {
  title: string;
  cell: string;
  /** The bonus/deduction section: always one field holding its rows. */
  adjustment: boolean;
  decided: boolean;
  wrap: string | null;
  offset: number;
}

export interface PartNumbering {
  /** A part row: what follows may restart its numbering. */
  start(title: string, cell: string, adjustment: boolean): void;
  /** The row's code in the set, and the field to add before it when its part becomes one. */
  codeOf(code: string, token: CodeToken | null): { code: string; field: { code: string; title: string } | null };
  renumbered: PartRenumbered[];
}

export function partNumbering(): PartNumbering {
  let lastField = 0;
  let part: Part | null = null;
  // Codes moved inside the current part, so the rows under a moved row follow it.
  const moved = new Map<string, string>();
  const renumbered: PartRenumbered[] = [];

  const local = (code: string, token: CodeToken | null, wrap: string): string => {
    const prefix = [...moved.keys()].filter((p) => code.startsWith(`${p}.`)).sort((a, b) => b.length - a.length)[0];
    if (prefix !== undefined) return `${moved.get(prefix)!}${code.slice(prefix.length)}`;
    return `${wrap}.${token?.kind === "dotted" ? token.code : code}`;
  };

  return {
    renumbered,
    start(title, cell, adjustment) {
      part = { title, cell, adjustment, decided: false, wrap: null, offset: 0 };
      moved.clear();
    },
    codeOf(code, token) {
      const segments = code.split(".");
      const first = Number(segments[0]);
      let field: { code: string; title: string } | null = null;
      if (part && !part.decided) {
        part.decided = true;
        if (Number.isInteger(first) && first <= lastField) {
          const from = String(lastField + 1);
          if (part.adjustment || segments.length > 1) {
            part.wrap = from;
            field = { code: from, title: part.title };
          } else part.offset = lastField + 1 - first;
          renumbered.push({ cell: part.cell, part: part.title, from, field: part.wrap !== null });
        }
      }
      let mapped = code;
      if (part?.wrap) {
        mapped = local(code, token, part.wrap);
        moved.set(code, mapped);
      } else if (part?.offset && Number.isInteger(first)) mapped = [String(first + part.offset), ...segments.slice(1)].join(".");
      const top = Number(mapped.split(".")[0]);
      if (Number.isInteger(top)) lastField = Math.max(lastField, top);
      return { code: mapped, field };
    },
  };
}
