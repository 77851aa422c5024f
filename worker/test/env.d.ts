import type { D1Migration } from "cloudflare:test";
import type { Env } from "../src/env.ts";

declare global {
  namespace Cloudflare {
    interface Env extends Env_ {
      TEST_MIGRATIONS: D1Migration[];
      /** Where the tests report the statuses they saw (test/observed-statuses.ts). */
      STATUS_LOG: Fetcher;
      /** The golden cases the global setup prepared in Node (test/golden-cases-file.ts). */
      GOLDEN_CASES: Fetcher;
    }
  }
}
type Env_ = Env;
