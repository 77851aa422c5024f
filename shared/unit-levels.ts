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
 * What a units sheet may say in its "type" column, folded (no case, no diacritics): the
 * API's own words, the Vietnamese names of each kind of unit, and the level names.
 * "Thành phố" is left out on purpose: it is a province-level city or a district-level one,
 * and guessing would put a unit on the wrong level.
 */
const TYPE_WORDS: Record<string, UnitType> = {
  province: "province",
  tinh: "province",
  "cap tinh": "province",
  "thanh pho truc thuoc trung uong": "province",
  department: "department",
  so: "department",
  ban: "department",
  nganh: "department",
  "so, ban, nganh": "department",
  "cap so": "department",
  district: "district",
  huyen: "district",
  quan: "district",
  "thi xa": "district",
  "thanh pho thuoc tinh": "district",
  "cap huyen": "district",
  commune: "commune",
  xa: "commune",
  "thi tran": "commune",
  "dac khu": "commune",
  "cap xa": "commune",
  ward: "ward",
  phuong: "ward",
};

/** The unit type a sheet's cell names, or null when it names none (or an ambiguous one). */
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
