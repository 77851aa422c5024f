/**
 * Replay and concurrency (issue 7): nothing lost, nothing doubled.
 */
import { describe, expect, it } from "vitest";
import { BEFORE_DEADLINE, call, COMMUNE_SET, count, fullItems, uniqueKey } from "./helpers.ts";

const items = fullItems(COMMUNE_SET);
const submit = (key: string, body: unknown = { period: "2024-commune", items }) =>
  call("POST", "/v1/submissions", { as: "unit", body, at: BEFORE_DEADLINE, headers: { "Idempotency-Key": key } });
const versions = () => count("submissions", "unit_id = 'xa-an-phu' AND period_id = '2024-commune'");

describe("replay and concurrency", () => {
  it("the same submission sent 50 times with one key (half of them at once) is stored once", async () => {
    const before = await versions();
    const key = uniqueKey("replay");
    const first = await submit(key);
    expect(first.status).toBe(201);
    const sequential = [];
    for (let i = 0; i < 25; i++) sequential.push(await submit(key));
    const concurrent = await Promise.all(Array.from({ length: 24 }, () => submit(key)));
    for (const res of [...sequential, ...concurrent]) {
      expect(res.status).toBe(first.status);
      expect(res.text).toBe(first.text);
    }
    expect(await versions()).toBe(before + 1);
  });

  it("20 concurrent submissions with distinct keys become 20 consecutive versions, none lost", async () => {
    const before = await versions();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => submit(uniqueKey(`conc-${i}`))));
    expect(answers.map((a) => a.status)).toEqual(Array(20).fill(201));
    const numbers = answers.map((a) => a.body.version as number).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => numbers[0]! + i));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(20);
    expect(await versions()).toBe(before + 20);
    expect(await count("audit_log", "action LIKE '%submission%' AND entity_id IN (" + answers.map(() => "?").join(",") + ")", ...answers.map((a) => a.body.id))).toBe(20);
  });
});
