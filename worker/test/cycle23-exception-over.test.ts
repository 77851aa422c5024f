/**
 * CYC1-8 (second half): an extension whose deadline is already over when it is granted (or
 * corrected) helps nobody — the unit is still refused and late. It is refused, 422
 * EXCEPTION_OVER, Vietnamese first, naming now and the asked deadline in Vietnam time.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { newPeriod } from "./cycle-helpers.ts";
import { call, count } from "./helpers.ts";

const P = "t23-exc-over";
const UNIT = "xa-an-phu";
const grant = (deadline: string, at: string, unit = UNIT) => call("POST", `/v1/periods/${P}/exceptions`, { body: { unit, deadline, reason: "Gia hạn" }, at });

beforeAll(async () => {
  await newPeriod(P, 2024, "2025-01-31T17:00:00+07:00");
});

describe("CYC1-8: an extension already over is refused", () => {
  it("POST: a deadline before now (Vietnam time) is 422 naming both, and nothing is stored", async () => {
    // 03/02/2025 00:07 in Vietnam; the extension ran to 02/02/2025 23:59.
    const res = await grant("2025-02-02T23:59:00+07:00", "2025-02-02T17:07:00Z");
    expect([res.status, res.body.error?.code], res.text).toEqual([422, "EXCEPTION_OVER"]);
    expect(res.body.error.message).toBe(
      "Hạn gia hạn 02/02/2025 23:59 (giờ Việt Nam) đã qua: bây giờ là 03/02/2025 00:07 giờ Việt Nam — gia hạn đến một thời điểm sau bây giờ / the exception's deadline 02/02/2025 23:59 (Vietnam time) is already over: it is now 03/02/2025 00:07 Vietnam time — extend to a time after now",
    );
    expect(await count("deadline_exceptions", "period_id = ?1", P)).toBe(0);
  });

  it("at the deadline itself it is over too; one a minute ahead is taken", async () => {
    expect((await grant("2025-02-03T00:07:00+07:00", "2025-02-02T17:07:00Z")).status).toBe(422);
    const res = await grant("2025-02-03T00:08:00+07:00", "2025-02-02T17:07:00Z");
    expect(res.status, res.text).toBe(201);
  });

  it("PUT: correcting it to a time already over is refused alike, and the exception stays", async () => {
    const res = await call("PUT", `/v1/periods/${P}/exceptions/${UNIT}`, { body: { deadline: "2025-02-05T17:00:00+07:00", reason: "Sửa" }, at: "2025-02-06T09:00:00+07:00" });
    expect([res.status, res.body.error?.code], res.text).toEqual([422, "EXCEPTION_OVER"]);
    expect(res.body.error.message).toMatch(/^Hạn gia hạn 05\/02\/2025 17:00 \(giờ Việt Nam\) đã qua: bây giờ là 06\/02\/2025 09:00 giờ Việt Nam/);
    const kept = await call("GET", `/v1/periods/${P}/exceptions/${UNIT}`, { at: "2025-02-06T09:00:00+07:00" });
    if (kept.status === 200) expect(kept.body.deadline).toBe("2025-02-03T00:08:00+07:00");
  });
});
