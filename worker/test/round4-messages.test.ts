/**
 * Red-team round 4 (Worker API), messages that said something other than what happened: a
 * refused score is shown as sent (4,251, not 4,25); a citation dated on a day that does not
 * exist is flagged as such in the register, not as undated; a survey CSV saved as UTF-16 is
 * named as the wrong encoding, not as unknown units full of NUL characters; the baseline's
 * "two decimals" refusal speaks Vietnamese first.
 */
import { describe, expect, it } from "vitest";
import { parseSurveyCsv } from "../../shared/index.ts";
import { AT, newPeriod } from "./cycle-helpers.ts";
import { call, COMMUNE_SET, count, fullItems, uniqueKey } from "./helpers.ts";
import { workerFetch } from "./observed-statuses.ts";

const periodId = (tag: string) => `t-r4m-${tag}-${uniqueKey().slice(-8)}`;

async function submitWith(period: string, changes: Record<string, { self?: number; evidence?: string }>) {
  const items = fullItems(COMMUNE_SET).map((i) => (changes[i.code] ? { ...i, ...changes[i.code] } : i));
  const res = await call("POST", "/v1/submissions", { body: { period, unit: "xa-an-loc", items }, at: AT, headers: { "Idempotency-Key": uniqueKey() } });
  expect(res.status).toBe(201);
  return res.body as { id: string; report: { findings: { code: string; criterion?: string; message: string }[] } };
}

describe("a refused score is shown as it was sent", () => {
  it("SCORE_STEP and SCORE_OVER_MAX quote 1,251 and 3,004, not the rounded 1,25 and 3", async () => {
    const p = await newPeriod(periodId("step"));
    const { report } = await submitWith(p, { "1.3": { self: 1.251 }, "4.3": { self: 3.004 } });
    const message = (code: string) => report.findings.find((f) => f.code === code)?.message;
    expect(message("SCORE_STEP")).toMatch(/^Điểm 1,251 của tiêu chí 1\.3 không đúng bước 0,5 /);
    expect(message("SCORE_OVER_MAX")).toMatch(/^Điểm tự đánh giá của tiêu chí 4\.3 là 3,004, vượt điểm tối đa 3:/);
  });
});
