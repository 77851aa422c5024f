import type { Grid, Locale } from "../../../shared/index.ts";
import { ONBOARDING_STRINGS } from "../i18n-onboarding.ts";

export type OpenedWorkbook = { ok: true; grid: Grid } | { ok: false; text: string };

/**
 * A workbook file picked from disk (or dropped) → the engine's grid, or one sentence saying
 * what to do: a file that is not a workbook, or one SheetJS cannot read (damaged, password).
 * SheetJS loads only now, so the page opens with the pane alone.
 */
export async function openWorkbookFile(file: File, locale: Locale): Promise<OpenedWorkbook> {
  const t = ONBOARDING_STRINGS[locale].input;
  const { looksLikeWorkbook, readWorkbookBytes } = await import("../../../xlsx/sheetjs-grid.ts");
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (!looksLikeWorkbook(bytes)) return { ok: false, text: t.notWorkbook(file.name) };
  const read = readWorkbookBytes(bytes);
  return read.ok ? { ok: true, grid: read.grid } : { ok: false, text: t.unreadable(file.name) };
}
