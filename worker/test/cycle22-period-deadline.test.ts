/**
 * CYC1-8: a period created with a deadline already past is accepted (a provincial admin
 * importing last year's history creates past periods) but, when it is left open, the answer
 * says so in a `warning`, naming now in Vietnam time: nobody can submit to it. A locked past
 * period (a history import) and a period still ahead answer no warning.
 */
import { describe, expect, it } from "vitest";
import { call, COMMUNE_SET, uniqueKey } from "./helpers.ts";

const create = (deadline: string, at: string, locked = false) =>
  call("POST", "/v1/periods", { body: { id: `t-past-${uniqueKey().slice(-10)}`, year: 2024, criteriaSet: { id: COMMUNE_SET.id, version: 1 }, deadline, locked }, at });

describe("POST /v1/periods with a deadline already past", () => {
  it("stores an open one with a warning naming now in Vietnam time", async () => {
    const res = await create("30/11/2024", "2024-11-30T17:07:00Z");
    expect(res.status).toBe(201);
    expect(res.body.warning).toMatch(/^Hạn nộp 30\/11\/2024 23:59 \(giờ Việt Nam\) đã qua — bây giờ là 01\/12\/2024 00:07 giờ Việt Nam: .* \/ the deadline 30\/11\/2024 23:59 \(Vietnam time\) has passed — it is now 01\/12\/2024 00:07 Vietnam time/);
  });

  it("answers no warning for a locked past period (a history import) or a deadline ahead", async () => {
    const history = await create("31/01/2024", "2024-11-30T17:07:00Z", true);
    expect([history.status, history.body.warning]).toEqual([201, undefined]);
    const ahead = await create("2025-01-31T17:00:00+07:00", "2024-11-30T17:07:00Z", true);
    expect([ahead.status, ahead.body.warning]).toEqual([201, undefined]);
  });
});
