/**
 * The submission route's Idempotency-Key fingerprints after the hot path stopped computing its
 * legacy forms up front (idempotency.ts, "batched"): the record keeps the same current form,
 * records kept in either legacy form still replay, and another body is still 409.
 */
import { env } from "cloudflare:test";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../src/idempotency.ts";
import { COMMUNE_SET, call, count, fullItems, uniqueKey } from "./helpers.ts";

const EARLY_2025 = "2025-01-15T09:00:00+07:00";

async function sha256Hex(data: string): Promise<string> {
  return [...new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(data)))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** canonicalJson as first written (map and join): the form every stored fingerprint was made with. */
function canonicalJsonAsFirstWritten(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJsonAsFirstWritten).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const o = value as Record<string, unknown>;
    return `{${Object.keys(o)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJsonAsFirstWritten(o[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value);
}

describe("canonicalJson", () => {
  it("writes every JSON value as its first form did", () => {
    fc.assert(fc.property(fc.jsonValue(), (value) => canonicalJson(value) === canonicalJsonAsFirstWritten(value)), { numRuns: 500 });
  });

  it("writes what JSON cannot hold as its first form did (an array's undefined as nothing, a property's as undefined)", () => {
    const odd = [1, undefined, { a: undefined, b: [undefined] }, null];
    expect(canonicalJson(odd)).toBe(canonicalJsonAsFirstWritten(odd));
  });
});

describe("POST /v1/submissions with an Idempotency-Key", () => {
  const unit = "xa-an-loc";
  const raw = JSON.stringify({ unit, period: "2024-commune", items: fullItems(COMMUNE_SET) });
  const send = (key: string, rawBody = raw) =>
    call("POST", "/v1/submissions", { rawBody, at: EARLY_2025, headers: { "Content-Type": "application/json", "Idempotency-Key": key } });
  const meaning = () => sha256Hex(`json\n${canonicalJson(JSON.parse(raw))}`);
  const keep = (key: string, hash: string) => env.DB.prepare("UPDATE idempotency_keys SET request_hash = ?1 WHERE key = ?2").bind(hash, key).run();
  const versions = () => count("submissions", "unit_id = ?1 AND period_id = '2024-commune'", unit);

  it("keeps the current fingerprint: method, path, canonical query and the body's meaning", async () => {
    const key = uniqueKey("fp-current");
    expect((await send(key)).status).toBe(201);
    const row = await env.DB.prepare("SELECT request_hash FROM idempotency_keys WHERE key = ?1").bind(key).first<{ request_hash: string }>();
    expect(row?.request_hash).toBe(await sha256Hex(`POST /v1/submissions\nquery {}\n${await meaning()}`));
  });

  for (const [form, legacy] of [
    ["the raw body's hash", async () => sha256Hex(`POST /v1/submissions\n${await sha256Hex(raw)}`)],
    ["the canonical body's hash with the query as sent", async () => sha256Hex(`POST /v1/submissions\n${await meaning()}`)],
  ] as const) {
    it(`replays a record kept in a legacy form (${form}); another body is still 409`, async () => {
      const key = uniqueKey("fp-legacy");
      const first = await send(key);
      expect(first.status, first.text).toBe(201);
      const stored = await versions();
      await keep(key, await legacy());
      const again = await send(key);
      expect([again.status, again.text]).toEqual([201, first.text]);
      expect(await versions()).toBe(stored);
      const other = await send(key, JSON.stringify({ unit, period: "2024-commune", items: fullItems(COMMUNE_SET).slice(1) }));
      expect([other.status, other.body.error.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
      expect(await versions()).toBe(stored);
    });
  }
});
