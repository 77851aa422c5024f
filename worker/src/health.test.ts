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

  it("answers / with the web checker where the add-in is built beside it, else with the envelope", async () => {
    const at = (e: object) => app.fetch(new Request("https://parindex.test/"), { ...env, ...e }, createExecutionContext());
    const bare = await at({});
    expect([bare.status, ((await bare.json()) as { error: { code: string } }).error.code]).toEqual([404, "NOT_FOUND"]);
    const page = new Response("<!doctype html><title>Kiểm tra</title>", { headers: { "content-type": "text/html" } });
    const built = await at({ ASSETS: { fetch: (u: URL) => (u.pathname === "/index.html" ? page : new Response(null, { status: 404 })) } });
    expect([built.status, await built.text()]).toEqual([200, "<!doctype html><title>Kiểm tra</title>"]);
  });
});
