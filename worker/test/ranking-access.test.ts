import { describe, expect, it } from "vitest";
import { DEMO_CYCLE_PERIOD } from "../src/seed/demo-seed.ts";
import { call, seedDemoCycle } from "./helpers.ts";

describe("who may read a period's ranking", () => {
  it("a unit token may not, in any format", async () => {
    await seedDemoCycle();
    for (const format of ["json", "csv", "xlsx"]) {
      const res = await call("GET", `/v1/periods/${DEMO_CYCLE_PERIOD}/ranking?format=${format}`, { as: "unit" });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("FORBIDDEN");
    }
  });

  it("a district reviewer sees only its communes, with their province-wide ranks; the admin sees all", async () => {
    const all = await call("GET", `/v1/periods/${DEMO_CYCLE_PERIOD}/ranking`, { as: "admin" });
    const mine = await call("GET", `/v1/periods/${DEMO_CYCLE_PERIOD}/ranking`, { as: "reviewer" });
    expect(mine.status).toBe(200);
    const units = await call("GET", "/v1/units?asOf=2024-12-31", { as: "reviewer" });
    const subtree = new Set<string>();
    const walk = (nodes: { id: string; children?: unknown[] }[]) => nodes.forEach((n) => (subtree.add(n.id), walk((n.children ?? []) as never)));
    walk(units.body.units);
    const mineIds = (mine.body.items as { unit: string }[]).map((i) => i.unit);
    expect(mineIds.length).toBeGreaterThan(0);
    expect(mineIds.length).toBeLessThan(all.body.items.length);
    for (const id of mineIds) expect(subtree.has(id)).toBe(true);
    const rankOf = new Map((all.body.items as { unit: string; rank: number }[]).map((i) => [i.unit, i.rank]));
    for (const item of mine.body.items as { unit: string; rank: number }[]) expect(item.rank).toBe(rankOf.get(item.unit));
    const counted = (mine.body.bandCounts as { count: number }[]).reduce((a, b) => a + b.count, 0);
    expect(counted).toBe(mineIds.length);
  });
});
