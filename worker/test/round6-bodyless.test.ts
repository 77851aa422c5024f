/**
 * API round 6 (API6-2): the write routes that take no body — accept-unchanged and a unit's
 * activation code — read its size (413) but ignored its content: `{"dryRun":true}` sent to
 * accept-unchanged (a client asking for a preview) wrote the whole appraisal, `{"days":3}` for
 * a code issued a 14-day one (and withdrew the unit's earlier code), a text/plain body was
 * taken. As routes with a body refuse unknown keys, these now refuse a body with content: 400
 * VALIDATION_FAILED naming what was sent (and where ?days= goes), 415 for a body that is not
 * JSON; nothing is written. No body, or an empty `{}`, is still the call.
 */
import { describe, expect, it } from "vitest";
import { call, count, uniqueKey } from "./helpers.ts";
import { AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";

const P = "t-r6-bodyless";
const UNIT = "xa-an-loc";
const accept = (opts: { rawBody?: string; headers?: Record<string, string> } = {}) =>
  call("POST", `/v1/periods/${P}/units/${UNIT}/appraisal/accept-unchanged`, { as: "reviewer", at: AT, ...opts });
const appraised = async () => {
  const view = await call("GET", `/v1/periods/${P}/units/${UNIT}/appraisal`, { as: "reviewer", at: AT });
  return (view.body.items as { appraised: number | null }[]).filter((i) => i.appraised !== null).length;
};
const JSON_TYPE = { "Content-Type": "application/json" };

describe("POST …/appraisal/accept-unchanged with a body", () => {
  it("refuses {\"dryRun\":true} with 400 naming the key, and writes no appraisal", async () => {
    await newPeriod(P);
    await submitFor(P, UNIT);
    expect((await step(P, UNIT, { action: "start_review" })).status).toBe(200);
    const res = await accept({ rawBody: '{"dryRun":true}', headers: { ...JSON_TYPE, "Idempotency-Key": uniqueKey("acc") } });
    expect([res.status, res.body.error?.code], res.text).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["dryRun"]);
    expect(res.body.error.message).toMatch(/^Thao tác này không nhận nội dung .* \/ this operation takes no body/);
    expect(await appraised()).toBe(0);
  });

  it.each([
    ["text/plain", "hello"],
    ["application/x-www-form-urlencoded", "dryRun=true"],
  ])("refuses a %s body with 415", async (type, body) => {
    const res = await accept({ rawBody: body, headers: { "Content-Type": type } });
    expect([res.status, res.body.error?.code], res.text).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    expect(await appraised()).toBe(0);
  });

  it("refuses JSON that is not an object, or not JSON at all, with 400", async () => {
    for (const body of ["[1]", "true", "{dryRun}"]) {
      const res = await accept({ rawBody: body, headers: JSON_TYPE });
      expect([body, res.status, res.body.error?.code], res.text).toEqual([body, 400, "VALIDATION_FAILED"]);
    }
    expect(await appraised()).toBe(0);
  });

  it("still accepts the call with no body, an empty one or {}", async () => {
    expect((await accept({ rawBody: "{ }", headers: JSON_TYPE })).status).toBe(200);
    expect(await appraised()).toBeGreaterThan(0);
    expect((await accept({ rawBody: "", headers: JSON_TYPE })).status).toBe(200);
    expect((await accept()).status).toBe(200);
  });
});

describe("POST /v1/units/{id}/activation-codes with a body", () => {
  const CODE_UNIT = "xa-an-phu-loc";
  const issue = (opts: { rawBody?: string; headers?: Record<string, string>; query?: string } = {}) =>
    call("POST", `/v1/units/${CODE_UNIT}/activation-codes${opts.query ?? ""}`, { as: "admin", ...opts });
  const openCodes = () => count("activation_codes", "unit_id = ?1 AND used_at IS NULL AND withdrawn_at IS NULL", CODE_UNIT);

  it("refuses {\"days\":3} with 400 saying ?days= goes in the query, and withdraws nothing", async () => {
    const first = await issue({ query: "?days=3" });
    expect(first.status, first.text).toBe(201);
    const res = await issue({ rawBody: '{"days":3}', headers: JSON_TYPE });
    expect([res.status, res.body.error?.code], res.text).toEqual([400, "VALIDATION_FAILED"]);
    expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(["days"]);
    expect(res.body.error.message).toContain("?days=3");
    expect(await openCodes()).toBe(1);
    const plain = await issue({ rawBody: "days=3", headers: { "Content-Type": "text/plain" } });
    expect([plain.status, plain.body.error?.code], plain.text).toEqual([415, "UNSUPPORTED_MEDIA_TYPE"]);
    expect(await openCodes()).toBe(1);
  });

  it("answers 201 without a body", async () => {
    const res = await issue({ query: "?days=3", headers: JSON_TYPE, rawBody: "" });
    expect(res.status, res.text).toBe(201);
  });
});

describe("the OpenAPI document of the body-less writes", () => {
  it("lists 400 and 415 for each and says it takes no body", async () => {
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
    for (const [path, method] of [
      ["/v1/periods/{id}/units/{unit}/appraisal/accept-unchanged", "post"],
      ["/v1/units/{id}/activation-codes", "post"],
    ] as const) {
      const op = doc.paths[path][method];
      expect(op.requestBody).toBeUndefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(["400", "413", "415"]));
      expect(op.description).toMatch(/no body/);
    }
  });
});
