import { workerFetch } from "../test/observed-statuses.ts";
import { describe, expect, it } from "vitest";

describe("CORS for the task pane", () => {
  it("answers the add-in origin's preflight for an authorised, idempotent POST", async () => {
    const res = await workerFetch("https://api.test/v1/submissions", {
      method: "OPTIONS",
      headers: {
        Origin: "https://localhost:3000",
        "Access-Control-Request-Method": "POST",
        "Access-Control-Request-Headers": "authorization, content-type, idempotency-key",
      },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("https://localhost:3000");
    expect(res.headers.get("Access-Control-Allow-Headers")?.toLowerCase()).toContain("idempotency-key");
    expect(res.headers.get("Access-Control-Allow-Credentials")).toBeNull();
  });

  it("gives other origins no CORS grant", async () => {
    const res = await workerFetch("https://api.test/health", { headers: { Origin: "https://evil.example" } });
    expect(res.status).toBe(200);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("keeps the grant on error answers so the pane can read the envelope", async () => {
    const res = await workerFetch("https://api.test/v1/periods", { headers: { Origin: "https://localhost:3000" } });
    expect(res.status).toBe(401);
    expect(res.headers.get("Access-Control-Allow-Origin")).toBe("https://localhost:3000");
    expect(await res.json()).toMatchObject({ error: { code: expect.any(String) } });
  });
});
