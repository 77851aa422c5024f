import { describe, expect, it } from "vitest";
import { call } from "../test/helpers.ts";
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
});
