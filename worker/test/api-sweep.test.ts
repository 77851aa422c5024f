/**
 * Every operation of /openapi.json, sent what each shared refusal is documented for: no
 * token (401), a role the route does not allow (403), an invalid path parameter, query,
 * body or Idempotency-Key (400), an oversized body (413), a body that is not JSON (415).
 * Each must answer that status in the error envelope, and the database must not change.
 * The operations come from the document itself, so a route added later is swept too.
 */
import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { call, TOKENS, type Who } from "./helpers.ts";
import { databaseDump } from "./database-dump.ts";

interface Operation {
  method: string;
  path: string;
  roles: string[];
  params: string[];
  query: boolean;
  body?: string[];
  idempotent?: string;
}

async function documentedOperations(): Promise<Operation[]> {
  const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
  return Object.entries(doc.paths as Record<string, Record<string, any>>).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      roles: op["x-roles"] ?? [],
      params: (op.parameters ?? []).filter((p: { in: string }) => p.in === "path").map((p: { name: string }) => p.name),
      query: (op.parameters ?? []).some((p: { in: string }) => p.in === "query"),
      ...(op.requestBody ? { body: Object.keys(op.requestBody.content) } : {}),
      ...(op["x-idempotency"] ? { idempotent: op["x-idempotency"] } : {}),
    })),
  );
}

/** Path parameters filled with a syntactically valid value (a version is a number), or all with `value`. */
const fill = (op: Operation, value?: string) => op.path.replace(/\{([^}]+)\}/g, (_m, name: string) => encodeURIComponent(value ?? (name === "version" ? "1" : "x")));
/** Values that fail each query schema of the API (a number out of range, an unknown enum value, a bad date). */
const BAD_QUERY = "limit=0&asOf=31-12-2024&format=pdf&at=yesterday&version=0&percent=abc&lang=fr&rank=0&days=0";
const ROLE_TOKENS: Record<string, Exclude<Who, "none" | "bogus">> = { unit: "unit", reviewer: "reviewer", admin: "admin" };

interface Probe {
  name: string;
  status: number;
  send: () => ReturnType<typeof call>;
}

function probes(op: Operation): Probe[] {
  const out: Probe[] = [];
  const allowed = op.roles[0] ? ROLE_TOKENS[op.roles[0]]! : "admin";
  const valid = fill(op);
  const jsonBody = op.body?.includes("application/json");
  const headers: Record<string, string> = op.idempotent ? { "Idempotency-Key": `sweep-${crypto.randomUUID()}` } : {};
  if (op.roles.length > 0) out.push({ name: "no token", status: 401, send: () => call(op.method, valid, { as: "none" }) });
  const refused = Object.keys(ROLE_TOKENS).find((r) => op.roles.length > 0 && !op.roles.includes(r));
  if (refused) out.push({ name: `a ${refused} token`, status: 403, send: () => call(op.method, valid, { as: ROLE_TOKENS[refused]!, ...(jsonBody ? { body: {} } : {}), headers }) });
  if (op.params.length > 0) out.push({ name: "a path parameter out of bounds", status: 400, send: () => call(op.method, fill(op, "X".repeat(200)), { as: allowed, ...(jsonBody ? { body: {} } : {}), headers }) });
  if (op.query) out.push({ name: "a query out of bounds", status: 400, send: () => call(op.method, `${valid}?${BAD_QUERY}`, { as: allowed }) });
  if (jsonBody) {
    out.push({ name: "a body of the wrong shape", status: 400, send: () => call(op.method, valid, { as: allowed, body: [], headers }) });
    out.push({ name: "a body that is not JSON", status: 415, send: () => call(op.method, valid, { as: allowed, rawBody: "a=1", headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" } }) });
  } else if (op.body) out.push({ name: "a body of another media type", status: 415, send: () => call(op.method, valid, { as: allowed, rawBody: "<b>x</b>", headers: { ...headers, "Content-Type": "text/html" } }) });
  if (op.body) out.push({ name: "an oversized body", status: 413, send: () => call(op.method, valid, { as: allowed, rawBody: JSON.stringify({ pad: "x".repeat(600 * 1024) }), headers: { ...headers, "Content-Type": "application/json" } }) });
  if (op.idempotent) out.push({ name: "a malformed Idempotency-Key", status: 400, send: () => call(op.method, valid, { as: allowed, body: {}, headers: { "Idempotency-Key": "x".repeat(200) } }) });
  return out;
}

describe("every documented operation refuses bad requests as documented", () => {
  it("answers each shared refusal with its status in the envelope and changes nothing", { timeout: 120_000 }, async () => {
    const ops = await documentedOperations();
    expect(ops.length).toBeGreaterThan(30);
    const before = await databaseDump(env.DB);
    const wrong: string[] = [];
    for (const op of ops) {
      for (const probe of probes(op)) {
        const res = await probe.send();
        const envelope = typeof res.body?.error?.code === "string" && typeof res.body.error.message === "string";
        if (res.status !== probe.status || !envelope) wrong.push(`${op.method} ${op.path}, ${probe.name}: ${res.status} ${res.text.slice(0, 120)}`);
      }
    }
    expect(wrong).toEqual([]);
    expect(await databaseDump(env.DB)).toBe(before);
  });

  it("has tokens for every role it sweeps", () => expect(Object.keys(TOKENS).sort()).toEqual(["admin", "reviewer", "unit"]));
});
