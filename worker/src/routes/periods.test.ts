import { describe, expect, it } from "vitest";
import { newPeriod } from "../../test/cycle-helpers.ts";
import { call, uniqueKey } from "../../test/helpers.ts";

describe("/v1/periods", () => {
  it("lists the demo periods for any token", async () => {
    const res = await call("GET", "/v1/periods", { as: "unit" });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual(expect.arrayContaining([{ id: "2024-commune", year: 2024, criteriaSet: { id: "demo-commune-2024", version: 1 }, deadline: "2025-01-31T17:00:00+07:00", locked: false }]));
  });

  it("pages newest year first with a cursor, every period once; a foreign cursor is a 400", async () => {
    // t-page-2026-b closed: a second open period of 2026 for communes is refused (go-live GL-2)
    for (const [id, year, deadline] of [["t-page-2021", 2021, "2022-01-31T17:00:00+07:00"], ["t-page-2026-a", 2026, "2027-01-31T17:00:00+07:00"], ["t-page-2026-b", 2026, "2026-01-31T17:00:00+07:00"]] as const) {
      await newPeriod(id, year, deadline);
    }
    const all = (await call("GET", "/v1/periods?limit=200", { as: "unit" })).body;
    expect(all.nextCursor).toBeNull();
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: any = (await call("GET", `/v1/periods?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`, { as: "unit" })).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((p: any) => p.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all.items.map((p: any) => p.id));
    const years = all.items.map((p: any) => p.year);
    expect(years).toEqual([...years].sort((a, b) => b - a));
    expect(seen.indexOf("t-page-2026-a")).toBeLessThan(seen.indexOf("t-page-2026-b"));
    expect(seen.at(-1)).toBe("t-page-2021");
    expect((await call("GET", "/v1/periods?cursor=nonsense", { as: "unit" })).status).toBe(400);
  });

  it("creates a period for a published set only", async () => {
    const id = `p-${uniqueKey().slice(-10)}`;
    const body = { id, year: 2024, criteriaSet: { id: "demo-commune-2024", version: 1 }, deadline: "2026-01-31T17:00:00+07:00" };
    expect((await call("POST", "/v1/periods", { body })).status).toBe(201);
    expect((await call("POST", "/v1/periods", { body })).body.error.code).toBe("PERIOD_EXISTS");
    const unknown = await call("POST", "/v1/periods", { body: { ...body, id: `${id}-x`, criteriaSet: { id: "demo-commune-2024", version: 9 } } });
    expect([unknown.status, unknown.body.error.code]).toEqual([422, "CRITERIA_SET_NOT_PUBLISHED"]);
    const badDeadline = await call("POST", "/v1/periods", { body: { ...body, id: `${id}-y`, deadline: "01/31/2026" } });
    expect(badDeadline.status).toBe(400);
  });

  it("refuses an exception for an unknown period or unit", async () => {
    expect((await call("POST", "/v1/periods/khong-co/exceptions", { body: { unit: "xa-an-loc", deadline: "2099-01-01T00:00:00Z", reason: "x" } })).status).toBe(404);
    const res = await call("POST", "/v1/periods/2024-commune/exceptions", { body: { unit: "khong-co", deadline: "2099-01-01T00:00:00Z", reason: "x" } });
    expect(res.status).toBe(422);
  });
});
