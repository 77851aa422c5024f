import { request } from "node:http";
import { createServer, type AddressInfo } from "node:net";
import { rm } from "node:fs/promises";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seededDatabase } from "./seeded-d1.ts";
import { freePort, startWorkerOnFreePort, type StartedWorker } from "./wrangler.ts";

/** One request over its own connection; `chunks` sent with Transfer-Encoding: chunked (no Content-Length), as `curl -T -` or a stream body does. */
function send(base: string, method: string, path: string, chunks: Buffer[] = [], headers: Record<string, string> = {}, timeoutMs = 10_000): Promise<number> {
  return new Promise((resolve) => {
    const req = request(`${base}${path}`, { method, headers, agent: false, timeout: timeoutMs }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("timeout", () => (req.destroy(), resolve(0)));
    req.on("error", () => resolve(-1));
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

/**
 * Contract tester CF3-1: a chunked body over the limit got its 413, and the next request to the
 * local Worker, from any client, hung (or got wrangler's plain-text 503): the size limit had
 * stopped reading the body half-way and answered, leaving the rest of the stream unread.
 */
describe("a streamed body over the limit under wrangler dev", () => {
  let persistTo = "";
  let base = "";
  let worker: StartedWorker["worker"] | undefined;
  const given: number[] = [];
  beforeAll(async () => {
    persistTo = await seededDatabase();
    // Its first port is one another process holds, as when a port found free is taken before
    // workerd binds it (a CI run lost a test so): wrangler says so and exits, and the Worker is
    // started again on another (startWorkerOnFreePort). The holder accepts and never answers.
    const holder = createServer();
    await new Promise<void>((resolve) => holder.listen(0, "127.0.0.1", resolve));
    const find = async (): Promise<number> => {
      const port = given.length === 0 ? (holder.address() as AddressInfo).port : await freePort();
      given.push(port);
      return port;
    };
    ({ worker, base } = await startWorkerOnFreePort({ persistTo }, 60_000, find).finally(() => holder.close()));
  }, 200_000);
  afterAll(async () => {
    worker?.kill("SIGINT");
    await rm(persistTo, { recursive: true, force: true });
  });

  it("was started on a second port when the first it was given was taken", () => {
    expect(given).toHaveLength(2);
    expect(base).toBe(`http://127.0.0.1:${given[1]}`);
  });

  it("answers 413 and leaves the Worker answering the requests that follow", async () => {
    const body = Buffer.from(JSON.stringify({ period: "2024-commune", items: [{ code: "1.3", self: 1, evidence: "x".repeat(3_000_000) }] }));
    const chunks = Array.from({ length: Math.ceil(body.length / 65_536) }, (_, i) => body.subarray(i * 65_536, (i + 1) * 65_536));
    const headers = { Authorization: "Bearer demo-unit", "Content-Type": "application/json", "Transfer-Encoding": "chunked" };
    for (let round = 0; round < 2; round++) {
      expect(await send(base, "POST", "/v1/submissions", chunks, headers)).toBe(413);
      expect([await send(base, "GET", "/health"), await send(base, "GET", "/health"), await send(base, "GET", "/v1/me", [], { Authorization: "Bearer demo-unit" })]).toEqual([200, 200, 200]);
    }
  }, 120_000);
});
