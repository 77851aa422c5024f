import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs run by npm on install, without types
import { PATCH_MARK } from "./patch-vitest-pool-workers.mjs";

/**
 * The Worker suite runs test file after test file in one isolate; the installed pool must
 * carry the one-proxy fix (dev/patch-vitest-pool-workers.mjs, run by npm on install), or each
 * SELF.fetch grows the next one's cost and the suite takes minutes instead of seconds.
 */
describe("the installed vitest-pool-workers", () => {
  it("proxies its entrypoint prototype once per class, not once per request", () => {
    const source = readFileSync("node_modules/@cloudflare/vitest-pool-workers/dist/worker/lib/cloudflare/test-internal.mjs", "utf8");
    const body = source.slice(source.indexOf("function createProxyPrototypeClass"), source.indexOf("Reflect.setPrototypeOf(Class, superClass)"));
    expect(body).toContain(PATCH_MARK);
    expect(body).toMatch(/if \(!proxied && \(proxied = true\)\) Class\.prototype = new Proxy\(Class\.prototype/);
  });
});
