/**
 * The body limit over a streamed body (no Content-Length), in workerd: over the limit the
 * answer is still the 413 envelope after the rest is taken off (src/body-limit.ts, CF3-1), and
 * under it the body reaches the route whole. What happened to the NEXT request under
 * `wrangler dev` is tested against a real one: dev/chunked-413.node.test.ts.
 */
import { describe, expect, it } from "vitest";
import { workerFetch } from "./observed-statuses.ts";

function streamed(text: string, chunk = 65_536): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let at = 0;
  return new ReadableStream({
    pull(controller) {
      if (at >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(at, (at += chunk)));
    },
  });
}

const post = (body: ReadableStream<Uint8Array>) =>
  workerFetch("https://parindex.test/v1/submissions", {
    method: "POST",
    body,
    headers: { Authorization: "Bearer demo-unit", "Content-Type": "application/json", "X-Test-Now": "2025-03-01T09:00:00+07:00" },
    duplex: "half",
  } as RequestInit);

describe("a streamed body and the body limit", () => {
  it("answers 413 in the envelope over the limit, and reads one under it whole", async () => {
    const over = await post(streamed(JSON.stringify({ period: "2024-commune", items: [{ code: "1.3", self: 1, evidence: "x".repeat(3_000_000) }] })));
    expect([over.status, ((await over.json()) as { error: { code: string } }).error.code]).toEqual([413, "PAYLOAD_TOO_LARGE"]);
    // under the limit: read whole, so the route sees the JSON (and refuses what it says, not its size)
    const under = await post(streamed(JSON.stringify({ period: "2024-commune", items: [{ code: "1.3", self: 1, evidence: "x".repeat(200_000) }], nope: 1 }), 1000));
    const body = (await under.json()) as { error: { code: string } };
    expect([under.status, body.error.code]).toEqual([400, "VALIDATION_FAILED"]);
  });
});
