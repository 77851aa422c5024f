/**
 * Red team round 4, units: one unit per name under one parent — the name compared as a person
 * reads it (NFC or NFD, spaces, case, and the old or new place of the tone mark: "Thủy" and
 * "Thuỷ", "Hòa" and "Hoà" are one name) — in POST /v1/units, a merge's new unit and a units
 * sheet (rows and parents); and a merge recorded after its predecessors submitted for a period
 * their successor would take part in is refused, so no territory is ranked twice.
 */
import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { UnitImportResultSchema } from "../../shared/index.ts";
import { closeUnitStatement, DATA_SINCE_CHECK, insertUnitStatement, linkSuccessorStatement } from "../src/repositories/unit-repository.ts";
import { call, COMMUNE_SET, count, fullItems, uniqueKey } from "./helpers.ts";

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

describe("a merge recorded after its predecessors submitted", () => {
  const PERIOD = "t-r4u-2026";
  const SET = "t-r4u-xa-2026";
  const NOVEMBER = "2026-11-30T09:00:00+07:00";
  const submit = (unit: string) =>
    call("POST", "/v1/submissions", { body: { period: PERIOD, unit, items: fullItems(COMMUNE_SET) }, at: NOVEMBER, headers: { "Idempotency-Key": uniqueKey(unit) } });
  const merge = (into: string, from: string[], date: string) =>
    call("POST", "/v1/units/merge", { body: { into: { id: into, name: `Xã ${into}`, type: "commune", parentId: PROVINCE }, from, date }, at: NOVEMBER });
  const ranked = async () => {
    const res = await call("GET", `/v1/periods/${PERIOD}/ranking`, { at: NOVEMBER });
    expect(res.status, res.text).toBe(200);
    return (res.body.items as { unit: string; submitted: boolean }[]).map((i) => i.unit);
  };

  beforeAll(async () => {
    const set = { ...COMMUNE_SET, id: SET, year: 2026, title: "Bộ chỉ số CCHC cấp xã năm 2026 (minh họa)", period: { from: "2026-01-01", to: "2026-12-31" } };
    expect((await call("POST", "/v1/criteria-sets", { body: { set, status: "published" } })).status).toBe(201);
    expect((await call("POST", "/v1/periods", { body: { id: PERIOD, year: 2026, criteriaSet: { id: SET, version: 1 }, deadline: "31/12/2026" } })).status).toBe(201);
    for (const [id, name] of [["t-r4u-uy", "Xã Uy Nỗ"], ["t-r4u-uu", "Xã Ưu Điểm"], ["t-r4u-ao", "Xã Ao Lục"], ["t-r4u-ot", "Xã Ot Lục"], ["t-r4u-sv", "Xã Khảo Sát"]] as const) {
      expect((await create(id, name)).status).toBe(201);
    }
    for (const unit of ["t-r4u-uy", "t-r4u-uu"]) expect((await submit(unit)).status).toBe(201);
  });

  it("refuses it with 409 MERGE_AFTER_SUBMISSIONS naming the period, the versions and the day to date it from, changing nothing", async () => {
    const res = await merge("t-r4u-uyuu", ["t-r4u-uy", "t-r4u-uu"], "2026-10-01");
    expect([res.status, res.body.error?.code], res.text).toEqual([409, "MERGE_AFTER_SUBMISSIONS"]);
    expect(res.body.error.message).toMatch(
      /^Không thể sáp nhập từ ngày 01\/10\/2026: đơn vị t-r4u-uu \(1 phiên bản\), t-r4u-uy \(1 phiên bản\) đã có hồ sơ trong kỳ t-r4u-2026 \(kỳ gồm các đơn vị còn hoạt động ngày 31\/12\/2026\)\. .* Hãy ghi ngày sáp nhập từ 01\/01\/2027 trở đi .* \/ cannot merge from 2026-10-01: .* Date the merge from 2027-01-01 or later/,
    );
    expect(await count("units", "id = 't-r4u-uyuu'")).toBe(0);
    expect(await count("units", "id IN ('t-r4u-uy', 't-r4u-uu') AND valid_to IS NULL")).toBe(2);
    expect(await count("unit_successors", "predecessor_id IN ('t-r4u-uy', 't-r4u-uu')")).toBe(0);
  });

  it("refuses it when only one predecessor submitted, or has only survey scores in the period", async () => {
    const one = await merge("t-r4u-uyao", ["t-r4u-ao", "t-r4u-uy"], "2026-10-01");
    expect([one.status, one.body.error?.code]).toEqual([409, "MERGE_AFTER_SUBMISSIONS"]);
    expect(one.body.error.message).not.toContain("t-r4u-ao");
    const survey = await call("POST", `/v1/periods/${PERIOD}/survey`, { rawBody: "t-r4u-sv,7.1.3,1\n", headers: { "Content-Type": "text/csv" }, at: NOVEMBER });
    expect(survey.status, survey.text).toBe(201);
    const surveyed = await merge("t-r4u-svot", ["t-r4u-sv", "t-r4u-ot"], "2026-10-01");
    expect([surveyed.status, surveyed.body.error?.code], surveyed.text).toEqual([409, "MERGE_AFTER_SUBMISSIONS"]);
    expect(surveyed.body.error.message).toMatch(/t-r4u-sv \(điểm khảo sát\)/);
  });

  it("guards the merge's batch too: a version landing between the check and the batch rolls the whole merge back", async () => {
    // As the merge route builds it for t-r4u-uy, which has a version in the period (the route's check would have refused first).
    const batch = [
      insertUnitStatement(env.DB, { id: "t-r4u-race", name: "Xã Chạy Đua", type: "commune", parentId: PROVINCE, validFrom: "2026-10-01", validTo: null }, new Date().toISOString()),
      closeUnitStatement(env.DB, "t-r4u-uy", "2026-09-30"),
      linkSuccessorStatement(env.DB, "t-r4u-uy", "t-r4u-race", 1, "2026-10-01"),
    ];
    await expect(env.DB.batch(batch)).rejects.toThrow(DATA_SINCE_CHECK);
    expect(await count("units", "id = 't-r4u-race'")).toBe(0);
    expect(await count("units", "id = 't-r4u-uy' AND valid_to IS NULL")).toBe(1);
  });

  it("records it from the day after the period's last day: the period ranks the predecessors once, without the successor", async () => {
    const res = await merge("t-r4u-uyuu", ["t-r4u-uy", "t-r4u-uu"], "2027-01-01");
    expect(res.status, res.text).toBe(201);
    const units = await ranked();
    expect(units).toEqual(expect.arrayContaining(["t-r4u-uy", "t-r4u-uu"]));
    expect(units).not.toContain("t-r4u-uyuu");
  });

  it("still records a merge whose predecessors did not submit (they are then no longer of the period) or submitted only for earlier years", async () => {
    const res = await merge("t-r4u-aoot", ["t-r4u-ao", "t-r4u-ot"], "2026-10-01");
    expect(res.status, res.text).toBe(201);
    const units = await ranked();
    expect(units).toContain("t-r4u-aoot");
    expect(units).not.toContain("t-r4u-ao");
    const late = await submit("t-r4u-ao");
    expect([late.status, late.body.error?.code]).toEqual([422, "UNIT_NOT_IN_PERIOD"]);
  });

  it("still records a merge whose predecessor submitted only for a period that ended before the merge date", async () => {
    expect((await create("t-r4u-cu", "Xã Năm Cũ", { validFrom: "2024-01-01" })).status).toBe(201);
    const old = await call("POST", "/v1/submissions", { body: { period: "2024-commune", unit: "t-r4u-cu", items: fullItems(COMMUNE_SET) }, at: "2025-01-15T09:00:00+07:00", headers: { "Idempotency-Key": uniqueKey() } });
    expect(old.status, old.text).toBe(201);
    const res = await merge("t-r4u-cu-moi", ["t-r4u-cu"], "2026-10-01");
    expect(res.status, res.text).toBe(201);
  });
});
