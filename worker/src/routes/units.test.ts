import { env } from "cloudflare:test";
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
    const make = (id: string) => call("POST", "/v1/units", { body: { id, name: id, type: "commune", parentId: "huyen-an-binh", validFrom: "2020-01-01", validTo: "2025-06-30" } }); // no later than its district
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

  it("merges a unit with a planned later end (open on the day before the merge): its end moves back to that day; merged once only", async () => {
    const suffix = uniqueKey().slice(-6);
    const [a, b] = [`xa-pa-${suffix}`, `xa-pb-${suffix}`];
    for (const id of [a, b]) {
      const made = await call("POST", "/v1/units", { body: { id, name: id, type: "commune", parentId: "huyen-dong-son", validFrom: "2020-01-01", validTo: "2025-06-30" } });
      expect(made.status, made.text).toBe(201);
    }
    const into = `xa-pab-${suffix}`;
    const merged = await call("POST", "/v1/units/merge", { body: { into: { id: into, name: "Xã PAB", type: "commune", parentId: "tinh-minh-hoa" }, from: [a, b], date: "2024-07-01" } }); // open-ended: not under a district that closes
    expect(merged.status, merged.text).toBe(201);
    expect(merged.body.predecessors.map((l: { unit: { id: string; validTo: string } }) => [l.unit.id, l.unit.validTo])).toEqual([[a, "2024-06-30"], [b, "2024-06-30"]]);
    expect((await call("GET", `/v1/units/${a}`)).body).toMatchObject({ validTo: "2024-06-30", successors: [expect.objectContaining({ unit: expect.objectContaining({ id: into }) })] });

    // Merged already: not again, even on an earlier date it was open on; not after its (new) end.
    const earlier = await call("POST", "/v1/units/merge", { body: { into: { id: `${into}-2`, name: "X", type: "commune", parentId: "huyen-dong-son" }, from: [a], date: "2024-03-01" } });
    expect([earlier.status, earlier.body.error?.code]).toEqual([409, "UNIT_ALREADY_MERGED"]);
    const later = await call("POST", "/v1/units/merge", { body: { into: { id: `${into}-3`, name: "X", type: "commune", parentId: "huyen-dong-son" }, from: [b], date: "2024-09-01" } });
    expect([later.status, later.body.error?.code]).toEqual([409, "UNIT_NOT_OPEN"]);
    // The database itself never moves an end later, nor changes a merged unit's.
    await expect(env.DB.prepare("UPDATE units SET valid_to = '2025-06-30' WHERE id = ?1").bind(a).run()).rejects.toThrow(/closing their validity/);
    await expect(env.DB.prepare("UPDATE units SET valid_to = '2024-01-31' WHERE id = ?1").bind(a).run()).rejects.toThrow(/closing their validity/);
  });

  it("refuses merging an unknown unit", async () => {
    const res = await call("POST", "/v1/units/merge", { body: { into: { id: "xa-zz", name: "Z", type: "commune" }, from: ["khong-co"], date: "2025-07-01" } });
    expect([res.status, res.body.error.code]).toEqual([422, "UNKNOWN_UNIT"]);
  });
});

