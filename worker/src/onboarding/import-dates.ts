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
