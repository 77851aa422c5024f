/**
 * A unit that has closed (the demo's 2024 communes and districts end 30/6/2025) is still the
 * unit a sheet row names: the same sheet sent again creates nothing twice. And no unit is
 * created under a parent that closes before it would (an open-ended commune under a district
 * abolished on 1/7/2025): the mirror of the merge's UNIT_HAS_OPEN_CHILDREN.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { UnitImportResultSchema, type UnitImportRow } from "../../shared/index.ts";
import { databaseDump } from "./database-dump.ts";
import { call, count } from "./helpers.ts";

/** An outside tester's day: a month after the two-tier structure began. */
const AUGUST = "2025-08-01T09:00:00+07:00";

/** The demo seed's own rows, as the province's 2024 units sheet lists them. */
const SEED_ROWS: UnitImportRow[] = [
  { row: 2, name: "Xã An Phú", type: "Xã", parent: "Huyện An Bình", validFrom: "01/01/2020" },
  { row: 3, name: "Xã Bình Hòa", type: "Xã", parent: "Huyện An Bình", validFrom: "01/01/2020" },
  { row: 4, name: "Huyện An Bình", type: "Huyện", parent: "Tỉnh Minh Họa (minh họa)", validFrom: "01/01/2020" },
];

const send = (rows: UnitImportRow[], dryRun = false) => call("POST", "/v1/units/import", { body: { rows, ...(dryRun ? { dryRun } : {}) }, at: AUGUST });
const createUnit = (body: object) => call("POST", "/v1/units", { body, at: AUGUST });

describe("units sheet: a row whose unit exists, closed or not, is listed as exists", () => {
  it("previews and imports the seed's own rows as exists, creating nothing (no xa-an-phu-2 under a closed district)", async () => {
    const preview = UnitImportResultSchema.parse((await send(SEED_ROWS, true)).body);
    expect(preview.problems).toEqual([]);
    expect(preview.units.map((u) => `${u.id}:${u.action}`)).toEqual(["xa-an-phu:exists", "xa-binh-hoa:exists", "huyen-an-binh:exists"]);
    const units = await count("units");
    const res = await send(SEED_ROWS);
    expect(res.status).toBe(201);
    expect(res.body.units.map((u: { id: string; action: string }) => `${u.id}:${u.action}`)).toEqual(["xa-an-phu:exists", "xa-binh-hoa:exists", "huyen-an-binh:exists"]);
    expect(await count("units")).toBe(units);
    expect((await call("GET", "/v1/units/xa-an-phu-2")).status).toBe(404);
  });

  it("refuses a new row under a parent that closes before it (open-ended under a district closed 30/6/2025), by row and column; nothing created", async () => {
    const rows: UnitImportRow[] = [...SEED_ROWS, { row: 5, name: "Xã Mới Thêm", type: "Xã", parent: "Huyện An Bình", validFrom: "01/01/2024" }];
    const preview = UnitImportResultSchema.parse((await send(rows, true)).body);
    expect(preview.problems.map((p) => [p.row, p.column, p.code])).toEqual([[5, "parent", "PARENT_NOT_VALID"]]);
    expect(preview.problems[0]!.message).toBe("Dòng 5: đơn vị cấp trên Huyện An Bình không hoạt động vào ngày 01/07/2025: sửa ngày hiệu lực hoặc chọn đơn vị cấp trên khác.");
    expect(preview.units.map((u) => u.row)).toEqual([2, 3, 4]);
    const before = await databaseDump(env.DB);
    const res = await send(rows);
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: "UNITS_IMPORT_INVALID", issues: [{ path: "rows.3.parent", message: expect.stringMatching(/^Dòng 5: .*Huyện An Bình.*01\/07\/2025/) }] });
    expect(await databaseDump(env.DB)).toBe(before);
  });

  it("still creates a new unit under an open parent, and a closed unit's name may be used again from another date", async () => {
    const rows: UnitImportRow[] = [{ row: 2, name: "Xã An Phú", type: "Xã", parent: "tinh-minh-hoa", validFrom: "01/07/2025" }];
    const res = await send(rows);
    expect(res.status).toBe(201);
    expect(res.body.units).toMatchObject([{ id: "xa-an-phu-2", parentId: "tinh-minh-hoa", validFrom: "2025-07-01", action: "create" }]);
    expect((await send(rows)).body.units).toMatchObject([{ id: "xa-an-phu-2", action: "exists" }]);
  });
});

describe("POST /v1/units and a merge's new unit refuse a parent that closes before the unit would", () => {
  const commune = (over: object) => ({ id: "xa-con-moi", name: "Xã Con Mới", type: "commune", parentId: "huyen-an-binh", validFrom: "2024-01-01", ...over });

  it.each([
    ["open-ended", {}],
    ["ending after the parent", { validTo: "2025-12-31" }],
  ])("refuses a commune %s under a district closed 30/6/2025: 422 PARENT_CLOSES_BEFORE_UNIT, Vietnamese first", async (_, over) => {
    const res = await createUnit(commune(over));
    expect([res.status, res.body.error?.code]).toEqual([422, "PARENT_CLOSES_BEFORE_UNIT"]);
    expect(res.body.error.message).toMatch(/^Đơn vị cấp trên huyen-an-binh chỉ hoạt động đến hết ngày 30\/06\/2025.* \/ the last day of parent huyen-an-binh is 2025-06-30/);
    expect((await call("GET", "/v1/units/xa-con-moi")).status).toBe(404);
  });

  it("accepts a commune that ends with its district, and refuses one that starts after it (PARENT_NOT_VALID, as before)", async () => {
    const late = await createUnit(commune({ id: "xa-con-muon", validFrom: "2025-08-01" }));
    expect([late.status, late.body.error?.code]).toEqual([422, "PARENT_NOT_VALID"]);
    const ok = await createUnit(commune({ validTo: "2025-06-30" }));
    expect(ok.status, JSON.stringify(ok.body.error)).toBe(201);
  });

  it("refuses a merge whose new unit would sit under a closed district, changing nothing", async () => {
    const before = await databaseDump(env.DB);
    const res = await call("POST", "/v1/units/merge", { body: { into: { id: "xa-hop-nhat", name: "Xã Hợp Nhất", type: "commune", parentId: "huyen-dong-son" }, from: ["xa-dong-hai", "xa-dong-tien"], date: "2025-01-01" }, at: AUGUST });
    expect([res.status, res.body.error?.code]).toEqual([422, "PARENT_CLOSES_BEFORE_UNIT"]);
    expect(await databaseDump(env.DB)).toBe(before);
  });
});
