/**
 * The real Worker as the browser tests run it (dev/real-worker.ts: wrangler's bundle in
 * Miniflare, on a seeded D1), over HTTP as a client meets it — here the bytes on the wire of a
 * gzipped ranking, which inside workerd are decoded before a test sees them
 * (worker/test/ranking-gzip.test.ts), and a stop and start that keep the data.
 */
import { request } from "node:http";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startRealWorker, type RealWorker } from "./real-worker.ts";

let worker: RealWorker;
beforeAll(async () => {
  worker = await startRealWorker();
}, 180_000);
afterAll(async () => {
  await worker?.close();
});

/** One GET with exactly these headers (fetch would add its own Accept-Encoding and decode): status, headers, raw bytes. */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = request(`${worker.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

const RANKING = "/v1/periods/2024-commune/ranking";
const ADMIN = { Authorization: "Bearer demo-admin" };

describe("the real Worker over HTTP", () => {
  it("sends the province's ranking gzipped once to a browser, and plain to a client that asks for no coding", async () => {
    const plain = await rawGet(RANKING, ADMIN);
    expect(plain.status).toBe(200);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    const json = plain.body.toString("utf8");
    expect(JSON.parse(json).items.length).toBeGreaterThan(0);

    const browser = await rawGet(RANKING, { ...ADMIN, "Accept-Encoding": "gzip, deflate, br, zstd" });
    expect(browser.status).toBe(200);
    expect(browser.headers["content-encoding"]).toBe("gzip");
    expect([browser.body[0], browser.body[1]]).toEqual([0x1f, 0x8b]);
    expect(browser.body.length).toBeLessThan(plain.body.length / 3);
    expect(gunzipSync(browser.body).toString("utf8")).toBe(json);
  });

  it("a client that prefers br gets the same JSON in br, not gzip bytes under another name", async () => {
    const plain = (await rawGet(RANKING, ADMIN)).body.toString("utf8");
    const br = await rawGet(RANKING, { ...ADMIN, "Accept-Encoding": "br, gzip" });
    expect(br.status).toBe(200);
    expect(br.headers["content-encoding"]).toBe("br");
    expect(brotliDecompressSync(br.body).toString("utf8")).toBe(plain);
  });

  it("stopped, refuses connections; started again, answers on the same address with the same data", async () => {
    const before = await rawGet(RANKING, ADMIN);
    await worker.stop();
    await expect(rawGet("/health", {})).rejects.toThrow(/ECONNREFUSED/);
    await worker.start();
    const after = await rawGet(RANKING, ADMIN);
    expect(after.status).toBe(200);
    expect(after.body.toString("utf8")).toBe(before.body.toString("utf8"));
    // each request it answered is said after the answer (Miniflare logs it through its loopback)
    await expect.poll(() => worker.log(), { timeout: 10_000 }).toMatch(/GET \/v1\/periods\/2024-commune\/ranking 200 OK/);
  });
});
