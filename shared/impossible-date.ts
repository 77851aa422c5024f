import type { Locale } from "./findings.ts";
import type { WrittenDate } from "./values.ts";

const two = (n: number) => String(n).padStart(2, "0");
/** A date as written, dd/mm/yyyy. */
export const writtenDate = (d: Pick<WrittenDate, "day" | "month" | "year">): string => `${two(d.day)}/${two(d.month)}/${d.year}`;
const MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/**
 * What is wrong with a day that does not exist: a month past 12 whose day could be a month is
 * most likely month first ("12/25/2024", as an Excel set to English types it); else the month
 * has no such day ("30/02/2024").
 */
export function impossibleDayText(d: Pick<WrittenDate, "day" | "month" | "year">, locale: Locale): string {
  const date = writtenDate(d);
  const validMonth = d.month >= 1 && d.month <= 12;
  // A real day and month in a year no document has: the year was mistyped ("10/01/2204", "1024").
  if (validMonth && (d.year < 1900 || d.year > 2200)) {
    return locale === "vi" ? `ghi ngày ${date}: năm ${d.year} có lẽ gõ nhầm; sửa lại năm theo ngày ban hành của văn bản.` : `is dated ${date}: the year ${d.year} looks mistyped; correct it to the date the document was issued.`;
  }
  if (locale === "vi") {
    if (validMonth) return `ghi ngày ${date}, nhưng tháng ${two(d.month)} năm ${d.year} không có ngày ${two(d.day)}: kiểm tra lại ngày ban hành của văn bản.`;
    if (d.day >= 1 && d.day <= 12) return `ghi ngày ${date}: không có tháng ${d.month}, có lẽ đã ghi tháng trước ngày; ghi theo ngày/tháng/năm (${two(d.month)}/${two(d.day)}/${d.year}) và kiểm tra lại ngày ban hành của văn bản.`;
    return `ghi ngày ${date}: không có tháng ${d.month}; kiểm tra lại ngày ban hành của văn bản.`;
  }
  if (validMonth) return `is dated ${date}, a day ${MONTHS_EN[d.month - 1]} ${d.year} does not have: check the date it was issued.`;
  if (d.day >= 1 && d.day <= 12) return `is dated ${date}: there is no month ${d.month}, the month was probably written first; write day/month/year (${two(d.month)}/${two(d.day)}/${d.year}) and check the date it was issued.`;
  return `is dated ${date}: there is no month ${d.month}; check the date it was issued.`;
}

