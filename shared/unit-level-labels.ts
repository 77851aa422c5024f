import type { Locale } from "./findings.ts";

/**
 * What each level of the province's administration is called, by unit type (criteria-schema's
 * UnitType). Communes and wards share one level. Apart from unit-levels.ts so that the finding
 * messages can name a level without importing the criteria schema (which imports them).
 */
export const UNIT_LEVEL_LABEL = {
  province: { vi: "cấp tỉnh", en: "province level" },
  department: { vi: "cấp sở, ban, ngành", en: "department level" },
  district: { vi: "cấp huyện", en: "district level" },
  commune: { vi: "cấp xã", en: "commune level" },
  ward: { vi: "cấp xã", en: "commune level" },
} as const satisfies Record<string, Record<Locale, string>>;
