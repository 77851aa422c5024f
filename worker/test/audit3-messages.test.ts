/**
 * The third black-box audit's API findings (A3-2, A3-3): refusals that named the wrong thing
 * or lost their English half — a repeated enum parameter refused as "must be one of json,
 * csv, xlsx" while csv was sent, a limit past the safe integers said at most
 * 9007199254740991 rather than the route's 200, a refused review step naming the unit by its
 * id alone, "Không tìm thấy 2099-xa" without saying what was not found, and 300 unknown body
 * keys listed until the message was cut before its " / ".
 */
import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";
import { newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { halves } from "../src/validation-messages.ts";

const P = "t-a3-messages";

describe("a repeated query parameter (A3-2)", () => {
  it.each([
    ["an enum of the ranking", `/v1/periods/2024-commune-demo/ranking?format=csv&format=csv`, "format", 2],
    ["an enum of the criteria sets", "/v1/criteria-sets?status=draft&status=published", "status", 2],
    ["an enum of a register", "/v1/submissions/khong-co/register?lang=vi&lang=en&lang=vi", "lang", 3],
  ])("%s: says it was given more than once, not that a value is off the list", async (_what, path, name, times) => {
    const res = await call("GET", path);
    expect(res.status, res.text).toBe(400);
    const [vi, en] = halves(res.body.error.message);
    expect(vi).toContain(`?${name} ghi ${times} lần`);
    expect(vi).toContain("chỉ ghi một lần");
    expect(en).toContain(`is given ${times} times`);
    expect(res.body.error.message).not.toMatch(/phải là một trong|expected one of/);
    expect(res.body.error.issues.filter((i: { path: string }) => i.path === name)).toHaveLength(1);
  });
});

describe("a whole number past the safe integers (A3-2)", () => {
  it.each(["/v1/periods?limit=99999999999999999999", "/v1/periods/2024-commune-demo/ranking?limit=99999999999999999999"])("%s: says the route's own maximum", async (path) => {
    const res = await call("GET", path);
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.message).toContain("tối đa 200 / ");
    expect(res.body.error.message).toContain("must be at most 200");
    expect(res.text).not.toContain("9007199254740991");
  });
});

describe("a refused review step names the unit as people know it (A3-3a)", () => {
  const unit = "xa-an-loc";
  const named = async () => `${(await call("GET", `/v1/units/${unit}`)).body.name} (${unit})`;

  it("single and bulk", async () => {
    await newPeriod(P);
    await submitFor(P, unit);
    expect((await step(P, unit, { action: "start_review" })).status).toBe(200);
    const who = await named();

    const single = await step(P, unit, { action: "start_review" });
    expect([single.status, single.body.error.code]).toEqual([409, "REVIEW_TRANSITION_REFUSED"]);
    expect(single.body.error.message.startsWith(`${who}: không thể "bắt đầu thẩm định"`), single.text).toBe(true);

    const bulk = await call("POST", `/v1/periods/${P}/appraisal/bulk`, { body: { action: "start_review", units: [unit] }, as: "reviewer" });
    expect([bulk.status, bulk.body.error.code]).toEqual([409, "REVIEW_TRANSITION_REFUSED"]);
    expect(bulk.body.error.issues[0].message.startsWith(`${who}: không thể`), bulk.text).toBe(true);

    // accept_unchanged on a unit not under review yet is refused by the same words
    const other = "thi-tran-an-binh";
    await submitFor(P, other);
    const otherWho = `${(await call("GET", `/v1/units/${other}`)).body.name} (${other})`;
    const accept = await call("POST", `/v1/periods/${P}/appraisal/bulk`, { body: { action: "accept_unchanged", units: [unit, other] }, as: "reviewer" });
    expect([accept.status, accept.body.error.code]).toEqual([409, "REVIEW_TRANSITION_REFUSED"]);
    expect(accept.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["units.1"]);
    expect(accept.body.error.issues[0].message.startsWith(`${otherWho}: không thể`), accept.text).toBe(true);
  });
});

describe("a 404 says what was not found (A3-3b)", () => {
  it.each([
    ["/v1/periods/2099-xa", "Không tìm thấy kỳ đánh giá 2099-xa", "period 2099-xa not found"],
    ["/v1/units/xa-khong-co", "Không tìm thấy đơn vị xa-khong-co", "unit xa-khong-co not found"],
    ["/v1/submissions/khong-co", "Không tìm thấy hồ sơ khong-co", "submission khong-co not found"],
    ["/v1/criteria-sets/khong-co", "Không tìm thấy bộ tiêu chí khong-co", "criteria set khong-co not found"],
  ])("%s", async (path, vi, en) => {
    const res = await call("GET", path);
    expect(res.status, res.text).toBe(404);
    expect(res.body.error.message).toBe(`${vi} / ${en}`);
  });
});

describe("many unknown body keys (A3-3c)", () => {
  it("lists the first few in each half, so that both halves fit", async () => {
    const extra = Array.from({ length: 300 }, (_, i) => [`truong_thua_${i}`, i]);
    const body = Object.fromEntries([["period", "2024-commune"], ["items", [{ code: "1.3", self: 1 }]], ...extra]);
    const res = await call("POST", "/v1/submissions", { body, as: "unit" });
    expect(res.status, res.text).toBe(400);
    const { message } = res.body.error;
    const [vi, en] = halves(message);
    expect(message.length).toBeLessThan(1_000);
    expect(vi).toContain('"truong_thua_0"');
    expect(vi).toContain("và 290 khóa khác");
    expect(en).toContain("and 290 more");
    expect(en).not.toContain("truong_thua_10");
  });

  it("keeps both halves whatever the keys' length", async () => {
    const extra = Array.from({ length: 50 }, (_, i) => [`${"k".repeat(500)}${i}`, i]);
    const body = Object.fromEntries([["period", "2024-commune"], ["items", [{ code: "1.3", self: 1 }]], ...extra]);
    const res = await call("POST", "/v1/submissions", { body, as: "unit" });
    expect(res.status, res.text).toBe(400);
    expect(res.body.error.message).toContain(" / ");
    expect(res.body.error.message).toMatch(/and \d+ more/);
  });
});
