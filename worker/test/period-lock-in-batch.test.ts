/**
 * A period's lock holds inside each write, not only in the check before it (migration 0022):
 * the lock below lands in the instant between the route's check (routes/periods.ts reads
 * `locked`, finds 0) and the write's own batch — the race the check alone left open. Every
 * write to the period's results then answers 409 PERIOD_LOCKED as the check does, and stores
 * nothing: no appraisal step, score, explanation, survey score or deadline exception, and no
 * audit row of it.
 */
import { createExecutionContext, env, waitOnExecutionContext } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import app from "../src/index.ts";
import { appraise, AT, newPeriod, step, submitFor } from "./cycle-helpers.ts";
import { TOKENS, uniqueKey } from "./helpers.ts";
import { observe } from "./observed-statuses.ts";

const CHECK = "SELECT locked FROM periods WHERE id = ?1";

/** env.DB, except that the route's lock check is answered and the period locked right after it. */
function lockedAfterCheck(db: D1Database, period: string): D1Database {
  return new Proxy(db, {
    get(target, prop) {
      if (prop === "prepare") {
        return (query: string) => {
          const statement = target.prepare(query);
          if (query !== CHECK) return statement;
          return {
            bind: (...values: unknown[]) => ({
              first: async () => {
                const answer = await statement.bind(...values).first();
                await target.prepare("UPDATE periods SET locked = 1 WHERE id = ?1").bind(period).run();
                return answer;
              },
            }),
          };
        };
      }
      const value: unknown = Reflect.get(target, prop);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

async function racing(period: string, method: string, path: string, body: string, contentType = "application/json", as: keyof typeof TOKENS = "admin") {
  const ctx = createExecutionContext();
  const headers = { Authorization: `Bearer ${TOKENS[as]}`, "Content-Type": contentType, "X-Test-Now": AT, "Idempotency-Key": uniqueKey("race") };
  const res = await app.fetch(new Request(`https://parindex.test${path}`, { method, headers, body }), { ...env, DB: lockedAfterCheck(env.DB, period) }, ctx);
  await waitOnExecutionContext(ctx);
  observe(method, path, res.status);
  return { status: res.status, body: (await res.json()) as { error?: { code: string; message: string } } };
}

const count = async (sql: string, period: string) => (await env.DB.prepare(sql).bind(period).first<{ n: number }>())!.n;
const stored = async (p: string) => ({
  events: await count("SELECT count(*) AS n FROM review_events WHERE period_id = ?1", p),
  appraised: await count("SELECT count(*) AS n FROM appraisal_items WHERE period_id = ?1", p),
  explanations: await count("SELECT count(*) AS n FROM explanations WHERE period_id = ?1", p),
  survey: await count("SELECT count(*) AS n FROM survey_scores WHERE period_id = ?1", p),
  exceptions: await count("SELECT count(*) AS n FROM deadline_exceptions WHERE period_id = ?1", p),
  audit: await count("SELECT count(*) AS n FROM audit_log WHERE entity_id LIKE ?1 || '%' OR detail LIKE '%' || ?1 || '%'", p),
});
const unlock = (p: string) => env.DB.prepare("UPDATE periods SET locked = 0 WHERE id = ?1").bind(p).run();

describe("a lock landing between the route's check and the write's batch", () => {
  it("refuses each write to the period's results 409 PERIOD_LOCKED and stores none of it", async () => {
    const p = await newPeriod(`t-race-${uniqueKey().slice(-10)}`);
    await submitFor(p, "xa-binh-hoa");
    await submitFor(p, "xa-an-loc");
    expect((await step(p, "xa-an-loc", { action: "start_review" })).status).toBe(200);
    expect((await step(p, "xa-an-loc", { action: "return", reason: "Bổ sung minh chứng" })).status).toBe(200);
    const before = await stored(p);
    const writes: [string, string, string, string?, (keyof typeof TOKENS)?][] = [
      ["POST", `/v1/periods/${p}/units/xa-binh-hoa/appraisal/transitions`, JSON.stringify({ action: "start_review" }), undefined, "reviewer"],
      ["POST", `/v1/periods/${p}/units/xa-an-loc/appraisal/transitions`, JSON.stringify({ action: "explain", explanations: [{ code: "1.2", text: "Đã bổ sung" }] })],
      ["POST", `/v1/periods/${p}/survey`, "xa-binh-hoa;7.1.1;1\n", "text/csv"],
      ["POST", `/v1/periods/${p}/exceptions`, JSON.stringify({ unit: "xa-an-phu", deadline: "2025-02-28", reason: "Bão lũ" })],
    ];
    for (const [method, path, body, type, as] of writes) {
      const res = await racing(p, method, path, body, type, as);
      expect([path, res.status, res.body.error?.code]).toEqual([path, 409, "PERIOD_LOCKED"]);
      expect(res.body.error?.message).toMatch(new RegExp(`^Kỳ đánh giá ${p} đã khóa`));
      await unlock(p);
    }
    expect(await stored(p)).toEqual(before);
  });

  it("refuses an appraised score written while the unit is under review", async () => {
    const p = await newPeriod(`t-race-${uniqueKey().slice(-10)}`);
    await submitFor(p, "xa-binh-hoa");
    expect((await step(p, "xa-binh-hoa", { action: "start_review" })).status).toBe(200);
    const before = await stored(p);
    const res = await racing(p, "PUT", `/v1/periods/${p}/units/xa-binh-hoa/appraisal/items`, JSON.stringify({ items: [{ code: "1.1.1", score: 1 }] }), undefined, "reviewer");
    expect([res.status, res.body.error?.code]).toEqual([409, "PERIOD_LOCKED"]);
    expect(await stored(p)).toEqual(before);
    // unlocked again, the same write goes through: the refusal was the lock's
    await unlock(p);
    expect((await appraise(p, "xa-binh-hoa", [{ code: "1.1.1", score: 1 }])).status).toBe(200);
  });
});
