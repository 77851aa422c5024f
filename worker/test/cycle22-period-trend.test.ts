/**
 * CYC1-5: the trend's `counts` are of submitted units (a unit that sent a version: "đã nộp"),
 * the ranking's `bandCounts` of every ranked unit (a version sent or survey scores). Each year
 * of the trend now also carries the ranking's population — `ranked` and `rankedCounts` — so a
 * provincial report quoting the ranking and the trend for the same year says the same thing.
 */
import { describe, expect, it } from "vitest";
import { AT, newPeriod, submitFor } from "./cycle-helpers.ts";
import { call, uniqueKey } from "./helpers.ts";

describe("the trend's ranked counts are the ranking's bandCounts", () => {
  it("counts a unit ranked on survey scores alone there, and only submitted units in counts", async () => {
    const p = await newPeriod(`t-trd-${uniqueKey().slice(-10)}`);
    await submitFor(p, "xa-an-loc");
    const imported = await call("POST", `/v1/periods/${p}/survey`, { rawBody: "xa-binh-hoa;7.2;1\n", headers: { "Content-Type": "text/csv" } });
    expect(imported.status).toBe(201);
    const ranking = await call("GET", `/v1/periods/${p}/ranking`, { at: AT });
    const trend = await call("GET", `/v1/periods/${p}/trend`, { at: AT });
    expect(trend.status).toBe(200);
    const year = trend.body.years.find((y: { period: string }) => y.period === p);
    const fromRanking = Object.fromEntries(ranking.body.bandCounts.filter((b: { band: string | null }) => b.band !== null).map((b: { band: string; count: number }) => [b.band, b.count]));
    expect(year.rankedCounts).toEqual(Object.fromEntries(trend.body.bands.map((b: string) => [b, fromRanking[b] ?? 0])));
    expect([year.submitted, year.ranked]).toEqual([1, 2]);
    const sum = (o: Record<string, number>) => Object.values(o).reduce((a, n) => a + n, 0);
    expect([sum(year.counts), sum(year.rankedCounts)]).toEqual([1, 2]);
  });
});
