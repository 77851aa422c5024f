/**
 * Contract tester CF3-9: a survey line naming Xã An Lộc by its name was refused as "không thuộc
 * kỳ này" though the unit is in the period. A name is now read as the units import reads names
 * and stored under the unit's code; one that is no unit's says it is neither code nor name.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { newPeriod } from "./cycle-helpers.ts";
import { call, uniqueKey } from "./helpers.ts";

const survey = (p: string, csv: string) => call("POST", `/v1/periods/${p}/survey`, { rawBody: csv, headers: { "Content-Type": "text/csv" } });

describe("a survey import naming units by name", () => {
  it("stores the named unit's scores under its code", async () => {
    const p = await newPeriod(`t-svn-${uniqueKey().slice(-10)}`);
    const res = await survey(p, "unit,code,score\r\nXã An Lộc,7.1.1,4.5\r\nxã bình hòa,7.2,3\r\n");
    expect([res.status, res.body.rows, res.body.units]).toEqual([201, 2, 2]);
    const stored = await env.DB.prepare("SELECT unit_id, code FROM survey_scores WHERE period_id = ?1 ORDER BY unit_id").bind(p).all<{ unit_id: string; code: string }>();
    expect(stored.results).toEqual([{ unit_id: "xa-an-loc", code: "7.1.1" }, { unit_id: "xa-binh-hoa", code: "7.2" }]);
    const none = await survey(p, "Xã Không Có,7.1.1,4.5\n");
    expect([none.status, none.body.error.issues[0].message]).toEqual([422, '"Xã Không Có" không phải mã hay tên của đơn vị nào thuộc kỳ này / "Xã Không Có" is neither the code nor the name of a unit of the period']);
  });
});
