import { z } from "zod";
import type { GridSheet } from "../../shared/index.ts";

/**
 * The sheets the add-in writes, and how it knows them. A sheet is the add-in's when its id
 * (Worksheet.id, ExcelApi 1.1) is in the document setting `parindex.ownSheets`, written
 * when the add-in made it: only such a sheet, still under the name the add-in gave it, is
 * ever cleared and rewritten (write-own-sheet.ts), or deleted when its name must change. A user's sheet that happens to bear one of these names (a
 * "Tổng hợp" of their own, in any case) is scored like any other and never touched; the
 * add-in writes beside it, under the first free name. A sheet of the add-in the user
 * renamed is kept: the next run writes a new one. Copies (Move or Copy gives a new id)
 * carry the marker cell written in row 1 of every own sheet; neither they nor the add-in's
 * own sheets are ever read as evidence.
 */
export const OWN_SHEET_NAMES = {
  result: "Kết quả kiểm tra",
  consolidated: "Tổng hợp",
  analysis: "CCHC Phân tích",
  history: "CCHC Diễn biến",
  trend: "CCHC Xu hướng",
  register: "CCHC Tài liệu KC",
  codes: "CCHC Mã kích hoạt",
} as const;
export type OwnRole = keyof typeof OWN_SHEET_NAMES;
const ROLES = Object.keys(OWN_SHEET_NAMES) as [OwnRole, ...OwnRole[]];

export const OWN_SHEETS_KEY = "parindex.ownSheets";

/** Written in row 1 of every own sheet, the same in both languages so any copy is recognised. */
export const OWN_SHEET_MARKER = "Trang do add-in Chỉ số CCHC tạo, ghi lại mỗi lần chạy (đổi tên trang để giữ lại) · Made by the PAR Index add-in, rewritten on each run (rename the sheet to keep it)";

const OwnSheetRecordSchema = z.object({ id: z.string().min(1).max(200), role: z.enum(ROLES), name: z.string().min(1).max(31) });
export type OwnSheetRecord = z.infer<typeof OwnSheetRecordSchema>;

/** Whatever the setting holds (Office hands back the list it stored, or junk) → the valid records; a bad entry never widens what may be deleted. */
export function parseOwnSheets(value: unknown): OwnSheetRecord[] {
  if (!Array.isArray(value)) return [];
  return value.flatMap((item) => {
    const parsed = OwnSheetRecordSchema.safeParse(item);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Excel compares sheet names without case; NFC makes "Kết" typed with combining marks the same name. */
export const sheetNameKey = (name: string): string => name.normalize("NFC").toLowerCase();

export function carriesOwnMarker(sheet: GridSheet): boolean {
  return (sheet.rows[0] ?? []).some((cell) => cell?.v === OWN_SHEET_MARKER);
}

export interface SheetRef {
  id: string;
  name: string;
}

export interface SheetPlacement {
  /** The name to write under. */
  name: string;
  /** The add-in's previous sheet of this kind: rewritten in place, or deleted when its name must change. */
  replaceId: string | null;
  /** A sheet (the user's) holding the usual name, left as it is. */
  besideSheet: string | null;
}

/** Where an own sheet went: its name, and the user's sheet that holds the usual name, if any. */
export interface SheetWritten {
  name: string;
  besideSheet: string | null;
}

/** "Tổng hợp" when free, else "Tổng hợp (CCHC)", "Tổng hợp (CCHC 2)"… (all ≤ 31 characters). */
export function freeSheetName(base: string, taken: ReadonlySet<string>): string {
  for (let i = 0; ; i++) {
    const name = i === 0 ? base : i === 1 ? `${base} (CCHC)` : `${base} (CCHC ${i})`;
    if (!taken.has(sheetNameKey(name))) return name;
  }
}

/** Where the sheet of `role` goes, given the workbook's sheets now and the add-in's records. */
export function placeOwnSheet(role: OwnRole, sheets: readonly SheetRef[], records: readonly OwnSheetRecord[]): SheetPlacement {
  const byId = new Map(sheets.map((s) => [s.id, s]));
  const previous = [...records].reverse().find((r) => r.role === role && byId.has(r.id) && sheetNameKey(byId.get(r.id)!.name) === sheetNameKey(r.name));
  const others = sheets.filter((s) => s.id !== previous?.id);
  const base = OWN_SHEET_NAMES[role];
  const name = freeSheetName(base, new Set(others.map((s) => sheetNameKey(s.name))));
  const holder = name === base ? undefined : others.find((s) => sheetNameKey(s.name) === sheetNameKey(base));
  return { name, replaceId: previous?.id ?? null, besideSheet: holder?.name ?? null };
}

/** The records after writing `written`: the replaced sheet and sheets no longer in the workbook drop out. */
export function recordOwnSheet(records: readonly OwnSheetRecord[], sheets: readonly SheetRef[], replacedId: string | null, written: OwnSheetRecord): OwnSheetRecord[] {
  const alive = new Set(sheets.map((s) => s.id));
  return [...records.filter((r) => r.id !== replacedId && r.id !== written.id && alive.has(r.id)), written];
}
