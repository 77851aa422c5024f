import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, COMMUNE_SET, uniqueKey } from "../../test/helpers.ts";

const freshSet = () => ({ ...COMMUNE_SET, id: `test-set-${uniqueKey().slice(-8)}` });

describe("GET /v1/criteria-sets", () => {
  it("lists the seeded demo sets for a unit token", async () => {
    const res = await call("GET", "/v1/criteria-sets", { as: "unit" });
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { id: string }) => s.id)).toEqual(expect.arrayContaining(["demo-commune-2024", "demo-district-2024", "demo-province-2024"]));
    expect(res.body.items.every((s: { status: string }) => s.status !== "draft")).toBe(true);
  });

  it("pages with limit and cursor", async () => {
    const page1 = await call("GET", "/v1/criteria-sets?limit=1", { as: "unit" });
    expect(page1.body.items).toHaveLength(1);
    const page2 = await call("GET", `/v1/criteria-sets?limit=1&cursor=${encodeURIComponent(page1.body.nextCursor)}`, { as: "unit" });
    expect(page2.body.items[0].id).not.toBe(page1.body.items[0].id);
    expect((await call("GET", "/v1/criteria-sets?limit=0")).status).toBe(400);
  });

  it("lists one status with ?status=: an admin's drafts to publish from another session; a unit's draft list is empty", async () => {
    const set = freshSet();
    expect((await call("POST", "/v1/criteria-sets", { body: { set } })).status).toBe(201);
    const drafts = await call("GET", "/v1/criteria-sets?status=draft&limit=200");
    expect(drafts.status).toBe(200);
    expect(drafts.body.items.length).toBeGreaterThan(0);
    expect(drafts.body.items.every((s: { status: string }) => s.status === "draft")).toBe(true);
    expect(drafts.body.items.map((s: { id: string }) => s.id)).toContain(set.id);
    expect((await call("GET", "/v1/criteria-sets?status=draft", { as: "unit" })).body.items).toEqual([]);
    const published = await call("GET", "/v1/criteria-sets?status=published&limit=200", { as: "unit" });
    expect(published.body.items.map((s: { id: string }) => s.id)).toContain("demo-commune-2024");
    expect(published.body.items.every((s: { status: string }) => s.status === "published")).toBe(true);
    expect((await call("GET", "/v1/criteria-sets?status=nhap")).status).toBe(400);
  });

  it("returns one set with its body", async () => {
    const res = await call("GET", "/v1/criteria-sets/demo-commune-2024", { as: "reviewer" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: "demo-commune-2024", version: 1, status: "published", unitType: "commune" });
    expect(res.body.set.items.length).toBe(COMMUNE_SET.items.length);
    expect((await call("GET", "/v1/criteria-sets/khong-co")).status).toBe(404);
  });
});

describe("POST/PUT /v1/criteria-sets (admin)", () => {
  it("creates a draft, hides it from units, publishes it, then versions it", async () => {
    const set = freshSet();
    const created = await call("POST", "/v1/criteria-sets", { body: { set } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id: set.id, version: 1, status: "draft" });
    expect((await call("GET", `/v1/criteria-sets/${set.id}`, { as: "unit" })).status).toBe(404);
    expect((await call("POST", "/v1/criteria-sets", { body: { set } })).body.error.code).toBe("CRITERIA_SET_EXISTS");

    const published = await call("POST", `/v1/criteria-sets/${set.id}/versions/1/status`, { body: { status: "published" } });
    expect(published.body).toMatchObject({ status: "published", publishedAt: expect.any(String) });
    const back = await call("POST", `/v1/criteria-sets/${set.id}/versions/1/status`, { body: { status: "published" } });
    expect([back.status, back.body.error.code]).toEqual([409, "INVALID_STATUS_CHANGE"]);

    const v2 = await call("PUT", `/v1/criteria-sets/${set.id}`, { body: { set: { ...set, title: "Phiên bản 2" }, status: "published" } });
    expect(v2.status).toBe(201);
    expect(v2.body).toMatchObject({ version: 2, title: "Phiên bản 2" });
    const v1 = await call("GET", `/v1/criteria-sets/${set.id}?version=1`, { as: "unit" });
    expect(v1.body.title).toBe(COMMUNE_SET.title);
  });

  it("validates with the engine's schema (sums included)", async () => {
    const broken = { ...freshSet(), maxPoints: 99 };
    const res = await call("POST", "/v1/criteria-sets", { body: { set: broken } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION_FAILED");
    expect(res.body.error.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path: "set.maxPoints" })]));
    const mismatch = await call("PUT", "/v1/criteria-sets/demo-commune-2024", { body: { set: freshSet() } });
    expect(mismatch.status).toBe(400);
  });

  it("keeps published versions immutable in the database itself", async () => {
    await expect(env.DB.prepare("UPDATE criteria_sets SET body = '{}' WHERE id = 'demo-commune-2024'").run()).rejects.toThrow(/immutable/);
  });
});
