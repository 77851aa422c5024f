import {
  cleanText,
  foldText,
  formatDateVi,
  onboardingMessage,
  parseUnitTypeText,
  UNIT_TYPE_NAME,
  unitTypeWordsText,
  type Locale,
  type PlannedUnit,
  type UnitImportColumn,
  type UnitImportProblem,
  type UnitImportProblemCode,
  type UnitImportRow,
  type UnitType,
} from "../../../shared/index.ts";
import { vietnameseNameKey } from "../../../shared/vietnamese-name-key.ts";
import type { Unit } from "../api-schemas.ts";
import { isValidOn } from "../repositories/unit-repository.ts";
import { outlivesParent } from "../unit-checks.ts";
import { allowedParentsText, maySitUnder } from "../unit-levels.ts";
import { dayAfter } from "../validity.ts";
import { parseSheetDay, sheetDayProblem } from "./import-dates.ts";

/**
 * Units from a sheet (issue 16): each row's cells → the unit it will be, or its problems,
 * each by row and column so the pane can point at the cell. Pure: the existing units are
 * given. Rows are planned level by level (province, then departments and districts, then
 * communes and wards), so a parent named on any row of the sheet is planned before its
 * children and a child of a row with a problem is blocked too. Names are compared as people
 * read them (vietnameseNameKey: case, spaces, punctuation and the tone mark's place aside), for rows, parents
 * and the units there. A row naming a unit that exists (same name, parent, type and first day)
 * is that unit, closed since or not: the same sheet sent again creates nothing twice. A new unit is open-ended, so its parent must be too (checkParent's rule).
 */
export interface ImportPlan {
  units: PlannedUnit[];
  problems: UnitImportProblem[];
}

/** A unit a row may name as its parent: one that exists, or one this sheet creates. */
interface Candidate {
  id: string;
  name: string;
  type: UnitType;
  validFrom: string;
  validTo: string | null;
  /** The sheet row that creates it, when it is new. */
  row?: number;
}

const LEVEL: Record<UnitType, number> = { province: 0, department: 1, district: 1, commune: 2, ward: 2 };
const COLUMN_ORDER: UnitImportColumn[] = ["name", "type", "parent", "validFrom"];
/** One name however it is typed (NFC or NFD, spaces, case, "Thủy" or "Thuỷ", "H'Leo" or "H’Leo"): POST /v1/units's rule too. */
const nameKey = vietnameseNameKey;

