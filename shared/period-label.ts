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
 * A deadline as people read it, in Vietnam time: the day alone when it runs to the day's end
 * (23:59, as a day typed "31/01/2027" is stored), else the hour too — "17:00 ngày 31/01/2027",
 * "17:00 on 31/01/2027". A label that said only the day for a 17:00 deadline had a commune
 * submit at 18:00 and be refused as late.
 */
export function deadlineText(iso: string, locale: Locale): string {
  const day = vietnamDate(iso);
  const wall = new Date(Date.parse(iso) + 7 * 3_600_000);
  const [hours, minutes] = [wall.getUTCHours(), wall.getUTCMinutes()];
  if (hours === 23 && minutes === 59) return day;
  const time = `${String(hours).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
  return locale === "vi" ? `${time} ngày ${day}` : `${time} on ${day}`;
}

/**
 * How a person names an assessment period, so the pane can offer it without ids:
 * "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 17:00 ngày 31/01/2025" (deadlineText).
 */
export function periodLabel(p: PeriodLabelInput, locale: Locale): string {
  const level = UNIT_LEVEL_LABEL[p.unitType][locale];
  const due = deadlineText(p.deadline, locale);
  return locale === "vi"
    ? `Kỳ đánh giá năm ${p.year} — ${level}, hạn nộp ${due}${p.extended ? " (đã gia hạn)" : ""}`
    : `Assessment period ${p.year} — ${level}, due ${due}${p.extended ? " (extended)" : ""}`;
}

/** A labelled period as /v1/me lists it. */
interface Labelled {
  id: string;
  criteriaSet: { id: string; version: number };
  label: { vi: string; en: string };
}

/**
 * Labels that would read the same (two periods of one year and level with the same deadline)
 * get what tells them apart, and only they: the criteria set and its version when those
 * differ, else the period's id. A commune offered two identical lines picked the stray period
 * and its report was never on the province's board.
 */
export function distinctPeriodLabels<T extends Labelled>(periods: readonly T[]): T[] {
  const seen = new Map<string, T[]>();
  for (const p of periods) seen.set(p.label.vi, [...(seen.get(p.label.vi) ?? []), p]);
  return periods.map((p) => {
    const twins = seen.get(p.label.vi)!;
    if (twins.length < 2) return p;
    const set = (q: T) => `${q.criteriaSet.id}@${q.criteriaSet.version}`;
    const bySet = twins.filter((q) => set(q) === set(p)).length === 1;
    const suffix = bySet
      ? { vi: ` (bộ tiêu chí ${p.criteriaSet.id}, phiên bản ${p.criteriaSet.version})`, en: ` (criteria set ${p.criteriaSet.id}, version ${p.criteriaSet.version})` }
      : { vi: ` (mã kỳ ${p.id})`, en: ` (period ${p.id})` };
    return { ...p, label: { vi: p.label.vi + suffix.vi, en: p.label.en + suffix.en } };
  });
}

/** What a ranking, an analysis or a trend says of its period (their answers' `period`, `year`, `unitType`). */
export interface PeriodNamed {
  period: string;
  year?: number;
  unitType?: UnitType;
}

/**
 * A period as the pane's sentences name it: "kỳ đánh giá năm 2024, cấp xã" — its year and
 * level, as offices say it. The id ("kỳ 2024-commune-demo") only where a server did not say the
 * level: an id is the province's key, not a name a clerk reads.
 */
export function periodHeading(p: PeriodNamed, locale: Locale): string {
  if (p.year !== undefined && p.unitType !== undefined) {
    const level = UNIT_LEVEL_LABEL[p.unitType][locale];
    return locale === "vi" ? `kỳ đánh giá năm ${p.year}, ${level}` : `${p.year} assessment, ${level}`;
  }
  const id = locale === "vi" ? `kỳ ${p.period}` : `period ${p.period}`;
  return p.year === undefined ? id : locale === "vi" ? `${id} (năm ${p.year})` : `${id} (${p.year})`;
}

/** The same in a sheet's capitals ("KỲ ĐÁNH GIÁ NĂM 2024, CẤP XÃ"); an id keeps its own letters ("KỲ 2024-commune-demo (NĂM 2024)"). */
export function periodTitle(p: PeriodNamed, locale: Locale): string {
  if (p.year !== undefined && p.unitType !== undefined) return periodHeading(p, locale).toLocaleUpperCase("vi");
  const id = locale === "vi" ? `KỲ ${p.period}` : `PERIOD ${p.period}`;
  return p.year === undefined ? id : locale === "vi" ? `${id} (NĂM ${p.year})` : `${id} (${p.year})`;
}
