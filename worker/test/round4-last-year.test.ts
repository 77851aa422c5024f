import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { AT, createCommune, submitFor } from "./cycle-helpers.ts";
import { COMMUNE_SET, call } from "./helpers.ts";

/**
 * Red-team round 4, finding 3: "change from last year".
 *   (a) Last year's period is the one of last year, of the unit level, with the most units
 *       with results (a submission or survey scores; ties by id) — not the first by id, which
 *       may have none. The ranking's `previousPeriod`, the trend's row for that year and the
 *       unit history's row for that year are that one period.
 *   (b) A unit with no result of its own last year (it did not submit, or did not exist) has
 *       no previous index: previous, change and rank change are null (empty in the exports,
 *       noted "Không có kết quả năm trước") — never a 0 % made up. A merged unit's mean is over
 *       the predecessors that had a result.
 */
const A = "t-ly-2023-a"; // sorts first by id; one unit at first
const B = "t-ly-2023-b"; // three units
const P = "t-ly-2024";
const SET_2023 = { ...COMMUNE_SET, id: "t-ly-commune-2023", year: 2023, period: { from: "2023-01-01", to: "2023-12-31" } };
const [U1, U2, U3, U4] = ["t-ly-u1", "t-ly-u2", "t-ly-u3", "t-ly-u4"];
const [M1, M2, MM] = ["t-ly-m1", "t-ly-m2", "t-ly-m12"];
const LATE = "t-ly-late";

