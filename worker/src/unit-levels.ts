import { PARENT_TYPES, UNIT_TYPE_NAME, type Locale, type UnitType } from "../../shared/index.ts";

/**
 * Which unit may sit under which, and which may merge into which: one rule for a unit
 * created alone (POST /v1/units), a merge's successor and a units sheet (the import).
 */

/** May a unit of `type` sit under a unit of `parentType` (null: at the top)? Only a province sits at the top. */
export const maySitUnder = (type: UnitType, parentType: UnitType | null): boolean =>
  parentType === null ? PARENT_TYPES[type].length === 0 : PARENT_TYPES[type].includes(parentType);

/** The types a unit of `type` may sit under, in words ("huyện hoặc tỉnh"); empty for a province. */
export const allowedParentsText = (type: UnitType, locale: Locale): string =>
  PARENT_TYPES[type].map((t) => UNIT_TYPE_NAME[t][locale]).join(locale === "vi" ? " hoặc " : " or ");

/** Communes and wards are one level with one criteria set (a ward is often merged from communes); other types merge only with their own. */
const COMMUNE_LEVEL: readonly UnitType[] = ["commune", "ward"];
export const mayMergeInto = (predecessor: UnitType, successor: UnitType): boolean =>
  predecessor === successor || (COMMUNE_LEVEL.includes(predecessor) && COMMUNE_LEVEL.includes(successor));
