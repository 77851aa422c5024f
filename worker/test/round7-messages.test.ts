/**
 * API round 7: refusals a schema gives itself were English in both halves (API7-1), the type
 * sentences contradicted themselves ("must be a number, not number", "không phải không phải
 * số", API7-3), and 31/02/2027 was "corrected" to 2027-02-31 (API7-4).
 */
import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";
import { halves } from "../src/validation-messages.ts";
import { bothLanguages, newUnit, PROVINCE } from "./round7-helpers.ts";


describe("API7-1: the schema's own refusals in both languages", () => {
  const merge = (from: string[], extra: Record<string, unknown> = {}) =>
    call("POST", "/v1/units/merge", { body: { into: { id: "t-r7-m", name: "Xã Gộp R7", type: "commune", parentId: PROVINCE }, from, date: "2026-01-01", ...extra } });

  it.each([
    ["a predecessor listed twice", () => merge(["xa-an-phu", "xa-an-phu"]), /xa-an-phu/],
    ["a unit merged into itself", () => merge(["xa-an-phu", "t-r7-m"]), /t-r7-m/],
    ["a weight for a unit not in from", () => merge(["xa-an-phu"], { weights: { "xa-tan-hoa": 0.5 } }), /xa-tan-hoa/],
    ["a submission with neither grid nor items", () => call("POST", "/v1/submissions", { as: "unit", body: { period: "2025-commune" } }), /grid/],
    [
      "a file of another type",
      () => call("POST", "/v1/submissions", { as: "unit", body: { period: "2025-commune", file: { name: "a.txt", contentType: "text/plain", base64: "AAAA" } } }),
      /application\/vnd/,
    ],
    ["codes for a unit listed twice", () => call("POST", "/v1/activation-codes", { body: { units: ["xa-an-phu", "xa-an-phu"] } }), /xa-an-phu/],
    [
      "a units sheet with a row number sent twice",
      () => call("POST", "/v1/units/import", { body: { rows: [{ row: 3, name: "Xã A", type: "Xã", parent: PROVINCE }, { row: 3, name: "Xã B", type: "Xã", parent: PROVINCE }] } }),
      /\b3\b/,
    ],
    ["an Idempotency-Key of 129 characters", () => call("POST", "/v1/activation-codes", { body: { units: ["nope"] }, headers: { "Idempotency-Key": "k".repeat(129) } }), /128/],
  ])("%s", async (_, send, named) => {
    const res = await send();
    expect([res.status, res.body.error?.code], res.text).toEqual([400, "VALIDATION_FAILED"]);
    bothLanguages(res.body.error.message);
    bothLanguages(res.body.error.issues[0].message);
    expect(res.body.error.message).toMatch(named);
    expect(res.body.error.message).not.toContain("(root)");
  });

  it("a criteria set whose maxPoints is not its items' sum says so in Vietnamese too", async () => {
    const set = { id: "t-r7-set", title: "T", year: 2025, unitType: "commune", period: { from: "2025-01-01", to: "2025-12-31" }, maxPoints: 2, bands: [{ label: "A", min: 50 }], items: [{ code: "1", title: "x", max: 1 }] };
    const res = await call("PUT", "/v1/criteria-sets/t-r7-set", { body: { set } });
    expect([res.status, res.body.error?.code], res.text).toEqual([400, "VALIDATION_FAILED"]);
    const issue = (res.body.error.issues as { path: string; message: string }[]).find((i) => i.path === "set.maxPoints");
    expect(issue, res.text).toBeDefined();
    expect(issue!.message).toBe("maxPoints là 2 nhưng các lĩnh vực (không kể điểm thưởng, điểm trừ) cộng lại là 1 / maxPoints is 2 but the top-level items sum to 1");
  });
});

describe("API7-3: a value of the wrong type is quoted, not contradicted", () => {
  it.each([
    ["POST", "/v1/units/xa-an-phu-loc/activation-codes?days=1.5", "không phải 1,5", "must be a whole number, not 1.5"],
    ["GET", "/v1/periods?limit=2.5", "không phải 2,5", "must be a whole number, not 2.5"],
    ["POST", "/v1/units/xa-an-phu-loc/activation-codes?days=abc", 'phải là một số, không phải "abc"', 'must be a number, not "abc"'],
    ["GET", "/v1/periods?limit=abc", 'phải là một số, không phải "abc"', 'must be a number, not "abc"'],
  ])("%s %s", async (method, path, vi, en) => {
    const res = await call(method, path, { as: "admin" });
    expect(res.status, res.text).toBe(400);
    const [viHalf, enHalf] = halves(res.body.error.issues[0].message);
    expect(viHalf).toContain(vi);
    expect(enHalf).toBe(en);
    expect(res.body.error.message).not.toMatch(/không phải không phải|not not|not number/);
  });
});

describe("API7-4: a dd/mm/yyyy day that does not exist is named with its month's length", () => {
  it.each([
    ["validFrom", () => newUnit("t-r7-d", "Xã Ngày R7", { validFrom: "31/02/2027" })],
    ["date", () => call("POST", "/v1/units/merge", { body: { into: { id: "t-r7-dm", name: "Xã D R7", type: "commune", parentId: PROVINCE }, from: ["xa-an-phu"], date: "31/02/2027" } })],
  ])("%s 31/02/2027", async (field, send) => {
    const res = await send();
    expect(res.status, res.text).toBe(400);
    const issue = (res.body.error.issues as { path: string; message: string }[]).find((i) => i.path === field)!;
    expect(issue.message).toBe("ngày 31/02/2027 không có: tháng 02 năm 2027 có 28 ngày / 31/02/2027 is not a day: February 2027 has 28 days");
  });
});
