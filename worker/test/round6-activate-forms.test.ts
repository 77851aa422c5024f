/**
 * API round 6 (API6-1): a redeem retried with the same Idempotency-Key and the same code
 * written another way — as printed ("03XJ-2D75-S2") after first as typed ("03xj 2d75 s2") —
 * got 409 IDEMPOTENCY_KEY_REUSED, counted as a failed redeem: ten such retries locked the
 * address out (429 "typed a wrong code too many times") and the code was already spent, so a
 * client that tidies the code before retrying a lost answer lost the token. The code is one
 * code everywhere else (case, spaces and dashes aside, O read as 0, I/L as 1), so the retry is
 * the same request: the first 201, never a failure.
 */
import { describe, expect, it } from "vitest";
import { IssuedCodeSchema } from "../../shared/index.ts";
import { ADDRESS_LIMIT } from "../src/onboarding/redeem.ts";
import { call, count } from "./helpers.ts";

const AT = "2025-03-04T09:00:00+07:00";
const activate = (code: string, key: string, ip: string) =>
  call("POST", "/v1/activate", { as: "none", body: { code }, at: AT, headers: { "CF-Connecting-IP": ip, "Idempotency-Key": key } });
const issue = async (unit: string) => IssuedCodeSchema.parse((await call("POST", `/v1/units/${unit}/activation-codes`, { as: "admin", at: AT })).body).code;
const failures = () => count("audit_log", "action = 'activation.fail'");

/** The forms an office writes one printed code in. */
const forms = (printed: string): string[] => {
  const plain = printed.replace(/-/g, "");
  return [
    printed,
    printed.toLowerCase(),
    `${plain.slice(0, 4)} ${plain.slice(4, 8)} ${plain.slice(8)}`.toLowerCase(),
    ` ${plain} `,
    printed.replace(/0/g, "O").replace(/1/g, "I"),
  ];
};

describe("POST /v1/activate retried with the code written another way", () => {
  it("replays the first 201 for every form of the same code, counting no failure", async () => {
    const code = await issue("xa-dong-hai");
    const [printed, ...others] = forms(code);
    const key = crypto.randomUUID();
    const first = await activate(others[1]!, key, "198.51.100.201");
    expect(first.status, first.text).toBe(201);
    const failed = await failures();
    for (const form of [printed!, ...others]) {
      const again = await activate(form, key, "198.51.100.201");
      expect([form, again.status, again.text]).toEqual([form, 201, first.text]);
    }
    expect(await failures()).toBe(failed);
    expect(await count("tokens", "unit_id = 'xa-dong-hai'")).toBe(1);
  });

  it("never locks the address out for retries of the right code", async () => {
    const code = await issue("xa-dong-tien");
    const key = crypto.randomUUID();
    const ip = "198.51.100.202";
    const first = await activate(code.toLowerCase().replace(/-/g, " "), key, ip);
    expect(first.status, first.text).toBe(201);
    for (let i = 0; i <= ADDRESS_LIMIT.failures; i++) expect((await activate(code, key, ip)).text).toBe(first.text);
    expect((await activate(code.toLowerCase().replace(/-/g, " "), key, ip)).status).toBe(201);
  });

  it("still refuses the key with another code (409, a failed redeem)", async () => {
    const code = await issue("phuong-my-xuan");
    const other = await issue("thi-tran-an-binh");
    const key = crypto.randomUUID();
    expect((await activate(code, key, "198.51.100.203")).status).toBe(201);
    const failed = await failures();
    const res = await activate(other.toLowerCase(), key, "198.51.100.203");
    expect([res.status, res.body.error?.code]).toEqual([409, "IDEMPOTENCY_KEY_REUSED"]);
    expect(await failures()).toBe(failed + 1);
  });
});
