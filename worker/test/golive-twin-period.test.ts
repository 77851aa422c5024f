/**
 * Go-live GL-2: a second open period of the same year and level (a retry under another id, or
 * another set of that level and year) is refused, naming the open one, in Vietnamese first.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, COMMUNE_SET, count } from "./helpers.ts";

const AT = "2026-11-30T09:00:00+07:00";
const SET = "t-twin-xa-2026";
const create = (id: string, extra: Record<string, unknown> = {}, set = SET) =>
  call("POST", "/v1/periods", { body: { id, year: 2026, criteriaSet: { id: set, version: 1 }, deadline: "31/01/2027", ...extra }, at: AT });

beforeAll(async () => {
  for (const id of [SET, "t-twin-xa-2026-khac"]) {
    const set = { ...COMMUNE_SET, id, year: 2026, period: { from: "2026-01-01", to: "2026-12-31" } };
    expect((await call("POST", "/v1/criteria-sets", { body: { set, status: "published" } })).status).toBe(201);
  }
  expect((await create("t-twin-2026-xa")).status).toBe(201);
});

describe("GL-2: one open period per year and level", () => {
  it("refuses a second one on the same set, or on another set of that level and year, naming the open one", async () => {
    for (const [id, set] of [["t-twin-2026-cap-xa", SET], ["t-twin-2026-khac", "t-twin-xa-2026-khac"]] as const) {
      const res = await create(id, {}, set);
      expect([res.status, res.body.error.code], res.text).toEqual([409, "PERIOD_EXISTS"]);
      expect(res.body.error.message).toMatch(/^Đã có kỳ t-twin-2026-xa năm 2026 cấp xã đang mở \(hạn nộp 31\/01\/2027\): mỗi năm mỗi cấp chỉ một kỳ — dùng kỳ t-twin-2026-xa/);
      expect(await count("periods", "id = ?1", id)).toBe(0);
    }
  });

  it("still takes a locked one, one whose deadline has passed, and the same id again as PERIOD_EXISTS of that id", async () => {
    expect((await create("t-twin-2026-khoa", { locked: true })).status).toBe(201);
    expect((await create("t-twin-2026-cu", { deadline: "2026-01-31T17:00:00+07:00" })).status).toBe(201);
    const same = await create("t-twin-2026-xa");
    expect([same.status, same.body.error.message]).toEqual([409, "Kỳ t-twin-2026-xa đã có / period t-twin-2026-xa exists"]);
  });

  it("takes it once the open one created by mistake is removed", async () => {
    expect((await call("DELETE", "/v1/periods/t-twin-2026-xa?confirm=t-twin-2026-xa")).status).toBe(200);
    expect((await create("t-twin-2026-cap-xa")).status).toBe(201);
  });
});
