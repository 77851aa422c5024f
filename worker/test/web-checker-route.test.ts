/**
 * GET / is the web checker (API-NOTES "One origin"): the built add-in's index.html through the
 * ASSETS binding on a deployment, the error envelope where no pages are bound (these tests' Worker).
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../src/index.ts";
import { observe, workerFetch } from "./observed-statuses.ts";

describe("GET /", () => {
  it("answers the web checker's page from the assets, asked for as index.html", async () => {
    const asked: string[] = [];
    const ASSETS = {
      fetch: async (input: RequestInfo | URL) => {
        asked.push(new URL(input instanceof Request ? input.url : String(input)).pathname);
        return new Response("<!doctype html><title>Chỉ số CCHC</title>", { headers: { "Content-Type": "text/html; charset=utf-8" } });
      },
    };
    const ctx = createExecutionContext();
    const res = await app.fetch(new Request("https://parindex.test/"), { ...env, ASSETS }, ctx);
    await waitOnExecutionContext(ctx);
    observe("GET", "/", res.status);
    expect(res.status).toBe(200);
    expect(res.headers.get("Content-Type")).toMatch(/^text\/html/);
    expect(await res.text()).toContain("Chỉ số CCHC");
    expect(asked).toEqual(["/index.html"]);
  });

  it("says in the envelope that there is no page where the add-in is not built in", async () => {
    const res = await workerFetch("https://parindex.test/");
    expect(res.status).toBe(404);
    expect(res.headers.get("Content-Type")).toMatch(/^application\/json/);
    expect(((await res.json()) as { error: { code: string } }).error.code).toMatch(/^[A-Z_]+$/);
  });
});
