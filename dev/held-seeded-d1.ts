import { rm } from "node:fs/promises";
import { afterAll, beforeAll } from "vitest";
import { holdLocalD1 } from "./local-d1.ts";
import { seededDatabase } from "./seeded-d1.ts";

/**
 * A seeded local D1 of the calling describe block's own (seededDatabase), held open from its
 * beforeAll to its afterAll, then removed: the block's admin commands and reads share one
 * database start instead of opening wrangler's proxy and workerd each (~0.8 s of CPU a start;
 * issue 17, item 6). A block that starts the real Worker or `wrangler dev` on the database calls
 * `release` first, so that the Worker's workerd is its only one; a later release does nothing.
 * Registered hooks run before the block's own, so a block's beforeAll may use `persistTo`.
 */
export function heldSeededDatabase(): { readonly persistTo: string; readonly target: { persistTo: string }; release: () => Promise<void> } {
  let persistTo = "";
  let hold: ReturnType<typeof holdLocalD1> | undefined;
  beforeAll(async () => {
    persistTo = await seededDatabase();
    hold = holdLocalD1({ persistTo });
  }, 200_000); // the run's seeded template may still be in the making
  afterAll(async () => {
    await hold?.release();
    if (persistTo) await rm(persistTo, { recursive: true, force: true });
  });
  return {
    get persistTo() {
      return persistTo;
    },
    /** The database as querySql and the other local-D1 calls name it. */
    get target() {
      return { persistTo };
    },
    release: async () => {
      await hold?.release();
    },
  };
}
