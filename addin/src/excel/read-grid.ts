import { HEADER_WINDOW_ROWS, findHeader, type Grid, type GridCell, type GridSheet, type Merge } from "../../../shared/index.ts";
import { blockAddress } from "../cell-address.ts";
import { BLOCK_PROPERTIES, parseMergeAreas, placeBlock, trimSheet, type OfficeBlock } from "./office-cells.ts";

/** The add-in's own sheets: never read as evidence, replaced on each run. */
export const RESULT_SHEET = "Kết quả kiểm tra";
export const CONSOLIDATED_SHEET = "Tổng hợp";
export const OWN_SHEETS: readonly string[] = [RESULT_SHEET, CONSOLIDATED_SHEET];

/** Rows read on every sheet to find the header: the engine's window plus the second header row. */
export const WINDOW_ROWS = HEADER_WINDOW_ROWS + 1;
export const MAX_SYNCS = 3;

export interface ReadProgress {
  step: number;
  of: number;
  stage: "sheets" | "window" | "table";
}

export interface ReadOptions {
  onProgress?: (p: ReadProgress) => void;
  /** Read merged areas (ExcelApi 1.13); without them two-row headers may be missed. */
  merges?: boolean;
  /** The criteria set's year, to prefer "… 2024" score columns like the engine does. */
  year?: number;
}

export interface ReadResult {
  grid: Grid;
  /** Sheets holding a criteria header (read in full); other sheets hold only their window. */
  tableSheets: string[];
  /** Every sheet's name, the add-in's own included (to replace them without another sync). */
  sheetNames: string[];
  syncs: number;
}

interface Probe {
  name: string;
  hidden: boolean;
  used: Excel.Range;
  window: Excel.Range;
  windowMerges: Excel.RangeAreas | null;
}

/**
 * Workbook → engine grid in at most three syncs, however large the workbook: (1) the sheet
 * list; (2) each sheet's used extent and its first rows, to find the header with the
 * engine; (3) only the table sheets' rows below that window. Excel on the web caps a sync
 * at 5 MB, so a 10,000-row sheet beside the table costs its first 61 rows and nothing more.
 */
export async function readWorkbookGrid(context: Excel.RequestContext, options: ReadOptions = {}): Promise<ReadResult> {
  const progress = options.onProgress ?? (() => {});
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };

  progress({ step: 1, of: MAX_SYNCS, stage: "sheets" });
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name, items/visibility");
  await sync();
  const sheetNames = worksheets.items.map((ws) => ws.name);

  progress({ step: 2, of: MAX_SYNCS, stage: "window" });
  const probes: Probe[] = worksheets.items
    .filter((ws) => !OWN_SHEETS.includes(ws.name))
    .map((ws) => {
      const used = ws.getUsedRangeOrNullObject();
      used.load("rowIndex, columnIndex, rowCount, columnCount");
      const window = ws.getRange(`1:${WINDOW_ROWS}`).getUsedRangeOrNullObject();
      window.load(BLOCK_PROPERTIES);
      let windowMerges: Excel.RangeAreas | null = null;
      if (options.merges) {
        windowMerges = window.getMergedAreasOrNullObject();
        windowMerges.load("address");
      }
      return { name: ws.name, hidden: ws.visibility !== "Visible", used, window, windowMerges };
    });
  await sync();

  const sheets = probes.map((p) => windowSheet(p));
  const tails: { index: number; block: Excel.Range; merges: Excel.RangeAreas | null }[] = [];
  const tableSheets: string[] = [];
  probes.forEach((p, index) => {
    if (!findHeader(sheets[index]!, options.year)) return;
    tableSheets.push(p.name);
    if (p.used.isNullObject) return;
    const lastRow = p.used.rowIndex + p.used.rowCount - 1;
    if (lastRow < WINDOW_ROWS) return;
    const ws = context.workbook.worksheets.getItem(p.name);
    const block = ws.getRange(blockAddress(WINDOW_ROWS, p.used.columnIndex, lastRow - WINDOW_ROWS + 1, p.used.columnCount));
    block.load(BLOCK_PROPERTIES);
    let merges: Excel.RangeAreas | null = null;
    if (options.merges) {
      merges = p.used.getMergedAreasOrNullObject();
      merges.load("address");
    }
    tails.push({ index, block, merges });
  });

  if (tails.length > 0) {
    progress({ step: 3, of: MAX_SYNCS, stage: "table" });
    await sync();
    for (const tail of tails) {
      const sheet = sheets[tail.index]!;
      placeBlock(sheet.rows as (GridCell | null)[][], tail.block as unknown as OfficeBlock);
      if (tail.merges && !tail.merges.isNullObject) parseMergeAreas(tail.merges.address, sheet.merges as Merge[]);
    }
  }
  return { grid: { sheets: sheets.map(trimSheet) }, tableSheets, sheetNames, syncs };
}

function windowSheet(p: Probe): GridSheet {
  const rows: (GridCell | null)[][] = [];
  const merges: Merge[] = [];
  if (!p.window.isNullObject) placeBlock(rows, p.window as unknown as OfficeBlock);
  if (p.windowMerges && !p.windowMerges.isNullObject) parseMergeAreas(p.windowMerges.address, merges);
  const sheet: GridSheet = { name: p.name, rows, merges };
  if (p.hidden) sheet.hidden = true;
  return sheet;
}
