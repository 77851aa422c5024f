/**
 * API fuzzing (issue 7): generated bad requests across every route. Each answer must be a
 * 4xx in the one error envelope (never a 500, never HTML) and the database must be exactly
 * as before. The seed is printed; replay with FUZZ_SEED=<seed> in the worker test env.
 *
 * Requests go to the Worker's own entry (`app.fetch` with the real D1 binding in workerd):
 * the pool's SELF service hop slows down linearly with every request it has carried
 * (measured here: 2 ms → 31 ms per request after 400), which would make 1,000 requests
 * take minutes; the Worker code under test is the same.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import app from "../src/index.ts";
import { beforeAll, describe, expect, it } from "vitest";
import { seededRandom } from "../../fixtures/seeded-random.ts";
import { BEFORE_DEADLINE, COMMUNE_SET, fullItems, TOKENS } from "./helpers.ts";
import { observe } from "./observed-statuses.ts";

const SEED = Number((env as unknown as { FUZZ_SEED?: string }).FUZZ_SEED ?? Date.now() % 2 ** 31);
console.log(`api fuzz seed: ${SEED}`);

const r = seededRandom(SEED);
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const ROUTES: [string, string][] = [
  ["GET", "/v1/criteria-sets"],
  ["GET", "/v1/criteria-sets/demo-commune-2024"],
  ["POST", "/v1/criteria-sets"],
  ["PUT", "/v1/criteria-sets/demo-commune-2024"],
  ["POST", "/v1/criteria-sets/demo-commune-2024/versions/1/status"],
  ["GET", "/v1/units"],
  ["GET", "/v1/units/xa-an-phu"],
  ["POST", "/v1/units"],
  ["POST", "/v1/units/merge"],
  ["GET", "/v1/periods"],
  ["POST", "/v1/periods"],
  ["POST", "/v1/periods/2024-commune/exceptions"],
  ["POST", "/v1/submissions"],
  ["GET", "/v1/submissions?unit=xa-an-phu&period=2024-commune"],
  ["GET", "/v1/submissions/some-id"],
  ["GET", "/v1/submissions/some-id/diff/other-id"],
];
const WRITES = ROUTES.filter(([m]) => m !== "GET");
const NASTY = ["' OR '1'='1", "1; DROP TABLE submissions; --", "../../etc/passwd", "..%2F..%2Fwrangler.toml", "%00", "\u0000", "<script>alert(1)</script>", "𝕏".repeat(300), "a".repeat(5000), "Robert'); --", "${7*7}", "%252e%252e%252f"];
const JUNK_VALUES: unknown[] = [123, -1, 1e308, true, null, [], {}, [[[]]], "", "\u0000", ...NASTY, { $gt: "" }, { __proto__: { admin: true } }];
const FIELD_POOL = ["period", "unit", "items", "grid", "id", "name", "type", "parent", "parentId", "validFrom", "title", "year", "unitType", "set", "deadline", "status", "into", "from", "code", "self", "constructor", "__proto__", "extra"];

interface BadRequest {
  family: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const json = { "Content-Type": "application/json" };

function junkObject(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const n = 1 + Math.floor(r() * 5);
  for (let i = 0; i < n; i++) out[pick(FIELD_POOL)] = pick(JUNK_VALUES);
  return out;
}

function generate(otherUnits: string[], revoked: string): BadRequest[] {
  const out: BadRequest[] = [];
  const badAuth: Record<string, string>[] = [{}, { Authorization: "Bearer" }, { Authorization: "Bearer " }, { Authorization: "Basic ZGVtbzpkZW1v" }, auth("not-a-token"), auth(revoked), auth("x".repeat(10_000)), auth("' OR '1'='1"), { Authorization: "demo-admin" }];
  for (let i = 0; i < 260; i++) {
    const [method, path] = pick(ROUTES);
    out.push({ family: "auth", method, path, headers: { ...pick(badAuth), ...json, "Idempotency-Key": `fz-${i}` }, body: method === "GET" ? undefined : JSON.stringify(junkObject()) });
  }
  for (let i = 0; i < 100; i++) {
    const [, path] = pick(ROUTES);
    const method = pick(["DELETE", "PATCH"]);
    out.push({ family: "method", method, path, headers: auth(TOKENS.admin) });
  }
  for (let i = 0; i < 30; i++) out.push({ family: "unknown path", method: "GET", path: pick(["/v1/", "/v2/units", "/v1/../../etc/passwd", "/v1/units/../tokens", "/admin", "/v1/tokens", "/.env"]), headers: auth(TOKENS.admin) });
  const rawJunk = () => pick(["{", "}", "[", "nul", "{\"period\":", "\"unterminated", "{'single':'quotes'}", "{\"a\":1,}", "\u0000\u0001", "<xml/>", "🙂", "1e999999", "{\"period\": \"2024-commune\" \"items\": []}"]);
  for (let i = 0; i < 240; i++) {
    const [method, path] = pick(WRITES);
    const who = path.startsWith("/v1/submissions") ? TOKENS.unit : TOKENS.admin;
    out.push({ family: "bad json", method, path, headers: { ...auth(who), ...json, "Idempotency-Key": `fz-bj-${i}` }, body: rawJunk() });
  }
  for (let i = 0; i < 260; i++) {
    const [method, path] = pick(WRITES);
    const who = path.startsWith("/v1/submissions") ? TOKENS.unit : TOKENS.admin;
    const body = r() < 0.2 ? pick(JUNK_VALUES) : junkObject();
    out.push({ family: "schema", method, path, headers: { ...auth(who), ...json, "Idempotency-Key": `fz-sc-${i}`, "X-Test-Now": BEFORE_DEADLINE }, body: JSON.stringify(body) });
  }
  for (let i = 0; i < 20; i++) {
    const [method, path] = pick(WRITES);
    out.push({ family: "oversized", method, path, headers: { ...auth(TOKENS.admin), ...json, "Idempotency-Key": `fz-big-${i}` }, body: JSON.stringify({ period: "2024-commune", pad: "x".repeat(600 * 1024) }) });
  }
  for (let i = 0; i < 20; i++) {
    out.push({ family: "wrong content type", method: "POST", path: "/v1/submissions", headers: { ...auth(TOKENS.unit), "Content-Type": pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x"]), "Idempotency-Key": `fz-ct-${i}` }, body: "period=2024-commune" });
  }
  for (let i = 0; i < 100; i++) {
    const id = encodeURIComponent(pick(NASTY));
    const path = pick([`/v1/submissions/${id}`, `/v1/submissions/${id}/diff/${id}`, `/v1/criteria-sets/${id}`, `/v1/units/${id}`, `/v1/criteria-sets/${id}?version=${id}`]);
    out.push({ family: "nasty id", method: "GET", path, headers: auth(pick([TOKENS.admin, TOKENS.unit, TOKENS.reviewer])) });
  }
  const items = fullItems(COMMUNE_SET);
  for (let i = 0; i < 60; i++) {
    const other = pick(otherUnits);
    const choice = Math.floor(r() * 4);
    if (choice === 0) out.push({ family: "other unit", method: "GET", path: `/v1/units/${other}`, headers: auth(TOKENS.unit) });
    else if (choice === 1) out.push({ family: "other unit", method: "GET", path: `/v1/submissions?unit=${other}&period=2024-commune`, headers: auth(TOKENS.unit) });
    else if (choice === 2)
      out.push({ family: "other unit", method: "POST", path: "/v1/submissions", headers: { ...auth(TOKENS.unit), ...json, "Idempotency-Key": `fz-ou-${i}`, "X-Test-Now": BEFORE_DEADLINE }, body: JSON.stringify({ period: "2024-commune", unit: other, items }) });
    else out.push({ family: "reviewer submits", method: "POST", path: "/v1/submissions", headers: { ...auth(TOKENS.reviewer), ...json, "Idempotency-Key": `fz-rv-${i}`, "X-Test-Now": BEFORE_DEADLINE }, body: JSON.stringify({ period: "2024-commune", items }) });
  }
  for (let i = 0; i < 20; i++) {
    out.push({ family: "bad idempotency key", method: "POST", path: "/v1/submissions", headers: { ...auth(TOKENS.unit), ...json, ...(r() < 0.5 ? {} : { "Idempotency-Key": pick(["", "x".repeat(200), "tab\there"]) }), "X-Test-Now": BEFORE_DEADLINE }, body: JSON.stringify({ period: "2024-commune", items }) });
  }
  return out;
}

async function dump(): Promise<string> {
  const tables = await env.DB.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name NOT LIKE 'd1_%' ORDER BY name").all<{ name: string }>();
  const parts: string[] = [];
  for (const { name } of tables.results) {
    const rows = await env.DB.prepare(`SELECT * FROM "${name}"`).all();
    parts.push(`${name}:${rows.results.map((row) => JSON.stringify(row)).sort().join("\n")}`);
  }
  return parts.join("\n--\n");
}

describe(`API fuzz (seed ${SEED})`, () => {
  let requests: BadRequest[] = [];
  beforeAll(async () => {
    const units = await env.DB.prepare("SELECT id FROM units WHERE id NOT IN ('xa-an-phu', 'huyen-an-binh', 'tinh-minh-hoa') AND parent_id IS NOT 'huyen-an-binh'").all<{ id: string }>();
    const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode("revoked-token-fuzz"));
    const hash = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
    await env.DB.prepare("INSERT OR IGNORE INTO tokens (id, token_hash, role, unit_id, label, created_at, revoked_at) VALUES ('tok-revoked-fuzz', ?1, 'admin', NULL, 'revoked', '2024-01-01T00:00:00Z', '2024-06-01T00:00:00Z')").bind(hash).run();
    requests = generate(units.results.map((u) => u.id), "revoked-token-fuzz");
  });

  it("answers ≥ 1,000 bad requests with a 4xx envelope and leaves the database unchanged", { timeout: 60_000 }, async () => {
    expect(requests.length).toBeGreaterThanOrEqual(1000);
    const before = await dump();
    const failures: string[] = [];
    for (const req of requests) {
      const ctx = createExecutionContext();
      const res = await app.fetch(new Request(`https://parindex.test${req.path}`, { method: req.method, headers: req.headers, body: req.body }), env, ctx);
      await waitOnExecutionContext(ctx);
      observe(req.method, req.path, res.status);
      const text = await res.text();
      let envelope: { error?: { code?: unknown; message?: unknown } } | null = null;
      try {
        envelope = JSON.parse(text);
      } catch {
        envelope = null;
      }
      const ok = res.status >= 400 && res.status < 500 && typeof envelope?.error?.code === "string" && typeof envelope.error.message === "string";
      if (!ok) failures.push(`${req.family}: ${req.method} ${req.path.slice(0, 80)} → ${res.status} ${text.slice(0, 160)}`);
    }
    expect(failures.slice(0, 10)).toEqual([]);
    expect(await dump()).toBe(before);
  });
});
