import { env } from "cloudflare:test";
import { describe, expect, it } from "vitest";
import { indexCriteria } from "../../shared/index.ts";
import { periodScope } from "../src/cycle/period-units.ts";
import { setCodesText } from "../src/cycle/ranking-units.ts";
import { AT, createCommune, newPeriod, submitFor } from "./cycle-helpers.ts";
import { call } from "./helpers.ts";

/**
 * A rebuild reads each unit's leaves without their codes when they are exactly the set's
 * (ranking-units.ts, setCodesText); a version whose rows are any other codes is read by its
 * own codes. Both readings must rank the unit the same.
 */
const P = "t-inputs-2024";
const UNIT = "t-inputs-a";

const rebuilt = async () => {
  await env.DB.batch([env.DB.prepare("UPDATE ranking_units SET computed_rev = 0 WHERE period_id = ?1").bind(P), env.DB.prepare("UPDATE ranking_periods SET built = NULL WHERE period_id = ?1").bind(P)]);
  const res = await call("GET", `/v1/periods/${P}/ranking`, { at: AT });
  expect(res.status, res.text).toBe(200);
  return res.body;
};

describe("a unit's leaves as a rebuild reads them", () => {
  it("a version scored on every leaf of the set lists the set's codes, in the order the rebuild's text expects", async () => {
    await newPeriod(P, 2024);
    await createCommune(UNIT, "Xã Đầu Vào A");
    await submitFor(P, UNIT, { short: 2 });
    const { set } = await periodScope(env.DB, P);
    const row = await env.DB.prepare("SELECT group_concat(code, char(31)) AS codes FROM (SELECT code FROM submission_items WHERE period_id = ?1 AND unit_id = ?2 ORDER BY code)")
      .bind(P, UNIT)
      .first<{ codes: string }>();
    expect(row?.codes).toBe(setCodesText(indexCriteria(set)));
  });

  it("a version with a row the set does not have is read by its own codes and ranked the same", async () => {
    const before = await rebuilt();
    // Rows are append-only: a stray leaf added to the latest version (as an older set's might leave).
    await env.DB.prepare(
      `INSERT INTO submission_items (submission_id, period_id, unit_id, version, code, field_code, kind, max_cents, score_cents, not_applicable, adjustment)
       SELECT id, period_id, unit_id, version, 'zz', 'zz', 'manual', 100, 100, 0, 0 FROM submissions WHERE period_id = ?1 AND unit_id = ?2 ORDER BY version DESC LIMIT 1`,
    )
      .bind(P, UNIT)
      .run();
    expect(await rebuilt()).toEqual(before);
  });
});
