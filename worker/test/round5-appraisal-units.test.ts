/**
 * API round 5 (API5-3): the appraisal of a unit that does not exist, or takes no part in the
 * period (another level, the province, merged away before the set's last day), answered 200
 * "not_submitted, turn: unit" — the board did not list it and a submission was refused. Now 404
 * with the envelope, by the one rule of the period's units (period-units.ts), on the view and
 * on every step.
 */
import { describe, expect, it } from "vitest";
import { call, type Who } from "./helpers.ts";

const AT = "2024-12-10T09:00:00+07:00";
const view = (period: string, unit: string, as: Who = "admin") => call("GET", `/v1/periods/${period}/units/${unit}/appraisal`, { as, at: AT });

describe("appraisal of a unit outside the period", () => {
  it.each([
    ["khong-ton-tai", "UNIT_NOT_FOUND"],
    ["so-noi-vu", "UNIT_NOT_IN_PERIOD"], // a department, in a commune period
    ["tinh-minh-hoa", "UNIT_NOT_IN_PERIOD"], // the province
    ["xa-an-phu-loc", "UNIT_NOT_IN_PERIOD"], // from 01/07/2025: not in 2024
  ])("GET 2024-commune/%s → 404 %s", async (unit, code) => {
    const res = await view("2024-commune", unit);
    expect([res.status, res.body?.error?.code], res.text).toEqual([404, code]);
    if (code === "UNIT_NOT_IN_PERIOD") expect(res.body.error.message).toMatch(/kỳ 2024-commune.* \/ /);
  });

  it("answers a unit token 404 for another level's period, and 200 for its own", async () => {
    const other = await view("2024-district", "xa-an-phu", "unit");
    expect([other.status, other.body?.error?.code]).toEqual([404, "UNIT_NOT_IN_PERIOD"]);
    expect(other.body.error.message).toContain("cấp huyện");
    const own = await view("2024-commune", "xa-an-phu", "unit");
    expect([own.status, own.body.status, own.body.turn]).toEqual([200, "not_submitted", "unit"]);
  });

  it("refuses every step on such a unit with 404, not 409 'Chưa nộp'", async () => {
    const base = "/v1/periods/2024-commune/units/khong-ton-tai/appraisal";
    for (const [method, path, body] of [
      ["POST", `${base}/transitions`, { action: "start_review" }],
      ["PUT", `${base}/items`, { items: [{ code: "1.2", score: 1 }] }],
      ["POST", `${base}/accept-unchanged`, undefined],
      ["POST", "/v1/periods/2024-commune/appraisal/bulk", { action: "start_review", units: ["so-noi-vu"] }],
    ] as const) {
      const res = await call(method, path, { as: "admin", at: AT, ...(body ? { body } : {}) });
      expect([method, path, res.status], res.text).toEqual([method, path, 404]);
    }
  });
});
