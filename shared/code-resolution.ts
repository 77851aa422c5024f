import { letterIndex, type CodeToken } from "./codes.ts";
import type { SetCodes } from "./criteria-tree.ts";

/**
 * Turn the tokens of a table's rows into full dotted codes. Roman sections name fields;
 * when the numbers under sections restart at 1 (local numbering "II / 1 / 2"), they are read
 * as children of the section. When Roman rows stand over fields numbered 1, 2 … themselves
 * ("I. CÁC TIÊU CHÍ TỰ ĐÁNH GIÁ" over fields 1–6), they are parts and carry no code. Letters
 * are children of the last numbered row (when the set gives it children).
 * A table labelled with words ("Tiêu chí 2", "Chỉ tiêu 1") is read by `resolveWordCodes`.
 *
 * `known` (the set's codes), when given, tells a numbered row under a word-labelled leaf (an
 * option row: part of its text) from a child criterion, and decides what Roman rows are when
 * nothing in the table does (see romanSections).
 */
export function resolveCodes(tokens: (CodeToken | null)[], known?: SetCodes): (string | null)[] {
  if (tokens.some((t) => t?.kind === "word")) return resolveWordCodes(tokens, known?.parents);
  tokens = withoutNumberedLists(tokens);
  const sections = romanSections(tokens);
  if (!sections.undecided || !known) return readSections(tokens, sections, known);
  // "I" over "1", "2", then Roman rows with no number under them ("II | Công tác tuyên truyền |
  // 5", "III | ĐIỂM THƯỞNG, ĐIỂM TRỪ"): parts over fields, or fields numbered locally? The
  // reading whose codes the set knows better; parts on a tie, as before.
  const asParts = readSections(tokens, sections, known);
  const asFields = readSections(tokens, { localNumbering: true, romanParts: false }, known);
  return knownCount(asFields, known.all) > knownCount(asParts, known.all) ? asFields : asParts;
}

/**
 * A list numbered 1, 2, 3 … inside a criterion — the sub-units checked under "1.3 Tỷ lệ phòng,
 * đơn vị được kiểm tra" ("1 Văn phòng Sở", "2 Phòng Tổ chức - Biên chế"), the agencies whose
 * a/b make up 3.2's — is no row of fields 1, 2, 3 (it had made the real field rows false
 * DUPLICATE_CRITERION errors). Such a run: plain numbers counting up from 1 right under a
 * dotted code ("1.3"), after which the table goes on in the same field ("1.4") or with the next
 * field ("2", "2.1"). The numbers become rows without a code (a list under a leaf is read as
 * its lines, see optionScoreRow). A run ending with the next field's own number over its
 * criteria ("1" under 1.5, then "2", "2.1") keeps that field row.
 */
function withoutNumberedLists(tokens: readonly (CodeToken | null)[]): (CodeToken | null)[] {
  const out = tokens.slice();
  let enclosing: string | null = null;
  for (let i = 0; i < out.length; i++) {
    const token = out[i];
    if (!token) continue;
    if (token.kind !== "dotted") {
      enclosing = null;
      continue;
    }
    if (!token.code.includes(".")) {
      enclosing = null;
      continue;
    }
    enclosing = token.code.slice(0, token.code.indexOf("."));
    const run = numberedRun(out, i + 1);
    if (run.length === 0) continue;
    const field = Number(enclosing);
    let end = run.length;
    // The run's last number may be the next field's row over its criteria: the list stops before it.
    while (end > 0 && Number(plainNumber(out[run[end - 1]!])) === field + 1 && opensField(out, run[end - 1]! + 1, String(field + 1))) end--;
    if (end === 0) continue;
    if (!goesOnAfterList(out, run[end - 1]! + 1, enclosing, end < run.length)) continue;
    for (let k = 0; k < end; k++) out[run[k]!] = null;
    i = run[end - 1]!;
  }
  return out;
}

/** A plain number's text ("3"), or null for any other token. */
const plainNumber = (token: CodeToken | null | undefined): string | null => (token?.kind === "dotted" && !token.code.includes(".") ? token.code : null);

