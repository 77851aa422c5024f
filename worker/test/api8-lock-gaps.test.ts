/**
 * API8: the period lock's gaps. A retry with the Idempotency-Key of a write answered before the
 * lock gets that first answer (API-NOTES), not 409 PERIOD_LOCKED (API8-2).
 */
import { describe, expect, it } from "vitest";
import { AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { call, uniqueKey } from "./helpers.ts";

const period = async () => newPeriod(`t-a8-${uniqueKey().slice(-10)}`);
const lock = (p: string) => call("POST", `/v1/periods/${p}/lock`, { body: { reason: "Công bố kết quả" }, at: AT });

describe("a retry after the lock (API8-2)", () => {
  it("replays the first answer of a survey import, a review step and a deadline exception; a new key is still refused", async () => {
    const p = await period();
    await submitFor(p, "xa-binh-hoa");
    const [s, r, e] = [uniqueKey("S"), uniqueKey("R"), uniqueKey("E")];
    const survey = () => call("POST", `/v1/periods/${p}/survey`, { rawBody: "xa-binh-hoa;7.1.1;1\n", headers: { "Content-Type": "text/csv", "Idempotency-Key": s }, at: AT });
    const review = () => call("POST", `/v1/periods/${p}/units/xa-binh-hoa/appraisal/transitions`, { body: { action: "start_review" }, as: "reviewer", at: AT, headers: { "Idempotency-Key": r } });
    const exception = () => call("POST", `/v1/periods/${p}/exceptions`, { body: { unit: "xa-an-loc", deadline: "2025-02-28", reason: "Bão lũ" }, at: AT, headers: { "Idempotency-Key": e } });
    const first = [await survey(), await review(), await exception()];
    expect(first.map((x) => x.status)).toEqual([201, 200, 201]);
    expect((await lock(p)).status).toBe(200);
    const again = [await survey(), await review(), await exception()];
    expect(again.map((x) => [x.status, x.text])).toEqual(first.map((x) => [x.status, x.text]));

    const fresh = await call("POST", `/v1/periods/${p}/survey`, { rawBody: "xa-binh-hoa;7.1.1;1\n", headers: { "Content-Type": "text/csv", "Idempotency-Key": uniqueKey() }, at: AT });
    expect([fresh.status, fresh.body.error?.code]).toEqual([409, "PERIOD_LOCKED"]);
    // The same key with another body is still another request: refused, nothing written.
    const other = await call("POST", `/v1/periods/${p}/survey`, { rawBody: "xa-binh-hoa;7.1.1;0\n", headers: { "Content-Type": "text/csv", "Idempotency-Key": s }, at: AT });
    expect(other.status).toBe(409);
    expect((await step(p, "xa-binh-hoa", { action: "finalize" })).body.error?.code).toBe("PERIOD_LOCKED");
  });
});
