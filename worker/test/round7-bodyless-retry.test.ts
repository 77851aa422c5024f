/**
 * API round 7 (API7-5): a body-less write retried with `{}` or a newline after a first call
 * without a body got 409 IDEMPOTENCY_KEY_REUSED (for a code: issuing again withdrew the first).
 */
import { describe, expect, it } from "vitest";
import { call, uniqueKey } from "./helpers.ts";

const JSON_TYPE = { "Content-Type": "application/json" };

describe("API7-5: a body-less write retried with {} or a newline is the same call", () => {
  it("replays the first answer", async () => {
    const key = uniqueKey("r7-empty");
    const path = "/v1/units/xa-an-phu-loc/activation-codes";
    const first = await call("POST", path, { as: "admin", headers: { "Idempotency-Key": key } });
    expect(first.status, first.text).toBe(201);
    for (const rawBody of ["{}", "\n", " { } "]) {
      const retry = await call("POST", path, { as: "admin", rawBody, headers: { ...JSON_TYPE, "Idempotency-Key": key } });
      expect([JSON.stringify(rawBody), retry.status, retry.text]).toEqual([JSON.stringify(rawBody), 201, first.text]);
    }
  });
});
