// Run on install (package.json "postinstall"): fixes a quadratic slowdown in the tests' pool.
//
// @cloudflare/vitest-pool-workers 0.15.1 (the last line for wrangler 4.86, the last that runs
// on Node 20: ../shared/TOOLCHAIN.md) wraps its entrypoint class's prototype in one more Proxy
// on every construction (createProxyPrototypeClass), i.e. on every SELF.fetch: after N requests
// in one isolate a property read runs N nested traps. The Worker suite reuses its isolates
// across files (worker/vitest.config.ts, isolate: false), so GET /health took 4 ms at the
// suite's start and 335 ms by its end, and the suite ran 555 s on one core. Upstream fixed it
// (cloudflare/workers-sdk#15092, #15106: install the proxy once) in versions that need Node 22.
// This applies the same fix to the installed file, once; it changes nothing when the pattern
// is absent (another version) and says so.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const file = fileURLToPath(new URL("../node_modules/@cloudflare/vitest-pool-workers/dist/worker/lib/cloudflare/test-internal.mjs", import.meta.url));
const BROKEN = "\tfunction Class(...args) {\n\t\tClass.prototype = new Proxy(Class.prototype, {";
const FIXED = "\tlet proxied = false; // parindex: one proxy per class (workers-sdk#15106)\n\tfunction Class(...args) {\n\t\tif (!proxied && (proxied = true)) Class.prototype = new Proxy(Class.prototype, {";
export const PATCH_MARK = "parindex: one proxy per class";

if (!existsSync(file)) {
  console.log("patch-vitest-pool-workers: the pool is not installed; nothing to patch");
} else {
  const source = readFileSync(file, "utf8");
  if (source.includes(PATCH_MARK)) {
    // already patched
  } else if (source.includes(BROKEN)) {
    writeFileSync(file, source.replace(BROKEN, FIXED));
    console.log("patch-vitest-pool-workers: entrypoint prototype proxied once (workers-sdk#15106)");
  } else {
    console.log("patch-vitest-pool-workers: pattern not found (another version?): left as it is");
  }
}
