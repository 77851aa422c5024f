import { z } from "zod";
import { columnLetter, type GridSheet } from "../../shared/index.ts";
import { columnIndex } from "./cell-address.ts";

/**
 * The sheets the add-in writes, and how it knows them. A sheet is the add-in's when its id
 * (Worksheet.id, ExcelApi 1.1) is in the document setting `parindex.ownSheets`, written
 * when the add-in made it — or, should Excel have given it another id, when it bears the
 * recorded name exactly and row 1 holds the marker and the recorded nonce. Only such a
 * sheet, still under the name the add-in gave it, is ever cleared and rewritten
 * (write-own-sheet.ts), or deleted when its name must change. A user's sheet that happens
 * to bear one of these names (a
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

/**
 * `nonce` (random, per sheet) is written in row 1 beside the marker, at `marker`'s right:
 * Worksheet.id may change between sessions and apps (office-js-docs-pr#297, office-js#1390),
 * so a sheet whose id no longer matches is still the add-in's when it has exactly the
 * recorded name and, read back, the marker and this nonce (`nonceCandidate`). Records
 * written before nonces have none and are matched by id only.
 */
const OwnSheetRecordSchema = z.object({
  id: z.string().min(1).max(200),
  role: z.enum(ROLES),
  name: z.string().min(1).max(31),
  nonce: z.string().regex(/^[0-9a-f]{32}$/).optional(),
  marker: z.string().regex(/^[A-Z]{1,3}1$/).optional(),
});
export type OwnSheetRecord = z.infer<typeof OwnSheetRecordSchema>;

/** 128 random bits as 32 hex digits: never typed by a user, never the same for two sheets. */
export function newSheetNonce(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

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

/**
 * When no record of `role` matches a sheet by id: the latest record of that role with a
 * nonce whose exact name (not merely the same name for Excel) a sheet still bears — the
 * sheet to read row 1 of, to know whether it is the add-in's one under a new id. Nothing
 * here makes it the add-in's: only the marker and the nonce read back do (`adoptOwnSheet`).
 */
export function nonceCandidate(role: OwnRole, sheets: readonly SheetRef[], records: readonly OwnSheetRecord[]): { sheet: SheetRef; record: OwnSheetRecord & { nonce: string; marker: string } } | null {
  if (placeOwnSheet(role, sheets, records).replaceId) return null;
  const present = new Set(sheets.map((s) => s.id));
  const known = new Set(records.map((r) => r.id));
  for (const record of [...records].reverse()) {
    if (record.role !== role || !record.nonce || !record.marker || present.has(record.id)) continue;
    const sheet = sheets.find((s) => s.name === record.name && !known.has(s.id));
    if (sheet) return { sheet, record: { ...record, nonce: record.nonce, marker: record.marker } };
  }
  return null;
}

/** The records with `record` moved to `sheet`'s id, when row 1 there holds the marker and then the record's nonce. */
export function adoptOwnSheet(records: readonly OwnSheetRecord[], candidate: NonNullable<ReturnType<typeof nonceCandidate>>, row1: readonly unknown[]): OwnSheetRecord[] {
  if (row1[0] !== OWN_SHEET_MARKER || row1[1] !== candidate.record.nonce) return [...records];
  return records.map((r) => (r.role === candidate.record.role && r.id === candidate.record.id && r.nonce === candidate.record.nonce ? { ...r, id: candidate.sheet.id } : r));
}

/** The records after writing `written`: the replaced sheet and sheets no longer in the workbook drop out. */
export function recordOwnSheet(records: readonly OwnSheetRecord[], sheets: readonly SheetRef[], replacedId: string | null, written: OwnSheetRecord): OwnSheetRecord[] {
  const alive = new Set(sheets.map((s) => s.id));
  return [...records.filter((r) => r.id !== replacedId && r.id !== written.id && alive.has(r.id)), written];
}

/** "K1" → "K1:L1": a record's marker cell and the nonce at its right. */
export function markerAndNonce(marker: string): string {
  const column = columnIndex(marker.replace(/\d+$/, ""));
  return `${marker}:${columnLetter(column + 1)}1`;
}

/**
 * Row 1 at a record's marker (markerAndNonce) holds the marker and, when the record has one, its
 * nonce: what makes a sheet the add-in's before it is cleared, deleted or left out of a reading.
 * A matching Worksheet.id alone does not (Excel may give an id again in a later session).
 */
export const holdsProof = (row1: readonly unknown[], record: OwnSheetRecord): boolean => row1[0] === OWN_SHEET_MARKER && (record.nonce === undefined || row1[1] === record.nonce);
