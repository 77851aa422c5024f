import { env, SELF } from "cloudflare:test";

/**
 * What the tests saw: each request's method, path and status, sent once per test file to
 * the STATUS_LOG binding (a function in the vitest process, worker/vitest.config.ts). The
 * api-contract project then compares them with the statuses /openapi.json documents
 * (worker/contract/statuses.test.ts). Every request a test makes goes through `observe`:
 * `call()` and `workerFetch()` below do it, the fuzzers call it themselves.
 */
const seen = new Set<string>();

export function observe(method: string, url: string, status: number): void {
  const { pathname } = new URL(url, "https://parindex.test");
  seen.add(JSON.stringify([method.toUpperCase(), pathname, status]));
}

/** SELF.fetch, observed. */
export async function workerFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const res = await SELF.fetch(url, init);
  observe(init.method ?? "GET", url, res.status);
  return res;
}

/** Called once per test file (setup file's afterAll). */
export async function flushObserved(file: string): Promise<void> {
  const statuses = [...seen].map((s) => JSON.parse(s) as [string, string, number]);
  seen.clear();
  await env.STATUS_LOG.fetch("https://status-log.test/", { method: "POST", body: JSON.stringify({ file, statuses }) });
}
