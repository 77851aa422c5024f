import * as XLSX from "@e965/xlsx";
import { beforeAll, describe, expect, it } from "vitest";
import { compareVietnamese, RankingSchema } from "../../shared/index.ts";
import { RankingSchema as ApiRankingSchema } from "../src/api-schemas.ts";
import { AT, newPeriod, submitFor } from "./cycle-helpers.ts";
import { call, seedDemoHistory } from "./helpers.ts";
import { workerFetch } from "./observed-statuses.ts";

/**
 * Pane red team, finding 1: a unit with no data in the period (nothing submitted, no survey
 * score) has no index to rank. It was listed "hạng 1, 0 %, Yếu" — four communes that had sent
 * nothing all ranked first, counted 4 × Yếu in `bandCounts` while the trend said 0/4
 * submitted, one with a "change" of −66,26 against last year. Such a unit is listed after the
 * ranked units, in Vietnamese order, as "chưa nộp": rank, band, change and rank change null,
 * not counted in `bandCounts`. Units with data (a version or survey scores) rank as before.
 */
const P = "t-unr-2024";
const EMPTY = "t-unr-empty";
type Item = { unit: string; unitName: string; rank: number | null; band: string | null; change: number | null; rankChange: number | null; submitted: boolean; survey: { imported: boolean }; previous: unknown };

const get = async (path: string, as: "admin" | "reviewer" = "admin") => {
  const res = await call("GET", path, { at: AT, as });
  expect(res.status, res.text).toBe(200);
  return res.body;
};
const bandTotal = (r: { bandCounts: { count: number }[] }) => r.bandCounts.reduce((a, b) => a + b.count, 0);

/** The whole ranking's shape: ranked units first (competition ranks), then the unranked ones in Vietnamese order with nothing made up. */
function expectListedAsNotSubmitted(ranking: { items: Item[]; bandCounts: { count: number }[] }): void {
  const items = ranking.items;
  const firstUnranked = items.findIndex((i) => i.rank === null);
  const ranked = firstUnranked < 0 ? items : items.slice(0, firstUnranked);
  const unranked = firstUnranked < 0 ? [] : items.slice(firstUnranked);
  for (const i of ranked) expect(i.submitted || i.survey.imported, i.unit).toBe(true);
  for (const i of unranked) expect({ unit: i.unit, rank: i.rank, band: i.band, change: i.change, rankChange: i.rankChange, data: i.submitted || i.survey.imported }).toEqual({ unit: i.unit, rank: null, band: null, change: null, rankChange: null, data: false });
  expect(unranked.map((i) => i.unitName)).toEqual([...unranked.map((i) => i.unitName)].sort(compareVietnamese));
  expect(bandTotal(ranking)).toBe(ranked.length);
}

beforeAll(async () => {
  await seedDemoHistory(); // 2023-commune: every demo commune has a result, so last year is there to compare
  await newPeriod(P);
  await newPeriod(EMPTY);
});

