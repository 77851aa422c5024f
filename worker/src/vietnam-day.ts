import { z } from "zod";
import { parseSheetDay } from "./onboarding/import-dates.ts";
import { endOfVietnamDay } from "./validity.ts";

/**
 * Days and deadlines as people in Vietnam count them (UTC+7, no daylight saving). Pure: the
 * Worker's routes and the admin CLI (dev/admin.ts) read a deadline through the same parser,
 * so what the CLI stores is what the HTTP route would have stored.
 */
const VIETNAM_OFFSET_MS = 7 * 3_600_000;

/** The calendar day (YYYY-MM-DD) in Vietnam at an instant: 00:30 on 1/7 there is 2025-07-01, not UTC's 30/6. */
export const vietnamDay = (at: Date): string => new Date(at.getTime() + VIETNAM_OFFSET_MS).toISOString().slice(0, 10);

/**
 * The stored form of a deadline: Vietnam wall-clock time with its offset, seconds always,
 * milliseconds only when not zero — 2025-01-31T23:59:59+07:00, as the seed and token expiries
 * are stored. JavaScript's Date.parse and SQLite's julianday() read it as the same instant.
 */
export function vietnamDateTime(ms: number): string {
  const wall = new Date(ms + VIETNAM_OFFSET_MS).toISOString();
  const fraction = wall.slice(19, 23);
  return `${wall.slice(0, 19)}${fraction === ".000" ? "" : fraction}+07:00`;
}

/**
 * Is an instant within a deadline? A deadline stored to the second lasts to that second's end:
 * a day-deadline (stored 23:59:59+07:00) runs through 23:59:59.999 of that day, and midnight is
 * the first late instant. One stored with milliseconds (typed so) ends at that millisecond.
 * The submission guard (withinDeadlineSql), /v1/me and the board all decide by this one rule,
 * so none says "open" while another says "late".
 */
export function withinDeadline(at: number, deadline: string): boolean {
  return at <= deadlineEnd(deadline);
}

/** The last millisecond a deadline allows: a deadline stored to the second lasts to that second's end. */
export function deadlineEnd(deadline: string): number {
  const end = Date.parse(deadline);
  return end % 1000 === 0 ? end + 999 : end;
}

/** withinDeadline in SQLite, for a stored deadline (vietnamDateTime: a "." only before milliseconds); strftime('%s') is whole seconds. */
export const withinDeadlineSql = (at: string, deadline: string): string =>
  `(CASE WHEN instr(${deadline}, '.') > 0 THEN julianday(${at}) <= julianday(${deadline}) ELSE CAST(strftime('%s', ${at}) AS INTEGER) <= CAST(strftime('%s', ${deadline}) AS INTEGER) END)`;

const OFFSET_DATE_TIME = z.iso.datetime({ offset: true });

export const DEADLINE_FORMS =
  "hạn nộp là một ngày dd/mm/yyyy hoặc yyyy-mm-dd (tính đến hết ngày, 23:59:59 giờ Việt Nam) hoặc một thời điểm ISO 8601 có múi giờ, vd 2026-01-31T17:00:00+07:00 / " +
  "a deadline is a day dd/mm/yyyy or yyyy-mm-dd (through its end, 23:59:59 Vietnam time) or an ISO 8601 date-time with an offset, e.g. 2026-01-31T17:00:00+07:00";

/**
 * A day written in a form a deadline takes (dd/mm/yyyy or yyyy-mm-dd) that does not exist
 * ("31/02/2027"): which day and why, Vietnamese first; null for anything else, and for a
 * month past 12 (DEADLINE_FORMS, which says the order, answers that).
 */
export function missingDayText(text: string): string | null {
  const dmy = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  const ymd = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const parts = dmy ? [dmy[1], dmy[2], dmy[3]] : ymd ? [ymd[3], ymd[2], ymd[1]] : null;
  if (!parts) return null;
  const [day, month, year] = parts.map(Number) as [number, number, number];
  const written = `${String(day).padStart(2, "0")}/${String(month).padStart(2, "0")}/${year}`;
  // No such month ("01/31/2025", month first): DEADLINE_FORMS says the order, day first.
  if (month < 1 || month > 12) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day >= 1 && day <= days) return null;
  const monthName = new Date(Date.UTC(year, month - 1, 1)).toLocaleString("en", { month: "long", timeZone: "UTC" });
  return `ngày ${written} không có: tháng ${String(month).padStart(2, "0")} năm ${year} có ${days} ngày / ${written} is not a day: ${monthName} ${year} has ${days} days`;
}

/**
 * A deadline as typed → its stored form (vietnamDateTime), or null when it is none of:
 * - a day, dd/mm/yyyy (Vietnamese order: 07/01/2025 is 7 January; 01/31/2025 is refused) or
 *   yyyy-mm-dd → the end of that day in Vietnam, 23:59:59+07:00;
 * - a date-time with seconds and an explicit offset (±HH:MM) or Z → that instant.
 * A date-time without an offset ("2025-01-31 23:59:59") is refused: whose clock would it be?
 * "+0700" too: SQLite's julianday() reads it as NULL. Years run 1900–2100, as for days.
 */
export function parseDeadline(text: string): string | null {
  const day = /^\d{4}-\d{2}-\d{2}$|^\d{1,2}\/\d{1,2}\/\d{4}$/.test(text) ? parseSheetDay(text) : null;
  if (day) return endOfVietnamDay(day);
  if (!OFFSET_DATE_TIME.safeParse(text).success) return null;
  const stored = vietnamDateTime(Date.parse(text));
  return parseSheetDay(stored.slice(0, 10)) ? stored : null;
}
