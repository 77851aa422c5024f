import { env } from "cloudflare:test";
import { beforeAll, describe, expect, it } from "vitest";
import { sha256Hex } from "./auth.ts";
import { BEFORE_DEADLINE, call, COMMUNE_SET, createToken, bearer, fullItems, uniqueKey, type Who } from "../test/helpers.ts";

/** Every route under /v1, with a body that would succeed for an admin where one is needed. */
type Route = [method: string, path: string, body?: unknown];
let submissionId = "";
let otherUnitSubmission = "";
const items = fullItems(COMMUNE_SET);

beforeAll(async () => {
  const mine = await call("POST", "/v1/submissions", { as: "unit", body: { period: "2024-commune", items }, headers: { "Idempotency-Key": uniqueKey() } });
  submissionId = mine.body.id;
  const other = await call("POST", "/v1/submissions", { as: "admin", at: BEFORE_DEADLINE, body: { period: "2024-commune", unit: "xa-dong-tien", items }, headers: { "Idempotency-Key": uniqueKey() } });
  otherUnitSubmission = other.body.id;
});

const routes = (): Route[] => [
  ["GET", "/v1/criteria-sets"],
  ["GET", "/v1/criteria-sets/demo-commune-2024"],
  ["POST", "/v1/criteria-sets", { set: { ...COMMUNE_SET, id: "auth-probe" } }],
  ["PUT", "/v1/criteria-sets/demo-commune-2024", { set: COMMUNE_SET }],
  ["POST", "/v1/criteria-sets/demo-commune-2024/versions/1/status", { status: "retired" }],
  ["GET", "/v1/units"],
  ["GET", "/v1/units/xa-an-phu"],
  ["POST", "/v1/units", { id: "auth-probe", name: "Probe", type: "commune", parentId: "tinh-minh-hoa", validFrom: "2025-07-01" }],
  ["POST", "/v1/units/merge", { into: { id: "auth-probe-2", name: "P", type: "commune", parentId: "tinh-minh-hoa" }, from: ["xa-tan-hoa"], date: "2025-07-01" }],
  ["GET", "/v1/periods"],
  ["POST", "/v1/periods", { id: "auth-probe", year: 2024, criteriaSet: { id: "demo-commune-2024", version: 1 }, deadline: "2099-01-01T00:00:00Z" }],
  ["POST", "/v1/periods/2024-commune/exceptions", { unit: "xa-tan-hoa", deadline: "2099-01-01T00:00:00Z", reason: "probe" }],
  ["POST", "/v1/submissions", { period: "2024-commune", items }],
  ["GET", "/v1/submissions?unit=xa-an-phu"],
  ["GET", `/v1/submissions/${submissionId}`],
  ["GET", `/v1/submissions/${submissionId}/diff/${submissionId}`],
];

describe("every /v1 route needs a known token", () => {
  for (const who of ["none", "bogus"] as Who[]) {
    it(`${who}: 401 UNAUTHENTICATED on every route`, async () => {
      for (const [method, path, body] of routes()) {
        const res = await call(method, path, { as: who, body, headers: { "Idempotency-Key": uniqueKey() } });
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body.error.code).toBe("UNAUTHENTICATED");
      }
    });
  }

  it("refuses a revoked token", async () => {
    const token = await createToken("admin", null);
    await env.DB.prepare("UPDATE tokens SET revoked_at = ?1 WHERE token_hash = ?2").bind(new Date().toISOString(), await sha256Hex(token)).run();
    expect((await call("GET", "/v1/periods", { headers: bearer(token) })).status).toBe(401);
  });

  it("refuses a token past its end of validity, saying when it ended; until then it works", async () => {
    const token = await createToken("unit", "xa-an-phu", "2025-03-31T23:59:59+07:00");
    const before = await call("GET", "/v1/me", { headers: bearer(token), at: "2025-03-31T23:00:00+07:00" });
    expect(before.status).toBe(200);
    const after = await call("GET", "/v1/me", { headers: bearer(token), at: "2025-04-01T00:00:00+07:00" });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe("TOKEN_EXPIRED");
    expect(after.body.error.message).toContain("31/03/2025 23:59");
  });

  it.each(["2099-02-30T23:59:59+07:00", "2099-12-31", "not a date", "", "31/12/2099"])("treats an end of validity it cannot read (%j) as passed", async (expiresAt) => {
    const token = await createToken("unit", "xa-an-phu", expiresAt);
    const res = await call("GET", "/v1/me", { headers: bearer(token) });
    expect([res.status, res.body.error.code]).toEqual([401, "TOKEN_EXPIRED"]);
  });
});

