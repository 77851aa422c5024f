import { blockAddress } from "../cell-address.ts";
import type { SheetRows } from "../own-sheet.ts";

/**
 * JSON bytes of cell values sent per sync: Excel on the web refuses a request over 5 MB, and
 * the sync that writes the last rows also carries the formats, tables and charts.
 */
export const WRITE_BYTES_PER_SYNC = 2_000_000;

const encoder = new TextEncoder();
const rowBytes = (row: SheetRows[number]) => encoder.encode(JSON.stringify(row)).length;

/**
 * Write rows from A1: all at once while they fit WRITE_BYTES_PER_SYNC, else in slices,
 * each synced except the last (the caller's final sync carries it). Only outputs far larger
 * than a criteria set or a province's units give are sliced. Returns the syncs made.
 */
export async function writeRows(context: Excel.RequestContext, sheet: Excel.Worksheet, rows: SheetRows, bytesPerSync = WRITE_BYTES_PER_SYNC): Promise<number> {
  const width = rows[0]?.length ?? 0;
  if (width === 0) return 0;
  let syncs = 0;
  let start = 0;
  while (start < rows.length) {
    let end = start;
    let bytes = 0;
    while (end < rows.length && (end === start || bytes + rowBytes(rows[end]!) <= bytesPerSync)) bytes += rowBytes(rows[end++]!);
    sheet.getRange(blockAddress(start, 0, end - start, width)).values = rows.slice(start, end);
    if (end < rows.length) {
      await context.sync();
      syncs++;
    }
    start = end;
  }
  return syncs;
}
