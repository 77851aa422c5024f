/**
 * API round 6 (API6-6): one unit per name under a parent, whatever punctuation the name is
 * written with. Excel and Word turn ' into ’ on their own, and the Central Highlands' names are
 * written "Ea H'Leo", "Ea H’Leo" and "Ea-H'Leo": a units sheet sent again after such an edit
 * created the commune a second time (ids -2, -3), and POST /v1/units took "Xã "Quang Trung"",
 * "Xã Quang Trung," and "Xã Quang-Trung" as new communes, each then on the board as late.
 */
import { describe, expect, it } from "vitest";
import { UnitImportResultSchema } from "../../shared/index.ts";
import { call, count } from "./helpers.ts";

const PROVINCE = "tinh-minh-hoa";
const create = (id: string, name: string) => call("POST", "/v1/units", { body: { id, name, type: "commune", parentId: PROVINCE, validFrom: "2025-07-01" } });

describe("POST /v1/units: the name written with other punctuation", () => {
  it.each([
    ["a typographic apostrophe", "Xã Ea H’Leo"],
    ["a modifier-letter apostrophe", "Xã Ea Hʼleo"],
    ["a hyphen", "Xã Ea-H'Leo"],
    ["an en dash", "Xã Ea–H'Leo"],
  ])("refuses %s with 409 UNIT_NAME_EXISTS", async (_, name) => {
    expect((await create("t-r6-ea-hleo", "Xã Ea H'Leo")).status).toBeOneOf([201, 409]);
    const res = await create(`t-r6-ea-${name.length}-${name.codePointAt(8)}`, name);
    expect([res.status, res.body.error?.code], res.text).toEqual([409, "UNIT_NAME_EXISTS"]);
    expect(res.body.error.message).toContain("(t-r6-ea-hleo)");
  });

  it.each([
    ["quotes", 'Xã "Quang Trung"'],
    ["curly quotes", "Xã “Quang Trung”"],
    ["a trailing comma", "Xã Quang Trung,"],
    ["a hyphen", "Xã Quang-Trung"],
    ["brackets", "Xã (Quang Trung)"],
  ])("refuses the name with %s", async (_, name) => {
    expect((await create("t-r6-quang-trung", "Xã Quang Trung")).status).toBeOneOf([201, 409]);
    const res = await create(`t-r6-qt-${name.length}-${name.codePointAt(3)}`, name);
    expect([res.status, res.body.error?.code], res.text).toEqual([409, "UNIT_NAME_EXISTS"]);
    expect(await count("units", "id LIKE 't-r6-qt-%'")).toBe(0);
  });

  it("keeps a name that differs in its letters: Ea Hleo is not Ea H'Leo, Quang Trung (cũ) is not Quang Trung", async () => {
    expect((await create("t-r6-ea-hleo", "Xã Ea H'Leo")).status).toBeOneOf([201, 409]);
    expect((await create("t-r6-hleo-2", "Xã Ea Hleo")).status).toBe(201);
    expect((await create("t-r6-qt-cu", "Xã Quang Trung (cũ)")).status).toBe(201);
  });
});

describe("POST /v1/units/import: the same sheet again after Excel changed its apostrophes", () => {
  const rows = (name: string) => [{ row: 2, name, type: "Xã", parent: "Tỉnh Minh Họa (minh họa)", validFrom: "01/07/2025" }];
  const send = (name: string, dryRun: boolean) => call("POST", "/v1/units/import", { body: { rows: rows(name), dryRun } });

  it("reads the row written with ’ or a hyphen as the unit the first sheet created: exists, nothing created twice", async () => {
    const first = await send("Xã Ea H'Lâm", false);
    expect(first.status, first.text).toBeOneOf([200, 201]);
    const made = UnitImportResultSchema.parse(first.body).units;
    expect(made.map((u) => u.action)).toEqual(["create"]);
    for (const again of ["Xã Ea H’Lâm", "Xã Ea-H'Lâm", "Xã Ea H‘Lâm,"]) {
      const res = await send(again, true);
      expect(res.status, res.text).toBe(200);
      const plan = UnitImportResultSchema.parse(res.body);
      expect(plan.problems, again).toEqual([]);
      expect(plan.units.map((u) => [u.id, u.action]), again).toEqual([[made[0]!.id, "exists"]]);
    }
    expect(await count("units", "name LIKE 'Xã Ea%Lâm%'")).toBe(1);
  });

  it("takes two rows of one parent differing only in punctuation for a duplicate", async () => {
    const res = await call("POST", "/v1/units/import", {
      body: { rows: [...rows("Xã Cư M'gar"), { ...rows("Xã Cư M’gar")[0]!, row: 3 }, { ...rows("Xã Cư-M'gar")[0]!, row: 4 }], dryRun: true },
    });
    const plan = UnitImportResultSchema.parse(res.body);
    expect(plan.problems.map((p) => [p.row, p.code])).toEqual([[3, "DUPLICATE_NAME"], [4, "DUPLICATE_NAME"]]);
  });
});
