/**
 * API round 6 (API6-7): a body sent with Content-Encoding was read as its coded bytes — gzipped
 * JSON was "not UTF-8", a gzipped survey CSV "saved as Unicode/UTF-16 — re-save it in Excel",
 * and `br` on a plain body was ignored. gzip and deflate are now decoded, the body limit
 * applying to the DECODED size (a small bomb does not expand unbounded); any other coding is
 * 415 UNSUPPORTED_MEDIA_TYPE naming it (RFC 9110 §15.5.16), never read as content.
 */
import { describe, expect, it } from "vitest";
import { count } from "./helpers.ts";
import { workerFetch } from "./observed-statuses.ts";

const bytes = (text: string) => new TextEncoder().encode(text);

async function encode(data: Uint8Array, format: "gzip" | "deflate"): Promise<Uint8Array> {
  const stream = new Blob([data]).stream().pipeThrough(new CompressionStream(format));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

const post = (path: string, body: Uint8Array, headers: Record<string, string>) =>
  workerFetch(`https://parindex.test${path}`, { method: "POST", body, headers: { Authorization: "Bearer demo-admin", "X-Test-Now": "2025-03-01T09:00:00+07:00", ...headers } });

const unit = (id: string) => bytes(JSON.stringify({ id, name: `Xã Nén ${id}`, type: "commune", parentId: "tinh-minh-hoa", validFrom: "2025-07-01" }));
const JSON_TYPE = { "Content-Type": "application/json" };

describe("a request body with Content-Encoding", () => {
  it.each([
    ["gzip", "gzip"],
    ["x-gzip", "gzip"],
    ["deflate", "deflate"],
    ["GZIP", "gzip"],
  ] as const)("decodes %s JSON and takes it as sent plain", async (coding, format) => {
    const id = `t-r6-gz-${coding === "GZIP" ? "capitals" : coding}`;
    const res = await post("/v1/units", await encode(unit(id), format), { ...JSON_TYPE, "Content-Encoding": coding });
    expect(res.status, await res.clone().text()).toBe(201);
    expect(((await res.json()) as { id: string }).id).toBe(id);
    expect(await count("units", "id = ?1", id)).toBe(1);
  });

  it("decodes a gzipped survey CSV: imported, not 'saved as UTF-16'", async () => {
    const csv = bytes("Đơn vị,Mã,Điểm\nxa-an-loc,7.1.1,4.5\n");
    const res = await post("/v1/periods/2024-commune/survey", await encode(csv, "gzip"), { "Content-Type": "text/csv", "Content-Encoding": "gzip" });
    const text = await res.text();
    expect(text).not.toContain("UTF-16");
    expect(res.status, text).toBe(201);
  });

  it.each(["br", "zstd", "compress", "gzip, br", "gzip, gzip", "bogus"])("refuses Content-Encoding %s with 415 naming it, creating nothing", async (coding) => {
    const id = `t-r6-enc-${coding.replace(/\W/g, "")}`;
    const res = await post("/v1/units", unit(id), { ...JSON_TYPE, "Content-Encoding": coding });
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect([res.status, body.error.code]).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    expect(body.error.message).toContain("Content-Encoding");
    expect(await count("units", "id = ?1", id)).toBe(0);
  });

  it("takes identity as no coding", async () => {
    const res = await post("/v1/units", unit("t-r6-enc-identity"), { ...JSON_TYPE, "Content-Encoding": "identity" });
    expect(res.status).toBe(201);
  });

  it("applies the body limit to the decoded size: a small gzip of several MiB is 413", async () => {
    const padding = " ".repeat(6 * 1024 * 1024);
    const bomb = await encode(bytes(`{"id":"t-r6-bomb","name":"x"${padding}}`), "gzip");
    expect(bomb.length).toBeLessThan(64 * 1024);
    const res = await post("/v1/units", bomb, { ...JSON_TYPE, "Content-Encoding": "gzip" });
    const body = (await res.json()) as { error: { code: string } };
    expect([res.status, body.error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
  });

  it("refuses a body that is not the coding it names with 400, not as content", async () => {
    const res = await post("/v1/units", unit("t-r6-enc-fake"), { ...JSON_TYPE, "Content-Encoding": "gzip" });
    const body = (await res.json()) as { error: { code: string; message: string; issues: unknown[] } };
    expect([res.status, body.error.code]).toEqual([400, "INVALID_CONTENT_ENCODING"]);
    expect(body.error.message).toContain("gzip");
    expect(await count("units", "id = 't-r6-enc-fake'")).toBe(0);
  });
});
