/**
 * GET /v1/me offers the periods open to the token (issue 16): of its unit's level (a commune
 * never sees district or province periods), before the deadline that applies to it (its
 * exception when it has one), not locked, labelled in plain words.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { isSoleRoot } from "../src/repositories/unit-repository.ts";
import { MeSchema } from "../../shared/index.ts";
import { bearer, call, createToken } from "./helpers.ts";

const BEFORE = "2025-01-15T09:00:00+07:00";
const AFTER = "2025-02-01T09:00:00+07:00";

const me = async (headers: Record<string, string>, at: string) => MeSchema.parse((await call("GET", "/v1/me", { headers, at })).body);
const ids = (m: { periods: { id: string }[] }) => m.periods.map((p) => p.id);

describe("GET /v1/me: the periods open to the token", () => {
  it("offers a commune only the commune period, labelled with its deadline (17:00 ngày dd/mm/yyyy)", async () => {
    const commune = await createToken("unit", "xa-an-loc");
    const m = await me(bearer(commune), BEFORE);
    expect(m).toMatchObject({ role: "unit", unit: { id: "xa-an-loc", name: "Xã An Lộc" } });
    expect(m.periods).toEqual([
      {
        id: "2024-commune",
        year: 2024,
        criteriaSet: { id: "demo-commune-2024", version: 1, title: "Bộ chỉ số CCHC cấp xã năm 2024 (minh họa)" },
        unitType: "commune",
        deadline: "2025-01-31T17:00:00+07:00",
        extended: false,
        label: { vi: "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 17:00 ngày 31/01/2025", en: "Assessment period 2024 — commune level, due 17:00 on 31/01/2025" },
      },
    ]);
    expect((await me(bearer(commune), AFTER)).periods).toEqual([]);
  });

  it("uses the unit's deadline exception: the demo commune still has its period after the deadline", async () => {
    const m = await me({ Authorization: "Bearer demo-unit" }, AFTER);
    expect(m.periods.map((p) => [p.id, p.deadline, p.extended, p.label.vi])).toEqual([
      ["2024-commune", "2099-12-31T17:00:00+07:00", true, "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 17:00 ngày 31/12/2099 (đã gia hạn)"],
    ]);
  });

  it("offers a ward the commune-level period, a district its own, a reviewer the levels below its unit, the admin all", async () => {
    expect(ids(await me(bearer(await createToken("unit", "phuong-phu-my")), BEFORE))).toEqual(["2024-commune"]);
    expect(ids(await me(bearer(await createToken("unit", "huyen-dong-son")), BEFORE))).toEqual(["2024-district"]);
    expect(ids(await me(bearer(await createToken("unit", "so-tu-phap")), BEFORE))).toEqual([]);
    expect(ids(await me({ Authorization: "Bearer demo-reviewer" }, BEFORE))).toEqual(["2024-commune"]);
    expect(ids(await me(bearer(await createToken("reviewer", "tinh-minh-hoa")), BEFORE))).toEqual(["2024-commune", "2024-district"]);
    expect(ids(await me({ Authorization: "Bearer demo-admin" }, BEFORE))).toEqual(["2024-commune", "2024-district", "2024-province"]);
  });

  it("a province reviewer's levels: every unit's but its own where its unit is the only root, its subtree's once another root exists", async () => {
    const reviewer = bearer(await createToken("reviewer", "tinh-minh-hoa"));
    expect(await isSoleRoot(env.DB, "tinh-minh-hoa")).toBe(true);
    expect(ids(await me(reviewer, BEFORE))).toEqual(["2024-commune", "2024-district"]);
    // A second root with a province-level unit below it: not below this reviewer, so no province period for it.
    const at = "2024-01-01T00:00:00.000Z";
    await env.DB.batch([
      env.DB.prepare("INSERT INTO units (id, name, type, parent_id, valid_from, valid_to, created_at) VALUES ('vung-khac', 'Vùng Khác', 'province', NULL, '2020-01-01', NULL, ?1)").bind(at),
      env.DB.prepare("INSERT INTO units (id, name, type, parent_id, valid_from, valid_to, created_at) VALUES ('tinh-khac', 'Tỉnh Khác', 'province', 'vung-khac', '2020-01-01', NULL, ?1)").bind(at),
    ]);
    expect(await isSoleRoot(env.DB, "tinh-minh-hoa")).toBe(false);
    expect(ids(await me(reviewer, BEFORE))).toEqual(["2024-commune", "2024-district"]);
    expect(ids(await me(bearer(await createToken("reviewer", "vung-khac")), BEFORE))).toEqual(["2024-province"]);
  });

  it("leaves out a locked period", async () => {
    const created = await call("POST", "/v1/periods", { body: { id: "2024-commune-b-locked", year: 2024, criteriaSet: { id: "demo-commune-2024", version: 1 }, deadline: "2026-01-31T17:00:00+07:00", locked: true } });
    expect(created.status).toBe(201);
    const open = await call("POST", "/v1/periods", { body: { id: "2024-commune-b", year: 2024, criteriaSet: { id: "demo-commune-2024", version: 1 }, deadline: "2026-01-31T17:00:00+07:00" } });
    expect(open.status).toBe(201);
    expect(ids(await me(bearer(await createToken("unit", "xa-an-loc")), BEFORE))).toEqual(["2024-commune", "2024-commune-b"]);
  });
});
