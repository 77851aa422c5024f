/**
 * Red team round 4, units: one unit per name under one parent — the name compared as a person
 * reads it (NFC or NFD, spaces, case, and the old or new place of the tone mark: "Thủy" and
 * "Thuỷ", "Hòa" and "Hoà" are one name) — in POST /v1/units, a merge's new unit and a units
 * sheet (rows and parents).
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { UnitImportResultSchema } from "../../shared/index.ts";
import { call, count, uniqueKey } from "./helpers.ts";

const PROVINCE = "tinh-minh-hoa";
const create = (id: string, name: string, more: Record<string, unknown> = {}) =>
  call("POST", "/v1/units", { body: { id, name, type: "commune", parentId: PROVINCE, validFrom: "2025-07-01", ...more } });

describe("POST /v1/units: a second unit of the same name under the same parent", () => {
  it.each([
    ["NFD", "Xã Đồng Tâm".normalize("NFD")],
    ["doubled spaces", "Xã  Đồng   Tâm"],
    ["capitals", "XÃ ĐỒNG TÂM"],
    ["an eth for Đ", "Xã Ðồng Tâm"],
  ])("refuses the name written in %s with 409 UNIT_NAME_EXISTS naming the unit there", async (_, name) => {
    expect((await create("t-r4-dong-tam", "Xã Đồng Tâm")).status).toBeOneOf([201, 409]);
    const res = await create(`t-r4-dt-${uniqueKey().slice(-6)}`, name);
    expect([res.status, res.body.error?.code], res.text).toEqual([409, "UNIT_NAME_EXISTS"]);
    expect(res.body.error.message).toMatch(/^Đã có đơn vị Xã Đồng Tâm \(t-r4-dong-tam\) trực thuộc tinh-minh-hoa, hoạt động từ 01\/07\/2025: .* \/ unit t-r4-dong-tam \(Xã Đồng Tâm\) under tinh-minh-hoa already has this name/);
    expect(await count("units", "name = 'Xã Đồng Tâm'")).toBe(1);
  });

  it.each([
    ["Xã Bình Thủy", "Xã Bình Thuỷ"],
    ["Xã Hòa Lạc", "Xã Hoà Lạc"],
    ["Phường Minh Họa", "Phường Minh Hoạ"],
    ["Xã Khỏe Mạnh", "Xã Khoẻ Mạnh"],
    ["Xã Úy Nỗ", "Xã Uý Nỗ"],
    ["Xã Quý Lộc", "Xã Qúy Lộc"],
  ])("takes %s and %s (the tone on the other vowel) for one name", async (first, second) => {
    const id = `t-r4-${uniqueKey().slice(-8)}`;
    const made = await create(id, first);
    expect(made.status, made.text).toBe(201);
    const twin = await create(`${id}-b`, second);
    expect([twin.status, twin.body.error?.code], twin.text).toEqual([409, "UNIT_NAME_EXISTS"]);
    expect(twin.body.error.message).toContain(`(${id})`);
    // And the other way round, under another parent.
    const other = await call("POST", "/v1/units", { body: { id: `${id}-c`, name: second, type: "commune", parentId: "huyen-an-binh", validFrom: "2021-01-01", validTo: "2025-06-30" } });
    expect(other.status, other.text).toBe(201);
    expect(other.body.name).toBe(second);
  });

  it("keeps names that differ in a letter or a tone, the same name under another parent, and one that follows a closed namesake", async () => {
    expect((await create("t-r4-thuy-a", "Xã Tân Thủy")).status).toBe(201);
    expect((await create("t-r4-thuy-b", "Xã Tân Thúy")).status).toBe(201);
    expect((await create("t-r4-thuy-c", "Xã Tân Thuy")).status).toBe(201);
    expect((await create("t-r4-hoa-a", "Xã Tân Hóa")).status).toBe(201);
    // Xã An Phú (xa-an-phu) is under Huyện An Bình until 30/06/2025: a new one under the province is not it.
    expect((await create("t-r4-an-phu", "Xã An Phú")).status).toBe(201);
    // A namesake under the same parent that closes the day before the new one starts.
    const closed = await create("t-r4-cu", "Xã Kế Tiếp", { validFrom: "2020-01-01", validTo: "2025-06-30" });
    expect(closed.status, closed.text).toBe(201);
    expect((await create("t-r4-moi", "Xã Kế Tiếp")).status).toBe(201);
    // …but not one whose days overlap the closed one's.
    const overlap = await create("t-r4-moi-2", "Xã Kế Tiếp", { validFrom: "2024-01-01", validTo: "2024-12-31" });
    expect([overlap.status, overlap.body.error?.code]).toEqual([409, "UNIT_NAME_EXISTS"]);
  });

  it("stores the name as typed, in NFC with its spaces folded", async () => {
    const res = await create("t-r4-nfc", "  Xã  Bình Thuỷ Mới ".normalize("NFD"));
    expect(res.status, res.text).toBe(201);
    const row = await env.DB.prepare("SELECT name FROM units WHERE id = 't-r4-nfc'").first<{ name: string }>();
    expect(row?.name).toBe("Xã Bình Thuỷ Mới");
  });
});

describe("a merge's new unit", () => {
  it("may take a predecessor's name (the predecessors close the day before), not an open sibling's", async () => {
    expect((await create("t-r4-m-a", "Xã Hòa Thuận", { validFrom: "2024-01-01" })).status).toBe(201);
    expect((await create("t-r4-m-b", "Xã Hòa Bình Mới", { validFrom: "2024-01-01" })).status).toBe(201);
    expect((await create("t-r4-m-c", "Xã Sông Cầu", { validFrom: "2024-01-01" })).status).toBe(201);
    const taken = await call("POST", "/v1/units/merge", { body: { into: { id: "t-r4-m-ab", name: "Xã Sông  Cầu", type: "commune", parentId: PROVINCE }, from: ["t-r4-m-a", "t-r4-m-b"], date: "2026-01-01" } });
    expect([taken.status, taken.body.error?.code], taken.text).toEqual([409, "UNIT_NAME_EXISTS"]);
    expect(taken.body.error.message).toContain("(t-r4-m-c)");
    const kept = await call("POST", "/v1/units/merge", { body: { into: { id: "t-r4-m-ab", name: "Xã Hoà Thuận", type: "commune", parentId: PROVINCE }, from: ["t-r4-m-a", "t-r4-m-b"], date: "2026-01-01" } });
    expect(kept.status, kept.text).toBe(201);
  });
});

describe("POST /v1/units/import: one name, whatever the tone's place", () => {
  const send = (rows: unknown[]) => call("POST", "/v1/units/import", { body: { rows, dryRun: true } });

  it("finds the province written with the other tone placement as the parent", async () => {
    const res = await send([{ row: 2, name: "Xã Nhập Mới", type: "Xã", parent: "Tỉnh Minh Hoạ (minh hoạ)", validFrom: "01/01/2026" }]);
    expect(res.status, res.text).toBe(200);
    const plan = UnitImportResultSchema.parse(res.body);
    expect(plan.problems).toEqual([]);
    expect(plan.units.map((u) => [u.parentId, u.action])).toEqual([[PROVINCE, "create"]]);
  });

  it("reads a row naming an existing unit with the other tone placement as that unit, or as a clash", async () => {
    const res = await send([
      { row: 2, name: "Xã Sơn Thuỷ", type: "Xã", parent: "Huyện Đông Sơn", validFrom: "01/01/2020" },
      { row: 3, name: "Xã Tân Hoà", type: "Xã", parent: "Thị xã Phú Mỹ", validFrom: "01/01/2021" },
    ]);
    expect(res.status, res.text).toBe(200);
    const plan = UnitImportResultSchema.parse(res.body);
    expect(plan.units.map((u) => [u.row, u.id, u.action])).toEqual([[2, "xa-son-thuy", "exists"]]);
    expect(plan.problems.map((p) => [p.row, p.column, p.code])).toEqual([[3, "name", "EXISTS_DIFFERENTLY"]]);
  });

  it("takes two rows of one parent differing only in the tone's place for a duplicate", async () => {
    const res = await send([
      { row: 2, name: "Xã Hòa Tiến", type: "Xã", parent: "tinh-minh-hoa", validFrom: "01/01/2026" },
      { row: 3, name: "xã hoà  tiến", type: "Xã", parent: "tinh-minh-hoa", validFrom: "01/01/2026" },
    ]);
    const plan = UnitImportResultSchema.parse(res.body);
    expect(plan.problems.map((p) => [p.row, p.code])).toEqual([[3, "DUPLICATE_NAME"]]);
  });

  it("refuses a row whose open namesake was created by POST /v1/units with the other placement", async () => {
    expect((await create("t-r4-imp", "Xã Thủy Tiên")).status).toBe(201);
    const res = await send([{ row: 2, name: "Xã Thuỷ Tiên", type: "Xã", parent: "tinh-minh-hoa", validFrom: "01/01/2026" }]);
    const plan = UnitImportResultSchema.parse(res.body);
    expect(plan.problems.map((p) => [p.row, p.code, p.message.includes("t-r4-imp")])).toEqual([[2, "EXISTS_DIFFERENTLY", true]]);
  });
});
