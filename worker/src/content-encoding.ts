import type { Context, MiddlewareHandler } from "hono";
import { tooLargeMessage } from "./body-size.ts";
import type { AppEnv } from "./env.ts";
import { ApiError, errorResponse, quote } from "./errors.ts";

/** The codings decoded, by their HTTP names (RFC 9110 §8.4.1; x-gzip is gzip), as DecompressionStream names them. */
const DECODED: Record<string, "gzip" | "deflate"> = { gzip: "gzip", "x-gzip": "gzip", deflate: "deflate" };

/**
 * A request body sent with Content-Encoding (API6-7): client libraries compress large bodies,
 * and the coded bytes had been read as the content ("not UTF-8", a survey "saved as UTF-16").
 * gzip and deflate are decoded, counting the DECODED bytes against the body limit so a small
 * bomb stops at `maxBytes` instead of expanding; any other coding, or more than one, is 415
 * (RFC 9110 §15.5.16), never read as content. Bytes that are not the coding they name → 400.
 */
export function decodedBody(maxBytes: (c: Context<AppEnv>) => number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const header = c.req.header("Content-Encoding");
    const codings = (header ?? "").split(",").map((s) => s.trim().toLowerCase()).filter((s) => s && s !== "identity");
    if (codings.length === 0 || !["POST", "PUT", "PATCH"].includes(c.req.method)) return next();
    // Nothing to decode (a body-less write sent by a client that names a coding on every request): the call as it is (API7-6).
    if (!c.req.raw.body || c.req.header("Content-Length") === "0") return next();
    const format = codings.length === 1 ? DECODED[codings[0]!] : undefined;
    if (!format) {
      const named = quote(header ?? "");
      throw new ApiError(
        415,
        "UNSUPPORTED_MEDIA_TYPE",
        `Không nhận nội dung nén Content-Encoding: ${named}; gửi không nén, hoặc nén gzip hay deflate / Content-Encoding ${named} is not accepted: send the body uncompressed, or gzip or deflate`,
      );
    }
    const limit = maxBytes(c);
    const decoded = await decode(c.req.raw.body, format, limit);
    if (decoded === "too large") return errorResponse(c, 413, "PAYLOAD_TOO_LARGE", tooLargeMessage(c, limit, true));
    if (decoded === "corrupt") {
      throw new ApiError(400, "INVALID_CONTENT_ENCODING", `Nội dung không phải dữ liệu nén ${codings[0]} hợp lệ / the body is not valid ${codings[0]} data`, [
        { path: "", message: `not ${codings[0]} data` },
      ]);
    }
    const headers = new Headers(c.req.raw.headers);
    headers.delete("Content-Encoding");
    headers.set("Content-Length", String(decoded.byteLength));
    c.req.raw = new Request(c.req.raw, { body: decoded, headers });
    await next();
  };
}

/** The decoded bytes, read chunk by chunk and stopped past `limit`. */
async function decode(body: ReadableStream<Uint8Array> | null, format: "gzip" | "deflate", limit: number): Promise<Uint8Array | "too large" | "corrupt"> {
  if (!body) return new Uint8Array();
  const reader = body.pipeThrough(new DecompressionStream(format)).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return "too large";
      }
      chunks.push(value);
    }
  } catch {
    return "corrupt";
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) (out.set(chunk, at), (at += chunk.byteLength));
  return out;
}

/**
 * Whether an answer already gzipped goes out so: the coding Cloudflare's front line chooses for
 * the client (as Miniflare's entry worker, which runs in front of the Worker under wrangler dev,
 * chooses it) is gzip — the first of gzip, br and identity by weight and then order, weight
 * above 0 — "gzip, deflate, br, zstd" (Chrome, Edge's WebView2 in Excel), "deflate, gzip, br"
 * (curl). Where it would choose br or no coding, a gzipped answer is relabelled or unlabelled
 * there, not recoded: such a client gets the JSON as it is, and the front line codes it.
 */
export function gzipChosen(header: string | undefined): boolean {
  const codings = (header ?? "")
    .split(",")
    .map((part) => ACCEPT_ENCODING_ELEMENT.exec(part.trim())?.groups)
    .filter((g) => g !== undefined)
    .map((g) => ({ coding: g.coding!, weight: g.weight === undefined ? 1 : Number.parseFloat(g.weight) }))
    .sort((a, b) => b.weight - a.weight);
  for (const { coding, weight } of codings) {
    if (weight === 0) continue;
    if (coding === "gzip") return true;
    if (coding === "br" || coding === "identity") return false;
  }
  return false;
}

/** One element of Accept-Encoding as the front line reads it (Miniflare's entry worker, parseAcceptEncoding). */
const ACCEPT_ENCODING_ELEMENT = /^(?<coding>[a-z]+|\*)(?:\s*;\s*q=(?<weight>\d+(?:.\d+)?))?$/;
