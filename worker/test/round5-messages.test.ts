/**
 * API round 5 (API5-7): refusals an admin or reviewer reads were English only, carried English
 * level and role words inside Vietnamese ("cấp district", "dành cho reviewer, admin"), decimal
 * points ("10.5") or named a step the caller did not ask for ("finalize" for accept_unchanged).
 * Each is now Vietnamese first — Vietnamese terms, decimal commas — then " / " and the English.
 * (An appraised score's issues stay English first: src/routes/appraisal.test.ts anchors them so.)
 */
import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";
import { AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";

const P = "t-round5-msg";
const vi = (message: string) => message.split(" / ")[0]!;

describe("refusals read by admins and reviewers", () => {
  it("a submission to another level's period names the levels in Vietnamese", async () => {
    const res = await call("POST", "/v1/submissions", { body: { period: "2024-district", unit: "xa-an-phu", items: [{ code: "1.1", self: 1 }] }, at: AT });
    expect([res.status, res.body.error.code]).toEqual([422, "UNIT_TYPE_MISMATCH"]);
    expect(vi(res.body.error.message)).toContain("đơn vị Xã An Phú (xa-an-phu) là cấp xã");
    expect(vi(res.body.error.message)).toContain("cấp huyện");
    expect(vi(res.body.error.message)).toContain("cấp xã");
    expect(vi(res.body.error.message)).not.toMatch(/cấp district|cấp commune|là commune/);
  });

  it("a unit token's start_review names the roles in Vietnamese", async () => {
    const res = await call("POST", "/v1/periods/2024-commune/units/xa-an-phu/appraisal/transitions", { as: "unit", body: { action: "start_review" }, at: AT });
    expect(res.status).toBe(403);
    expect(vi(res.body.error.message)).toMatch(/bắt đầu thẩm định/);
    expect(vi(res.body.error.message)).not.toMatch(/reviewer|admin|start_review/);
  });

  it("a bulk accept_unchanged refusal names that step, not finalize", async () => {
    await newPeriod(P);
    await submitFor(P, "xa-tan-hoa");
    const res = await call("POST", `/v1/periods/${P}/appraisal/bulk`, { as: "admin", body: { action: "accept_unchanged", units: ["xa-tan-hoa"] }, at: AT });
    expect(res.status).toBe(409);
    expect(res.body.error.issues[0].message).not.toContain("finalize");
    expect(vi(res.body.error.issues[0].message)).toContain("giữ nguyên điểm");
  });

  it("a survey score over the maximum keeps the file's decimal comma", async () => {
    const res = await call("POST", "/v1/periods/2024-commune/survey", { as: "admin", rawBody: "xa-an-loc;7.1.1;10,5\n", headers: { "Content-Type": "text/csv" }, at: AT });
    expect(res.status).toBe(422);
    expect(vi(res.body.error.issues[0].message)).toContain("10,5");
  });

  it("an admin's list of submissions without a unit says so in Vietnamese first", async () => {
    const res = await call("GET", "/v1/submissions?period=2024-commune", { as: "admin" });
    expect(res.status).toBe(400);
    expect(res.body.error.message).toMatch(/^Dữ liệu không hợp lệ.* \/ /);
  });
});
