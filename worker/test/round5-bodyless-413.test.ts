/**
 * API round 5 (API5-10): the body limit is global, so a POST without a body of its own
 * (issueActivationCode, acceptUnchangedItems …) answers an oversized body 413 — which its
 * OpenAPI operation did not list. Every write operation now documents 413; this sends each
 * body-less one an oversized body, so the api-contract project sees the status observed.
 */
import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";

describe("body-less write operations", () => {
  it("document 413 and answer an oversized body with it, in the envelope", async () => {
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
    const bodyless = Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
      Object.entries(ops)
        .filter(([method, op]) => ["post", "put", "patch"].includes(method) && !op.requestBody)
        .map(([method, op]) => ({ method: method.toUpperCase(), path, op })),
    );
    expect(bodyless.map((o) => o.op.operationId)).toEqual(expect.arrayContaining(["issueActivationCode", "acceptUnchangedItems"]));
    for (const { method, path, op } of bodyless) {
      expect([op.operationId, Object.keys(op.responses)]).toEqual([op.operationId, expect.arrayContaining(["413"])]);
      const url = path.replace(/\{([^}]+)\}/g, "x");
      const res = await call(method, url, { as: "admin", rawBody: JSON.stringify({ pad: "x".repeat(600 * 1024) }), headers: { "Content-Type": "application/json" } });
      expect([op.operationId, res.status, res.body?.error?.code]).toEqual([op.operationId, 413, "PAYLOAD_TOO_LARGE"]);
    }
  });
});
