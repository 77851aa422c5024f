import { describe, expect, it } from "vitest";
import { call } from "../test/helpers.ts";
import app from "./index.ts";

/** The document is generated from the route definitions; these check what it must say. */
describe("GET /openapi.json", () => {
  it("has an operation for every route the app mounts, and none it does not, with resolvable references", async () => {
    const res = await call("GET", "/openapi.json", { as: "none" });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");
    // Hono's route table (middleware is method ALL); the bench routes exist only with BENCH_RAW_INSERT=1.
    // "/" (the web checker's page) and /openapi.json (the document itself) are described too.
    const mounted = app.routes
      .filter((r) => r.method !== "ALL" && !r.path.startsWith("/v1/bench/"))
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`));
    expect(mounted.length).toBeGreaterThan(30);
    expect([...new Set(mounted)].sort()).toEqual([...documented].sort());
    const refs = [...res.text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const name of new Set(refs)) expect(doc.components.schemas[name], name).toBeDefined();
  });

  it("lets a nullable named schema be null: anyOf [its $ref, null], never allOf (whose $ref branch refuses null)", async () => {
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
    const forbidding: string[] = [];
    const walk = (node: unknown, at: string): void => {
      if (!node || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      const all = o.allOf as Record<string, unknown>[] | undefined;
      const allowsNull = (s: Record<string, unknown>) => s.type === "null" || (Array.isArray(s.type) && s.type.includes("null"));
      if (Array.isArray(all) && all.some((s) => "$ref" in s) && all.some(allowsNull)) forbidding.push(at);
      for (const [k, v] of Object.entries(o)) walk(v, `${at}/${k}`);
    };
    walk(doc, "#");
    expect(forbidding).toEqual([]);
    const schemas = doc.components.schemas;
    expect(schemas.SubmissionDetail.properties.clientReport.anyOf).toEqual([{ $ref: "#/components/schemas/Report" }, { type: "null" }]);
    expect(schemas.NewUnit.properties.parentId.anyOf).toContainEqual({ type: "null" });
    // A unit without data has no rank (pane red team, finding 1).
    expect(schemas.RankingEntry.properties.rank.type).toEqual(["integer", "null"]);
  });

  it("says who may call each route and what it answers (issue 15, item 7)", async () => {
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
    const ranking = doc.paths["/v1/periods/{id}/ranking"].get;
    expect(ranking["x-roles"]).toEqual(["reviewer", "admin"]);
    expect(Object.keys(ranking.responses)).toEqual(expect.arrayContaining(["200", "400", "401", "403", "404"]));
    expect(Object.keys(ranking.responses["200"].content)).toEqual(["application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
    expect(ranking.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "format", in: "query" })]));
    expect(Object.keys(doc.paths["/v1/submissions/{id}/register"].get.responses["200"].content)).toEqual(["application/json", "text/csv"]);
    expect(Object.keys(doc.paths["/v1/periods/{id}/survey"].post.requestBody.content)).toContain("text/csv");
    expect(doc.paths["/v1/submissions"].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "idempotency-key", in: "header", required: false })]));
    expect(doc.paths["/health"].get.security).toEqual([]);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: unknown }> }> }>>)) {
      for (const [method, op] of Object.entries(ops)) {
        for (const [status, r] of Object.entries(op.responses)) {
          if (Number(status) >= 400) expect(r.content?.["application/json"]?.schema, `${method} ${path} ${status}`).toEqual({ $ref: "#/components/schemas/ErrorEnvelope" });
        }
      }
    }
  });
});
