/**
 * `node --import tsx dev/prepare-database.ts DIR`: npm start's migrations and seed into a local
 * D1 at DIR (wrangler's --persist-to), in a process of its own. The run's seeded template is
 * prepared so (dev/seeded-d1.ts): Miniflare's D1 proxy answers property reads synchronously
 * (Atomics.wait), and in vitest's own process the preparation held vitest's thread for most
 * of its ~5 s, the thread that starts the first test files and serves them their modules.
 */
import { prepareDatabase } from "./start.ts";

const persistTo = process.argv[2];
if (!persistTo) {
  console.error("usage: node --import tsx dev/prepare-database.ts DIR");
  process.exit(2);
}
await prepareDatabase({ persistTo });