/** "Xã An Phú" → "xa-an-phu": the id a person would guess, unique among `taken` (then -2, -3 …). */
export function unitSlug(name: string, taken: ReadonlySet<string>): string {
  const base = foldText(name).replace(/[^a-z0-9]+/g, "-").replace(/^-+/, "").slice(0, 56).replace(/-+$/, "") || "don-vi";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

export function planUnitImport(rows: readonly UnitImportRow[], existing: readonly Unit[], locale: Locale): ImportPlan {
  const problems: UnitImportProblem[] = [];
  const blocked = new Set<number>();
  const problem = (row: number, column: UnitImportColumn, code: UnitImportProblemCode, params: Record<string, string | number> = {}) => {
    problems.push({ row, column, code, message: onboardingMessage(code, locale, { row, ...params }) });
    blocked.add(row);
  };

  // The cells themselves.
  const parsed = rows.map((r) => {
    const name = cleanText(r.name);
    const type = parseUnitTypeText(r.type);
    const validFrom = parseSheetDay(r.validFrom);
    if (!name) problem(r.row, "name", "NAME_MISSING");
    if (!type) problem(r.row, "type", "TYPE_UNKNOWN", { value: cleanText(r.type), words: unitTypeWordsText(locale) });
    if (!cleanText(r.validFrom)) problem(r.row, "validFrom", "DATE_MISSING");
    else if (!validFrom) problem(r.row, "validFrom", "DATE_INVALID", { value: cleanText(r.validFrom), ...sheetDayProblem(r.validFrom) });
    return { row: r.row, name, type, validFrom, parent: cleanText(r.parent) };
  });

  const byId = new Map<string, Candidate>(existing.map((u) => [u.id, { ...u }]));
  const byName = new Map<string, Candidate[]>();
  const addName = (c: Candidate) => byName.set(nameKey(c.name), [...(byName.get(nameKey(c.name)) ?? []), c]);
  existing.forEach((u) => addName({ ...u }));
  const sheetNames = new Map<string, typeof parsed>();
  for (const p of parsed) if (p.name) sheetNames.set(nameKey(p.name), [...(sheetNames.get(nameKey(p.name)) ?? []), p]);
  const taken = new Set(existing.map((u) => u.id));
  const siblings = new Map<string, number>();
  const planned: PlannedUnit[] = [];

  const ordered = [...parsed].sort((a, b) => (a.type ? LEVEL[a.type] : -1) - (b.type ? LEVEL[b.type] : -1) || a.row - b.row);
  for (const p of ordered) {
    const parent = resolveParent(p);
    if (blocked.has(p.row) || !p.type || !p.validFrom || parent === undefined) continue;
    const parentId = parent?.id ?? null;
    const validFrom = p.validFrom;
    const siblingKey = `${parentId ?? ""}\u0000${nameKey(p.name)}`;
    const first = siblings.get(siblingKey);
    if (first !== undefined) {
      problem(p.row, "name", "DUPLICATE_NAME", { value: p.name, first });
      continue;
    }
    siblings.set(siblingKey, p.row);
    const namesakes = existing.filter((u) => u.parentId === parentId && nameKey(u.name) === nameKey(p.name));
    const same = namesakes.find((u) => u.type === p.type && u.validFrom === p.validFrom);
    // A unit of that name under that parent, still there on the new unit's first day or later, that
    // differs: the row is wrong, or must be renamed (POST /v1/units answers it 409 UNIT_NAME_EXISTS).
    const differs = same ? undefined : namesakes.find((u) => u.validTo === null || u.validTo >= validFrom);
    if (differs) {
      problem(p.row, "name", "EXISTS_DIFFERENTLY", { value: p.name, id: differs.id });
      continue;
    }
    const parentEnd = same || !parent ? null : outlivesParent(parent, { validTo: null });
    if (parent && parentEnd !== null) {
      // The sheet's problems (shared/api-onboarding.ts) have no code of their own for a parent
      // that closes first: PARENT_NOT_VALID, on the first day the parent is gone.
      problem(p.row, "parent", "PARENT_NOT_VALID", { parent: parent.name, date: formatDateVi(dayAfter(parentEnd)) });
      continue;
    }
    const id = same?.id ?? unitSlug(p.name, taken);
    taken.add(id);
    const unit: PlannedUnit = { row: p.row, id, name: p.name, type: p.type, parentId, validFrom: p.validFrom, action: same ? "exists" : "create" };
    planned.push(unit);
    if (!same) {
      const candidate = { id, name: p.name, type: p.type, validFrom: p.validFrom, validTo: null, row: p.row };
      byId.set(id, candidate);
      addName(candidate);
    }
  }

  /** The row's parent (null: none, for a province), or undefined when it has a problem. */
  function resolveParent(p: (typeof parsed)[number]): Candidate | null | undefined {
    if (!p.parent) {
      if (p.type && p.type !== "province") problem(p.row, "parent", "PARENT_MISSING");
      return p.type === "province" ? null : undefined;
    }
    const sheetRows = sheetNames.get(nameKey(p.parent)) ?? [];
    const blockedParent = sheetRows.find((s) => blocked.has(s.row) && s.row !== p.row);
    const named = byId.get(p.parent) ? [byId.get(p.parent)!] : (byName.get(nameKey(p.parent)) ?? []);
    // Rows are planned lowest level first, so a sheet row not planned yet is of this row's level or above it.
    const sameOrAbove = sheetRows.find((s) => s.row !== p.row && !blocked.has(s.row) && s.type);
    if (named.length === 0 && sameOrAbove?.type && p.type) return wrongLevel(p.row, p.type, sameOrAbove.name);
    if (named.length === 0) {
      if (blockedParent) problem(p.row, "parent", "PARENT_HAS_PROBLEM", { parentRow: blockedParent.row });
      else problem(p.row, "parent", "PARENT_NOT_FOUND", { value: p.parent });
      return undefined;
    }
    const onDay = p.validFrom ? named.filter((c) => isValidOn({ ...c, parentId: null }, p.validFrom!)) : named;
    const choices = onDay.length > 0 ? onDay : named;
    if (choices.length > 1) {
      problem(p.row, "parent", "PARENT_AMBIGUOUS", { value: p.parent, ids: choices.map((c) => c.id).join(", ") });
      return undefined;
    }
    const parent = choices[0]!;
    if (p.type && !maySitUnder(p.type, parent.type)) return wrongLevel(p.row, p.type, parent.name);
    if (p.validFrom && onDay.length === 0) {
      // A parent that starts after the row (a province created from the merge day) is said as such, with the way out.
      const later: Record<string, string | number> = parent.validFrom > p.validFrom ? { start: formatDateVi(parent.validFrom), root: parent.type === "province" ? 1 : 0 } : {};
      problem(p.row, "parent", "PARENT_NOT_VALID", { parent: parent.name, date: formatDateVi(p.validFrom), ...later });
      return undefined;
    }
    return parent;
  }

  function wrongLevel(row: number, type: UnitType, parentName: string): undefined {
    const allowed = allowedParentsText(type, locale);
    problem(row, "parent", "PARENT_WRONG_LEVEL", { type: UNIT_TYPE_NAME[type][locale], parent: parentName, allowed: allowed || (locale === "vi" ? "không có (để trống ô này)" : "none (leave the cell empty)") });
    return undefined;
  }

  const columnIndex = (c: UnitImportColumn) => COLUMN_ORDER.indexOf(c);
  return {
    units: planned.filter((u) => !blocked.has(u.row)).sort((a, b) => a.row - b.row),
    problems: problems.sort((a, b) => a.row - b.row || columnIndex(a.column) - columnIndex(b.column)),
  };
}
