import { blockAddress } from "../cell-address.ts";
import { officeErrorCode } from "../errors.ts";
import type { Merge } from "../../../shared/index.ts";
import { BLOCK_PROPERTIES, parseAreasCounted, type OfficeBlock } from "./office-cells.ts";
import { planBatches, tileRegion, type Region } from "./read-plan.ts";

/**
 * Merged areas are asked per tile of at most this many cells: an area covers two cells or
 * more and Excel reports it once, at its top-left cell (office-js#3611), so a tile never
 * holds more than 512 — the count above which getMergedAreasOrNullObject fails (d.ts).
 */
export const MERGE_TILE_CELLS = 1_024;

/** What a read may still spend, shared by its stages. */
export interface ReadBudget {
  /** Cells per sync; halved after Excel refused a response as too large. */
  cells: number;
  halvingsLeft: number;
  /** Ask for merged areas (ExcelApi 1.13); turned off for the rest of the read when Excel fails them. */
  merges: boolean;
  mergesFailed: boolean;
  /** A GeneralException was already taken for a response too large (office-js#1314): the next one is not. */
  generalTakenForSize: boolean;
}

export interface ReadBlock {
  region: Region;
  block: OfficeBlock;
  /** The merged areas starting in the region. */
  merges: Merge[];
}

interface Pending {
  region: Region;
  range: Excel.Range;
  merges: Excel.RangeAreas[];
}

/**
 * Load the regions' cells in batches of `budget.cells` (at most `maxBatches` syncs, more
 * only after a halving), with their merged areas. On ResponsePayloadSizeLimitExceeded the
 * batch and the rest are planned again at half the budget (twice the syncs for them). Excel
 * on the web has answered an oversized response with GeneralException instead
 * (office-js#1314), so the first GeneralException of a read is taken for one too (one of the
 * same halvings). On any other Office failure of a batch that asked for merges, it is read
 * again without merges.
 * So a read costs at most maxBatches × 2^halvings + halvings + 1 syncs, whatever the rows.
 */
export async function readRegions(
  sheetAt: (index: number) => Excel.Worksheet,
  regions: Region[],
  maxBatches: number,
  budget: ReadBudget,
  sync: () => Promise<void>,
  onBatch: (left: number) => void,
): Promise<{ blocks: ReadBlock[]; cut: string[] }> {
  let { batches, cut } = planBatches(regions, budget.cells, maxBatches);
  const blocks: ReadBlock[] = [];
  while (batches.length > 0) {
    onBatch(batches.length);
    const pending = batches[0]!.map((region) => request(sheetAt(region.index), region, budget.merges));
    try {
      await sync();
    } catch (e) {
      const code = officeErrorCode(e);
      const tooLarge = code === "ResponsePayloadSizeLimitExceeded" || (code === "GeneralException" && !budget.generalTakenForSize);
      if (tooLarge && budget.halvingsLeft > 0) {
        if (code === "GeneralException") budget.generalTakenForSize = true;
        budget.halvingsLeft--;
        budget.cells = Math.floor(budget.cells / 2);
        const again = planBatches(batches.flat(), budget.cells, batches.length * 2);
        batches = again.batches;
        cut = [...new Set([...cut, ...again.cut])];
        continue;
      }
      if (code !== null && code !== "ResponsePayloadSizeLimitExceeded" && pending.some((p) => p.merges.length > 0)) {
        budget.merges = false;
        budget.mergesFailed = true;
        continue;
      }
      throw e;
    }
    for (const p of pending) blocks.push({ region: p.region, block: p.range as unknown as OfficeBlock, merges: p.merges.flatMap((a) => mergedAreas(a, budget)) });
    batches.shift();
  }
  return { blocks, cut };
}

/**
 * A tile's merged areas. When its address does not hold `areaCount` areas (Excel cut it
 * short), none of them is trusted: the read goes on without merges, as when Excel fails
 * them, and says so.
 */
function mergedAreas(areas: Excel.RangeAreas, budget: ReadBudget): Merge[] {
  if (areas.isNullObject) return [];
  const parsed = parseAreasCounted(areas);
  if (parsed) return parsed;
  budget.merges = false;
  budget.mergesFailed = true;
  return [];
}

function request(sheet: Excel.Worksheet, region: Region, withMerges: boolean): Pending {
  const range = sheet.getRange(blockAddress(region.row, region.col, region.rows, region.cols));
  range.load(BLOCK_PROPERTIES);
  const merges = withMerges
    ? tileRegion(region, MERGE_TILE_CELLS).map((tile) => {
        const areas = sheet.getRange(blockAddress(tile.row, tile.col, tile.rows, tile.cols)).getMergedAreasOrNullObject();
        areas.load("address, areaCount");
        return areas;
      })
    : [];
  return { region, range, merges };
}
