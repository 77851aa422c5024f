/**
 * API round 5 (API5-2): a retry that means the same request replays, whatever its bytes. A
 * third-party client that builds its JSON with another serializer (spaces, key order) got 409
 * IDEMPOTENCY_KEY_REUSED — on POST /v1/activate each one a failed redeem, ten of them 429 and the
 * token lost. JSON bodies are compared parsed and written canonically; another meaning is still 409;
 * records kept before the canonical form (raw-body hashes) still replay.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { COMMUNE_SET, call, count, fullItems, uniqueKey } from "./helpers.ts";

const EARLY_2025 = "2025-01-15T09:00:00+07:00";
const failures = () => count("audit_log", "action = 'activation.fail'");
const issue = async (unit: string) => (await call("POST", `/v1/units/${unit}/activation-codes`, { as: "admin", at: EARLY_2025 })).body.code as string;
const redeem = (rawBody: string, key: string) =>
  call("POST", "/v1/activate", { as: "none", rawBody, at: EARLY_2025, headers: { "Content-Type": "application/json", "CF-Connecting-IP": "198.51.100.201", "Idempotency-Key": key } });

async function sha256Hex(data: string | Uint8Array): Promise<string> {
  const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
  return [...new Uint8Array(await crypto.subtle.digest("SHA-256", bytes))].map((b) => b.toString(16).padStart(2, "0")).join("");
}

describe("Idempotency-Key compares what a request means", () => {
  it("replays a redeem retried with the same JSON spaced otherwise: the same 201, the same token, no failed redeem", async () => {
    const code = await issue("xa-binh-hoa");
    const key = crypto.randomUUID();
    const first = await redeem(JSON.stringify({ code }), key);
    expect(first.status, first.text).toBe(201);
    const failed = await failures();
    for (const body of [`{ "code" : "${code}" }`, `{\n  "code": "${code}"\n}\n`, `{"code":"${code}","code":"${code}"}`]) {
      const again = await redeem(body, key);
      expect([again.status, again.text]).toEqual([201, first.text]);
    }
    expect(await failures()).toBe(failed);
  });

  it("replays a submission retried with its keys in another order and spaced: one version; another body is still 409", async () => {
    const items = fullItems(COMMUNE_SET);
    const key = uniqueKey("canon");
    const body = { period: "2024-commune", unit: "xa-an-loc", items, locale: "vi" };
    const first = await call("POST", "/v1/submissions", { body, at: EARLY_2025, headers: { "Idempotency-Key": key } });
    expect(first.status, first.text).toBe(201);
    const reordered = JSON.stringify({ locale: "vi", items: items.map((i) => Object.fromEntries(Object.entries(i).reverse())), unit: "xa-an-loc", period: "2024-commune" }, null, 2);
    const again = await call("POST", "/v1/submissions", { rawBody: reordered, at: EARLY_2025, headers: { "Content-Type": "application/json", "Idempotency-Key": key } });
    expect([again.status, again.text]).toEqual([201, first.text]);
    expect(await count("submissions", "unit_id = 'xa-an-loc' AND period_id = '2024-commune'")).toBe(1);
    const other = await call("POST", "/v1/submissions", { body: { ...body, items: items.slice(1) }, at: EARLY_2025, headers: { "Idempotency-Key": key } });
    expect([other.status, other.body.error.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
  });

  it("still replays a record kept before the canonical comparison (its hash of the raw body)", async () => {
    const key = uniqueKey("legacy");
    const raw = JSON.stringify({ id: "xa-ky-cu", name: "Xã Kỳ Cũ", type: "commune", parentId: "tinh-minh-hoa", validFrom: "2025-07-01" });
    const first = await call("POST", "/v1/units", { rawBody: raw, headers: { "Content-Type": "application/json", "Idempotency-Key": key } });
    expect(first.status, first.text).toBe(201);
    const legacy = await sha256Hex(`POST /v1/units\n${await sha256Hex(raw)}`);
    await env.DB.prepare("UPDATE idempotency_keys SET request_hash = ?1 WHERE key = ?2").bind(legacy, key).run();
    const again = await call("POST", "/v1/units", { rawBody: raw, headers: { "Content-Type": "application/json", "Idempotency-Key": key } });
    expect([again.status, again.text]).toEqual([201, first.text]);
  });
});
