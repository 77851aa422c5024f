import { HEADER_WINDOW_ROWS, isDateFormat, type Grid, type GridCell, type GridSheet, type Merge } from "../../../shared/index.ts";
import { carriesOwnMarker, holdsProof, markerAndNonce, type OwnSheetRecord } from "../sheet-ownership.ts";
import { officeErrorCode } from "../errors.ts";
import { askDateSystem, type DateSystem } from "./date-system.ts";
import { addMergeAreas, hiddenOutside, parseAreasCounted, placeBlock, trimSheet } from "./office-cells.ts";
import type { Region } from "./read-plan.ts";
import { readRegions, type ReadBlock, type ReadBudget } from "./read-regions.ts";

/** Rows read on every sheet to find the header: the engine's window plus the second header row. */
export const WINDOW_ROWS = HEADER_WINDOW_ROWS + 1;

/**
 * Excel on the web caps each response at 5 MB. The four properties loaded cost ~25 bytes
 * for an empty cell and ~50 on average on criteria sheets, so 30,000 cells (~1.5 MB) leave
 * room for long evidence texts; a sheet of long texts that still goes over is read again
 * at half the budget (at most MAX_HALVINGS times).
 */
export const SYNC_CELL_BUDGET = 30_000;
export const MAX_HALVINGS = 2;
/**
 * The syncs each stage may take at the first budget: the header windows of all sheets (61
 * rows × used columns: 240,000 cells is ~190 sheets of 20 columns), then the table sheets'
 * rows below them (120,000 cells; the largest criteria set needs under 10,000, so only used
 * ranges stretched by stray cells far below the table are cut, and listed in `truncated`).
 */
export const MAX_WINDOW_SYNCS = 8;
export const MAX_TABLE_SYNCS = 4;
/** Sheet list + used extents + windows + table rows + the table sheets' hidden rows and columns, when Excel refuses nothing. */
export const MAX_SYNCS = 3 + MAX_WINDOW_SYNCS + MAX_TABLE_SYNCS;

export interface ReadProgress {
  step: number;
  of: number;
  stage: "sheets" | "window" | "table";
}

export interface ReadOptions {
  onProgress?: ((p: ReadProgress) => void) | undefined;
  /** Read merged areas (ExcelApi 1.13); without them two-row headers may be missed. */
  merges?: boolean | undefined;
  /**
   * Read which rows and columns of the table sheets are hidden (ExcelApi 1.9), in one more
   * sync: the engine prefers a visible row, column or header to a hidden one (visibility.ts).
   */
  visibility?: boolean | undefined;
  /** Sheets to read in full, judged from their first WINDOW_ROWS rows (host.ts GridReadOptions). */
  readsInFull: (window: GridSheet) => boolean;
  /** Sheets to read in full whatever their first rows show (the user confirmed their header). */
  tableSheets?: string[] | undefined;
  /**
   * The add-in's records of its own sheets (sheet-ownership.ts): a sheet under a recorded id is
   * left out once row 1 at the record's marker proves it (holdsProof, read in the sync of the
   * used extents); a user's sheet Excel gave that id again is read like any other. Records
   * written before markers were recorded: by id alone.
   */
  ownSheets?: readonly OwnSheetRecord[] | undefined;
  /** Cells per sync (tests use smaller budgets). */
  cellBudget?: number | undefined;
}

export interface ReadResult {
  grid: Grid;
  /** Sheets holding a criteria header (read in full); other sheets hold only their window. */
  tableSheets: string[];
  /** Table sheets whose rows past the read bound were not read. */
  truncated: string[];
  /** Sheets whose header window was not read whole (more sheets than the window bound holds). */
  unread: string[];
  /** Excel failed to give the merged areas: read without them. */
  mergesUnread: boolean;
  /** Excel failed to say which rows and columns are hidden: read as if none were. */
  visibilityUnread: boolean;
  /** The workbook's date system, asked in the first sync; a 1904 workbook's dates are moved into the 1900 system. */
  dateSystem: DateSystem;
  /** Dates were read while the date system was unknown (a 1904 workbook's would be four years and a day early). */
  dateSystemUnknown: boolean;
  syncs: number;
}

interface Candidate {
  sheet: Excel.Worksheet;
  name: string;
  hidden: boolean;
  used: Excel.Range;
}

/**
 * Workbook → engine grid in a bounded number of syncs, whatever its size: (1) the sheet
 * list, and the workbook's date system (date-system.ts); (2) each sheet's used extent (values only); (3) each sheet's first WINDOW_ROWS rows,
 * packed by cell count, to find the header with the engine; (4) only the table sheets'
 * rows below that window; (5) from ExcelApi 1.9, which of the table sheets' rows and
 * columns are hidden. A 10,000-row sheet beside the table costs its first 61 rows and
 * nothing more. Merged areas come with the cells they start in, per small tile.
 */
