import { formatNumber, vietnamDate, type Locale } from "../../shared/index.ts";

/**
 * How the pane and the add-in's sheets write numbers, percentages and times, in one place so
 * that "74,5 %" never sits beside "74,5%" and no ISO timestamp reaches a user. The engine's
 * `formatNumber` gives the decimal comma; these add the rest of the convention the CLI uses.
 */

/** "74,5 %" (Vietnamese: decimal comma, a space before the sign, as the CLI prints) or "74.5 %". */
export const formatPercent = (n: number, locale: Locale): string => `${formatNumber(n, locale)} %`;

const two = (n: number) => String(n).padStart(2, "0");

/** "29/11/2026 10:19" in this computer's time zone (an office's computers keep Vietnam time). */
export function formatStamp(at: Date): string {
  return `${two(at.getDate())}/${two(at.getMonth() + 1)}/${at.getFullYear()} ${two(at.getHours())}:${two(at.getMinutes())}`;
}

/** An ISO instant as `formatStamp` writes it; text that is not a time is shown as it is. */
export function formatInstant(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? iso : formatStamp(at);
}

/** The day an instant falls on in Vietnam, "31/01/2025": deadlines and code expiry are Vietnam days. */
export const formatVietnamDay = (iso: string): string => vietnamDate(iso);

/** The same day as ISO "2025-01-31", for date cells of the add-in's sheets. */
export function vietnamIsoDay(iso: string): string {
  const [d, m, y] = vietnamDate(iso).split("/");
  return `${y}-${m}-${d}`;
}

/** "1 document", "2 documents": English counts, never "document(s)" (A4-8). */
export const countEn = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
