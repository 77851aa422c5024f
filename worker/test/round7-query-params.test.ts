/**
 * API round 7 (API7-2): a query parameter a write does not declare was ignored, so
 * `?dryRun=true` created a units sheet's units, wrote an appraisal, and a merge "preview"
 * closed two communes for good. Writes now refuse it (400 naming it; the import's `dryRun` is
 * pointed to the body); GETs keep ignoring what they do not read.
 */
import { describe, expect, it } from "vitest";
import { call, count } from "./helpers.ts";
import { AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { bothLanguages, newUnit, PROVINCE } from "./round7-helpers.ts";


describe("API7-2: a write refuses a query parameter it does not declare", () => {
  it("the units import with ?dryRun=true: 400 saying dryRun goes in the body, nothing created", async () => {
    const rows = [{ row: 2, name: "Xã Xem Trước R7", type: "Xã", parent: PROVINCE, validFrom: "01/07/2025" }];
    const res = await call("POST", "/v1/units/import?dryRun=true", { body: { rows } });
    expect([res.status, res.body.error?.code], res.text).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["dryRun"]);
    expect(res.body.error.message).toMatch(/dryRun.*nội dung \(body\).* \/ .*dryRun goes in the body/);
    expect(await count("units", "name = ?1", "Xã Xem Trước R7")).toBe(0);
  });

  it("a merge with ?dryRun=true is refused and closes nothing", async () => {
    expect((await newUnit("t-r7-qd1", "Xã QD Một R7")).status).toBe(201);
    expect((await newUnit("t-r7-qd2", "Xã QD Hai R7")).status).toBe(201);
    const res = await call("POST", "/v1/units/merge?dryRun=true", {
      body: { into: { id: "t-r7-qdn", name: "Xã QDN R7", type: "commune", parentId: PROVINCE }, from: ["t-r7-qd1", "t-r7-qd2"], date: "2026-01-01" },
    });
    expect([res.status, res.body.error?.code], res.text).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.message).toContain("?dryRun");
    expect(await count("units", "id = 't-r7-qdn'")).toBe(0);
    expect(await count("units", "id IN ('t-r7-qd1', 't-r7-qd2') AND valid_to IS NULL")).toBe(2);
  });

  it("accept-unchanged with ?dryRun=true writes no appraisal", async () => {
    const P = "t-r7-query";
    const UNIT = "xa-an-loc";
    await newPeriod(P);
    await submitFor(P, UNIT);
    expect((await step(P, UNIT, { action: "start_review" })).status).toBe(200);
    const res = await call("POST", `/v1/periods/${P}/units/${UNIT}/appraisal/accept-unchanged?dryRun=true`, { as: "reviewer", at: AT });
    expect([res.status, res.body.error?.code], res.text).toEqual([400, "VALIDATION_FAILED"]);
    const view = await call("GET", `/v1/periods/${P}/units/${UNIT}/appraisal`, { as: "reviewer", at: AT });
    expect((view.body.items as { appraised: number | null }[]).filter((i) => i.appraised !== null)).toHaveLength(0);
  });

  it("a unit's code takes its declared ?days= and refuses another parameter beside it", async () => {
    const res = await call("POST", "/v1/units/xa-an-phu-loc/activation-codes?days=3&preview=1", { as: "admin" });
    expect([res.status, res.body.error?.code], res.text).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["preview"]);
    bothLanguages(res.body.error.message);
    expect((await call("POST", "/v1/units/xa-an-phu-loc/activation-codes?days=3", { as: "admin" })).status).toBe(201);
  });

  it("a GET keeps ignoring a parameter it does not know", async () => {
    expect((await call("GET", "/v1/units?dryRun=true", { as: "admin" })).status).toBe(200);
  });
});
