import type { UnitType } from "./criteria-schema.ts";
import type { Locale } from "./findings.ts";
import { foldText } from "./text.ts";
import { UNIT_LEVEL_LABEL as LEVEL_LABELS } from "./unit-level-labels.ts";

/**
 * The tiers of a province's administration as people name them: what each unit type is
 * called (for a period's label and for a units sheet typed by hand) and which tier may sit
 * above which. Communes and wards share one level (and one criteria set).
 */
export const UNIT_LEVEL_LABEL: Record<UnitType, Record<Locale, string>> = LEVEL_LABELS;

/**
 * What a units sheet (and `admin create-unit --type`) may say in its "type" column, as people
 * write it, by level. A bare "Thành phố" (or "TP", "Tp.") is the city of a province, at the
 * district level (A5-4: a province's own sheet lists its cities beside its districts); a city
 * directly under the centre is written as such ("Thành phố trực thuộc trung ương").
 */
const TYPE_NAMES: readonly (readonly [UnitType, readonly string[]])[] = [
  ["province", ["Tỉnh", "Thành phố trực thuộc trung ương", "Cấp tỉnh"]],
  ["department", ["Sở", "Ban", "Ngành", "Sở, ban, ngành", "Cấp sở"]],
  ["district", ["Huyện", "Quận", "Thị xã", "Thành phố", "Thành phố thuộc tỉnh", "TP", "Tp.", "Cấp huyện"]],
  ["commune", ["Xã", "Thị trấn", "Đặc khu", "Cấp xã"]],
  ["ward", ["Phường"]],
];

/** Folded (no case, no diacritics): the API's own words and every name above. */
const TYPE_WORDS: Record<string, UnitType> = Object.fromEntries([
  ...TYPE_NAMES.map(([type]) => [type, type] as const),
  ...TYPE_NAMES.flatMap(([type, names]) => names.map((n) => [foldText(n), type] as const)),
]);

/** Every word a type cell may carry, by level, for the sentence that refuses an unknown one. */
export function unitTypeWordsText(locale: Locale): string {
  const levels = TYPE_NAMES.filter(([type]) => type !== "ward").map(([type, names]) => {
    const all = type === "commune" ? [...names.slice(0, 1), "Phường", ...names.slice(1)] : names;
    return `${all.join(", ")} (${LEVEL_LABELS[type][locale]})`;
  });
  return locale === "vi" ? `${levels.join("; ")}; hoặc province, department, district, commune, ward` : `province, department, district, commune, ward; or ${levels.join("; ")}`;
}

/** The unit type a sheet's cell names, or null when it names none. */
export function parseUnitTypeText(text: string): UnitType | null {
  return TYPE_WORDS[foldText(text)] ?? null;
}

/** Which types may be a unit's parent: a province has none; communes sit under a district or, since the 2025 two-tier reform, the province. */
export const PARENT_TYPES: Record<UnitType, readonly UnitType[]> = {
  province: [],
  department: ["province"],
  district: ["province"],
  commune: ["district", "province"],
  ward: ["district", "province"],
};

/** A unit type as a noun in a sentence ("a commune cannot sit under …"). */
export const UNIT_TYPE_NAME: Record<UnitType, Record<Locale, string>> = {
  province: { vi: "tỉnh", en: "province" },
  department: { vi: "sở, ban, ngành", en: "department" },
  district: { vi: "huyện", en: "district" },
  commune: { vi: "xã", en: "commune" },
  ward: { vi: "phường", en: "ward" },
};
