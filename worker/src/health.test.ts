import { describe, expect, it } from "vitest";
import { call } from "../test/helpers.ts";

describe("GET /health", () => {
  it("answers without a token and checks the database", async () => {
    const res = await call("GET", "/health", { as: "none" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: "ok", database: "ok" });
  });

  it("answers unknown paths with the JSON envelope", async () => {
    const res = await call("GET", "/nope", { as: "none" });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: "NOT_FOUND", message: expect.any(String) } });
  });
});
