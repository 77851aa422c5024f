/**
 * Where an outside audit (30/11) found the Worker off API-NOTES.md: each case quotes the
 * convention it holds the Worker to.
 */
import { describe, expect, it } from "vitest";
import { call, uniqueKey } from "./helpers.ts";
import { workerFetch } from "./observed-statuses.ts";

const ADMIN = { Authorization: "Bearer demo-admin", "Content-Type": "application/json" };

describe("'issues from zod (path + message) for 400s'", () => {
  it("also on a body that is no JSON, and a body nested too deep: path '' for the root, as zod writes it", async () => {
    const bad = await call("POST", "/v1/units", { rawBody: "{bad", headers: { "Content-Type": "application/json" } });
    expect([bad.status, bad.body.error.code]).toEqual([400, "INVALID_JSON"]);
    expect(bad.body.error.issues).toEqual([{ path: "", message: expect.any(String) }]);
    const deep = await call("POST", "/v1/units", { rawBody: `${"[".repeat(100)}${"]".repeat(100)}`, headers: { "Content-Type": "application/json" } });
    expect([deep.status, deep.body.error.issues[0].path]).toEqual([400, ""]);
  });
});

describe("'JSON in and out (application/json; charset=utf-8)'", () => {
  it("a body that is not UTF-8 is refused (400 INVALID_JSON), never stored with the bad bytes replaced", async () => {
    const prefix = new TextEncoder().encode('{"id":"xa-utf8","name":"X');
    const suffix = new TextEncoder().encode('","type":"commune","parentId":"tinh-minh-hoa","validFrom":"2025-07-01"}');
    const body = new Uint8Array([...prefix, 0xff, 0xfe, ...suffix]);
    const res = await workerFetch("https://parindex.test/v1/units", { method: "POST", headers: { ...ADMIN, "Idempotency-Key": uniqueKey() }, body });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("INVALID_JSON");
    expect((await call("GET", "/v1/units/xa-utf8")).status).toBe(404);
  });
});

describe("405 names only the methods the path answers", () => {
  it("a trailing slash is another path (Hono routes it nowhere): 404, not a 405 advertising methods that 404", async () => {
    const res = await call("DELETE", "/v1/units/");
    expect([res.status, res.body.error.code]).toEqual([404, "NOT_FOUND"]);
    expect((await call("GET", "/v1/units/")).status).toBe(404);
    expect((await call("DELETE", "/v1/units")).status).toBe(405);
  });
});