describe("units without data are not ranked (pane finding 1)", () => {
  it("a period where no unit has sent anything: no rank, no band, no change, no band counted", async () => {
    const ranking = await get(`/v1/periods/${EMPTY}/ranking`);
    expect(ranking.previousPeriod).toBe("2023-commune");
    expect(ranking.items.length).toBeGreaterThan(3);
    expect(ranking.items.every((i: Item) => i.rank === null && i.band === null && i.change === null && i.rankChange === null)).toBe(true);
    expect(bandTotal(ranking)).toBe(0);
    expectListedAsNotSubmitted(ranking);
    // Last year's index is still shown (it is a fact), with nothing compared against it.
    expect(ranking.items.find((i: Item) => i.unit === "xa-an-phu").previous).toMatchObject({ basis: "own" });
    expect(RankingSchema.safeParse(ranking).success).toBe(true);
    expect(ApiRankingSchema.safeParse(ranking).success).toBe(true);
    // The trend says the same: none submitted, no band counted.
    const trend = await get(`/v1/periods/${EMPTY}/trend`);
    const year = trend.years.find((y: { period: string }) => y.period === EMPTY);
    expect(year.submitted).toBe(0);
    expect(Object.values(year.counts).every((n) => n === 0)).toBe(true);
  });

  it("units with a version or survey scores rank (ties share a rank); the rest follow as not submitted", async () => {
    await submitFor(P, "xa-an-loc", { short: 1 });
    await submitFor(P, "xa-binh-hoa", { short: 1 }); // tied with An Lộc
    await submitFor(P, "xa-dong-hai");
    // Survey scores alone are data: Xã Sơn Thủy sent nothing but is surveyed.
    expect((await call("POST", `/v1/periods/${P}/survey`, { rawBody: "unit;code;score\r\nxa-son-thuy;7.1.1;4\r\n", headers: { "Content-Type": "text/csv" } })).status).toBe(201);
    const ranking = await get(`/v1/periods/${P}/ranking`);
    expectListedAsNotSubmitted(ranking);
    const ranked = (ranking.items as Item[]).filter((i) => i.rank !== null);
    expect(ranked.map((i) => [i.unit, i.rank])).toEqual([["xa-dong-hai", 1], ["xa-an-loc", 2], ["xa-binh-hoa", 2], ["xa-son-thuy", 4]]);
    expect(ranked.every((i) => i.band !== null && i.change !== null)).toBe(true);
    expect(ranking.items.length).toBeGreaterThan(ranked.length);
    // A unit's history says "hạng 2/4": of the ranked units, not of every unit listed.
    const history = await get(`/v1/units/xa-an-loc/history`);
    expect(history.years.find((y: { period: string }) => y.period === P)).toMatchObject({ rank: 2, of: 4 });
    // A reviewer's view: its subtree's rows and band counts, with province-wide ranks.
    const mine = await get(`/v1/periods/${P}/ranking`, "reviewer");
    expectListedAsNotSubmitted(mine);
  });

  it("pages through the unranked rows too", async () => {
    const whole = (await get(`/v1/periods/${P}/ranking`)).items as Item[];
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: Item[]; nextCursor: string | null } = await get(`/v1/periods/${P}/ranking?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`);
      seen.push(...page.items.map((i) => i.unit));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(whole.map((i) => i.unit));
  });

  it("next year, a unit that was not ranked stands for nothing: a merged unit's previous index is its ranked predecessors' alone", async () => {
    const last = (await get(`/v1/periods/${P}/ranking`)).items as Item[];
    const next = await newPeriod("t-unr-2025", 2025);
    const ranking = await get(`/v1/periods/${next}/ranking`);
    expect(ranking.previousPeriod).toBe(P);
    // Xã An Phú Lộc (1/7/2025) is Xã An Phú (nothing sent in 2024) and Xã An Lộc (ranked).
    const merged = (ranking.items as Item[]).find((i) => i.unit === "xa-an-phu-loc")!;
    const anLoc = last.find((i) => i.unit === "xa-an-loc") as Item & { percent: number };
    expect(merged.previous).toMatchObject({ basis: "merge", percent: anLoc.percent, rank: null });
    expect((merged.previous as { note: string }).note).not.toMatch(/An Phú /);
    expect(merged.change).toBeNull(); // not ranked this year: nothing to compare
  });

  it("the exports leave rank, index and band empty and say 'Chưa nộp'; the band sheet counts them apart", async () => {
    const headers = { Authorization: "Bearer demo-admin", "X-Test-Now": AT };
    const csv = await (await workerFetch(`https://parindex.test/v1/periods/${P}/ranking?format=csv`, { headers })).text();
    const [head, ...lines] = csv.replace(/^\uFEFF/, "").trim().split(/\r?\n/).map((l) => l.split(";"));
    const col = (name: string) => head!.indexOf(name);
    const tien = lines.find((l) => l[col("Mã đơn vị")] === "xa-dong-tien")!;
    expect([tien[col("Hạng")], tien[col("Chỉ số (%)")], tien[col("Xếp loại")], tien[col("Trạng thái")], tien[col("Tăng/giảm (điểm %)")], tien[col("Tăng/giảm hạng")]]).toEqual(["", "", "Chưa nộp", "Chưa nộp", "", ""]);
    const hai = lines.find((l) => l[col("Mã đơn vị")] === "xa-dong-hai")!;
    expect(hai[col("Hạng")]).toBe("1");
    // The ranked rows come first.
    expect(lines.findIndex((l) => l[col("Hạng")] === "")).toBe(4);

    const bytes = new Uint8Array(await (await workerFetch(`https://parindex.test/v1/periods/${P}/ranking?format=xlsx`, { headers })).arrayBuffer());
    const wb = XLSX.read(bytes, { type: "array" });
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets["Xếp hạng"]!, { header: 1, defval: null });
    const row = rows.find((r) => r[1] === "xa-dong-tien")!;
    expect([row[0], row[4], row[5]]).toEqual([null, null, "Chưa nộp"]);
    const bands = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets["Xếp loại"]!, { header: 1 });
    expect(bands.at(-1)).toEqual(["Chưa nộp", rows.length - 1 - 4]);
    expect(bands.slice(1, -1).reduce((a, b) => a + (b[1] as number), 0)).toBe(4);
  });

  it("planning by rank reads the ranked units, survey-only ones included, never the unranked", async () => {
    // Rank 3 for Xã An Lộc: tie the third of the others — Xã Sơn Thủy, ranked on its survey scores
    // alone (counting the submitted units only, there was no third: any index would do).
    const res = await call("GET", `/v1/periods/${P}/units/xa-an-loc/plan?rank=3`, { at: AT });
    expect(res.status, res.text).toBe(200);
    const sonThuy = (await get(`/v1/periods/${P}/ranking`)).items.find((i: Item) => i.unit === "xa-son-thuy");
    expect(sonThuy.percent).toBeGreaterThan(0);
    expect(res.body.plan.targetPercent).toBe(sonThuy.percent);
  });
});
