/**
 * How a read is cut into syncs (pure). A region is a rectangle of one sheet, 0-based; a
 * batch is what one sync loads. Excel on the web refuses a response over 5 MB, and every
 * range loaded before a sync travels in that one response, so a batch holds at most
 * `budget` cells however the regions are sliced.
 */
export interface Region {
  /** Position of the sheet in the read (not in the workbook). */
  index: number;
  name: string;
  row: number;
  col: number;
  rows: number;
  cols: number;
}

/** Rectangles of at most `maxCells` cells covering the region: row bands, or pieces of rows wider than that. */
export function tileRegion(region: Region, maxCells: number): Region[] {
  const tiles: Region[] = [];
  if (region.cols <= maxCells) {
    const band = Math.max(1, Math.floor(maxCells / region.cols));
    for (let r = 0; r < region.rows; r += band) tiles.push({ ...region, row: region.row + r, rows: Math.min(band, region.rows - r) });
    return tiles;
  }
  for (let r = 0; r < region.rows; r++) {
    for (let c = 0; c < region.cols; c += maxCells) tiles.push({ ...region, row: region.row + r, rows: 1, col: region.col + c, cols: Math.min(maxCells, region.cols - c) });
  }
  return tiles;
}

/**
 * Regions → at most `maxBatches` batches of at most `budget` cells, in order, each batch
 * filled before the next starts (a region may be split across two). Regions that do not
 * fit in `maxBatches` are cut where the room ends and named in `cut`.
 */
export function planBatches(regions: Region[], budget: number, maxBatches: number): { batches: Region[][]; cut: string[] } {
  const batches: Region[][] = [];
  const cut = new Set<string>();
  let room = 0;
  for (const region of regions.flatMap((r) => (r.cols > budget ? tileRegion(r, budget) : [r]))) {
    let start = 0;
    while (start < region.rows) {
      if (room < region.cols) {
        if (batches.length === maxBatches) {
          cut.add(region.name);
          break;
        }
        batches.push([]);
        room = budget;
      }
      const rows = Math.min(region.rows - start, Math.floor(room / region.cols));
      batches[batches.length - 1]!.push({ ...region, row: region.row + start, rows });
      room -= rows * region.cols;
      start += rows;
    }
  }
  return { batches, cut: [...cut] };
}
