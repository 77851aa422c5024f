/**
 * PANE3-6: a year with two periods of one level that both have results (twins from before the
 * one-open-period rule). A unit's year is taken from the period where its result is final, else
 * appraised, else where it has one — not from the twin with the most ranked units, which held
 * its own unappraised figure while the other held the reviewer's final one. The unit history
 * and next year's "change" say the same.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { appraise, createCommune, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { call } from "./helpers.ts";

const BIG = "t23-twin-2021-a"; // more units, the unit's own figure
const FINAL = "t23-twin-2021-b"; // fewer units, the reviewer's final figure
const NEXT = "t23-twin-2022";
const AT21 = "2021-12-10T09:00:00+07:00";
const AT22 = "2022-12-10T09:00:00+07:00";
const UNIT = "t23-xa-twin";
let finalPercent = 0;
let ownPercent = 0;

beforeAll(async () => {
  // Both deadlines over by the real clock: neither is "open", so the twin is taken (as before the rule).
  await newPeriod(BIG, 2021, "2022-01-31T17:00:00+07:00");
  await newPeriod(FINAL, 2021, "2022-01-31T17:00:00+07:00");
  await newPeriod(NEXT, 2022, "2023-01-31T17:00:00+07:00");
  for (const [id, name] of [[UNIT, "Xã Song Sinh"], ["t23-xa-twin-2", "Xã Song Sinh Hai"], ["t23-xa-twin-3", "Xã Song Sinh Ba"]] as const) await createCommune(id, name);
  ownPercent = (await submitFor(BIG, UNIT, { short: 1, at: AT21 })).report.percent;
  await submitFor(BIG, "t23-xa-twin-2", { at: AT21 });
  await submitFor(BIG, "t23-xa-twin-3", { short: 2, at: AT21 });
  const sent = await submitFor(FINAL, UNIT, { short: 1, at: AT21 });
  const cut = sent.report.items.find((i) => i.kind !== "survey" && i.score > 0)!;
  expect((await step(FINAL, UNIT, { action: "start_review" }, "admin", AT21)).status).toBe(200);
  expect((await appraise(FINAL, UNIT, [{ code: cut.code, score: 0, comment: "Thiếu văn bản kiểm chứng" }], "admin")).status).toBe(200);
  expect((await step(FINAL, UNIT, { action: "finalize" }, "admin", AT21)).status).toBe(200);
  const ranked = (await call("GET", `/v1/periods/${FINAL}/ranking`, { at: AT21 })).body.items.find((i: any) => i.unit === UNIT);
  expect(ranked.status).toBe("final");
  finalPercent = ranked.percent;
  expect(finalPercent).toBeLessThan(ownPercent);
  await submitFor(NEXT, UNIT, { at: AT22 });
});

describe("PANE3-6: a unit's year among twin periods", () => {
  it("the history takes the twin where the unit's result is final, not the one with the most units", async () => {
    const res = await call("GET", `/v1/units/${UNIT}/history`, { at: AT22 });
    expect(res.status, res.text).toBe(200);
    const y2021 = res.body.years.find((y: any) => y.year === 2021);
    expect([y2021.period, y2021.percent, y2021.basis]).toEqual([FINAL, finalPercent, "own"]);
  });

  it("a unit with a result in the big twin only keeps it there", async () => {
    const res = await call("GET", "/v1/units/t23-xa-twin-2/history", { at: AT22 });
    expect(res.body.years.find((y: any) => y.year === 2021).period).toBe(BIG);
  });

  it("next year's previous index and change read the same twin as the history", async () => {
    const ranking = (await call("GET", `/v1/periods/${NEXT}/ranking`, { at: AT22 })).body;
    const own = ranking.items.find((i: any) => i.unit === UNIT);
    expect(own.previous.percent).toBe(finalPercent);
    expect(own.change).toBe(Math.round((own.percent - finalPercent) * 100) / 100);
  });
});
