/**
 * A start date as a units sheet may carry it: dd/mm/yyyy (also with "-" or "." and without
 * leading zeros, as Vietnamese Excel shows dates) or ISO yyyy-mm-dd → the ISO day, or null
 * when it is not a real calendar day. mm/dd/yyyy is not guessed: 07/01/2025 is 7 January.
 */
export function parseSheetDay(text: string): string | null {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[3], vn[2], vn[1]] : [];
  if (!y || !m || !d) return null;
  const day = `${y}-${m.padStart(2, "0")}-${d.padStart(2, "0")}`;
  const date = new Date(`${day}T00:00:00Z`);
  const real = !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  return real && Number(y) >= 1900 && Number(y) <= 2100 ? day : null;
}

/**
 * Why a dd/mm/yyyy (or yyyy-mm-dd) that parseSheetDay refused is no day, as DATE_INVALID's
 * parameters (A5-9): the month's number of days ("31/02/2024": February 2024 has 29), or no such
 * month with a day that could be one ("12/31/2024": month first, 31/12/2024 meant); {} otherwise.
 */
export function sheetDayProblem(text: string): Record<string, string | number> {
  const t = text.trim();
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  const vn = /^(\d{1,2})([/.-])(\d{1,2})[/.-](\d{4})$/.exec(t);
  const [y, m, d] = (iso ? [iso[1], iso[2], iso[3]] : vn ? [vn[4], vn[3], vn[1]] : []).map(Number);
  if (!y || !m || !d || y < 1900 || y > 2100) return {};
  const two = (n: number) => String(n).padStart(2, "0");
  if (m >= 1 && m <= 12) {
    const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return d > days ? { days, month: two(m), year: y } : {};
  }
  return vn && d >= 1 && d <= 12 && m <= 31 ? { month: m, swapped: `${two(m)}/${two(d)}/${y}` } : {};
}
