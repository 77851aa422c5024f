import { createExecutionContext, env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call } from "../test/helpers.ts";
import { observe } from "../test/observed-statuses.ts";
import app from "./index.ts";

describe("GET /health", () => {
  it("answers without a token and checks the database", async () => {
    const res = await call("GET", "/health", { as: "none" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", database: "ok" });
  });

  it("answers 503 in the envelope when the database does not answer", async () => {
    const broken = { ...env, DB: { prepare: () => ({ first: () => Promise.reject(new Error("D1_ERROR: no such database")) }) } };
    const res = await app.fetch(new Request("https://parindex.test/health"), broken, createExecutionContext());
    observe("GET", "/health", res.status);
    expect([res.status, ((await res.json()) as { error: { code: string } }).error.code]).toEqual([503, "DATABASE_UNAVAILABLE"]);
  });

  it("answers unknown paths with the JSON envelope", async () => {
    const res = await call("GET", "/nope", { as: "none" });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
  });

  it.each([
    ["DELETE", "/v1/units/xa-an-phu", "GET, HEAD, OPTIONS"],
    ["PATCH", "/v1/units", "GET, HEAD, OPTIONS, POST"],
    ["GET", "/v1/units/merge", null], // GET /v1/units/{id} answers: 404 for a unit named "merge"
    ["POST", "/health", "GET, HEAD, OPTIONS"],
    ["DELETE", "/v1/periods/2024-commune/units/xa-an-phu/appraisal/items", "OPTIONS, PUT"],
    ["DELETE", "/v1/nope", null],
  ] as const)("answers %s %s with 405 and Allow where the path is known, else 404", async (method, path, allow) => {
    const res = await call(method, path, { as: "admin" });
    expect([res.status, res.body.error.code, res.headers.get("Allow")]).toEqual(allow ? [405, "METHOD_NOT_ALLOWED", allow] : [404, expect.stringMatching(/NOT_FOUND$/), null]);
  });

  it("answers / with the web checker where the add-in is built beside it, else with the envelope", async () => {
    const at = (e: object) => app.fetch(new Request("https://parindex.test/"), { ...env, ...e }, createExecutionContext());
    const bare = await at({});
    expect([bare.status, ((await bare.json()) as { error: { code: string } }).error.code]).toEqual([404, "NOT_FOUND"]);
    const page = new Response("<!doctype html><title>Kiểm tra</title>", { headers: { "content-type": "text/html" } });
    const built = await at({ ASSETS: { fetch: (u: URL) => (u.pathname === "/index.html" ? page : new Response(null, { status: 404 })) } });
    expect([built.status, await built.text()]).toEqual([200, "<!doctype html><title>Kiểm tra</title>"]);
  });
});

describe("every JSON answer says its charset (API-NOTES: application/json; charset=utf-8)", () => {
  it.each([
    ["200 from c.json", "GET", "/v1/units", {}, 200],
    ["the health check", "GET", "/health", { as: "none" }, 200],
    ["the OpenAPI document", "GET", "/openapi.json", { as: "none" }, 200],
    ["a 201 create", "POST", "/v1/units", { body: { id: "xa-charset", name: "Xã Bộ Mã", type: "commune", parentId: "tinh-minh-hoa", validFrom: "2025-07-01" } }, 201],
    ["400 VALIDATION_FAILED", "GET", "/v1/units?asOf=31/12/2024", {}, 400],
    ["400 INVALID_JSON", "POST", "/v1/units", { rawBody: "{", headers: { "Content-Type": "application/json" } }, 400],
    ["401 UNAUTHENTICATED", "GET", "/v1/units", { as: "none" }, 401],
    ["403 FORBIDDEN", "POST", "/v1/units", { as: "unit", body: {} }, 403],
    ["404 NOT_FOUND (no route)", "GET", "/nope", { as: "none" }, 404],
    ["404 from a route", "GET", "/v1/units/khong-co", {}, 404],
    ["415 UNSUPPORTED_MEDIA_TYPE", "POST", "/v1/units", { rawBody: "a=1", headers: { "Content-Type": "application/x-www-form-urlencoded" } }, 415],
  ] as const)("%s", async (_, method, path, opts, status) => {
    const res = await call(method, path, opts as never);
    expect([res.status, res.headers.get("Content-Type")]).toEqual([status, "application/json; charset=utf-8"]);
  });
});