describe("admin-only writes", () => {
  const adminOnly = (): Route[] => routes().filter(([m, p]) => m !== "GET" && p !== "/v1/submissions");
  for (const who of ["unit", "reviewer"] as Who[]) {
    it(`${who} token: 403 FORBIDDEN on every admin write, nothing written`, async () => {
      for (const [method, path, body] of adminOnly()) {
        const res = await call(method, path, { as: who, body });
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(res.body.error.code).toBe("FORBIDDEN");
      }
      expect(await env.DB.prepare("SELECT id FROM units WHERE id LIKE 'auth-probe%'").first()).toBeNull();
    });
  }
});

describe("scope: a unit sees its own data, a reviewer its subtree", () => {
  const table: [string, Who | "other-unit" | "province-reviewer", string, () => string, number][] = [
    ["own submission", "unit", "GET", () => `/v1/submissions/${submissionId}`, 200],
    ["another unit's submission (existence hidden)", "unit", "GET", () => `/v1/submissions/${otherUnitSubmission}`, 404],
    ["another unit's version list", "unit", "GET", () => "/v1/submissions?unit=xa-dong-tien", 403],
    ["another unit's page", "unit", "GET", () => "/v1/units/xa-dong-tien", 404],
    ["diff across units", "unit", "GET", () => `/v1/submissions/${submissionId}/diff/${otherUnitSubmission}`, 404],
    ["reviewer: commune in its district", "reviewer", "GET", () => `/v1/submissions/${submissionId}`, 200],
    ["reviewer: commune of another district", "reviewer", "GET", () => `/v1/submissions/${otherUnitSubmission}`, 404],
    ["reviewer: list in its district", "reviewer", "GET", () => "/v1/submissions?unit=xa-an-phu", 200],
    ["reviewer: list outside", "reviewer", "GET", () => "/v1/submissions?unit=xa-dong-tien", 403],
    ["another commune's token", "other-unit", "GET", () => `/v1/submissions/${submissionId}`, 404],
    ["province reviewer covers every district", "province-reviewer", "GET", () => `/v1/submissions/${otherUnitSubmission}`, 200],
    ["admin sees all", "admin", "GET", () => `/v1/submissions/${otherUnitSubmission}`, 200],
  ];
  it.each(table)("%s", async (_name, who, method, path, status) => {
    const headers = who === "other-unit" ? bearer(await createToken("unit", "xa-an-loc")) : who === "province-reviewer" ? bearer(await createToken("reviewer", "tinh-minh-hoa")) : {};
    const res = await call(method, path(), { as: who === "other-unit" || who === "province-reviewer" ? "admin" : who, headers });
    expect(res.status).toBe(status);
    if (status >= 400) expect(res.body.error.code).toMatch(status === 404 ? /_NOT_FOUND$/ : /^FORBIDDEN$/);
  });

  it("a unit token cannot submit for another unit, a reviewer cannot submit at all", async () => {
    const body = { period: "2024-commune", unit: "xa-an-loc", items };
    const cross = await call("POST", "/v1/submissions", { as: "unit", body, headers: { "Idempotency-Key": uniqueKey() } });
    expect(cross.status).toBe(403);
    const reviewer = await call("POST", "/v1/submissions", { as: "reviewer", body, at: BEFORE_DEADLINE, headers: { "Idempotency-Key": uniqueKey() } });
    expect(reviewer.status).toBe(403);
  });
});

describe("token storage", () => {
  it("keeps only SHA-256 hashes of the demo tokens", async () => {
    const rows = await env.DB.prepare("SELECT token_hash FROM tokens WHERE id LIKE 'tok-demo-%'").all<{ token_hash: string }>();
    expect(rows.results.map((r) => r.token_hash).sort()).toEqual((await Promise.all(["demo-admin", "demo-reviewer", "demo-unit"].map(sha256Hex))).sort());
    expect(await sha256Hex("demo-admin")).toMatch(/^[0-9a-f]{64}$/);
  });
});