const get = async (path: string) => {
  const res = await call("GET", path, { at: AT });
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const itemOf = (ranking: any, unit: string) => ranking.items.find((i: any) => i.unit === unit);

async function period(id: string, year: number, set: { id: string }): Promise<void> {
  const res = await call("POST", "/v1/periods", { body: { id, year, criteriaSet: { id: set.id, version: 1 }, deadline: "2099-01-31T17:00:00+07:00" } });
  expect(res.status, res.text).toBe(201);
}

beforeAll(async () => {
  expect((await call("POST", "/v1/criteria-sets", { body: { set: SET_2023, status: "published" } })).status).toBe(201);
  await period(A, 2023, SET_2023);
  // One open period per year and level is now the rule (POST /v1/periods refuses a second: go-live
  // GL-2), but databases from before it hold such twins, and last year's must still be the one with
  // results: B is written as such a database holds it.
  expect((await call("POST", "/v1/periods", { body: { id: B, year: 2023, criteriaSet: { id: SET_2023.id, version: 1 }, deadline: "2099-01-31T17:00:00+07:00" } })).status).toBe(409);
  await env.DB.prepare("INSERT INTO periods (id, year, criteria_set_id, criteria_set_version, deadline, locked, created_at) VALUES (?1, 2023, ?2, 1, '2099-01-31T17:00:00+07:00', 0, '2026-01-01T00:00:00.000Z')").bind(B, SET_2023.id).run();
  await period(P, 2024, COMMUNE_SET);
  for (const [id, name] of [[U1, "Xã Năm Một"], [U2, "Xã Năm Hai"], [U3, "Xã Năm Ba"], [U4, "Xã Năm Bốn"], [M1, "Xã Trước Một"], [M2, "Xã Trước Hai"]] as const) await createCommune(id, name);
  await submitFor(A, U1, { short: 5 });
  for (const [unit, short] of [[U1, 1], [U2, 2], [U3, 3], [M1, 4]] as const) await submitFor(B, unit, { short });
  // M1 and M2 merge on 1/7/2024: only M1 had a result in 2023.
  const merge = await call("POST", "/v1/units/merge", { body: { into: { id: MM, name: "Xã Trước Hợp Nhất", type: "commune", parentId: "tinh-minh-hoa" }, from: [M1, M2], weights: { [M1]: 0.5 }, date: "2024-07-01" } });
  expect(merge.status, merge.text).toBe(201);
  for (const unit of [U1, U2, U3, U4, MM]) await submitFor(P, unit);
});

describe("last year's period is the one with results (finding 3a)", () => {
  it("ranking, trend and unit history name the same period of last year", async () => {
    const ranking = await get(`/v1/periods/${P}/ranking`);
    expect(ranking.previousPeriod).toBe(B);
    const last = await get(`/v1/periods/${B}/ranking`);
    expect(itemOf(ranking, U1).previous).toEqual({ percent: itemOf(last, U1).percent, rank: itemOf(last, U1).rank, basis: "own", note: null });
    const trend = await get(`/v1/periods/${P}/trend`);
    expect(trend.years.map((y: any) => [y.year, y.period])).toEqual([[2023, B], [2024, P]]);
    expect(trend.years[0].submitted).toBe(4);
    const history = await get(`/v1/units/${U1}/history`);
    expect(history.years.map((y: any) => [y.year, y.period, y.percent])).toEqual([[2023, B, itemOf(last, U1).percent], [2024, P, itemOf(ranking, U1).percent]]);
  });

  it("follows when another period of last year comes to have more results, with no stale snapshot", async () => {
    expect((await get(`/v1/periods/${P}/ranking`)).previousPeriod).toBe(B);
    for (const unit of [U2, U3, U4, M2]) await submitFor(A, unit, { short: 6 });
    const ranking = await get(`/v1/periods/${P}/ranking`);
    expect(ranking.previousPeriod).toBe(A);
    const last = await get(`/v1/periods/${A}/ranking`);
    expect(itemOf(ranking, U4).previous).toMatchObject({ basis: "own", percent: itemOf(last, U4).percent, rank: itemOf(last, U4).rank });
    expect((await get(`/v1/periods/${P}/trend`)).years[0].period).toBe(A);
    expect((await get(`/v1/units/${U1}/history`)).years.map((y: any) => y.period)).toEqual([A, P]);
    // The same as a build from nothing.
    await env.DB.batch([env.DB.prepare("UPDATE ranking_units SET computed_rev = 0"), env.DB.prepare("UPDATE ranking_periods SET built = NULL")]);
    expect(await get(`/v1/periods/${P}/ranking`)).toEqual(ranking);
    // …and back.
    for (const unit of [U2, U3, "xa-an-phu", "xa-an-loc"]) await submitFor(B, unit, { short: 2 });
    expect((await get(`/v1/periods/${P}/ranking`)).previousPeriod).toBe(B);
  });
});

describe("no result last year, no previous index (finding 3b)", () => {
  it("a unit that did not submit last year has no previous, change or rank change", async () => {
    const ranking = await get(`/v1/periods/${P}/ranking`);
    expect(ranking.previousPeriod).toBe(B);
    const fresh = itemOf(ranking, U4);
    expect(fresh.submitted).toBe(true);
    expect([fresh.previous, fresh.change, fresh.rankChange]).toEqual([null, null, null]);
    // A unit of last year's ranking that sent nothing (listed there at 0 %) is no different.
    const idle = itemOf(ranking, "xa-binh-hoa");
    expect(itemOf(await get(`/v1/periods/${B}/ranking`), "xa-binh-hoa").submitted).toBe(false);
    expect([idle.previous, idle.change, idle.rankChange]).toEqual([null, null, null]);
  });

  it("a unit created now, open since before last year, has none either", async () => {
    const res = await call("POST", "/v1/units", { body: { id: LATE, name: "Xã Mới Ghi", type: "commune", parentId: "huyen-dong-son", validFrom: "2020-01-01", validTo: "2025-06-30" } });
    expect(res.status, res.text).toBe(201);
    await submitFor(P, LATE);
    const item = itemOf(await get(`/v1/periods/${P}/ranking`), LATE);
    expect(itemOf(await get(`/v1/periods/${B}/ranking`), LATE)).toMatchObject({ submitted: false });
    expect([item.previous, item.change, item.rankChange]).toEqual([null, null, null]);
  });

  it("a merged unit's previous index is the mean of the predecessors that had a result, noted in Vietnamese decimals", async () => {
    const ranking = await get(`/v1/periods/${P}/ranking`);
    const last = await get(`/v1/periods/${B}/ranking`);
    const item = itemOf(ranking, MM);
    expect(item.previous).toMatchObject({ basis: "merge", rank: null, percent: itemOf(last, M1).percent });
    const m1 = itemOf(last, M1).percent as number;
    expect(item.previous.note).toBe(
      `Bình quân gia quyền các đơn vị trước sáp nhập: Xã Trước Một ${String(m1).replace(".", ",")}% × 0,5 / weighted mean of predecessors: Xã Trước Một ${m1}% × 0.5`,
    );
    expect(item.change).toBe(Math.round((item.percent - itemOf(last, M1).percent) * 100) / 100);
    // The history's 2023 row for the merged unit is the same mean.
    const history = await get(`/v1/units/${MM}/history`);
    expect(history.years[0]).toMatchObject({ year: 2023, period: B, basis: "merge", percent: item.previous.percent });
  });

  it("the exports leave last year's columns empty and say why", async () => {
    const csv = await call("GET", `/v1/periods/${P}/ranking?format=csv`, { at: AT });
    expect(csv.status).toBe(200);
    const lines = csv.text.replace(/^\uFEFF/, "").trim().split(/\r?\n/).map((l) => l.split(";"));
    const header = lines[0]!;
    const col = (name: string) => header.indexOf(name);
    const row = lines.find((l) => l[1] === U4)!;
    expect(row[col("Chỉ số năm trước")]).toBe("");
    expect(row[col("Tăng/giảm (điểm %)")]).toBe("");
    expect(row[col("Hạng năm trước")]).toBe("");
    expect(row[col("Tăng/giảm hạng")]).toBe("");
    expect(row[col("Ghi chú")]).toBe("Không có kết quả năm trước");
    const own = lines.find((l) => l[1] === U1)!;
    expect(own[col("Chỉ số năm trước")]).not.toBe("");
    expect(own[col("Ghi chú")]).toBe("");
  });
});

describe("the check on every ranking read stays cheap", () => {
  it("counts a period's units with results from the keys' index, not from their stored rows", async () => {
    const plan = await env.DB.prepare(`EXPLAIN QUERY PLAN SELECT COUNT(*) FROM ranking_units ru WHERE ru.period_id = ?1`).bind(P).all<{ detail: string }>();
    expect(plan.results.map((r) => r.detail).join("\n")).toMatch(/COVERING INDEX ranking_units_by_period/);
  });
});
