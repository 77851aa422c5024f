/**
 * API round 6 (API6-3): a retry whose query lists the same parameters in another order, or
 * spells out a default, got 409 "used with a different body" — the fingerprint hashed the query
 * string verbatim, although many clients build it from a map and a retry layer may rebuild the
 * URL. The query is now compared as the route reads it (parsed by its schema, defaults
 * applied, keys sorted), as the body is compared canonically; a real difference is still 409,
 * and its message says the request (body, URL or query) differs, not only "the body".
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "../src/idempotency.ts";
import { sha256Hex } from "../src/sha256.ts";
import { call, uniqueKey } from "./helpers.ts";

const BODY = { units: ["xa-an-phu-loc"] };
const codes = (query: string, key: string) => call("POST", `/v1/activation-codes${query}`, { body: BODY, headers: { "Idempotency-Key": key } });
const unitCode = (query: string, key: string) => call("POST", `/v1/units/xa-an-phu-loc/activation-codes${query}`, { headers: { "Idempotency-Key": key } });

describe("Idempotency-Key and the query string", () => {
  it("replays a retry listing the parameters in another order", async () => {
    const key = uniqueKey("q-order");
    const first = await codes("?days=3&format=json", key);
    expect(first.status, first.text).toBe(201);
    for (const query of ["?format=json&days=3", "?days=03&format=json", "?days=3"]) {
      const again = await codes(query, key);
      expect([query, again.status, again.text]).toEqual([query, 201, first.text]);
    }
  });

  it("replays a retry that spells out a default, or leaves it out", async () => {
    const key = uniqueKey("q-default");
    const first = await unitCode("", key);
    expect(first.status, first.text).toBe(201);
    const again = await unitCode("?days=14", key);
    expect([again.status, again.text]).toEqual([201, first.text]);
    const key2 = uniqueKey("q-default2");
    const spelled = await codes("?days=14&format=json", key2);
    expect(spelled.status, spelled.text).toBe(201);
    expect((await codes("", key2)).text).toBe(spelled.text);
  });

  it("still refuses another value with 409, saying the URL or query may be what differs", async () => {
    const key = uniqueKey("q-other");
    expect((await unitCode("?days=3", key)).status).toBe(201);
    const res = await unitCode("?days=4", key);
    expect([res.status, res.body.error?.code], res.text).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
    expect(res.body.error.message).toMatch(/query/);
    expect(res.body.error.message).not.toMatch(/different body$/);
  });

  it("still replays a record kept before (the query as sent, the body canonical)", async () => {
    const key = uniqueKey("q-before");
    const first = await codes("?days=3&format=json", key);
    expect(first.status, first.text).toBe(201);
    const before = await sha256Hex(`POST /v1/activation-codes?days=3&format=json\n${await sha256Hex(`json\n${canonicalJson(BODY)}`)}`);
    const kept = await env.DB.prepare("UPDATE idempotency_keys SET request_hash = ?1 WHERE key = ?2").bind(before, key).run();
    expect(kept.meta.changes).toBe(1);
    const again = await codes("?days=3&format=json", key);
    expect([again.status, again.text]).toEqual([201, first.text]);
  });
});