describe("POST /v1/units/merge refuses what would break the tree", () => {
  const merge = (body: object) => call("POST", "/v1/units/merge", { body: { date: "2027-01-01", ...body } });
  const commune = (id: string) => ({ id, name: "Xã M5", type: "commune", parentId: "tinh-minh-hoa" });

  it.each([
    ["the province into a commune under it", { into: commune("xa-m5"), from: ["tinh-minh-hoa"] }, 422, "MERGE_TYPE_MISMATCH"],
    ["a department into a commune", { into: commune("xa-m6"), from: ["so-noi-vu"] }, 422, "MERGE_TYPE_MISMATCH"],
    ["a commune into a district", { into: { id: "huyen-m7", name: "Huyện M7", type: "district", parentId: "tinh-minh-hoa" }, from: ["xa-an-phu-loc"] }, 422, "MERGE_TYPE_MISMATCH"],
    ["weights for a unit not merged", { into: commune("xa-m8"), from: ["xa-an-phu-loc"], weights: { "xa-an-phu-loc": 1, "so-noi-vu": 0.5 } }, 400, "VALIDATION_FAILED"],
  ])("refuses %s, changing nothing", async (_, body, status, code) => {
    const res = await merge(body);
    expect([res.status, res.body.error.code]).toEqual([status, code]);
    for (const id of body.from) expect((await call("GET", `/v1/units/${id}`)).body.validTo).toBeNull();
    expect((await call("GET", `/v1/units/${body.into.id}`)).status).toBe(404);
  });

  it("names the stray weight in the issues", async () => {
    const res = await merge({ into: commune("xa-m9"), from: ["xa-an-phu-loc"], weights: { "so-noi-vu": 0.5 } });
    expect(res.body.error.issues).toEqual([expect.objectContaining({ path: "weights.so-noi-vu" })]);
  });

  it("refuses predecessors with units below them still open, or above the new unit; merges once nothing is left orphaned", async () => {
    const suffix = uniqueKey().slice(-6);
    const [d1, d2, child, other] = [`huyen-p-${suffix}`, `huyen-q-${suffix}`, `xa-p-${suffix}`, `xa-q-${suffix}`];
    const create = (id: string, type: string, parentId: string, validTo: string | null = null) =>
      call("POST", "/v1/units", { body: { id, name: id, type, parentId, validFrom: "2020-01-01", validTo } });
    for (const id of [d1, d2]) expect((await create(id, "district", "tinh-minh-hoa")).status).toBe(201);
    expect((await create(child, "commune", d1)).status).toBe(201);
    expect((await create(other, "commune", d2, "2026-12-31")).status).toBe(201);
    const districts = { into: { id: `huyen-pq-${suffix}`, name: "Huyện PQ", type: "district", parentId: "tinh-minh-hoa" }, from: [d1, d2] };
    const orphaning = await merge(districts);
    expect([orphaning.status, orphaning.body.error.code]).toEqual([409, "UNIT_HAS_OPEN_CHILDREN"]);
    expect(orphaning.body.error.message).toContain(child);
    expect(orphaning.body.error.message).not.toContain(other); // it ends with its district

    const underItself = await merge({ into: { id: `xa-pp-${suffix}`, name: "Xã PP", type: "commune", parentId: child }, from: [child] });
    expect([underItself.status, underItself.body.error.code]).toEqual([422, "MERGE_INTO_OWN_SUBTREE"]);

    // The commune merged away first, the districts may follow.
    expect((await merge({ into: { id: `xa-pq-${suffix}`, name: "Xã PQ", type: "commune", parentId: "tinh-minh-hoa" }, from: [child], date: "2026-06-01" })).status).toBe(201);
    expect((await merge(districts)).status).toBe(201);
  });
});

describe("POST /v1/units checks what the units sheet's import checks", () => {
  const body = (over: object) => ({ id: `xa-chk-${uniqueKey().slice(-8)}`, name: "Xã Kiểm Tra", type: "commune", parentId: "tinh-minh-hoa", validFrom: "2025-07-01", ...over });

  it.each([
    ["a commune under a commune", { parentId: "xa-an-phu-loc" }, "PARENT_WRONG_LEVEL"],
    ["a province under a commune", { type: "province", parentId: "xa-an-phu-loc" }, "PARENT_WRONG_LEVEL"],
    ["a department under a department", { type: "department", parentId: "so-noi-vu" }, "PARENT_WRONG_LEVEL"],
    ["a commune without a parent", { parentId: null }, "PARENT_MISSING"],
  ])("refuses %s with 422", async (_, over, code) => {
    const res = await call("POST", "/v1/units", { body: body(over) });
    expect([res.status, res.body.error.code]).toEqual([422, code]);
  });

  it("stores the name in NFC with its spaces folded, as the import does", async () => {
    const res = await call("POST", "/v1/units", { body: body({ name: "  Xa\u0303 Đông\n  Tiến ".normalize("NFD") }) });
    expect(res.status).toBe(201);
    expect(res.body.name).toBe("Xã Đông Tiến");
    expect((await call("GET", `/v1/units/${res.body.id}`)).body.name).toBe("Xã Đông Tiến");
  });

  it.each([
    ["NUL", "Xã\u0000Tân"],
    ["a right-to-left override", "Xã \u202Eauh naT"],
    ["a bidi isolate", "Xã \u2067Tân\u2069"],
    ["only spaces", "  \u00a0 "],
  ])("refuses a name with %s in the envelope (400)", async (_, name) => {
    const res = await call("POST", "/v1/units", { body: body({ name }) });
    expect([res.status, res.body.error.code, res.body.error.issues[0].path]).toEqual([400, "VALIDATION_FAILED", "name"]);
  });

  it("applies the same to a merge's new unit", async () => {
    const res = await call("POST", "/v1/units/merge", { body: { into: { id: "xa-m10", name: "Xã\u202EM10", type: "commune", parentId: "tinh-minh-hoa" }, from: ["xa-an-phu-loc"], date: "2027-01-01" } });
    expect([res.status, res.body.error.issues[0].path]).toEqual([400, "into.name"]);
  });
});
