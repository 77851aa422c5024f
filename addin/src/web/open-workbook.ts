import type { Grid, Locale } from "../../../shared/index.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";

export type OpenedWorkbook = { ok: true; grid: Grid } | { ok: false; text: string };

/** Text exports Excel opens but the checker does not read: said as such, with the way to an .xlsx. */
const TEXT_EXPORTS = new Set(["csv", "tsv", "txt", "prn"]);

/** The file name's extension, lower case ("" when none). */
const extensionOf = (name: string): string => /\.([^./\\]+)$/.exec(name)?.[1]?.toLowerCase() ?? "";

/**
 * A workbook file picked from disk (or dropped) → the engine's grid, or one sentence saying
 * what to do. The reader (xlsx/sheetjs-grid.ts) says what it recognised — a web page or an XML
 * Spreadsheet 2003 named as a workbook, a CSV inside, a workbook too large — and that sentence is
 * kept; a text export picked as such (.csv) and a password-protected workbook get the pane's own
 * sentences; the reader's plain answer (not a workbook at all) the pane's, which says what to do. SheetJS loads only now, so the page opens with the pane alone.
 */
export async function openWorkbookFile(file: File, locale: Locale): Promise<OpenedWorkbook> {
  const t = ONBOARDING_STRINGS[locale].input;
  const reader = await import("../../../xlsx/sheetjs-grid.ts");
  const bytes = new Uint8Array(await file.arrayBuffer());
  const read = reader.readWorkbookBytes(bytes);
  if (read.ok) return { ok: true, grid: read.grid };
  const extension = extensionOf(file.name);
  if (read.code === "NOT_A_WORKBOOK" && TEXT_EXPORTS.has(extension)) return { ok: false, text: t.unsupportedFormat(file.name, extension) };
  if (await isEncrypted(bytes)) return { ok: false, text: t.passwordProtected(file.name) };
  // The reader's plain answer, asked of it: no workbook signature at all. What it says of a zip or
  // OLE2 file it cannot read (a Word file, a download cut short, a zipped workbook, damaged) says
  // which it is and what to do (A1-3), and is kept.
  const plain = reader.readWorkbookBytes(new Uint8Array(0));
  if (!plain.ok && read.vi === plain.vi) return { ok: false, text: t.notWorkbook(file.name) };
  return { ok: false, text: t.readerSaid(file.name, locale === "vi" ? read.vi : read.message) };
}

/**
 * Excel's "Encrypt with Password": the workbook inside an OLE2 container holding the streams
 * EncryptionInfo and EncryptedPackage (MS-OFFCRYPTO), whatever the file is named.
 */
async function isEncrypted(bytes: Uint8Array): Promise<boolean> {
  if (!(bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0)) return false;
  const { CFB } = await import("@e965/xlsx");
  try {
    const container = CFB.read(bytes, { type: "array" });
    return CFB.find(container, "EncryptionInfo") !== null || CFB.find(container, "EncryptedPackage") !== null;
  } catch {
    return false;
  }
}
