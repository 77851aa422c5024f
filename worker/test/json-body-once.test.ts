/**
 * A JSON body is parsed once per request (issue 17): boundedJsonBody parses it and hands the
 * value to the idempotency fingerprint and to the route's schema check, which had each parsed
 * it again (with two more decodings of the bytes) — for a 1.5 MB workbook posted as JSON, the
 * largest work a request does before its own. What it must not change: a retry with the same
 * body, keys in another order, is still the same request; another body under the same key is
 * still 409; text that is not JSON still gets the validator's refusal.
 */
import { afterEach, describe, expect, it, vi } from "vitest";
import { call, TOKENS, uniqueKey } from "./helpers.ts";
import { AT, itemsWith, newPeriod } from "./cycle-helpers.ts";
import { workerFetch } from "./observed-statuses.ts";

const P = "t-json-once";

/** The request through the real Worker, its answer read as text only (the test's own parse would count). */
async function post(path: string, text: string, headers: Record<string, string> = {}): Promise<{ status: number; text: string }> {
  const res = await workerFetch(`https://parindex.test${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${TOKENS.admin}`, "Content-Type": "application/json", "X-Test-Now": AT, ...headers },
    body: text,
  });
  return { status: res.status, text: await res.text() };
}

/** The Worker's JSON.parse calls on exactly this text, while `run` runs. */
async function parsesOf(text: string, run: () => Promise<unknown>): Promise<number> {
  const parse = JSON.parse;
  let n = 0;
  const spy = vi.spyOn(JSON, "parse").mockImplementation((source: string, reviver?: Parameters<typeof JSON.parse>[1]) => {
    if (source === text) n++;
    return parse(source, reviver);
  });
  try {
    await run();
  } finally {
    spy.mockRestore();
  }
  return n;
}

afterEach(() => vi.restoreAllMocks());

describe("a JSON body is parsed once per request", () => {
  it("a submission with an Idempotency-Key: one parse of its body, then its retry replays", async () => {
    await newPeriod(P);
    const body = { period: P, unit: "xa-an-phu", items: itemsWith(1) };
    const text = JSON.stringify(body);
    const key = uniqueKey("once");
    let first: { status: number; text: string } | undefined;
    expect(await parsesOf(text, async () => (first = await post("/v1/submissions", text, { "Idempotency-Key": key })))).toBe(1);
    expect(first?.status, first?.text).toBe(201);
    const firstId = (JSON.parse(first!.text) as { id: string }).id;

    // The same meaning, its keys written in another order: the same request, replayed.
    const reordered = { items: body.items, unit: body.unit, period: body.period };
    const again = await call("POST", "/v1/submissions", { body: reordered, at: AT, headers: { "Idempotency-Key": key } });
    expect(again.status).toBe(201);
    expect(again.body.id).toBe(firstId);

    // Another body under the same key: still refused.
    const other = await call("POST", "/v1/submissions", { body: { ...body, items: itemsWith(2) }, at: AT, headers: { "Idempotency-Key": key } });
    expect(other.status).toBe(409);
    expect(other.body.error.code).toBe("IDEMPOTENCY_KEY_REUSED");
  });

  it("a create without a key (units): still one parse (moved from the validator to boundedJsonBody, not doubled)", async () => {
    const body = { id: `xa-json-once-${Date.now()}`, name: "Xã Một Lần", type: "commune", parentId: "huyen-dong-son", validFrom: "2024-01-01", validTo: "2025-06-30" };
    const text = JSON.stringify(body);
    let created: { status: number; text: string } | undefined;
    expect(await parsesOf(text, async () => (created = await post("/v1/units", text)))).toBe(1);
    expect(created?.status, created?.text).toBe(201);
  });

  it("text that is not JSON gets the validator's refusal, as before", async () => {
    const res = await call("POST", "/v1/submissions", { rawBody: '{"period": ', headers: { "Content-Type": "application/json", "Idempotency-Key": uniqueKey("bad") }, at: AT });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("INVALID_JSON");
  });
});
