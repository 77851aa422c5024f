/**
 * API round 6, the API5-7 leftovers: refusals still English only or with decimal points —
 * "validFrom: Invalid ISO date", "validTo is before validFrom", the id pattern sentence,
 * "received NaN" for a repeated ?limit, "0.7 is not one of the options 3, 1.5, 0",
 * "(root): Invalid input" for a body matching neither accepted form, and the generic sentence
 * for a deadline on a day that does not exist. Each is now Vietnamese first (decimal commas),
 * then " / " and the English, in the message and its issue; the family of schema refusals
 * (types, ranges, unknown keys, options) is said in both languages too.
 */
import { describe, expect, it } from "vitest";
import { call } from "./helpers.ts";
import { AT, appraise, newPeriod, step, submitFor } from "./cycle-helpers.ts";

const vi = (message: string) => message.split(" / ")[0]!;
const unit = (more: Record<string, unknown>) => call("POST", "/v1/units", { body: { id: "t-r6-msg", name: "Xã Thông Báo", type: "commune", parentId: "tinh-minh-hoa", validFrom: "2025-07-01", ...more } });
const ENGLISH_ONLY = /Invalid|received|is before|lowercase letters|is not one of|\(root\)/;

function expectVietnameseFirst(res: { status: number; body: any; text: string }, status: number, path: string, vietnamese: RegExp) {
  expect(res.status, res.text).toBe(status);
  const { message, issues } = res.body.error;
  expect(vi(message), message).toMatch(vietnamese);
  expect(vi(message)).not.toMatch(ENGLISH_ONLY);
  expect(message).toContain(" / ");
  const issue = issues.find((i: { path: string }) => i.path === path);
  expect(issue, JSON.stringify(issues)).toBeDefined();
  expect(vi(issue.message)).not.toMatch(ENGLISH_ONLY);
  expect(issue.message).toContain(" / ");
}

describe("schema refusals, Vietnamese first", () => {
  it("a day written dd/mm/yyyy where yyyy-mm-dd is asked: says how to write it", async () => {
    const res = await unit({ validFrom: "31/12/2025" });
    expectVietnameseFirst(res, 400, "validFrom", /yyyy-mm-dd.*2025-12-31/);
  });

  it("validTo before validFrom: names both days as written in Vietnam", async () => {
    const res = await unit({ validFrom: "2025-07-01", validTo: "2025-06-01" });
    expectVietnameseFirst(res, 400, "validTo", /01\/06\/2025.*01\/07\/2025/);
  });

  it("an id with a capital: says what an id may hold", async () => {
    const res = await unit({ id: "Xa-Msg" });
    expectVietnameseFirst(res, 400, "id", /chữ thường/);
  });

  it("a repeated ?limit: says to give it once, not 'received NaN'", async () => {
    const res = await call("GET", "/v1/periods?limit=2&limit=3");
    expectVietnameseFirst(res, 400, "limit", /một lần/);
    expect(res.body.error.message).not.toContain("NaN");
  });

  it("a ?limit that is not a number, or too large", async () => {
    expectVietnameseFirst(await call("GET", "/v1/periods?limit=abc"), 400, "limit", /số/);
    expectVietnameseFirst(await call("GET", "/v1/periods?limit=500"), 400, "limit", /200/);
  });

  it("both units and under: says the body matches neither form, naming the keys", async () => {
    const res = await call("POST", "/v1/activation-codes", { body: { units: ["xa-an-phu-loc"], under: "tinh-minh-hoa" } });
    expect(res.status, res.text).toBe(400);
    expect(vi(res.body.error.message)).not.toMatch(ENGLISH_ONLY);
    expect(vi(res.body.error.message)).toMatch(/"under".*"units"|"units".*"under"/);
    expect(res.body.error.issues[0].message).toContain(" / ");
  });

  it("an unknown key and a wrong type are said in both languages", async () => {
    expectVietnameseFirst(await unit({ dryRun: true }), 400, "", /"dryRun"/);
    expectVietnameseFirst(await unit({ name: 7 }), 400, "name", /chuỗi|văn bản/);
  });

  it("a deadline on a day that does not exist: says which day and why", async () => {
    const res = await call("POST", "/v1/periods", { body: { id: "t-r6-msg", year: 2024, criteriaSet: { id: "demo-commune-2024", version: 1 }, deadline: "31/02/2027" } });
    expectVietnameseFirst(res, 400, "deadline", /31\/02\/2027.*tháng 02 năm 2027.*28 ngày/);
  });
});

describe("an appraised score off the options", () => {
  it("is refused in Vietnamese first with decimal commas", async () => {
    const P = "t-r6-msg-appraisal";
    await newPeriod(P);
    await submitFor(P, "thi-tran-an-binh");
    expect((await step(P, "thi-tran-an-binh", { action: "start_review" }, "reviewer", AT)).status).toBe(200);
    const res = await appraise(P, "thi-tran-an-binh", [{ code: "1.1.1", score: 0.7 }]);
    expect([res.status, res.body.error.code]).toEqual([422, "APPRAISAL_INVALID"]);
    const message: string = res.body.error.message;
    expect(vi(message)).toMatch(/^Điểm thẩm định không hợp lệ: 1\.1\.1: điểm 0,7 không phải một trong các mức 1; 0,5; 0/);
    expect(vi(message)).not.toMatch(/0\.7|0\.5|is not/);
    expect(message).toContain("/ invalid appraised scores");
    expect(res.body.error.issues[0].message).toContain("điểm 0,7 không phải một trong các mức 1; 0,5; 0");
  });
});
