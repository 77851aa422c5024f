import { HEADER_WINDOW_ROWS, findHeader, type Grid, type GridCell, type GridSheet, type Merge } from "../../../shared/index.ts";
import { blockAddress } from "../cell-address.ts";
import { BLOCK_PROPERTIES, parseMergeAreas, placeBlock, trimSheet, type OfficeBlock } from "./office-cells.ts";

/** The add-in's own sheets: never read as evidence, replaced on each run. */
export const RESULT_SHEET = "Kết quả kiểm tra";
export const CONSOLIDATED_SHEET = "Tổng hợp";
/** Insight sheets (issue 8); names ≤ 31 characters, none of []:*?/\ */
export const ANALYSIS_SHEET = "CCHC Phân tích";
export const HISTORY_SHEET = "CCHC Diễn biến";
export const TREND_SHEET = "CCHC Xu hướng";
export const REGISTER_SHEET = "CCHC Tài liệu KC";
export const OWN_SHEETS: readonly string[] = [RESULT_SHEET, CONSOLIDATED_SHEET, ANALYSIS_SHEET, HISTORY_SHEET, TREND_SHEET, REGISTER_SHEET];

/** Rows read on every sheet to find the header: the engine's window plus the second header row. */
export const WINDOW_ROWS = HEADER_WINDOW_ROWS + 1;

/**
 * Excel on the web caps each request and each response at 5 MB, and a sync is one request:
 * every range loaded before it travels in the same response, so slicing a region into
 * several ranges before ONE sync does not get it under the cap. Each sync therefore carries
 * at most SYNC_CELL_BUDGET cells (the four properties we load cost ~25 bytes for an empty
 * cell and ~50 on average on criteria sheets: 100,000 cells ≈ 2.5–5 MB).
 *
 * The number of syncs stays fixed by bounding what is read, not by the workbook: the table
 * rows take at most MAX_TABLE_SYNCS syncs, i.e. 400,000 cells. The largest criteria set
 * (~200 leaves, a few rows each, ~15 columns) needs under 10,000, so the bound only cuts
 * used ranges stretched by stray cells far below the table (the engine stops at the totals
 * row long before); such sheets are listed in `truncated`.
 */
export const SYNC_CELL_BUDGET = 100_000;
export const MAX_TABLE_SYNCS = 4;
/** Sheet list + header windows + table rows. */
export const MAX_SYNCS = 2 + MAX_TABLE_SYNCS;

export interface ReadProgress {
  step: number;
  of: number;
  stage: "sheets" | "window" | "table";
}

export interface ReadOptions {
  onProgress?: ((p: ReadProgress) => void) | undefined;
  /** Read merged areas (ExcelApi 1.13); without them two-row headers may be missed. */
  merges?: boolean | undefined;
  /** The criteria set's year, to prefer "… 2024" score columns like the engine does. */
  year?: number | undefined;
  /** Sheets to read in full even when detection finds no header (the user confirmed one). */
  tableSheets?: string[] | undefined;
  /** Cells per sync (tests use smaller budgets). */
  cellBudget?: number | undefined;
}

export interface ReadResult {
  grid: Grid;
  /** Sheets holding a criteria header (read in full); other sheets hold only their window. */
  tableSheets: string[];
  /** Every sheet's name, the add-in's own included (to replace them without another sync). */
  sheetNames: string[];
  /** Table sheets whose rows past the read bound were not read. */
  truncated: string[];
  syncs: number;
}

/** Rows of one table sheet below the window, as a 0-based region. */
interface TailRegion {
  index: number;
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Cut the regions into row slices packed into batches of at most `budget` cells, at most `maxSyncs` batches. */
export function planTableSlices(regions: TailRegion[], budget: number, maxSyncs: number): { batches: TailRegion[][]; truncated: string[] } {
  const batches: TailRegion[][] = [];
  const truncated = new Set<string>();
  let room = 0;
  for (const region of regions) {
    let start = 0;
    while (start < region.rows) {
      if (room < region.cols) {
        if (batches.length === maxSyncs) {
          truncated.add(region.name);
          break;
        }
        batches.push([]);
        room = budget;
      }
      const rows = Math.min(region.rows - start, Math.max(1, Math.floor(room / region.cols)));
      batches[batches.length - 1]!.push({ ...region, row: region.row + start, rows });
      room -= rows * region.cols;
      start += rows;
    }
  }
  return { batches, truncated: [...truncated] };
}

interface Probe {
  name: string;
  hidden: boolean;
  used: Excel.Range;
  window: Excel.Range;
  windowMerges: Excel.RangeAreas | null;
}

/**
 * Workbook → engine grid in a fixed number of syncs, however large the workbook: (1) the
 * sheet list; (2) each sheet's used extent and its first rows, to find the header with the
 * engine; (3) only the table sheets' rows below that window — one sync for any usual
 * table, at most MAX_TABLE_SYNCS for huge used ranges (see SYNC_CELL_BUDGET). A 10,000-row
 * sheet beside the table costs its first 61 rows and nothing more.
 */
export async function readWorkbookGrid(context: Excel.RequestContext, options: ReadOptions = {}): Promise<ReadResult> {
  const progress = options.onProgress ?? (() => {});
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };

  progress({ step: 1, of: 3, stage: "sheets" });
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name, items/visibility");
  await sync();
  const sheetNames = worksheets.items.map((ws) => ws.name);

  progress({ step: 2, of: 3, stage: "window" });
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
  const regions: TailRegion[] = [];
  const mergeAreas: { index: number; areas: Excel.RangeAreas }[] = [];
  const tableSheets: string[] = [];
  probes.forEach((p, index) => {
    if (!options.tableSheets?.includes(p.name) && !findHeader(sheets[index]!, options.year)) return;
    tableSheets.push(p.name);
    if (p.used.isNullObject) return;
    const lastRow = p.used.rowIndex + p.used.rowCount - 1;
    if (lastRow < WINDOW_ROWS) return;
    regions.push({ index, name: p.name, row: WINDOW_ROWS, col: p.used.columnIndex, rows: lastRow - WINDOW_ROWS + 1, cols: p.used.columnCount });
    if (options.merges) {
      const areas = p.used.getMergedAreasOrNullObject();
      areas.load("address"); // an address list: small, rides with the first table sync
      mergeAreas.push({ index, areas });
    }
  });

  const { batches, truncated } = planTableSlices(regions, options.cellBudget ?? SYNC_CELL_BUDGET, MAX_TABLE_SYNCS);
  for (const [i, batch] of batches.entries()) {
    progress({ step: 3 + i, of: 2 + batches.length, stage: "table" });
    const blocks = batch.map((slice) => {
      const block = context.workbook.worksheets.getItem(slice.name).getRange(blockAddress(slice.row, slice.col, slice.rows, slice.cols));
      block.load(BLOCK_PROPERTIES);
      return { index: slice.index, block };
    });
    await sync();
    for (const { index, block } of blocks) placeBlock(sheets[index]!.rows as (GridCell | null)[][], block as unknown as OfficeBlock);
  }
  for (const { index, areas } of mergeAreas) if (!areas.isNullObject) parseMergeAreas(areas.address, sheets[index]!.merges as Merge[]);
  return { grid: { sheets: sheets.map(trimSheet) }, tableSheets, sheetNames, truncated, syncs };
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
