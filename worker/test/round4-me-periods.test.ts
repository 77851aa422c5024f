/**
 * GET /v1/me `consolidation` (pane red-team finding 3): ranking happens after the deadline, so a
 * reviewer or the admin is offered every period of the levels it covers, open and closed (locked
 * too), newest first, a closed one labelled as such; `periods` (what a unit may still submit to)
 * keeps its meaning, and a unit token consolidates nothing.
 */
import { describe, expect, it } from "vitest";
import { MeSchema } from "../../shared/index.ts";
import { bearer, call, createToken, seedDemoCycle } from "./helpers.ts";

const BEFORE = "2025-01-15T09:00:00+07:00";
const AFTER = "2025-02-01T09:00:00+07:00";

const me = async (headers: Record<string, string>, at: string) => {
  const res = await call("GET", "/v1/me", { headers, at });
  expect(res.status, res.text).toBe(200);
  return MeSchema.parse(res.body);
};
const REVIEWER = { Authorization: "Bearer demo-reviewer" };
const ADMIN = { Authorization: "Bearer demo-admin" };

describe("GET /v1/me: the periods a reviewer or the admin may consolidate", () => {
  it("offers the reviewer the closed demo cycle after its deadline, labelled as closed, while no period is open to it", async () => {
    await seedDemoCycle();
    const m = await me(REVIEWER, AFTER);
    expect(m.periods).toEqual([]);
    const demo = m.consolidation.find((p) => p.id === "2024-commune-demo");
    expect(demo).toEqual({
      id: "2024-commune-demo",
      year: 2024,
      criteriaSet: { id: "demo-commune-2024", version: 1, title: "Bộ chỉ số CCHC cấp xã năm 2024 (minh họa)" },
      unitType: "commune",
      deadline: "2025-01-31T17:00:00+07:00",
      extended: false,
      closed: true,
      label: { vi: "Kỳ đánh giá năm 2024 — cấp xã, đã hết hạn nộp 17:00 ngày 31/01/2025 (mã kỳ 2024-commune-demo)", en: "Assessment period 2024 — commune level, closed 17:00 on 31/01/2025 (period 2024-commune-demo)" },
    });
    // only the levels below the district reviewer: communes and wards
    expect(new Set(m.consolidation.map((p) => p.unitType))).toEqual(new Set(["commune"]));
    // and the ranking of that period answers it
    expect((await call("GET", "/v1/periods/2024-commune-demo/ranking", { headers: REVIEWER, at: AFTER })).status).toBe(200);
  });

  it("labels an open period as the unit sees it, and keeps `periods` unchanged", async () => {
    const m = await me(REVIEWER, BEFORE);
    for (const period of m.periods) expect(m.consolidation.find((p) => p.id === period.id)).toMatchObject({ closed: false, label: period.label });
    expect(m.consolidation.find((p) => p.id === "2024-commune")).toMatchObject({ closed: false, label: { vi: "Kỳ đánh giá năm 2024 — cấp xã, hạn nộp 17:00 ngày 31/01/2025 (mã kỳ 2024-commune)" } });
  });

  it("gives the admin every level, newest year first, locked periods too; a unit token none", async () => {
    const locked = await call("POST", "/v1/periods", { body: { id: "2024-commune-locked", year: 2024, criteriaSet: { id: "demo-commune-2024", version: 1 }, deadline: "2026-01-31T17:00:00+07:00", locked: true } });
    expect(locked.status).toBe(201);
    const m = await me(ADMIN, BEFORE);
    expect(m.consolidation[0]).toMatchObject({ id: "2024-commune-locked", closed: true, label: { vi: "Kỳ đánh giá năm 2024 — cấp xã, đã khóa (hạn nộp 17:00 ngày 31/01/2026)" } });
    expect(m.consolidation.map((p) => p.year)).toEqual([...m.consolidation.map((p) => p.year)].sort((a, b) => b - a));
    expect(m.consolidation.map((p) => p.id)).toEqual(expect.arrayContaining(["2024-commune", "2024-district", "2024-province"]));
    // `periods` stays what may still be submitted to: the locked one is not there
    expect(m.periods.map((p) => p.id)).not.toContain("2024-commune-locked");
    const unit = await me(bearer(await createToken("unit", "xa-an-loc")), AFTER);
    expect(unit.consolidation).toEqual([]);
  });
});
