import { describe, expect, it } from "vitest";
import { call } from "../test/helpers.ts";
import app from "./index.ts";
import { ROUTES } from "./openapi.ts";

describe("GET /openapi.json", () => {
  it("describes every route from the zod schemas, with resolvable references", async () => {
    const res = await call("GET", "/openapi.json", { as: "none" });
    expect(res.status).toBe(200);
    const doc = res.body;
    expect(doc.openapi).toBe("3.1.0");
    for (const r of ROUTES) expect(doc.paths[r.path][r.method], `${r.method} ${r.path}`).toBeDefined();
    const refs = [...res.text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]!);
    for (const name of new Set(refs)) expect(doc.components.schemas[name], name).toBeDefined();
    expect(doc.components.schemas.SubmissionRequestInput.properties.items).toBeDefined();
    expect(doc.paths["/v1/submissions"].post.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "Idempotency-Key", in: "header" })]));
  });

  it("has an operation for every route the app mounts, and none it does not", async () => {
    // Hono's route table (middleware is method ALL); the bench routes exist only with BENCH_RAW_INSERT=1.
    const mounted = app.routes
      .filter((r) => r.method !== "ALL" && !r.path.startsWith("/v1/bench/") && r.path !== "/openapi.json")
      .map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, "{$1}")}`);
    expect(mounted.length).toBeGreaterThan(25);
    const documented = ROUTES.map((r) => `${r.method} ${r.path}`);
    expect(new Set(documented).size).toBe(documented.length);
    expect([...new Set(mounted)].sort()).toEqual([...documented].sort());
    const doc = (await call("GET", "/openapi.json", { as: "none" })).body;
    for (const [schema] of [["AppraisalView"], ["Board"], ["Ranking"], ["ReviewTransitionInput"], ["BulkReviewInput"]]) expect(doc.components.schemas[schema!], schema).toBeDefined();
    const ranking = doc.paths["/v1/periods/{id}/ranking"].get;
    expect(Object.keys(ranking.responses["200"].content)).toEqual(["application/json", "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]);
    expect(ranking.parameters).toEqual(expect.arrayContaining([expect.objectContaining({ name: "format", in: "query" })]));
    expect(Object.keys(doc.paths["/v1/periods/{id}/survey"].post.requestBody.content)).toContain("text/csv");
  });
});
