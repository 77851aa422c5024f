/**
 * The route-specific refusals /openapi.json documents, each produced once: unknown periods,
 * units, versions and submissions (404), steps the state refuses (409), unknown criteria
 * (422), and a missing archive binding (503). The shared refusals are in api-sweep.test.ts.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../src/index.ts";
import { AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { call, fullItems, COMMUNE_SET, uniqueKey } from "./helpers.ts";
import { observe } from "./observed-statuses.ts";

const P = "t-route-errors-2024";
const NO_PERIOD = "khong-co-ky";

describe("route-specific refusals, in the envelope", () => {
  it("404 for what does not exist", async () => {
    await newPeriod(P);
    const cases: [string, string, unknown?][] = [
      ["POST", "/v1/criteria-sets/demo-commune-2024/versions/99/status", { status: "retired" }],
      ["PUT", "/v1/criteria-sets/khong-co-bo", { set: { ...COMMUNE_SET, id: "khong-co-bo" } }],
      ["PUT", `/v1/periods/${NO_PERIOD}/units/xa-an-loc/appraisal/items`, { items: [{ code: "1.2", score: 1 }] }],
      ["POST", `/v1/periods/${NO_PERIOD}/units/xa-an-loc/appraisal/accept-unchanged`],
      ["POST", `/v1/periods/${NO_PERIOD}/appraisal/bulk`, { action: "start_review", units: ["xa-an-loc"] }],
      ["GET", `/v1/periods/${NO_PERIOD}/ranking`],
      ["GET", `/v1/periods/${NO_PERIOD}/board`],
      ["PUT", "/v1/periods/baselines/khong-co-don-vi", { year: 2023, percent: 70, note: "x" }],
      ["GET", "/v1/submissions/khong-co-ban-nop/register"],
    ];
    for (const [method, path, body] of cases) {
      const res = await call(method, path, { as: "admin", ...(body ? { body } : {}), at: AT });
      expect([path, res.status, typeof res.body.error.code]).toEqual([path, 404, "string"]);
    }
    const survey = await call("POST", `/v1/periods/${NO_PERIOD}/survey`, { rawBody: "xa-an-loc;7.1;1", headers: { "Content-Type": "text/csv" } });
    expect([survey.status, survey.body.error.code]).toEqual([404, "PERIOD_NOT_FOUND"]);
  });

  it("409 for a second deadline exception; 422 for explaining an unknown criterion", async () => {
    await newPeriod(P);
    const exception = { unit: "xa-binh-hoa", deadline: "2025-02-15T17:00:00+07:00", reason: "Thiên tai" };
    // Granted before it runs out (one already over is 422 EXCEPTION_OVER): a fixed clock, the real one being past 2025.
    await call("POST", `/v1/periods/${P}/exceptions`, { body: exception, at: "2025-01-20T09:00:00+07:00" });
    const again = await call("POST", `/v1/periods/${P}/exceptions`, { body: exception, at: "2025-01-20T09:00:00+07:00" });
    expect([again.status, again.body.error.code]).toEqual([409, "EXCEPTION_EXISTS"]);

    await submitFor(P, "xa-an-loc");
    await step(P, "xa-an-loc", { action: "start_review" });
    await step(P, "xa-an-loc", { action: "return", reason: "Giải trình" });
    const unknown = await step(P, "xa-an-loc", { action: "explain", explanations: [{ code: "99.9", text: "x" }] }, "admin");
    expect([unknown.status, unknown.body.error.code]).toEqual([422, "UNKNOWN_CRITERION"]);
  });

  it("accept-unchanged: 409 before the review starts, 200 under review", async () => {
    await newPeriod(P);
    await submitFor(P, "thi-tran-an-binh");
    const accept = () => call("POST", `/v1/periods/${P}/units/thi-tran-an-binh/appraisal/accept-unchanged`, { as: "reviewer", at: AT });
    const early = await accept();
    expect([early.status, early.body.error.code]).toEqual([409, "APPRAISAL_LOCKED"]);
    await step(P, "thi-tran-an-binh", { action: "start_review" });
    const accepted = await accept();
    expect(accepted.status).toBe(200);
    expect(accepted.body.items.filter((i: { kind: string; appraised: number | null }) => i.kind !== "survey" && i.appraised === null)).toEqual([]);
  });

  it("503 when the archive is not bound: a submission with a file, and a file download", async () => {
    await newPeriod(P);
    const unbound = { ...env, ARCHIVE: undefined };
    const send = async (path: string, init: RequestInit) => {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`https://parindex.test${path}`, init), unbound, ctx);
      await waitOnExecutionContext(ctx);
      observe(init.method ?? "GET", path, res.status);
      return { status: res.status, body: (await res.json()) as { error: { code: string } } };
    };
    const body = JSON.stringify({ period: P, unit: "xa-an-phu", items: fullItems(COMMUNE_SET), file: { name: "a.xlsx", base64: "UEsDBAo=" } });
    const headers = { Authorization: "Bearer demo-admin", "Content-Type": "application/json", "Idempotency-Key": uniqueKey("no-archive"), "X-Test-Now": AT };
    const submitted = await send("/v1/submissions", { method: "POST", headers, body });
    expect([submitted.status, submitted.body.error.code]).toEqual([503, "ARCHIVE_UNAVAILABLE"]);
    const stored = await submitFor(P, "xa-an-phu", { file: { name: "a.xlsx", base64: "UEsDBAo=" } });
    const file = await send(`/v1/submissions/${stored.id}/file`, { headers: { Authorization: "Bearer demo-admin" } });
    expect([file.status, file.body.error.code]).toEqual([503, "ARCHIVE_UNAVAILABLE"]);
  });
});
