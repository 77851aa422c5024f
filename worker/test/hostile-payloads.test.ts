/**
 * The acceptance check of issue 15: the red team's hostile payloads, sent to the real Worker
 * (workerd, real D1 and R2) from a unit token — or the admin's where only an admin may call
 * the route — each answered by a 4xx in the envelope (or, for workbooks that are merely
 * odd, a normal answer), never a 500, and /health answering right after each. That the
 * work stays bounded is proven by counting it (test/engine/bounded-work.test.ts); times
 * are measured in bench/, never asserted here.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../src/index.ts";
import { hostileRequests, submissionFile, type HostileRequest } from "../../fixtures/hostile-requests.ts";
import { wideMergesWorkbook } from "../../fixtures/hostile-workbooks.ts";
import { newPeriod } from "./cycle-helpers.ts";
import { BEFORE_DEADLINE, call, COMMUNE_SET, fullItems, TOKENS, uniqueKey } from "./helpers.ts";
import { observe } from "./observed-statuses.ts";

const P = "t-hostile-2024";

const PAYLOADS = (): HostileRequest[] => hostileRequests({ period: P, items: fullItems(COMMUNE_SET), criteriaSet: COMMUNE_SET, suffix: uniqueKey().slice(-6) });

/** Through the Worker's entry with the deployed body limit (2 MiB; the test config lowers it to 512 KiB). */
async function send(p: HostileRequest): Promise<{ status: number; text: string; body: any }> {
  const headers: Record<string, string> = { Authorization: `Bearer ${TOKENS[p.as]}`, "Idempotency-Key": uniqueKey("hostile"), "X-Test-Now": BEFORE_DEADLINE };
  headers["Content-Type"] = p.raw ? p.raw.type : "application/json";
  const request = new Request(`https://parindex.test${p.path}`, { method: p.method, headers, body: p.raw ? p.raw.text : JSON.stringify(p.body) });
  const ctx = createExecutionContext();
  const res = await app.fetch(request, { ...env, MAX_BODY_BYTES: undefined }, ctx);
  await waitOnExecutionContext(ctx);
  observe(p.method, p.path, res.status);
  const text = await res.text();
  return { status: res.status, text, body: JSON.parse(text) };
}

describe("hostile payloads (issue 15 acceptance)", () => {
  it("each answers as it should — never a 500 — in the envelope, with /health answering right after", { timeout: 120_000 }, async () => {
    await newPeriod(P);
    const wrong: string[] = [];
    for (const p of PAYLOADS()) {
      const res = await send(p);
      const ok = p.expect === "ok" ? res.status >= 200 && res.status < 300 : res.status === p.expect && typeof res.body?.error?.code === "string" && (p.code === undefined || res.body.error.code === p.code);
      if (!ok) wrong.push(`${p.name}: ${res.status} ${res.text.slice(0, 200)}`);
      // An answer stays small whatever came in: at most 100 issues, input quoted to 80 characters.
      if (res.status >= 400) {
        expect(res.body.error.issues?.length ?? 0, p.name).toBeLessThanOrEqual(100);
        expect(res.text.length, p.name).toBeLessThan(64 * 1024);
      }
      const health = await call("GET", "/health", { as: "none" });
      expect([p.name, health.status]).toEqual([p.name, 200]);
    }
    expect(wrong).toEqual([]);
  });

  it("a stored grid under 50 wide merges gives its evidence register", async () => {
    await newPeriod(P);
    const stored = await call("POST", "/v1/submissions", { as: "unit", body: { period: P, ...submissionFile(wideMergesWorkbook(50, "F1:XFD61")) }, headers: { "Idempotency-Key": uniqueKey() }, at: BEFORE_DEADLINE });
    expect(stored.status).toBe(201);
    const register = await call("GET", `/v1/submissions/${stored.body.id}/register`, { as: "unit" });
    expect(register.status).toBe(200);
    expect(register.body.documents.length).toBeGreaterThan(0);
  });
});
