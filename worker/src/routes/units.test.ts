import { describe, expect, it } from "vitest";
import type { UnitNode } from "../api-schemas.ts";
import { BEFORE_DEADLINE, call, COMMUNE_SET, createToken, bearer, fullItems, uniqueKey } from "../../test/helpers.ts";

const ids = (nodes: UnitNode[]): string[] => nodes.flatMap((n) => [n.id, ...ids(n.children)]);
const find = (nodes: UnitNode[], id: string): UnitNode | undefined => {
  for (const n of nodes) {
    if (n.id === id) return n;
    const hit = find(n.children, id);
    if (hit) return hit;
  }
  return undefined;
};

describe("GET /v1/units", () => {
  it("gives the admin the three-tier tree of 2024", async () => {
    const res = await call("GET", "/v1/units?asOf=2024-06-01");
    expect(res.status).toBe(200);
    const province = find(res.body.units, "tinh-minh-hoa")!;
    expect(province.children.map((c) => c.id)).toEqual(expect.arrayContaining(["so-noi-vu", "huyen-an-binh", "huyen-dong-son", "thi-xa-phu-my"]));
    expect(find(res.body.units, "huyen-an-binh")!.children.map((c) => c.id)).toEqual(expect.arrayContaining(["xa-an-phu", "xa-an-loc"]));
    expect(ids(res.body.units)).not.toContain("xa-an-phu-loc");
  });

  it("gives the two-tier tree after the 2025 merge", async () => {
    const res = await call("GET", "/v1/units?asOf=2025-07-01");
    const all = ids(res.body.units);
    expect(all).toContain("xa-an-phu-loc");
    expect(all).not.toContain("huyen-an-binh");
    expect(all).not.toContain("xa-an-phu");
    expect(find(res.body.units, "tinh-minh-hoa")!.children.map((c) => c.id)).toContain("xa-an-phu-loc");
  });

  it("limits a reviewer to its subtree and a unit to itself under its ancestors", async () => {
    const reviewer = await call("GET", "/v1/units?asOf=2024-06-01", { as: "reviewer" });
    expect(reviewer.body.units.map((u: UnitNode) => u.id)).toEqual(["huyen-an-binh"]);
    expect(ids(reviewer.body.units)).not.toContain("xa-dong-hai");
    const unit = await call("GET", "/v1/units?asOf=2024-06-01", { as: "unit" });
    expect(ids(unit.body.units)).toEqual(["tinh-minh-hoa", "huyen-an-binh", "xa-an-phu"]);
  });

  it("refuses a malformed date", async () => {
    const res = await call("GET", "/v1/units?asOf=31/12/2024");
    expect(res.status).toBe(400);
    expect(res.body.error.issues[0].path).toBe("asOf");
  });
});

describe("GET /v1/units/:id (merge history)", () => {
  it("links the merged commune to its predecessors and back", async () => {
    const merged = await call("GET", "/v1/units/xa-an-phu-loc");
    expect(merged.status).toBe(200);
    expect(merged.body.predecessors.map((l: { unit: { id: string } }) => l.unit.id)).toEqual(["xa-an-loc", "xa-an-phu"]);
    const old = await call("GET", "/v1/units/xa-an-phu", { as: "unit" });
    expect(old.body).toMatchObject({ validTo: "2025-06-30", successors: [{ unit: { id: "xa-an-phu-loc" }, weight: 1, effectiveDate: "2025-07-01" }] });
  });
});

describe("POST /v1/units and /v1/units/merge", () => {
  it("creates a unit and refuses a duplicate or an unknown parent", async () => {
    const id = `xa-moi-${uniqueKey().slice(-6)}`;
    const body = { id, name: "Xã Mới", type: "commune", parentId: "tinh-minh-hoa", validFrom: "2025-07-01" };
    const created = await call("POST", "/v1/units", { body });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ id, parentId: "tinh-minh-hoa", validTo: null });
    expect((await call("POST", "/v1/units", { body })).body.error.code).toBe("UNIT_EXISTS");
    const orphan = await call("POST", "/v1/units", { body: { ...body, id: `${id}-b`, parentId: "khong-co" } });
    expect([orphan.status, orphan.body.error.code]).toEqual([422, "UNKNOWN_PARENT"]);
    const bad = await call("POST", "/v1/units", { body: { ...body, type: "village" } });
    expect([bad.status, bad.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
  });

  it("merges units: closes the predecessors, links them, keeps their history readable by the old district's reviewer", async () => {
    const suffix = uniqueKey().slice(-6);
    const make = (id: string) => call("POST", "/v1/units", { body: { id, name: id, type: "commune", parentId: "huyen-an-binh", validFrom: "2020-01-01" } });
    const [a, b] = [`xa-a-${suffix}`, `xa-b-${suffix}`];
    expect((await make(a)).status).toBe(201);
    expect((await make(b)).status).toBe(201);
    const unitToken = await createToken("unit", a);
    const v1 = await call("POST", "/v1/submissions", { body: { period: "2024-commune", items: fullItems(COMMUNE_SET) }, at: BEFORE_DEADLINE, headers: { ...bearer(unitToken), "Idempotency-Key": uniqueKey() } });
    expect(v1.status).toBe(201);

    const into = `xa-ab-${suffix}`;
    const merged = await call("POST", "/v1/units/merge", { body: { into: { id: into, name: "Xã AB", type: "commune", parentId: "tinh-minh-hoa" }, from: [a, b], date: "2025-07-01", weights: { [a]: 1, [b]: 0.5 } } });
    expect(merged.status).toBe(201);
    expect(merged.body).toMatchObject({ id: into, validFrom: "2025-07-01" });
    expect(merged.body.predecessors).toEqual(expect.arrayContaining([expect.objectContaining({ unit: expect.objectContaining({ id: b, validTo: "2025-06-30" }), weight: 0.5 })]));

    const again = await call("POST", "/v1/units/merge", { body: { into: { id: `${into}-2`, name: "X", type: "commune" }, from: [a], date: "2025-08-01" } });
    expect([again.status, again.body.error.code]).toEqual([409, "UNIT_NOT_OPEN"]);
    // The 2024 district reviewer still covers the closed commune's submissions.
    expect((await call("GET", `/v1/submissions/${v1.body.id}`, { as: "reviewer" })).status).toBe(200);
    expect((await call("GET", `/v1/units/${into}`, { as: "reviewer" })).status).toBe(404);
  });

  it("refuses merging an unknown unit", async () => {
    const res = await call("POST", "/v1/units/merge", { body: { into: { id: "xa-zz", name: "Z", type: "commune" }, from: ["khong-co"], date: "2025-07-01" } });
    expect([res.status, res.body.error.code]).toEqual([422, "UNKNOWN_UNIT"]);
  });
});
