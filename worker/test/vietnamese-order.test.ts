/**
 * Names in Vietnamese dictionary order (shared/text.ts, as the ranking's ties and the codes
 * sheet use it): A Ă Â B C D Đ E Ê … O Ô Ơ … Y, tones after letters — never by bytes
 * (where "Ô", "Đ", "Ơ", "Ấ" sort after "Y") nor by id ("xa-dong-…" before "xa-duong-…").
 */
import { beforeAll, describe, expect, it } from "vitest";
import type { UnitNode } from "../src/api-schemas.ts";
import { call } from "./helpers.ts";
import { newPeriod } from "./cycle-helpers.ts";

const PERIOD = "t-order-2024";
const DISTRICT = { id: "huyen-thu-thu-tu", name: "Huyện Thử Thứ Tự" };
/** In the order a Vietnamese reader expects them. */
const COMMUNES = [
  ["xa-ap-bac", "Xã Ấp Bắc"],
  ["xa-duong-minh", "Xã Dương Minh"],
  ["xa-dong-phong", "Xã Đông Phong"],
  ["xa-ea-kar", "Xã Ea Kar"],
  ["xa-o-loan", "Xã Ô Loan"],
  ["xa-on-tan", "Xã Ơn Tân"],
  ["xa-yen-the", "Xã Yên Thế"],
] as const;
const NAMES = COMMUNES.map(([, name]) => name);

beforeAll(async () => {
  const district = await call("POST", "/v1/units", { body: { ...DISTRICT, type: "district", parentId: "tinh-minh-hoa", validFrom: "2020-01-01", validTo: "2025-06-30" } });
  expect(district.status, JSON.stringify(district.body)).toBe(201);
  // Created in reverse, so that neither the order of creation nor the ids give the expected order.
  for (const [id, name] of [...COMMUNES].reverse()) {
    const res = await call("POST", "/v1/units", { body: { id, name, type: "commune", parentId: DISTRICT.id, validFrom: "2020-01-01", validTo: "2025-06-30" } });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
  await newPeriod(PERIOD);
});

describe("Vietnamese order", () => {
  it("the board lists each group's units, and the groups by their parent's name, in Vietnamese order", async () => {
    const res = await call("GET", `/v1/periods/${PERIOD}/board`);
    expect(res.status).toBe(200);
    const groups = res.body.groups as { parent: string; parentName: string; units: { unitName: string }[] }[];
    expect(groups.map((g) => g.parentName)).toEqual(["Huyện An Bình", "Huyện Đông Sơn", "Huyện Thử Thứ Tự", "Thị xã Phú Mỹ"]);
    expect(groups.find((g) => g.parent === DISTRICT.id)!.units.map((u) => u.unitName)).toEqual(NAMES);
    expect(groups.find((g) => g.parent === "huyen-dong-son")!.units.map((u) => u.unitName)).toEqual(["Xã Đông Hải", "Xã Đông Tiến", "Xã Sơn Thủy"]);
  });

  it("the unit tree lists every unit's children in Vietnamese order", async () => {
    const res = await call("GET", "/v1/units?asOf=2024-06-01");
    expect(res.status).toBe(200);
    const find = (nodes: UnitNode[], id: string): UnitNode | undefined => nodes.map((n) => (n.id === id ? n : find(n.children, id))).find(Boolean);
    expect(find(res.body.units, DISTRICT.id)!.children.map((c) => c.name)).toEqual(NAMES);
    expect(find(res.body.units, "tinh-minh-hoa")!.children.map((c) => c.name)).toEqual([
      "Huyện An Bình",
      "Huyện Đông Sơn",
      "Huyện Thử Thứ Tự",
      "Sở Nội vụ",
      "Sở Tài chính",
      "Sở Tư pháp",
      "Sở Y tế",
      "Thị xã Phú Mỹ",
    ]);
  });
});
