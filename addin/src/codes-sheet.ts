import { activationSheetRows, type IssuedCode, type Locale } from "../../shared/index.ts";
import { formatStamp, vietnamIsoDay } from "./format.ts";
import { INSIGHT_STRINGS } from "./i18n-insight.ts";
import type { ColumnFormat, OwnSheetSpec } from "./own-sheet.ts";

/**
 * Activation codes as the add-in's own sheet "CCHC Mã kích hoạt", to print or send to each
 * unit: the same columns as the Worker's CSV/XLSX (shared/activation-sheet.ts), a code per
 * unit, the last day it works (a date cell) and how to use it. Codes may go on a sheet: each
 * works once, for a few days. Tokens never do.
 */
const TITLE: Record<Locale, string> = { vi: "MÃ KÍCH HOẠT CHỈ SỐ CCHC", en: "PAR INDEX ACTIVATION CODES" };
const CAPTION: Record<Locale, (n: number) => string> = { vi: (n) => `${n} mã kích hoạt`, en: (n) => (n === 1 ? "1 activation code" : `${n} activation codes`) };
const FORMATS: ColumnFormat[] = ["text", "text", "text", "text", "date", "text"];

/** `origin`: the server's address, where the web checker is (the pane's own origin when it calls its own server). */
export function codesSheet(codes: readonly IssuedCode[], locale: Locale, now: Date, origin?: string): OwnSheetSpec {
  const [header = [], ...rows] = activationSheetRows(codes, locale, { origin });
  return {
    role: "codes",
    title: TITLE[locale],
    notes: [INSIGHT_STRINGS[locale].generated(formatStamp(now))],
    tables: [
      {
        name: "MaKichHoat",
        caption: CAPTION[locale](codes.length),
        columns: header.map((h, i) => ({ header: String(h), format: FORMATS[i] ?? "text", ...(i === header.length - 1 ? { wrap: true } : {}) })),
        rows: rows.map((r) => r.map((cell) => (cell !== null && typeof cell === "object" ? vietnamIsoDay(cell.date) : typeof cell === "string" || typeof cell === "number" ? cell : ""))),
        empty: "—",
      },
    ],
    charts: [],
    freezeHeader: true,
  };
}
