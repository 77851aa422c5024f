/**
 * API round 7 (API7-6): the OpenAPI document said nothing of Content-Encoding, and a body-less
 * call naming a coding with nothing to decode was refused with 415.
 */
import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";


describe("API7-6: Content-Encoding in the OpenAPI document", () => {
  it("lists INVALID_CONTENT_ENCODING on the 400 and a Content-Encoding on the 415", async () => {
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
    const op = doc.paths["/v1/submissions"].post;
    expect(op.responses["400"].description).toContain("INVALID_CONTENT_ENCODING");
    expect(op.responses["415"].description).toContain("Content-Encoding");
    expect(doc.info.description).toMatch(/Content-Encoding.*gzip.*deflate/);
  });

  it("a body-less call with a Content-Encoding and nothing to decode is the call", async () => {
    const res = await call("POST", "/v1/units/xa-an-phu-loc/activation-codes", { as: "admin", headers: { "Content-Encoding": "br" } });
    expect(res.status, res.text).toBe(201);
  });
});
