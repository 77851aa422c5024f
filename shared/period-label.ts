import { vietnamDate } from "./excel-csv.ts";
import type { Locale } from "./findings.ts";
import type { UnitType } from "./criteria-schema.ts";
import { UNIT_LEVEL_LABEL } from "./unit-levels.ts";

export interface PeriodLabelInput {
  year: number;
  /** The unit type of the period's criteria set. */
  unitType: UnitType;
  /** The deadline that applies: the unit's exception when it has one, else the period's (ISO). */
  deadline: string;
  /** The deadline is the unit's exception. */
  extended?: boolean;
}

/**
 * How a person names an assessment period, so the pane can offer it without ids:
 * "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 31/01/2025" (deadline as a date in Vietnam time).
 */
export function periodLabel(p: PeriodLabelInput, locale: Locale): string {
  const level = UNIT_LEVEL_LABEL[p.unitType][locale];
  const day = vietnamDate(p.deadline);
  return locale === "vi"
    ? `Kỳ đánh giá năm ${p.year} — ${level}, hạn nộp ${day}${p.extended ? " (đã gia hạn)" : ""}`
    : `Assessment period ${p.year} — ${level}, due ${day}${p.extended ? " (extended)" : ""}`;
}