export async function readWorkbookGrid(context: Excel.RequestContext, options: ReadOptions): Promise<ReadResult> {
  const progress = options.onProgress ?? (() => {});
  let syncs = 0;
  const sync = async () => {
    syncs++;
    await context.sync();
  };
  const budget: ReadBudget = { cells: options.cellBudget ?? SYNC_CELL_BUDGET, halvingsLeft: MAX_HALVINGS, merges: options.merges ?? false, mergesFailed: false, generalTakenForSize: false };

  progress({ step: 1, of: 4, stage: "sheets" });
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/id, items/name, items/visibility");
  const dateSystemAnswer = askDateSystem(context);
  await sync();
  const dateSystem = dateSystemAnswer();
  const date1904 = dateSystem === "1904";

  progress({ step: 2, of: 4, stage: "sheets" });
  const own = new Map((options.ownSheets ?? []).map((r) => [r.id, r]));
  const read: (Candidate & { proof: Excel.Range | null; record: OwnSheetRecord | undefined })[] = worksheets.items
    .filter((ws) => !(own.has(ws.id) && own.get(ws.id)!.marker === undefined))
    .map((ws) => {
      const used = ws.getUsedRangeOrNullObject(true);
      used.load("rowIndex, columnIndex, rowCount, columnCount");
      const record = own.get(ws.id);
      const proof = record?.marker ? ws.getRange(markerAndNonce(record.marker)).load("values") : null;
      return { sheet: ws, name: ws.name, hidden: ws.visibility !== "Visible", used, proof, record };
    });
  await sync();
  const candidates: Candidate[] = read.filter((c) => !(c.proof && c.record && holdsProof(c.proof.values[0] ?? [], c.record)));

  const confirmed = (c: Candidate) => options.tableSheets?.includes(c.name) ?? false;
  const order = candidates.map((c, index) => ({ c, index })).sort((a, b) => Number(confirmed(b.c)) - Number(confirmed(a.c)));
  const windows = order.flatMap(({ c, index }): Region[] => {
    if (c.used.isNullObject || c.used.rowIndex >= WINDOW_ROWS) return [];
    return [{ index, name: c.name, row: c.used.rowIndex, col: c.used.columnIndex, rows: Math.min(c.used.rowCount, WINDOW_ROWS - c.used.rowIndex), cols: c.used.columnCount }];
  });
  const sheetAt = (index: number) => candidates[index]!.sheet;
  const windowRead = await readRegions(sheetAt, windows, MAX_WINDOW_SYNCS, budget, sync, (left) => progress({ step: syncs + 1, of: syncs + left + 1, stage: "window" }));
  const sheets = candidates.map((c): GridSheet => ({ name: c.name, rows: [], merges: [], ...(c.hidden ? { hidden: true } : {}) }));
  place(sheets, windowRead.blocks, date1904);

  const tableSheets: string[] = [];
  const tails: Region[] = [];
  candidates.forEach((c, index) => {
    const window = sheets[index]!;
    if (carriesOwnMarker(window) || (!confirmed(c) && !options.readsInFull(window))) return;
    tableSheets.push(c.name);
    if (c.used.isNullObject) return;
    const first = Math.max(WINDOW_ROWS, c.used.rowIndex);
    const last = c.used.rowIndex + c.used.rowCount - 1;
    if (last >= first) tails.push({ index, name: c.name, row: first, col: c.used.columnIndex, rows: last - first + 1, cols: c.used.columnCount });
  });
  const tableRead = await readRegions(sheetAt, tails, MAX_TABLE_SYNCS, budget, sync, (left) => progress({ step: syncs + 1, of: syncs + left, stage: "table" }));
  place(sheets, tableRead.blocks, date1904);

  const shown = candidates.flatMap((c, index) => (options.visibility && tableSheets.includes(c.name) && !c.used.isNullObject ? [{ c, index }] : []));
  const visibilityUnread = !(await readVisibility(shown, sheets, sync));
  const evidence = sheets.filter((s) => !carriesOwnMarker(s));
  const dateSystemUnknown = dateSystem === "unknown" && evidence.some(holdsDate);
  return { grid: { sheets: evidence.map(trimSheet) }, tableSheets, truncated: tableRead.cut, unread: windowRead.cut, mergesUnread: budget.mergesFailed, visibilityUnread, dateSystem, dateSystemUnknown, syncs };
}

/**
 * The hidden rows and columns of each table sheet's used range, in one sync: the visible
 * cells as areas (Range.getSpecialCellsOrNullObject("Visible"), ExcelApi 1.9), whatever is
 * outside them hidden. False when Excel refused them, or an address did not hold the
 * `areaCount` areas Excel counted (cut short: a missing visible area would make visible rows
 * look hidden); such a sheet is then read as if none were hidden.
 */
async function readVisibility(shown: { c: Candidate; index: number }[], sheets: GridSheet[], sync: () => Promise<void>): Promise<boolean> {
  if (shown.length === 0) return true;
  const asked = shown.map(({ c, index }) => {
    const visible = c.used.getSpecialCellsOrNullObject("Visible");
    visible.load("address, areaCount");
    return { used: c.used, index, visible };
  });
  try {
    await sync();
  } catch (e) {
    if (officeErrorCode(e) === null) throw e;
    return false;
  }
  let whole = true;
  for (const { used, index, visible } of asked) {
    const areas = visible.isNullObject ? null : parseAreasCounted(visible);
    if (!visible.isNullObject && areas === null) {
      whole = false;
      continue;
    }
    const { rows, columns } = hiddenOutside(areas, used);
    const sheet = sheets[index]!;
    if (rows.length) sheet.hiddenRows = rows;
    if (columns.length) sheet.hiddenColumns = columns;
  }
  return whole;
}

/** A date-formatted number anywhere on the sheet: what the date system decides. */
const holdsDate = (sheet: GridSheet): boolean => sheet.rows.some((row) => row.some((cell) => typeof cell?.v === "number" && isDateFormat(cell.z)));

function place(sheets: GridSheet[], blocks: ReadBlock[], date1904: boolean): void {
  for (const { region, block, merges } of blocks) {
    const sheet = sheets[region.index]!;
    placeBlock(sheet.rows as (GridCell | null)[][], block, date1904);
    addMergeAreas(merges, sheet.merges as Merge[]);
  }
}
