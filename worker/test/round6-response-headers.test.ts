/**
 * API round 6 (API6-4): the response headers a client needs. The document declared none
 * (Retry-After of a 429, the exports' Content-Disposition, Allow of a 405); a page on the
 * allowed origin could read neither Retry-After nor a file name (only Content-Length was
 * exposed); a 401 had no WWW-Authenticate (RFC 6750 §3); the ranking, chosen by Accept, did
 * not vary on it; and the answers carrying a token or codes could be stored by a cache.
 */
import { describe, expect, it } from "vitest";
import { IssuedCodeSchema } from "../../shared/index.ts";
import { call } from "./helpers.ts";

const ORIGIN = { Origin: "https://localhost:3000" };

describe("CORS: what a page on the allowed origin may read", () => {
  it("exposes Retry-After and Content-Disposition besides Content-Length", async () => {
    const res = await call("GET", "/v1/periods/2024-commune/ranking?format=csv", { headers: ORIGIN });
    const exposed = (res.headers.get("Access-Control-Expose-Headers") ?? "").split(",").map((h) => h.trim().toLowerCase());
    expect(exposed).toEqual(expect.arrayContaining(["content-length", "retry-after", "content-disposition"]));
  });
});

describe("401 and WWW-Authenticate", () => {
  it("names the scheme and realm without a token, and invalid_token for an unknown one", async () => {
    const none = await call("GET", "/v1/me", { as: "none" });
    expect([none.status, none.headers.get("WWW-Authenticate")]).toEqual([401, 'Bearer realm="parindex"']);
    const bogus = await call("GET", "/v1/periods", { as: "bogus" });
    expect([bogus.status, bogus.headers.get("WWW-Authenticate")]).toEqual([401, 'Bearer realm="parindex", error="invalid_token"']);
  });
});

describe("the ranking varies on Accept", () => {
  it.each(["application/json", "text/csv"])("says Vary: Accept (and Origin) for %s", async (accept) => {
    const res = await call("GET", "/v1/periods/2024-commune/ranking", { headers: { ...ORIGIN, Accept: accept } });
    expect(res.status, res.text).toBe(200);
    const vary = (res.headers.get("Vary") ?? "").split(",").map((h) => h.trim().toLowerCase());
    expect(vary).toEqual(expect.arrayContaining(["accept", "origin"]));
  });
});

describe("answers carrying a token or codes are not stored", () => {
  it("sends Cache-Control: no-store with codes and with the token a redeem gives", async () => {
    const issued = await call("POST", "/v1/units/xa-an-phu-loc/activation-codes", {});
    expect([issued.status, issued.headers.get("Cache-Control")]).toEqual([201, "no-store"]);
    const sheet = await call("POST", "/v1/activation-codes?format=csv", { body: { units: ["xa-an-phu-loc"] } });
    expect([sheet.status, sheet.headers.get("Cache-Control")]).toEqual([201, "no-store"]);
    const code = IssuedCodeSchema.parse(issued.body).code;
    // The sheet withdrew that code: issue once more and redeem it.
    const again = IssuedCodeSchema.parse((await call("POST", "/v1/units/xa-an-phu-loc/activation-codes", {})).body).code;
    expect(again).not.toBe(code);
    const redeemed = await call("POST", "/v1/activate", { as: "none", body: { code: again }, headers: { "CF-Connecting-IP": "198.51.100.240" } });
    expect([redeemed.status, redeemed.headers.get("Cache-Control")]).toEqual([201, "no-store"]);
  });
});

describe("the OpenAPI document declares the headers", () => {
  it("Retry-After on 429, WWW-Authenticate on a bearer route's 401, Content-Disposition on files, Cache-Control on secrets, Allow on 405", async () => {
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
    const activate = doc.paths["/v1/activate"].post.responses;
    expect(Object.keys(activate["429"].headers ?? {})).toContain("Retry-After");
    expect(Object.keys(activate["201"].headers ?? {})).toContain("Cache-Control");
    expect(activate["401"].headers?.["WWW-Authenticate"]).toBeUndefined();
    const ranking = doc.paths["/v1/periods/{id}/ranking"].get.responses;
    expect(Object.keys(ranking["200"].headers ?? {})).toEqual(expect.arrayContaining(["Content-Disposition", "Vary"]));
    expect(Object.keys(ranking["401"].headers ?? {})).toContain("WWW-Authenticate");
    const sheet = doc.paths["/v1/activation-codes"].post.responses["201"];
    expect(Object.keys(sheet.headers ?? {})).toEqual(expect.arrayContaining(["Content-Disposition", "Cache-Control"]));
    expect(Object.keys(doc.paths["/v1/periods"].get.responses["200"].headers ?? {})).not.toContain("Content-Disposition");
    expect(Object.keys(doc.components.responses?.MethodNotAllowed?.headers ?? {})).toContain("Allow");
  });

  it("405 carries Allow as declared", async () => {
    const res = await call("DELETE", "/v1/units", {});
    expect(res.status).toBe(405);
    expect(res.headers.get("Allow")).toMatch(/GET/);
  });
});
