/**
 * `npm start` seeds a kept local database again on every start, moving the demo's deadline
 * exceptions later. A period someone locked there refuses any write to its exceptions inside
 * the database (migration 0022): the seed leaves that period's exceptions as they are instead
 * of failing the start.
 */
import { env } from "cloudflare:test";
import { expect, it } from "vitest";
import { DEMO_OPEN_EXCEPTION, demoSeedStatements } from "../src/seed/demo-seed.ts";
import { DEMO_SETS } from "./helpers.ts";

const seed = async (openAt: Date) => env.DB.batch((await demoSeedStatements(DEMO_SETS, "2024-01-01T00:00:00.000Z", { openAt })).map((s) => env.DB.prepare(s)));
const exception = () =>
  env.DB.prepare("SELECT deadline FROM deadline_exceptions WHERE unit_id = ?1 AND period_id = ?2").bind(DEMO_OPEN_EXCEPTION.unit, DEMO_OPEN_EXCEPTION.period).first<{ deadline: string }>();

it("seeds again over a locked demo period, leaving its exception as it was", async () => {
  await seed(new Date("2026-03-01T00:00:00Z"));
  const first = await exception();
  expect(first?.deadline).toMatch(/^2027-01-31/);
  await env.DB.prepare("UPDATE periods SET locked = 1 WHERE id = ?1").bind(DEMO_OPEN_EXCEPTION.period).run();
  await seed(new Date("2027-03-01T00:00:00Z"));
  expect(await exception()).toEqual(first);
  // unlocked, the next start moves it later again
  await env.DB.prepare("UPDATE periods SET locked = 0 WHERE id = ?1").bind(DEMO_OPEN_EXCEPTION.period).run();
  await seed(new Date("2027-03-01T00:00:00Z"));
  expect((await exception())?.deadline).toMatch(/^2028-01-31/);
});
