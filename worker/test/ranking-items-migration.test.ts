import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { periodScope } from "../src/cycle/period-units.ts";
import { effectiveItemsOf } from "../src/cycle/ranking-units.ts";
import { createCommune, newPeriod, submitFor } from "./cycle-helpers.ts";

/**
 * Migration 0010 changed what ranking_units.items holds: [code, cents, max cents] triples
 * became one number (or null) per leaf of the set. A database migrated with results stored in
 * the old form must give analysis and history the same effective items as before: the
 * migration marks those results to be computed again, so the old form is never read as new.
 */
const P = "t-items-2024";
const UNIT = "t-items-a";

describe("ranking_units.items after migration 0010", () => {
  it("a result stored as triples is computed again, never read in the new form", async () => {
    await newPeriod(P, 2024);
    await createCommune(UNIT, "Xã Mục A");
    await submitFor(P, UNIT, { short: 2 });
    const { set } = await periodScope(env.DB, P);
    const expected = (await effectiveItemsOf(env.DB, P, set, [UNIT])).get(UNIT)!;
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.some(([, cents, max]) => cents < max)).toBe(true);

    // The unit's result as the code before 0010 stored it: triples, and current.
    await env.DB.prepare("UPDATE ranking_units SET items = ?3, computed_rev = rev WHERE period_id = ?1 AND unit_id = ?2").bind(P, UNIT, JSON.stringify(expected)).run();
    const migration = env.TEST_MIGRATIONS.find((m) => m.name.startsWith("0010_"))!;
    // Its index statements already ran with the others; its data statement runs again here.
    const update = migration.queries.filter((q) => /^\s*UPDATE ranking_units/m.test(q) && !/CREATE|DROP/.test(q));
    expect(update.length).toBe(1);
    await env.DB.prepare(update[0]!).run();

    expect((await effectiveItemsOf(env.DB, P, set, [UNIT])).get(UNIT)).toEqual(expected);
    const stored = await env.DB.prepare("SELECT items FROM ranking_units WHERE period_id = ?1 AND unit_id = ?2").bind(P, UNIT).first<{ items: string }>();
    const perLeaf = JSON.parse(stored!.items) as unknown[];
    expect(perLeaf.every((v) => v === null || typeof v === "number")).toBe(true);
  });
});