/** The indices of plain numbers 1, 2, 3 … from `from` on (rows without a token between them allowed). */
function numberedRun(tokens: readonly (CodeToken | null)[], from: number): number[] {
  const run: number[] = [];
  for (let i = from; i < tokens.length; i++) {
    const token = tokens[i];
    if (!token) continue;
    if (plainNumber(token) !== String(run.length + 1)) break;
    run.push(i);
  }
  return run;
}

/** The next token from `from` on: null at the end. */
function nextToken(tokens: readonly (CodeToken | null)[], from: number): CodeToken | null {
  for (let i = from; i < tokens.length; i++) if (tokens[i]) return tokens[i]!;
  return null;
}

/** Whether the token at `from` on is a criterion of `field` ("2.1" after field row "2"). */
function opensField(tokens: readonly (CodeToken | null)[], from: number, field: string): boolean {
  const next = nextToken(tokens, from);
  return next?.kind === "dotted" && next.code.startsWith(`${field}.`);
}

/**
 * After a numbered list the table goes on where it was: a criterion of the same field, the next
 * field's row or criteria (the row already known to follow when `fieldFollows`), or nothing more numbered.
 */
function goesOnAfterList(tokens: readonly (CodeToken | null)[], from: number, field: string, fieldFollows: boolean): boolean {
  if (fieldFollows) return true;
  const next = nextToken(tokens, from);
  if (next === null) return true;
  if (next.kind !== "dotted") return next.kind === "roman";
  const following = String(Number(field) + 1);
  return next.code.startsWith(`${field}.`) || next.code === following || next.code.startsWith(`${following}.`);
}

const knownCount = (codes: (string | null)[], all: ReadonlySet<string>): number => new Set(codes.filter((c): c is string => c !== null && all.has(c))).size;

function readSections(tokens: (CodeToken | null)[], { localNumbering, romanParts }: { localNumbering: boolean; romanParts: boolean }, known?: SetCodes): (string | null)[] {
  const parents = known?.parents;
  let field: string | null = null;
  let lastNumbered: string | null = null;
  return tokens.map((token) => {
    if (!token) return null;
    if (token.kind === "roman" && romanParts) return null;
    if (token.kind === "roman" || token.kind === "word") {
      field = token.kind === "roman" ? String(token.n) : token.label;
      lastNumbered = field;
      return field;
    }
    if (token.kind === "dotted") {
      // Under local numbering ("III" over "1", "2"), a sub-criterion may still be written whole
      // in its title ("3.2.1. Tỷ lệ …", the STT cell left blank): the set's own code, never
      // 3.3.2.1 — when the set knows it and not the local reading.
      const local = localNumbering && field ? `${field}.${token.code}` : token.code;
      const code = lettered(local !== token.code && token.code.startsWith(`${field}.`) && known?.all.has(token.code) && !known.all.has(local) ? token.code : local, known);
      lastNumbered = code;
      return code;
    }
    // A letter under a leaf of the set ("a) Ban hành kịp thời: 1 điểm") is one of its options.
    return lastNumbered && (!parents || parents.has(lastNumbered)) ? `${lastNumbered}.${token.n}` : null;
  });
}

/**
 * "1.1a", "1.1b": the level under 1.1 lettered with no dot between — 1.1.1, 1.1.2, as "1.1.a" is
 * (codes.ts), where the set has that child or no set is known (a decision's own table: the
 * imported set had been invalid, "cần mã dạng 1.2.3"). Beside a set without it, "1.4a" stays a
 * row the unit added, said as unknown.
 */
function lettered(code: string, known?: SetCodes): string {
  const m = /^(\d+(?:\.\d+)*)([a-zđ])$/u.exec(code);
  if (!m || known?.all.has(code)) return code;
  const child = `${m[1]}.${letterIndex(m[2]!)}`;
  return !known || known.all.has(child) ? child : code;
}

