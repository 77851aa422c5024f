/**
 * Red team round 4, periods: a deadline extension is for a unit that takes part in the period
 * (of its level, open on the last day of the set's period), and a period's year is its
 * criteria set's year (year over year and the trend read the period's year).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { call, COMMUNE_SET, count } from "./helpers.ts";

const PERIOD = "t-r4p-2026";
const SET = "t-r4p-xa-2026";
const grant = (unit: string, period = PERIOD) => call("POST", `/v1/periods/${period}/exceptions`, { body: { unit, deadline: "28/02/2027", reason: "Bão lũ" } });

beforeAll(async () => {
  const set = { ...COMMUNE_SET, id: SET, year: 2026, title: "Bộ chỉ số CCHC cấp xã năm 2026 (minh họa)", period: { from: "2026-01-01", to: "2026-12-31" } };
  expect((await call("POST", "/v1/criteria-sets", { body: { set, status: "published" } })).status).toBe(201);
  expect((await call("POST", "/v1/periods", { body: { id: PERIOD, year: 2026, criteriaSet: { id: SET, version: 1 }, deadline: "31/01/2027" } })).status).toBe(201);
  const later = await call("POST", "/v1/units", { body: { id: "t-r4p-xa-moi", name: "Xã Mới Lập", type: "commune", parentId: "tinh-minh-hoa", validFrom: "2027-01-01" } });
  expect(later.status, later.text).toBe(201);
  const ward = await call("POST", "/v1/units", { body: { id: "t-r4p-phuong", name: "Phường Thử Gia Hạn", type: "ward", parentId: "tinh-minh-hoa", validFrom: "2025-07-01" } });
  expect(ward.status, ward.text).toBe(201);
});

describe("POST /v1/periods/{id}/exceptions: only for a unit of the period", () => {
  it.each([
    ["so-noi-vu", "UNIT_TYPE_MISMATCH", /^Kỳ t-r4p-2026 dành cho cấp xã, phường; Sở Nội vụ \(so-noi-vu\) là sở, ban, ngành: không gia hạn cho đơn vị không thuộc kỳ \/ period t-r4p-2026 is for commune and ward units; so-noi-vu is a department/],
    ["tinh-minh-hoa", "UNIT_TYPE_MISMATCH", /^Kỳ t-r4p-2026 dành cho cấp xã, phường; Tỉnh Minh Họa \(minh họa\) \(tinh-minh-hoa\) là tỉnh/],
    ["xa-an-phu", "UNIT_NOT_IN_PERIOD", /^Đơn vị Xã An Phú \(xa-an-phu\) hoạt động đến hết ngày 30\/06\/2025 \(đã sáp nhập hoặc giải thể\), trước ngày cuối của kỳ t-r4p-2026 \(31\/12\/2026\): gia hạn cho đơn vị kế thừa \/ /],
    ["t-r4p-xa-moi", "UNIT_NOT_IN_PERIOD", /^Đơn vị Xã Mới Lập \(t-r4p-xa-moi\) có hiệu lực từ ngày 01\/01\/2027, sau ngày cuối của kỳ t-r4p-2026 \(31\/12\/2026\): đơn vị không tham gia kỳ này \/ /],
  ])("refuses %s with 422 %s in words, storing nothing", async (unit, code, message) => {
    const res = await grant(unit);
    expect([res.status, res.body.error?.code], res.text).toEqual([422, code]);
    expect(res.body.error.message).toMatch(message);
    expect(await count("deadline_exceptions", "period_id = ?1 AND unit_id = ?2", PERIOD, unit)).toBe(0);
  });

  it("grants a commune or a ward open on the set's last day (communes and wards share a period)", async () => {
    for (const unit of ["xa-an-phu-loc", "t-r4p-phuong"]) {
      const res = await grant(unit);
      expect(res.status, res.text).toBe(201);
    }
  });

  it("still grants a 2024 commune its 2024 period (open on 31/12/2024)", async () => {
    const res = await call("POST", "/v1/periods/2024-commune/exceptions", { body: { unit: "xa-binh-hoa", deadline: "28/02/2025", reason: "Bão lũ" }, at: "2025-01-20T09:00:00+07:00" });
    expect(res.status, res.text).toBe(201);
  });

  it("answers an unknown unit with 422 UNKNOWN_UNIT as before", async () => {
    const res = await grant("khong-co");
    expect([res.status, res.body.error?.code]).toEqual([422, "UNKNOWN_UNIT"]);
  });
});

describe("POST /v1/periods: the year is the criteria set's", () => {
  it("refuses a year other than the set's with 422 PERIOD_YEAR_MISMATCH naming both, storing nothing", async () => {
    const res = await call("POST", "/v1/periods", { body: { id: "t-r4p-yr", year: 2030, criteriaSet: { id: SET, version: 1 }, deadline: "31/12/2026" } });
    expect([res.status, res.body.error?.code], res.text).toEqual([422, "PERIOD_YEAR_MISMATCH"]);
    expect(res.body.error.message).toMatch(/^Năm của kỳ \(2030\) khác năm của bộ tiêu chí t-r4p-xa-2026@1 \(2026\).* \/ the period's year \(2030\) is not the year of criteria set t-r4p-xa-2026@1 \(2026\)/);
    expect(await count("periods", "id = 't-r4p-yr'")).toBe(0);
  });

  it("creates a period of the set's year", async () => {
    // locked: t-r4p-2026 is this year's open commune period, and a second open one is refused (go-live GL-2)
    const res = await call("POST", "/v1/periods", { body: { id: "t-r4p-yr-ok", year: 2026, criteriaSet: { id: SET, version: 1 }, deadline: "31/01/2027", locked: true } });
    expect(res.status, res.text).toBe(201);
  });
});
