/**
 * POST /v1/activate with an Idempotency-Key (API-NOTES): a commune whose answer was lost on
 * the way retries with the same key and body and gets the same answer — the same token —
 * instead of 410 for the code it has just spent. The answer is kept sealed (AES-GCM under a
 * key derived from the code and the Idempotency-Key), never in clear; the same key with
 * another body → 409; failures store nothing; replays are not counted as failed redeems.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { ActivationSchema, IssuedCodeSchema, MeSchema } from "../../shared/index.ts";
import { ACTIVATION_REPLAY_HOURS, ADDRESS_LIMIT } from "../src/onboarding/redeem.ts";
import { bearer, call, count, uniqueKey } from "./helpers.ts";

const EARLY_2025 = "2025-01-15T09:00:00+07:00";
let address = 0;
const nextIp = () => `198.51.100.${(++address % 250) + 1}`;

interface Redeem {
  key?: string;
  ip?: string;
  at?: string;
  rawBody?: string;
}

const activate = (code: string, opts: Redeem = {}) =>
  call("POST", "/v1/activate", {
    as: "none",
    ...(opts.rawBody !== undefined ? { rawBody: opts.rawBody } : { body: { code } }),
    at: opts.at ?? EARLY_2025,
    headers: { "Content-Type": "application/json", "CF-Connecting-IP": opts.ip ?? nextIp(), ...(opts.key ? { "Idempotency-Key": opts.key } : {}) },
  });

const issue = async (unit: string, at = EARLY_2025) => IssuedCodeSchema.parse((await call("POST", `/v1/units/${unit}/activation-codes`, { as: "admin", at })).body).code;
const failures = () => count("audit_log", "action = 'activation.fail'");
const hoursAfter = (iso: string, hours: number) => new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

describe("POST /v1/activate with an Idempotency-Key", () => {
  it("answers a retry with the same key and body with the first answer: 201, the same bytes, the same token; one token exists and works", async () => {
    const code = await issue("xa-binh-hoa");
    const tokensBefore = await count("tokens", "unit_id = 'xa-binh-hoa'");
    const key = crypto.randomUUID();
    const first = await activate(code, { key });
    expect(first.status, first.text).toBe(201);
    const activation = ActivationSchema.parse(first.body);
    // The retry comes from another address (a phone changing networks) and a little later.
    const again = await activate(code, { key, at: "2025-01-15T09:20:00+07:00" });
    expect([again.status, again.text]).toEqual([201, first.text]);
    expect(await count("tokens", "unit_id = 'xa-binh-hoa'")).toBe(tokensBefore + 1);
    expect(await count("audit_log", "action = 'activation_code.redeem' AND json_extract(detail, '$.unit') = 'xa-binh-hoa'")).toBe(1);
    const me = await call("GET", "/v1/me", { headers: bearer(activation.token), at: EARLY_2025 });
    expect(MeSchema.parse(me.body)).toMatchObject({ role: "unit", unit: { id: "xa-binh-hoa" } });
  });

  it("keeps the answer only sealed: no token, code or key in clear anywhere in D1", async () => {
    const code = await issue("xa-an-loc");
    const key = `retry-${crypto.randomUUID()}`;
    const first = await activate(code, { key });
    expect(first.status).toBe(201);
    const { token } = ActivationSchema.parse(first.body);
    const sealed = await env.DB.prepare("SELECT response FROM idempotency_keys WHERE response LIKE 'sealed:v1:%'").all<{ response: string }>();
    expect(sealed.results.length).toBeGreaterThan(0);
    const rows = await everyRow();
    for (const secret of [token, code, code.replace(/-/g, ""), key]) expect(rows).not.toContain(secret);
  });

  it("still answers 410 ACTIVATION_USED to a spent code sent with another key or none", async () => {
    const code = await issue("xa-son-thuy");
    const key = crypto.randomUUID();
    expect((await activate(code, { key })).status).toBe(201);
    for (const other of [crypto.randomUUID(), undefined]) {
      const res = await activate(code, other ? { key: other } : {});
      expect([res.status, res.body.error.code]).toEqual([410, "ACTIVATION_USED"]);
    }
    expect((await activate(code, { key })).status).toBe(201);
  });

  it("refuses the same key with another code with 409 IDEMPOTENCY_KEY_REUSED, redeeming nothing; the same code typed otherwise replays (API6-1)", async () => {
    const code = await issue("xa-dong-hai");
    const other = await issue("xa-dong-tien");
    const key = crypto.randomUUID();
    const first = await activate(code, { key });
    expect(first.status).toBe(201);
    const tokens = await count("tokens");
    const failed = await failures();
    for (const res of [await activate(other, { key }), await activate(other.toLowerCase(), { key })]) {
      expect([res.status, res.body.error.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
      expect(res.text).not.toContain("pi_");
    }
    // The same code typed otherwise is the same request (round 6, API6-1): the first answer, no failure.
    expect((await activate(code.toLowerCase(), { key })).text).toBe(first.text);
    expect(await count("tokens")).toBe(tokens);
    // A reused key is a failed redeem: with a known key, 409 or 201 must not be a free code-guessing oracle.
    expect(await failures()).toBe(failed + 2);
    // The other code was not spent: with its own key it redeems.
    expect((await activate(other, { key: crypto.randomUUID() })).status).toBe(201);
  });

  it("stores nothing for a failure: a key first sent with an unknown or a spent code then redeems a valid code", async () => {
    const spent = await issue("phuong-my-xuan");
    expect((await activate(spent)).status).toBe(201);
    const code = await issue("thi-tran-an-binh");
    const key = crypto.randomUUID();
    expect((await activate("ZZZZ-ZZZZ-ZZ", { key })).status).toBe(401);
    expect((await activate(spent, { key })).status).toBe(410);
    const redeemed = await activate(code, { key });
    expect(redeemed.status, redeemed.text).toBe(201);
    expect((await activate(code, { key })).text).toBe(redeemed.text);
  });

  it("does not count replays as failed redeems, and a replay waits out the address limit like any redeem", async () => {
    const ip = "203.0.113.77";
    const at = "2025-02-03T10:00:00+07:00";
    const code = await issue("xa-an-phu", at);
    const key = crypto.randomUUID();
    const first = await activate(code, { key, ip, at });
    expect(first.status).toBe(201);
    for (let i = 0; i < ADDRESS_LIMIT.failures - 1; i++) expect((await activate(`WRNG-1111-${String(i).padStart(2, "0")}`, { ip, at })).status).toBe(401);
    const failed = await failures();
    for (let i = 0; i < 3; i++) expect((await activate(code, { key, ip, at })).text).toBe(first.text);
    expect(await failures()).toBe(failed);
    // The tenth failure, not the thirteenth: the replays were not counted.
    expect((await activate("WRNG-1111-99", { ip, at })).status).toBe(401);
    const limited = await activate(code, { key, ip, at });
    expect([limited.status, limited.body.error.code]).toEqual([429, "ACTIVATION_RATE_LIMITED"]);
    const later = await activate(code, { key, ip, at: "2025-02-03T10:15:01+07:00" });
    expect([later.status, later.text]).toEqual([201, first.text]);
  });

  it("gives five concurrent twins with one key one token and the same answer", async () => {
    const code = await issue("phuong-phu-my");
    const key = crypto.randomUUID();
    const tokens = await count("tokens", "unit_id = 'phuong-phu-my'");
    const failed = await failures();
    const answers = await Promise.all(Array.from({ length: 5 }, () => activate(code, { key })));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201]);
    expect(new Set(answers.map((a) => a.text)).size).toBe(1);
    expect(await count("tokens", "unit_id = 'phuong-phu-my'")).toBe(tokens + 1);
    expect(await failures()).toBe(failed);
  });

  it(`replays within ${ACTIVATION_REPLAY_HOURS} hours of the redeem; later the spent code is 410 again`, async () => {
    const at = "2025-01-20T08:00:00+07:00";
    const code = await issue("xa-tan-hoa", at);
    const key = crypto.randomUUID();
    const first = await activate(code, { key, at });
    expect(first.status).toBe(201);
    expect((await activate(code, { key, at: hoursAfter(at, ACTIVATION_REPLAY_HOURS - 0.1) })).text).toBe(first.text);
    const late = await activate(code, { key, at: hoursAfter(at, ACTIVATION_REPLAY_HOURS + 0.1) });
    expect([late.status, late.body.error.code]).toEqual([410, "ACTIVATION_USED"]);
  });

  it("refuses a malformed Idempotency-Key (400) before looking at the code", async () => {
    const failed = await failures();
    const res = await activate("ZZZZ-ZZZZ-ZZ", { key: "x".repeat(129) });
    expect([res.status, res.body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
    expect(await failures()).toBe(failed);
  });

  it("declares the header in /openapi.json (optional, sealed) with its 409", async () => {
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
    const op = doc.paths["/v1/activate"].post;
    expect(op["x-idempotency"]).toBe("sealed");
    expect(op.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ in: "header", name: "idempotency-key", required: false })]));
    expect(Object.keys(op.responses)).toContain("409");
  });
});

/** Every row of every table as text: what a copy of the database would show. */
async function everyRow(): Promise<string> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%'").all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of tables.results) parts.push(JSON.stringify((await env.DB.prepare(`SELECT * FROM "${name}"`).all()).results));
  return parts.join("\n");
}