/**
 * What the Roman rows are, read from the first number under each: under section N (N ≥ 2) a
 * first number starting "1" is local numbering, one starting "N" is global; the most sections
 * decide, so one mistyped code ("3.3" under IV) changes nothing. A first number that is a
 * whole field ("1" under "I", "7" under "II") while numbering is global makes the Roman rows parts.
 */
function romanSections(tokens: (CodeToken | null)[]): { localNumbering: boolean; romanParts: boolean; undecided: boolean } {
  let section: number | null = null;
  let local = 0;
  let global = 0;
  let romans = 0;
  let fieldsUnderRoman = false;
  for (const token of tokens) {
    if (token?.kind === "roman") (section = token.n), romans++;
    else if (token?.kind === "dotted" && section !== null) {
      const lead = token.code.split(".")[0];
      if (section >= 2 && lead === "1") local++;
      else if (section >= 2 && lead === String(section)) global++;
      if (!token.code.includes(".")) fieldsUnderRoman = true;
      section = null;
    }
  }
  // One Roman row over "1", "2" … is a field with its criteria (a sheet per field), never a lone part.
  const localNumbering = local > global || (romans === 1 && fieldsUnderRoman && global === 0);
  const romanParts = !localNumbering && fieldsUnderRoman;
  // Parts read from numbers under section I alone, no later section numbered either way.
  return { localNumbering, romanParts, undecided: romanParts && local === 0 && global === 0 && romans > 1 };
}

interface Label {
  level: number;
  /** Full code. */
  code: string;
  /** The number as written ("1" in "Chỉ tiêu 1" under "Tiêu chí 2"). */
  local: string;
}

/**
 * Word labels (CRITERIA-FORMAT.md §6): a label's number is local to the nearest higher label
 * ("Chỉ tiêu 3" under "Tiêu chí 2" is 2.3; Roman rows are level-1 labels), unless it is already
 * dotted ("TCTP 2.1"; "TCTP 1.1" under a "Tiêu chí 1" that is 2.1 is 2.1.1). Numbered rows and
 * letters under a word-labelled row are its children with local numbering when the set has
 * children there, and part of its text (no code) under a leaf.
 */
function resolveWordCodes(tokens: (CodeToken | null)[], parents?: ReadonlySet<string>): (string | null)[] {
  const stack: Label[] = [];
  let context: string | null = null;
  let lastNumbered: string | null = null;
  /** Numbers under the current label are local ("Lĩnh vực I" / "1" / "1.1"): decided by the first one under it. */
  let localNumbers: boolean | null = null;
  const hasChildren = (code: string) => !parents || parents.has(code);
  return tokens.map((token) => {
    if (!token) return null;
    if (token.kind === "word" || token.kind === "roman") {
      const level = token.kind === "word" ? token.level : 1;
      const local = token.kind === "word" ? token.label : String(token.n);
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      const parent = stack[stack.length - 1];
      let code = local;
      if (parent && !local.startsWith(`${parent.code}.`)) {
        code = local.includes(".") && local.startsWith(`${parent.local}.`) ? `${parent.code}${local.slice(parent.local.length)}` : local.includes(".") ? local : `${parent.code}.${local}`;
      }
      stack.push({ level, code, local });
      context = code;
      lastNumbered = code;
      localNumbers = null;
      return code;
    }
    if (token.kind === "dotted") {
      localNumbers ??= context !== null && !token.code.startsWith(`${context}.`);
      // Numbered in full under this label ("Lĩnh vực VI" over "6.1"): every code is whole, also
      // one of another field typed with no label over it ("7.1" under an uncoded "ĐIỂM THƯỞNG",
      // "2", "2.1" after the one field written "Lĩnh vực I") — never "6.7.1".
      if (context === null || !localNumbers) lastNumbered = token.code;
      else if (!hasChildren(context)) return null;
      else lastNumbered = `${context}.${token.code}`;
      return lastNumbered;
    }
    if (lastNumbered === null || !hasChildren(lastNumbered)) return null;
    return `${lastNumbered}.${token.n}`;
  });
}
